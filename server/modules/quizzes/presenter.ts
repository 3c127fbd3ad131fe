/**
 * What JSON about questions, quizzes and attempts leaves the server. The learner's attempt payload is
 * built here from an allow-list of fields, so an answer key or a feedback can never reach it by
 * accident; keys and feedback appear only in the author's question and in the review after submission.
 */
import { createHash } from 'node:crypto';
import type { Static } from 'typebox';
import type {
  Answer,
  Attempt,
  AttemptReview,
  AttemptSummary,
  ImportReport,
  LearnerQuiz,
  Question,
  Quiz,
  StaffAttempt,
} from '../../../common/contracts/quizzes';
import type { Locale } from '../../db/schema';
import { translate } from '../../lib/i18n';
import type { AcceptedNumber, AcceptedText, GivenAnswer } from './grading';
import { inputOf } from './model';
import type { AttemptRow, QuestionRow, QuizRow } from './repo';
import type { AttemptResults, AttemptView, ImportResult } from './service';

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));
const numberOrNull = (s: string | null) => (s === null ? null : Number(s));

export function presentQuestion(q: QuestionRow): Static<typeof Question> {
  const input = inputOf(q);
  return {
    id: q.id,
    courseId: q.course_id,
    kind: q.kind,
    prompt: q.prompt,
    points: q.points,
    category: q.category,
    feedback: q.feedback,
    choices: input.choices.map((c) => ({
      id: c.id!,
      text: c.text,
      weight: c.weight,
      feedback: c.feedback ?? null,
    })),
    correct: input.correct ?? null,
    feedbackTrue: input.feedbackTrue ?? null,
    feedbackFalse: input.feedbackFalse ?? null,
    answers: q.kind === 'short_answer' ? (q.answer as { accepted: AcceptedText[] }).accepted : [],
    strictAccents: input.strictAccents ?? false,
    numbers: q.kind === 'numeric' ? (q.answer as { accepted: AcceptedNumber[] }).accepted : [],
    createdAt: iso(q.created_at),
  };
}

export function presentQuiz(
  q: QuizRow,
  pools: { explicit: Map<string, string[]>; sizes: Map<string, number> },
): Static<typeof Quiz> {
  const poolSize = pools.sizes.get(q.id) ?? 0;
  return {
    id: q.id,
    courseId: q.course_id,
    title: q.title,
    questionIds: pools.explicit.get(q.id) ?? [],
    category: q.category,
    drawCount: q.draw_count,
    attemptsLimit: q.attempts_limit,
    timeLimitSeconds: q.time_limit_seconds,
    passMarkPct: q.pass_mark_pct,
    shuffle: q.shuffle,
    poolSize,
    questionsPerAttempt: Math.min(q.draw_count ?? poolSize, poolSize),
    createdAt: iso(q.created_at),
  };
}

export function presentImport(r: ImportResult, locale: Locale): Static<typeof ImportReport> {
  return {
    committed: r.committed,
    dryRun: r.dryRun,
    imported: r.items.filter((i) => i.status === 'imported').length,
    invalid: r.items.filter((i) => i.status === 'error').length,
    questions: r.items.map((i) => ({
      index: i.index,
      line: i.line,
      title: i.title,
      kind: i.kind,
      prompt: i.prompt,
      category: i.category,
      status: i.status,
      questionId: i.questionId,
      code: i.issue?.key ?? null,
      message: i.issue ? translate(locale, `validation.${i.issue.key}`, i.issue.params ?? {}) : null,
    })),
  };
}

/** The order of an attempt's choices: fixed per attempt and question, different between attempts. */
export function choiceOrder<T extends { id: string }>(
  attemptId: string,
  questionId: string,
  options: readonly T[],
) {
  const key = (o: T) => createHash('sha256').update(`${attemptId}:${questionId}:${o.id}`).digest('hex');
  return options
    .map((o) => ({ o, k: key(o) }))
    .sort((x, y) => (x.k < y.k ? -1 : x.k > y.k ? 1 : 0))
    .map((x) => x.o);
}

const presentGiven = (questionId: string, g: GivenAnswer | undefined): Static<typeof Answer> => ({
  questionId,
  optionIds: g?.optionIds ?? null,
  isTrue: g?.isTrue ?? null,
  text: g?.text ?? null,
  number: g?.number ?? null,
});

const status = (a: { submitted_at: Date | null }) => (a.submitted_at ? 'submitted' : 'in_progress');
const isLate = (a: { results: unknown }) => !!(a.results as AttemptResults | null)?.late;

