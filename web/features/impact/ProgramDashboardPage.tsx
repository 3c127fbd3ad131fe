/**
 * /impact/:code — a program's dashboard: one card per indicator with actual vs target, the trend by
 * quarter and its breakdowns (sex, age, urban/rural, province, partner), filters for the period, a
 * partner and a province, exports (XLSX, CSV, PDF), and every number opening the people behind it
 * (for those allowed). Charts are pictures of the tables beside them; the tables are what assistive
 * technology and keyboards use. Filters live in the address, so a view can be shared.
 */
import './styles';
import { BarChart } from '@mantine/charts';
import {
  Anchor,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  Progress,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorAlert, useErrorMessage } from '../../components/ui/ErrorAlert';
import { formatDateTime, formatNumber } from '../../components/ui/format';
import { PageLoader } from '../../components/ui/PageLoader';
import { Pager } from '../../components/ui/Pager';
import { usePageTitle } from '../../components/ui/usePageTitle';
import { currentLocale } from '../../i18n';
import { useMe } from '../auth/hooks';
import { canReadPeople } from '../people/access';
import { type Card, type Dashboard, type DashboardQuery, type Group as GroupT, impactApi } from './api';
import { ManualResults } from './ManualResults';

type Locale = ReturnType<typeof currentLocale>;

const fmt = (v: number | null, percent: boolean, locale: Locale) =>
  v === null
    ? '—'
    : percent
      ? `${formatNumber(v, locale, { maximumFractionDigits: 1 })} %`
      : formatNumber(v, locale);

interface DrillTarget {
  card: Card;
  dimension?: string;
  key?: string;
  label: string;
}

function useFilters(): [
  DashboardQuery,
  (patch: Partial<Record<keyof DashboardQuery, string | null>>) => void,
] {
  const [params, setParams] = useSearchParams();
  const num = (k: string) => (params.get(k) ? Number(params.get(k)) : undefined);
  const query: DashboardQuery = {
    year: num('year'),
    quarter: num('quarter'),
    partner: params.get('partner') ?? undefined,
    province: params.get('province') ?? undefined,
  };
  const set = (patch: Partial<Record<keyof DashboardQuery, string | null>>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        if (!next.get('year')) next.delete('quarter');
        return next;
      },
      { replace: true },
    );
  return [query, set];
}

