/**
 * The same indicator rules as plain SQL over the raw tables: `count(distinct …)` with `group by`,
 * the way a first version (or a spreadsheet) would count. It is the oracle the tests compare the
 * analytics store with, and the bench's baseline; it must give identical numbers (evaluate.ts).
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Dimension, IndicatorRule, IndicatorSource, Population } from '../../../../common/impact';
import type { DB } from '../../../db/schema';
import type { Evaluation, GroupValue } from './evaluate';

export interface NaiveSlice {
  programId: string | null;
  from: string;
  to: string;
  partnerId?: string | null;
  provinceCode?: string | null;
  /** ages are taken on this ISO date */
  asOf: string;
}

const day = (column: string) => sql.raw(`((${column}) at time zone 'Asia/Ho_Chi_Minh')::date`);

/** One row per qualifying record (and per program of its course): person, day, org, program. */
function records(source: IndicatorSource, pop: Population, s: NaiveSlice): RawBuilder<unknown> {
  const person = personWhere(pop, s);
  const partner = s.partnerId ?? null;
  switch (source) {
    case 'enrolled':
    case 'completed': {
      const date =
        source === 'completed' ? day('coalesce(e.completed_at, e.updated_at)') : day('e.enrolled_at');
      const status = source === 'completed' ? sql`e.status = 'completed'` : sql`e.status <> 'waitlisted'`;
      const tot = pop.tot === undefined ? sql`true` : sql`cu.is_tot = ${pop.tot}`;
      const scope = pop.taughtByCertifiedTrainer
        ? sql`exists (
            select 1 from cohort_trainers ct
            join people tp on tp.user_id = ct.user_id and tp.merged_into is null
            join trainer_certifications tc on tc.person_id = tp.id
            join courses tcu on tcu.id = tc.course_id and tcu.is_tot
            where ct.cohort_id = co.id and ${day('tc.certified_at')} <= ${date}
              and (${s.programId}::uuid is null or exists (select 1 from course_programs x where x.course_id = tcu.id and x.program_id = ${s.programId}::uuid)))`
        : sql`(${s.programId}::uuid is null or exists (select 1 from course_programs x where x.course_id = cu.id and x.program_id = ${s.programId}::uuid))`;
      return sql`
        select p.person_no as person, ${date} as day, co.organisation_id as org, cp.program_id as program
        from enrolments e
        join people p on p.id = e.person_id
        join cohorts co on co.id = e.cohort_id
        join courses cu on cu.id = co.course_id
        left join course_programs cp on cp.course_id = cu.id
        where ${status} and ${date} between ${s.from}::date and ${s.to}::date and ${tot} and ${scope}
          and (${partner}::uuid is null or co.organisation_id = ${partner}::uuid) and ${person}`;
    }
    case 'certified_trainer':
      return sql`
        select p.person_no as person, ${day('tc.certified_at')} as day, cu.organisation_id as org, cp.program_id as program
        from trainer_certifications tc
        join people p on p.id = tc.person_id
        join courses cu on cu.id = tc.course_id and cu.is_tot
        left join course_programs cp on cp.course_id = cu.id
        where ${day('tc.certified_at')} between ${s.from}::date and ${s.to}::date
          and (${s.programId}::uuid is null or exists (select 1 from course_programs x where x.course_id = cu.id and x.program_id = ${s.programId}::uuid))
          and (${partner}::uuid is null or cu.organisation_id = ${partner}::uuid) and ${person}`;
    case 'hired': {
      const hireDay = day(
        "coalesce((select max(ev.at) from application_events ev where ev.application_id = a.id and ev.status = 'hired'), a.updated_at)",
      );
      const within = pop.withinDaysOfCompletion ?? 365;
      const country = pop.jobCountry ? sql`j.country = ${pop.jobCountry}` : sql`true`;
      const done = day('coalesce(e.completed_at, e.updated_at)');
      return sql`
        select p.person_no as person, h.day, best.org, cp.program_id as program
        from applications a
        join jobs j on j.id = a.job_id
        join people p on p.id = a.person_id
        cross join lateral (select ${hireDay} as day) h
        join lateral (
          select co.organisation_id as org, co.course_id as course
          from enrolments e join cohorts co on co.id = e.cohort_id
          where e.person_id = a.person_id and e.status = 'completed'
            and (${s.programId}::uuid is null or exists (select 1 from course_programs x where x.course_id = co.course_id and x.program_id = ${s.programId}::uuid))
            and (${partner}::uuid is null or co.organisation_id = ${partner}::uuid)
            and ${done} <= h.day and ${done} >= h.day - ${within}::int
          order by ${done} desc, e.enrolment_no desc limit 1
        ) best on true
        left join course_programs cp on cp.course_id = best.course
        where a.status = 'hired' and h.day between ${s.from}::date and ${s.to}::date and ${country} and ${person}`;
    }
    case 'awarded': {
      const kinds = pop.awardKinds ? sql`s.kind = any(${pop.awardKinds}::text[])` : sql`true`;
      return sql`
        select p.person_no as person, s.awarded_on as day, null::uuid as org, s.program_id as program
        from scholarship_awards s join people p on p.id = s.person_id
        where s.awarded_on between ${s.from}::date and ${s.to}::date and ${partner}::uuid is null
          and (${s.programId}::uuid is null or s.program_id = ${s.programId}::uuid) and ${kinds} and ${person}`;
    }
    case 'attended': {
      const checkedIn = day('ep.checked_in_at');
      return sql`
        select p.person_no as person, ${checkedIn} as day, ev.organisation_id as org, ev.program_id as program
        from event_participants ep
        join events ev on ev.id = ep.event_id
        join people p on p.id = ep.person_id
        where ep.checked_in_at is not null and ${checkedIn} between ${s.from}::date and ${s.to}::date
          and (${s.programId}::uuid is null or ev.program_id = ${s.programId}::uuid)
          and (${partner}::uuid is null or ev.organisation_id = ${partner}::uuid) and ${person}`;
    }
  }
}

