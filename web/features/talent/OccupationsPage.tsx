/**
 * Occupations (/occupations): the ESCO occupations a career pathway can aim at, found by name (any
 * accents or case) or ISCO group, with how many skills each needs. Search, group and page live in
 * the URL, so a search can be shared and the back button restores it.
 */
import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { occupationsApi } from '../../api/endpoints';
import { EmptyState } from '../../components/ui/EmptyState';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { formatNumber } from '../../components/ui/format';
import { PageLoader } from '../../components/ui/PageLoader';
import { Pager } from '../../components/ui/Pager';
import { usePageTitle } from '../../components/ui/usePageTitle';
import { currentLocale } from '../../i18n';
import { useListParams, useSearchParam } from '../admin/hooks';

const PAGE_SIZE = 20;

export function OccupationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('occupations.title'));
  const locale = currentLocale();
  const { get, page, update } = useListParams<'q' | 'isco'>();
  const [search, setSearch] = useSearchParam(get('q'), (q) => update({ q }));
  const [isco, setIsco] = useSearchParam(get('isco'), (v) => update({ isco: v }));
  const iscoValid = /^[0-9]{1,4}$/.test(get('isco'));
  const query = {
    q: get('q') || undefined,
    isco: iscoValid ? get('isco') : undefined,
    page,
    pageSize: PAGE_SIZE,
  };
  const list = useQuery({
    queryKey: ['occupations', query],
    queryFn: () => occupationsApi.list(query),
    placeholderData: keepPreviousData,
  });

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('occupations.title')}</Title>
        <Text c="dimmed">{t('occupations.intro')}</Text>
      </div>
      <SimpleGrid
        cols={{ base: 1, sm: 2 }}
        spacing="sm"
        role="search"
        aria-label={t('occupations.searchLabel')}
      >
        <TextInput
          label={t('occupations.search')}
          placeholder={t('occupations.searchPlaceholder')}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          data-testid="occupations-search"
        />
        <TextInput
          label={t('occupations.isco')}
          description={t('occupations.iscoHint')}
          inputMode="numeric"
          value={isco}
          onChange={(e) => setIsco(e.currentTarget.value.replace(/\D/gu, '').slice(0, 4))}
          data-testid="occupations-isco"
        />
      </SimpleGrid>
      <ErrorAlert error={list.error} />
      {list.isPending ? (
        <PageLoader />
      ) : list.data ? (
        <>
          <Text size="sm" aria-live="polite" data-testid="occupations-count">
            {t('occupations.found', { count: list.data.total, n: formatNumber(list.data.total, locale) })}
          </Text>
          {list.data.items.length === 0 ? (
            <EmptyState message={t(query.q || query.isco ? 'occupations.empty' : 'occupations.none')} />
          ) : (
            <Stack gap="xs" component="ul" className="plain-list" aria-label={t('occupations.results')}>
              {list.data.items.map((o) => (
                <li key={o.id}>
                  <Paper withBorder radius="md" p="sm">
                    <Group justify="space-between" gap="xs" wrap="wrap">
                      <Anchor component={Link} to={`/occupations/${o.id}`} fw={600} lang="en">
                        {o.label}
                      </Anchor>
                      <Group gap="xs">
                        <Badge variant="light" color="gray">
                          ISCO {o.iscoGroup}
                        </Badge>
                        <Text size="sm" c="dimmed">
                          {t('occupations.skillCounts', {
                            essential: formatNumber(o.essentialSkills, locale),
                            optional: formatNumber(o.optionalSkills, locale),
                          })}
                        </Text>
                      </Group>
                    </Group>
                  </Paper>
                </li>
              ))}
            </Stack>
          )}
          <Pager
            page={page}
            pageSize={list.data.pageSize}
            total={list.data.total}
            onChange={(p) => update({ page: p })}
          />
        </>
      ) : null}
      <Text size="xs" c="dimmed">
        {t('occupations.source')}
      </Text>
    </Stack>
  );
}