export function presentAttempt({ attempt: a, questions, now }: AttemptView): Static<typeof Attempt> {
  const saved = (a.answers ?? {}) as Record<string, GivenAnswer>;
  const deadline = a.deadline_at ? new Date(a.deadline_at).getTime() : null;
  return {
    id: a.id,
    quizId: a.quiz_id,
    quizTitle: a.quiz_title,
    status: status(a),
    startedAt: iso(a.started_at),
    deadlineAt: isoOrNull(a.deadline_at),
    submittedAt: isoOrNull(a.submitted_at),
    serverNow: now.toISOString(),
    remainingSeconds:
      deadline === null
        ? null
        : a.submitted_at
          ? 0
          : Math.max(0, Math.ceil((deadline - now.getTime()) / 1000)),
    questions: a.question_ids.flatMap((id) => {
      const q = questions.get(id);
      if (!q) return [];
      const choices =
        q.kind === 'single' || q.kind === 'multiple'
          ? (a.shuffle ? choiceOrder(a.id, q.id, q.options) : q.options).map((o) => ({
              id: o.id,
              text: o.text,
            }))
          : [];
      return [{ id: q.id, kind: q.kind, prompt: q.prompt, points: q.points, choices }];
    }),
    answers: a.question_ids.filter((id) => saved[id]).map((id) => presentGiven(id, saved[id])),
    scorePct: numberOrNull(a.score_pct),
    passed: a.passed,
    late: isLate(a),
  };
}

export const presentAttemptSummary = (a: AttemptRow): Static<typeof AttemptSummary> => ({
  id: a.id,
  status: status(a),
  startedAt: iso(a.started_at),
  deadlineAt: isoOrNull(a.deadline_at),
  submittedAt: isoOrNull(a.submitted_at),
  scorePct: numberOrNull(a.score_pct),
  passed: a.passed,
  late: isLate(a),
});

export function presentLearnerQuiz(r: {
  quiz: QuizRow;
  attempts: AttemptRow[];
  poolSize: number;
}): Static<typeof LearnerQuiz> {
  const { quiz, attempts, poolSize } = r;
  const scores = attempts
    .filter((a) => a.submitted_at && a.score_pct !== null)
    .map((a) => Number(a.score_pct));
  const best = scores.length > 0 ? Math.max(...scores) : null;
  return {
    id: quiz.id,
    courseId: quiz.course_id,
    title: quiz.title,
    questionsPerAttempt: Math.min(quiz.draw_count ?? poolSize, poolSize),
    attemptsLimit: quiz.attempts_limit,
    timeLimitSeconds: quiz.time_limit_seconds,
    passMarkPct: quiz.pass_mark_pct,
    attemptsUsed: attempts.length,
    attemptsLeft: quiz.attempts_limit === null ? null : Math.max(0, quiz.attempts_limit - attempts.length),
    bestScorePct: best,
    passed: best !== null && best >= quiz.pass_mark_pct,
    inProgressAttemptId: attempts.find((a) => !a.submitted_at)?.id ?? null,
    attempts: attempts.map(presentAttemptSummary),
  };
}

export const presentStaffAttempt = (
  a: AttemptRow & { full_name: string; person_id: string; cohort_code: string; cohort_id: string },
): Static<typeof StaffAttempt> => ({
  ...presentAttemptSummary(a),
  personId: a.person_id,
  fullName: a.full_name,
  enrolmentId: a.enrolment_id,
  cohortId: a.cohort_id,
  cohortCode: a.cohort_code,
});

export function presentReview(
  a: AttemptRow & {
    quiz_title: string;
    pass_mark_pct: number;
    person_id: string;
    full_name: string;
    submitted_at: Date;
    results: AttemptResults;
  },
): Static<typeof AttemptReview> {
  const saved = (a.answers ?? {}) as Record<string, GivenAnswer>;
  return {
    id: a.id,
    quizId: a.quiz_id,
    quizTitle: a.quiz_title,
    personId: a.person_id,
    fullName: a.full_name,
    startedAt: iso(a.started_at),
    submittedAt: iso(a.submitted_at),
    late: a.results.late,
    scorePct: Number(a.score_pct ?? 0),
    passed: a.passed === true,
    passMarkPct: a.pass_mark_pct,
    earnedPoints: a.results.earnedPoints,
    totalPoints: a.results.totalPoints,
    items: a.results.items.map((item) => {
      const q = item.question;
      const given = saved[item.questionId];
      const input = inputOf(q);
      return {
        questionId: item.questionId,
        kind: q.kind,
        prompt: q.prompt,
        points: q.points,
        earned: item.earned,
        correct: item.correct,
        given: presentGiven(item.questionId, given),
        choices: input.choices.map((c) => ({
          id: c.id!,
          text: c.text,
          weight: c.weight,
          selected: !!given?.optionIds?.includes(c.id!),
          feedback: c.feedback ?? null,
        })),
        correctIsTrue: q.kind === 'true_false' ? (input.correct ?? null) : null,
        acceptedAnswers: q.kind === 'short_answer' ? (q.answer as { accepted: AcceptedText[] }).accepted : [],
        acceptedNumbers: q.kind === 'numeric' ? (q.answer as { accepted: AcceptedNumber[] }).accepted : [],
        feedback: item.feedback,
        generalFeedback: q.feedback,
      };
    }),
  };
}
