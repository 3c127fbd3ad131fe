/**
 * The review of a submitted attempt (/learn/:courseSlug/:lessonId/attempts/:attemptId/review): score,
 * passed or not, attempts left, and for each question the answer given, the right answer and feedback.
 */
import './styles';
import { Alert, Anchor, Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ReviewItem } from '../../api/types';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { formatNumber } from '../../components/ui/format';
import { PageLoader } from '../../components/ui/PageLoader';
import { usePageTitle } from '../../components/ui/usePageTitle';
import { currentLocale } from '../../i18n';
import { enrolmentIn, myLearningQuery } from '../catalog/queries';
import { CourseCompleted } from './CourseCompleted';
import { pct } from './QuizPanel';
import { learnerQuizQuery, learnPath, reviewQuery } from './queries';

export function QuizReviewPage() {
  const { t } = useTranslation();
  const { courseSlug = '', lessonId = '', attemptId = '' } = useParams();
  const review = useQuery(reviewQuery(attemptId));
  const quiz = useQuery({ ...learnerQuizQuery(review.data?.quizId ?? ''), enabled: !!review.data });
  const learning = useQuery(myLearningQuery);
  usePageTitle(review.data ? t('quiz.reviewTitle', { title: review.data.quizTitle }) : undefined);
  if (review.isPending) return <PageLoader />;
  if (!review.data) return <ErrorAlert error={review.error} />;
  const r = review.data;
  const attemptsLeft = quiz.data?.attemptsLeft;
  const courseCompleted = learning.data?.completed.some((c) => c.course.id === quiz.data?.courseId);
  const enrolment = quiz.data ? enrolmentIn(learning.data, quiz.data.courseId) : null;
  return (
    <Stack gap="md" maw={820}>
      <Anchor component={Link} to={learnPath(courseSlug, lessonId)} size="sm">
        ← {t('quiz.backToLesson')}
      </Anchor>
      <Title order={1} size="h2">
        {t('quiz.reviewTitle', { title: r.quizTitle })}
      </Title>
      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" align="center" gap="sm">
          <div>
            <Text size="sm" c="dimmed">
              {t('quiz.score')}
            </Text>
            <Text fz={32} fw={800} lh={1.1} data-testid="quiz-score">
              {pct(r.scorePct)}
            </Text>
            <Text size="sm">
              {t('quiz.pointsOf', {
                earned: formatNumber(r.earnedPoints, currentLocale(), { maximumFractionDigits: 2 }),
                total: r.totalPoints,
              })}
              {' · '}
              {t('quiz.passMark', { pct: pct(r.passMarkPct) })}
            </Text>
          </div>
          <Badge
            size="xl"
            color={r.passed ? 'green' : 'red'}
            variant="light"
            tt="none"
            data-testid="quiz-result"
          >
            {r.passed ? t('quiz.passed') : t('quiz.notPassed')}
          </Badge>
        </Group>
        {r.late && (
          <Text size="sm" c="orange.9" mt="xs">
            {t('quiz.late')}
          </Text>
        )}
        {attemptsLeft !== undefined && (
          <Text size="sm" mt="xs">
            {attemptsLeft === null
              ? t('quiz.attemptsLeftUnlimited')
              : t('quiz.attemptsLeft', { count: attemptsLeft })}
          </Text>
        )}
      </Paper>
      {r.passed && courseCompleted && <CourseCompleted />}
      <Group gap="sm">
        <Button
          component={Link}
          to={learnPath(courseSlug, lessonId)}
          variant={r.passed ? 'default' : 'filled'}
        >
          {r.passed || attemptsLeft === 0 ? t('quiz.backToLesson') : t('quiz.tryAgain')}
        </Button>
        {r.passed && enrolment && (
          <Button component={Link} to="/me/learning" variant="light">
            {t('learn.backToMyLearning')}
          </Button>
        )}
      </Group>
      <Title order={2} size="h3">
        {t('quiz.answers')}
      </Title>
      <Stack gap="md" component="ol" className="plain-list">
        {r.items.map((item, i) => (
          <ReviewCard key={item.questionId} item={item} n={i + 1} />
        ))}
      </Stack>
      <ErrorAlert error={quiz.error} />
    </Stack>
  );
}

function ReviewCard({ item, n }: { item: ReviewItem; n: number }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const num = (v: number) => formatNumber(v, locale, { maximumFractionDigits: 6 });
  const given = item.given;
  let yours: string;
  let right: string[];
  switch (item.kind) {
    case 'single':
    case 'multiple': {
      const picked = item.choices.filter((c) => c.selected).map((c) => c.text);
      yours = picked.join('; ');
      right = item.choices.filter((c) => c.weight > 0).map((c) => c.text);
      break;
    }
    case 'true_false':
      yours = given.isTrue === null ? '' : given.isTrue ? t('quiz.true') : t('quiz.false');
      right = item.correctIsTrue === null ? [] : [item.correctIsTrue ? t('quiz.true') : t('quiz.false')];
      break;
    case 'short_answer':
      yours = given.text ?? '';
      right = item.acceptedAnswers.filter((a) => a.weight >= 100).map((a) => a.text);
      if (right.length === 0) right = item.acceptedAnswers.filter((a) => a.weight > 0).map((a) => a.text);
      break;
    case 'numeric':
      yours = given.number === null ? '' : num(given.number);
      right = item.acceptedNumbers
        .filter((a) => a.weight > 0)
        .map((a) =>
          a.value !== null
            ? a.tolerance
              ? `${num(a.value)} ± ${num(a.tolerance)}`
              : num(a.value)
            : `${a.min === null ? '…' : num(a.min)} – ${a.max === null ? '…' : num(a.max)}`,
        );
      break;
  }
  const feedback = [...item.feedback, ...(item.generalFeedback ? [item.generalFeedback] : [])];
  return (
    <Paper component="li" withBorder radius="md" p="md" data-testid="review-item" data-correct={item.correct}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Text size="xs" c="dimmed" fw={600}>
            {t('quiz.questionShort', { n })}
          </Text>
          <Badge color={item.correct ? 'green' : 'red'} variant="light" tt="none">
            {item.correct ? '✓ ' : '✗ '}
            {t('quiz.earned', {
              earned: formatNumber(item.earned, locale, { maximumFractionDigits: 2 }),
              points: item.points,
            })}
          </Badge>
        </Group>
        <Text fw={600} className="quiz-prompt">
          {item.prompt}
        </Text>
        <Text size="sm">
          <Text span fw={600} inherit>
            {t('quiz.yourAnswer')}
          </Text>{' '}
          {yours || <em>{t('quiz.noAnswer')}</em>}
        </Text>
        {!item.correct && right.length > 0 && (
          <Text size="sm">
            <Text span fw={600} inherit>
              {t('quiz.rightAnswer')}
            </Text>{' '}
            {right.join('; ')}
          </Text>
        )}
        {feedback.length > 0 && (
          <Alert color="blue" variant="light" p="xs">
            <List size="sm" spacing={2}>
              {feedback.map((f, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: fixed list of texts from one review
                <List.Item key={i}>{f}</List.Item>
              ))}
            </List>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
