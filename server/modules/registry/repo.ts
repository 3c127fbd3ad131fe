/** SQL of the people registry: match candidates, people and their keys, imports, duplicate pairs. */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import { nameKeys, parseKey } from './match';

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
 * The living people holding any of `keys` (match.ts blockingKeys), each with the key it holds: found in
 * `people`'s own indexes (phone, e-mail, national-ID hash; date of birth with a half of the name). A
 * merged record still holds its own keys, which lead to the record it was merged into; anonymised
 * people hold none. A key held by more than `maxPerKey` people says too little to be worth comparing
 * (a common name without a birth date).
 */
export async function candidatesByKeys(db: Db, keys: string[], maxPerKey: number) {
  if (keys.length === 0) return [];
  const by = { p: [] as string[], e: [] as string[], n: [] as string[] };
  const dated = {
    df: { dates: [] as string[], names: [] as string[] },
    di: { dates: [] as string[], names: [] as string[] },
  };
  for (const key of new Set(keys)) {
    const k = parseKey(key);
    if (!k) continue;
    if ('value' in k) by[k.kind].push(k.value);
    else {
      dated[k.kind].dates.push(k.date);
      dated[k.kind].names.push(k.name);
    }
  }
  const { rows } = await sql<{
    key: string;
    id: string;
    full_name: string;
    sex: 'F' | 'M' | 'X' | null;
    date_of_birth: string | null;
    province_code: string | null;
    phone: string | null;
    email: string | null;
    national_id_hash: string | null;
    has_account: boolean;
  }>`
    with hits as (
      select 'p:' || p.phone as key, coalesce(p.merged_into, p.id) as person_id
        from unnest(${sql.val(by.p)}::text[]) as q(v) join people p on p.phone = q.v
      union all
      select 'e:' || p.email, coalesce(p.merged_into, p.id)
        from unnest(${sql.val(by.e)}::text[]) as q(v) join people p on p.email = q.v
      union all
      select 'n:' || p.national_id_hash, coalesce(p.merged_into, p.id)
        from unnest(${sql.val(by.n)}::text[]) as q(v) join people p on p.national_id_hash = q.v
      union all
      select 'df:' || q.d || '|' || q.v, coalesce(p.merged_into, p.id)
        from unnest(${sql.val(dated.df.dates)}::text[], ${sql.val(dated.df.names)}::text[]) as q(d, v)
        join people p on p.date_of_birth = q.d::date and p.name_family = q.v
      union all
      select 'di:' || q.d || '|' || q.v, coalesce(p.merged_into, p.id)
        from unnest(${sql.val(dated.di.dates)}::text[], ${sql.val(dated.di.names)}::text[]) as q(d, v)
        join people p on p.date_of_birth = q.d::date and p.name_initials = q.v
    ),
    held as (
      select key, person_id, count(*) over (partition by key) as n
      from (select distinct key, person_id from hits) d
    )
    select h.key, p.id, p.full_name, p.sex, to_char(p.date_of_birth, 'YYYY-MM-DD') as date_of_birth,
      p.province_code, p.phone, p.email, p.national_id_hash, p.user_id is not null as has_account
    from held h join people p on p.id = h.person_id
    where h.n <= ${maxPerKey} and p.merged_into is null and p.anonymised_at is null`.execute(db);
  return rows;
}

/** Writes the name halves of a person's date keys (match.ts nameKeys) for a person made elsewhere. */
export async function setNameKeys(db: Db, personId: string, fullName: string) {
  const name = nameKeys(fullName);
  await db
    .updateTable('people')
    .set({ name_family: name?.family ?? null, name_initials: name?.initials ?? null })
    .where('id', '=', personId)
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
  /** match.ts nameKeys of the full name. */
  name_family: string | null;
  name_initials: string | null;
}

/** Many rows in one statement of one array per column: a few parameters, whatever the row count. */
export async function insertPeople(db: Db, rows: NewPersonRow[]) {
  if (rows.length === 0) return;
  const col = <K extends keyof NewPersonRow>(k: K) => sql.val(rows.map((r) => r[k]));
  await sql`
    insert into people (id, full_name, full_name_folded, sex, date_of_birth, province_code, phone, email,
      national_id_hash, national_id_enc, disability, name_family, name_initials)
    select * from unnest(${col('id')}::uuid[], ${col('full_name')}::text[], ${col('full_name_folded')}::text[],
      ${col('sex')}::text[], ${col('date_of_birth')}::date[], ${col('province_code')}::text[], ${col('phone')}::text[],
      ${col('email')}::text[], ${col('national_id_hash')}::text[], ${col('national_id_enc')}::text[],
      ${col('disability')}::boolean[], ${col('name_family')}::text[], ${col('name_initials')}::text[])`.execute(
    db,
  );
}

export interface PersonGaps {
  id: string;
  sex: 'F' | 'M' | 'X' | null;
  date_of_birth: string | null;
  province_code: string | null;
  phone: string | null;
  email: string | null;
  disability: boolean | null;
  national_id_hash: string | null;
  national_id_enc: string | null;
}

/** Fills what matched people's records lack, in one statement; never overwrites what is there. */
export async function fillPeopleGaps(db: Db, rows: PersonGaps[]) {
  if (rows.length === 0) return;
  const col = <K extends keyof PersonGaps>(k: K) => sql.val(rows.map((r) => r[k]));
  await sql`
    update people as p set
      sex = coalesce(p.sex, v.sex),
      date_of_birth = coalesce(p.date_of_birth, v.date_of_birth),
      province_code = coalesce(p.province_code, v.province_code),
      phone = coalesce(p.phone, v.phone),
      email = coalesce(p.email, v.email),
      disability = coalesce(p.disability, v.disability),
      national_id_enc = case when p.national_id_hash is null then v.national_id_enc else p.national_id_enc end,
      national_id_hash = coalesce(p.national_id_hash, v.national_id_hash),
      updated_at = now()
    from unnest(${col('id')}::uuid[], ${col('sex')}::text[], ${col('date_of_birth')}::date[],
      ${col('province_code')}::text[], ${col('phone')}::text[], ${col('email')}::text[],
      ${col('disability')}::boolean[], ${col('national_id_hash')}::text[], ${col('national_id_enc')}::text[])
      as v(id, sex, date_of_birth, province_code, phone, email, disability, national_id_hash, national_id_enc)
    where p.id = v.id`.execute(db);
}

export async function linkOrganisation(
  db: Db,
  personIds: string[],
  organisationId: string,
  importId: string,
) {
  if (personIds.length === 0) return;
  await sql`
    insert into person_organisations (person_id, organisation_id, import_id)
    select p, ${organisationId}::uuid, ${importId}::uuid from unnest(${sql.val(personIds)}::uuid[]) as p
    on conflict (person_id, organisation_id) do nothing`.execute(db);
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
  if (rows.length === 0) return;
  const col = <K extends keyof NewEnrolmentRow>(k: K) => sql.val(rows.map((r) => r[k]));
  await sql`
    insert into enrolments (cohort_id, person_id, status, source, completed_at, ended_at, created_by)
    select * from unnest(${col('cohort_id')}::uuid[], ${col('person_id')}::uuid[], ${col('status')}::text[],
      ${col('source')}::text[], ${col('completed_at')}::timestamptz[], ${col('ended_at')}::timestamptz[],
      ${col('created_by')}::uuid[])`.execute(db);
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
