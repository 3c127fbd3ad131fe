/**
 * The lesson player (/learn/:courseSlug/:lessonId): the course outline (a side column on a wide screen,
 * a drawer on a phone), the lesson — text first, media after it in a box whose size is reserved — and
 * "mark as done", previous and next. Quiz lessons show the quiz's rules and attempts.
 */
import './styles';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Drawer,
  Group,
  Paper,
  Progress,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { learningApi } from '../../api/endpoints';
import type { CourseDetail, Lesson, LessonProgress } from '../../api/types';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { formatNumber } from '../../components/ui/format';
import { PageLoader } from '../../components/ui/PageLoader';
import { usePageTitle } from '../../components/ui/usePageTitle';
import { currentLocale } from '../../i18n';
import { courseQuery, enrolmentIn, myLearningQuery } from '../catalog/queries';
import { NotFoundPage } from '../home/NotFoundPage';
import { CourseCompleted } from './CourseCompleted';
import { markLessonDone, useDoneLessons } from './progress';
import { QuizPanel } from './QuizPanel';
import { learnPath, lessonQuery, lessonsInOrder, type PlacedLesson } from './queries';

export function LessonPage() {
  const { courseSlug = '', lessonId } = useParams();
  const { t } = useTranslation();
  const course = useQuery(courseQuery(courseSlug));
  const learning = useQuery(myLearningQuery);
  usePageTitle(course.data?.title ?? t('learn.title'));

  if (course.error instanceof ApiError && course.error.status === 404) return <NotFoundPage />;
  if (course.isPending || learning.isPending) return <PageLoader />;
  if (!course.data) return <ErrorAlert error={course.error ?? learning.error} />;
  const mine = enrolmentIn(learning.data, course.data.id);
  const order = lessonsInOrder(course.data);
  if (!lessonId) {
    const next = mine?.current?.nextLesson?.id ?? order[0]?.lesson.id;
    return next ? (
      <Navigate to={learnPath(courseSlug, next)} replace />
    ) : (
      <Navigate to={`/courses/${courseSlug}`} replace />
    );
  }
  const here = order.find((p) => p.lesson.id === lessonId);
  if (!here) return <NotFoundPage />;
  return (
    <Player
      course={course.data}
      order={order}
      here={here}
      enrolmentId={mine?.enrolmentId}
      waitlisted={mine?.status === 'waitlisted'}
      progressPct={mine?.current?.progressPct ?? (mine?.status === 'completed' ? 100 : null)}
    />
  );
}

function Player({
  course,
  order,
  here,
  enrolmentId,
  waitlisted,
  progressPct,
}: {
  course: CourseDetail;
  order: PlacedLesson[];
  here: PlacedLesson;
  enrolmentId: string | undefined;
  waitlisted: boolean;
  progressPct: number | null;
}) {
  const { t } = useTranslation();
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
  const [outlineOpen, setOutlineOpen] = useState(false);
  const done = useDoneLessons(enrolmentId);
  const prev = order[here.index - 1];
  const next = order[here.index + 1];
  // Close the phone's outline drawer once a lesson was picked in it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the lesson changes
  useEffect(() => setOutlineOpen(false), [here.lesson.id]);

  const outline = <LessonOutlineNav course={course} order={order} currentId={here.lesson.id} done={done} />;
  return (
    <div className="player-layout">
      {wide && (
        <aside className="player-aside" aria-label={t('learn.outline')}>
          {outline}
        </aside>
      )}
      <Stack gap="md" className="player-main">
        <Stack gap={4}>
          <Anchor component={Link} to={`/courses/${course.slug}`} size="sm" lang={course.language}>
            {course.title}
          </Anchor>
          {progressPct !== null && (
            <Group gap="xs" wrap="nowrap">
              <Progress.Root size="sm" style={{ flex: 1 }}>
                <Progress.Section
                  value={progressPct}
                  aria-label={t('learn.progress', { pct: progressPct })}
                />
              </Progress.Root>
              <Text size="xs" c="dimmed">
                {formatNumber(progressPct / 100, currentLocale(), { style: 'percent' })}
              </Text>
            </Group>
          )}
          {!wide && (
            <Group>
              <Button
                variant="default"
                size="xs"
                onClick={() => setOutlineOpen(true)}
                data-testid="outline-open"
              >
                {t('learn.outlineButton', { n: here.index + 1, total: order.length })}
              </Button>
            </Group>
          )}
        </Stack>
        {!wide && (
          <Drawer
            opened={outlineOpen}
            onClose={() => setOutlineOpen(false)}
            title={t('learn.outline')}
            size="100%"
            closeButtonProps={{ 'aria-label': t('common.close') }}
          >
            {outline}
          </Drawer>
        )}
        {waitlisted ? (
          <Alert color="orange" variant="light" title={t('course.waitlistedTitle')}>
            {t('learn.waitlistedText')}
          </Alert>
        ) : (
          <LessonView course={course} here={here} enrolmentId={enrolmentId} done={done.has(here.lesson.id)} />
        )}
        <nav aria-label={t('learn.lessonNav')} className="lesson-nav">
          {prev ? (
            <Button
              component={Link}
              to={learnPath(course.slug, prev.lesson.id)}
              variant="default"
              data-testid="lesson-prev"
            >
              <span aria-hidden="true">←&nbsp;</span>
              {t('learn.prev')}
            </Button>
          ) : (
            <span />
          )}
          {next ? (
            <Button component={Link} to={learnPath(course.slug, next.lesson.id)} data-testid="lesson-next">
              {t('learn.next')}
              <span aria-hidden="true">&nbsp;→</span>
            </Button>
          ) : (
            <Button component={Link} to="/me/learning" variant="light" data-testid="lesson-finish">
              {t('learn.backToMyLearning')}
            </Button>
          )}
        </nav>
      </Stack>
    </div>
  );
}

