/**
 * The labour market (/labour-market), public: open jobs in Vietnam and Japan, demand by skill and by
 * place, the supply of verified skills beside it, and the national semiconductor goal against the
 * people trained here so far. Every chart has its numbers in a table under it (screen readers and
 * keyboards read the table; the chart is the picture of it). Recharts loads with this page only.
 */
import '../jobs/styles';
import '@mantine/charts/styles.layer.css';
import { BarChart } from '@mantine/charts';
import { Anchor, Button, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { labourMarketApi } from '../../api/endpoints';
import { EmptyState } from '../../components/ui/EmptyState';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { formatDate, formatNumber } from '../../components/ui/format';
import { PageLoader } from '../../components/ui/PageLoader';
import { usePageTitle } from '../../components/ui/usePageTitle';
import { currentLocale } from '../../i18n';

/** How many skills and places the charts draw; the tables list them all. */
const CHART_ROWS = 10;

function Stat({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz={28} data-testid={testId}>
        {value}
      </Text>
    </Paper>
  );
}

/** A chart with its title, and the same numbers as a table under it. */
function Figure({
  title,
  chart,
  table,
  more,
}: {
  title: string;
  chart: ReactNode;
  table: ReactNode;
  more?: ReactNode;
}) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Title order={2} size="h3">
          {title}
        </Title>
        {/* The picture; its numbers are in the table below, which assistive technology reads instead. */}
        <div aria-hidden="true">{chart}</div>
        {table}
        {more}
      </Stack>
    </Paper>
  );
}

