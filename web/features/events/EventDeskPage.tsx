/**
 * One event's desk (/events/manage/:id) for its staff, laid out for a phone at the door: the counts,
 * the check-in list (type the short code under a QR code, or part of a name without accents; each
 * person with a large "Check in" button, or when and by whom they were checked in), filters and sort,
 * and the walk-in form (registered through the registry and checked in at once).
 */
import './styles';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  type ParticipantSort,
  type ParticipantState,
  participantSorts,
  participantStates,
} from '../../../common/events';
import { ApiError } from '../../api/client';
import { EmptyState } from '../../components/ui/EmptyState';
import { ErrorAlert, useErrorMessage } from '../../components/ui/ErrorAlert';
import { hasErrors, useFocusFirstInvalid } from '../../components/ui/form';
import { PageLoader } from '../../components/ui/PageLoader';
import { Pager } from '../../components/ui/Pager';
import { usePageTitle } from '../../components/ui/usePageTitle';
import { currentLocale } from '../../i18n';
import { useListParams, useSearchParam } from '../admin/hooks';
import { NotFoundPage } from '../home/NotFoundPage';
import { type CheckIn, eventsApi, type Participant, type StaffEvent } from './api';
import {
  CountsList,
  checkDraft,
  type DetailsDraft,
  type DraftErrors,
  emptyDraft,
  PersonDetailsFields,
  placeText,
  StatusBadge,
  toPersonDetails,
} from './components';
import { clock, eventTime } from './format';

const PAGE_SIZE = 20;
const isIn = <T extends string>(list: readonly T[], v: string): v is T =>
  (list as readonly string[]).includes(v);

export function EventDeskPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const event = useQuery({ queryKey: ['events', 'staff-one', id], queryFn: () => eventsApi.staffGet(id) });
  usePageTitle(
    event.data ? t('events.desk.pageTitle', { title: event.data.title }) : t('events.manage.title'),
  );
  if (event.error instanceof ApiError && [400, 404].includes(event.error.status)) return <NotFoundPage />;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/events/manage" size="sm">
        <span aria-hidden="true">← </span>
        {t('events.manage.back')}
      </Anchor>
      <ErrorAlert error={event.error} />
      {event.isPending ? <PageLoader /> : event.data ? <Desk event={event.data} /> : null}
    </Stack>
  );
}

function Desk({ event }: { event: StaffEvent }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [announce, setAnnounce] = useState('');
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1} lang={event.shownLanguage} data-testid="desk-title">
          {event.title}
        </Title>
        <Text fw={600}>{eventTime(event.startsAt, event.endsAt, locale)}</Text>
        <Text>{placeText(event, t)}</Text>
        <Group gap="sm">
          <StatusBadge status={event.status} />
          <Anchor component={Link} to={`/events/${event.id}`} size="sm">
            {t('events.desk.publicPage')}
          </Anchor>
          {event.canEdit && (
            <Anchor component={Link} to={`/events/manage/${event.id}/edit`} size="sm" data-testid="desk-edit">
              {t('events.desk.edit')}
            </Anchor>
          )}
        </Group>
      </Stack>
      <CountsList counts={event.counts} />
      {/* What the last check-in did, read out by screen readers. */}
      <div aria-live="polite" className="visually-hidden" data-testid="desk-announce">
        {announce}
      </div>
      <Participants event={event} onAnnounce={setAnnounce} />
      <WalkIn event={event} onAnnounce={setAnnounce} />
    </Stack>
  );
}

function useCheckedIn(onAnnounce: (m: string) => void) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  return (r: CheckIn, walkIn = false) => {
    void queryClient.invalidateQueries({ queryKey: ['events'] });
    const name = r.participant.person.fullName;
    const time = r.participant.checkedInAt ? clock(r.participant.checkedInAt, locale) : '';
    const message = walkIn
      ? r.alreadyRegistered
        ? t('events.desk.walkInAlready', { name })
        : t('events.desk.walkInDone', { name })
      : r.alreadyCheckedIn
        ? t('events.desk.already', { name, time })
        : t('events.desk.done', { name, time });
    onAnnounce(message);
    notifications.show({ color: r.alreadyCheckedIn ? 'yellow' : 'green', message });
  };
}

