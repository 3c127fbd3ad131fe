/**
 * "Jobs for me" (/me/jobs): the open jobs ranked for the signed-in learner, each with its score and
 * the reason in a sentence; and their applications with the steps each went through, withdrawable
 * until the employer has decided.
 */
import './styles';
import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { applicationsApi } from '../../api/endpoints';
import type { ApplicationStatus, MyApplication } from '../../api/types';
import { EmptyState } from '../../components/ui/EmptyState';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { formatDate } from '../../components/ui/format';
import { PageLoader } from '../../components/ui/PageLoader';
import { usePageTitle } from '../../components/ui/usePageTitle';
import { currentLocale } from '../../i18n';
import { ConfirmModal } from '../admin/components';
import { ApplicationStatusBadge, JobCard, ScoreMeter, StatusHistory, VerifiedBadge } from './components';
import { jobMatchesQuery, myApplicationsQuery } from './queries';

/** Statuses an applicant may still withdraw from. */
const withdrawable: readonly ApplicationStatus[] = ['applied', 'screened', 'interview', 'offer'];

export function MyJobsPage() {
  const { t } = useTranslation();
  usePageTitle(t('myJobs.title'));
  return (
    <Stack gap="xl">
      <div>
        <Title order={1}>{t('myJobs.title')}</Title>
        <Text c="dimmed">{t('myJobs.intro')}</Text>
        <Group gap="md" mt="xs">
          <Anchor component={Link} to="/me/profile" size="sm" data-testid="my-jobs-profile-link">
            {t('myJobs.editProfile')}
          </Anchor>
          <Anchor component={Link} to="/jobs" size="sm">
            {t('myJobs.allJobs')}
          </Anchor>
        </Group>
      </div>
      <Matches />
      <Applications />
    </Stack>
  );
}

function Matches() {
  const { t } = useTranslation();
  const matches = useQuery(jobMatchesQuery);
  return (
    <section aria-labelledby="my-matches">
      <Title order={2} size="h3" id="my-matches" mb="sm">
        {t('myJobs.matches')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('myJobs.order')}
      </Text>
      <ErrorAlert error={matches.error} />
      {matches.isPending ? (
        <PageLoader />
      ) : matches.data && !matches.data.hasSkills ? (
        <EmptyState
          message={t('myJobs.noSkills')}
          action={
            <Button component={Link} to="/me/profile" variant="light" data-testid="my-jobs-add-skills">
              {t('myJobs.addSkills')}
            </Button>
          }
        />
      ) : matches.data && matches.data.items.length === 0 ? (
        <EmptyState message={t('myJobs.noMatches')} />
      ) : matches.data ? (
        <Stack
          gap="md"
          component="ol"
          className="plain-list"
          aria-label={t('myJobs.matches')}
          data-testid="job-matches"
        >
          {matches.data.items.map((m) => (
            <li key={m.job.id} data-testid="job-match">
              <JobCard job={m.job} headingLevel={3}>
                <ScoreMeter score={m.explanation.score} />
                <Text size="sm" data-testid="match-reason">
                  {m.explanation.reason}
                </Text>
                <Text size="sm" c="dimmed" data-testid="match-uses">
                  {t('myJobs.uses', { used: m.yourSkillsUsed, count: m.yourSkills })}
                </Text>
              </JobCard>
            </li>
          ))}
        </Stack>
      ) : null}
    </section>
  );
}

function Applications() {
  const { t } = useTranslation();
  const list = useQuery(myApplicationsQuery);
  return (
    <section aria-labelledby="my-applications">
      <Title order={2} size="h3" id="my-applications" mb="sm">
        {t('myJobs.applications')}
      </Title>
      <ErrorAlert error={list.error} />
      {list.isPending ? (
        <PageLoader />
      ) : list.data && list.data.items.length === 0 ? (
        <EmptyState message={t('myJobs.noApplications')} />
      ) : list.data ? (
        <Stack gap="md" component="ul" className="plain-list" data-testid="my-applications">
          {list.data.items.map((a) => (
            <li key={a.id}>
              <ApplicationCard application={a} />
            </li>
          ))}
        </Stack>
      ) : null}
    </section>
  );
}

function ApplicationCard({ application: a }: { application: MyApplication }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const withdraw = useMutation({
    mutationFn: () => applicationsApi.withdraw(a.id),
    onSuccess: () => {
      setConfirming(false);
      void queryClient.invalidateQueries({ queryKey: ['my-applications'] });
      void queryClient.invalidateQueries({ queryKey: ['job-fit', a.job.id] });
      notifications.show({ color: 'blue', message: t('myJobs.withdrawn') });
    },
  });
  return (
    <Card withBorder radius="md" padding="md" component="article" data-testid="my-application-card">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="wrap" align="flex-start">
          <div style={{ minWidth: 0 }}>
            <Title order={3} size="h4" lang={a.job.language} style={{ overflowWrap: 'anywhere' }}>
              <Anchor component={Link} to={`/jobs/${a.job.id}`} inherit>
                {a.job.title}
              </Anchor>
            </Title>
            <Group gap={6} wrap="wrap">
              <Text size="sm" c="dimmed">
                {a.job.employer.name}
              </Text>
              <VerifiedBadge verified={a.job.employer.verified} />
            </Group>
          </div>
          <ApplicationStatusBadge status={a.status} />
        </Group>
        <Text size="xs" c="dimmed">
          {t('myJobs.appliedOn', { date: formatDate(a.createdAt, locale) })}
        </Text>
        <StatusHistory history={a.history} />
        {withdrawable.includes(a.status) && (
          <Group>
            <Button
              variant="default"
              size="xs"
              onClick={() => setConfirming(true)}
              data-testid="withdraw-button"
            >
              {t('myJobs.withdraw')}
            </Button>
          </Group>
        )}
      </Stack>
      <ConfirmModal
        opened={confirming}
        title={t('myJobs.withdrawTitle')}
        message={t('myJobs.withdrawConfirm', { title: a.job.title })}
        confirmLabel={t('myJobs.withdraw')}
        loading={withdraw.isPending}
        error={withdraw.error}
        onConfirm={() => withdraw.mutate()}
        onClose={() => setConfirming(false)}
      />
    </Card>
  );
}
