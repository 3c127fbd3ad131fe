/**
 * The public catalog (/courses): search (accent-insensitive on the server: "ban dan" finds "bán dẫn"),
 * filters, sort and page, all in the URL so a search can be shared and the back button restores it.
 */
import './styles';
import { Button, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  catalogSorts,
  courseLevels,
  courseTopics,
  deliveryModes,
  isCatalogSort,
  isCourseLevel,
  isCourseTopic,
  isDeliveryMode,
  isLocaleCode,
  locales,
} from '../../api/domain';
import type { CatalogSort, CourseListQuery } from '../../api/types';
import { CollapsibleFilters } from '../../components/ui/CollapsibleFilters';
import { EmptyState } from '../../components/ui/EmptyState';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { formatNumber } from '../../components/ui/format';
import { PageLoader } from '../../components/ui/PageLoader';
import { Pager } from '../../components/ui/Pager';
import { usePageTitle } from '../../components/ui/usePageTitle';
import { currentLocale } from '../../i18n';
import { foldFilter } from '../admin/components';
import { provinceLabel, useListParams, useProvinces, useSearchParam } from '../admin/hooks';
import { CourseCard } from './components';
import { catalogQuery, programsQuery } from './queries';

const PAGE_SIZE = 12;
type Param = 'q' | 'topic' | 'level' | 'mode' | 'province' | 'language' | 'program' | 'skill' | 'sort';

