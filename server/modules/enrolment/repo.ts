/**
 * SQL of cohorts, their trainers and sessions, enrolments, attendance and lesson progress, and the
 * set-based reads behind completion, the gradebook, "my learning" and the trainers' reach. Every read
 * that serves a whole cohort is one statement for the whole cohort, never one per learner.
 */
import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import { foldVi } from '../../../common/text';
import type { AttendanceStatus, DB, EnrolmentStatus } from '../../db/schema';
import { todayInVietnam } from './dates';

type Db = Kysely<DB>;

const likeFolded = (q: string) => `%${foldVi(q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The statuses that hold a seat in a cohort; waitlisted people wait for one. */
export const SEATED: EnrolmentStatus[] = ['enrolled', 'completed'];
/** The statuses of a live enrolment: the partial unique index allows one of these per person and cohort. */
export const ACTIVE: EnrolmentStatus[] = ['waitlisted', 'enrolled', 'completed'];

// ---- courses (read only: the catalog module owns them) ---------------------------------------------

export const findCourse = (db: Db, id: string) =>
  db
    .selectFrom('courses')
    .select([
      'id',
      'organisation_id',
      'slug',
      'title',
      'translations',
      'teaching_language',
      'status',
      'is_open',
      'is_tot',
      'delivery_mode',
      'min_attendance_pct',
    ])
    .where('id', '=', id)
    .executeTakeFirst();

export const findCourseBySlug = (db: Db, slug: string) =>
  db.selectFrom('courses').select(['id', 'status']).where('slug', '=', slug).executeTakeFirst();

/** Prerequisites of a course that the person has not completed (in any cohort). */
export const missingPrerequisites = (db: Db, courseId: string, personId: string) =>
  db
    .selectFrom('course_prerequisites as cp')
    .innerJoin('courses as c', 'c.id', 'cp.prerequisite_id')
    .select(['c.id', 'c.title', 'c.translations', 'c.teaching_language'])
    .where('cp.course_id', '=', courseId)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('enrolments as e')
            .innerJoin('cohorts as ch', 'ch.id', 'e.cohort_id')
            .select('e.id')
            .whereRef('ch.course_id', '=', 'cp.prerequisite_id')
            .where('e.person_id', '=', personId)
            .where('e.status', '=', 'completed'),
        ),
      ),
    )
    .orderBy('c.title')
    .execute();

// ---- cohorts -----------------------------------------------------------------------------------------

const cohortColumns = [
  'ch.id',
  'ch.course_id',
  'ch.organisation_id',
  'ch.code',
  'ch.name',
  'ch.starts_on',
  'ch.ends_on',
  'ch.capacity',
  'ch.online',
  'ch.location',
  'ch.province_code',
  'ch.status',
  'ch.created_at',
  'c.title as course_title',
  'c.translations as course_translations',
  'c.teaching_language as course_language',
] as const;

/** Seats taken and people waiting in the cohort `ch`, counted in the same statement (one index probe each). */
const taken = sql<number>`(select count(*)::int from enrolments se where se.cohort_id = ch.id and se.status in (${sql.join(SEATED)}))`;
const waiting = sql<number>`(select count(*)::int from enrolments se where se.cohort_id = ch.id and se.status = 'waitlisted')`;

export const findCohort = (db: Db, id: string) =>
  db
    .selectFrom('cohorts as ch')
    .innerJoin('courses as c', 'c.id', 'ch.course_id')
    .select([
      ...cohortColumns,
      'c.status as course_status',
      'c.is_open as course_is_open',
      'c.delivery_mode',
      'c.min_attendance_pct',
      taken.as('taken'),
      waiting.as('waiting'),
    ])
    .where('ch.id', '=', id)
    .executeTakeFirst();

export type CohortRow = NonNullable<Awaited<ReturnType<typeof findCohort>>>;

/** Serialises seat allocation in one cohort: concurrent enrolments wait here instead of overbooking. */
export const lockCohort = (db: Db, id: string) =>
  db.selectFrom('cohorts').select('id').where('id', '=', id).forUpdate().executeTakeFirst();

export const findCohortByCode = (db: Db, organisationId: string, code: string) =>
  db
    .selectFrom('cohorts')
    .select(['id', 'code'])
    .where('organisation_id', '=', organisationId)
    .where(sql`lower(code)`, '=', code.toLowerCase())
    .executeTakeFirst();

export interface CohortScope {
  /** Cohorts of these organisations; undefined (with no trainer part) means every organisation. */
  organisationIds?: string[];
  /** And the cohorts this user trains, in organisations where they hold the trainer role. */
  trainer?: { userId: string; organisationIds: string[] };
}

export interface CohortFilter {
  scope: CohortScope;
  courseId?: string;
  organisationId?: string;
  status?: 'open' | 'closed' | 'cancelled';
  q?: string;
  sort: 'startsOn' | '-startsOn' | 'code' | '-code' | 'createdAt' | '-createdAt';
  page: number;
  pageSize: number;
}

export async function listCohorts(db: Db, f: CohortFilter) {
  let q = db.selectFrom('cohorts as ch').innerJoin('courses as c', 'c.id', 'ch.course_id');
  if (f.courseId) q = q.where('ch.course_id', '=', f.courseId);
  if (f.organisationId) q = q.where('ch.organisation_id', '=', f.organisationId);
  if (f.status) q = q.where('ch.status', '=', f.status);
  const { organisationIds, trainer } = f.scope;
  if (organisationIds !== undefined || trainer !== undefined) {
    q = q.where((eb) => {
      const ors: Expression<SqlBool>[] = [];
      if (organisationIds?.length) ors.push(eb('ch.organisation_id', 'in', organisationIds));
      if (trainer?.organisationIds.length)
        ors.push(
          eb.and([
            eb('ch.organisation_id', 'in', trainer.organisationIds),
            eb.exists(
              eb
                .selectFrom('cohort_trainers as ct')
                .select('ct.cohort_id')
                .whereRef('ct.cohort_id', '=', 'ch.id')
                .where('ct.user_id', '=', trainer.userId),
            ),
          ]),
        );
      return ors.length ? eb.or(ors) : sql<SqlBool>`false`;
    });
  }
  if (f.q?.trim()) {
    const pattern = likeFolded(f.q);
    const raw = `%${f.q.trim().toLowerCase()}%`;
    q = q.where((eb) =>
      eb.or([
        eb(sql`lower(ch.code)`, 'like', raw),
        eb(sql`lower(ch.name)`, 'like', raw),
        eb('c.search_folded', 'like', pattern),
      ]),
    );
  }
  const key = f.sort.replace('-', '');
  const column = key === 'code' ? 'ch.code' : key === 'createdAt' ? 'ch.created_at' : 'ch.starts_on';
  const direction = f.sort.startsWith('-') ? 'desc' : 'asc';
  const [rows, count] = await Promise.all([
    q
      .select([...cohortColumns, taken.as('taken'), waiting.as('waiting')])
      .orderBy(column, (ob) => (direction === 'asc' ? ob.asc().nullsLast() : ob.desc().nullsLast()))
      .orderBy('ch.code')
      .orderBy('ch.id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** What a learner choosing a class sees: open cohorts that have not ended, soonest first. */
export const listOpenCohortsOfCourse = (db: Db, courseId: string, today: string) =>
  db
    .selectFrom('cohorts as ch')
    .select([
      'ch.id',
      'ch.code',
      'ch.name',
      'ch.starts_on',
      'ch.ends_on',
      'ch.capacity',
      'ch.online',
      'ch.location',
      'ch.province_code',
      taken.as('taken'),
    ])
    .where('ch.course_id', '=', courseId)
    .where('ch.status', '=', 'open')
    .where((eb) => eb.or([eb('ch.ends_on', 'is', null), eb('ch.ends_on', '>=', today)]))
    .orderBy('ch.starts_on', (ob) => ob.asc().nullsLast())
    .orderBy('ch.code')
    .execute();

export interface CohortValues {
  code: string;
  name: string;
  startsOn: string | null;
  endsOn: string | null;
  capacity: number | null;
  online: boolean;
  location: string | null;
  provinceCode: string | null;
  status: 'open' | 'closed' | 'cancelled';
}

export const insertCohort = (db: Db, courseId: string, organisationId: string, v: CohortValues) =>
  db
    .insertInto('cohorts')
    .values({
      course_id: courseId,
      organisation_id: organisationId,
      code: v.code,
      name: v.name,
      starts_on: v.startsOn,
      ends_on: v.endsOn,
      capacity: v.capacity,
      online: v.online,
      location: v.location,
      province_code: v.provinceCode,
      status: v.status,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

export const updateCohort = (db: Db, id: string, v: Partial<CohortValues>) =>
  db
    .updateTable('cohorts')
    .set({
      ...(v.code !== undefined ? { code: v.code } : {}),
      ...(v.name !== undefined ? { name: v.name } : {}),
      ...(v.startsOn !== undefined ? { starts_on: v.startsOn } : {}),
      ...(v.endsOn !== undefined ? { ends_on: v.endsOn } : {}),
      ...(v.capacity !== undefined ? { capacity: v.capacity } : {}),
      ...(v.online !== undefined ? { online: v.online } : {}),
      ...(v.location !== undefined ? { location: v.location } : {}),
      ...(v.provinceCode !== undefined ? { province_code: v.provinceCode } : {}),
      ...(v.status !== undefined ? { status: v.status } : {}),
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .execute();

export const countEnrolmentsOfCohort = async (db: Db, cohortId: string) =>
  Number(
    (
      await db
        .selectFrom('enrolments')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('cohort_id', '=', cohortId)
        .executeTakeFirstOrThrow()
    ).n,
  );

export const deleteCohort = (db: Db, id: string) => db.deleteFrom('cohorts').where('id', '=', id).execute();

export const provinceExists = async (db: Db, code: string) =>
  !!(await db.selectFrom('provinces').select('code').where('code', '=', code).executeTakeFirst());

// ---- trainers ----------------------------------------------------------------------------------------

export const trainersOfCohorts = (db: Db, cohortIds: string[]) =>
  cohortIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('cohort_trainers as ct')
        .innerJoin('users as u', 'u.id', 'ct.user_id')
        .select(['ct.cohort_id', 'u.id as user_id', 'u.display_name'])
        .where('ct.cohort_id', 'in', cohortIds)
        .orderBy('u.display_name')
        .execute();

export const isCohortTrainer = async (db: Db, cohortId: string, userId: string) =>
  !!(await db
    .selectFrom('cohort_trainers')
    .select('user_id')
    .where('cohort_id', '=', cohortId)
    .where('user_id', '=', userId)
    .executeTakeFirst());

/** Of these accounts, the ones holding the trainer role in the organisation. */
export const trainersAmong = async (db: Db, organisationId: string, userIds: string[]) =>
  userIds.length === 0
    ? []
    : (
        await db
          .selectFrom('role_grants')
          .select('user_id')
          .distinct()
          .where('organisation_id', '=', organisationId)
          .where('role', '=', 'trainer')
          .where('user_id', 'in', userIds)
          .execute()
      ).map((r) => r.user_id);

export async function replaceCohortTrainers(db: Db, cohortId: string, userIds: string[]) {
  await db.deleteFrom('cohort_trainers').where('cohort_id', '=', cohortId).execute();
  if (userIds.length)
    await db
      .insertInto('cohort_trainers')
      .values(userIds.map((user_id) => ({ cohort_id: cohortId, user_id })))
      .execute();
}

// ---- sessions ----------------------------------------------------------------------------------------

export const listSessions = (db: Db, cohortId: string) =>
  db
    .selectFrom('cohort_sessions')
    .selectAll()
    .where('cohort_id', '=', cohortId)
    .orderBy('starts_at')
    .orderBy('id')
    .execute();

export const findSession = (db: Db, cohortId: string, sessionId: string) =>
  db
    .selectFrom('cohort_sessions')
    .selectAll()
    .where('cohort_id', '=', cohortId)
    .where('id', '=', sessionId)
    .executeTakeFirst();

export interface SessionValues {
  startsAt: string;
  endsAt: string;
  topic: string | null;
  location: string | null;
}

export const insertSession = (db: Db, cohortId: string, v: SessionValues) =>
  db
    .insertInto('cohort_sessions')
    .values({
      cohort_id: cohortId,
      starts_at: v.startsAt,
      ends_at: v.endsAt,
      topic: v.topic,
      location: v.location,
    })
    .returningAll()
    .executeTakeFirstOrThrow();

export const updateSession = (db: Db, id: string, v: Partial<SessionValues>) =>
  db
    .updateTable('cohort_sessions')
    .set({
      ...(v.startsAt !== undefined ? { starts_at: v.startsAt } : {}),
      ...(v.endsAt !== undefined ? { ends_at: v.endsAt } : {}),
      ...(v.topic !== undefined ? { topic: v.topic } : {}),
      ...(v.location !== undefined ? { location: v.location } : {}),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();

export const deleteSession = (db: Db, id: string) =>
  db.deleteFrom('cohort_sessions').where('id', '=', id).execute();

export const countAttendanceOfSession = async (db: Db, sessionId: string) =>
  Number(
    (
      await db
        .selectFrom('attendance')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('session_id', '=', sessionId)
        .executeTakeFirstOrThrow()
    ).n,
  );

/** The next session of each cohort after `now`. */
export const nextSessions = (db: Db, cohortIds: string[], now: Date) =>
  cohortIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('cohort_sessions')
        .select(['cohort_id', 'starts_at', 'ends_at', 'location'])
        .distinctOn('cohort_id')
        .where('cohort_id', 'in', cohortIds)
        .where('ends_at', '>', now)
        .orderBy('cohort_id')
        .orderBy('starts_at')
        .execute();

// ---- enrolments --------------------------------------------------------------------------------------

export const findEnrolment = (db: Db, id: string) =>
  db
    .selectFrom('enrolments as e')
    .innerJoin('cohorts as ch', 'ch.id', 'e.cohort_id')
    .innerJoin('people as p', 'p.id', 'e.person_id')
    .select([
      'e.id',
      'e.cohort_id',
      'e.person_id',
      'e.status',
      'e.source',
      'e.enrolled_at',
      'e.completed_at',
      'e.ended_at',
      'e.transferred_to',
      'ch.course_id',
      'ch.organisation_id',
      'p.full_name',
      'p.user_id',
    ])
    .where('e.id', '=', id)
    .executeTakeFirst();

export type EnrolmentRow = NonNullable<Awaited<ReturnType<typeof findEnrolment>>>;

/** A person's live enrolment in any cohort of a course: one course, one seat at a time. */
export const liveEnrolmentsInCourse = (db: Db, courseId: string, personIds: string[]) =>
  personIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('enrolments as e')
        .innerJoin('cohorts as ch', 'ch.id', 'e.cohort_id')
        .select(['e.id', 'e.person_id', 'e.cohort_id', 'e.status'])
        .where('ch.course_id', '=', courseId)
        .where('e.person_id', 'in', personIds)
        .where('e.status', 'in', ACTIVE)
        .execute();

export const seatsTaken = async (db: Db, cohortId: string) =>
  Number(
    (
      await db
        .selectFrom('enrolments')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('cohort_id', '=', cohortId)
        .where('status', 'in', SEATED)
        .executeTakeFirstOrThrow()
    ).n,
  );

export const insertEnrolment = (
  db: Db,
  e: {
    cohortId: string;
    personId: string;
    status: 'waitlisted' | 'enrolled';
    source: 'self' | 'admin' | 'roster';
    createdBy: string | null;
  },
) =>
  db
    .insertInto('enrolments')
    .values({
      cohort_id: e.cohortId,
      person_id: e.personId,
      status: e.status,
      source: e.source,
      created_by: e.createdBy,
    })
    .returning(['id', 'status', 'enrolled_at'])
    .executeTakeFirstOrThrow();

/** Changes status only from one of `from`: a second, racing change finds nothing to do. */
export const setEnrolmentStatus = (
  db: Db,
  id: string,
  from: EnrolmentStatus[],
  to: EnrolmentStatus,
  extra: { transferredTo?: string } = {},
) =>
  db
    .updateTable('enrolments')
    .set({
      status: to,
      ...(to === 'withdrawn' || to === 'transferred' ? { ended_at: sql`now()` } : {}),
      ...(to === 'completed' ? { completed_at: sql`now()` } : {}),
      ...(extra.transferredTo ? { transferred_to: extra.transferredTo } : {}),
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .where('status', 'in', from)
    .returning(['id', 'status'])
    .executeTakeFirst();

/** The people waiting for a seat, first come first served. */
export const waitlist = (db: Db, cohortId: string, limit: number) =>
  db
    .selectFrom('enrolments as e')
    .innerJoin('people as p', 'p.id', 'e.person_id')
    .select(['e.id', 'e.person_id', 'p.user_id'])
    .where('e.cohort_id', '=', cohortId)
    .where('e.status', '=', 'waitlisted')
    .orderBy('e.enrolled_at')
    .orderBy('e.id')
    .limit(limit)
    .execute();

/** Where each waitlisted enrolment stands in its cohort's queue (1 = next). */
export const waitlistPositions = (db: Db, enrolmentIds: string[]) =>
  enrolmentIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('enrolments as e')
        .select((eb) => [
          'e.id',
          eb
            .selectFrom('enrolments as w')
            .select(sql<number>`count(*)::int`.as('n'))
            .whereRef('w.cohort_id', '=', 'e.cohort_id')
            .where('w.status', '=', 'waitlisted')
            .where((w) =>
              w.or([
                w('w.enrolled_at', '<', w.ref('e.enrolled_at')),
                w.and([w('w.enrolled_at', '=', w.ref('e.enrolled_at')), w('w.id', '<=', w.ref('e.id'))]),
              ]),
            )
            .as('position'),
        ])
        .where('e.id', 'in', enrolmentIds)
        .where('e.status', '=', 'waitlisted')
        .execute();

export interface RosterFilter {
  status?: EnrolmentStatus;
  q?: string;
  sort: 'name' | '-name' | 'enrolledAt' | '-enrolledAt';
  page: number;
  pageSize: number;
}

export async function listEnrolmentsOfCohort(db: Db, cohortId: string, f: RosterFilter) {
  let q = db
    .selectFrom('enrolments as e')
    .innerJoin('people as p', 'p.id', 'e.person_id')
    .innerJoin('cohorts as ch', 'ch.id', 'e.cohort_id')
    .where('e.cohort_id', '=', cohortId);
  if (f.status) q = q.where('e.status', '=', f.status);
  if (f.q?.trim()) q = q.where('p.full_name_folded', 'like', likeFolded(f.q));
  const column = f.sort.replace('-', '') === 'name' ? 'p.full_name_folded' : 'e.enrolled_at';
  const [rows, count] = await Promise.all([
    q
      // At most one certificate per enrolment (unique index credentials_enrolment_key): no duplicate rows.
      .leftJoin('credentials as cr', 'cr.enrolment_id', 'e.id')
      .select([
        'e.id',
        'e.cohort_id',
        'e.person_id',
        'e.status',
        'e.source',
        'e.enrolled_at',
        'e.completed_at',
        'e.ended_at',
        'e.transferred_to',
        'ch.course_id',
        'p.full_name',
        'cr.id as credential_id',
        'cr.revoked_at as credential_revoked_at',
      ])
      .orderBy(column, f.sort.startsWith('-') ? 'desc' : 'asc')
      .orderBy('e.id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/**
 * Copies lesson progress to a learner's new enrolment after a transfer. Quiz passes need no copy:
 * attempts count from any of the person's enrolments in the course (see quizResultsOf).
 */
export async function carryProgress(db: Db, fromId: string, toId: string) {
  await db
    .insertInto('lesson_progress')
    .columns(['enrolment_id', 'lesson_id', 'completed_at'])
    .expression(
      db
        .selectFrom('lesson_progress')
        .select([sql<string>`${toId}::uuid`.as('enrolment_id'), 'lesson_id', 'completed_at'])
        .where('enrolment_id', '=', fromId),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/**
 * People by id, with the account they may have, for enrolment by a partner or a roster: only records
 * that still stand. A record merged into another (`merged_into`) or erased (`anonymised_at`) takes no
 * new enrolment, as it takes no merge (registry/review/merge.ts); the caller skips the ids left out.
 */
export const peopleByIds = (db: Db, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('people')
        .select(['id', 'user_id', 'full_name'])
        .where('id', 'in', ids)
        .where('merged_into', 'is', null)
        .where('anonymised_at', 'is', null)
        // Held until the caller commits: a merge or an erasure of one of them waits for the enrolment.
        .forShare()
        .execute();

export const findUserByEmail = (db: Db, email: string) =>
  db
    .selectFrom('users')
    .select(['id', 'email', 'display_name'])
    .where(sql`lower(email)`, '=', email.trim().toLowerCase())
    .executeTakeFirst();

export const findPersonOfUser = (db: Db, userId: string) =>
  db
    .selectFrom('people')
    .select(['id', 'full_name', 'user_id'])
    .where('user_id', '=', userId)
    .executeTakeFirst();

// ---- lessons and progress --------------------------------------------------------------------------

export const findLesson = (db: Db, id: string) =>
  db
    .selectFrom('lessons')
    .select(['id', 'course_id', 'kind', 'status', 'title', 'quiz_id'])
    .where('id', '=', id)
    .executeTakeFirst();

export const insertLessonProgress = (db: Db, enrolmentId: string, lessonId: string) =>
  db
    .insertInto('lesson_progress')
    .values({ enrolment_id: enrolmentId, lesson_id: lessonId })
    .onConflict((oc) => oc.doNothing())
    .returning(['lesson_id', 'completed_at'])
    .executeTakeFirst();

/** Published lessons of the courses, in reading order (module, then lesson). */
export const publishedLessons = (db: Db, courseIds: string[]) =>
  courseIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('lessons as l')
        .innerJoin('course_modules as m', 'm.id', 'l.module_id')
        .select(['l.id', 'l.course_id', 'l.kind', 'l.title', 'l.required', 'l.quiz_id'])
        .where('l.course_id', 'in', courseIds)
        .where('l.status', '=', 'published')
        .orderBy('l.course_id')
        .orderBy('m.position')
        .orderBy('l.position')
        .orderBy('l.id')
        .execute();

export type LessonRow = Awaited<ReturnType<typeof publishedLessons>>[number];

/** Which enrolments a set-based read covers: a whole cohort, or a list. */
export type Scope = { cohortId: string } | { enrolmentIds: string[] };

const emptyScope = (s: Scope) => 'enrolmentIds' in s && s.enrolmentIds.length === 0;

/*
 * The reads below return their whole answer as one JSON value built in the database, and name lessons
 * and quizzes by their index in the list the caller passes rather than by id: a class of 500 learners
 * has thousands of progress rows, and on PGlite handing rows (and long strings) to JavaScript costs
 * several times what building and parsing one compact JSON document does (bench: learning.gradebook).
 */

/**
 * Which of `lessonIds` each enrolment has marked done, as 0-based indexes into `lessonIds`:
 * `{ [enrolmentId]: number[] }`. Progress on other lessons (drafts, other courses) is left out.
 */
export async function progressOf(
  db: Db,
  scope: Scope,
  lessonIds: string[],
): Promise<Record<string, number[]>> {
  if (emptyScope(scope) || lessonIds.length === 0) return {};
  const ids = sql`${lessonIds}::uuid[]`;
  let inner = db
    .selectFrom('lesson_progress as lp')
    .select([
      'lp.enrolment_id',
      sql<number[]>`json_agg(array_position(${ids}, lp.lesson_id) - 1)`.as('lessons'),
    ])
    .where(sql<SqlBool>`lp.lesson_id = any(${ids})`)
    .groupBy('lp.enrolment_id');
  inner =
    'cohortId' in scope
      ? inner
          .innerJoin('enrolments as e', 'e.id', 'lp.enrolment_id')
          .where('e.cohort_id', '=', scope.cohortId)
      : inner.where('lp.enrolment_id', 'in', scope.enrolmentIds);
  const row = await db
    .selectFrom(inner.as('t'))
    .select(
      sql<Record<string, number[]>>`coalesce(json_object_agg(t.enrolment_id, t.lessons), '{}'::json)`.as('j'),
    )
    .executeTakeFirstOrThrow();
  return row.j;
}

/**
 * Best submitted score per enrolment on each of `quizIds`, and whether it reaches the quiz's pass mark
 * as set now: `{ [enrolmentId]: [quizIndex, bestScore, passed][] }`. Every attempt of the person on the
 * quiz counts, from whichever of their enrolments it was made, so a pass survives a transfer: the rule
 * of the quizzes module's quizPassedByEnrolment, for a whole cohort in one grouped query.
 */
export async function quizResultsOf(
  db: Db,
  scope: Scope,
  quizIds: string[],
): Promise<Record<string, [number, number | null, boolean][]>> {
  if (emptyScope(scope) || quizIds.length === 0) return {};
  const ids = sql`${quizIds}::uuid[]`;
  const base = db
    .selectFrom('enrolments as me')
    .innerJoin('enrolments as e', 'e.person_id', 'me.person_id')
    .innerJoin('quiz_attempts as a', 'a.enrolment_id', 'e.id')
    .innerJoin('quizzes as q', 'q.id', 'a.quiz_id')
    .where(sql<SqlBool>`a.quiz_id = any(${ids})`)
    .where('a.submitted_at', 'is not', null);
  const scoped =
    'cohortId' in scope
      ? base.where('me.cohort_id', '=', scope.cohortId)
      : base.where('me.id', 'in', scope.enrolmentIds);
  const perQuiz = scoped
    .select([
      'me.id as enrolment_id',
      sql<number>`array_position(${ids}, a.quiz_id) - 1`.as('quiz'),
      sql<string | null>`max(a.score_pct)`.as('best'),
      sql<boolean>`coalesce(max(a.score_pct) >= min(q.pass_mark_pct), false)`.as('passed'),
    ])
    .groupBy(['me.id', 'a.quiz_id']);
  const perEnrolment = db
    .selectFrom(perQuiz.as('t'))
    .select(['t.enrolment_id', sql`json_agg(json_build_array(t.quiz, t.best, t.passed))`.as('quizzes')])
    .groupBy('t.enrolment_id');
  const row = await db
    .selectFrom(perEnrolment.as('u'))
    .select(
      sql<
        Record<string, [number, number | null, boolean][]>
      >`coalesce(json_object_agg(u.enrolment_id, u.quizzes), '{}'::json)`.as('j'),
    )
    .executeTakeFirstOrThrow();
  return row.j;
}

/**
 * Present and excused marks per enrolment as `[enrolmentId, present, excused]`, counting only sessions
 * of the enrolment's own cohort that have started by `now`.
 */
export async function attendanceCountsOf(
  db: Db,
  scope: Scope,
  now: Date,
): Promise<[string, number, number][]> {
  if (emptyScope(scope)) return [];
  const counts = (q: ReturnType<typeof attendanceMarks>) =>
    q
      .select((eb) => [
        'a.enrolment_id',
        eb.fn.count<number>('a.session_id').filterWhere('a.status', '=', 'present').as('present'),
        eb.fn.count<number>('a.session_id').filterWhere('a.status', '=', 'excused').as('excused'),
      ])
      .groupBy('a.enrolment_id');
  // A whole cohort: the marks of its held sessions. A list: each enrolment's marks in its own cohort.
  const inner =
    'cohortId' in scope
      ? counts(
          attendanceMarks(db).where('a.session_id', 'in', (eb) =>
            eb
              .selectFrom('cohort_sessions as s')
              .select('s.id')
              .where('s.cohort_id', '=', scope.cohortId)
              .where('s.starts_at', '<=', now),
          ),
        )
      : counts(
          attendanceMarks(db)
            .innerJoin('cohort_sessions as s', 's.id', 'a.session_id')
            .innerJoin('enrolments as e', 'e.id', 'a.enrolment_id')
            .whereRef('s.cohort_id', '=', 'e.cohort_id')
            .where('s.starts_at', '<=', now)
            .where('a.enrolment_id', 'in', scope.enrolmentIds),
        );
  const row = await db
    .selectFrom(inner.as('t'))
    .select(
      sql<
        [string, number, number][]
      >`coalesce(json_agg(json_build_array(t.enrolment_id, t.present, t.excused)), '[]'::json)`.as('j'),
    )
    .executeTakeFirstOrThrow();
  return row.j;
}

const attendanceMarks = (db: Db) => db.selectFrom('attendance as a');

/** Sessions held so far (started by `now`) per cohort. */
export const heldSessions = async (db: Db, cohortIds: string[], now: Date) =>
  cohortIds.length === 0
    ? []
    : (
        await db
          .selectFrom('cohort_sessions')
          .select((eb) => ['cohort_id', eb.fn.countAll<number>().as('held')])
          .where('cohort_id', 'in', cohortIds)
          .where('starts_at', '<=', now)
          .groupBy('cohort_id')
          .execute()
      ).map((r) => ({ cohort_id: r.cohort_id, held: Number(r.held) }));

/** What completion needs to know of each enrolment and its course. */
export const completionSubjects = (db: Db, enrolmentIds: string[]) =>
  enrolmentIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('enrolments as e')
        .innerJoin('cohorts as ch', 'ch.id', 'e.cohort_id')
        .innerJoin('courses as c', 'c.id', 'ch.course_id')
        .innerJoin('people as p', 'p.id', 'e.person_id')
        .select([
          'e.id',
          'e.status',
          'e.cohort_id',
          'e.person_id',
          'p.user_id',
          'ch.organisation_id',
          'ch.code as cohort_code',
          'c.id as course_id',
          'c.title as course_title',
          'c.translations as course_translations',
          'c.teaching_language as course_language',
          'c.delivery_mode',
          'c.min_attendance_pct',
          'c.is_tot',
        ])
        .where('e.id', 'in', enrolmentIds)
        .execute();

/** Enrolled → completed for those still enrolled; returns the ones this call changed. */
export const markCompleted = (db: Db, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .updateTable('enrolments')
        .set({ status: 'completed', completed_at: sql`now()`, updated_at: sql`now()` })
        .where('id', 'in', ids)
        .where('status', '=', 'enrolled')
        .returning(['id', 'completed_at'])
        .execute();

export const credentialsOfEnrolments = (db: Db, enrolmentIds: string[]) =>
  enrolmentIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('credentials')
        .select(['id', 'enrolment_id'])
        .where('enrolment_id', 'in', enrolmentIds)
        .execute();

export const insertTrainerCertification = (db: Db, personId: string, courseId: string) =>
  db
    .insertInto('trainer_certifications')
    .values({ person_id: personId, course_id: courseId })
    .onConflict((oc) => oc.columns(['person_id', 'course_id']).doNothing())
    .execute();

export const linkCertificationCredential = (
  db: Db,
  personId: string,
  courseId: string,
  credentialId: string,
) =>
  db
    .updateTable('trainer_certifications')
    .set({ credential_id: credentialId })
    .where('person_id', '=', personId)
    .where('course_id', '=', courseId)
    .where('credential_id', 'is', null)
    .execute();

// ---- attendance --------------------------------------------------------------------------------------

/** Of these enrolments, the ones of the cohort that hold a seat (attendance is taken for them). */
export const seatedEnrolmentsAmong = (db: Db, cohortId: string, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('enrolments')
        .select(['id', 'person_id'])
        .where('cohort_id', '=', cohortId)
        .where('status', 'in', SEATED)
        .where('id', 'in', ids)
        .execute();

export const attendanceOfSession = (db: Db, sessionId: string, enrolmentIds?: string[]) => {
  let q = db
    .selectFrom('attendance')
    .select(['enrolment_id', 'status', 'recorded_at', 'recorded_by'])
    .where('session_id', '=', sessionId);
  if (enrolmentIds) {
    if (enrolmentIds.length === 0) return Promise.resolve([]);
    q = q.where('enrolment_id', 'in', enrolmentIds);
  }
  return q.execute();
};

export const upsertAttendance = (
  db: Db,
  sessionId: string,
  rows: { enrolmentId: string; status: AttendanceStatus }[],
  recordedBy: string,
) =>
  rows.length === 0
    ? Promise.resolve()
    : db
        .insertInto('attendance')
        .values(
          rows.map((r) => ({
            session_id: sessionId,
            enrolment_id: r.enrolmentId,
            status: r.status,
            recorded_by: recordedBy,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['session_id', 'enrolment_id']).doUpdateSet({
            status: (eb) => eb.ref('excluded.status'),
            recorded_by: (eb) => eb.ref('excluded.recorded_by'),
            recorded_at: sql`now()`,
          }),
        )
        .execute()
        .then(() => undefined);

/** The seated learners of a cohort with their mark for one session (null when none yet). */
export const sessionRoster = (db: Db, cohortId: string, sessionId: string) =>
  db
    .selectFrom('enrolments as e')
    .innerJoin('people as p', 'p.id', 'e.person_id')
    .leftJoin('attendance as a', (j) =>
      j.onRef('a.enrolment_id', '=', 'e.id').on('a.session_id', '=', sessionId),
    )
    .select(['e.id as enrolment_id', 'e.person_id', 'p.full_name', 'a.status', 'a.recorded_at'])
    .where('e.cohort_id', '=', cohortId)
    .where('e.status', 'in', SEATED)
    .orderBy('p.full_name_folded')
    .orderBy('e.id')
    .execute();

// ---- gradebook and "my learning" -------------------------------------------------------------------

/** Every enrolment of a cohort with the person's name, for the gradebook. */
export async function gradebookEnrolments(db: Db, cohortId: string) {
  const rows = db
    .selectFrom('enrolments as e')
    .innerJoin('people as p', 'p.id', 'e.person_id')
    .select(['e.id', 'e.person_id', 'e.status', 'p.full_name', 'p.full_name_folded'])
    .where('e.cohort_id', '=', cohortId);
  // One JSON document rather than a row per learner: see the note above progressOf.
  const row = await db
    .selectFrom(rows.as('t'))
    .select(
      sql<
        {
          id: string;
          person_id: string;
          status: EnrolmentStatus;
          full_name: string;
          full_name_folded: string;
        }[]
      >`coalesce(json_agg(t order by t.full_name_folded, t.id), '[]'::json)`.as('j'),
    )
    .executeTakeFirstOrThrow();
  return row.j;
}

/** A person's live and completed enrolments with their cohort and course. */
export const learningOfPerson = (db: Db, personId: string) =>
  db
    .selectFrom('enrolments as e')
    .innerJoin('cohorts as ch', 'ch.id', 'e.cohort_id')
    .innerJoin('courses as c', 'c.id', 'ch.course_id')
    .select([
      'e.id',
      'e.status',
      'e.enrolled_at',
      'e.completed_at',
      'ch.id as cohort_id',
      'ch.code as cohort_code',
      'ch.name as cohort_name',
      'ch.starts_on',
      'ch.ends_on',
      'ch.online',
      'ch.province_code',
      'c.id as course_id',
      'c.slug as course_slug',
      'c.title as course_title',
      'c.translations as course_translations',
      'c.teaching_language as course_language',
    ])
    .where('e.person_id', '=', personId)
    .where('e.status', 'in', ACTIVE)
    .orderBy('e.enrolled_at', 'desc')
    .orderBy('e.id')
    .execute();

// ---- reminders ---------------------------------------------------------------------------------------

/** Learners with an account, seated in a cohort starting on `day`, not yet reminded of it. */
export const cohortStartReminderTargets = (db: Db, day: string) =>
  db
    .selectFrom('enrolments as e')
    .innerJoin('cohorts as ch', 'ch.id', 'e.cohort_id')
    .innerJoin('courses as c', 'c.id', 'ch.course_id')
    .innerJoin('people as p', 'p.id', 'e.person_id')
    .select([
      'e.id as enrolment_id',
      'p.user_id',
      'ch.id as cohort_id',
      'ch.code as cohort_code',
      'ch.name as cohort_name',
      'ch.starts_on',
      'ch.location',
      'ch.online',
      'c.title as course_title',
      'c.translations as course_translations',
      'c.teaching_language as course_language',
    ])
    .where('ch.starts_on', '=', day)
    .where('ch.status', '<>', 'cancelled')
    .where('e.status', '=', 'enrolled')
    .where('p.user_id', 'is not', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('notifications as n')
            .select('n.id')
            .whereRef('n.user_id', '=', 'p.user_id')
            .where('n.kind', '=', 'cohort_starting')
            .where(sql`n.params->>'cohortId'`, '=', sql`ch.id::text`),
        ),
      ),
    )
    .orderBy('e.id')
    .execute();

// ---- trainers' reach ---------------------------------------------------------------------------------

export interface BeneficiaryFilter {
  trainerPersonId?: string;
  organisationId?: string;
  /** Only cohorts of these organisations (a partner admin's view). */
  organisationIds?: string[];
  /** Cohorts starting on or after / on or before these ISO dates. */
  from?: string;
  to?: string;
  /** The day (Vietnam) that counts as today; cohorts starting later have reached nobody yet. */
  today?: string;
}

/**
 * The indirect beneficiaries of training of trainers: distinct people seated (enrolled or completed)
 * in cohorts taught by a certified trainer, in cohorts that started on or after the day (Vietnam time)
 * of that trainer's first certification and by today. Cancelled cohorts, cohorts without a start date
 * and cohorts still to start reach nobody; the trainer in their own class is not counted. The query returns one `person_id` per beneficiary, so callers can count or join it.
 */
export function indirectBeneficiariesQuery(db: Db, f: BeneficiaryFilter) {
  const today = f.today ?? todayInVietnam();
  const certified = db
    .selectFrom('trainer_certifications')
    .select(['person_id', sql<Date>`min(certified_at)`.as('certified_at')])
    .groupBy('person_id');
  let q = db
    .selectFrom('cohort_trainers as ct')
    .innerJoin('people as tp', 'tp.user_id', 'ct.user_id')
    .innerJoin(certified.as('tc'), 'tc.person_id', 'tp.id')
    .innerJoin('cohorts as ch', 'ch.id', 'ct.cohort_id')
    .innerJoin('enrolments as e', 'e.cohort_id', 'ch.id')
    .where('e.status', 'in', SEATED)
    .whereRef('e.person_id', '<>', 'tp.id')
    .where('ch.status', '<>', 'cancelled')
    .where('ch.starts_on', 'is not', null)
    .where('ch.starts_on', '<=', today)
    .where(sql<SqlBool>`ch.starts_on >= (tc.certified_at at time zone 'Asia/Ho_Chi_Minh')::date`);
  if (f.trainerPersonId) q = q.where('tp.id', '=', f.trainerPersonId);
  if (f.organisationId) q = q.where('ch.organisation_id', '=', f.organisationId);
  if (f.organisationIds) {
    const ids = f.organisationIds;
    q = ids.length ? q.where('ch.organisation_id', 'in', ids) : q.where(sql<SqlBool>`false`);
  }
  if (f.from) q = q.where('ch.starts_on', '>=', f.from);
  if (f.to) q = q.where('ch.starts_on', '<=', f.to);
  return q.select('e.person_id').distinct();
}

/** How many people certified trainers reached (see indirectBeneficiariesQuery for the rule). */
export async function indirectBeneficiaries(db: Db, f: BeneficiaryFilter): Promise<{ count: number }> {
  const row = await db
    .selectFrom(indirectBeneficiariesQuery(db, f).as('b'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { count: Number(row.n) };
}

export async function listIndirectBeneficiaries(
  db: Db,
  f: BeneficiaryFilter,
  page: { page: number; pageSize: number },
) {
  const [rows, count] = await Promise.all([
    db
      .selectFrom(indirectBeneficiariesQuery(db, f).as('b'))
      .innerJoin('people as p', 'p.id', 'b.person_id')
      .select(['p.id', 'p.full_name', 'p.province_code', 'p.sex'])
      .orderBy('p.full_name_folded')
      .orderBy('p.id')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    indirectBeneficiaries(db, f),
  ]);
  return { rows, total: count.count };
}

/**
 * A person by id with their account, and whether the record still stands: `merged_into` (merged into
 * another record, registry/review/merge.ts) and `anonymised_at` (erased) let the caller refuse it.
 * `lock` holds the row until the caller's transaction ends, so a merge cannot slip in before it writes.
 */
export const findPersonWithAccount = (db: Db, personId: string, opts: { lock?: boolean } = {}) =>
  db
    .selectFrom('people')
    .select(['id', 'user_id', 'full_name', 'merged_into', 'anonymised_at'])
    .where('id', '=', personId)
    .$if(opts.lock === true, (q) => q.forShare())
    .executeTakeFirst();

/** Organisations a trainer belongs to: where they hold the trainer role, and where they taught. */
export async function organisationsOfTrainer(db: Db, userId: string) {
  const [grants, taught] = await Promise.all([
    db
      .selectFrom('role_grants')
      .select('organisation_id')
      .where('user_id', '=', userId)
      .where('role', '=', 'trainer')
      .where('organisation_id', 'is not', null)
      .execute(),
    db
      .selectFrom('cohort_trainers as ct')
      .innerJoin('cohorts as ch', 'ch.id', 'ct.cohort_id')
      .select('ch.organisation_id')
      .where('ct.user_id', '=', userId)
      .execute(),
  ]);
  return [...new Set([...grants.map((g) => g.organisation_id!), ...taught.map((t) => t.organisation_id)])];
}

export const certificationsOf = (db: Db, personId: string) =>
  db
    .selectFrom('trainer_certifications as tc')
    .innerJoin('courses as c', 'c.id', 'tc.course_id')
    .select([
      'tc.course_id',
      'tc.credential_id',
      'tc.certified_at',
      'c.title',
      'c.translations',
      'c.teaching_language',
    ])
    .where('tc.person_id', '=', personId)
    .orderBy('tc.certified_at')
    .execute();

export const findLessonProgress = (db: Db, enrolmentId: string, lessonId: string) =>
  db
    .selectFrom('lesson_progress')
    .select(['lesson_id', 'completed_at'])
    .where('enrolment_id', '=', enrolmentId)
    .where('lesson_id', '=', lessonId)
    .executeTakeFirst();

// ---- demo ----------------------------------------------------------------------------------------------

/** Published courses of the demo organisations, in a stable order. */
export const demoCourses = (db: Db) =>
  db
    .selectFrom('courses as c')
    .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
    .select(['c.id', 'c.slug', 'c.title', 'c.organisation_id', 'c.delivery_mode', 'c.province_code'])
    .where('o.is_demo', '=', true)
    .where('c.status', '=', 'published')
    .orderBy('o.slug')
    .orderBy('c.slug')
    .execute();

/** Accounts holding the learner role in an organisation, in e-mail order. */
export const learnerAccountsOf = (db: Db, organisationId: string) =>
  db
    .selectFrom('role_grants as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .select(['u.id', 'u.email'])
    .where('g.organisation_id', '=', organisationId)
    .where('g.role', '=', 'learner')
    .where('u.disabled', '=', false)
    .orderBy('u.email')
    .execute();

export const setCertifiedAt = (db: Db, personId: string, courseId: string, at: Date) =>
  db
    .updateTable('trainer_certifications')
    .set({ certified_at: at })
    .where('person_id', '=', personId)
    .where('course_id', '=', courseId)
    .execute();