function LessonOutlineNav({
  course,
  order,
  currentId,
  done,
}: {
  course: CourseDetail;
  order: PlacedLesson[];
  currentId: string;
  done: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('learn.outline')}>
      <ol className="player-outline">
        {course.modules.map((m, mi) => (
          <li key={m.id}>
            <Text fw={700} size="sm" mb={4}>
              {t('course.moduleN', { n: mi + 1, title: m.title })}
            </Text>
            <ol>
              {order
                .filter((p) => p.module.id === m.id)
                .map((p) => (
                  <li key={p.lesson.id}>
                    <Link
                      to={learnPath(course.slug, p.lesson.id)}
                      aria-current={p.lesson.id === currentId ? 'page' : undefined}
                      className="player-outline-link"
                    >
                      <span className="player-outline-mark" aria-hidden="true">
                        {done.has(p.lesson.id) ? '✓' : p.index + 1}
                      </span>
                      <span>
                        {p.lesson.title}
                        {done.has(p.lesson.id) && (
                          <span className="visually-hidden"> ({t('learn.doneShort')})</span>
                        )}
                        <Text span size="xs" c="dimmed" display="block">
                          {t(`lessonKind.${p.lesson.kind}`)}
                        </Text>
                      </span>
                    </Link>
                  </li>
                ))}
            </ol>
          </li>
        ))}
      </ol>
    </nav>
  );
}

function LessonView({
  course,
  here,
  enrolmentId,
  done,
}: {
  course: CourseDetail;
  here: PlacedLesson;
  enrolmentId: string | undefined;
  done: boolean;
}) {
  const { t } = useTranslation();
  const lesson = useQuery(lessonQuery(course.id, here.lesson.id));
  usePageTitle(here.lesson.title);
  return (
    <article aria-labelledby="lesson-title" data-lesson-id={here.lesson.id}>
      <Stack gap="md">
        <div>
          <Text size="xs" c="dimmed" fw={700}>
            {t('course.moduleN', { n: here.moduleIndex + 1, title: here.module.title })}
          </Text>
          <Title order={1} id="lesson-title" size="h2" lang={course.language}>
            {here.lesson.title}
          </Title>
          <Group gap={6} mt={4}>
            <Badge variant="light" tt="none">
              {t(`lessonKind.${here.lesson.kind}`)}
            </Badge>
            {here.lesson.estimatedMinutes != null && (
              <Badge variant="light" color="gray" tt="none">
                {t('course.minutes', { count: here.lesson.estimatedMinutes })}
              </Badge>
            )}
            {!here.lesson.required && (
              <Badge variant="light" color="gray" tt="none">
                {t('course.optional')}
              </Badge>
            )}
          </Group>
        </div>
        {lesson.error instanceof ApiError && lesson.error.code === 'NOT_ENROLLED' ? (
          <Alert color="orange" variant="light" title={t('learn.notEnrolledTitle')}>
            <Stack gap="xs" align="flex-start">
              <span>{lesson.error.message}</span>
              <Button component={Link} to={`/courses/${course.slug}`} size="xs">
                {t('learn.goToCourse')}
              </Button>
            </Stack>
          </Alert>
        ) : lesson.error ? (
          <ErrorAlert error={lesson.error} />
        ) : lesson.isPending ? (
          <PageLoader />
        ) : (
          <>
            <LessonContent lesson={lesson.data} language={course.language} />
            {lesson.data.kind === 'quiz' && lesson.data.quizId ? (
              <QuizPanel
                quizId={lesson.data.quizId}
                courseSlug={course.slug}
                lessonId={lesson.data.id}
                enrolmentId={enrolmentId}
              />
            ) : enrolmentId ? (
              <MarkDone
                key={lesson.data.id}
                enrolmentId={enrolmentId}
                lessonId={lesson.data.id}
                done={done}
              />
            ) : null}
          </>
        )}
      </Stack>
    </article>
  );
}