export function CatalogPage() {
  const { t } = useTranslation();
  usePageTitle(t('catalog.title'));
  const locale = currentLocale();
  const { get, page, update } = useListParams<Param>();
  const [search, setSearch] = useSearchParam(get('q'), (q) => update({ q }));

  const q = get('q');
  const topic = isCourseTopic(get('topic')) ? get('topic') : undefined;
  const level = isCourseLevel(get('level')) ? get('level') : undefined;
  const mode = isDeliveryMode(get('mode')) ? get('mode') : undefined;
  const language = isLocaleCode(get('language')) ? get('language') : undefined;
  const sortParam = get('sort');
  // Relevance only means something with search words; without them the newest come first.
  const sort: CatalogSort = isCatalogSort(sortParam) ? sortParam : q ? 'relevance' : '-publishedAt';
  const query: CourseListQuery = {
    q: q || undefined,
    topic: topic as CourseListQuery['topic'],
    level: level as CourseListQuery['level'],
    mode: mode as CourseListQuery['mode'],
    province: get('province') || undefined,
    language: language as CourseListQuery['language'],
    program: get('program') || undefined,
    skill: get('skill') || undefined,
    sort,
    page,
    pageSize: PAGE_SIZE,
  };
  const courses = useQuery(catalogQuery(query));
  const { provinces } = useProvinces();
  const programs = useQuery(programsQuery);

  const facets = courses.data?.facets;
  const withCount = (label: string, n: number | undefined) =>
    n === undefined ? label : `${label} (${formatNumber(n, locale)})`;
  const activeFilters = (
    ['topic', 'level', 'mode', 'province', 'language', 'program', 'skill'] as const
  ).filter((k) => get(k)).length;
  const clearAll = () =>
    update({
      q: null,
      topic: null,
      level: null,
      mode: null,
      province: null,
      language: null,
      program: null,
      skill: null,
    });

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('catalog.title')}</Title>
        <Text c="dimmed">{t('catalog.intro')}</Text>
      </div>

      <Stack gap="sm" role="search" aria-label={t('catalog.searchLabel')}>
        <TextInput
          label={t('catalog.search')}
          placeholder={t('catalog.searchPlaceholder')}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          data-testid="catalog-search"
          size="md"
        />
        <CollapsibleFilters active={activeFilters} testId="catalog">
          <Select
            label={t('catalog.topic')}
            placeholder={t('catalog.any')}
            data={courseTopics.map((v) => ({
              value: v,
              label: withCount(t(`topic.${v}`), facets?.topic[v]),
            }))}
            value={topic ?? null}
            onChange={(v) => update({ topic: v })}
            clearable
            comboboxProps={{ withinPortal: true }}
            data-testid="catalog-topic"
          />
          <Select
            label={t('catalog.level')}
            placeholder={t('catalog.any')}
            data={courseLevels.map((v) => ({
              value: v,
              label: withCount(t(`level.${v}`), facets?.level[v]),
            }))}
            value={level ?? null}
            onChange={(v) => update({ level: v })}
            clearable
            comboboxProps={{ withinPortal: true }}
            data-testid="catalog-level"
          />
          <Select
            label={t('catalog.mode')}
            placeholder={t('catalog.any')}
            data={deliveryModes.map((v) => ({
              value: v,
              label: withCount(t(`mode.${v}`), facets?.mode[v]),
            }))}
            value={mode ?? null}
            onChange={(v) => update({ mode: v })}
            clearable
            comboboxProps={{ withinPortal: true }}
            data-testid="catalog-mode"
          />
          <Select
            label={t('catalog.province')}
            placeholder={t('catalog.any')}
            data={(provinces ?? []).map((p) => ({ value: p.code, label: provinceLabel(p, locale) }))}
            value={get('province') || null}
            onChange={(v) => update({ province: v })}
            searchable
            clearable
            filter={foldFilter}
            nothingFoundMessage={t('catalog.nothingFound')}
            comboboxProps={{ withinPortal: true }}
            data-testid="catalog-province"
          />
          <Select
            label={t('catalog.language')}
            placeholder={t('catalog.any')}
            data={locales.map((v) => ({ value: v, label: t(`lang.${v}`) }))}
            value={language ?? null}
            onChange={(v) => update({ language: v })}
            clearable
            comboboxProps={{ withinPortal: true }}
            data-testid="catalog-language"
          />
          <Select
            label={t('catalog.program')}
            placeholder={t('catalog.any')}
            data={(programs.data?.items ?? []).map((p) => ({ value: p.code, label: p.name }))}
            value={get('program') || null}
            onChange={(v) => update({ program: v })}
            clearable
            comboboxProps={{ withinPortal: true }}
            data-testid="catalog-program"
          />
          <SkillFilter value={get('skill')} onChange={(skill) => update({ skill })} />
          <Select
            label={t('catalog.sort')}
            data={catalogSorts
              .filter((s) => s !== 'relevance' || q)
              .map((v) => ({ value: v, label: t(`catalog.sorts.${v}`) }))}
            value={sort}
            onChange={(v) => update({ sort: v })}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            data-testid="catalog-sort"
          />
        </CollapsibleFilters>
      </Stack>

      <ErrorAlert error={courses.error} />
      {courses.isPending ? (
        <PageLoader />
      ) : courses.data ? (
        <>
          <Group justify="space-between" gap="xs">
            <Text size="sm" aria-live="polite" data-testid="catalog-count">
              {t('catalog.found', { count: courses.data.total, n: formatNumber(courses.data.total, locale) })}
            </Text>
            {(activeFilters > 0 || q) && (
              <Button variant="subtle" size="compact-sm" onClick={clearAll}>
                {t('common.clearFilters')}
              </Button>
            )}
          </Group>
          {courses.data.items.length === 0 ? (
            <EmptyState
              message={t('catalog.empty')}
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
              cols={{ base: 1, sm: 2, lg: 3 }}
              spacing="md"
              component="ul"
              className="plain-list"
              aria-label={t('catalog.results')}
            >
              {courses.data.items.map((course) => (
                <li key={course.id}>
                  <CourseCard course={course} />
                </li>
              ))}
            </SimpleGrid>
          )}
          <Pager
            page={page}
            pageSize={courses.data.pageSize}
            total={courses.data.total}
            onChange={(p) => update({ page: p })}
          />
        </>
      ) : null}
    </Stack>
  );
}

/** A skill name typed in full ("ESP32"), applied after a pause in typing like the search box. */
function SkillFilter({ value, onChange }: { value: string; onChange: (skill: string | null) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useSearchParam(value, (v) => onChange(v || null));
  return (
    <TextInput
      label={t('catalog.skill')}
      placeholder={t('catalog.skillPlaceholder')}
      value={draft}
      onChange={(e) => setDraft(e.currentTarget.value)}
      data-testid="catalog-skill"
    />
  );
}
