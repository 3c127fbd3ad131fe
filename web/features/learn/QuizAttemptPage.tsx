/**
 * Taking a quiz (/learn/:courseSlug/:lessonId/attempts/:attemptId). The server owns the clock: the
 * countdown starts from its `remainingSeconds` and runs on the monotonic clock, never on the device's
 * time of day. Answers are saved (PUT …/answers) shortly after each change and every few seconds; at
 * zero the attempt is submitted. Prompts and choices are text, never HTML.
 */
import './styles';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  Paper,
  Radio,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import { quizzesApi } from '../../api/endpoints';
import type { AnswerInput, Attempt, AttemptQuestion } from '../../api/types';
import { ErrorAlert, useErrorMessage } from '../../components/ui/ErrorAlert';
import { formatNumber, formatTime } from '../../components/ui/format';
import { PageLoader } from '../../components/ui/PageLoader';
import { usePageTitle } from '../../components/ui/usePageTitle';
import { currentLocale } from '../../i18n';
import { attemptPath } from './QuizPanel';

const SAVE_DELAY_MS = 1500;
const SAVE_EVERY_MS = 5000;

export function QuizAttemptPage() {
  const { courseSlug = '', lessonId = '', attemptId = '' } = useParams();
  const attempt = useQuery({
    queryKey: ['attempt', attemptId],
    queryFn: () => quizzesApi.attempt(attemptId),
    staleTime: Number.POSITIVE_INFINITY,
  });
  usePageTitle(attempt.data?.quizTitle);
  if (attempt.isPending) return <PageLoader />;
  if (!attempt.data) return <ErrorAlert error={attempt.error} />;
  const review = `${attemptPath(courseSlug, lessonId, attemptId)}/review`;
  if (attempt.data.status === 'submitted') return <Navigate to={review} replace />;
  return <AttemptForm key={attempt.data.id} attempt={attempt.data} reviewPath={review} />;
}

type Answers = Record<string, AnswerInput>;

const savedAnswers = (attempt: Attempt): Answers =>
  Object.fromEntries(
    attempt.answers.map((a) => [
      a.questionId,
      {
        questionId: a.questionId,
        ...(a.optionIds ? { optionIds: a.optionIds } : {}),
        ...(a.isTrue !== null ? { isTrue: a.isTrue } : {}),
        ...(a.text !== null ? { text: a.text } : {}),
        ...(a.number !== null ? { number: a.number } : {}),
      },
    ]),
  );

const isAnswered = (a: AnswerInput | undefined) =>
  !!a &&
  ((a.optionIds?.length ?? 0) > 0 || a.isTrue !== undefined || !!a.text?.trim() || a.number !== undefined);

