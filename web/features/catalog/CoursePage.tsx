/**
 * A course's public page (/courses/:slug): what it teaches, its outline, the classes to choose from,
 * and enrolment. Enrolled learners get the way back into the lessons; authors a link to the editor.
 * (The server answers the same URL with SEO tags around this app: server/modules/catalog/seo.ts.)
 */
import './styles';
import { Alert, Anchor, Badge, Button, Card, Group, List, Radio, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { learningApi } from '../../api/endpoints';
import type { CourseDetail, Enrolment, PublicCohort } from '../../api/types';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { formatNumber } from '../../components/ui/format';
import { PageLoader } from '../../components/ui/PageLoader';
import { usePageTitle } from '../../components/ui/usePageTitle';
import { currentLocale } from '../../i18n';
import { useProvinceName } from '../admin/hooks';
import { useMe } from '../auth/hooks';
import { NotFoundPage } from '../home/NotFoundPage';
import { CourseBadges, useDateRange } from './components';
import { courseCohortsQuery, courseQuery, enrolmentIn, myLearningQuery } from './queries';

export function CoursePage() {
  const { slug = '' } = useParams();
  const course = useQuery(courseQuery(slug));
  usePageTitle(course.data?.title);
  if (course.error instanceof ApiError && course.error.status === 404) return <NotFoundPage />;
  if (course.isPending) return <PageLoader />;
  if (!course.data) return <ErrorAlert error={course.error} />;
  return <Course course={course.data} />;
}

function Course({ course }: { course: CourseDetail }) {
  const { t } = useTranslation();
  const firstLesson = course.modules.flatMap((m) => m.lessons)[0];
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Anchor component={Link} to="/courses" size="sm">
          {t('course.back')}
        </Anchor>
        <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
          {t(`topic.${course.topic}`)}
        </Text>
        <Title order={1} lang={course.language} data-testid="course-title">
          {course.title}
        </Title>
        <Text c="dimmed">{t('course.by', { partner: course.organisation.name })}</Text>
        <CourseBadges course={course} />
        {course.status !== 'published' && (
          <Group gap="xs">
            <Badge color={course.status === 'draft' ? 'yellow' : 'gray'} variant="light" tt="none">
              {t(`courseStatus.${course.status}`)}
            </Badge>
          </Group>
        )}
        {course.summary && (
          <Text size="lg" lang={course.language} maw={760} style={{ whiteSpace: 'pre-line' }}>
            {course.summary}
          </Text>
        )}
        {course.viewer.canEdit && (
          <Group>
            <Button component={Link} to={`/teach/courses/${course.id}`} variant="outline" size="sm">
              {t('course.edit')}
            </Button>
          </Group>
        )}
      </Stack>

      <div className="course-layout">
        <Stack gap="lg" className="course-main">
          {course.skills.length > 0 && (
            <section aria-labelledby="course-skills">
              <Title order={2} size="h3" id="course-skills" mb="xs">
                {t('course.skills')}
              </Title>
              <Group gap={6}>
                {course.skills.map((s) => (
                  <Badge
                    key={s}
                    variant="light"
                    color="blue"
                    tt="none"
                    component={Link}
                    to={`/courses?skill=${encodeURIComponent(s)}`}
                    style={{ cursor: 'pointer' }}
                  >
                    {s}
                  </Badge>
                ))}
              </Group>
            </section>
          )}
          {(course.programs.length > 0 || course.prerequisites.length > 0) && (
            <Group align="flex-start" gap="xl">
              {course.programs.length > 0 && (
                <section aria-labelledby="course-programs">
                  <Title order={2} size="h4" id="course-programs" mb={4}>
                    {t('course.programs')}
                  </Title>
                  <List size="sm" spacing={2}>
                    {course.programs.map((p) => (
                      <List.Item key={p.code}>
                        <Anchor component={Link} to={`/courses?program=${p.code}`}>
                          {p.name}
                        </Anchor>
                      </List.Item>
                    ))}
                  </List>
                </section>
              )}
              {course.prerequisites.length > 0 && (
                <section aria-labelledby="course-prereq">
                  <Title order={2} size="h4" id="course-prereq" mb={4}>
                    {t('course.prerequisites')}
                  </Title>
                  <List size="sm" spacing={2}>
                    {course.prerequisites.map((p) => (
                      <List.Item key={p.id}>
                        <Anchor component={Link} to={`/courses/${p.slug}`}>
                          {p.title}
                        </Anchor>
                      </List.Item>
                    ))}
                  </List>
                </section>
              )}
            </Group>
          )}
          <CourseOutline course={course} />
        </Stack>
        <div className="course-side">
          <EnrolPanel course={course} firstLessonId={firstLesson?.id ?? null} />
        </div>
      </div>
    </Stack>
  );
}