function Participants({ event, onAnnounce }: { event: StaffEvent; onAnnounce: (m: string) => void }) {
  const { t } = useTranslation();
  const { get, page, update } = useListParams<'q' | 'state' | 'sort'>();
  const [search, setSearch] = useSearchParam(get('q'), (q) => update({ q }));
  const state = isIn(participantStates, get('state')) ? (get('state') as ParticipantState) : undefined;
  const sort: ParticipantSort = isIn(participantSorts, get('sort'))
    ? (get('sort') as ParticipantSort)
    : 'name';
  const query = { q: get('q') || undefined, state, sort, page, pageSize: PAGE_SIZE };
  const list = useQuery({
    queryKey: ['events', 'participants', event.id, query],
    queryFn: () => eventsApi.participants(event.id, query),
    placeholderData: keepPreviousData,
  });
  const done = useCheckedIn(onAnnounce);
  const checkIn = useMutation({
    mutationFn: (participantId: string) => eventsApi.checkIn(event.id, participantId),
    onSuccess: (r) => done(r),
  });
  const filtered = Boolean(get('q') || state);

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="desk-checkin">
      <Stack gap="sm">
        <Title order={2} size="h3" id="desk-checkin">
          {t('events.desk.checkInTitle')}
        </Title>
        <TextInput
          label={t('events.desk.find')}
          description={t('events.desk.findHint')}
          type="search"
          size="md"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          autoComplete="off"
          autoCapitalize="characters"
          data-testid="desk-search"
        />
        <Group gap="sm" wrap="wrap" align="flex-end">
          <NativeSelect
            label={t('events.desk.stateLabel')}
            value={state ?? ''}
            onChange={(e) => update({ state: e.currentTarget.value || null })}
            data={[
              { value: '', label: t('events.desk.state.all') },
              ...participantStates.map((s) => ({ value: s, label: t(`events.desk.state.${s}`) })),
            ]}
            w={{ base: '100%', xs: 220 }}
            data-testid="desk-state"
          />
          <NativeSelect
            label={t('events.desk.sortLabel')}
            value={sort}
            onChange={(e) =>
              update({ sort: e.currentTarget.value === 'name' ? null : e.currentTarget.value })
            }
            data={participantSorts.map((s) => ({ value: s, label: t(`events.desk.sort.${s}`) }))}
            w={{ base: '100%', xs: 220 }}
            data-testid="desk-sort"
          />
        </Group>
        <ErrorAlert error={checkIn.error ?? list.error} />
        {list.isPending ? (
          <PageLoader />
        ) : list.data && list.data.items.length === 0 ? (
          <EmptyState message={filtered ? t('events.desk.noMatch') : t('events.desk.empty')} />
        ) : list.data ? (
          <>
            <Stack
              component="ul"
              gap="xs"
              p={0}
              m={0}
              style={{ listStyle: 'none' }}
              aria-label={t('events.desk.participants')}
              data-testid="desk-list"
            >
              {list.data.items.map((p) => (
                <ParticipantItem
                  key={p.id}
                  participant={p}
                  disabled={event.status === 'cancelled'}
                  pending={checkIn.isPending && checkIn.variables === p.id}
                  onCheckIn={() => checkIn.mutate(p.id)}
                />
              ))}
            </Stack>
            <Pager
              page={page}
              pageSize={list.data.pageSize}
              total={list.data.total}
              onChange={(p) => update({ page: p })}
            />
          </>
        ) : null}
      </Stack>
    </Card>
  );
}

function ParticipantItem({
  participant: p,
  disabled,
  pending,
  onCheckIn,
}: {
  participant: Participant;
  disabled: boolean;
  pending: boolean;
  onCheckIn: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Paper
      component="li"
      withBorder
      radius="md"
      p="sm"
      data-testid="desk-participant"
      data-code={p.shortCode}
    >
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Stack gap={2}>
          <Text fw={700}>{p.person.fullName}</Text>
          <Group gap={6}>
            <Text size="sm" ff="monospace" aria-label={t('events.desk.codeLabel', { code: p.shortCode })}>
              {p.shortCode}
            </Text>
            {p.walkIn && (
              <Badge size="sm" variant="light" color="orange">
                {t('events.desk.walkInBadge')}
              </Badge>
            )}
          </Group>
          {p.checkedInAt && (
            <Text size="sm" fw={600} data-testid="desk-checked-in">
              {p.checkedInBy
                ? t('events.desk.checkedInBy', {
                    time: clock(p.checkedInAt, locale),
                    name: p.checkedInBy.displayName,
                  })
                : t('events.desk.checkedIn', { time: clock(p.checkedInAt, locale) })}
            </Text>
          )}
        </Stack>
        {!p.checkedInAt && (
          <Button
            size="md"
            onClick={onCheckIn}
            loading={pending}
            disabled={disabled}
            aria-label={t('events.desk.checkInName', { name: p.person.fullName })}
            data-testid="desk-check-in"
          >
            {t('events.desk.checkIn')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}

function WalkIn({ event, onAnnounce }: { event: StaffEvent; onAnnounce: (m: string) => void }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<DetailsDraft>(emptyDraft);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [attempt, setAttempt] = useState(0);
  useFocusFirstInvalid(formRef, attempt);
  const done = useCheckedIn(onAnnounce);
  const walkIn = useMutation({
    mutationFn: () => eventsApi.walkIn(event.id, toPersonDetails(draft)),
    onSuccess: (r) => {
      done(r, true);
      setDraft(emptyDraft);
      setErrors({});
    },
    onError: () => setAttempt((n) => n + 1),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs = checkDraft(draft, t);
    setErrors(errs);
    if (hasErrors(errs)) {
      setAttempt((n) => n + 1);
      return;
    }
    walkIn.mutate();
  };
  const cancelled = event.status === 'cancelled';
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="desk-walkin">
      <form ref={formRef} onSubmit={submit} noValidate aria-labelledby="desk-walkin">
        <Stack gap="sm">
          <Title order={2} size="h3" id="desk-walkin">
            {t('events.desk.walkInTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('events.desk.walkInIntro')}
          </Text>
          <PersonDetailsFields
            draft={draft}
            onChange={setDraft}
            errors={errors}
            apiError={walkIn.error}
            prefix=""
            idPrefix="walkin"
          />
          {walkIn.error instanceof ApiError && walkIn.error.code !== 'VALIDATION_FAILED' && (
            <Text c="red.8" role="alert">
              {message(walkIn.error)}
            </Text>
          )}
          <Button
            type="submit"
            size="md"
            loading={walkIn.isPending}
            disabled={cancelled}
            data-testid="walkin-submit"
          >
            {t('events.desk.walkInSubmit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
