/**
 * The employer's desk (/employer): for each employer organisation the account works for, whether NIC
 * has verified it (only verified employers post jobs), its jobs — open and closed — with closing, and
 * the way to post a new one.
 */
import '../jobs/styles';
import { Anchor, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { jobsApi } from '../../api/endpoints';
import type { JobSummary, Organisation } from '../../api/types';
import { EmptyState } from '../../components/ui/EmptyState';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { formatDate } from '../../components/ui/format';
import { PageLoader } from '../../components/ui/PageLoader';
import { usePageTitle } from '../../components/ui/usePageTitle';
import { currentLocale } from '../../i18n';
import { ConfirmModal } from '../admin/components';
import { useMe } from '../auth/hooks';
import { employerOrganisations } from '../jobs/access';
import { JobStatusBadge, VerifiedBadge } from '../jobs/components';
import { AwaitingVerification } from './components';
import { employerJobsQuery, organisationQuery } from './queries';

export function EmployerPage() {
  const { t } = useTranslation();
  usePageTitle(t('employer.title'));
  const { me } = useMe();
  const orgs = employerOrganisations(me);
  return (
    <Stack gap="xl">
      <div>
        <Title order={1}>{t('employer.title')}</Title>
        <Text c="dimmed">{t('employer.intro')}</Text>
      </div>
      {orgs.map((o) => (
        <EmployerOrganisation key={o.id} orgId={o.id} name={o.name} />
      ))}
    </Stack>
  );
}

function EmployerOrganisation({ orgId, name }: { orgId: string; name: string }) {
  const { t } = useTranslation();
  const org = useQuery(organisationQuery(orgId));
  const jobs = useQuery(employerJobsQuery(orgId));
  const headingId = `employer-${orgId}`;
  return (
    <Stack gap="md" component="section" aria-labelledby={headingId} data-testid="employer-organisation">
      <Group gap="sm" wrap="wrap">
        <Title order={2} size="h3" id={headingId} style={{ overflowWrap: 'anywhere' }}>
          {org.data?.name ?? name}
        </Title>
        {org.data && <VerifiedBadge verified={org.data.verified} />}
      </Group>
      <ErrorAlert error={org.error} />
      {org.data && !org.data.verified && <AwaitingVerification name={org.data.name} />}
      {org.data?.verified && (
        <Group>
          <Button component={Link} to={`/employer/jobs/new?org=${orgId}`} data-testid="post-job">
            {t('employer.post')}
          </Button>
        </Group>
      )}
      <ErrorAlert error={jobs.error} />
      {jobs.isPending ? (
        <PageLoader />
      ) : jobs.data && jobs.data.items.length === 0 ? (
        <EmptyState message={t('employer.noJobs')} />
      ) : jobs.data && org.data ? (
        <JobsTable jobs={jobs.data.items} org={org.data} />
      ) : null}
    </Stack>
  );
}

function JobsTable({ jobs, org }: { jobs: JobSummary[]; org: Organisation }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [closing, setClosing] = useState<JobSummary | null>(null);
  const queryClient = useQueryClient();
  const close = useMutation({
    mutationFn: (jobId: string) => jobsApi.close(jobId),
    onSuccess: () => {
      setClosing(null);
      void queryClient.invalidateQueries({ queryKey: ['jobs'] });
      notifications.show({ color: 'blue', message: t('employer.closed') });
    },
  });
  return (
    <Card withBorder radius="md" padding={0}>
      <div className="table-scroll">
        <Table
          verticalSpacing="sm"
          aria-label={t('employer.jobsOf', { name: org.name })}
          data-testid="employer-jobs"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('employer.job')}</Table.Th>
              <Table.Th>{t('employer.status')}</Table.Th>
              <Table.Th visibleFrom="sm">{t('employer.closesOn')}</Table.Th>
              <Table.Th>
                <span className="visually-hidden">{t('common.actions')}</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {jobs.map((job) => (
              <Table.Tr key={job.id}>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>
                  <Anchor component={Link} to={`/employer/jobs/${job.id}`} fw={600} lang={job.language}>
                    {job.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <JobStatusBadge status={job.status} />
                </Table.Td>
                <Table.Td visibleFrom="sm" className="nowrap">
                  {formatDate(job.closesOn, locale)}
                </Table.Td>
                <Table.Td>
                  {job.status === 'open' && (
                    <Button
                      variant="subtle"
                      color="red"
                      size="compact-sm"
                      onClick={() => setClosing(job)}
                      aria-label={t('employer.closeNamed', { title: job.title })}
                      data-testid="close-job"
                    >
                      {t('employer.close')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      <ConfirmModal
        opened={closing !== null}
        title={t('employer.closeTitle')}
        message={t('employer.closeConfirm', { title: closing?.title ?? '' })}
        confirmLabel={t('employer.close')}
        loading={close.isPending}
        error={close.error}
        onConfirm={() => closing && close.mutate(closing.id)}
        onClose={() => setClosing(null)}
      />
    </Card>
  );
}
