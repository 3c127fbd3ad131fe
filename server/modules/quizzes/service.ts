/**
 * Use cases of question banks, GIFT import, quizzes and attempts. Knows nothing of HTTP.
 *
 * Time limits are the server's: an attempt's deadline is fixed when it starts, answers may be saved
 * until the deadline plus a small grace for the network, and a submission that arrives later is graded
 * on the answers saved in time, as if submitted at the deadline. An attempt left open past its deadline
 * is graded the same way the next time anyone reads it.
 */
import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  type AnswerInputT,
  type CreateQuestionInput,
  type CreateQuizInput,
  GIFT_MAX_BYTES,
} from '../../../common/contracts/quizzes';
import type { DB } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import type { AppContext, RequestMeta } from '../../lib/context';
import { AppError, forbidden, notFound } from '../../lib/errors';
import { insertAudit } from '../audit/repo';
import { evaluateCompletion } from '../enrolment/completion';
import { findPersonByUser } from '../people/repo';
import { now, SUBMIT_GRACE_MS } from './clock';
import { type GiftIssue, parseGift } from './gift';
import { type GivenAnswer, gradeQuestion, round, scorePct } from './grading';
import { checkQuestion, type Issue, inputOf, type StoredQuestion, shapeIssues } from './model';
import { policy } from './policy';
import * as repo from './repo';

type Db = Kysely<DB>;

/** Runs `fn` in a transaction, or in the caller's when `db` already is one. */
const inTransaction = <T>(db: Db, fn: (trx: Db) => Promise<T>) =>
  db.isTransaction ? fn(db) : db.transaction().execute(fn);

const invalid = (issues: Issue[]) =>
  new AppError('VALIDATION_FAILED', {
    fields: Object.fromEntries(issues.map((i) => [i.path, i.key])),
    params: Object.assign({}, ...issues.map((i) => i.params ?? {})),
    message: issues.map((i) => `${i.path}: ${i.key}`).join(', '),
  });

async function authoredCourse(ctx: AppContext, actor: Actor, courseId: string) {
  const course = await repo.findCourse(ctx.db, courseId);
  if (!course) throw notFound('course');
  policy.authorCourse(actor, course);
  return course;
}

const stored = (q: repo.QuestionRow): StoredQuestion => ({
  kind: q.kind,
  prompt: q.prompt,
  points: q.points,
  category: q.category,
  feedback: q.feedback,
  options: q.options,
  answer: q.answer,
});

// --- question bank --------------------------------------------------------------------------------------

export async function listQuestions(ctx: AppContext, actor: Actor, courseId: string, f: repo.QuestionFilter) {
  await authoredCourse(ctx, actor, courseId);
  return repo.listQuestions(ctx.db, courseId, f);
}

export async function listCategories(ctx: AppContext, actor: Actor, courseId: string) {
  await authoredCourse(ctx, actor, courseId);
  return repo.listCategories(ctx.db, courseId);
}

async function authoredQuestion(ctx: AppContext, actor: Actor, id: string) {
  const q = await repo.findQuestion(ctx.db, id);
  if (!q) throw notFound('question');
  const course = await authoredCourse(ctx, actor, q.course_id);
  return { q, course };
}

export async function getQuestion(ctx: AppContext, actor: Actor, id: string) {
  return (await authoredQuestion(ctx, actor, id)).q;
}

function checked(input: CreateQuestionInput): StoredQuestion {
  const result = checkQuestion(input);
  if (!result.ok) throw invalid(result.issues);
  return result.question;
}

export async function createQuestion(
  ctx: AppContext,
  actor: Actor,
  courseId: string,
  input: CreateQuestionInput,
  meta: RequestMeta,
) {
  const course = await authoredCourse(ctx, actor, courseId);
  const question = checked(input);
  return ctx.db.transaction().execute(async (trx) => {
    const [row] = await repo.insertQuestions(trx, courseId, [question]);
    await insertAudit(trx, {
      actorUserId: actor.userId,
      action: 'question.created',
      entityType: 'question',
      entityId: row!.id,
      organisationId: course.organisation_id,
      details: { courseId, kind: question.kind },
      ip: meta.ip,
    });
    return row!;
  });
}

