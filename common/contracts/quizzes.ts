/**
 * Question banks, GIFT import, quizzes and attempts: the API contract of server/modules/quizzes.
 *
 * Bodies are flat objects with optional per-kind fields rather than unions: the server's validator
 * coerces types and strips unknown properties, which does not mix safely with `anyOf`, so the kind's
 * rules are checked by the service and reported per field.
 */
import { type Static, Type } from 'typebox';
import { Paged, PageQuery, Uuid } from './common';

export const questionKinds = ['single', 'multiple', 'true_false', 'short_answer', 'numeric'] as const;
export type QuestionKind = (typeof questionKinds)[number];
export const QuestionKindSchema = Type.Enum(questionKinds);

export const questionSorts = ['createdAt', '-createdAt', 'category', 'kind'] as const;
export const attemptSorts = ['startedAt', '-startedAt', 'score', '-score', 'name'] as const;

/** Largest GIFT text accepted by the import, in bytes (UTF-8). */
export const GIFT_MAX_BYTES = 1024 * 1024;

const Nullable = <T extends import('typebox').TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Feedback = Nullable(Type.String({ maxLength: 2000 }));
/** Choice ids are short and stable: they survive edits, so saved answers keep pointing at the same choice. */
export const OptionId = Type.String({ pattern: '^[a-z0-9]{1,20}$' });
const Category = Type.String({ minLength: 1, maxLength: 100 });

export const ChoiceInput = Type.Object({
  id: Type.Optional(OptionId),
  text: Type.String({ minLength: 1, maxLength: 1000 }),
  /** Percentage of the question's points: 100 for a right choice, 0 or negative for a wrong one. */
  weight: Type.Number({ minimum: -100, maximum: 100 }),
  feedback: Type.Optional(Feedback),
});
export const ShortAnswerInput = Type.Object({
  text: Type.String({ minLength: 1, maxLength: 500 }),
  weight: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
  feedback: Type.Optional(Feedback),
});
/** Either `value` with an optional `tolerance`, or a range `min`..`max`. */
export const NumericAnswerInput = Type.Object({
  value: Type.Optional(Type.Number()),
  tolerance: Type.Optional(Type.Number({ minimum: 0 })),
  min: Type.Optional(Type.Number()),
  max: Type.Optional(Type.Number()),
  weight: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
  feedback: Type.Optional(Feedback),
});

const questionFields = {
  prompt: Type.String({ minLength: 1, maxLength: 5000 }),
  points: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  category: Type.Optional(Nullable(Category)),
  /** General feedback, shown in the review whatever the answer. */
  feedback: Type.Optional(Feedback),
  /** single, multiple */
  choices: Type.Optional(Type.Array(ChoiceInput, { minItems: 2, maxItems: 20 })),
  /** true_false */
  correct: Type.Optional(Type.Boolean()),
  feedbackTrue: Type.Optional(Feedback),
  feedbackFalse: Type.Optional(Feedback),
  /** short_answer */
  answers: Type.Optional(Type.Array(ShortAnswerInput, { minItems: 1, maxItems: 20 })),
  /** short_answer: compare with diacritics (case and spacing still ignored). */
  strictAccents: Type.Optional(Type.Boolean()),
  /** numeric */
  numbers: Type.Optional(Type.Array(NumericAnswerInput, { minItems: 1, maxItems: 10 })),
};
export const CreateQuestionBody = Type.Object({ kind: QuestionKindSchema, ...questionFields });
export type CreateQuestionInput = Static<typeof CreateQuestionBody>;
export const UpdateQuestionBody = Type.Partial(CreateQuestionBody);

export const Choice = Type.Object({
  id: Type.String(),
  text: Type.String(),
  weight: Type.Number(),
  feedback: Nullable(Type.String()),
});
export const ShortAnswer = Type.Object({
  text: Type.String(),
  weight: Type.Number(),
  feedback: Nullable(Type.String()),
});
export const NumericAnswer = Type.Object({
  value: Nullable(Type.Number()),
  tolerance: Nullable(Type.Number()),
  min: Nullable(Type.Number()),
  max: Nullable(Type.Number()),
  weight: Type.Number(),
  feedback: Nullable(Type.String()),
});

/** A question as its authors see it, answer key included. */
export const Question = Type.Object({
  id: Uuid,
  courseId: Uuid,
  kind: QuestionKindSchema,
  prompt: Type.String(),
  points: Type.Integer(),
  category: Nullable(Type.String()),
  feedback: Nullable(Type.String()),
  choices: Type.Array(Choice),
  correct: Nullable(Type.Boolean()),
  feedbackTrue: Nullable(Type.String()),
  feedbackFalse: Nullable(Type.String()),
  answers: Type.Array(ShortAnswer),
  strictAccents: Type.Boolean(),
  numbers: Type.Array(NumericAnswer),
  createdAt: Type.String({ format: 'date-time' }),
});
export type QuestionT = Static<typeof Question>;
export const QuestionList = Paged(Question);
export const QuestionListQuery = Type.Object({
  kind: Type.Optional(QuestionKindSchema),
  category: Type.Optional(Category),
  sort: Type.Optional(Type.Enum(questionSorts)),
  ...PageQuery,
});
export const QuestionCategory = Type.Object({ category: Nullable(Type.String()), count: Type.Integer() });
export const QuestionCategoryList = Type.Object({ items: Type.Array(QuestionCategory) });

