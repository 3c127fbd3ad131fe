/**
 * One search (/search?q=…): courses, open jobs, skills and occupations in one box, accent-insensitive.
 * Without a kind, the best few of each with their totals; choosing a kind pages through it. The words
 * found are marked in each title from the ranges the server sends (never as HTML).
 */
import { Anchor, Badge, Group, Paper, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { searchApi } from '../../api/endpoints';
import type { SearchHit, SearchType } from '../../api/types';
import { EmptyState } from '../../components/ui/EmptyState';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { formatNumber } from '../../components/ui/format';
import { PageLoader } from '../../components/ui/PageLoader';
import { Pager } from '../../components/ui/Pager';
import { usePageTitle } from '../../components/ui/usePageTitle';
import { currentLocale } from '../../i18n';
import { useListParams, useSearchParam } from '../admin/hooks';

const PAGE_SIZE = 20;
const TYPES: SearchType[] = ['course', 'job', 'skill', 'occupation'];

/** The title with the server's ranges wrapped in <mark>: text nodes only. */
export function Highlighted({ text, ranges }: { text: string; ranges: [number, number][] }) {
  const parts: { text: string; mark: boolean }[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at || end > text.length || start >= end) continue;
    if (start > at) parts.push({ text: text.slice(at, start), mark: false });
    parts.push({ text: text.slice(start, end), mark: true });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), mark: false });
  return (
    <>
      {parts.map((p, i) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one title, in order, never reordered
        p.mark ? <mark key={i}>{p.text}</mark> : <Fragment key={i}>{p.text}</Fragment>,
      )}
    </>
  );
}

function Hit({ hit }: { hit: SearchHit }) {
  return (
    <li>
      <Paper withBorder radius="md" p="sm">
        <Anchor component={Link} to={hit.path} fw={600} lang={hit.language} data-testid="search-hit">
          <Highlighted text={hit.title} ranges={hit.highlights} />
        </Anchor>
        {hit.subtitle && (
          <Text size="sm" c="dimmed" lineClamp={2}>
            {hit.subtitle}
          </Text>
        )}
      </Paper>
    </li>
  );
}

export function SearchPage() {
  const { t } = useTranslation();
  usePageTitle(t('search.title'));
  const locale = currentLocale();
  const { get, page, update } = useListParams<'q' | 'type'>();
  const [text, setText] = useSearchParam(get('q'), (q) => update({ q }));
  const type = (TYPES as string[]).includes(get('type')) ? (get('type') as SearchType) : undefined;
  const q = get('q').trim();
  const query = { q, type, page: type ? page : undefined, pageSize: type ? PAGE_SIZE : undefined };
  const result = useQuery({
    queryKey: ['search', query],
    queryFn: () => searchApi.search(query),
    enabled: q !== '',
    placeholderData: keepPreviousData,
  });
  const count = (n: number, capped: boolean) =>
    capped ? `${formatNumber(n, locale)}+` : formatNumber(n, locale);

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('search.title')}</Title>
        <Text c="dimmed">{t('search.intro')}</Text>
      </div>
      <Stack gap="sm" role="search" aria-label={t('search.title')}>
        <TextInput
          label={t('search.label')}
          placeholder={t('search.placeholder')}
          type="search"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          data-testid="search-input"
          autoFocus
        />
        <SegmentedControl
          aria-label={t('search.kind')}
          value={type ?? 'all'}
          onChange={(v) => update({ type: v === 'all' ? '' : v })}
          data={[
            { value: 'all', label: t('search.all') },
            ...TYPES.map((k) => ({ value: k, label: t(`search.types.${k}` as 'search.types.course') })),
          ]}
          fullWidth
          style={{ overflowX: 'auto' }}
        />
      </Stack>
      <ErrorAlert error={result.error} />
      {q === '' ? (
        <EmptyState message={t('search.prompt')} />
      ) : result.isPending ? (
        <PageLoader />
      ) : result.data ? (
        <Stack gap="lg" aria-live="polite">
          {result.data.groups.every((g) => g.total === 0) && (
            <EmptyState message={t('search.empty', { q })} />
          )}
          {result.data.groups
            .filter((g) => g.total > 0)
            .map((g) => (
              <section
                key={g.type}
                aria-labelledby={`search-${g.type}`}
                data-testid={`search-group-${g.type}`}
              >
                <Group justify="space-between" mb="xs" wrap="wrap">
                  <Title order={2} size="h4" id={`search-${g.type}`}>
                    {t(`search.types.${g.type}` as 'search.types.course')}{' '}
                    <Badge variant="light" color="gray" component="span">
                      {count(g.total, g.capped)}
                    </Badge>
                  </Title>
                  {!type && g.total > g.items.length && (
                    <Anchor component="button" type="button" onClick={() => update({ type: g.type })}>
                      {t('search.more', { count: g.total })}
                    </Anchor>
                  )}
                </Group>
                <Stack gap="xs" component="ul" className="plain-list">
                  {g.items.map((h) => (
                    <Hit key={`${h.type}-${h.id}`} hit={h} />
                  ))}
                </Stack>
                {type && (
                  <Pager
                    page={page}
                    pageSize={result.data.pageSize}
                    total={g.total}
                    onChange={(p) => update({ page: p })}
                  />
                )}
              </section>
            ))}
        </Stack>
      ) : null}
    </Stack>
  );
}