export function ProgramDashboardPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const locale = currentLocale();
  const [query, setFilter] = useFilters();
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const [editing, setEditing] = useState<Card | null>(null);
  const dashboard = useQuery({
    queryKey: ['impact', 'dashboard', code, query, locale],
    queryFn: () => impactApi.dashboard(code, query),
    placeholderData: keepPreviousData,
  });
  usePageTitle(dashboard.data ? dashboard.data.program.name : t('impact.title'));
  if (dashboard.isPending) return <PageLoader />;
  if (!dashboard.data) return <ErrorAlert error={dashboard.error} />;
  const d = dashboard.data;

  return (
    <Stack gap="md">
      <div>
        <Anchor component={Link} to="/impact" size="sm">
          ← {t('impact.title')}
        </Anchor>
        <Title order={1}>{d.program.name}</Title>
        <Text c="dimmed" size="sm" data-testid="impact-period">
          {t('impact.period', { from: d.period.from, to: d.period.to })}
          {d.partner ? ` · ${t('impact.onlyPartner', { name: d.partner.name })}` : ''}
        </Text>
      </div>

      <Filters d={d} query={query} onChange={setFilter} />

      <Group gap="xs" aria-label={t('impact.export.label')} role="group">
        {(['xlsx', 'csv', 'pdf'] as const).map((f) => (
          <Button
            key={f}
            component="a"
            href={impactApi.exportUrl(code, query, f)}
            download
            variant="default"
            size="xs"
            data-testid={`impact-export-${f}`}
          >
            {t(`impact.export.${f}`)}
          </Button>
        ))}
      </Group>

      {dashboard.isFetching && (
        <Text size="sm" c="dimmed" aria-live="polite">
          {t('impact.updating')}
        </Text>
      )}

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        {d.cards.map((c) => (
          <IndicatorCard
            key={c.indicator.code}
            card={c}
            d={d}
            onDrill={d.canDrill ? setDrill : undefined}
            onEditTarget={d.canEditTargets ? setEditing : undefined}
          />
        ))}
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t('impact.computedAt', { at: formatDateTime(d.computedAt, locale) })}
      </Text>

      <ManualResults code={code} d={d} />

      {drill && <DrillModal code={code} query={query} target={drill} onClose={() => setDrill(null)} />}
      {editing && <TargetModal code={code} d={d} card={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

function Filters({
  d,
  query,
  onChange,
}: {
  d: Dashboard;
  query: DashboardQuery;
  onChange: (patch: Partial<Record<keyof DashboardQuery, string | null>>) => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="sm" component="section" aria-label={t('impact.filters')}>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <Select
          label={t('impact.year')}
          data={[
            { value: '', label: t('impact.wholeProgram') },
            ...d.years.map((y) => ({ value: String(y), label: String(y) })),
          ]}
          value={query.year ? String(query.year) : ''}
          onChange={(v) => onChange({ year: v || null, quarter: null })}
          allowDeselect={false}
          data-testid="impact-year"
        />
        <Select
          label={t('impact.quarter')}
          data={[
            { value: '', label: t('impact.wholeYear') },
            ...[1, 2, 3, 4].map((q) => ({ value: String(q), label: t('impact.quarterN', { n: q }) })),
          ]}
          value={query.quarter ? String(query.quarter) : ''}
          onChange={(v) => onChange({ quarter: v || null })}
          disabled={!query.year}
          allowDeselect={false}
        />
        {!d.partner || d.canEditTargets ? (
          <Select
            label={t('impact.partner')}
            data={[
              { value: '', label: t('impact.allPartners') },
              ...d.program.partners.map((p) => ({ value: p.id, label: p.name })),
            ]}
            value={query.partner ?? ''}
            onChange={(v) => onChange({ partner: v || null })}
            allowDeselect={false}
          />
        ) : (
          <div />
        )}
        <Select
          label={t('impact.province')}
          data={[
            { value: '', label: t('impact.allProvinces') },
            ...d.provinces.map((p) => ({ value: p.code, label: p.name })),
          ]}
          value={query.province ?? ''}
          onChange={(v) => onChange({ province: v || null })}
          searchable
          allowDeselect={false}
        />
      </SimpleGrid>
    </Paper>
  );
}

function IndicatorCard({
  card: c,
  d,
  onDrill,
  onEditTarget,
}: {
  card: Card;
  d: Dashboard;
  onDrill?: (t: DrillTarget) => void;
  onEditTarget?: (c: Card) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const pct = c.indicator.unit === 'percent';
  const [dimension, setDimension] = useState(c.breakdowns[0]?.dimension ?? 'sex');
  const breakdown = c.breakdowns.find((b) => b.dimension === dimension);
  const testId = `card-${c.indicator.code}`;
  const headingId = `${testId}-title`;
  const value = fmt(c.value, pct, locale);
  const drillAll = () => onDrill?.({ card: c, label: t('impact.total') });

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId} data-testid={testId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Title order={2} size="h4" id={headingId}>
              {c.indicator.name}
            </Title>
            <Text size="xs" c="dimmed">
              {c.indicator.code}
            </Text>
          </div>
          {onEditTarget && (
            <Button
              size="xs"
              variant="subtle"
              onClick={() => onEditTarget(c)}
              aria-label={t('impact.target.editFor', { name: c.indicator.name })}
            >
              {t('impact.target.edit')}
            </Button>
          )}
        </Group>
        <Group align="baseline" gap="sm">
          {onDrill ? (
            <UnstyledButton
              onClick={drillAll}
              aria-label={t('impact.drill.open', { value, name: c.indicator.name })}
              className="impact-value"
            >
              <Text fw={700} fz={34} data-testid={`${testId}-value`} td="underline">
                {value}
              </Text>
            </UnstyledButton>
          ) : (
            <Text fw={700} fz={34} data-testid={`${testId}-value`}>
              {value}
            </Text>
          )}
          {pct && c.denominator !== undefined && (
            <Text size="sm" c="dimmed">
              {t('impact.ofPeople', {
                n: formatNumber(c.numerator ?? 0, locale),
                d: formatNumber(c.denominator, locale),
              })}
            </Text>
          )}
        </Group>
        {c.target !== null ? (
          <div>
            <Text size="sm" data-testid={`${testId}-target`}>
              {t('impact.target.line', {
                target: fmt(c.target, pct, locale),
                progress: formatNumber(c.progress ?? 0, locale, {
                  style: 'percent',
                  maximumFractionDigits: 0,
                }),
              })}
            </Text>
            <Progress
              value={Math.min(100, (c.progress ?? 0) * 100)}
              color={(c.progress ?? 0) >= 1 ? 'teal.8' : 'blue.8'}
              aria-label={t('impact.target.progress', { name: c.indicator.name })}
            />
          </div>
        ) : (
          <Text size="sm" c="dimmed">
            {t('impact.target.none')}
          </Text>
        )}
        {c.manual.reports > 0 && (
          <Text size="sm" fw={600} data-testid={`${testId}-manual`}>
            {t('impact.manualLine', { value: formatNumber(c.manual.approved, locale), n: c.manual.reports })}
          </Text>
        )}
        <Text size="sm" c="dimmed">
          {c.indicator.definition}
        </Text>

        {c.trend.length > 1 && (
          <NumbersFigure
            title={t('impact.trend')}
            groups={c.trend}
            pct={pct}
            seriesLabel={c.indicator.name}
            onDrill={
              onDrill
                ? (g) => onDrill({ card: c, dimension: 'quarter', key: g.key, label: g.label })
                : undefined
            }
            testId={`${testId}-trend`}
          />
        )}

        {c.breakdowns.length > 0 && (
          <Stack gap="xs">
            <SegmentedControl
              size="xs"
              value={dimension}
              onChange={(v) => setDimension(v as typeof dimension)}
              data={c.breakdowns.map((b) => ({
                value: b.dimension,
                label: t(`impact.dimension.${b.dimension}`),
              }))}
              aria-label={t('impact.breakdownBy')}
              fullWidth
              style={{ flexWrap: 'wrap' }}
            />
            {breakdown && (
              <>
                <NumbersFigure
                  title={t(`impact.dimension.${breakdown.dimension}`)}
                  groups={breakdown.groups}
                  pct={pct}
                  seriesLabel={c.indicator.name}
                  onDrill={
                    onDrill
                      ? (g) =>
                          onDrill({ card: c, dimension: breakdown.dimension, key: g.key, label: g.label })
                      : undefined
                  }
                  testId={`${testId}-${breakdown.dimension}`}
                  horizontal
                />
                {!breakdown.addsUp && (
                  <Text size="xs" c="dimmed" data-testid={`${testId}-not-additive`}>
                    {t('impact.notAdditive', { total: value })}
                  </Text>
                )}
              </>
            )}
          </Stack>
        )}
        {d.partner && (
          <Text size="xs" c="dimmed">
            {t('impact.onlyPartner', { name: d.partner.name })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** A bar chart of groups and the same numbers in a table; each number opens its people. */
function NumbersFigure({
  title,
  groups,
  pct,
  seriesLabel,
  onDrill,
  testId,
  horizontal,
}: {
  title: string;
  groups: GroupT[];
  pct: boolean;
  seriesLabel: string;
  onDrill?: (g: GroupT) => void;
  testId: string;
  horizontal?: boolean;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (groups.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('impact.noRecords')}
      </Text>
    );
  const shown = horizontal ? groups.slice(0, 12) : groups;
  return (
    <Stack gap={4}>
      <div aria-hidden="true">
        <BarChart
          h={horizontal ? Math.max(120, shown.length * 30) : 160}
          data={shown.map((g) => ({ group: g.label, value: g.value ?? 0 }))}
          dataKey="group"
          orientation={horizontal ? 'vertical' : 'horizontal'}
          yAxisProps={horizontal ? { width: 130 } : { allowDecimals: pct }}
          xAxisProps={horizontal ? { allowDecimals: pct } : undefined}
          series={[{ name: 'value', label: seriesLabel, color: 'blue.8' }]}
          valueFormatter={(v) => fmt(v, pct, locale)}
          barChartProps={{ accessibilityLayer: false }}
        />
      </div>
      <details>
        <summary>
          <Text component="span" size="sm">
            {t('impact.showNumbers', { title })}
          </Text>
        </summary>
        <Table data-testid={testId} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{title}</Table.Th>
              <Table.Th scope="col" ta="right">
                {pct ? t('impact.share') : t('impact.people')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {groups.map((g) => {
              const v = fmt(g.value, pct, locale);
              return (
                <Table.Tr key={g.key} data-key={g.key}>
                  <Table.Th scope="row" fw={400}>
                    {g.label}
                  </Table.Th>
                  <Table.Td ta="right">
                    {onDrill ? (
                      <Anchor
                        component="button"
                        type="button"
                        onClick={() => onDrill(g)}
                        aria-label={t('impact.drill.open', { value: v, name: g.label })}
                      >
                        {v}
                      </Anchor>
                    ) : (
                      v
                    )}
                    {pct && g.denominator !== undefined && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        ({formatNumber(g.numerator ?? 0, locale)}/{formatNumber(g.denominator, locale)})
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </details>
    </Stack>
  );
}

function DrillModal({
  code,
  query,
  target,
  onClose,
}: {
  code: string;
  query: DashboardQuery;
  target: DrillTarget;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { me } = useMe();
  const [page, setPage] = useState(1);
  const pageSize = 20;
  const people = useQuery({
    queryKey: [
      'impact',
      'people',
      code,
      target.card.indicator.code,
      query,
      target.dimension,
      target.key,
      page,
    ],
    queryFn: () =>
      impactApi.people(code, target.card.indicator.code, {
        ...query,
        dimension: target.dimension as never,
        key: target.key,
        page,
        pageSize,
      }),
    placeholderData: keepPreviousData,
  });
  const linkPeople = canReadPeople(me);
  return (
    <Modal
      opened
      onClose={onClose}
      title={`${target.card.indicator.name} — ${target.label}`}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {people.isPending ? (
        <PageLoader />
      ) : !people.data ? (
        <ErrorAlert error={people.error} />
      ) : (
        <Stack gap="sm" data-testid="drill-list">
          <Text size="sm" data-testid="drill-total">
            {t('impact.drill.total', { n: formatNumber(people.data.total, locale) })}
          </Text>
          {target.card.indicator.unit === 'percent' && (
            <Text size="xs" c="dimmed">
              {t('impact.drill.numerator')}
            </Text>
          )}
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('impact.drill.name')}</Table.Th>
                <Table.Th scope="col">{t('impact.drill.sex')}</Table.Th>
                <Table.Th scope="col">{t('impact.drill.born')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {people.data.items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    {p.anonymised ? (
                      <Text span c="dimmed">
                        {t('impact.drill.anonymised')}
                      </Text>
                    ) : linkPeople ? (
                      <Anchor component={Link} to={`/people/${p.id}`}>
                        {p.fullName}
                      </Anchor>
                    ) : (
                      p.fullName
                    )}
                  </Table.Td>
                  <Table.Td>{p.sex ? t(`impact.sex.${p.sex as 'F' | 'M' | 'X'}`) : '—'}</Table.Td>
                  <Table.Td>{p.birthYear ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Pager page={page} pageSize={pageSize} total={people.data.total} onChange={setPage} />
        </Stack>
      )}
    </Modal>
  );
}

function TargetModal({
  code,
  d,
  card,
  onClose,
}: {
  code: string;
  d: Dashboard;
  card: Card;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const client = useQueryClient();
  const [value, setValue] = useState<number | string>(card.target ?? '');
  const save = useMutation({
    mutationFn: (v: number | null) =>
      impactApi.setTarget(code, card.indicator.code, {
        year: d.period.year,
        quarter: d.period.quarter,
        value: v,
      }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['impact', 'dashboard', code] });
      onClose();
    },
  });
  const periodName = d.period.year
    ? d.period.quarter
      ? `${d.period.year} ${t('impact.quarterN', { n: d.period.quarter })}`
      : String(d.period.year)
    : t('impact.wholeProgram');
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('impact.target.title', { name: card.indicator.name })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(value === '' ? null : Number(value));
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{t('impact.target.forPeriod', { period: periodName })}</Text>
          <NumberInput
            label={t('impact.target.value')}
            value={value}
            onChange={setValue}
            min={0}
            max={card.indicator.unit === 'percent' ? 100 : undefined}
            thousandSeparator={currentLocale() === 'vi' ? '.' : ','}
            decimalSeparator={currentLocale() === 'vi' ? ',' : '.'}
            data-autofocus
            data-testid="target-input"
          />
          {save.error && <Text c="red.8">{errorMessage(save.error)}</Text>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('impact.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="target-save">
              {t('impact.target.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
