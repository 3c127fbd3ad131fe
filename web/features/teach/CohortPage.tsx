/**
 * A class (/teach/cohorts/:id) for its trainers and partner admin: the schedule and attendance taking,
 * the roster with the waitlist, enrolment by e-mail, withdrawal, transfer and each learner's
 * certificate, and the gradebook with its Excel export.
 */
import './styles';
import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Radio,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { timeZone } from '../../../common/i18n/locales';
import { ApiError, fieldError } from '../../api/client';
import { attendanceStatuses, enrolmentStatuses } from '../../api/domain';
import { cohortsApi, enrolmentsApi } from '../../api/endpoints';
import type { AttendanceStatus, Cohort, CohortSession, Enrolment, EnrolmentStatus } from '../../api/types';
import { EmptyState } from '../../components/ui/EmptyState';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { formatDate, formatDateTime, formatNumber, formatTime } from '../../components/ui/format';
import { PageLoader } from '../../components/ui/PageLoader';
import { Pager } from '../../components/ui/Pager';
import { usePageTitle } from '../../components/ui/usePageTitle';
import { currentLocale } from '../../i18n';
import { ConfirmModal } from '../admin/components';
import { isPlatformAdmin, teachingOrganisations } from '../auth/access';
import { useMe } from '../auth/hooks';
import { useDateRange } from '../catalog/components';
import { NotFoundPage } from '../home/NotFoundPage';
import { WhoseHidden } from './components';
import { cohortQuery } from './queries';

const tabs = ['attendance', 'roster', 'gradebook'] as const;
type Tab = (typeof tabs)[number];

