/**
 * Pieces of the jobs pages shown in several places: a job's facts as badges, a job card, the salary,
 * the employer's "verified" mark, and the explanation of a match (score, reason, matched and missing).
 */
import { Anchor, Badge, Card, Group, List, Progress, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import type {
  ApplicationStatus,
  ApplicationStep,
  CourseSuggestion,
  Explanation,
  JobDetail,
  JobSummary,
} from '../../api/types';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { formatCountry, formatDate, formatNumber } from '../../components/ui/format';
import { PageLoader } from '../../components/ui/PageLoader';
import { usePageTitle } from '../../components/ui/usePageTitle';
import { currentLocale } from '../../i18n';
import { NotFoundPage } from '../home/NotFoundPage';
import { formatAmount, prefectureName } from './format';
import { jobQuery } from './queries';

/** "20.000.000 ₫ – 25.000.000 ₫ / tháng", "from …", "up to …", or null without a salary. */
/**
 * The job of the address (`/jobs/:id`, `/employer/jobs/:id`) loaded, then shown by `render`: the
 * title in the tab, a spinner while it loads, the 404 page for an unknown or malformed id.
 */
export function WithJob({ render }: { render: (job: JobDetail) => ReactNode }) {
  const { id = '' } = useParams();
  const job = useQuery(jobQuery(id));
  usePageTitle(job.data?.title);
  if (job.error instanceof ApiError && (job.error.status === 404 || job.error.status === 400))
    return <NotFoundPage />;
  if (job.isPending) return <PageLoader />;
  if (!job.data) return <ErrorAlert error={job.error} />;
  return render(job.data);
}

export function useSalary() {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (job: Pick<JobSummary, 'salaryMin' | 'salaryMax' | 'currency'>): string | null => {
    const { salaryMin: min, salaryMax: max, currency } = job;
    const f = (n: number) => formatAmount(n, currency, locale);
    if (min !== null && max !== null && min !== max)
      return t('jobs.salaryMonthly', { amount: `${f(min)} – ${f(max)}` });
    if (min !== null)
      return t('jobs.salaryMonthly', {
        amount: max === min ? f(min) : t('jobs.salaryFrom', { amount: f(min) }),
      });
    if (max !== null) return t('jobs.salaryMonthly', { amount: t('jobs.salaryUpTo', { amount: f(max) }) });
    return null;
  };
}

/** Where the job is: "Bắc Ninh, Việt Nam", "Aichi, Nhật Bản". */
export function usePlace() {
  const locale = currentLocale();
  return (job: Pick<JobSummary, 'country' | 'province' | 'prefecture'>) => {
    const region =
      job.country === 'VN'
        ? job.province?.name
        : job.prefecture
          ? job.prefecture.name || prefectureName(job.prefecture.code, locale)
          : undefined;
    return [region, formatCountry(job.country, locale)].filter(Boolean).join(locale === 'ja' ? '、' : ', ');
  };
}

export function VerifiedBadge({ verified }: { verified: boolean }) {
  const { t } = useTranslation();
  return verified ? (
    <Badge
      color="green"
      variant="light"
      tt="none"
      size="sm"
      className="status-badge"
      data-testid="verified-badge"
    >
      <span aria-hidden="true">✓ </span>
      {t('jobs.verified')}
    </Badge>
  ) : (
    <Badge color="gray" variant="light" tt="none" size="sm" className="status-badge">
      {t('jobs.unverified')}
    </Badge>
  );
}

export function JobStatusBadge({ status }: { status: JobSummary['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={status === 'open' ? 'teal' : 'gray'}
      variant={status === 'open' ? 'light' : 'outline'}
      tt="none"
      size="sm"
      className="status-badge"
      data-testid="job-status"
    >
      {t(`jobs.status.${status}`)}
    </Badge>
  );
}

/** Place, Japanese level, visa track, SSW field, salary and closing date, as badges that wrap on a phone. */
export function JobFacts({ job }: { job: JobSummary }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const place = usePlace();
  const salary = useSalary()(job);
  return (
    <Stack gap={6}>
      <Group gap={6} wrap="wrap">
        <Badge variant="light" color="orange" tt="none">
          {place(job)}
        </Badge>
        {job.jlptMin && (
          <Badge variant="light" color="grape" tt="none" data-testid="job-jlpt">
            {t('jobs.jlptMin', { level: job.jlptMin })}
          </Badge>
        )}
        {job.visaTrack && (
          <Badge variant="light" color="indigo" tt="none">
            {t(`visaTrack.${job.visaTrack}`)}
          </Badge>
        )}
        {job.sswField && (
          <Badge variant="light" color="cyan" tt="none">
            {t(`sswField.${job.sswField}`)}
          </Badge>
        )}
      </Group>
      <Group gap="md" wrap="wrap">
        {salary && (
          <Text size="sm" fw={600} data-testid="job-salary">
            {salary}
          </Text>
        )}
        <Text size="sm" c="dimmed">
          {t('jobs.closesOn', { date: formatDate(job.closesOn, locale) })}
        </Text>
      </Group>
    </Stack>
  );
}

/** One job in a list: the title is the link, stretched over the card. */
export function JobCard({
  job,
  headingLevel = 2,
  children,
}: {
  job: JobSummary;
  headingLevel?: 2 | 3;
  /** More below the facts: a match's score and reason. */
  children?: ReactNode;
}) {
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="article"
      className="course-card"
      data-testid="job-card"
    >
      <Stack gap={8}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Title
            order={headingLevel}
            size="h4"
            lh={1.3}
            lang={job.language}
            style={{ overflowWrap: 'anywhere' }}
          >
            <Anchor component={Link} to={`/jobs/${job.id}`} className="course-card-link" inherit>
              {job.title}
            </Anchor>
          </Title>
          <JobStatusBadge status={job.status} />
        </Group>
        <Group gap={6} wrap="wrap">
          <Text size="sm" c="dimmed">
            {job.employer.name}
          </Text>
          <VerifiedBadge verified={job.employer.verified} />
        </Group>
        <JobFacts job={job} />
        {children}
      </Stack>
    </Card>
  );
}

const scoreColor = (score: number) => (score >= 70 ? 'teal' : score >= 40 ? 'orange' : 'gray.5');

/** The score as a number and a bar; the bar is a labelled meter for screen readers. */
export function ScoreMeter({ score }: { score: number }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Group gap="sm" wrap="nowrap" data-testid="match-score">
      <Text fw={800} size="lg" className="nowrap">
        {t('jobs.score', { score: formatNumber(score, locale) })}
      </Text>
      <Progress
        value={score}
        color={scoreColor(score)}
        size="lg"
        radius="xl"
        style={{ flex: 1, minWidth: 80 }}
        aria-label={t('jobs.scoreLabel')}
      />
    </Group>
  );
}

