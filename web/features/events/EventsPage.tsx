/**
 * Events (/events), for anyone: upcoming or past, by topic and province, searched without accents;
 * filters in the URL. Staff of an organiser get a link to their events desk.
 */
import './styles';
import {
  Anchor,
  Button,
  Group,
  NativeSelect,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type EventTopic, type EventWhen, eventTopics } from '../../../common/events';
import { EmptyState } from '../../components/ui/EmptyState';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { PageLoader } from '../../components/ui/PageLoader';
import { Pager } from '../../components/ui/Pager';
import { usePageTitle } from '../../components/ui/usePageTitle';
import { currentLocale } from '../../i18n';
import { provinceLabel, useListParams, useProvinces, useSearchParam } from '../admin/hooks';
import { useMe } from '../auth/hooks';
import { canRunEvents } from './access';
import { eventsApi, type PublicEventListQuery } from './api';
import { EventCard } from './components';

const PAGE_SIZE = 12;
const isTopic = (v: string): v is EventTopic => (eventTopics as readonly string[]).includes(v);

export function EventsPage() {
  const { t } = useTranslation();
  usePageTitle(t('events.title'));
  const locale = currentLocale();
  const { me } = useMe();
  const { get, page, update } = useListParams<'q' | 'topic' | 'when' | 'province'>();
  const [search, setSearch] = useSearchParam(get('q'), (q) => update({ q }));
  const { provinces } = useProvinces();
  const when: EventWhen = get('when') === 'past' ? 'past' : 'upcoming';
  const topic = isTopic(get('topic')) ? (get('topic') as EventTopic) : undefined;
  const province = /^[0-9]{2}$/.test(get('province')) ? get('province') : undefined;
  const query: PublicEventListQuery = {
    q: get('q') || undefined,
    topic,
    provinceCode: province,
    when,
    page,
    pageSize: PAGE_SIZE,
  };
  const list = useQuery({
    queryKey: ['events', 'list', query],
    queryFn: () => eventsApi.list(query),
    placeholderData: keepPreviousData,
  });
  const filtered = Boolean(get('q') || topic || province);

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('events.title')}</Title>
        <Text c="dimmed">{t('events.intro')}</Text>
        {canRunEvents(me) && (
          <Anchor component={Link} to="/events/manage" size="sm" data-testid="events-manage-link">
            {t('events.manageLink')}
          </Anchor>
        )}
      </div>

      <Stack gap="sm" role="search" aria-label={t('events.searchLabel')}>
        <SegmentedControl
          value={when}
          onChange={(v) => update({ when: v === 'upcoming' ? null : v })}
          data={[
            { value: 'upcoming', label: t('events.when.upcoming') },
            { value: 'past', label: t('events.when.past') },
          ]}
          aria-label={t('events.when.label')}
          data-testid="events-when"
          w={{ base: '100%', sm: 'auto' }}
        />
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label={t('events.search')}
            description={t('events.searchHint')}
            type="search"
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            w={{ base: '100%', sm: 300 }}
            data-testid="events-search"
          />
          <NativeSelect
            label={t('events.topicLabel')}
            value={topic ?? ''}
            onChange={(e) => update({ topic: e.currentTarget.value || null })}
            data={[
              { value: '', label: t('events.allTopics') },
              ...eventTopics.map((x) => ({ value: x, label: t(`events.topic.${x}`) })),
            ]}
            w={{ base: '100%', sm: 220 }}
            data-testid="events-topic"
          />
          <NativeSelect
            label={t('events.province')}
            value={province ?? ''}
            onChange={(e) => update({ province: e.currentTarget.value || null })}
            data={[
              { value: '', label: t('events.allProvinces') },
              ...(provinces ?? []).map((p) => ({ value: p.code, label: provinceLabel(p, locale) })),
            ]}
            w={{ base: '100%', sm: 220 }}
            data-testid="events-province"
          />
          {filtered && (
            <Button variant="subtle" onClick={() => update({ q: null, topic: null, province: null })}>
              {t('common.clearFilters')}
            </Button>
          )}
        </Group>
      </Stack>

      <ErrorAlert error={list.error} />
      {list.isPending ? (
        <PageLoader />
      ) : list.data && list.data.items.length === 0 ? (
        <EmptyState message={filtered ? t('events.emptyFiltered') : t('events.empty')} />
      ) : list.data ? (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" data-testid="events-list">
            {list.data.items.map((e) => (
              <EventCard key={e.id} event={e} />
            ))}
          </SimpleGrid>
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
