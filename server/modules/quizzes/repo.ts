/** SQL of question banks, quizzes and quiz attempts; plus the few reads of courses and enrolments they need. */
import { type Kysely, type Selectable, sql } from 'kysely';
import type { DB, QuestionKind, QuestionsTable, QuizAttemptsTable, QuizzesTable } from '../../db/schema';
import type { AnswerKey, StoredOption } from './grading';
import type { StoredQuestion } from './model';

export type QuestionRow = Omit<Selectable<QuestionsTable>, 'options' | 'answer'> & {
  options: StoredOption[];
  answer: AnswerKey;
};
export type QuizRow = Selectable<QuizzesTable>;
export type AttemptRow = Selectable<QuizAttemptsTable>;

// --- courses and enrolments (owned by the catalog and enrolment modules; read here) --------------------

export const findCourse = (db: Kysely<DB>, id: string) =>
  db
    .selectFrom('courses')
    .select(['id', 'organisation_id', 'slug', 'title', 'teaching_language'])
    .where('id', '=', id)
    .executeTakeFirst();

export const findCourseBySlug = (db: Kysely<DB>, slug: string) =>
  db
    .selectFrom('courses')
    .select(['id', 'organisation_id', 'slug', 'title', 'teaching_language'])
    .where('slug', '=', slug)
    .executeTakeFirst();

/** The person's enrolments that may take the course's quizzes: enrolled or completed, newest first. */
export const activeEnrolmentsInCourse = (db: Kysely<DB>, personId: string, courseId: string) =>
  db
    .selectFrom('enrolments as e')
    .innerJoin('cohorts as c', 'c.id', 'e.cohort_id')
    .select(['e.id', 'e.cohort_id', 'c.organisation_id'])
    .where('e.person_id', '=', personId)
    .where('c.course_id', '=', courseId)
    .where('e.status', 'in', ['enrolled', 'completed'])
    .orderBy('e.enrolled_at', 'desc')
    .orderBy('e.id')
    .execute();

/** Serialises attempt starts of one person, so two quick clicks cannot both pass the attempts limit. */
export const lockPerson = (db: Kysely<DB>, personId: string) =>
  db.selectFrom('people').select('id').where('id', '=', personId).forUpdate().executeTakeFirst();

export const findEnrolment = (db: Kysely<DB>, id: string) =>
  db
    .selectFrom('enrolments')
    .select(['id', 'person_id', 'cohort_id'])
    .where('id', '=', id)
    .executeTakeFirst();

/** Whether staff of these organisations, or this assigned trainer, run any cohort of the course. */
export const staffReachesCourse = async (
  db: Kysely<DB>,
  courseId: string,
  organisationIds: readonly string[],
  userId: string,
) =>
  !!(await db
    .selectFrom('cohorts as c')
    .select('c.id')
    .where('c.course_id', '=', courseId)
    .where((eb) =>
      eb.or([
        ...(organisationIds.length > 0 ? [eb('c.organisation_id', 'in', organisationIds)] : []),
        eb.exists(
          eb
            .selectFrom('cohort_trainers as ct')
            .select('ct.cohort_id')
            .whereRef('ct.cohort_id', '=', 'c.id')
            .where('ct.user_id', '=', userId),
        ),
      ]),
    )
    .limit(1)
    .executeTakeFirst());

export const isCohortTrainer = async (db: Kysely<DB>, cohortId: string, userId: string) =>
  !!(await db
    .selectFrom('cohort_trainers')
    .select('cohort_id')
    .where('cohort_id', '=', cohortId)
    .where('user_id', '=', userId)
    .executeTakeFirst());

// --- questions ------------------------------------------------------------------------------------------

const questionRow = (q: Selectable<QuestionsTable>): QuestionRow => q as QuestionRow;

export interface QuestionFilter {
  kind?: QuestionKind;
  category?: string;
  sort: 'createdAt' | '-createdAt' | 'category' | 'kind';
  page: number;
  pageSize: number;
}