const ageBand = (asOf: string) => sql`case
  when p.date_of_birth is null or p.date_of_birth > ${asOf}::date then 'unknown'
  when extract(year from age(${asOf}::date, p.date_of_birth)) < 18 then 'under_18'
  when extract(year from age(${asOf}::date, p.date_of_birth)) < 25 then '18_24'
  when extract(year from age(${asOf}::date, p.date_of_birth)) < 35 then '25_34'
  when extract(year from age(${asOf}::date, p.date_of_birth)) < 45 then '35_44'
  when extract(year from age(${asOf}::date, p.date_of_birth)) < 55 then '45_54'
  else '55_plus' end`;

function personWhere(pop: Population, s: NaiveSlice) {
  const f = pop.person ?? {};
  return sql`p.merged_into is null
    and (${s.provinceCode ?? null}::text is null or p.province_code = ${s.provinceCode ?? null}::text)
    and (${f.sex ?? null}::text[] is null or p.sex = any(${f.sex ?? null}::text[]))
    and (${f.area ?? null}::text[] is null or p.area = any(${f.area ?? null}::text[]))
    and (${f.ageBand ?? null}::text[] is null or ${ageBand(s.asOf)} = any(${f.ageBand ?? null}::text[]))`;
}

function population(pop: Population, s: NaiveSlice) {
  return sql.join(
    [...new Set(pop.sources)].map((src) => records(src, pop, s)),
    sql` union all `,
  );
}

function keyOf(d: Dimension, asOf: string) {
  switch (d) {
    case 'sex':
      return sql`coalesce(p.sex, 'unknown')`;
    case 'area':
      return sql`coalesce(p.area, 'unknown')`;
    case 'province':
      return sql`coalesce(p.province_code, 'unknown')`;
    case 'age':
      return ageBand(asOf);
    case 'partner':
      return sql`coalesce(r.org::text, 'unknown')`;
    case 'program':
      return sql`coalesce(pr.code, 'unknown')`;
    case 'quarter':
      return sql`to_char(r.day, 'YYYY') || '-Q' || to_char(r.day, 'Q')`;
  }
}

/** Distinct (group, person) pairs of a population for one dimension, or distinct persons. */
function pairs(pop: Population, s: NaiveSlice, d: Dimension | null) {
  const key = d ? keyOf(d, s.asOf) : sql`''`;
  return sql`
    select distinct ${key} as g, r.person
    from (${population(pop, s)}) r
    join people p on p.person_no = r.person
    left join programs pr on pr.id = r.program`;
}

export async function naiveEvaluate(
  db: Kysely<DB>,
  rule: IndicatorRule,
  s: NaiveSlice,
  dims: readonly Dimension[],
): Promise<Evaluation> {
  const groupsOf = async (d: Dimension | null): Promise<GroupValue[]> => {
    if (rule.kind === 'count') {
      const { rows } = await sql<{ g: string; n: number }>`
        select g, count(distinct person)::int as n from (${pairs(rule.population, s, d)}) x group by g`.execute(
        db,
      );
      return rows.map((r) => ({ key: r.g, value: r.n }));
    }
    const { rows } = await sql<{ g: string; den: number; num: number }>`
      select d.g, count(*)::int as den, count(n.person)::int as num
      from (${pairs(rule.denominator, s, d)}) d
      left join (${pairs(rule.numerator, s, d)}) n on n.g = d.g and n.person = d.person
      group by d.g`.execute(db);
    return rows.map((r) => ({
      key: r.g,
      value: r.den === 0 ? null : (100 * r.num) / r.den,
      numerator: r.num,
      denominator: r.den,
    }));
  };
  const [total] = await groupsOf(null);
  const groups: Evaluation['groups'] = {};
  for (const d of dims) groups[d] = await groupsOf(d);
  if (rule.kind === 'count') return { value: total?.value ?? 0, groups };
  return {
    value: total?.value ?? null,
    numerator: total?.numerator ?? 0,
    denominator: total?.denominator ?? 0,
    groups,
  };
}
