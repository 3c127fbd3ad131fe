/**
 * The public job board (/jobs): search words, country and its province or prefecture, a skill of the
 * taxonomy, sort and page, all in the URL so a search can be shared and the back button restores it.
 */
import './styles';
import { Anchor, Button, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { jobCountries, prefectures } from '../../../common/talent';
import { isJobSort, jobSorts } from '../../api/domain';
import type { JobCountry, JobListQuery, JobSort } from '../../api/types';
import { CollapsibleFilters } from '../../components/ui/CollapsibleFilters';
import { EmptyState } from '../../components/ui/EmptyState';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { formatCountry, formatNumber } from '../../components/ui/format';
import { PageLoader } from '../../components/ui/PageLoader';
import { Pager } from '../../components/ui/Pager';
import { usePageTitle } from '../../components/ui/usePageTitle';
import { currentLocale } from '../../i18n';
import { foldFilter } from '../admin/components';
import { provinceLabel, useListParams, useProvinces, useSearchParam } from '../admin/hooks';
import { SkillSelect } from '../talent/SkillSelect';
import { JobCard } from './components';
import { prefectureName } from './format';
import { jobListQuery } from './queries';

const PAGE_SIZE = 12;
type Param = 'q' | 'country' | 'province' | 'prefecture' | 'skill' | 'sort';
const isCountry = (v: string): v is JobCountry => (jobCountries as readonly string[]).includes(v);

export function JobsPage() {
  const { t } = useTranslation();
  usePageTitle(t('jobs.title'));
  const locale = currentLocale();
  const { get, page, update } = useListParams<Param>();
  const [search, setSearch] = useSearchParam(get('q'), (q) => update({ q }));
  const { provinces } = useProvinces();

  const q = get('q');
  const country = isCountry(get('country')) ? (get('country') as JobCountry) : undefined;
  const sortParam = get('sort');
  const sort: JobSort = isJobSort(sortParam) ? sortParam : '-createdAt';
  const query: JobListQuery = {
    q: q || undefined,
    country,
    province: country !== 'JP' ? get('province') || undefined : undefined,
    prefecture: country !== 'VN' ? get('prefecture') || undefined : undefined,
    skill: get('skill') || undefined,
    sort,
    page,
    pageSize: PAGE_SIZE,
  };
  const jobs = useQuery(jobListQuery(query));

  const activeFilters = (['country', 'province', 'prefecture', 'skill'] as const).filter((k) =>
    get(k),
  ).length;
  const clearAll = () => update({ q: null, country: null, province: null, prefecture: null, skill: null });

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('jobs.title')}</Title>
        <Text c="dimmed">{t('jobs.intro')}</Text>
        <Anchor component={Link} to="/labour-market" size="sm" data-testid="market-link">
          {t('market.link')}
        </Anchor>
      </div>

      <Stack gap="sm" role="search" aria-label={t('jobs.searchLabel')}>
        <TextInput
          label={t('jobs.search')}
          placeholder={t('jobs.searchPlaceholder')}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          data-testid="jobs-search"
          size="md"
        />
        <CollapsibleFilters active={activeFilters} testId="jobs">
          <Select
            label={t('jobs.country')}
            placeholder={t('catalog.any')}
            data={jobCountries.map((c) => ({ value: c, label: formatCountry(c, locale) }))}
            value={country ?? null}
            onChange={(v) => update({ country: v, province: null, prefecture: null })}
            clearable
            comboboxProps={{ withinPortal: true }}
            data-testid="jobs-country"
          />
          {country === 'JP' ? (
            <Select
              label={t('jobs.prefecture')}
              placeholder={t('catalog.any')}
              data={prefectures.map((p) => ({ value: p.code, label: prefectureName(p.code, locale) }))}
              value={get('prefecture') || null}
              onChange={(v) => update({ prefecture: v })}
              searchable
              clearable
              filter={foldFilter}
              nothingFoundMessage={t('catalog.nothingFound')}
              comboboxProps={{ withinPortal: true }}
              data-testid="jobs-prefecture"
            />
          ) : (
            <Select
              label={t('jobs.province')}
              placeholder={t('catalog.any')}
              description={country ? undefined : t('jobs.provinceHint')}
              data={(provinces ?? []).map((p) => ({ value: p.code, label: provinceLabel(p, locale) }))}
              value={get('province') || null}
              onChange={(v) => update({ province: v, country: v ? 'VN' : country })}
              searchable
              clearable
              filter={foldFilter}
              nothingFoundMessage={t('catalog.nothingFound')}
              comboboxProps={{ withinPortal: true }}
              data-testid="jobs-province"
            />
          )}
          <SkillSelect
            label={t('jobs.skill')}
            value={get('skill') || null}
            onChange={(s) => update({ skill: s?.id ?? null })}
            testId="jobs-skill"
          />
          <Select
            label={t('catalog.sort')}
            data={jobSorts.map((v) => ({ value: v, label: t(`jobs.sorts.${v}`) }))}
            value={sort}
            onChange={(v) => update({ sort: v === '-createdAt' ? null : v })}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            data-testid="jobs-sort"
          />
        </CollapsibleFilters>
      </Stack>

      <ErrorAlert error={jobs.error} />
      {jobs.isPending ? (
        <PageLoader />
      ) : jobs.data ? (
        <>
          <Group justify="space-between" gap="xs">
            <Text size="sm" aria-live="polite" data-testid="jobs-count">
              {t('jobs.found', { count: jobs.data.total, n: formatNumber(jobs.data.total, locale) })}
            </Text>
            {(activeFilters > 0 || q) && (
              <Button variant="subtle" size="compact-sm" onClick={clearAll}>
                {t('common.clearFilters')}
              </Button>
            )}
          </Group>
          {jobs.data.items.length === 0 ? (
            <EmptyState
              message={t(activeFilters > 0 || q ? 'jobs.empty' : 'jobs.none')}
              action={
                (activeFilters > 0 || q) && (
                  <Button variant="light" onClick={clearAll}>
                    {t('common.clearFilters')}
                  </Button>
                )
              }
            />
          ) : (
            <SimpleGrid
              cols={{ base: 1, sm: 2 }}
              spacing="md"
              component="ul"
              className="plain-list"
              aria-label={t('jobs.results')}
            >
              {jobs.data.items.map((job) => (
                <li key={job.id}>
                  <JobCard job={job} />
                </li>
              ))}
            </SimpleGrid>
          )}
          <Pager
            page={page}
            pageSize={jobs.data.pageSize}
            total={jobs.data.total}
            onChange={(p) => update({ page: p })}
          />
        </>
      ) : null}
    </Stack>
  );
}
