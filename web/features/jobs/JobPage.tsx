/**
 * One job (/jobs/:id): the description (plain text, never HTML), the skills it asks for, Japanese
 * level, visa, salary and closing date, and the employer. A signed-in learner sees beside it how well
 * they fit (score, reason, matched and missing skills), the courses that close the gap, and applies —
 * or reads why they cannot yet. The employer's own staff get the way to its candidates.
 */
import './styles';
import { Alert, Anchor, Button, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { jobsApi } from '../../api/endpoints';
import type { JobDetail, MyJobFit } from '../../api/types';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { PageLoader } from '../../components/ui/PageLoader';
import { useMe } from '../auth/hooks';
import { worksFor } from './access';
import {
  ApplicationStatusBadge,
  CoursesPanel,
  ExplanationView,
  JobFacts,
  JobStatusBadge,
  Panel,
  VerifiedBadge,
  WithJob,
} from './components';
import { jobFitQuery } from './queries';

export function JobPage() {
  return <WithJob render={(job) => <Job job={job} />} />;
}

function Job({ job }: { job: JobDetail }) {
  const { t } = useTranslation();
  const { me } = useMe();
  const staff = worksFor(me, job.employer.id);
  const required = job.skills.filter((s) => s.required);
  const nice = job.skills.filter((s) => !s.required);
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Anchor component={Link} to="/jobs" size="sm">
          <span aria-hidden="true">← </span>
          {t('jobs.back')}
        </Anchor>
        <Group gap="sm" align="center" wrap="wrap">
          <Title order={1} lang={job.language} data-testid="job-title" style={{ overflowWrap: 'anywhere' }}>
            {job.title}
          </Title>
          <JobStatusBadge status={job.status} />
        </Group>
        <Group gap={6} wrap="wrap">
          <Text c="dimmed" data-testid="job-employer">
            {job.employer.name}
          </Text>
          <VerifiedBadge verified={job.employer.verified} />
        </Group>
        <JobFacts job={job} />
      </Stack>

      <div className="course-layout">
        <Stack gap="lg">
          <section aria-labelledby="job-description">
            <Title order={2} size="h3" id="job-description" mb="xs">
              {t('jobs.description')}
            </Title>
            {/* Plain text as the employer wrote it: line breaks kept, never read as HTML. */}
            <Text
              lang={job.language}
              style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}
              data-testid="job-description"
            >
              {job.description || t('jobs.noDescription')}
            </Text>
          </section>
          {[
            { key: 'required', title: t('jobs.requiredSkills'), skills: required },
            { key: 'nice', title: t('jobs.niceSkills'), skills: nice },
          ]
            .filter((g) => g.skills.length > 0)
            .map((g) => (
              <section aria-labelledby={`job-skills-${g.key}`} key={g.key}>
                <Title order={2} size="h3" id={`job-skills-${g.key}`} mb="xs">
                  {g.title}
                </Title>
                <List size="sm" spacing={4} data-testid={`job-skills-${g.key}`}>
                  {g.skills.map((s) => (
                    <List.Item key={s.skillId}>
                      {s.name}
                      <Text span size="sm" c="dimmed">
                        {` · ${t(`proficiency.${s.level}` as 'proficiency.1')}`}
                      </Text>
                    </List.Item>
                  ))}
                </List>
              </section>
            ))}
        </Stack>
        <div className="course-side">
          {staff ? <StaffPanel job={job} /> : me ? <FitPanel job={job} /> : <VisitorPanel />}
        </div>
      </div>
    </Stack>
  );
}

function VisitorPanel() {
  const { t } = useTranslation();
  const location = useLocation();
  const next = encodeURIComponent(location.pathname);
  return (
    <Panel title={t('jobs.fit.title')}>
      <Stack gap="sm">
        <Text size="sm">{t('jobs.fit.signIn')}</Text>
        <Button component={Link} to={`/login?next=${next}`} data-testid="job-login">
          {t('nav.login')}
        </Button>
      </Stack>
    </Panel>
  );
}