/** What the lesson holds: text (server-cleaned HTML), a video, a file to download. */
function LessonContent({ lesson, language }: { lesson: Lesson; language: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      {lesson.bodyHtml && (
        <div
          className="lesson-body"
          lang={language}
          data-testid="lesson-content"
          // bodyHtml is cleaned on the server when saved (server/modules/catalog/sanitise.ts, sanitize-html
          // with an allow-list of tags and attributes): this is the only HTML the app renders as HTML.
          // biome-ignore lint/security/noDangerouslySetInnerHtml: server-sanitised lesson text, see above
          dangerouslySetInnerHTML={{ __html: lesson.bodyHtml }}
        />
      )}
      {lesson.kind === 'video' && lesson.videoEmbedUrl && (
        <VideoBox
          url={lesson.videoEmbedUrl}
          title={lesson.title}
          testId={lesson.bodyHtml ? undefined : 'lesson-content'}
        />
      )}
      {lesson.kind === 'file' && lesson.file && (
        <Paper withBorder radius="md" p="md" data-testid={lesson.bodyHtml ? undefined : 'lesson-content'}>
          <Group justify="space-between" gap="sm">
            <div style={{ minWidth: 0 }}>
              <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                {lesson.file.filename}
              </Text>
              <Text size="sm" c="dimmed">
                {formatBytes(lesson.file.sizeBytes, currentLocale())}
              </Text>
            </div>
            <Button
              component="a"
              href={lesson.file.url}
              download={lesson.file.filename}
              data-testid="lesson-file"
            >
              {t('learn.download')}
            </Button>
          </Group>
        </Paper>
      )}
      {lesson.kind === 'text' && !lesson.bodyHtml && <Text c="dimmed">{t('learn.empty')}</Text>}
    </Stack>
  );
}

/** A file served by the platform or a URL ending in a video extension plays in <video>; others are embeds. */
const isVideoFile = (url: string) => /\.(mp4|webm)(?:[?#]|$)/i.test(url) || url.startsWith('/api/files/');

/**
 * The video's 16:9 box is laid out with the text, so nothing moves when the player arrives; the
 * player itself is created only after the text has been painted, so the lesson reads at once on a
 * slow line.
 */
function VideoBox({ url, title, testId }: { url: string; title: string; testId?: string }) {
  const { t } = useTranslation();
  const [show, setShow] = useState(false);
  useEffect(() => {
    const id = window.setTimeout(() => setShow(true), 0);
    return () => window.clearTimeout(id);
  }, []);
  return (
    <div className="video-box" data-testid={testId}>
      {show &&
        (isVideoFile(url) ? (
          // biome-ignore lint/a11y/useMediaCaption: lessons have no caption files yet; the text carries the content
          <video controls preload="metadata" src={url} aria-label={title} />
        ) : (
          <iframe
            src={url}
            title={t('learn.videoTitle', { title })}
            loading="lazy"
            allow="accelerometer; encrypted-media; gyroscope; picture-in-picture; fullscreen"
            allowFullScreen
            referrerPolicy="strict-origin-when-cross-origin"
          />
        ))}
    </div>
  );
}

function MarkDone({ enrolmentId, lessonId, done }: { enrolmentId: string; lessonId: string; done: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [result, setResult] = useState<LessonProgress | null>(null);
  const complete = useMutation({
    mutationFn: () => learningApi.completeLesson(enrolmentId, lessonId),
    onSuccess: (r) => {
      markLessonDone(enrolmentId, lessonId);
      setResult(r);
      void queryClient.invalidateQueries({ queryKey: ['my-learning'] });
      if (r.enrolmentCompleted) {
        void queryClient.invalidateQueries({ queryKey: ['my-credentials'] });
        void queryClient.invalidateQueries({ queryKey: ['notifications'] });
      }
    },
  });
  const isDone = done || result !== null;
  return (
    <Stack gap="sm" aria-live="polite">
      <ErrorAlert error={complete.error} />
      <Group>
        <Button
          onClick={() => complete.mutate()}
          loading={complete.isPending}
          variant={isDone ? 'light' : 'filled'}
          color={isDone ? 'green' : undefined}
          data-testid="lesson-done"
          data-done={isDone || undefined}
        >
          {isDone ? `✓ ${t('learn.done')}` : t('learn.markDone')}
        </Button>
        {result && (
          <Text size="sm" c="dimmed">
            {t('learn.progress', { pct: result.progressPct })}
          </Text>
        )}
      </Group>
      {result?.enrolmentCompleted && <CourseCompleted />}
    </Stack>
  );
}

function formatBytes(bytes: number, locale: ReturnType<typeof currentLocale>) {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return formatNumber(value, locale, { style: 'unit', unit: units[unit], maximumFractionDigits: 1 });
}