function CourseOutline({ course }: { course: CourseDetail }) {
  const { t } = useTranslation();
  const lessons = course.modules.reduce((n, m) => n + m.lessons.length, 0);
  return (
    <section aria-labelledby="course-outline">
      <Title order={2} size="h3" id="course-outline" mb={4}>
        {t('course.outline')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('course.outlineSummary', { modules: course.modules.length, lessons })}
      </Text>
      {course.modules.length === 0 ? (
        <Text size="sm">{t('course.noLessons')}</Text>
      ) : (
        <Stack gap="sm" component="ol" className="plain-list">
          {course.modules.map((m, i) => (
            <Card key={m.id} component="li" withBorder radius="md" padding="sm">
              <Title order={3} size="h5" mb={6}>
                {t('course.moduleN', { n: i + 1, title: m.title })}
              </Title>
              <ol className="outline-lessons">
                {m.lessons.map((l) => (
                  <li key={l.id}>
                    {course.viewer.enrolled || course.viewer.canEdit ? (
                      <Anchor component={Link} to={`/learn/${course.slug}/${l.id}`} size="sm">
                        {l.title}
                      </Anchor>
                    ) : (
                      <Text span size="sm">
                        {l.title}
                      </Text>
                    )}
                    <Text span size="xs" c="dimmed">
                      {' · '}
                      {t(`lessonKind.${l.kind}`)}
                      {l.estimatedMinutes ? ` · ${t('course.minutes', { count: l.estimatedMinutes })}` : ''}
                      {!l.required ? ` · ${t('course.optional')}` : ''}
                    </Text>
                  </li>
                ))}
              </ol>
            </Card>
          ))}
        </Stack>
      )}
    </section>
  );
}