export async function updateQuestion(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: Partial<CreateQuestionInput>,
  meta: RequestMeta,
) {
  const { q, course } = await authoredQuestion(ctx, actor, id);
  // An edit is laid over the stored question and checked whole, as a new one would be.
  const question = checked({ ...inputOf(stored(q)), ...patch } as CreateQuestionInput);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await repo.updateQuestion(trx, id, question);
    await insertAudit(trx, {
      actorUserId: actor.userId,
      action: 'question.updated',
      entityType: 'question',
      entityId: id,
      organisationId: course.organisation_id,
      details: { courseId: q.course_id, changes: Object.keys(patch) },
      ip: meta.ip,
    });
    return row;
  });
}

export async function deleteQuestion(ctx: AppContext, actor: Actor, id: string, meta: RequestMeta) {
  const { q, course } = await authoredQuestion(ctx, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    if (await repo.questionInAttempts(trx, id)) throw new AppError('QUESTION_IN_USE');
    await repo.deleteQuestion(trx, id);
    await insertAudit(trx, {
      actorUserId: actor.userId,
      action: 'question.deleted',
      entityType: 'question',
      entityId: id,
      organisationId: course.organisation_id,
      details: { courseId: q.course_id, kind: q.kind, prompt: q.prompt.slice(0, 200) },
      ip: meta.ip,
    });
  });
}

// --- GIFT import ----------------------------------------------------------------------------------------

export interface ImportItemResult {
  index: number;
  line: number;
  title: string | null;
  kind: StoredQuestion['kind'] | null;
  prompt: string;
  category: string | null;
  status: 'imported' | 'valid' | 'error';
  questionId: string | null;
  issue: GiftIssue | null;
}
export interface ImportResult {
  /** Nothing was written because some questions are invalid (and skipInvalid was not asked). */
  rejected: boolean;
  committed: boolean;
  dryRun: boolean;
  items: ImportItemResult[];
}

