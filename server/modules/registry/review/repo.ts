/**
 * SQL of the review queue, merges and their undoing. A merge writes to tables other modules own
 * (enrolments, attendance, lesson progress, credentials, trainer certifications, consents); it does so
 * here, in one place a reviewer can read, and only by moving a row from one person to the other or by
 * the few changes merge.ts records for its undo.
 */
import { type Kysely, sql } from 'kysely';
import type { DB, DuplicatePairStatus } from '../../../db/schema';

type Db = Kysely<DB>;

/** A timestamp as PostgreSQL writes it, to the microsecond, so an undo puts back the very value. */
const exact = (column: string) => sql<string | null>`${sql.ref(column)}::text`;

// ---- the queue -------------------------------------------------------------------------------------

export type PairSort = '-score' | 'score' | '-createdAt' | 'createdAt';

/**
 * Pairs by status. Open pairs whose person was merged away or erased since are left out: there is
 * nothing to decide about them while that lasts (an undone merge brings them back).
 */
export async function listPairs(
  db: Db,
  f: { status: DuplicatePairStatus; sort: PairSort; limit: number; offset: number },
) {
  let base = db
    .selectFrom('duplicate_pairs as d')
    .innerJoin('people as pa', 'pa.id', 'd.person_a')
    .innerJoin('people as pb', 'pb.id', 'd.person_b')
    .where('d.status', '=', f.status);
  if (f.status === 'open')
    base = base
      .where('pa.merged_into', 'is', null)
      .where('pb.merged_into', 'is', null)
      .where('pa.anonymised_at', 'is', null)
      .where('pb.anonymised_at', 'is', null);
  const column = f.sort.endsWith('score') ? 'd.score' : 'd.created_at';
  const direction = f.sort.startsWith('-') ? 'desc' : 'asc';
  const [rows, total] = await Promise.all([
    base
      .leftJoin('users as u', 'u.id', 'd.decided_by')
      .selectAll('d')
      .select('u.display_name as decided_by_name')
      .orderBy(column, direction)
      .orderBy('d.created_at', 'desc')
      .orderBy('d.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export const findPair = (db: Db, id: string) =>
  db
    .selectFrom('duplicate_pairs as d')
    .leftJoin('users as u', 'u.id', 'd.decided_by')
    .selectAll('d')
    .select('u.display_name as decided_by_name')
    .where('d.id', '=', id)
    .executeTakeFirst();
export type PairRow = NonNullable<Awaited<ReturnType<typeof findPair>>>;

/** The pair locked for its decision, with its decision columns exactly as stored. */
export const lockPair = (db: Db, id: string) =>
  db
    .selectFrom('duplicate_pairs')
    .select(['id', 'person_a', 'person_b', 'status', 'decided_by', exact('decided_at').as('decided_at')])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();

/** The two records side by side: identity, place, account, who knows them, how much they hold. */
export const peopleForReview = (db: Db, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('people as p')
        .leftJoin('provinces as pr', 'pr.code', 'p.province_code')
        .select([
          'p.id',
          'p.full_name',
          'p.sex',
          'p.date_of_birth',
          'p.province_code',
          'pr.name as province_name',
          'pr.name_en as province_name_en',
          'p.phone',
          'p.email',
          'p.national_id_hash',
          'p.user_id',
          'p.merged_into',
          'p.anonymised_at',
          'p.created_at',
        ])
        .select((eb) => [
          eb
            .selectFrom('enrolments as e')
            .select(eb.fn.countAll<number>().as('n'))
            .whereRef('e.person_id', '=', 'p.id')
            .as('enrolments'),
          eb
            .selectFrom('credentials as c')
            .select(eb.fn.countAll<number>().as('n'))
            .whereRef('c.person_id', '=', 'p.id')
            .as('certificates'),
          sql<string[]>`coalesce((select array_agg(o.name order by po.created_at, o.name)
            from person_organisations po join organisations o on o.id = po.organisation_id
            where po.person_id = p.id), '{}')`.as('organisations'),
        ])
        .where('p.id', 'in', [...ids])
        .execute();
export type ReviewPersonRow = Awaited<ReturnType<typeof peopleForReview>>[number];

/**
 * The merges standing (not undone) for these pairs, and whether each may be undone now: not when a
 * later standing merge involves one of its two people, nor when one of them has been erased since.
 */
export const standingMergesOfPairs = (db: Db, pairIds: readonly string[]) =>
  pairIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('person_merges as m')
        .leftJoin('users as u', 'u.id', 'm.merged_by')
        .select([
          'm.id',
          'm.pair_id',
          'm.survivor_id',
          'm.merged_id',
          'm.merged_at',
          'u.display_name as merged_by_name',
          sql<boolean>`not exists (select 1 from person_merges l
              where l.undone_at is null and l.merged_at > m.merged_at
                and (l.survivor_id in (m.survivor_id, m.merged_id) or l.merged_id in (m.survivor_id, m.merged_id)))
            and not exists (select 1 from people x
              where x.id in (m.survivor_id, m.merged_id) and x.anonymised_at is not null)`.as('can_undo'),
        ])
        .where('m.pair_id', 'in', [...pairIds])
        .where('m.undone_at', 'is', null)
        .execute();

export const setPairDecision = (
  db: Db,
  id: string,
  d: { status: DuplicatePairStatus; decidedBy: string | null; decidedAt: 'now' | string | null },
) =>
  db
    .updateTable('duplicate_pairs')
    .set({
      status: d.status,
      decided_by: d.decidedBy,
      decided_at:
        d.decidedAt === 'now' ? sql`now()` : d.decidedAt === null ? null : sql`${d.decidedAt}::timestamptz`,
    })
    .where('id', '=', id)
    .execute();

// ---- people ------------------------------------------------------------------------------------------

/** Both records of a merge, locked in id order (two merges of the same people cannot deadlock). */
export const lockPeople = (db: Db, ids: readonly string[]) =>
  db
    .selectFrom('people')
    .selectAll()
    .select(exact('updated_at').as('updated_at_exact'))
    .where('id', 'in', [...ids])
    .orderBy('id')
    .forUpdate()
    .execute();
export type LockedPerson = Awaited<ReturnType<typeof lockPeople>>[number];

/** Identity fields a merge may fill on the survivor (only where it has none). */
export interface IdentityFill {
  sex?: 'F' | 'M' | 'X';
  date_of_birth?: string;
  province_code?: string;
  commune_code?: string;
  phone?: string;
  email?: string;
  disability?: boolean;
  national_id_hash?: string;
  national_id_enc?: string | null;
}

export const updateSurvivor = (db: Db, id: string, fill: IdentityFill, userId: string | undefined) =>
  db
    .updateTable('people')
    .set({ ...fill, ...(userId ? { user_id: userId } : {}), updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();

export const markMerged = (db: Db, id: string, survivorId: string, takeAccount: boolean) =>
  db
    .updateTable('people')
    .set({ merged_into: survivorId, ...(takeAccount ? { user_id: null } : {}), updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();

/** Puts identity columns back as they were before the merge (`null`: the survivor had none). */
export const restorePerson = (
  db: Db,
  id: string,
  values: { [K in keyof IdentityFill]?: null } & {
    user_id?: string | null;
    merged_into?: null;
    updated_at: string;
  },
) =>
  db
    .updateTable('people')
    .set({ ...values, updated_at: sql`${values.updated_at}::timestamptz` })
    .where('id', '=', id)
    .execute();

/** Records merged earlier into `from` now point at `to` (one hop to the record that stands). */
export const repointMergedInto = (db: Db, from: string, to: string) =>
  db
    .updateTable('people')
    .set({ merged_into: to })
    .where('merged_into', '=', from)
    .returning('id')
    .execute()
    .then((rows) => rows.map((r) => r.id));

export const restoreMergedInto = (db: Db, ids: readonly string[], from: string, to: string) =>
  ids.length === 0
    ? Promise.resolve()
    : db
        .updateTable('people')
        .set({ merged_into: to })
        .where('id', 'in', [...ids])
        .where('merged_into', '=', from)
        .execute()
        .then(() => undefined);

// ---- enrolments and what hangs on them ---------------------------------------------------------------

/** Active enrolments (waitlisted, enrolled, completed) of these people: at most one per class each. */
export const activeEnrolments = (db: Db, personIds: readonly string[]) =>
  db
    .selectFrom('enrolments')
    .select(['id', 'cohort_id', 'person_id', 'status', 'enrolled_at'])
    .where('person_id', 'in', [...personIds])
    .where('status', 'in', ['waitlisted', 'enrolled', 'completed'])
    .execute();

/** An enrolment's state columns exactly as stored, before a merge ends it. */
export const enrolmentState = (db: Db, id: string) =>
  db
    .selectFrom('enrolments')
    .select([
      'id',
      'status',
      'transferred_to',
      exact('ended_at').as('ended_at'),
      exact('updated_at').as('updated_at'),
    ])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

/** Ends one of two enrolments of the same person in the same class: it continues as `keptId`. */
export const endAsTransferred = (db: Db, id: string, keptId: string) =>
  db
    .updateTable('enrolments')
    .set({ status: 'transferred', transferred_to: keptId, ended_at: sql`now()`, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();

export const restoreEnrolmentState = (
  db: Db,
  s: {
    id: string;
    status: 'waitlisted' | 'enrolled' | 'completed';
    transferredTo: string | null;
    endedAt: string | null;
    updatedAt: string;
  },
) =>
  db
    .updateTable('enrolments')
    .set({
      status: s.status,
      transferred_to: s.transferredTo,
      ended_at: s.endedAt === null ? null : sql`${s.endedAt}::timestamptz`,
      updated_at: sql`${s.updatedAt}::timestamptz`,
    })
    .where('id', '=', s.id)
    .execute();

/** Copies the lessons done under one enrolment to another that lacks them; the lessons copied. */
export const copyProgress = (db: Db, fromId: string, toId: string) =>
  sql<{ lesson_id: string }>`
    insert into lesson_progress (enrolment_id, lesson_id, completed_at)
    select ${toId}::uuid, lesson_id, completed_at from lesson_progress where enrolment_id = ${fromId}::uuid
    on conflict do nothing
    returning lesson_id`
    .execute(db)
    .then((r) => r.rows.map((x) => x.lesson_id));

/** Copies attendance of the same class's sessions to the enrolment that lacks it; the sessions copied. */
export const copyAttendance = (db: Db, fromId: string, toId: string) =>
  sql<{ session_id: string }>`
    insert into attendance (session_id, enrolment_id, status, recorded_by, recorded_at)
    select session_id, ${toId}::uuid, status, recorded_by, recorded_at from attendance
    where enrolment_id = ${fromId}::uuid
    on conflict do nothing
    returning session_id`
    .execute(db)
    .then((r) => r.rows.map((x) => x.session_id));

export const deleteProgress = (db: Db, enrolmentId: string, lessonIds: readonly string[]) =>
  lessonIds.length === 0
    ? Promise.resolve()
    : db
        .deleteFrom('lesson_progress')
        .where('enrolment_id', '=', enrolmentId)
        .where('lesson_id', 'in', [...lessonIds])
        .execute()
        .then(() => undefined);

export const deleteAttendance = (db: Db, enrolmentId: string, sessionIds: readonly string[]) =>
  sessionIds.length === 0
    ? Promise.resolve()
    : db
        .deleteFrom('attendance')
        .where('enrolment_id', '=', enrolmentId)
        .where('session_id', 'in', [...sessionIds])
        .execute()
        .then(() => undefined);

// ---- moving rows from one person to the other ----------------------------------------------------------

/** Tables whose rows belong to a person by `person_id` and carry their own id. */
type ById = 'enrolments' | 'credentials' | 'consents';

/** Every row of the person moves; the ids moved. */
export const moveAll = (db: Db, table: ById, from: string, to: string) =>
  db
    .updateTable(table)
    .set({ person_id: to })
    .where('person_id', '=', from)
    .returning('id')
    .execute()
    .then((rows) => rows.map((r) => r.id));

export const moveBack = (db: Db, table: ById, ids: readonly string[], from: string, to: string) =>
  ids.length === 0
    ? Promise.resolve()
    : db
        .updateTable(table)
        .set({ person_id: to })
        .where('id', 'in', [...ids])
        .where('person_id', '=', from)
        .execute()
        .then(() => undefined);

/**
 * Tables keyed by (person, something): a row moves when the survivor has none for the same thing; one
 * it has already stays with the merged record (the same fact, recorded twice).
 */
const keyed = {
  person_organisations: 'organisation_id',
  trainer_certifications: 'course_id',
} as const;
type Keyed = keyof typeof keyed;

export async function moveKeyed(db: Db, table: Keyed, from: string, to: string): Promise<string[]> {
  const column = keyed[table];
  const { rows } = await sql<{ k: string }>`
    update ${sql.table(table)} as t set person_id = ${to}::uuid
    where t.person_id = ${from}::uuid
      and not exists (select 1 from ${sql.table(table)} s where s.person_id = ${to}::uuid and s.${sql.ref(column)} = t.${sql.ref(column)})
    returning t.${sql.ref(column)}::text as k`.execute(db);
  return rows.map((r) => r.k);
}

export async function moveKeyedBack(db: Db, table: Keyed, keys: readonly string[], from: string, to: string) {
  if (keys.length === 0) return;
  const column = keyed[table];
  await sql`
    update ${sql.table(table)} set person_id = ${to}::uuid
    where person_id = ${from}::uuid and ${sql.ref(column)}::text = any(${sql.val([...keys])}::text[])`.execute(
    db,
  );
}

// ---- event participations (one per person and event) -------------------------------------------------

/**
 * Events both people take part in: the survivor's participation (kept), the merged record's (left with
 * it), and whether the kept one lacks the other's check-in (then it takes it, `copyEventCheckIn`).
 */
export const sameEventParticipations = (db: Db, survivorId: string, mergedId: string) =>
  db
    .selectFrom('event_participants as s')
    .innerJoin('event_participants as m', 'm.event_id', 's.event_id')
    .select(['s.id as kept_id', 'm.id as other_id'])
    .select(sql<boolean>`s.checked_in_at is null and m.checked_in_at is not null`.as('takes_check_in'))
    .where('s.person_id', '=', survivorId)
    .where('m.person_id', '=', mergedId)
    .orderBy('s.id')
    .execute();

/** The kept participation takes the other's check-in, time and staff member as they were. */
export const copyEventCheckIn = (db: Db, keptId: string, fromId: string) =>
  sql`
    update event_participants as k set checked_in_at = f.checked_in_at, checked_in_by = f.checked_in_by
    from event_participants as f
    where k.id = ${keptId}::uuid and f.id = ${fromId}::uuid and k.checked_in_at is null`.execute(db);

export const clearEventCheckIn = (db: Db, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve()
    : db
        .updateTable('event_participants')
        .set({ checked_in_at: null, checked_in_by: null })
        .where('id', 'in', [...ids])
        .execute()
        .then(() => undefined);

/** The merged record's participations in events the survivor has none in; the ids moved. */
export const moveEventParticipations = (db: Db, from: string, to: string) =>
  sql<{ id: string }>`
    update event_participants as t set person_id = ${to}::uuid
    where t.person_id = ${from}::uuid
      and not exists (select 1 from event_participants s where s.person_id = ${to}::uuid and s.event_id = t.event_id)
    returning t.id`
    .execute(db)
    .then((r) => r.rows.map((x) => x.id));

export const moveEventParticipationsBack = (db: Db, ids: readonly string[], from: string, to: string) =>
  ids.length === 0
    ? Promise.resolve()
    : db
        .updateTable('event_participants')
        .set({ person_id: to })
        .where('id', 'in', [...ids])
        .where('person_id', '=', from)
        .execute()
        .then(() => undefined);

// ---- other pairs of the merged record ------------------------------------------------------------------

/** Open pairs of a person other than `exceptId`, with whether the other person still stands. */
/** The open pairs of a person, but the one being decided (`exceptId`, none for a merge without a pair). */
export const openPairsOf = (db: Db, personId: string, exceptId: string | null) =>
  db
    .selectFrom('duplicate_pairs as d')
    .innerJoin('people as x', (j) =>
      j.on((eb) =>
        eb(
          'x.id',
          '=',
          eb
            .case()
            .when('d.person_a', '=', personId)
            .then(eb.ref('d.person_b'))
            .else(eb.ref('d.person_a'))
            .end(),
        ),
      ),
    )
    .select(['d.id', 'd.person_a', 'd.person_b', 'x.id as other_id', 'x.merged_into', 'x.anonymised_at'])
    .where('d.status', '=', 'open')
    .$if(exceptId !== null, (q) => q.where('d.id', '!=', exceptId!))
    .where((eb) => eb.or([eb('d.person_a', '=', personId), eb('d.person_b', '=', personId)]))
    .execute();

export const pairExists = async (db: Db, a: string, b: string) =>
  !!(await db
    .selectFrom('duplicate_pairs')
    .select('id')
    .where('person_a', '=', a < b ? a : b)
    .where('person_b', '=', a < b ? b : a)
    .executeTakeFirst());

export const setPairPeople = (db: Db, id: string, a: string, b: string) =>
  db.updateTable('duplicate_pairs').set({ person_a: a, person_b: b }).where('id', '=', id).execute();

// ---- merges ----------------------------------------------------------------------------------------------

export const insertMerge = (
  db: Db,
  m: { survivorId: string; mergedId: string; pairId: string | null; moved: unknown; mergedBy: string | null },
) =>
  db
    .insertInto('person_merges')
    .values({
      survivor_id: m.survivorId,
      merged_id: m.mergedId,
      pair_id: m.pairId,
      moved: JSON.stringify(m.moved),
      merged_by: m.mergedBy,
      // The clock, not the transaction's start: merges are ordered by it to find which came later.
      merged_at: sql`clock_timestamp()`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

const mergeColumns = [
  'm.id',
  'm.pair_id',
  'm.survivor_id',
  'm.merged_id',
  'm.moved',
  'm.merged_at',
  'm.undone_at',
  'mu.display_name as merged_by_name',
  'uu.display_name as undone_by_name',
] as const;

export const findMerge = (db: Db, id: string) =>
  db
    .selectFrom('person_merges as m')
    .leftJoin('users as mu', 'mu.id', 'm.merged_by')
    .leftJoin('users as uu', 'uu.id', 'm.undone_by')
    .select(mergeColumns)
    .where('m.id', '=', id)
    .executeTakeFirst();
export type MergeRow = NonNullable<Awaited<ReturnType<typeof findMerge>>>;

export const lockMerge = (db: Db, id: string) =>
  db.selectFrom('person_merges').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

/** The standing merge of a pair, if any (a pair merged, undone and merged again has one standing). */
export const standingMergeOfPair = (db: Db, pairId: string) =>
  db
    .selectFrom('person_merges')
    .select('id')
    .where('pair_id', '=', pairId)
    .where('undone_at', 'is', null)
    .orderBy('merged_at', 'desc')
    .executeTakeFirst();

/** Whether a standing merge later than this one involves one of its people. */
export const laterMergeExists = async (db: Db, m: { id: string; survivor_id: string; merged_id: string }) =>
  !!(await db
    .selectFrom('person_merges')
    .select('id')
    .where('undone_at', 'is', null)
    .where('id', '!=', m.id)
    .where(sql<boolean>`merged_at > (select merged_at from person_merges where id = ${m.id})`)
    .where((eb) =>
      eb.or([
        eb('survivor_id', 'in', [m.survivor_id, m.merged_id]),
        eb('merged_id', 'in', [m.survivor_id, m.merged_id]),
      ]),
    )
    .executeTakeFirst());

export const markUndone = (db: Db, id: string, by: string) =>
  db
    .updateTable('person_merges')
    .set({ undone_at: sql`clock_timestamp()`, undone_by: by })
    .where('id', '=', id)
    .execute();

// ---- demo data -------------------------------------------------------------------------------------

export const personByEmail = (db: Db, email: string) =>
  db.selectFrom('people').select('id').where('email', '=', email).executeTakeFirst();

/** A demo person's identity and contact fields, filled where empty (never overwriting). */
export const fillIdentity = (
  db: Db,
  id: string,
  v: { sex?: 'F' | 'M'; dateOfBirth?: string; provinceCode?: string; phone?: string; email?: string },
) =>
  db
    .updateTable('people')
    .set({
      sex: sql`coalesce(sex, ${v.sex ?? null})`,
      date_of_birth: sql`coalesce(date_of_birth, ${v.dateOfBirth ?? null}::date)`,
      province_code: sql`coalesce(province_code, ${v.provinceCode ?? null})`,
      phone: sql`coalesce(phone, ${v.phone ?? null})`,
      email: sql`coalesce(email, ${v.email ?? null})`,
    })
    .where('id', '=', id)
    .returning([
      'id',
      'full_name',
      'sex',
      'date_of_birth',
      'province_code',
      'phone',
      'email',
      'national_id_hash',
    ])
    .executeTakeFirstOrThrow();

export const knownTo = (db: Db, personId: string, organisationId: string) =>
  db
    .insertInto('person_organisations')
    .values({ person_id: personId, organisation_id: organisationId })
    .onConflict((oc) => oc.doNothing())
    .execute();

export const queuePair = (db: Db, x: string, y: string, score: number, reasons: string[]) =>
  db
    .insertInto('duplicate_pairs')
    .values({ person_a: x < y ? x : y, person_b: x < y ? y : x, score, reasons })
    .onConflict((oc) => oc.columns(['person_a', 'person_b']).doNothing())
    .execute();