function StaffPanel({ job }: { job: JobDetail }) {
  const { t } = useTranslation();
  return (
    <Panel title={t('jobs.staff.title')} testId="job-staff-panel">
      <Stack gap="sm">
        {job.applications !== null && (
          <Text size="sm">{t('jobs.staff.applications', { count: job.applications })}</Text>
        )}
        <Button component={Link} to={`/employer/jobs/${job.id}`} data-testid="job-manage">
          {t('jobs.staff.manage')}
        </Button>
      </Stack>
    </Panel>
  );
}

function FitPanel({ job }: { job: JobDetail }) {
  const { t } = useTranslation();
  const fit = useQuery(jobFitQuery(job.id));
  return (
    <Stack gap="md">
      <Panel title={t('jobs.fit.title')} testId="job-fit">
        {fit.isPending ? (
          <PageLoader />
        ) : fit.data ? (
          <Stack gap="md">
            <ExplanationView explanation={fit.data.explanation} />
            <ApplyBox job={job} fit={fit.data} />
          </Stack>
        ) : (
          <ErrorAlert error={fit.error} />
        )}
      </Panel>
      {fit.data && fit.data.courses.length > 0 && <CoursesPanel courses={fit.data.courses} />}
    </Stack>
  );
}

/** Apply with an optional note; or the application's status; or why applying is not possible yet. */
function ApplyBox({ job, fit }: { job: JobDetail; fit: MyJobFit }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const apply = useMutation({
    mutationFn: () => jobsApi.apply(job.id, { note: note.trim() || undefined }),
    onSuccess: (application) => {
      queryClient.setQueryData(jobFitQuery(job.id).queryKey, (old: MyJobFit | undefined) =>
        old ? { ...old, application: { id: application.id, status: application.status } } : old,
      );
      void queryClient.invalidateQueries({ queryKey: ['my-applications'] });
      void queryClient.invalidateQueries({ queryKey: ['job-fit', job.id] });
      notifications.show({ color: 'green', message: t('jobs.apply.done') });
    },
  });

  if (fit.application) {
    return (
      <Alert color="blue" variant="light" title={t('jobs.apply.applied')} data-testid="my-application">
        <Stack gap="xs">
          <Group gap="xs">
            <Text size="sm">{t('jobs.apply.status')}</Text>
            <ApplicationStatusBadge status={fit.application.status} />
          </Group>
          <Anchor component={Link} to="/me/jobs" size="sm">
            {t('jobs.apply.seeAll')}
          </Anchor>
        </Stack>
      </Alert>
    );
  }
  if (fit.blockedBy) {
    const link =
      fit.blockedBy === 'no_profile' ? '/me/profile' : fit.blockedBy === 'closed' ? null : '/me/privacy';
    return (
      <Alert color="orange" variant="light" title={t('jobs.apply.blockedTitle')} data-testid="apply-blocked">
        <Stack gap="xs">
          <Text size="sm">{t(`jobs.blocked.${fit.blockedBy}`)}</Text>
          {link && (
            <Anchor component={Link} to={link} size="sm" fw={600} data-testid="apply-blocked-link">
              {link === '/me/profile' ? t('jobs.blocked.toProfile') : t('jobs.blocked.toPrivacy')}
            </Anchor>
          )}
        </Stack>
      </Alert>
    );
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        apply.mutate();
      }}
    >
      <Stack gap="sm">
        <Textarea
          label={t('jobs.apply.note')}
          description={t('jobs.apply.noteHint')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          maxLength={2000}
          autosize
          minRows={3}
          data-testid="apply-note"
        />
        <ErrorAlert error={apply.error} />
        <Button type="submit" loading={apply.isPending} data-testid="apply-button">
          {t('jobs.apply.button')}
        </Button>
      </Stack>
    </form>
  );
}
