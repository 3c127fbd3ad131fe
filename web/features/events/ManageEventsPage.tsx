/**
 * The events desk (/events/manage) for the staff of organisers: every event they run with its counts
 * (registered, present, walk-ins, seats left), filtered by time, status and topic, searched without
 * accents, sorted, paged; a new event for NIC staff and partner admins. Wrapped by `EventStaffOnly`.
 */
import './styles';
import {
  Anchor,
  Box,
  Button,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type EventSort,
  type EventStatus,
  type EventTopic,
  type EventWhen,
  eventSorts,
  eventStatuses,
  eventTopics,
  eventWhens,
} from '../../../common/events';
import { EmptyState } from '../../components/ui/EmptyState';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { formatNumber } from '../../components/ui/format';
import { PageLoader } from '../../components/ui/PageLoader';
import { Pager } from '../../components/ui/Pager';
import { usePageTitle } from '../../components/ui/usePageTitle';
import { currentLocale } from '../../i18n';
import { SortableTh } from '../admin/components';
import { PAGE_SIZE, useListParams, useSearchParam } from '../admin/hooks';
import { useMe } from '../auth/hooks';
import { canCreateEvents } from './access';
import { eventsApi, type StaffEvent, type StaffEventListQuery } from './api';
import { placeText, StatusBadge, TopicBadge } from './components';
import { eventTime } from './format';

const isIn = <T extends string>(list: readonly T[], v: string): v is T =>
  (list as readonly string[]).includes(v);

export function ManageEventsPage() {
  const { t } = useTranslation();
  usePageTitle(t('events.manage.title'));
  const locale = currentLocale();
  const { me } = useMe();
  const { get, page, update } = useListParams<'q' | 'when' | 'status' | 'topic' | 'sort'>();
  const [search, setSearch] = useSearchParam(get('q'), (q) => update({ q }));
  const when: EventWhen = isIn(eventWhens, get('when')) ? (get('when') as EventWhen) : 'all';
  const status = isIn(eventStatuses, get('status')) ? (get('status') as EventStatus) : undefined;
  const topic = isIn(eventTopics, get('topic')) ? (get('topic') as EventTopic) : undefined;
  const sort: EventSort = isIn(eventSorts, get('sort')) ? (get('sort') as EventSort) : '-startsAt';
  const query: StaffEventListQuery = {
    q: get('q') || undefined,
    when,
    status,
    topic,
    sort,
    page,
    pageSize: PAGE_SIZE,
  };
  const list = useQuery({
    queryKey: ['events', 'staff', query],
    queryFn: () => eventsApi.staffList(query),
    placeholderData: keepPreviousData,
  });
  const filtered = Boolean(get('q') || status || topic || when !== 'all');
  const onSort = (s: string) => update({ sort: s });
  const n = (v: number) => formatNumber(v, locale);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1}>{t('events.manage.title')}</Title>
          <Text c="dimmed">{t('events.manage.intro')}</Text>
        </div>
        {canCreateEvents(me) && (
          <Button component={Link} to="/events/manage/new" data-testid="event-new">
            {t('events.manage.new')}
          </Button>
        )}
      </Group>

      <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label={t('events.searchLabel')}>
        <TextInput
          label={t('events.search')}
          description={t('events.searchHint')}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={{ base: '100%', sm: 280 }}
          data-testid="manage-search"
        />
        <NativeSelect
          label={t('events.when.label')}
          value={when}
          onChange={(e) => update({ when: e.currentTarget.value === 'all' ? null : e.currentTarget.value })}
          data={eventWhens.map((w) => ({ value: w, label: t(`events.when.${w}`) }))}
          w={{ base: '100%', sm: 180 }}
          data-testid="manage-when"
        />
        <NativeSelect
          label={t('events.statusLabel')}
          value={status ?? ''}
          onChange={(e) => update({ status: e.currentTarget.value || null })}
          data={[
            { value: '', label: t('events.allStatuses') },
            ...eventStatuses.map((s) => ({ value: s, label: t(`events.status.${s}`) })),
          ]}
          w={{ base: '100%', sm: 200 }}
          data-testid="manage-status"
        />
        <NativeSelect
          label={t('events.topicLabel')}
          value={topic ?? ''}
          onChange={(e) => update({ topic: e.currentTarget.value || null })}
          data={[
            { value: '', label: t('events.allTopics') },
            ...eventTopics.map((x) => ({ value: x, label: t(`events.topic.${x}`) })),
          ]}
          w={{ base: '100%', sm: 200 }}
          data-testid="manage-topic"
        />
        {filtered && (
          <Button variant="subtle" onClick={() => update({ q: null, when: null, status: null, topic: null })}>
            {t('common.clearFilters')}
          </Button>
        )}
      </Group>

      <ErrorAlert error={list.error} />
      {list.isPending ? (
        <PageLoader />
      ) : list.data && list.data.items.length === 0 ? (
        <EmptyState message={filtered ? t('events.emptyFiltered') : t('events.empty')} />
      ) : list.data ? (
        <>
          <div className="table-scroll">
            <Table striped verticalSpacing="sm" data-testid="manage-table">
              <Table.Thead>
                <Table.Tr>
                  <SortableTh label={t('events.manage.colTitle')} field="title" sort={sort} onSort={onSort} />
                  <SortableTh
                    label={t('events.manage.colWhen')}
                    field="startsAt"
                    sort={sort}
                    onSort={onSort}
                    visibleFrom="sm"
                  />
                  <Table.Th visibleFrom="md">{t('events.manage.colPlace')}</Table.Th>
                  <Table.Th className="nowrap">{t('events.counts.registered')}</Table.Th>
                  <Table.Th className="nowrap">{t('events.counts.checkedIn')}</Table.Th>
                  <Table.Th visibleFrom="sm">{t('events.statusLabel')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((e) => (
                  <EventRow key={e.id} event={e} n={n} />
                ))}
              </Table.Tbody>
            </Table>
          </div>
          <Pager
            page={page}
            pageSize={list.data.pageSize}
            total={list.data.total}
            onChange={(p) => update({ page: p })}
          />
        </>
      ) : null}
    </Stack>
  );
}

function EventRow({ event, n }: { event: StaffEvent; n: (v: number) => string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const when = eventTime(event.startsAt, event.endsAt, locale);
  return (
    <Table.Tr data-testid="manage-row">
      <Table.Td>
        <Anchor component={Link} to={`/events/manage/${event.id}`} fw={600} lang={event.shownLanguage}>
          {event.title}
        </Anchor>
        <Group gap={4} mt={4}>
          <TopicBadge topic={event.topic} />
        </Group>
        <Box hiddenFrom="sm" mt={4}>
          <Text size="sm">{when}</Text>
          <Text size="sm" c="dimmed">
            {t(`events.status.${event.status}`)}
          </Text>
        </Box>
        <Text size="sm" c="dimmed">
          {event.organisation.name}
        </Text>
      </Table.Td>
      <Table.Td visibleFrom="sm">{when}</Table.Td>
      <Table.Td visibleFrom="md">{placeText(event, t)}</Table.Td>
      <Table.Td>{n(event.counts.registered)}</Table.Td>
      <Table.Td>{n(event.counts.checkedIn)}</Table.Td>
      <Table.Td visibleFrom="sm">
        <StatusBadge status={event.status} />
      </Table.Td>
    </Table.Tr>
  );
}