export const CourseParams = Type.Object({ courseId: Uuid });
export const QuestionParams = Type.Object({ questionId: Uuid });
export const QuizParams = Type.Object({ quizId: Uuid });
export const AttemptParams = Type.Object({ attemptId: Uuid });

// --- GIFT import -------------------------------------------------------------------------------------

export const ImportQuestionsBody = Type.Object({
  gift: Type.String({ minLength: 1, maxLength: GIFT_MAX_BYTES }),
  /** Category of the questions that come before any `$CATEGORY:` line. */
  category: Type.Optional(Category),
});
export const ImportQuestionsQuery = Type.Object({
  /** Import the valid questions and report the others, instead of importing nothing. */
  skipInvalid: Type.Optional(Type.Boolean({ default: false })),
  /** Parse and check only: nothing is written. */
  dryRun: Type.Optional(Type.Boolean({ default: false })),
});
export const importStatuses = ['imported', 'valid', 'skipped', 'error'] as const;
export const ImportItem = Type.Object({
  /** 1-based position of the question in the file. */
  index: Type.Integer(),
  /** Line of the file where the question starts. */
  line: Type.Integer(),
  title: Nullable(Type.String()),
  kind: Nullable(QuestionKindSchema),
  prompt: Type.String(),
  category: Nullable(Type.String()),
  status: Type.Enum(importStatuses),
  questionId: Nullable(Uuid),
  /** Why the question was refused: a stable key, and its text in the reader's language. */
  code: Nullable(Type.String()),
  message: Nullable(Type.String()),
});
export const ImportReport = Type.Object({
  committed: Type.Boolean(),
  dryRun: Type.Boolean(),
  imported: Type.Integer(),
  invalid: Type.Integer(),
  questions: Type.Array(ImportItem),
});
export type ImportReportT = Static<typeof ImportReport>;
/** The error shape, plus the per-question report that says what to fix. */
export const ImportRejected = Type.Object({
  code: Type.String(),
  message: Type.String(),
  report: ImportReport,
});

// --- quizzes -----------------------------------------------------------------------------------------

const quizFields = {
  title: Type.String({ minLength: 1, maxLength: 200 }),
  /** An explicit pool, in this order; otherwise the course bank (or one category of it). */
  questionIds: Type.Optional(Type.Array(Uuid, { maxItems: 500, uniqueItems: true })),
  category: Type.Optional(Nullable(Category)),
  /** Questions drawn at random from the pool for each attempt; null = the whole pool. */
  drawCount: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 500 }))),
  attemptsLimit: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 100 }))),
  timeLimitSeconds: Type.Optional(Nullable(Type.Integer({ minimum: 30, maximum: 86_400 }))),
  passMarkPct: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
  /** Shuffle the drawn questions and the choices of each, per attempt. */
  shuffle: Type.Optional(Type.Boolean()),
};
export const CreateQuizBody = Type.Object(quizFields);
export type CreateQuizInput = Static<typeof CreateQuizBody>;
export const UpdateQuizBody = Type.Partial(Type.Object(quizFields));

export const Quiz = Type.Object({
  id: Uuid,
  courseId: Uuid,
  title: Type.String(),
  questionIds: Type.Array(Uuid),
  category: Nullable(Type.String()),
  drawCount: Nullable(Type.Integer()),
  attemptsLimit: Nullable(Type.Integer()),
  timeLimitSeconds: Nullable(Type.Integer()),
  passMarkPct: Type.Integer(),
  shuffle: Type.Boolean(),
  /** Questions the pool holds now, and how many each attempt draws. */
  poolSize: Type.Integer(),
  questionsPerAttempt: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
});
export type QuizT = Static<typeof Quiz>;
export const QuizList = Paged(Quiz);
export const QuizListQuery = Type.Object({ ...PageQuery });

// --- attempts ----------------------------------------------------------------------------------------

/** One answer: the field that fits the question's kind; none of them clears the answer. */
export const AnswerInput = Type.Object({
  questionId: Uuid,
  /** single (one id) and multiple */
  optionIds: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 })),
  /** true_false */
  isTrue: Type.Optional(Type.Boolean()),
  /** short_answer */
  text: Type.Optional(Type.String({ maxLength: 1000 })),
  /** numeric */
  number: Type.Optional(Type.Number()),
});
export type AnswerInputT = Static<typeof AnswerInput>;
export const SaveAnswersBody = Type.Object({ answers: Type.Array(AnswerInput, { maxItems: 500 }) });
export const SubmitAttemptBody = Type.Object({
  answers: Type.Optional(Type.Array(AnswerInput, { maxItems: 500 })),
});
export const StartAttemptBody = Type.Object({
  /** Which enrolment the attempt counts for, when the learner has more than one in the course. */
  enrolmentId: Type.Optional(Uuid),
});

