/**
 * SQL of the people registry's staff views: the list of people, the person page (identity,
 * enrolments, certificates, consents, merges, recent reads) and the person an account creates at
 * registration. `orgs` arguments narrow a read to what a partner may see: undefined means every
 * organisation (NIC staff), a list means those organisations only.
 */
import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { PersonSort } from '../../../../common/domain';
import type { DB } from '../../../db/schema';

type Db = Kysely<DB>;

/** Organisations a read may show, or undefined for all of them. */
export type OrgScope = readonly string[] | undefined;

const ids = (list: readonly string[]) => sql<string>`any(${sql.val([...list])}::uuid[])`;

/**
 * Whether any of `orgs` knows the person `p.id`: it imported them (person_organisations) or one of
 * its cohorts enrolled them.
 */
const knownTo = (eb: ExpressionBuilder<DB & { p: DB['people'] }, 'p'>, orgs: readonly string[]) =>
  eb.or([
    eb.exists(
      eb
        .selectFrom('person_organisations as po')
        .select(sql`1`.as('one'))
        .whereRef('po.person_id', '=', 'p.id')
        .where('po.organisation_id', '=', ids(orgs)),
    ),
    eb.exists(
      eb
        .selectFrom('enrolments as e')
        .innerJoin('cohorts as h', 'h.id', 'e.cohort_id')
        .select(sql`1`.as('one'))
        .whereRef('e.person_id', '=', 'p.id')
        .where('h.organisation_id', '=', ids(orgs)),
    ),
  ]);

export interface PeopleFilter {
  scope: OrgScope;
  /** Folded words of the search; each must start a word of the folded name. */
  words: string[];
  organisationId?: string;
  provinceCode?: string;
  sort: PersonSort;
  limit: number;
  offset: number;
}

