/**
 * One of the employer's jobs (/employer/jobs/:id): the candidates the matching ranks for it (people
 * who agreed to be found, verified skills weighing more), each with the explanation; and the
 * applications as a pipeline, one group per status, each moved on only to the statuses the server
 * allows (`moves`), every move confirmed first.
 */
import '../jobs/styles';
import { Anchor, Badge, Button, Card, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { applicationStatuses } from '../../../common/talent';
import { applicationsApi } from '../../api/endpoints';
import type {
  ApplicationStatus,
  Candidate,
  CandidatePerson,
  JobApplication,
  JobDetail,
} from '../../api/types';
import { EmptyState } from '../../components/ui/EmptyState';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { formatDate } from '../../components/ui/format';
import { PageLoader } from '../../components/ui/PageLoader';
import { currentLocale } from '../../i18n';
import {
  ApplicationStatusBadge,
  ExplanationView,
  JobFacts,
  JobStatusBadge,
  ScoreMeter,
  StatusHistory,
  WithJob,
} from '../jobs/components';
import { candidatesQuery, jobApplicationsQuery } from '../jobs/queries';

export function EmployerJobPage() {
  return <WithJob render={(job) => <EmployerJob job={job} />} />;
}

function EmployerJob({ job }: { job: JobDetail }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xl">
      <Stack gap="xs">
        <Anchor component={Link} to="/employer" size="sm">
          <span aria-hidden="true">← </span>
          {t('jobForm.back')}
        </Anchor>
        <Group gap="sm" wrap="wrap">
          <Title order={1} lang={job.language} style={{ overflowWrap: 'anywhere' }} data-testid="job-title">
            {job.title}
          </Title>
          <JobStatusBadge status={job.status} />
        </Group>
        <Text c="dimmed">{job.employer.name}</Text>
        <JobFacts job={job} />
        <Anchor component={Link} to={`/jobs/${job.id}`} size="sm">
          {t('employerJob.publicPage')}
        </Anchor>
      </Stack>
      <Pipeline job={job} />
      <Candidates job={job} />
    </Stack>
  );
}