export async function importGift(
  ctx: AppContext,
  actor: Actor,
  courseId: string,
  input: { gift: string; category?: string | null },
  opts: { skipInvalid: boolean; dryRun: boolean },
  meta: RequestMeta,
): Promise<ImportResult> {
  const course = await authoredCourse(ctx, actor, courseId);
  if (Buffer.byteLength(input.gift, 'utf8') > GIFT_MAX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE');
  const parsed = parseGift(input.gift, { category: input.category ?? null });
  if (parsed.length === 0) throw new AppError('GIFT_EMPTY');

  const checkedItems = parsed.map((p) => {
    const base = {
      index: p.index,
      line: p.line,
      title: p.title,
      kind: p.input?.kind ?? null,
      prompt: p.prompt,
      category: p.category,
      questionId: null,
    };
    if (!p.input) return { ...base, status: 'error' as const, issue: p.issue, question: null };
    const shape = shapeIssues(p.input)[0];
    if (shape) return { ...base, status: 'error' as const, issue: shape, question: null };
    const result = checkQuestion(p.input);
    if (!result.ok)
      return { ...base, status: 'error' as const, issue: result.issues[0] ?? null, question: null };
    return { ...base, status: 'valid' as const, issue: null, question: result.question };
  });
  const valid = checkedItems.filter((i) => i.question);
  const strip = ({ question: _, ...item }: (typeof checkedItems)[number]): ImportItemResult => item;

  if (opts.dryRun) return { rejected: false, committed: false, dryRun: true, items: checkedItems.map(strip) };
  if (valid.length === 0 || (valid.length < checkedItems.length && !opts.skipInvalid))
    return { rejected: true, committed: false, dryRun: false, items: checkedItems.map(strip) };

  return ctx.db.transaction().execute(async (trx) => {
    const rows = await repo.insertQuestions(
      trx,
      courseId,
      valid.map((v) => v.question!),
    );
    const ids = new Map(valid.map((v, i) => [v.index, rows[i]!.id]));
    await insertAudit(trx, {
      actorUserId: actor.userId,
      action: 'questions.imported',
      entityType: 'course',
      entityId: courseId,
      organisationId: course.organisation_id,
      details: { format: 'gift', imported: rows.length, invalid: checkedItems.length - rows.length },
      ip: meta.ip,
    });
    return {
      rejected: false,
      committed: true,
      dryRun: false,
      items: checkedItems.map((item) =>
        item.question
          ? { ...strip(item), status: 'imported' as const, questionId: ids.get(item.index)! }
          : strip(item),
      ),
    };
  });
}

// --- quizzes --------------------------------------------------------------------------------------------

export async function listQuizzes(
  ctx: AppContext,
  actor: Actor,
  courseId: string,
  f: { page: number; pageSize: number },
) {
  await authoredCourse(ctx, actor, courseId);
  const { rows, total } = await repo.listQuizzes(ctx.db, courseId, f);
  return { rows, total, pools: await repo.poolSizes(ctx.db, rows) };
}

async function authoredQuiz(ctx: AppContext, actor: Actor, id: string) {
  const quiz = await repo.findQuiz(ctx.db, id);
  if (!quiz) throw notFound('quiz');
  const course = await authoredCourse(ctx, actor, quiz.course_id);
  return { quiz, course };
}

export async function getQuiz(ctx: AppContext, actor: Actor, id: string) {
  const { quiz } = await authoredQuiz(ctx, actor, id);
  return { quiz, pools: await repo.poolSizes(ctx.db, [quiz]) };
}

async function checkPool(
  db: Db,
  courseId: string,
  input: { questionIds?: string[]; category?: string | null },
) {
  const issues: Issue[] = [];
  if (input.questionIds && input.questionIds.length > 0) {
    if (input.category) issues.push({ path: '/category', key: 'quiz.poolEitherOr' });
    const known = new Set(await repo.questionIdsInCourse(db, courseId, input.questionIds));
    const unknown = input.questionIds.findIndex((id) => !known.has(id));
    if (unknown >= 0) issues.push({ path: `/questionIds/${unknown}`, key: 'quiz.unknownQuestion' });
  }
  if (issues.length > 0) throw invalid(issues);
}

const quizValues = (input: Partial<CreateQuizInput>): Partial<repo.QuizValues> => {
  const v: Partial<repo.QuizValues> = {};
  if (input.title !== undefined) v.title = input.title.trim();
  if (input.category !== undefined) v.category = input.category?.trim() || null;
  if (input.drawCount !== undefined) v.draw_count = input.drawCount;
  if (input.attemptsLimit !== undefined) v.attempts_limit = input.attemptsLimit;
  if (input.timeLimitSeconds !== undefined) v.time_limit_seconds = input.timeLimitSeconds;
  if (input.passMarkPct !== undefined) v.pass_mark_pct = input.passMarkPct;
  if (input.shuffle !== undefined) v.shuffle = input.shuffle;
  return v;
};

export async function createQuiz(
  ctx: AppContext,
  actor: Actor,
  courseId: string,
  input: CreateQuizInput,
  meta: RequestMeta,
) {
  const course = await authoredCourse(ctx, actor, courseId);
  if (!input.title.trim()) throw invalid([{ path: '/title', key: 'required' }]);
  return ctx.db.transaction().execute(async (trx) => {
    await checkPool(trx, courseId, input);
    const quiz = await repo.insertQuiz(trx, courseId, {
      title: input.title.trim(),
      category: null,
      draw_count: null,
      attempts_limit: null,
      time_limit_seconds: null,
      pass_mark_pct: 70,
      shuffle: true,
      ...quizValues(input),
    });
    await repo.setQuizQuestions(trx, quiz.id, input.questionIds ?? []);
    await insertAudit(trx, {
      actorUserId: actor.userId,
      action: 'quiz.created',
      entityType: 'quiz',
      entityId: quiz.id,
      organisationId: course.organisation_id,
      details: { courseId, ...input },
      ip: meta.ip,
    });
    return { quiz, pools: await repo.poolSizes(trx, [quiz]) };
  });
}

export async function updateQuiz(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: Partial<CreateQuizInput>,
  meta: RequestMeta,
) {
  const { quiz: before, course } = await authoredQuiz(ctx, actor, id);
  if (input.title !== undefined && !input.title.trim()) throw invalid([{ path: '/title', key: 'required' }]);
  const result = await ctx.db.transaction().execute(async (trx) => {
    const explicit = (await repo.explicitPools(trx, [id])).get(id) ?? [];
    await checkPool(trx, before.course_id, {
      questionIds: input.questionIds ?? explicit,
      category: input.category === undefined ? before.category : input.category,
    });
    const values = quizValues(input);
    const quiz = Object.keys(values).length > 0 ? await repo.updateQuiz(trx, id, values) : before;
    if (input.questionIds !== undefined) await repo.setQuizQuestions(trx, id, input.questionIds);
    // A new pass mark applies to the attempts already graded, so every reader agrees on who passed.
    const newlyPassed =
      quiz.pass_mark_pct !== before.pass_mark_pct
        ? await repo.repassAttempts(trx, id, quiz.pass_mark_pct)
        : [];
    await insertAudit(trx, {
      actorUserId: actor.userId,
      action: 'quiz.updated',
      entityType: 'quiz',
      entityId: id,
      organisationId: course.organisation_id,
      details: {
        changes: input,
        before: { passMarkPct: before.pass_mark_pct },
        newlyPassed: newlyPassed.length,
      },
      ip: meta.ip,
    });
    return { quiz, pools: await repo.poolSizes(trx, [quiz]), newlyPassed };
  });
  await completionCheck(ctx, result.newlyPassed);
  return result;
}

export async function deleteQuiz(ctx: AppContext, actor: Actor, id: string, meta: RequestMeta) {
  const { quiz, course } = await authoredQuiz(ctx, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    // Attempts are learners' results and a lesson points at its quiz: neither may vanish with it.
    const usage = await repo.quizUsage(trx, id);
    if (usage.attempts > 0 || usage.lessons > 0) throw new AppError('QUIZ_IN_USE', { params: usage });
    await repo.deleteQuiz(trx, id);
    await insertAudit(trx, {
      actorUserId: actor.userId,
      action: 'quiz.deleted',
      entityType: 'quiz',
      entityId: id,
      organisationId: course.organisation_id,
      details: { courseId: quiz.course_id, title: quiz.title },
      ip: meta.ip,
    });
  });
}

