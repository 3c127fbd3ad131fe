/** A quiz lesson: the rules, the learner's attempts and best score, and the button to start or resume. */
import { Alert, Anchor, Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { quizzesApi } from '../../api/endpoints';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { formatDateTime, formatNumber } from '../../components/ui/format';
import { PageLoader } from '../../components/ui/PageLoader';
import { currentLocale } from '../../i18n';
import { learnerQuizQuery } from './queries';

export const attemptPath = (courseSlug: string, lessonId: string, attemptId: string) =>
  `/learn/${courseSlug}/${lessonId}/attempts/${attemptId}`;

export const pct = (value: number) =>
  formatNumber(value / 100, currentLocale(), { style: 'percent', maximumFractionDigits: 1 });

export function QuizPanel({
  quizId,
  courseSlug,
  lessonId,
  enrolmentId,
}: {
  quizId: string;
  courseSlug: string;
  lessonId: string;
  enrolmentId: string | undefined;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const quiz = useQuery(learnerQuizQuery(quizId));
  const start = useMutation({
    mutationFn: () => quizzesApi.start(quizId, enrolmentId),
    onSuccess: (attempt) => {
      queryClient.setQueryData(['attempt', attempt.id], attempt);
      void queryClient.invalidateQueries({ queryKey: ['quiz', quizId] });
      navigate(attemptPath(courseSlug, lessonId, attempt.id));
    },
  });
  if (quiz.isPending) return <PageLoader />;
  if (!quiz.data) return <ErrorAlert error={quiz.error} />;
  const q = quiz.data;
  const noAttemptsLeft = q.attemptsLeft === 0 && !q.inProgressAttemptId;
  return (
    <Paper withBorder radius="md" p="md" data-testid="quiz-panel">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {q.title}
        </Title>
        <List size="sm" spacing={2}>
          <List.Item>{t('quiz.questions', { count: q.questionsPerAttempt })}</List.Item>
          <List.Item>
            {q.timeLimitSeconds
              ? t('quiz.timeLimit', { count: Math.round(q.timeLimitSeconds / 60) })
              : t('quiz.noTimeLimit')}
          </List.Item>
          <List.Item>{t('quiz.passMark', { pct: pct(q.passMarkPct) })}</List.Item>
          <List.Item>
            {q.attemptsLimit === null
              ? t('quiz.attemptsUnlimited', { used: q.attemptsUsed })
              : t('quiz.attemptsUsed', { used: q.attemptsUsed, limit: q.attemptsLimit })}
          </List.Item>
        </List>
        {q.bestScorePct !== null && (
          <Group gap="xs">
            <Text size="sm">{t('quiz.best', { score: pct(q.bestScorePct) })}</Text>
            <Badge color={q.passed ? 'green' : 'orange'} variant="light" tt="none">
              {q.passed ? t('quiz.passed') : t('quiz.notPassed')}
            </Badge>
          </Group>
        )}
        <ErrorAlert error={start.error} />
        {noAttemptsLeft ? (
          <Alert color="gray" variant="light">
            {t('quiz.noAttemptsLeft')}
          </Alert>
        ) : q.inProgressAttemptId ? (
          <Group>
            <Button
              component={Link}
              to={attemptPath(courseSlug, lessonId, q.inProgressAttemptId)}
              data-testid="quiz-start"
            >
              {t('quiz.resume')}
            </Button>
          </Group>
        ) : (
          <Group>
            <Button onClick={() => start.mutate()} loading={start.isPending} data-testid="quiz-start">
              {q.attemptsUsed > 0 ? t('quiz.retry') : t('quiz.start')}
            </Button>
          </Group>
        )}
        {q.attempts.some((a) => a.status === 'submitted') && (
          <div>
            <Text size="sm" fw={600} mb={4}>
              {t('quiz.yourAttempts')}
            </Text>
            <Stack gap={4} component="ol" className="plain-list">
              {q.attempts
                .filter((a) => a.status === 'submitted')
                .map((a) => (
                  <li key={a.id}>
                    <Text size="sm">
                      {a.submittedAt && formatDateTime(a.submittedAt, locale)}
                      {' · '}
                      {a.scorePct !== null && pct(a.scorePct)}
                      {' · '}
                      {a.passed ? t('quiz.passed') : t('quiz.notPassed')}
                      {' · '}
                      <Anchor
                        component={Link}
                        to={`${attemptPath(courseSlug, lessonId, a.id)}/review`}
                        underline="always"
                      >
                        {t('quiz.review')}
                      </Anchor>
                    </Text>
                  </li>
                ))}
            </Stack>
          </div>
        )}
      </Stack>
    </Paper>
  );
}
