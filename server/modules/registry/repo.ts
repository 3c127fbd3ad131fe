/** SQL of the people registry: match candidates, people and their keys, imports, duplicate pairs. */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';

type Db = Kysely<DB>;

/** Rows per multi-row statement: well under PostgreSQL's 65,535 parameters for the widest table. */
export const BATCH = 1_000;

export const personMatchColumns = [
  'p.id',
  'p.full_name',
  'p.sex',
  'p.date_of_birth',
  'p.province_code',
  'p.phone',
  'p.email',
  'p.national_id_hash',
] as const;

/**
 * The living people (not merged away, not anonymised) holding any of `keys`. A key held by more than
 * `maxPerKey` people says too little to be worth comparing (a common name without a birth date).
 */
export async function candidatesByKeys(db: Db, keys: string[], maxPerKey: number) {
  if (keys.length === 0) return [];
  return db
    .with('hits', (qb) =>
      qb
        .selectFrom('person_keys as k')
        .select(['k.key', 'k.person_id', sql<number>`count(*) over (partition by k.key)`.as('n')])
        .where('k.key', '=', sql<string>`any(${sql.val(keys)}::text[])`),
    )
    .selectFrom('hits as h')
    .innerJoin('people as p', 'p.id', 'h.person_id')
    .where('h.n', '<=', maxPerKey)
    .where('p.merged_into', 'is', null)
    .where('p.anonymised_at', 'is', null)
    .select(['h.key', ...personMatchColumns])
    .execute();
}

export interface NewPersonRow {
  id: string;
  full_name: string;
  full_name_folded: string;
  sex: 'F' | 'M' | 'X' | null;
  date_of_birth: string | null;
  province_code: string | null;
  phone: string | null;
  email: string | null;
  national_id_hash: string | null;
  national_id_enc: string | null;
  disability: boolean | null;
}

export async function insertPeople(db: Db, rows: NewPersonRow[]) {
  for (let i = 0; i < rows.length; i += BATCH) {
    await db
      .insertInto('people')
      .values(rows.slice(i, i + BATCH))
      .execute();
  }
}