// --- attempts: answers and grading ----------------------------------------------------------------------

type SavedAnswers = Record<string, GivenAnswer>;
const savedOf = (a: { answers: unknown }) => (a.answers ?? {}) as SavedAnswers;

export interface ResultItem {
  questionId: string;
  earned: number;
  correct: boolean;
  feedback: string[];
  /** The question as it was graded: a later edit of the bank does not rewrite a past review. */
  question: StoredQuestion;
}
export interface AttemptResults {
  items: ResultItem[];
  earnedPoints: number;
  totalPoints: number;
  late: boolean;
}

/** Reads the answers sent for an attempt into the saved form, or explains what is wrong with them. */
function mergeAnswers(
  questionIds: readonly string[],
  byId: Map<string, repo.QuestionRow>,
  saved: SavedAnswers,
  incoming: readonly AnswerInputT[],
): SavedAnswers {
  const issues: Issue[] = [];
  const out: SavedAnswers = { ...saved };
  incoming.forEach((a, i) => {
    const q = questionIds.includes(a.questionId) ? byId.get(a.questionId) : undefined;
    if (!q) {
      issues.push({ path: `/answers/${i}/questionId`, key: 'quiz.answerUnknownQuestion' });
      return;
    }
    const sent = [a.optionIds, a.isTrue, a.text, a.number].filter((v) => v !== undefined).length;
    let given: GivenAnswer | null = null;
    switch (q.kind) {
      case 'single':
      case 'multiple': {
        if (a.optionIds === undefined) break;
        const ids = [...new Set(a.optionIds)];
        if (ids.some((id) => !q.options.some((o) => o.id === id)))
          issues.push({ path: `/answers/${i}/optionIds`, key: 'quiz.answerUnknownOption' });
        else if (q.kind === 'single' && ids.length > 1)
          issues.push({ path: `/answers/${i}/optionIds`, key: 'quiz.answerOneOption' });
        else if (ids.length > 0) given = { optionIds: ids };
        break;
      }
      case 'true_false':
        if (a.isTrue !== undefined) given = { isTrue: a.isTrue };
        break;
      case 'short_answer':
        if (a.text !== undefined && a.text.trim() !== '') given = { text: a.text };
        break;
      case 'numeric':
        if (a.number !== undefined && Number.isFinite(a.number)) given = { number: a.number };
        break;
    }
    const ownField = {
      single: a.optionIds,
      multiple: a.optionIds,
      true_false: a.isTrue,
      short_answer: a.text,
      numeric: a.number,
    }[q.kind];
    if (sent > 0 && ownField === undefined)
      issues.push({ path: `/answers/${i}`, key: 'quiz.answerWrongKind' });
    if (given) out[q.id] = given;
    else delete out[q.id];
  });
  if (issues.length > 0) throw invalid(issues);
  return out;
}

