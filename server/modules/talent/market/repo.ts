/**
 * SQL of the labour-market page: counts only, never a person. Demand is the open jobs (the jobs board's
 * own rule of "open"); supply is the people holding a verified skill (from a certificate or an
 * assessment); the semiconductor figure counts people by the first unrevoked certificate that gave
 * them a semiconductor skill.
 */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema';
import { openOn } from '../jobs/repo';

type Db = Kysely<DB>;

export function openJobsByCountry(db: Db, today: string) {
  return db
    .selectFrom('jobs as j')
    .select(['j.country', sql<number>`count(*)::int`.as('jobs')])
    .where(openOn(today))
    .groupBy('j.country')
    .execute();
}

export async function employersWithOpenJobs(db: Db, today: string) {
  const row = await db
    .selectFrom('jobs as j')
    .select(sql<number>`count(distinct j.organisation_id)::int`.as('n'))
    .where(openOn(today))
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Per skill: how many open jobs require it and how many only wish for it. */
export function demandBySkill(db: Db, today: string) {
  return db
    .selectFrom('job_skills as js')
    .innerJoin('jobs as j', 'j.id', 'js.job_id')
    .select([
      'js.skill_id',
      sql<number>`(count(*) filter (where js.required))::int`.as('required'),
      sql<number>`(count(*) filter (where not js.required))::int`.as('optional'),
    ])
    .where(openOn(today))
    .groupBy('js.skill_id')
    .execute();
}

/** Per skill: how many people hold it verified (one person counts once, whatever the evidence). */
export function verifiedSupplyBySkill(db: Db) {
  return db
    .selectFrom('person_skills as ps')
    .select(['ps.skill_id', sql<number>`count(distinct ps.person_id)::int`.as('people')])
    .where('ps.source', 'in', ['certificate', 'assessment'])
    .groupBy('ps.skill_id')
    .execute();
}

export async function verifiedPeople(db: Db) {
  const row = await db
    .selectFrom('person_skills as ps')
    .select(sql<number>`count(distinct ps.person_id)::int`.as('n'))
    .where('ps.source', 'in', ['certificate', 'assessment'])
    .executeTakeFirstOrThrow();
  return row.n;
}

export function openJobsByProvince(db: Db, today: string) {
  return db
    .selectFrom('jobs as j')
    .innerJoin('provinces as p', 'p.code', 'j.province_code')
    .select(['p.code', 'p.name', 'p.name_en', sql<number>`count(*)::int`.as('jobs')])
    .where(openOn(today))
    .where('j.country', '=', 'VN')
    .groupBy(['p.code', 'p.name', 'p.name_en'])
    .orderBy('jobs', 'desc')
    .orderBy('p.code')
    .execute();
}

export function openJobsByPrefecture(db: Db, today: string) {
  return db
    .selectFrom('jobs as j')
    .select(['j.prefecture', sql<number>`count(*)::int`.as('jobs')])
    .where(openOn(today))
    .where('j.country', '=', 'JP')
    .groupBy('j.prefecture')
    .orderBy('jobs', 'desc')
    .orderBy('j.prefecture')
    .execute();
}

/**
 * People trained in semiconductors, by the year of their first certificate that gave them a skill of a
 * semiconductor category (design, fabrication, packaging and test). A revoked certificate does not count.
 */
export function semiconductorTrainedByYear(db: Db) {
  return db
    .selectFrom((eb) =>
      eb
        .selectFrom('person_skills as ps')
        .innerJoin('skills as s', 's.id', 'ps.skill_id')
        .innerJoin('credentials as c', 'c.id', 'ps.credential_id')
        .select(['ps.person_id', sql<Date>`min(c.issued_at)`.as('first_at')])
        .where('s.category', 'like', 'semiconductor%')
        .where('ps.source', '=', 'certificate')
        .where('c.revoked_at', 'is', null)
        .groupBy('ps.person_id')
        .as('t'),
    )
    .select([
      sql<number>`extract(year from t.first_at at time zone 'Asia/Ho_Chi_Minh')::int`.as('year'),
      sql<number>`count(*)::int`.as('people'),
    ])
    .groupBy('year')
    .orderBy('year')
    .execute();
}