export function CohortPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const cohort = useQuery(cohortQuery(id));
  usePageTitle(cohort.data ? `${cohort.data.code} · ${cohort.data.courseTitle}` : t('teach.title'));
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab');
  const tab: Tab = (tabs as readonly string[]).includes(tabParam ?? '') ? (tabParam as Tab) : 'attendance';
  if (cohort.error instanceof ApiError && (cohort.error.status === 404 || cohort.error.status === 400))
    return <NotFoundPage />;
  if (cohort.isPending) return <PageLoader />;
  if (!cohort.data) return <ErrorAlert error={cohort.error} />;
  const c = cohort.data;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/teach" size="sm">
        ← {t('teach.back')}
      </Anchor>
      <CohortHeader cohort={c} />
      <Tabs
        value={tab}
        onChange={(v) => setParams(v && v !== 'attendance' ? { tab: v } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="attendance" data-testid="tab-attendance">
            {t('teach.cohort.tabs.attendance')}
          </Tabs.Tab>
          <Tabs.Tab value="roster" data-testid="tab-roster">
            {t('teach.cohort.tabs.roster')}
          </Tabs.Tab>
          <Tabs.Tab value="gradebook" data-testid="tab-gradebook">
            {t('teach.cohort.tabs.gradebook')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="attendance" pt="md">
          <Sessions cohort={c} />
        </Tabs.Panel>
        <Tabs.Panel value="roster" pt="md">
          <Roster cohort={c} />
        </Tabs.Panel>
        <Tabs.Panel value="gradebook" pt="md">
          <GradebookView cohort={c} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function CohortHeader({ cohort: c }: { cohort: Cohort }) {
  const { t } = useTranslation();
  const range = useDateRange();
  return (
    <div>
      <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
        {c.code} · {c.name}
      </Title>
      <Text c="dimmed">
        <Anchor component={Link} to={`/teach/courses/${c.courseId}`} inherit underline="always">
          {c.courseTitle}
        </Anchor>
        {range(c.startsOn, c.endsOn) && ` · ${range(c.startsOn, c.endsOn)}`}
        {' · '}
        {c.online ? t('course.online') : c.location}
      </Text>
      <Group gap={6} mt={6}>
        <Badge variant="light" color={c.status === 'open' ? 'green' : 'gray'} tt="none">
          {t(`cohortStatus.${c.status}`)}
        </Badge>
        <Badge variant="light" color="gray" tt="none">
          {c.capacity === null
            ? t('teach.learners', { count: c.seatsTaken, n: formatNumber(c.seatsTaken, currentLocale()) })
            : t('teach.seats', { taken: c.seatsTaken, capacity: c.capacity })}
        </Badge>
        {c.waitlisted > 0 && (
          <Badge variant="light" color="orange" tt="none">
            {t('teach.waitlisted', { count: c.waitlisted })}
          </Badge>
        )}
        {c.trainers.length > 0 && (
          <Text size="sm" c="dimmed">
            {t('teach.cohort.trainers', { names: c.trainers.map((x) => x.displayName).join(', ') })}
          </Text>
        )}
      </Group>
    </div>
  );
}

// --- sessions and attendance ------------------------------------------------------------------------

/** The session to open first: the last one that has started, else the first. */
function defaultSession(items: CohortSession[]): string | null {
  const now = Date.now();
  const started = items.filter((s) => Date.parse(s.startsAt) <= now);
  return (started.at(-1) ?? items[0])?.id ?? null;
}

function Sessions({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const sessions = useQuery({
    queryKey: ['cohort', cohort.id, 'sessions'],
    queryFn: () => cohortsApi.sessions(cohort.id),
  });
  const [chosen, setChosen] = useState<string | null>(null);
  const items = sessions.data?.items ?? [];
  const sessionId = chosen ?? defaultSession(items);
  return (
    <Stack gap="lg">
      <ErrorAlert error={sessions.error} />
      {sessions.isPending ? (
        <PageLoader />
      ) : items.length === 0 ? (
        <EmptyState message={t('teach.cohort.noSessions')} />
      ) : (
        <Select
          label={t('teach.cohort.session')}
          data={items.map((s, i) => ({
            value: s.id,
            label: t('teach.cohort.sessionOption', {
              n: i + 1,
              date: formatDate(s.startsAt, locale),
              from: formatTime(s.startsAt, locale).slice(0, 5),
              to: formatTime(s.endsAt, locale).slice(0, 5),
              topic: s.topic ? ` · ${s.topic}` : '',
            }),
          }))}
          value={sessionId}
          onChange={(v) => v && setChosen(v)}
          allowDeselect={false}
          maw={480}
          comboboxProps={{ withinPortal: true }}
          data-testid="session-select"
        />
      )}
      {sessionId && <Attendance key={sessionId} cohortId={cohort.id} sessionId={sessionId} />}
      <AddSession cohortId={cohort.id} onAdded={(id) => setChosen(id)} />
    </Stack>
  );
}

function Attendance({ cohortId, sessionId }: { cohortId: string; sessionId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const key = ['cohort', cohortId, 'attendance', sessionId];
  const sheet = useQuery({ queryKey: key, queryFn: () => cohortsApi.attendance(cohortId, sessionId) });
  const [marks, setMarks] = useState<Record<string, AttendanceStatus | null>>({});
  const [dirty, setDirty] = useState(false);
  useEffect(() => {
    if (!sheet.data || dirty) return;
    setMarks(Object.fromEntries(sheet.data.items.map((r) => [r.enrolmentId, r.status])));
  }, [sheet.data, dirty]);
  const save = useMutation({
    mutationFn: () =>
      cohortsApi.recordAttendance(cohortId, sessionId, {
        items: Object.entries(marks)
          .filter((e): e is [string, AttendanceStatus] => e[1] !== null)
          .map(([enrolmentId, status]) => ({ enrolmentId, status })),
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(key, saved);
      setDirty(false);
      void queryClient.invalidateQueries({ queryKey: ['cohort', cohortId, 'gradebook'] });
      notifications.show({ color: 'green', message: t('teach.cohort.attendanceSaved') });
    },
  });
  if (sheet.isPending) return <PageLoader />;
  if (!sheet.data) return <ErrorAlert error={sheet.error} />;
  const rows = sheet.data.items;
  const set = (id: string, status: AttendanceStatus) => {
    setMarks((m) => ({ ...m, [id]: status }));
    setDirty(true);
  };
  const marked = Object.values(marks).filter(Boolean).length;
  const started = Date.parse(sheet.data.session.startsAt) <= Date.now();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="attendance-heading">
      <Stack gap="sm">
        <Group justify="space-between" gap="sm">
          <div>
            <Title order={2} size="h4" id="attendance-heading">
              {t('teach.cohort.attendanceFor', {
                date: formatDateTime(sheet.data.session.startsAt, currentLocale()),
              })}
            </Title>
            <Text size="sm" c="dimmed">
              {t('teach.cohort.marked', { marked, total: rows.length })}
              {!started && ` · ${t('teach.cohort.notStarted')}`}
            </Text>
          </div>
          <Button
            variant="light"
            size="sm"
            onClick={() => {
              setMarks(Object.fromEntries(rows.map((r) => [r.enrolmentId, 'present' as const])));
              setDirty(true);
            }}
            disabled={rows.length === 0}
            data-testid="attendance-all-present"
          >
            {t('teach.cohort.allPresent')}
          </Button>
        </Group>
        {rows.length === 0 ? (
          <Text c="dimmed">{t('teach.cohort.noLearners')}</Text>
        ) : (
          <Stack gap={0} component="ul" className="plain-list attendance-list">
            {rows.map((r) => (
              <li key={r.enrolmentId} className="attendance-row" data-testid="attendance-row">
                <Radio.Group
                  value={marks[r.enrolmentId] ?? null}
                  onChange={(v) => set(r.enrolmentId, v as AttendanceStatus)}
                  label={r.fullName}
                  name={`att-${r.enrolmentId}`}
                  classNames={{ root: 'attendance-group', label: 'attendance-name' }}
                >
                  <Group gap="md" wrap="wrap">
                    {attendanceStatuses.map((s) => (
                      <Radio key={s} value={s} label={t(`attendance.${s}`)} data-status={s} />
                    ))}
                  </Group>
                </Radio.Group>
              </li>
            ))}
          </Stack>
        )}
        <ErrorAlert error={save.error} />
        <Group gap="sm">
          <Button
            onClick={() => save.mutate()}
            loading={save.isPending}
            disabled={marked === 0}
            data-testid="attendance-save"
          >
            {t('teach.cohort.saveAttendance')}
          </Button>
          {dirty && (
            <Text size="sm" c="orange.9" aria-live="polite">
              {t('teach.cohort.unsaved')}
            </Text>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

/** A date and times as typed (Vietnam time) → an ISO instant with the +07:00 offset. */
const instant = (date: string, time: string) => new Date(`${date}T${time}:00+07:00`).toISOString();

function AddSession({ cohortId, onAdded }: { cohortId: string; onAdded: (id: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [date, setDate] = useState('');
  const [from, setFrom] = useState('08:00');
  const [to, setTo] = useState('11:00');
  const [topic, setTopic] = useState('');
  const [location, setLocation] = useState('');
  const [error, setError] = useState<string | undefined>();
  const add = useMutation({
    mutationFn: () =>
      cohortsApi.createSession(cohortId, {
        startsAt: instant(date, from),
        endsAt: instant(date, to),
        topic: topic.trim() || null,
        location: location.trim() || null,
      }),
    onSuccess: (s) => {
      void queryClient.invalidateQueries({ queryKey: ['cohort', cohortId, 'sessions'] });
      setTopic('');
      onAdded(s.id);
      notifications.show({ color: 'green', message: t('teach.cohort.sessionAdded') });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!date || !from || !to) {
      setError(t('common.required'));
      return;
    }
    if (to <= from) {
      setError(t('teach.cohort.endBeforeStart'));
      return;
    }
    setError(undefined);
    add.mutate();
  };
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="add-session">
      <Title order={2} size="h5" id="add-session" mb="xs">
        {t('teach.cohort.addSession')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Group align="flex-end" gap="xs" wrap="wrap">
          <TextInput
            type="date"
            label={t('teach.cohort.date')}
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            error={error}
            required
          />
          <TextInput
            type="time"
            label={t('teach.cohort.from')}
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
            required
            w={140}
          />
          <TextInput
            type="time"
            label={t('teach.cohort.to')}
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
            required
            w={140}
          />
          <TextInput
            label={t('teach.cohort.topic')}
            value={topic}
            onChange={(e) => setTopic(e.currentTarget.value)}
            maxLength={200}
          />
          <TextInput
            label={t('teach.cohort.location')}
            value={location}
            onChange={(e) => setLocation(e.currentTarget.value)}
            maxLength={300}
          />
          <Button type="submit" variant="light" loading={add.isPending}>
            {t('teach.cohort.add')}
          </Button>
        </Group>
        <ErrorAlert error={add.error} />
      </form>
    </Paper>
  );
}

// --- roster --------------------------------------------------------------------------------------------

const statusColors: Record<EnrolmentStatus, string> = {
  enrolled: 'blue',
  completed: 'green',
  waitlisted: 'orange',
  withdrawn: 'gray',
  transferred: 'gray',
};

function Roster({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<EnrolmentStatus | null>(null);
  const roster = useQuery({
    queryKey: ['cohort', cohort.id, 'roster', page, status],
    queryFn: () =>
      cohortsApi.roster(cohort.id, { page, pageSize: 50, status: status ?? undefined, sort: 'name' }),
    placeholderData: keepPreviousData,
  });
  const waitlist = useQuery({
    queryKey: ['cohort', cohort.id, 'roster', 'waitlist'],
    queryFn: () => cohortsApi.roster(cohort.id, { pageSize: 100, status: 'waitlisted' }),
    enabled: cohort.waitlisted > 0,
  });
  const { me } = useMe();
  // Withdrawal and transfer are for the cohort's partner admin (server: enrolment policy), not its trainers.
  const manages =
    isPlatformAdmin(me) || teachingOrganisations(me).some((o) => o.id === cohort.organisationId && o.manages);
  const queryClient = useQueryClient();
  const [withdrawing, setWithdrawing] = useState<Enrolment | null>(null);
  const [transferring, setTransferring] = useState<Enrolment | null>(null);
  const withdraw = useMutation({
    mutationFn: (e: Enrolment) => enrolmentsApi.withdraw(e.id),
    onSuccess: (_, e) => {
      void queryClient.invalidateQueries({ queryKey: ['cohort', cohort.id] });
      void queryClient.invalidateQueries({ queryKey: ['teach', 'cohorts'] });
      notifications.show({
        color: 'green',
        message: t('teach.cohort.withdrawn', { name: e.person.fullName }),
      });
      setWithdrawing(null);
    },
  });
  const queue = [...(waitlist.data?.items ?? [])].sort(
    (a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0),
  );
  return (
    <Stack gap="lg">
      <EnrolByEmail cohortId={cohort.id} />
      {queue.length > 0 && (
        <section aria-labelledby="waitlist-heading">
          <Title order={2} size="h4" id="waitlist-heading" mb="xs">
            {t('teach.cohort.waitlist', { count: queue.length })}
          </Title>
          <Stack gap={4} component="ol" className="plain-list" data-testid="waitlist">
            {queue.map((e) => (
              <li key={e.id}>
                <Text size="sm">
                  <strong>{e.waitlistPosition}.</strong> {e.person.fullName}{' '}
                  <Text span c="dimmed" size="xs">
                    {t('teach.cohort.since', { date: formatDate(e.enrolledAt, locale) })}
                  </Text>
                </Text>
              </li>
            ))}
          </Stack>
        </section>
      )}
      <section aria-labelledby="roster-heading">
        <Group justify="space-between" align="flex-end" mb="xs" gap="sm">
          <Title order={2} size="h4" id="roster-heading">
            {t('teach.cohort.roster')}
          </Title>
          <Select
            label={t('teach.cohort.status')}
            placeholder={t('catalog.any')}
            data={enrolmentStatuses.map((s) => ({ value: s, label: t(`enrolmentStatus.${s}`) }))}
            value={status}
            onChange={(v) => {
              setStatus(v as EnrolmentStatus | null);
              setPage(1);
            }}
            clearable
            size="sm"
            w={200}
            comboboxProps={{ withinPortal: true }}
          />
        </Group>
        <ErrorAlert error={roster.error} />
        {roster.isPending ? (
          <PageLoader />
        ) : roster.data?.items.length === 0 ? (
          <EmptyState message={t('teach.cohort.noLearners')} />
        ) : roster.data ? (
          <Stack gap="sm">
            <div className="table-scroll">
              <Table striped verticalSpacing="xs" data-testid="roster-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('teach.cohort.learner')}</Table.Th>
                    <Table.Th>{t('teach.cohort.status')}</Table.Th>
                    <Table.Th visibleFrom="sm" className="nowrap">
                      {t('teach.cohort.enrolledAt')}
                    </Table.Th>
                    <Table.Th visibleFrom="sm">{t('teach.cohort.source')}</Table.Th>
                    <Table.Th>
                      <span className="visually-hidden">{t('common.actions')}</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {roster.data.items.map((e) => (
                    <Table.Tr key={e.id} data-testid="roster-row" data-status={e.status}>
                      <Table.Td>{e.person.fullName}</Table.Td>
                      <Table.Td>
                        <Badge
                          color={statusColors[e.status]}
                          variant="light"
                          tt="none"
                          className="status-badge"
                        >
                          {t(`enrolmentStatus.${e.status}`)}
                          {e.waitlistPosition ? ` #${e.waitlistPosition}` : ''}
                        </Badge>
                      </Table.Td>
                      <Table.Td visibleFrom="sm" className="nowrap">
                        {formatDate(e.enrolledAt, locale)}
                      </Table.Td>
                      <Table.Td visibleFrom="sm">{t(`enrolmentSource.${e.source}`)}</Table.Td>
                      <Table.Td>
                        <RosterActions
                          enrolment={e}
                          manages={manages}
                          onWithdraw={() => setWithdrawing(e)}
                          onTransfer={() => setTransferring(e)}
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
            <Pager page={page} pageSize={roster.data.pageSize} total={roster.data.total} onChange={setPage} />
          </Stack>
        ) : null}
      </section>
      <ConfirmModal
        opened={withdrawing !== null}
        title={t('teach.cohort.withdrawTitle')}
        message={
          withdrawing
            ? t('teach.cohort.withdrawConfirm', { name: withdrawing.person.fullName, code: cohort.code })
            : ''
        }
        confirmLabel={t('teach.cohort.withdraw')}
        loading={withdraw.isPending}
        error={withdraw.error}
        onConfirm={() => withdrawing && withdraw.mutate(withdrawing)}
        onClose={() => {
          if (withdraw.isPending) return;
          withdraw.reset();
          setWithdrawing(null);
        }}
      />
      <TransferModal cohort={cohort} enrolment={transferring} onClose={() => setTransferring(null)} />
    </Stack>
  );
}

/** What a roster line offers: the certificate of a completed learner; withdraw and transfer to admins. */
function RosterActions({
  enrolment: e,
  manages,
  onWithdraw,
  onTransfer,
}: {
  enrolment: Enrolment;
  manages: boolean;
  onWithdraw: () => void;
  onTransfer: () => void;
}) {
  const { t } = useTranslation();
  const name = e.person.fullName;
  const active = e.status === 'enrolled' || e.status === 'waitlisted';
  return (
    <Group gap={6} wrap="wrap" justify="flex-end">
      {e.credential && (
        <Button
          component={Link}
          to={`/verify/${e.credential.id}`}
          size="compact-sm"
          variant="light"
          color={e.credential.status === 'revoked' ? 'gray' : undefined}
          data-testid="roster-certificate"
        >
          {e.credential.status === 'revoked'
            ? t('teach.cohort.certificateRevoked')
            : t('teach.cohort.certificate')}
          <WhoseHidden name={name} />
        </Button>
      )}
      {manages && active && (
        <>
          <Button size="compact-sm" variant="default" onClick={onTransfer} data-testid="roster-transfer">
            {t('teach.cohort.transfer')}
            <WhoseHidden name={name} />
          </Button>
          <Button
            size="compact-sm"
            variant="outline"
            color="red"
            onClick={onWithdraw}
            data-testid="roster-withdraw"
          >
            {t('teach.cohort.withdraw')}
            <WhoseHidden name={name} />
          </Button>
        </>
      )}
    </Group>
  );
}

/** Moves a learner to another open class of the same course; a full class cannot be picked. */
function TransferModal({
  cohort,
  enrolment,
  onClose,
}: {
  cohort: Cohort;
  enrolment: Enrolment | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [target, setTarget] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const others = useQuery({
    queryKey: ['teach', 'cohorts', 'of-course', cohort.courseId],
    queryFn: () =>
      cohortsApi.list({ courseId: cohort.courseId, status: 'open', sort: 'startsOn', pageSize: 100 }),
    enabled: enrolment !== null,
  });
  // A class that has already ended is no place to move someone to.
  const today = new Date().toLocaleDateString('sv-SE', { timeZone });
  const options = (others.data?.items ?? [])
    .filter((c) => c.id !== cohort.id && (c.endsOn === null || c.endsOn >= today))
    .map((c) => ({
      value: c.id,
      label: `${c.code} · ${c.name} (${
        c.seatsLeft === null
          ? t('teach.cohort.noLimit')
          : c.seatsLeft > 0
            ? t('teach.cohort.seatsLeft', { count: c.seatsLeft })
            : t('teach.cohort.full')
      })`,
      disabled: c.seatsLeft !== null && c.seatsLeft <= 0,
    }));
  const close = () => {
    setTarget(null);
    setMissing(false);
    transfer.reset();
    onClose();
  };
  const transfer = useMutation({
    mutationFn: (e: Enrolment) => enrolmentsApi.transfer(e.id, { cohortId: target! }),
    onSuccess: (_, e) => {
      const to = others.data?.items.find((c) => c.id === target);
      void queryClient.invalidateQueries({ queryKey: ['cohort'] });
      void queryClient.invalidateQueries({ queryKey: ['teach', 'cohorts'] });
      notifications.show({
        color: 'green',
        message: t('teach.cohort.transferred', { name: e.person.fullName, code: to?.code ?? '' }),
      });
      close();
    },
  });
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    if (!enrolment) return;
    if (!target) {
      setMissing(true);
      return;
    }
    transfer.mutate(enrolment);
  };
  return (
    <Modal
      opened={enrolment !== null}
      onClose={() => !transfer.isPending && close()}
      title={enrolment ? t('teach.cohort.transferTitle', { name: enrolment.person.fullName }) : ''}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate data-testid="transfer-form">
        <Stack gap="sm">
          <Text size="sm">{t('teach.cohort.transferHint')}</Text>
          <ErrorAlert error={others.error} />
          {others.isPending ? (
            <PageLoader />
          ) : options.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="transfer-none">
              {t('teach.cohort.noOtherCohorts')}
            </Text>
          ) : (
            <Select
              label={t('teach.cohort.targetCohort')}
              data={options}
              value={target}
              onChange={(v) => {
                setTarget(v);
                setMissing(false);
              }}
              error={missing ? t('teach.cohort.pickCohort') : undefined}
              required
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              data-autofocus
              data-testid="transfer-target"
            />
          )}
          <ErrorAlert error={transfer.error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={transfer.isPending}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              loading={transfer.isPending}
              disabled={options.length === 0}
              data-testid="transfer-confirm"
            >
              {t('teach.cohort.transfer')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function EnrolByEmail({ cohortId }: { cohortId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | undefined>();
  const enrol = useMutation({
    mutationFn: () => cohortsApi.enrol(cohortId, { email: email.trim() }),
    onSuccess: (e) => {
      setEmail('');
      void queryClient.invalidateQueries({ queryKey: ['cohort', cohortId] });
      void queryClient.invalidateQueries({ queryKey: ['teach', 'cohorts'] });
      notifications.show({
        color: 'green',
        message:
          e.status === 'waitlisted'
            ? t('teach.cohort.enrolledWaitlist', {
                name: e.person.fullName,
                position: e.waitlistPosition ?? '',
              })
            : t('teach.cohort.enrolledOk', { name: e.person.fullName }),
      });
    },
  });
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    if (!email.trim()) {
      setError(t('common.required'));
      return;
    }
    setError(undefined);
    enrol.mutate();
  };
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="enrol-email">
      <Title order={2} size="h5" id="enrol-email" mb={4}>
        {t('teach.cohort.enrolTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('teach.cohort.enrolHint')}
      </Text>
      <form onSubmit={submit} noValidate>
        <Group align="flex-start" gap="xs">
          <TextInput
            type="email"
            inputMode="email"
            autoComplete="off"
            aria-label={t('teach.cohort.email')}
            placeholder={t('teach.cohort.email')}
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={error ?? fieldError(enrol.error, 'email')}
            style={{ flex: '1 1 16rem' }}
            data-testid="enrol-email"
          />
          <Button type="submit" loading={enrol.isPending} data-testid="enrol-email-submit">
            {t('teach.cohort.enrol')}
          </Button>
        </Group>
        {!fieldError(enrol.error, 'email') && <ErrorAlert error={enrol.error} />}
      </form>
    </Paper>
  );
}

// --- gradebook -----------------------------------------------------------------------------------------

function GradebookView({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const book = useQuery({
    queryKey: ['cohort', cohort.id, 'gradebook'],
    queryFn: () => cohortsApi.gradebook(cohort.id, { sort: 'name' }),
  });
  const pct = (v: number | null) =>
    v === null ? '–' : formatNumber(v / 100, locale, { style: 'percent', maximumFractionDigits: 0 });
  return (
    <Stack gap="sm">
      <Group justify="space-between" gap="sm">
        <Text size="sm" c="dimmed">
          {book.data &&
            t('teach.gradebook.summary', {
              held: book.data.sessionsHeld,
              min: book.data.minAttendancePct === null ? '–' : pct(book.data.minAttendancePct),
            })}
        </Text>
        <Button
          component="a"
          href={cohortsApi.gradebookXlsxUrl(cohort.id)}
          download
          variant="light"
          data-testid="gradebook-export"
        >
          {t('teach.gradebook.export')}
        </Button>
      </Group>
      <ErrorAlert error={book.error} />
      {book.isPending ? (
        <PageLoader />
      ) : book.data?.rows.length === 0 ? (
        <EmptyState message={t('teach.cohort.noLearners')} />
      ) : book.data ? (
        <div className="table-scroll gradebook-scroll">
          <Table verticalSpacing="xs" withColumnBorders data-testid="gradebook-table" className="gradebook">
            <caption className="visually-hidden">
              {t('teach.gradebook.caption', { code: book.data.cohort.code })}
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" className="gradebook-name">
                  {t('teach.cohort.learner')}
                </Table.Th>
                {book.data.lessons.map((l, i) => (
                  <Table.Th key={l.id} scope="col" title={l.title} className="gradebook-lesson">
                    <span aria-hidden="true">{i + 1}</span>
                    <span className="visually-hidden">{l.title}</span>
                  </Table.Th>
                ))}
                <Table.Th scope="col" className="nowrap">
                  {t('teach.gradebook.attendance')}
                </Table.Th>
                <Table.Th scope="col" className="nowrap">
                  {t('teach.gradebook.progress')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {book.data.rows.map((r) => (
                <Table.Tr key={r.enrolmentId} data-testid="gradebook-row">
                  <Table.Th scope="row" className="gradebook-name">
                    {r.fullName}
                    {r.completed && (
                      <Badge ml={6} size="xs" color="green" variant="light" tt="none">
                        {t('teach.gradebook.completed')}
                      </Badge>
                    )}
                  </Table.Th>
                  {r.cells.map((c, i) => (
                    <Table.Td key={book.data.lessons[i]!.id} ta="center">
                      {c.scorePct !== null ? (
                        pct(c.scorePct)
                      ) : c.done ? (
                        <>
                          <span aria-hidden="true">✓</span>
                          <span className="visually-hidden">{t('teach.gradebook.done')}</span>
                        </>
                      ) : (
                        <>
                          <span aria-hidden="true">·</span>
                          <span className="visually-hidden">{t('teach.gradebook.notDone')}</span>
                        </>
                      )}
                    </Table.Td>
                  ))}
                  <Table.Td ta="right">{pct(r.attendancePct)}</Table.Td>
                  <Table.Td ta="right">{pct(r.progressPct)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      ) : null}
      {book.data && (
        <ol className="gradebook-legend">
          {book.data.lessons.map((l, i) => (
            <li key={l.id}>
              <Text size="xs" c="dimmed">
                {i + 1}. {l.title} ({t(`lessonKind.${l.kind}`)})
              </Text>
            </li>
          ))}
        </ol>
      )}
    </Stack>
  );
}