function gradeAttempt(
  questionIds: readonly string[],
  byId: Map<string, repo.QuestionRow>,
  answers: SavedAnswers,
  late: boolean,
): AttemptResults {
  const items: ResultItem[] = [];
  for (const id of questionIds) {
    const q = byId.get(id);
    if (!q) continue;
    const g = gradeQuestion(q, answers[id]);
    items.push({
      questionId: id,
      earned: g.earned,
      correct: g.correct,
      feedback: g.feedback,
      question: stored(q),
    });
  }
  return {
    items,
    earnedPoints: round(
      items.reduce((s, i) => s + i.earned, 0),
      4,
    ),
    totalPoints: items.reduce((s, i) => s + i.question.points, 0),
    late,
  };
}

const questionsOf = async (db: Db, ids: readonly string[]) =>
  new Map((await repo.findQuestions(db, ids)).map((q) => [q.id, q]));

const deadlinePassed = (a: { deadline_at: Date | null }, t: Date) =>
  a.deadline_at !== null && t.getTime() > new Date(a.deadline_at).getTime() + SUBMIT_GRACE_MS;

/**
 * Grades and closes an attempt. `late` attempts are graded on their saved answers and dated at their
 * deadline. Returns null when another request closed it first.
 */
async function finish(
  db: Db,
  a: repo.AttemptDetail,
  answers: SavedAnswers,
  late: boolean,
  action: 'quiz_attempt.submitted' | 'quiz_attempt.expired',
  actorUserId: string | null,
  meta: RequestMeta,
) {
  const byId = await questionsOf(db, a.question_ids);
  const results = gradeAttempt(a.question_ids, byId, answers, late);
  const score = scorePct(results.earnedPoints, results.totalPoints);
  const passed = score >= a.pass_mark_pct;
  const submittedAt = late ? new Date(a.deadline_at!) : now();
  return inTransaction(db, async (trx) => {
    const row = await repo.finishAttempt(trx, a.id, {
      submittedAt,
      answers,
      results,
      scorePct: score,
      passed,
    });
    if (!row) return null;
    await insertAudit(trx, {
      actorUserId,
      action,
      entityType: 'quiz_attempt',
      entityId: a.id,
      organisationId: a.cohort_organisation_id,
      details: { quizId: a.quiz_id, enrolmentId: a.enrolment_id, scorePct: score, passed, late },
      ip: meta.ip ?? null,
    });
    return row;
  });
}