export function LabourMarketPage() {
  const { t } = useTranslation();
  usePageTitle(t('market.title'));
  const locale = currentLocale();
  const market = useQuery({ queryKey: ['labour-market', locale], queryFn: () => labourMarketApi.get() });
  const n = (v: number) => formatNumber(v, locale);
  const [allSkills, setAllSkills] = useState(false);

  if (market.isPending) return <PageLoader />;
  if (!market.data) return <ErrorAlert error={market.error} />;
  const m = market.data;
  const semi = m.semiconductor;
  const share = semi.target ? Math.min(100, (semi.trained / semi.target) * 100) : 0;
  const topSkills = m.skills.slice(0, CHART_ROWS).map((s) => ({
    skill: s.name,
    required: s.required,
    optional: s.optional,
    verified: s.verifiedPeople,
  }));
  const places = [
    ...m.provinces.map((p) => ({ ...p, country: t('market.vietnam') })),
    ...m.prefectures.map((p) => ({ ...p, country: t('market.japan') })),
  ].sort((a, b) => b.jobs - a.jobs || a.name.localeCompare(b.name, locale));

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('market.title')}</Title>
        <Text c="dimmed">{t('market.intro')}</Text>
        <Text size="sm" c="dimmed" data-testid="market-as-of">
          {t('market.asOf', { date: formatDate(m.asOf, locale, 'long') })}
        </Text>
      </div>

      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Stat label={t('market.openJobs')} value={n(m.jobs.open)} testId="market-open-jobs" />
        <Stat label={t('market.jobsVn')} value={n(m.jobs.vn)} testId="market-jobs-vn" />
        <Stat label={t('market.jobsJp')} value={n(m.jobs.jp)} testId="market-jobs-jp" />
        <Stat
          label={t('market.verifiedPeople')}
          value={n(m.verifiedPeople)}
          testId="market-verified-people"
        />
      </SimpleGrid>

      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="semiconductor-goal">
        <Stack gap="xs">
          <Title order={2} size="h3" id="semiconductor-goal">
            {t('market.semiconductor.title')}
          </Title>
          <Text data-testid="semiconductor-progress">
            {t('market.semiconductor.progress', {
              trained: n(semi.trained),
              target: n(semi.target),
              year: semi.targetYear,
            })}
          </Text>
          <Progress
            value={share}
            size="lg"
            aria-label={t('market.semiconductor.share', {
              share: formatNumber(share / 100, locale, { style: 'percent', maximumFractionDigits: 2 }),
            })}
          />
          <Text size="sm" c="dimmed">
            {t('market.semiconductor.how')}
          </Text>
          {semi.byYear.length > 0 && (
            <>
              <div aria-hidden="true">
                <BarChart
                  h={200}
                  data={semi.byYear.map((y) => ({ year: String(y.year), cumulative: y.cumulative }))}
                  dataKey="year"
                  yAxisProps={{ allowDecimals: false }}
                  series={[
                    { name: 'cumulative', label: t('market.semiconductor.cumulative'), color: 'teal.8' },
                  ]}
                  valueFormatter={n}
                  barChartProps={{ accessibilityLayer: false }}
                />
              </div>
              <Table data-testid="semiconductor-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('market.semiconductor.year')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('market.semiconductor.newlyTrained')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('market.semiconductor.cumulative')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {semi.byYear.map((y) => (
                    <Table.Tr key={y.year}>
                      <Table.Th scope="row">{y.year}</Table.Th>
                      <Table.Td ta="right">{n(y.people)}</Table.Td>
                      <Table.Td ta="right">{n(y.cumulative)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          )}
        </Stack>
      </Paper>

      {m.skills.length === 0 ? (
        <EmptyState
          message={t('market.empty')}
          action={
            <Anchor component={Link} to="/courses">
              {t('market.browseCourses')}
            </Anchor>
          }
        />
      ) : (
        <Figure
          title={t('market.skills.title')}
          chart={
            <BarChart
              h={Math.max(240, topSkills.length * 44)}
              data={topSkills}
              dataKey="skill"
              orientation="vertical"
              yAxisProps={{ width: 150 }}
              xAxisProps={{ allowDecimals: false }}
              withLegend
              legendProps={{ verticalAlign: 'top' }}
              valueFormatter={n}
              barChartProps={{ accessibilityLayer: false }}
              series={[
                { name: 'required', label: t('market.skills.required'), color: 'blue.8' },
                { name: 'optional', label: t('market.skills.optional'), color: 'blue.4' },
                { name: 'verified', label: t('market.skills.verified'), color: 'teal.8' },
              ]}
            />
          }
          table={
            <Table striped data-testid="market-skills-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('market.skills.skill')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('market.skills.required')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('market.skills.optional')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('market.skills.verified')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(allSkills ? m.skills : m.skills.slice(0, CHART_ROWS)).map((s) => (
                  <Table.Tr key={s.skillId} data-skill={s.skillId}>
                    <Table.Th scope="row" fw={500}>
                      <Anchor component={Link} to={`/jobs?skill=${encodeURIComponent(s.skillId)}`}>
                        {s.name}
                      </Anchor>
                    </Table.Th>
                    <Table.Td ta="right">{n(s.required)}</Table.Td>
                    <Table.Td ta="right">{n(s.optional)}</Table.Td>
                    <Table.Td ta="right">{n(s.verifiedPeople)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          }
          more={
            m.skills.length > CHART_ROWS && (
              <Button
                variant="subtle"
                onClick={() => setAllSkills((v) => !v)}
                aria-expanded={allSkills}
                data-testid="market-all-skills"
              >
                {allSkills ? t('market.skills.fewer') : t('market.skills.all', { count: m.skills.length })}
              </Button>
            )
          }
        />
      )}

      {places.length > 0 && (
        <Figure
          title={t('market.places.title')}
          chart={
            <BarChart
              h={Math.max(200, Math.min(places.length, CHART_ROWS) * 40)}
              data={places.slice(0, CHART_ROWS).map((p) => ({ place: p.name, jobs: p.jobs }))}
              dataKey="place"
              orientation="vertical"
              yAxisProps={{ width: 150 }}
              xAxisProps={{ allowDecimals: false }}
              valueFormatter={n}
              barChartProps={{ accessibilityLayer: false }}
              series={[{ name: 'jobs', label: t('market.places.jobs'), color: 'blue.8' }]}
            />
          }
          table={
            <Table striped data-testid="market-places-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('market.places.place')}</Table.Th>
                  <Table.Th scope="col">{t('market.places.country')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('market.places.jobs')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {places.map((p) => (
                  <Table.Tr key={`${p.country}-${p.code}`}>
                    <Table.Th scope="row" fw={500}>
                      {p.name}
                    </Table.Th>
                    <Table.Td>{p.country}</Table.Td>
                    <Table.Td ta="right">{n(p.jobs)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          }
        />
      )}
    </Stack>
  );
}