function AttemptForm({ attempt, reviewPath }: { attempt: Attempt; reviewPath: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const [answers, setAnswers] = useState<Answers>(() => savedAnswers(attempt));
  const answersRef = useRef(answers);
  answersRef.current = answers;
  const pending = useRef(new Set<string>());
  const saving = useRef<Promise<void> | null>(null);
  const [saveState, setSaveState] = useState<{ at: Date | null; error: unknown; busy: boolean }>({
    at: null,
    error: null,
    busy: false,
  });
  const [confirming, setConfirming] = useState(false);

  /** Send the answers changed since the last save; a failed save keeps them pending for the next try. */
  const flush = useCallback(async () => {
    if (saving.current) await saving.current;
    if (pending.current.size === 0) return;
    const ids = [...pending.current];
    pending.current.clear();
    const list = ids.map((id) => answersRef.current[id] ?? { questionId: id });
    setSaveState((s) => ({ ...s, busy: true }));
    saving.current = quizzesApi
      .saveAnswers(attempt.id, list)
      .then(() => setSaveState({ at: new Date(), error: null, busy: false }))
      .catch((error: unknown) => {
        for (const id of ids) pending.current.add(id);
        setSaveState((s) => ({ ...s, error, busy: false }));
      })
      .finally(() => {
        saving.current = null;
      });
    await saving.current;
  }, [attempt.id]);

  const submit = useMutation({
    mutationFn: async () => {
      await flush().catch(() => undefined);
      return quizzesApi.submit(attempt.id, Object.values(answersRef.current));
    },
    onSuccess: (submitted) => {
      pending.current.clear();
      queryClient.setQueryData(['attempt', attempt.id], submitted);
      void queryClient.invalidateQueries({ queryKey: ['quiz', attempt.quizId] });
      void queryClient.invalidateQueries({ queryKey: ['my-learning'] });
      void queryClient.invalidateQueries({ queryKey: ['my-credentials'] });
      void queryClient.invalidateQueries({ queryKey: ['notifications'] });
      navigate(reviewPath, { replace: true });
    },
  });

  // Save a moment after the last change, and in any case every few seconds.
  const timer = useRef<number | undefined>(undefined);
  const change = (questionId: string, answer: AnswerInput) => {
    setAnswers((a) => ({ ...a, [questionId]: answer }));
    pending.current.add(questionId);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void flush(), SAVE_DELAY_MS);
  };
  useEffect(() => {
    const every = window.setInterval(() => void flush(), SAVE_EVERY_MS);
    const warn = (e: BeforeUnloadEvent) => {
      if (pending.current.size > 0) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.clearInterval(every);
      window.clearTimeout(timer.current);
      window.removeEventListener('beforeunload', warn);
      void flush();
    };
  }, [flush]);

  const left = useCountdown(attempt.remainingSeconds);
  const submitNow = submit.mutate;
  // Last call for saving just before the end; at zero the attempt is handed in.
  useEffect(() => {
    if (left === null) return;
    if (left <= 3 && left > 0) void flush();
    if (left === 0 && submit.isIdle) submitNow();
  }, [left, flush, submit.isIdle, submitNow]);

  const total = attempt.questions.length;
  const answered = attempt.questions.filter((q) => isAnswered(answers[q.id])).length;

  return (
    <Stack gap="md">
      <div className="quiz-bar" data-testid="quiz-bar">
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Title order={1} size="h4" lh={1.3}>
            {attempt.quizTitle}
          </Title>
          <Text size="xs" c="dimmed">
            {t('quiz.answered', { answered, total })}
            {' · '}
            <span aria-live="polite" data-testid="quiz-save-state">
              {saveState.busy
                ? t('quiz.saving')
                : saveState.error
                  ? t('quiz.saveFailed')
                  : saveState.at
                    ? t('quiz.savedAt', { time: formatTime(saveState.at, currentLocale()) })
                    : t('quiz.autosave')}
            </span>
          </Text>
        </Stack>
        {left !== null && <Countdown seconds={left} />}
      </div>
      {saveState.error ? (
        <Alert color="orange" variant="light" role="alert">
          {errorMessage(saveState.error)}
        </Alert>
      ) : null}
      {left === 0 && (
        <Alert color="orange" variant="light" role="alert" data-testid="quiz-timeout">
          {t('quiz.timeUp')}
        </Alert>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setConfirming(true);
        }}
        noValidate
      >
        <Stack gap="md">
          {attempt.questions.map((q, i) => (
            <QuestionCard
              key={q.id}
              question={q}
              n={i + 1}
              total={total}
              value={answers[q.id]}
              onChange={(a) => change(q.id, a)}
              disabled={submit.isPending || left === 0}
            />
          ))}
          <ErrorAlert error={submit.error} />
          <Group>
            <Button type="submit" size="md" disabled={submit.isPending} data-testid="quiz-submit">
              {t('quiz.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('quiz.confirmTitle')}
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack gap="md">
          <Text>
            {answered < total
              ? t('quiz.confirmUnanswered', { count: total - answered })
              : t('quiz.confirmAll')}
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)} disabled={submit.isPending}>
              {t('quiz.keepWorking')}
            </Button>
            <Button onClick={() => submit.mutate()} loading={submit.isPending} data-testid="quiz-confirm">
              {t('quiz.submitNow')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

/** Seconds left, from the server's figure, counted down on the monotonic clock. Null: no time limit. */
function useCountdown(serverRemaining: number | null): number | null {
  const [endsAt] = useState(() =>
    serverRemaining === null ? null : performance.now() + serverRemaining * 1000,
  );
  const [left, setLeft] = useState(serverRemaining);
  useEffect(() => {
    if (endsAt === null) return;
    const tick = () => setLeft(Math.max(0, Math.ceil((endsAt - performance.now()) / 1000)));
    tick();
    const id = window.setInterval(tick, 250);
    return () => window.clearInterval(id);
  }, [endsAt]);
  return left;
}

function Countdown({ seconds }: { seconds: number }) {
  const { t } = useTranslation();
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  const text = h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
  // Screen readers hear the time left once a minute (and in the last ten seconds), not every second.
  const spoken = seconds <= 10 || s === 0 ? t('quiz.timeLeft', { time: text }) : null;
  return (
    <div className="quiz-timer" data-low={seconds <= 60 || undefined} data-testid="quiz-timer">
      <span aria-hidden="true" className="quiz-timer-text">
        <svg
          aria-hidden="true"
          width="16"
          height="16"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2.5"
        >
          <circle cx="12" cy="13" r="8" />
          <path d="M12 9v4l2 2M9 2h6" />
        </svg>
        {text}
      </span>
      <span className="visually-hidden" role="timer">
        {t('quiz.timeLeft', { time: text })}
      </span>
      <span className="visually-hidden" aria-live="polite">
        {spoken}
      </span>
    </div>
  );
}

function QuestionCard({
  question: q,
  n,
  total,
  value,
  onChange,
  disabled,
}: {
  question: AttemptQuestion;
  n: number;
  total: number;
  value: AnswerInput | undefined;
  onChange: (a: AnswerInput) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const heading = (
    <>
      <Text span size="xs" c="dimmed" fw={600} display="block">
        {t('quiz.questionN', { n, total })} · {t('quiz.points', { count: q.points })}
        {q.kind === 'multiple' && ` · ${t('quiz.chooseMany')}`}
      </Text>
      {/* A prompt is text: React escapes it; line breaks are kept by CSS. */}
      <Text span fw={600} className="quiz-prompt">
        {q.prompt}
      </Text>
    </>
  );
  let field: ReactNode;
  switch (q.kind) {
    case 'single':
      field = (
        <Radio.Group
          label={heading}
          value={value?.optionIds?.[0] ?? null}
          onChange={(id) => onChange({ questionId: q.id, optionIds: [id] })}
        >
          <Stack gap="xs" mt="xs">
            {q.choices.map((c) => (
              <Radio key={c.id} value={c.id} label={c.text} disabled={disabled} />
            ))}
          </Stack>
        </Radio.Group>
      );
      break;
    case 'multiple':
      field = (
        <Checkbox.Group
          label={heading}
          value={value?.optionIds ?? []}
          onChange={(ids) => onChange({ questionId: q.id, optionIds: ids })}
        >
          <Stack gap="xs" mt="xs">
            {q.choices.map((c) => (
              <Checkbox key={c.id} value={c.id} label={c.text} disabled={disabled} />
            ))}
          </Stack>
        </Checkbox.Group>
      );
      break;
    case 'true_false':
      field = (
        <Radio.Group
          label={heading}
          value={value?.isTrue === undefined ? null : String(value.isTrue)}
          onChange={(v) => onChange({ questionId: q.id, isTrue: v === 'true' })}
        >
          <Group gap="lg" mt="xs">
            <Radio value="true" label={t('quiz.true')} disabled={disabled} />
            <Radio value="false" label={t('quiz.false')} disabled={disabled} />
          </Group>
        </Radio.Group>
      );
      break;
    case 'short_answer':
      field = (
        <TextInput
          label={heading}
          value={value?.text ?? ''}
          onChange={(e) => {
            const text = e.currentTarget.value;
            onChange(text ? { questionId: q.id, text } : { questionId: q.id });
          }}
          disabled={disabled}
          maxLength={1000}
          autoComplete="off"
          mt={0}
        />
      );
      break;
    case 'numeric':
      field = (
        <NumericField
          label={heading}
          value={value?.number}
          onChange={(number) =>
            onChange(number === undefined ? { questionId: q.id } : { questionId: q.id, number })
          }
          disabled={disabled}
        />
      );
      break;
  }
  return (
    <Paper withBorder radius="md" p="md" data-testid="quiz-question" data-kind={q.kind}>
      {field}
    </Paper>
  );
}

/** A number typed the Vietnamese way ("3,5") or the English way ("3.5"); saved only when it is one. */
function NumericField({
  label,
  value,
  onChange,
  disabled,
}: {
  label: ReactNode;
  value: number | undefined;
  onChange: (n: number | undefined) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(
    value === undefined
      ? ''
      : formatNumber(value, currentLocale(), { useGrouping: false, maximumFractionDigits: 10 }),
  );
  const parsed = draft.trim() === '' ? undefined : Number(draft.trim().replace(/\s/g, '').replace(',', '.'));
  const invalid = parsed !== undefined && !Number.isFinite(parsed);
  return (
    <TextInput
      label={label}
      value={draft}
      inputMode="decimal"
      autoComplete="off"
      onChange={(e) => {
        const text = e.currentTarget.value;
        setDraft(text);
        const n = text.trim() === '' ? undefined : Number(text.trim().replace(/\s/g, '').replace(',', '.'));
        if (n === undefined || Number.isFinite(n)) onChange(n);
      }}
      error={invalid ? t('quiz.notANumber') : undefined}
      disabled={disabled}
    />
  );
}