async function completionCheck(ctx: AppContext, enrolmentIds: Iterable<string>) {
  for (const id of new Set(enrolmentIds)) {
    try {
      await evaluateCompletion(ctx, id);
    } catch (err) {
      // The attempt is graded and stored; a failed completion check is re-run by the next event.
      ctx.log.error(err, `completion check of enrolment ${id} failed`);
    }
  }
}

/** Grades every open attempt past its deadline in the filter; returns the enrolments that changed. */
async function settleExpired(
  db: Db,
  f: { quizId?: string; personId?: string; enrolmentId?: string },
  actorUserId: string | null,
) {
  const cutoff = new Date(now().getTime() - SUBMIT_GRACE_MS);
  const changed: string[] = [];
  for (const { id } of await repo.expiredOpenAttempts(db, cutoff, f)) {
    const a = await repo.findAttempt(db, id);
    if (!a || a.submitted_at) continue;
    const done = await finish(db, a, savedOf(a), true, 'quiz_attempt.expired', actorUserId, {});
    if (done) changed.push(a.enrolment_id);
  }
  return changed;
}

// --- attempts: use cases --------------------------------------------------------------------------------

async function learnerEnrolments(ctx: AppContext, actor: Actor, courseId: string) {
  const person = await findPersonByUser(ctx.db, actor.userId);
  const enrolments = person ? await repo.activeEnrolmentsInCourse(ctx.db, person.id, courseId) : [];
  return { person, enrolments };
}

/** Fisher–Yates with a cryptographic source: which questions a learner gets must not be guessable. */
function drawn(pool: readonly string[], count: number | null, shuffle: boolean) {
  const ids = [...pool];
  const n = Math.min(count ?? ids.length, ids.length);
  if (!shuffle && n === ids.length) return ids;
  for (let i = ids.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  }
  const picked = ids.slice(0, n);
  // Without shuffling, a random draw keeps the pool's order.
  return shuffle ? picked : pool.filter((id) => picked.includes(id));
}

export async function startAttempt(
  ctx: AppContext,
  actor: Actor,
  quizId: string,
  input: { enrolmentId?: string },
  meta: RequestMeta,
) {
  const quiz = await repo.findQuiz(ctx.db, quizId);
  if (!quiz) throw notFound('quiz');
  const { person, enrolments } = await learnerEnrolments(ctx, actor, quiz.course_id);
  const enrolment = input.enrolmentId ? enrolments.find((e) => e.id === input.enrolmentId) : enrolments[0];
  if (!person || !enrolment) throw new AppError('QUIZ_NOT_ENROLLED');
  await completionCheck(ctx, await settleExpired(ctx.db, { quizId, personId: person.id }, actor.userId));

  const { attemptId, resumed } = await ctx.db.transaction().execute(async (trx) => {
    await repo.lockPerson(trx, person.id);
    const mine = await repo.attemptsOfPerson(trx, quizId, person.id);
    const open = mine.find((a) => !a.submitted_at);
    // A second click on "start" resumes the attempt under way instead of spending another one.
    if (open) return { attemptId: open.id, resumed: true };
    if (quiz.attempts_limit !== null && mine.length >= quiz.attempts_limit)
      throw new AppError('QUIZ_ATTEMPTS_EXHAUSTED', { params: { limit: quiz.attempts_limit } });
    const pool = await repo.poolOf(trx, quiz);
    if (pool.length === 0) throw new AppError('QUIZ_NO_QUESTIONS');
    const startedAt = now();
    const deadlineAt = quiz.time_limit_seconds
      ? new Date(startedAt.getTime() + quiz.time_limit_seconds * 1000)
      : null;
    const row = await repo.insertAttempt(trx, {
      quizId,
      enrolmentId: enrolment.id,
      startedAt,
      deadlineAt,
      questionIds: drawn(pool, quiz.draw_count, quiz.shuffle),
    });
    await insertAudit(trx, {
      actorUserId: actor.userId,
      action: 'quiz_attempt.started',
      entityType: 'quiz_attempt',
      entityId: row.id,
      organisationId: enrolment.organisation_id,
      details: { quizId, enrolmentId: enrolment.id, attempt: mine.length + 1 },
      ip: meta.ip,
    });
    return { attemptId: row.id, resumed: false };
  });
  return { ...(await attemptView(ctx.db, attemptId)), resumed };
}