export async function insertPersonKeys(db: Db, rows: { key: string; person_id: string }[]) {
  for (let i = 0; i < rows.length; i += BATCH) {
    await db
      .insertInto('person_keys')
      .values(rows.slice(i, i + BATCH))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/** Fills what a matched person's record lacks; never overwrites what is there. */
export const fillPersonGaps = (
  db: Db,
  id: string,
  p: Partial<
    Pick<NewPersonRow, 'sex' | 'date_of_birth' | 'province_code' | 'phone' | 'email' | 'disability'>
  > & {
    national_id_hash?: string | null;
    national_id_enc?: string | null;
  },
) =>
  db
    .updateTable('people')
    .set({
      sex: sql`coalesce(sex, ${p.sex ?? null})`,
      date_of_birth: sql`coalesce(date_of_birth, ${p.date_of_birth ?? null}::date)`,
      province_code: sql`coalesce(province_code, ${p.province_code ?? null})`,
      phone: sql`coalesce(phone, ${p.phone ?? null})`,
      email: sql`coalesce(email, ${p.email ?? null})`,
      disability: sql`coalesce(disability, ${p.disability ?? null}::boolean)`,
      national_id_hash: sql`coalesce(national_id_hash, ${p.national_id_hash ?? null})`,
      national_id_enc: sql`case when national_id_hash is null then ${p.national_id_enc ?? null} else national_id_enc end`,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .execute();

export async function linkOrganisation(
  db: Db,
  personIds: string[],
  organisationId: string,
  importId: string,
) {
  for (let i = 0; i < personIds.length; i += BATCH) {
    await db
      .insertInto('person_organisations')
      .values(
        personIds
          .slice(i, i + BATCH)
          .map((person_id) => ({ person_id, organisation_id: organisationId, import_id: importId })),
      )
      .onConflict((oc) => oc.columns(['person_id', 'organisation_id']).doNothing())
      .execute();
  }
}

/** The organisation's cohorts with these codes (codes compared without case). */
export const cohortsByCodes = (db: Db, organisationId: string, codes: string[]) =>
  codes.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('cohorts')
        .select(['id', 'code', 'course_id'])
        .where('organisation_id', '=', organisationId)
        .where(
          sql<string>`lower(code)`,
          '=',
          sql<string>`any(${sql.val(codes.map((c) => c.toLowerCase()))}::text[])`,
        )
        .execute();

export const cohortCodeExists = async (db: Db, organisationId: string, code: string) =>
  !!(await db
    .selectFrom('cohorts')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where(sql<string>`lower(code)`, '=', code.toLowerCase())
    .executeTakeFirst());

/** Every enrolment of these people in these cohorts, in any status. */
export async function enrolmentsOf(db: Db, cohortIds: string[], personIds: string[]) {
  if (cohortIds.length === 0 || personIds.length === 0) return [];
  return db
    .selectFrom('enrolments')
    .select(['cohort_id', 'person_id'])
    .where('cohort_id', '=', sql<string>`any(${sql.val(cohortIds)}::uuid[])`)
    .where('person_id', '=', sql<string>`any(${sql.val(personIds)}::uuid[])`)
    .execute();
}

export interface NewEnrolmentRow {
  cohort_id: string;
  person_id: string;
  status: 'enrolled' | 'completed' | 'withdrawn';
  source: 'roster';
  completed_at: Date | null;
  ended_at: Date | null;
  created_by: string | null;
}

export async function insertEnrolments(db: Db, rows: NewEnrolmentRow[]) {
  for (let i = 0; i < rows.length; i += BATCH) {
    await db
      .insertInto('enrolments')
      .values(rows.slice(i, i + BATCH))
      .execute();
  }
}

export async function insertPairs(
  db: Db,
  rows: { person_a: string; person_b: string; score: number; reasons: string[]; import_id: string }[],
) {
  let queued = 0;
  for (let i = 0; i < rows.length; i += BATCH) {
    const r = await db
      .insertInto('duplicate_pairs')
      .values(rows.slice(i, i + BATCH).map((p) => ({ ...p, reasons: sql`${sql.val(p.reasons)}::text[]` })))
      .onConflict((oc) => oc.columns(['person_a', 'person_b']).doNothing())
      .returning('id')
      .execute();
    queued += r.length;
  }
  return queued;
}

// ---------------------------------------------------------------------------------------------------
// Imports

export const insertImport = (
  db: Db,
  r: {
    organisationId: string;
    createdBy: string | null;
    fileName: string;
    fileSha256: string;
    fileId: string | null;
    format: 'csv' | 'xlsx' | null;
    status: 'previewed' | 'failed';
    rowsTotal: number;
    rowsValid: number;
    rowsRejected: number;
    report: unknown;
  },
) =>
  db
    .insertInto('roster_imports')
    .values({
      organisation_id: r.organisationId,
      created_by: r.createdBy,
      file_name: r.fileName,
      file_sha256: r.fileSha256,
      file_id: r.fileId,
      format: r.format,
      status: r.status,
      rows_total: r.rowsTotal,
      rows_valid: r.rowsValid,
      rows_rejected: r.rowsRejected,
      report: JSON.stringify(r.report),
    })
    .returningAll()
    .executeTakeFirstOrThrow();

export const findImport = (db: Db, id: string) =>
  db.selectFrom('roster_imports').selectAll().where('id', '=', id).executeTakeFirst();

/** The import row, locked for its commit: a second commit of the same preview waits, then sees it done. */
export const lockImport = (db: Db, id: string) =>
  db.selectFrom('roster_imports').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export const markCommitted = (
  db: Db,
  id: string,
  r: {
    mode: 'all' | 'valid';
    peopleCreated: number;
    peopleMatched: number;
    enrolmentsCreated: number;
    pairsQueued: number;
  },
) =>
  db
    .updateTable('roster_imports')
    .set({
      status: 'committed',
      mode: r.mode,
      people_created: r.peopleCreated,
      people_matched: r.peopleMatched,
      enrolments_created: r.enrolmentsCreated,
      pairs_queued: r.pairsQueued,
      committed_at: sql`now()`,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();

export async function listImports(
  db: Db,
  organisationId: string,
  f: { limit: number; offset: number; sort: 'createdAt' | '-createdAt' },
) {
  const base = db.selectFrom('roster_imports as i').where('i.organisation_id', '=', organisationId);
  const [rows, total] = await Promise.all([
    base
      .leftJoin('users as u', 'u.id', 'i.created_by')
      .selectAll('i')
      .select('u.display_name as created_by_name')
      .orderBy('i.created_at', f.sort === 'createdAt' ? 'asc' : 'desc')
      .orderBy('i.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}
