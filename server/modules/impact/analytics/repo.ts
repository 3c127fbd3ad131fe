/**
 * The analytics store's reads. Dates come back as whole days since 1970-01-01 in Vietnam's time zone
 * (`day` columns), so the store compares integers. People and enrolments are read by `analytics_seq`
 * (everything stamped after a mark, in pages); the small tables are read whole.
 */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema';

type Db = Kysely<DB>;

const localDay = (column: string) =>
  sql.raw(`(((${column}) at time zone 'Asia/Ho_Chi_Minh')::date - date '1970-01-01')`);

export interface Marks {
  /** The last value handed out by analytics_seq (a change anywhere in people or enrolments moves it). */
  seq: number;
  versions: Record<string, number>;
}

export async function readMarks(db: Db): Promise<Marks> {
  const { rows } = await sql<{ source: string; version: string }>`
    select source, version::text as version from analytics_versions
    union all select '#seq', last_value::text from analytics_seq`.execute(db);
  const versions: Record<string, number> = {};
  let seq = 0;
  for (const r of rows) {
    if (r.source === '#seq') seq = Number(r.version);
    else versions[r.source] = Number(r.version);
  }
  return { seq, versions };
}

export interface PersonRow {
  no: number;
  seq: string;
  sex: string | null;
  /** the date of birth as yyyymmdd, so an age is one subtraction */
  birth: number | null;
  province: string | null;
  area: string | null;
  /** merged into another record, or otherwise not a person to count */
  gone: boolean;
}

export async function peopleSince(db: Db, after: string, limit: number): Promise<PersonRow[]> {
  const { rows } = await sql<PersonRow>`
    select person_no as no, analytics_seq::text as seq, sex,
      (extract(year from date_of_birth) * 10000 + extract(month from date_of_birth) * 100 + extract(day from date_of_birth))::int as birth, province_code as province, area,
      (merged_into is not null) as gone
    from people where analytics_seq > ${after}::bigint
    order by analytics_seq limit ${limit}`.execute(db);
  return rows;
}

export interface EnrolmentRow {
  no: number;
  seq: string;
  person: number;
  cohort: string;
  status: string;
  enrolled: number;
  completed: number | null;
}

export async function enrolmentsSince(db: Db, after: string, limit: number): Promise<EnrolmentRow[]> {
  const { rows } = await sql<EnrolmentRow>`
    select e.enrolment_no as no, e.analytics_seq::text as seq, p.person_no as person,
      e.cohort_id as cohort, e.status, ${localDay('e.enrolled_at')} as enrolled,
      case when e.status = 'completed' then ${localDay('coalesce(e.completed_at, e.updated_at)')} end as completed
    from enrolments e join people p on p.id = e.person_id
    where e.analytics_seq > ${after}::bigint
    order by e.analytics_seq limit ${limit}`.execute(db);
  return rows;
}

export async function tombstonesSince(db: Db, after: string) {
  return db
    .selectFrom('analytics_tombstones')
    .select(['source', 'no', sql<string>`seq::text`.as('seq')])
    .where('seq', '>', sql<string>`${after}::bigint`)
    .orderBy('seq')
    .execute();
}

export async function readStructure(db: Db) {
  const [programs, organisations, courses, coursePrograms, cohorts, provinces] = await Promise.all([
    db.selectFrom('programs').select(['id', 'code']).orderBy('code').execute(),
    db.selectFrom('organisations').select(['id', 'kind']).orderBy('id').execute(),
    db.selectFrom('courses').select(['id', 'is_tot', 'organisation_id']).execute(),
    db.selectFrom('course_programs').select(['course_id', 'program_id']).execute(),
    db.selectFrom('cohorts').select(['id', 'course_id', 'organisation_id']).execute(),
    db.selectFrom('provinces').select('code').orderBy('code').execute(),
  ]);
  return { programs, organisations, courses, coursePrograms, cohorts, provinces };
}

/** Each cohort's trainers, as the person records of their accounts (trainers without one are skipped). */
export async function cohortTrainerPeople(db: Db) {
  const { rows } = await sql<{ cohort: string; person: number }>`
    select ct.cohort_id as cohort, p.person_no as person
    from cohort_trainers ct join people p on p.user_id = ct.user_id and p.merged_into is null`.execute(db);
  return rows;
}

export async function trainerCertifications(db: Db) {
  const { rows } = await sql<{ person: number; course: string; day: number }>`
    select p.person_no as person, tc.course_id as course, ${localDay('tc.certified_at')} as day
    from trainer_certifications tc join people p on p.id = tc.person_id`.execute(db);
  return rows;
}

/** Hired applications, dated by the step that hired them. */
export async function hires(db: Db) {
  const { rows } = await sql<{ person: number; country: string; day: number }>`
    select p.person_no as person, j.country,
      ${localDay("coalesce((select max(ev.at) from application_events ev where ev.application_id = a.id and ev.status = 'hired'), a.updated_at)")} as day
    from applications a join jobs j on j.id = a.job_id join people p on p.id = a.person_id
    where a.status = 'hired'`.execute(db);
  return rows;
}

/** Check-ins at events (attendance), with the event's program and organiser. */
export async function attendances(db: Db) {
  const { rows } = await sql<{ person: number; program: string | null; org: string; day: number }>`
    select p.person_no as person, ev.program_id as program, ev.organisation_id as org,
      ${localDay('ep.checked_in_at')} as day
    from event_participants ep join events ev on ev.id = ep.event_id join people p on p.id = ep.person_id
    where ep.checked_in_at is not null`.execute(db);
  return rows;
}

export async function awards(db: Db) {
  const { rows } = await sql<{ person: number; program: string; kind: string; day: number }>`
    select p.person_no as person, s.program_id as program, s.kind, (s.awarded_on - date '1970-01-01') as day
    from scholarship_awards s join people p on p.id = s.person_id`.execute(db);
  return rows;
}

/** The people behind a drill-down, by their analytics numbers. */
export async function peopleByNumbers(db: Db, numbers: readonly number[]) {
  if (numbers.length === 0) return [];
  return db
    .selectFrom('people')
    .select(['id', 'person_no', 'full_name', 'sex', 'date_of_birth', 'province_code', 'anonymised_at'])
    .where('person_no', 'in', [...numbers])
    .execute();
}