/** Choose a class and enrol; or, once enrolled or waitlisted, say so and lead on. */
function EnrolPanel({ course, firstLessonId }: { course: CourseDetail; firstLessonId: string | null }) {
  const { t } = useTranslation();
  const { me } = useMe();
  const queryClient = useQueryClient();
  const learning = useQuery({ ...myLearningQuery, enabled: !!me });
  const cohorts = useQuery({ ...courseCohortsQuery(course.slug), enabled: course.status === 'published' });
  const [chosen, setChosen] = useState<string | null>(null);
  const [result, setResult] = useState<Enrolment | null>(null);
  const enrol = useMutation({
    mutationFn: (cohortId: string) => learningApi.enrol(cohortId),
    onSuccess: (enrolment) => {
      setResult(enrolment);
      void queryClient.invalidateQueries({ queryKey: ['my-learning'] });
      void queryClient.invalidateQueries({ queryKey: ['course'] });
      void queryClient.invalidateQueries({ queryKey: ['course-cohorts', course.slug] });
      void queryClient.invalidateQueries({ queryKey: ['notifications'] });
    },
  });

  const mine = enrolmentIn(learning.data, course.id);
  const nextLessonId = mine?.current?.nextLesson?.id ?? firstLessonId;
  const learnLink = nextLessonId ? `/learn/${course.slug}/${nextLessonId}` : null;
  const open = cohorts.data?.items ?? [];
  const selected = chosen ?? (open.length === 1 ? open[0]!.id : null);

  let body: ReactNode;
  if (mine?.status === 'waitlisted' || result?.status === 'waitlisted') {
    const position = result?.waitlistPosition ?? mine?.current?.waitlistPosition ?? null;
    body = (
      <Alert
        color="orange"
        variant="light"
        title={t('course.waitlistedTitle')}
        data-testid="enrol-waitlisted"
      >
        {position ? t('course.waitlistedPosition', { position }) : t('course.waitlisted')}
      </Alert>
    );
  } else if (mine || result || course.viewer.enrolled) {
    body = (
      <Stack gap="sm">
        <Alert color="green" variant="light" title={t('course.enrolledTitle')} data-testid="enrol-enrolled">
          {mine?.status === 'completed' ? t('course.completedText') : t('course.enrolledText')}
        </Alert>
        {learnLink && (
          <Button component={Link} to={learnLink} fullWidth data-testid="continue-learning">
            {mine?.current && mine.current.progressPct > 0 ? t('course.continue') : t('course.start')}
          </Button>
        )}
      </Stack>
    );
  } else if (course.status !== 'published') {
    body = <Text size="sm">{t('course.notPublished')}</Text>;
  } else if (!course.isOpen) {
    body = <Text size="sm">{t('course.closedEnrolment', { partner: course.organisation.name })}</Text>;
  } else if (cohorts.isPending) {
    body = <PageLoader />;
  } else if (open.length === 0) {
    body = (
      <>
        <ErrorAlert error={cohorts.error} />
        <Text size="sm">{t('course.noCohorts')}</Text>
      </>
    );
  } else {
    body = (
      <Stack gap="sm">
        <Radio.Group
          value={selected}
          onChange={setChosen}
          label={t('course.chooseCohort')}
          name="cohort"
          data-testid="cohort-chooser"
        >
          <Stack gap="sm" mt="xs">
            {open.map((c) => (
              <CohortOption key={c.id} cohort={c} />
            ))}
          </Stack>
        </Radio.Group>
        <ErrorAlert error={enrol.error} />
        {me ? (
          <Button
            onClick={() => selected && enrol.mutate(selected)}
            disabled={!selected}
            loading={enrol.isPending}
            fullWidth
            data-testid="enrol-button"
          >
            {open.find((c) => c.id === selected)?.seatsLeft === 0
              ? t('course.joinWaitlist')
              : t('course.enrol')}
          </Button>
        ) : (
          <Button
            component={Link}
            to={`/login?next=${encodeURIComponent(`/courses/${course.slug}`)}`}
            fullWidth
            data-testid="enrol-button"
          >
            {t('course.loginToEnrol')}
          </Button>
        )}
      </Stack>
    );
  }

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="enrol-heading">
      <Title order={2} size="h4" id="enrol-heading" mb="sm">
        {t('course.classes')}
      </Title>
      <div aria-live="polite">{body}</div>
    </Card>
  );
}

function CohortOption({ cohort }: { cohort: PublicCohort }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const range = useDateRange();
  const provinceName = useProvinceName();
  const seats =
    cohort.seatsLeft === null
      ? t('course.seatsUnlimited')
      : cohort.seatsLeft === 0
        ? t('course.seatsFull')
        : t('course.seatsLeft', { count: cohort.seatsLeft, n: formatNumber(cohort.seatsLeft, locale) });
  const where = cohort.online
    ? t('course.online')
    : [cohort.location, provinceName(cohort.provinceCode)].filter(Boolean).join(', ');
  return (
    <Radio
      value={cohort.id}
      data-testid="cohort-option"
      label={
        <Text span fw={600} size="sm">
          {cohort.name}{' '}
          <Text span c="dimmed" size="xs">
            ({cohort.code})
          </Text>
        </Text>
      }
      description={
        <Stack gap={0} component="span">
          <span>{range(cohort.startsOn, cohort.endsOn) || t('course.datesTbd')}</span>
          <span>{where}</span>
          <Text span size="xs" fw={600} c={cohort.seatsLeft === 0 ? 'orange.9' : 'teal.9'}>
            {seats}
          </Text>
        </Stack>
      }
    />
  );
}