function PersonLine({ person }: { person: CandidatePerson }) {
  const { t } = useTranslation();
  return (
    <div style={{ minWidth: 0 }}>
      <Text fw={700} style={{ overflowWrap: 'anywhere' }} data-testid="person-name">
        {person.displayName}
      </Text>
      {person.headline && (
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {person.headline}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {[person.province?.name, person.jlpt ? t('employerJob.jlpt', { level: person.jlpt }) : null]
          .filter(Boolean)
          .join(' · ')}
      </Text>
    </div>
  );
}

function Candidates({ job }: { job: JobDetail }) {
  const { t } = useTranslation();
  const list = useQuery(candidatesQuery(job.id));
  return (
    <section aria-labelledby="job-candidates">
      <Title order={2} size="h3" id="job-candidates" mb={2}>
        {t('employerJob.candidates')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('employerJob.candidatesHint')}
      </Text>
      <ErrorAlert error={list.error} />
      {list.isPending ? (
        <PageLoader />
      ) : list.data && list.data.items.length === 0 ? (
        <EmptyState message={t('employerJob.noCandidates')} />
      ) : list.data ? (
        <Stack gap="md" component="ol" className="plain-list" data-testid="candidates">
          {list.data.items.map((c) => (
            <li key={c.person.personId}>
              <CandidateCard candidate={c} />
            </li>
          ))}
        </Stack>
      ) : null}
    </section>
  );
}

function CandidateCard({ candidate: c }: { candidate: Candidate }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="md" component="article" data-testid="candidate-card">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="wrap" align="flex-start">
          <PersonLine person={c.person} />
          {c.applicationId && (
            <Badge variant="light" color="blue" tt="none" className="status-badge">
              {t('employerJob.hasApplied')}
            </Badge>
          )}
        </Group>
        <ExplanationView explanation={c.explanation} headingLevel={4} />
      </Stack>
    </Card>
  );
}

function Pipeline({ job }: { job: JobDetail }) {
  const { t } = useTranslation();
  const list = useQuery(jobApplicationsQuery(job.id));
  const [moving, setMoving] = useState<{ application: JobApplication; to: ApplicationStatus } | null>(null);
  const groups = applicationStatuses
    .map((status) => ({ status, items: (list.data?.items ?? []).filter((a) => a.status === status) }))
    .filter((g) => g.items.length > 0);
  return (
    <section aria-labelledby="job-applications">
      <Title order={2} size="h3" id="job-applications" mb="sm">
        {t('employerJob.applications')}
      </Title>
      <ErrorAlert error={list.error} />
      {list.isPending ? (
        <PageLoader />
      ) : list.data && list.data.items.length === 0 ? (
        <EmptyState message={t('employerJob.noApplications')} />
      ) : (
        <div className="pipeline" data-testid="pipeline">
          {groups.map((g) => (
            <section
              key={g.status}
              aria-labelledby={`pipeline-${g.status}`}
              data-testid={`pipeline-${g.status}`}
            >
              <Group gap="xs" mb="xs">
                <Title order={3} size="h5" id={`pipeline-${g.status}`}>
                  {t(`applicationStatus.${g.status}`)}
                </Title>
                <Badge variant="default" tt="none" size="sm" className="status-badge">
                  {g.items.length}
                </Badge>
              </Group>
              <Stack gap="sm" component="ul" className="plain-list">
                {g.items.map((a) => (
                  <li key={a.id}>
                    <ApplicationCard application={a} onMove={(to) => setMoving({ application: a, to })} />
                  </li>
                ))}
              </Stack>
            </section>
          ))}
        </div>
      )}
      {moving && <MoveModal jobId={job.id} {...moving} onClose={() => setMoving(null)} />}
    </section>
  );
}

function ApplicationCard({
  application: a,
  onMove,
}: {
  application: JobApplication;
  onMove: (to: ApplicationStatus) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Card withBorder radius="md" padding="sm" component="article" data-testid="application-card">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="wrap" align="flex-start">
          <PersonLine person={a.person} />
          <ApplicationStatusBadge status={a.status} />
        </Group>
        <Text size="xs" c="dimmed">
          {t('employerJob.appliedOn', { date: formatDate(a.createdAt, locale) })}
        </Text>
        <ScoreMeter score={a.explanation.score} />
        <Text size="sm" data-testid="match-reason">
          {a.explanation.reason}
        </Text>
        {a.note && (
          <Text size="sm" fs="italic" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
            {a.note}
          </Text>
        )}
        <details>
          <summary className="details-summary">{t('employerJob.details')}</summary>
          <Stack gap="xs" mt="xs">
            <ExplanationView explanation={a.explanation} headingLevel={4} />
            <StatusHistory history={a.history} />
          </Stack>
        </details>
        {a.moves.length > 0 && (
          <Group gap="xs" wrap="wrap">
            {a.moves.map((to) => (
              <Button
                key={to}
                size="xs"
                variant={to === 'rejected' ? 'default' : 'light'}
                color={to === 'rejected' ? 'red' : undefined}
                onClick={() => onMove(to)}
                data-testid={`move-${to}`}
              >
                {t(`employerJob.moves.${to}` as 'employerJob.moves.screened')}
              </Button>
            ))}
          </Group>
        )}
      </Stack>
    </Card>
  );
}

/** Moving an application is confirmed first, with an optional note that goes into its history. */
function MoveModal({
  jobId,
  application,
  to,
  onClose,
}: {
  jobId: string;
  application: JobApplication;
  to: ApplicationStatus;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const move = useMutation({
    mutationFn: () => applicationsApi.move(application.id, { status: to, note: note.trim() || undefined }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['job-applications', jobId] });
      void queryClient.invalidateQueries({ queryKey: ['job-candidates', jobId] });
      notifications.show({
        color: 'green',
        message: t('employerJob.moved', {
          name: application.person.displayName,
          status: t(`applicationStatus.${to}`),
        }),
      });
      onClose();
    },
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('employerJob.moveTitle')}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          move.mutate();
        }}
      >
        <Stack gap="md">
          <Text>
            {t('employerJob.moveConfirm', {
              name: application.person.displayName,
              from: t(`applicationStatus.${application.status}`),
              to: t(`applicationStatus.${to}`),
            })}
          </Text>
          <Textarea
            label={t('employerJob.moveNote')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            maxLength={2000}
            autosize
            minRows={2}
            data-testid="move-note"
          />
          <ErrorAlert error={move.error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={move.isPending}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              color={to === 'rejected' ? 'red' : undefined}
              loading={move.isPending}
              data-testid="confirm-move"
            >
              {t(`employerJob.moves.${to}` as 'employerJob.moves.screened')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