export const Answer = Type.Object({
  questionId: Uuid,
  optionIds: Nullable(Type.Array(Type.String())),
  isTrue: Nullable(Type.Boolean()),
  text: Nullable(Type.String()),
  number: Nullable(Type.Number()),
});

export const attemptStatuses = ['in_progress', 'submitted'] as const;

/** A question as a learner sees it during an attempt: no key, no feedback. */
export const AttemptQuestion = Type.Object({
  id: Uuid,
  kind: QuestionKindSchema,
  prompt: Type.String(),
  points: Type.Integer(),
  /** single and multiple, in this attempt's order; empty for the other kinds. */
  choices: Type.Array(Type.Object({ id: Type.String(), text: Type.String() })),
});

export const Attempt = Type.Object({
  id: Uuid,
  quizId: Uuid,
  quizTitle: Type.String(),
  status: Type.Enum(attemptStatuses),
  startedAt: Type.String({ format: 'date-time' }),
  deadlineAt: Nullable(Type.String({ format: 'date-time' })),
  submittedAt: Nullable(Type.String({ format: 'date-time' })),
  /** The server's clock and the time left by it: the client's clock is not trusted. */
  serverNow: Type.String({ format: 'date-time' }),
  remainingSeconds: Nullable(Type.Integer()),
  questions: Type.Array(AttemptQuestion),
  answers: Type.Array(Answer),
  scorePct: Nullable(Type.Number()),
  passed: Nullable(Type.Boolean()),
  /** Submitted after the time limit: only the answers saved in time were graded. */
  late: Type.Boolean(),
});
export type AttemptT = Static<typeof Attempt>;

export const AttemptSummary = Type.Object({
  id: Uuid,
  status: Type.Enum(attemptStatuses),
  startedAt: Type.String({ format: 'date-time' }),
  deadlineAt: Nullable(Type.String({ format: 'date-time' })),
  submittedAt: Nullable(Type.String({ format: 'date-time' })),
  scorePct: Nullable(Type.Number()),
  passed: Nullable(Type.Boolean()),
  late: Type.Boolean(),
});

/** A quiz as its learner sees it: the rules, their attempts and their best score. */
export const LearnerQuiz = Type.Object({
  id: Uuid,
  courseId: Uuid,
  title: Type.String(),
  questionsPerAttempt: Type.Integer(),
  attemptsLimit: Nullable(Type.Integer()),
  timeLimitSeconds: Nullable(Type.Integer()),
  passMarkPct: Type.Integer(),
  attemptsUsed: Type.Integer(),
  attemptsLeft: Nullable(Type.Integer()),
  bestScorePct: Nullable(Type.Number()),
  passed: Type.Boolean(),
  inProgressAttemptId: Nullable(Uuid),
  attempts: Type.Array(AttemptSummary),
});

export const StaffAttempt = Type.Object({
  ...AttemptSummary.properties,
  personId: Uuid,
  fullName: Type.String(),
  enrolmentId: Uuid,
  cohortId: Uuid,
  cohortCode: Type.String(),
});
export const StaffAttemptList = Paged(StaffAttempt);
export const AttemptListQuery = Type.Object({
  cohortId: Type.Optional(Uuid),
  status: Type.Optional(Type.Enum(attemptStatuses)),
  sort: Type.Optional(Type.Enum(attemptSorts)),
  ...PageQuery,
});

export const ReviewItem = Type.Object({
  questionId: Uuid,
  kind: QuestionKindSchema,
  prompt: Type.String(),
  points: Type.Integer(),
  earned: Type.Number(),
  correct: Type.Boolean(),
  given: Answer,
  /** single and multiple: every choice with its weight, whether it was picked, and its feedback. */
  choices: Type.Array(
    Type.Object({
      id: Type.String(),
      text: Type.String(),
      weight: Type.Number(),
      selected: Type.Boolean(),
      feedback: Nullable(Type.String()),
    }),
  ),
  /** true_false */
  correctIsTrue: Nullable(Type.Boolean()),
  /** short_answer: the accepted answers */
  acceptedAnswers: Type.Array(ShortAnswer),
  /** numeric: the accepted values and ranges */
  acceptedNumbers: Type.Array(NumericAnswer),
  /** Feedback on the answer given (chosen options, matched answer). */
  feedback: Type.Array(Type.String()),
  generalFeedback: Nullable(Type.String()),
});
export const AttemptReview = Type.Object({
  id: Uuid,
  quizId: Uuid,
  quizTitle: Type.String(),
  personId: Uuid,
  fullName: Type.String(),
  startedAt: Type.String({ format: 'date-time' }),
  submittedAt: Type.String({ format: 'date-time' }),
  late: Type.Boolean(),
  scorePct: Type.Number(),
  passed: Type.Boolean(),
  passMarkPct: Type.Integer(),
  earnedPoints: Type.Number(),
  totalPoints: Type.Integer(),
  items: Type.Array(ReviewItem),
});
export type AttemptReviewT = Static<typeof AttemptReview>;