export async function listQuestions(db: Kysely<DB>, courseId: string, f: QuestionFilter) {
  let q = db.selectFrom('questions').where('course_id', '=', courseId);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.category) q = q.where('category', '=', f.category);
  const key = f.sort.replace('-', '');
  const column = key === 'createdAt' ? 'created_at' : (key as 'category' | 'kind');
  const [rows, count] = await Promise.all([
    q
      .selectAll()
      .orderBy(column, f.sort.startsWith('-') ? 'desc' : 'asc')
      .orderBy('created_at')
      .orderBy('id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(questionRow), total: Number(count.n) };
}

export const listCategories = async (db: Kysely<DB>, courseId: string) =>
  (
    await db
      .selectFrom('questions')
      .select(['category', (eb) => eb.fn.countAll<number>().as('n')])
      .where('course_id', '=', courseId)
      .groupBy('category')
      .orderBy('category')
      .execute()
  ).map((r) => ({ category: r.category, count: Number(r.n) }));

export const findQuestion = async (db: Kysely<DB>, id: string) => {
  const row = await db.selectFrom('questions').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? questionRow(row) : undefined;
};

export const findQuestions = async (db: Kysely<DB>, ids: readonly string[]) =>
  ids.length === 0
    ? []
    : (await db.selectFrom('questions').selectAll().where('id', 'in', ids).execute()).map(questionRow);

const questionValues = (q: StoredQuestion) => ({
  kind: q.kind,
  prompt: q.prompt,
  points: q.points,
  category: q.category,
  feedback: q.feedback,
  options: JSON.stringify(q.options),
  answer: JSON.stringify(q.answer),
});

export async function insertQuestions(
  db: Kysely<DB>,
  courseId: string,
  questions: readonly StoredQuestion[],
) {
  const out: QuestionRow[] = [];
  // Batches keep each statement's parameter count well under PostgreSQL's limit.
  for (let i = 0; i < questions.length; i += 200) {
    const rows = await db
      .insertInto('questions')
      .values(questions.slice(i, i + 200).map((q) => ({ course_id: courseId, ...questionValues(q) })))
      .returningAll()
      .execute();
    out.push(...rows.map(questionRow));
  }
  return out;
}

export const updateQuestion = async (db: Kysely<DB>, id: string, q: StoredQuestion) =>
  questionRow(
    await db
      .updateTable('questions')
      .set(questionValues(q))
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow(),
  );

export const deleteQuestion = (db: Kysely<DB>, id: string) =>
  db.deleteFrom('questions').where('id', '=', id).execute();

/** Attempts keep the ids of the questions they drew: such a question must stay for their review. */
export const questionInAttempts = async (db: Kysely<DB>, id: string) =>
  !!(await db
    .selectFrom('quiz_attempts')
    .select('id')
    .where(sql<boolean>`question_ids @> ${JSON.stringify([id])}::jsonb`)
    .limit(1)
    .executeTakeFirst());

/** Which of `ids` are questions of the course's bank. */
export const questionIdsInCourse = async (db: Kysely<DB>, courseId: string, ids: readonly string[]) =>
  ids.length === 0
    ? []
    : (
        await db
          .selectFrom('questions')
          .select('id')
          .where('course_id', '=', courseId)
          .where('id', 'in', ids)
          .execute()
      ).map((r) => r.id);

// --- quizzes --------------------------------------------------------------------------------------------

export interface QuizValues {
  title: string;
  category: string | null;
  draw_count: number | null;
  attempts_limit: number | null;
  time_limit_seconds: number | null;
  pass_mark_pct: number;
  shuffle: boolean;
}

export const insertQuiz = (db: Kysely<DB>, courseId: string, v: QuizValues) =>
  db
    .insertInto('quizzes')
    .values({ course_id: courseId, ...v })
    .returningAll()
    .executeTakeFirstOrThrow();

export const updateQuiz = (db: Kysely<DB>, id: string, v: Partial<QuizValues>) =>
  db.updateTable('quizzes').set(v).where('id', '=', id).returningAll().executeTakeFirstOrThrow();

export const findQuiz = (db: Kysely<DB>, id: string) =>
  db.selectFrom('quizzes').selectAll().where('id', '=', id).executeTakeFirst();

export const findQuizByTitle = (db: Kysely<DB>, courseId: string, title: string) =>
  db
    .selectFrom('quizzes')
    .selectAll()
    .where('course_id', '=', courseId)
    .where('title', '=', title)
    .executeTakeFirst();

export async function listQuizzes(db: Kysely<DB>, courseId: string, f: { page: number; pageSize: number }) {
  const q = db.selectFrom('quizzes').where('course_id', '=', courseId);
  const [rows, count] = await Promise.all([
    q
      .selectAll()
      .orderBy('created_at')
      .orderBy('id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/**
 * Re-decides pass/fail of a quiz's graded attempts against a new pass mark; returns the enrolments
 * that gained a pass, whose completion must be looked at again.
 */
export const repassAttempts = async (db: Kysely<DB>, quizId: string, passMarkPct: number) =>
  (
    await db
      .updateTable('quiz_attempts')
      .set({ passed: sql<boolean>`score_pct >= ${passMarkPct}` })
      .where('quiz_id', '=', quizId)
      .where('submitted_at', 'is not', null)
      .where(sql<boolean>`passed is distinct from (score_pct >= ${passMarkPct})`)
      .returning(['enrolment_id', 'passed'])
      .execute()
  )
    .filter((r) => r.passed)
    .map((r) => r.enrolment_id);

export const deleteQuiz = (db: Kysely<DB>, id: string) =>
  db.deleteFrom('quizzes').where('id', '=', id).execute();

export async function setQuizQuestions(db: Kysely<DB>, quizId: string, ids: readonly string[]) {
  await db.deleteFrom('quiz_questions').where('quiz_id', '=', quizId).execute();
  if (ids.length > 0)
    await db
      .insertInto('quiz_questions')
      .values(ids.map((question_id, position) => ({ quiz_id: quizId, question_id, position })))
      .execute();
}

/** Explicit pools of the given quizzes, in their order. */
export async function explicitPools(db: Kysely<DB>, quizIds: readonly string[]) {
  const pools = new Map<string, string[]>(quizIds.map((id) => [id, []]));
  if (quizIds.length === 0) return pools;
  const rows = await db
    .selectFrom('quiz_questions')
    .select(['quiz_id', 'question_id'])
    .where('quiz_id', 'in', quizIds)
    .orderBy('quiz_id')
    .orderBy('position')
    .execute();
  for (const r of rows) pools.get(r.quiz_id)?.push(r.question_id);
  return pools;
}

/** The questions an attempt draws from: the explicit pool, else the category, else the whole bank. */
export async function poolOf(db: Kysely<DB>, quiz: QuizRow): Promise<string[]> {
  const explicit = (await explicitPools(db, [quiz.id])).get(quiz.id) ?? [];
  if (explicit.length > 0) return explicit;
  let q = db.selectFrom('questions').select('id').where('course_id', '=', quiz.course_id);
  if (quiz.category !== null) q = q.where('category', '=', quiz.category);
  return (await q.orderBy('created_at').orderBy('id').execute()).map((r) => r.id);
}

/** Sizes of the pools of many quizzes at once, for lists. */
export async function poolSizes(db: Kysely<DB>, quizzes: readonly QuizRow[]) {
  const explicit = await explicitPools(
    db,
    quizzes.map((q) => q.id),
  );
  const sizes = new Map<string, number>();
  for (const quiz of quizzes) {
    const ids = explicit.get(quiz.id) ?? [];
    if (ids.length > 0) sizes.set(quiz.id, ids.length);
    else {
      let q = db
        .selectFrom('questions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('course_id', '=', quiz.course_id);
      if (quiz.category !== null) q = q.where('category', '=', quiz.category);
      sizes.set(quiz.id, Number((await q.executeTakeFirstOrThrow()).n));
    }
  }
  return { explicit, sizes };
}

export const quizUsage = async (db: Kysely<DB>, quizId: string) => {
  const [attempts, lessons] = await Promise.all([
    db
      .selectFrom('quiz_attempts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('quiz_id', '=', quizId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('lessons')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('quiz_id', '=', quizId)
      .executeTakeFirstOrThrow(),
  ]);
  return { attempts: Number(attempts.n), lessons: Number(lessons.n) };
};

// --- attempts -------------------------------------------------------------------------------------------

/** An attempt with what deciding about it needs: its quiz, course, cohort and person. */
export const findAttempt = (db: Kysely<DB>, id: string) =>
  db
    .selectFrom('quiz_attempts as a')
    .innerJoin('quizzes as q', 'q.id', 'a.quiz_id')
    .innerJoin('enrolments as e', 'e.id', 'a.enrolment_id')
    .innerJoin('cohorts as c', 'c.id', 'e.cohort_id')
    .innerJoin('people as p', 'p.id', 'e.person_id')
    .selectAll('a')
    .select([
      'q.title as quiz_title',
      'q.course_id',
      'q.pass_mark_pct',
      'q.shuffle',
      'e.person_id',
      'e.cohort_id',
      'c.organisation_id as cohort_organisation_id',
      'p.user_id as person_user_id',
      'p.full_name',
    ])
    .where('a.id', '=', id)
    .executeTakeFirst();
export type AttemptDetail = NonNullable<Awaited<ReturnType<typeof findAttempt>>>;

export const countAttemptsOfPerson = async (db: Kysely<DB>, quizId: string, personId: string) =>
  Number(
    (
      await db
        .selectFrom('quiz_attempts as a')
        .innerJoin('enrolments as e', 'e.id', 'a.enrolment_id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('a.quiz_id', '=', quizId)
        .where('e.person_id', '=', personId)
        .executeTakeFirstOrThrow()
    ).n,
  );

export const attemptsOfPerson = (db: Kysely<DB>, quizId: string, personId: string) =>
  db
    .selectFrom('quiz_attempts as a')
    .innerJoin('enrolments as e', 'e.id', 'a.enrolment_id')
    .selectAll('a')
    .where('a.quiz_id', '=', quizId)
    .where('e.person_id', '=', personId)
    .orderBy('a.started_at')
    .orderBy('a.id')
    .execute();

export const insertAttempt = (
  db: Kysely<DB>,
  a: { quizId: string; enrolmentId: string; startedAt: Date; deadlineAt: Date | null; questionIds: string[] },
) =>
  db
    .insertInto('quiz_attempts')
    .values({
      quiz_id: a.quizId,
      enrolment_id: a.enrolmentId,
      started_at: a.startedAt,
      deadline_at: a.deadlineAt,
      question_ids: JSON.stringify(a.questionIds),
      answers: JSON.stringify({}),
    })
    .returningAll()
    .executeTakeFirstOrThrow();

/** Saves answers of an attempt still open; returns nothing when it was submitted meanwhile. */
export const saveAnswers = (db: Kysely<DB>, id: string, answers: Record<string, unknown>) =>
  db
    .updateTable('quiz_attempts')
    .set({ answers: JSON.stringify(answers) })
    .where('id', '=', id)
    .where('submitted_at', 'is', null)
    .returningAll()
    .executeTakeFirst();

/** Records the grading once: a second, racing submission finds submitted_at set and changes nothing. */
export const finishAttempt = (
  db: Kysely<DB>,
  id: string,
  r: {
    submittedAt: Date;
    answers: Record<string, unknown>;
    results: unknown;
    scorePct: number;
    passed: boolean;
  },
) =>
  db
    .updateTable('quiz_attempts')
    .set({
      submitted_at: r.submittedAt,
      answers: JSON.stringify(r.answers),
      results: JSON.stringify(r.results),
      score_pct: r.scorePct.toFixed(2),
      passed: r.passed,
    })
    .where('id', '=', id)
    .where('submitted_at', 'is', null)
    .returningAll()
    .executeTakeFirst();

/** Open attempts whose deadline (plus grace) has passed, optionally narrowed to a quiz, person or enrolment. */
export const expiredOpenAttempts = (
  db: Kysely<DB>,
  before: Date,
  f: { quizId?: string; personId?: string; enrolmentId?: string },
) => {
  let q = db
    .selectFrom('quiz_attempts as a')
    .innerJoin('enrolments as e', 'e.id', 'a.enrolment_id')
    .select('a.id')
    .where('a.submitted_at', 'is', null)
    .where('a.deadline_at', 'is not', null)
    .where('a.deadline_at', '<', before);
  if (f.quizId) q = q.where('a.quiz_id', '=', f.quizId);
  if (f.personId) q = q.where('e.person_id', '=', f.personId);
  if (f.enrolmentId) q = q.where('a.enrolment_id', '=', f.enrolmentId);
  return q.execute();
};

export interface AttemptListFilter {
  quizId: string;
  /** null: every cohort (platform admin); otherwise cohorts of these organisations or trained by the user. */
  organisationIds: string[] | null;
  trainerUserId: string;
  cohortId?: string;
  status?: 'in_progress' | 'submitted';
  sort: 'startedAt' | '-startedAt' | 'score' | '-score' | 'name';
  page: number;
  pageSize: number;
}

export async function listAttempts(db: Kysely<DB>, f: AttemptListFilter) {
  let q = db
    .selectFrom('quiz_attempts as a')
    .innerJoin('enrolments as e', 'e.id', 'a.enrolment_id')
    .innerJoin('cohorts as c', 'c.id', 'e.cohort_id')
    .innerJoin('people as p', 'p.id', 'e.person_id')
    .where('a.quiz_id', '=', f.quizId);
  if (f.organisationIds !== null) {
    const orgs = f.organisationIds;
    q = q.where((eb) =>
      eb.or([
        ...(orgs.length > 0 ? [eb('c.organisation_id', 'in', orgs)] : []),
        eb.exists(
          eb
            .selectFrom('cohort_trainers as ct')
            .select('ct.cohort_id')
            .whereRef('ct.cohort_id', '=', 'c.id')
            .where('ct.user_id', '=', f.trainerUserId),
        ),
      ]),
    );
  }
  if (f.cohortId) q = q.where('c.id', '=', f.cohortId);
  if (f.status === 'submitted') q = q.where('a.submitted_at', 'is not', null);
  if (f.status === 'in_progress') q = q.where('a.submitted_at', 'is', null);
  const desc = f.sort.startsWith('-');
  const key = f.sort.replace('-', '');
  let sorted = q
    .selectAll('a')
    .select(['p.full_name', 'e.person_id', 'c.code as cohort_code', 'c.id as cohort_id']);
  sorted =
    key === 'name'
      ? sorted.orderBy('p.full_name_folded').orderBy('a.started_at')
      : key === 'score'
        ? sorted
            .orderBy(sql`a.score_pct ${sql.raw(desc ? 'desc' : 'asc')} nulls last`)
            .orderBy('a.started_at')
        : sorted.orderBy('a.started_at', desc ? 'desc' : 'asc');
  const [rows, count] = await Promise.all([
    sorted
      .orderBy('a.id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/**
 * Best submitted score per quiz of the enrolment's course, over every enrolment of the same person in
 * that course (a transfer to another cohort keeps what was already passed), with the attempts counted.
 */
export const bestScoresOfEnrolment = (db: Kysely<DB>, enrolmentId: string) =>
  db
    .selectFrom('enrolments as me')
    .innerJoin('cohorts as mc', 'mc.id', 'me.cohort_id')
    .innerJoin('quizzes as q', 'q.course_id', 'mc.course_id')
    .innerJoin('cohorts as c', 'c.course_id', 'mc.course_id')
    .innerJoin('enrolments as e', (j) =>
      j.onRef('e.cohort_id', '=', 'c.id').onRef('e.person_id', '=', 'me.person_id'),
    )
    .innerJoin('quiz_attempts as a', (j) =>
      j.onRef('a.enrolment_id', '=', 'e.id').onRef('a.quiz_id', '=', 'q.id'),
    )
    .select([
      'q.id as quiz_id',
      'q.pass_mark_pct',
      (eb) => eb.fn.max('a.score_pct').as('best'),
      (eb) => eb.fn.countAll<number>().as('attempts'),
    ])
    .where('me.id', '=', enrolmentId)
    .where('a.submitted_at', 'is not', null)
    .groupBy(['q.id', 'q.pass_mark_pct'])
    .execute();

// --- demo -----------------------------------------------------------------------------------------------

export const lastModuleOfCourse = (db: Kysely<DB>, courseId: string) =>
  db
    .selectFrom('course_modules')
    .select(['id'])
    .where('course_id', '=', courseId)
    .orderBy('position', 'desc')
    .limit(1)
    .executeTakeFirst();

export const quizLesson = (db: Kysely<DB>, quizId: string) =>
  db.selectFrom('lessons').select('id').where('quiz_id', '=', quizId).executeTakeFirst();

export async function insertQuizLesson(
  db: Kysely<DB>,
  l: { courseId: string; moduleId: string; quizId: string; title: string; minutes: number },
) {
  const last = await db
    .selectFrom('lessons')
    .select((eb) => eb.fn.max('position').as('p'))
    .where('module_id', '=', l.moduleId)
    .executeTakeFirst();
  return db
    .insertInto('lessons')
    .values({
      course_id: l.courseId,
      module_id: l.moduleId,
      position: Number(last?.p ?? 0) + 1,
      kind: 'quiz',
      title: l.title,
      quiz_id: l.quizId,
      required: true,
      estimated_minutes: l.minutes,
      status: 'published',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}