async function attemptView(db: Db, id: string) {
  const attempt = await repo.findAttempt(db, id);
  if (!attempt) throw notFound('attempt');
  return { attempt, questions: await questionsOf(db, attempt.question_ids), now: now() };
}
export type AttemptView = Awaited<ReturnType<typeof attemptView>>;

async function readableAttempt(ctx: AppContext, actor: Actor, id: string) {
  const a = await repo.findAttempt(ctx.db, id);
  if (!a) throw notFound('attempt');
  const own = policy.ownAttempt(actor, a);
  if (!own) policy.readAttempt(actor, a, await repo.isCohortTrainer(ctx.db, a.cohort_id, actor.userId));
  return { a, own };
}

/** Closes the attempt if its time ran out while nobody was looking. */
async function settled(ctx: AppContext, actor: Actor, a: repo.AttemptDetail) {
  if (a.submitted_at || !deadlinePassed(a, now())) return a;
  await finish(ctx.db, a, savedOf(a), true, 'quiz_attempt.expired', actor.userId, {});
  await completionCheck(ctx, [a.enrolment_id]);
  return (await repo.findAttempt(ctx.db, a.id))!;
}

export async function getAttempt(ctx: AppContext, actor: Actor, id: string) {
  const { a } = await readableAttempt(ctx, actor, id);
  await settled(ctx, actor, a);
  return attemptView(ctx.db, id);
}

async function ownOpenAttempt(ctx: AppContext, actor: Actor, id: string) {
  const a = await repo.findAttempt(ctx.db, id);
  if (!a) throw notFound('attempt');
  if (!policy.ownAttempt(actor, a)) throw forbidden('only the learner answers their attempt');
  if (a.submitted_at) throw new AppError('QUIZ_ATTEMPT_CLOSED');
  return a;
}

export async function saveAnswers(
  ctx: AppContext,
  actor: Actor,
  id: string,
  answers: readonly AnswerInputT[],
  meta: RequestMeta,
) {
  const a = await ownOpenAttempt(ctx, actor, id);
  if (deadlinePassed(a, now())) {
    await settled(ctx, actor, a);
    throw new AppError('QUIZ_TIME_UP');
  }
  const byId = await questionsOf(ctx.db, a.question_ids);
  const merged = mergeAnswers(a.question_ids, byId, savedOf(a), answers);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.saveAnswers(trx, id, merged))) throw new AppError('QUIZ_ATTEMPT_CLOSED');
    await insertAudit(trx, {
      actorUserId: actor.userId,
      action: 'quiz_attempt.answers_saved',
      entityType: 'quiz_attempt',
      entityId: id,
      organisationId: a.cohort_organisation_id,
      details: { quizId: a.quiz_id, answered: Object.keys(merged).length },
      ip: meta.ip,
    });
  });
  return attemptView(ctx.db, id);
}