/** Living people (not merged away, not anonymised) matching the filter, one page of them and the total. */
export async function listPeople(db: Db, f: PeopleFilter) {
  let base = db
    .selectFrom('people as p')
    .where('p.merged_into', 'is', null)
    .where('p.anonymised_at', 'is', null);
  if (f.scope) {
    const scope = f.scope;
    base = base.where((eb) => knownTo(eb, scope));
  }
  if (f.organisationId) {
    const org = f.organisationId;
    base = base.where((eb) => knownTo(eb, [org]));
  }
  if (f.provinceCode) base = base.where('p.province_code', '=', f.provinceCode);
  for (const word of f.words) base = base.where(sql<string>`' ' || p.full_name_folded`, 'like', `% ${word}%`);

  const direction = f.sort.startsWith('-') ? 'desc' : 'asc';
  const column = f.sort.endsWith('name') ? 'p.full_name_folded' : 'p.created_at';
  const [rows, total] = await Promise.all([
    base
      .leftJoin('provinces as pr', 'pr.code', 'p.province_code')
      .select([
        'p.id',
        'p.full_name',
        'p.sex',
        sql<string | null>`to_char(p.date_of_birth, 'YYYY-MM-DD')`.as('date_of_birth'),
        'p.province_code',
        'pr.name as province_name',
        'p.user_id',
        'p.created_at',
      ])
      .orderBy(column, direction)
      .orderBy('p.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}
export type PersonListRow = Awaited<ReturnType<typeof listPeople>>['rows'][number];

/**
 * The organisations that know each of these people (imported or enrolled them), within `scope`,
 * by name.
 */
export async function organisationsOf(db: Db, personIds: readonly string[], scope: OrgScope) {
  if (personIds.length === 0) return [];
  const { rows } = await sql<{ person_id: string; id: string; name: string }>`
    select distinct k.person_id, o.id, o.name
    from (
      select po.person_id, po.organisation_id from person_organisations po
      where po.person_id = ${ids(personIds)}
      union
      select e.person_id, h.organisation_id from enrolments e join cohorts h on h.id = e.cohort_id
      where e.person_id = ${ids(personIds)}
    ) k
    join organisations o on o.id = k.organisation_id
    ${scope ? sql`where o.id = ${ids(scope)}` : sql``}
    order by o.name, o.id`.execute(db);
  return rows;
}

/** Whether any of `orgs` knows the person. */
export async function isKnownTo(db: Db, personId: string, orgs: readonly string[]) {
  if (orgs.length === 0) return false;
  const row = await db
    .selectFrom('people as p')
    .select('p.id')
    .where('p.id', '=', personId)
    .where((eb) => knownTo(eb, orgs))
    .executeTakeFirst();
  return row !== undefined;
}

/** The person with the names of their province and commune. */
export const findPerson = (db: Db, id: string) =>
  db
    .selectFrom('people as p')
    .leftJoin('provinces as pr', 'pr.code', 'p.province_code')
    .leftJoin('communes as c', 'c.code', 'p.commune_code')
    .select([
      'p.id',
      'p.user_id',
      'p.full_name',
      'p.sex',
      sql<string | null>`to_char(p.date_of_birth, 'YYYY-MM-DD')`.as('date_of_birth'),
      'p.province_code',
      'pr.name as province_name',
      'p.commune_code',
      'c.name as commune_name',
      'p.phone',
      'p.email',
      'p.national_id_enc',
      'p.disability',
      'p.merged_into',
      'p.anonymised_at',
      'p.created_at',
      'p.updated_at',
    ])
    .where('p.id', '=', id)
    .executeTakeFirst();
export type PersonRow = NonNullable<Awaited<ReturnType<typeof findPerson>>>;

/** The person's enrolments in cohorts of organisations within `scope` (all when none), by enrolment date. */
export const enrolmentsOf = (db: Db, personId: string, scope: OrgScope, order: 'asc' | 'desc' = 'desc') => {
  let q = db
    .selectFrom('enrolments as e')
    .innerJoin('cohorts as h', 'h.id', 'e.cohort_id')
    .innerJoin('courses as c', 'c.id', 'h.course_id')
    .innerJoin('organisations as o', 'o.id', 'h.organisation_id')
    .select([
      'e.id',
      'e.status',
      'e.source',
      'e.enrolled_at',
      'e.completed_at',
      'e.ended_at',
      'h.id as cohort_id',
      'h.code as cohort_code',
      'h.name as cohort_name',
      'o.id as organisation_id',
      'o.name as organisation_name',
      'c.title',
      'c.translations',
      'c.teaching_language',
    ])
    .where('e.person_id', '=', personId);
  if (scope) q = q.where('h.organisation_id', '=', ids(scope));
  return q.orderBy('e.enrolled_at', order).orderBy('e.id').execute();
};
export type EnrolmentRow = Awaited<ReturnType<typeof enrolmentsOf>>[number];

/** Certificates held by the person, issued by an organisation within `scope`. */
export const credentialsOf = (db: Db, personId: string, scope: OrgScope) => {
  let q = db
    .selectFrom('credentials as cr')
    .innerJoin('courses as c', 'c.id', 'cr.course_id')
    .innerJoin('organisations as o', 'o.id', 'cr.issuer_organisation_id')
    .select([
      'cr.id',
      'cr.issued_at',
      'cr.valid_until',
      'cr.revoked_at',
      'o.id as issuer_id',
      'o.name as issuer_name',
      'c.title',
      'c.translations',
      'c.teaching_language',
    ])
    .where('cr.person_id', '=', personId);
  if (scope) q = q.where('cr.issuer_organisation_id', '=', ids(scope));
  return q.orderBy('cr.issued_at', 'desc').orderBy('cr.id').execute();
};
export type CredentialRow = Awaited<ReturnType<typeof credentialsOf>>[number];

/** The person's event participations, in events organised by an organisation within `scope`. */
export const eventsOf = (db: Db, personId: string, scope: OrgScope) => {
  let q = db
    .selectFrom('event_participants as ep')
    .innerJoin('events as e', 'e.id', 'ep.event_id')
    .innerJoin('organisations as o', 'o.id', 'e.organisation_id')
    .leftJoin('provinces as pr', 'pr.code', 'e.province_code')
    .select([
      'ep.id',
      'e.id as event_id',
      'e.title',
      'e.translations',
      'e.language',
      'o.id as organisation_id',
      'o.name as organisation_name',
      'e.starts_at',
      'e.online',
      'pr.name as province_name',
      'ep.walk_in',
      'ep.registered_at',
      'ep.checked_in_at',
    ])
    .where('ep.person_id', '=', personId);
  if (scope) q = q.where('e.organisation_id', '=', ids(scope));
  return q.orderBy('e.starts_at', 'desc').orderBy('ep.id').execute();
};
export type EventRow = Awaited<ReturnType<typeof eventsOf>>[number];

/** Merges this record took part in, on either side, newest first. */
export const mergesOf = (db: Db, personId: string) =>
  db
    .selectFrom('person_merges')
    .select(['id', 'survivor_id', 'merged_id', 'merged_at', 'undone_at'])
    .where((eb) => eb.or([eb('survivor_id', '=', personId), eb('merged_id', '=', personId)]))
    .orderBy('merged_at', 'desc')
    .orderBy('id')
    .execute();
export type MergeRow = Awaited<ReturnType<typeof mergesOf>>[number];

export const READ_ACTION = 'person.viewed';

/** The latest reads of a person page (audit entries person.viewed), newest first, with who read. */
export const recentReads = (db: Db, personId: string, limit: number) =>
  db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_user_id')
    .select(['a.id', 'a.at', 'a.details', 'u.display_name', 'u.email'])
    .where('a.entity_type', '=', 'person')
    .where('a.entity_id', '=', personId)
    .where('a.action', '=', READ_ACTION)
    .orderBy('a.id', 'desc')
    .limit(limit)
    .execute();
export type ReadRow = Awaited<ReturnType<typeof recentReads>>[number];

// ---- the person of a new account ------------------------------------------------------------------

export const insertAccountPerson = (
  db: Db,
  p: { userId: string; fullName: string; fullNameFolded: string; email: string | null },
) =>
  db
    .insertInto('people')
    .values({
      user_id: p.userId,
      full_name: p.fullName,
      full_name_folded: p.fullNameFolded,
      email: p.email,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

/** Queues pairs for review; a pair already queued (in either order) is left as it is. */
export async function queuePairs(
  db: Db,
  rows: { person_a: string; person_b: string; score: number; reasons: string[] }[],
) {
  if (rows.length === 0) return 0;
  const inserted = await db
    .insertInto('duplicate_pairs')
    .values(rows.map((p) => ({ ...p, reasons: sql`${sql.val(p.reasons)}::text[]` })))
    .onConflict((oc) => oc.columns(['person_a', 'person_b']).doNothing())
    .returning('id')
    .execute();
  return inserted.length;
}