/** Why a person and a job match: the score, the sentence, the skills matched and what is missing. */
export function ExplanationView({
  explanation,
  headingLevel = 3,
  compact = false,
}: {
  explanation: Explanation;
  headingLevel?: 2 | 3 | 4;
  /** Only the score, the sentence and what is missing (lists of candidates). */
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const { matched, missing } = explanation;
  return (
    <Stack gap="xs" data-testid="explanation">
      <ScoreMeter score={explanation.score} />
      <Text size="sm" data-testid="match-reason">
        {explanation.reason}
      </Text>
      {!compact && matched.length > 0 && (
        <div>
          <Title order={headingLevel} size="h5" mb={4}>
            {t('jobs.matched')}
          </Title>
          <List size="sm" spacing={4} data-testid="matched-skills">
            {matched.map((m) => (
              <List.Item key={m.skillId}>
                <Group gap={6} wrap="wrap">
                  <span>
                    {m.name} · {t('jobs.levelN', { level: m.level })}
                  </span>
                  <Badge
                    size="xs"
                    variant="light"
                    color={m.verified ? 'green' : 'gray'}
                    tt="none"
                    className="status-badge"
                  >
                    {m.verified ? t('jobs.verifiedSkill') : t('jobs.declaredSkill')}
                  </Badge>
                </Group>
              </List.Item>
            ))}
          </List>
        </div>
      )}
      {missing.length > 0 && (
        <div>
          <Title order={headingLevel} size="h5" mb={4}>
            {t('jobs.missing')}
          </Title>
          <List size="sm" spacing={4} data-testid="missing-skills">
            {missing.map((g) => (
              <List.Item key={g.kind === 'skill' ? g.skillId : 'jlpt'}>
                {g.kind === 'skill' ? (
                  <>
                    {t('jobs.gapSkill', { name: g.name, level: g.level })}
                    {g.has !== null && ` ${t('jobs.aside', { text: t('jobs.gapHas', { level: g.has }) })}`}
                    {!g.required && (
                      <Text span size="xs" c="dimmed">
                        {` · ${t('jobs.niceToHave')}`}
                      </Text>
                    )}
                  </>
                ) : (
                  <>
                    {t('jobs.gapJlpt', { level: g.level })}
                    {` ${t('jobs.aside', { text: g.has ? t('jobs.gapJlptHas', { level: g.has }) : t('jobs.gapJlptNone') })}`}
                  </>
                )}
              </List.Item>
            ))}
          </List>
        </div>
      )}
    </Stack>
  );
}

const statusColor: Record<ApplicationStatus, string> = {
  applied: 'blue',
  screened: 'cyan',
  interview: 'indigo',
  offer: 'grape',
  hired: 'green',
  rejected: 'red',
  withdrawn: 'gray',
};

export function ApplicationStatusBadge({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={statusColor[status]}
      variant="light"
      tt="none"
      className="status-badge"
      data-testid="application-status"
      data-status={status}
    >
      {t(`applicationStatus.${status}`)}
    </Badge>
  );
}

/** The steps an application went through, oldest first, with their dates. */
export function StatusHistory({ history }: { history: ApplicationStep[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (history.length === 0) return null;
  return (
    <ol className="status-history" aria-label={t('jobs.history')}>
      {history.map((h) => (
        <li key={`${h.status}-${h.at}`}>
          <Text span size="sm" fw={600}>
            {t(`applicationStatus.${h.status}`)}
          </Text>
          <Text span size="sm" c="dimmed">
            {` · ${formatDate(h.at, locale)}`}
          </Text>
        </li>
      ))}
    </ol>
  );
}

/** A titled card of a page (a section with an h2). */
export function Panel({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-label={title} data-testid={testId}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

/** Courses that teach what is missing, those online or in the learner's province first. */
export function CoursesPanel({ courses }: { courses: CourseSuggestion[] }) {
  const { t } = useTranslation();
  return (
    <Panel title={t('jobs.fit.courses')} testId="gap-courses">
      <Stack gap="sm" component="ul" className="plain-list">
        {courses.map((c) => (
          <li key={c.id} data-testid="gap-course">
            <Anchor component={Link} to={`/courses/${c.slug}`} fw={600}>
              {c.title}
            </Anchor>
            <Group gap={6} wrap="wrap" mt={4}>
              <Badge variant="light" color="grape" tt="none" size="sm">
                {t(`mode.${c.deliveryMode}` as 'mode.online')}
              </Badge>
              {c.province && (
                <Badge variant="light" color="orange" tt="none" size="sm">
                  {c.province.name}
                </Badge>
              )}
              {c.near && (
                <Badge variant="light" color="teal" tt="none" size="sm">
                  {t('jobs.fit.near')}
                </Badge>
              )}
            </Group>
            {c.closes.length > 0 && (
              <Text size="xs" c="dimmed" mt={4}>
                {t('jobs.fit.closes', { skills: c.closes.map((s) => s.name).join(', ') })}
              </Text>
            )}
          </li>
        ))}
      </Stack>
    </Panel>
  );
}