export async function submitAttempt(
  ctx: AppContext,
  actor: Actor,
  id: string,
  answers: readonly AnswerInputT[] | undefined,
  meta: RequestMeta,
) {
  const a = await ownOpenAttempt(ctx, actor, id);
  const late = deadlinePassed(a, now());
  const saved = savedOf(a);
  // Past the deadline only what was saved in time counts; the answers sent now are ignored.
  const final =
    late || !answers
      ? saved
      : mergeAnswers(a.question_ids, await questionsOf(ctx.db, a.question_ids), saved, answers);
  const row = await finish(ctx.db, a, final, late, 'quiz_attempt.submitted', actor.userId, meta);
  if (!row) throw new AppError('QUIZ_ATTEMPT_CLOSED');
  await completionCheck(ctx, [a.enrolment_id]);
  return attemptView(ctx.db, id);
}

export async function reviewAttempt(ctx: AppContext, actor: Actor, id: string) {
  const { a } = await readableAttempt(ctx, actor, id);
  const current = await settled(ctx, actor, a);
  if (!current.submitted_at || !current.results) throw new AppError('QUIZ_NOT_SUBMITTED');
  return current as repo.AttemptDetail & { submitted_at: Date; results: AttemptResults };
}

// --- what learners and staff see of a quiz's attempts ---------------------------------------------------

export async function learnerQuiz(ctx: AppContext, actor: Actor, quizId: string) {
  const quiz = await repo.findQuiz(ctx.db, quizId);
  if (!quiz) throw notFound('quiz');
  const { person, enrolments } = await learnerEnrolments(ctx, actor, quiz.course_id);
  if (!person || enrolments.length === 0) throw new AppError('QUIZ_NOT_ENROLLED');
  await completionCheck(ctx, await settleExpired(ctx.db, { quizId, personId: person.id }, actor.userId));
  const [attempts, pools] = await Promise.all([
    repo.attemptsOfPerson(ctx.db, quizId, person.id),
    repo.poolSizes(ctx.db, [quiz]),
  ]);
  return { quiz, attempts, poolSize: pools.sizes.get(quiz.id) ?? 0 };
}

export async function listQuizAttempts(
  ctx: AppContext,
  actor: Actor,
  quizId: string,
  f: Omit<repo.AttemptListFilter, 'quizId' | 'organisationIds' | 'trainerUserId'>,
) {
  const quiz = await repo.findQuiz(ctx.db, quizId);
  if (!quiz) throw notFound('quiz');
  const scope = policy.attemptScope(actor);
  // Staff with no cohort of this course (their organisation's or assigned to them) have nothing to see here.
  if (scope !== null && !(await repo.staffReachesCourse(ctx.db, quiz.course_id, scope, actor.userId)))
    throw forbidden('no cohort of this course to follow');
  await completionCheck(ctx, await settleExpired(ctx.db, { quizId }, actor.userId));
  return repo.listAttempts(ctx.db, { ...f, quizId, organisationIds: scope, trainerUserId: actor.userId });
}

/**
 * For the gradebook and the completion rules: per quiz of the enrolment's course that the person has
 * submitted at least once, the best score, whether it reaches the quiz's pass mark as set now, and how
 * many attempts were graded. Attempts left open past their deadline are graded first. Quizzes never
 * attempted are absent from the map.
 */
export async function quizPassedByEnrolment(
  db: Db,
  enrolmentId: string,
): Promise<Map<string, { bestScorePct: number; passed: boolean; attempts: number }>> {
  const enrolment = await repo.findEnrolment(db, enrolmentId);
  if (!enrolment) return new Map();
  await settleExpired(db, { personId: enrolment.person_id }, null);
  const rows = await repo.bestScoresOfEnrolment(db, enrolmentId);
  return new Map(
    rows.map((r) => {
      const best = Number(r.best ?? 0);
      return [
        r.quiz_id,
        { bestScorePct: best, passed: best >= r.pass_mark_pct, attempts: Number(r.attempts) },
      ];
    }),
  );
}
