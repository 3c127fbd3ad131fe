/** SQL of the jobs board: postings with their skills, search, and the two matching queries. */
import { type Kysely, type SqlBool, sql } from 'kysely';
import type { DB } from '../../../db/schema';
import { indexable, likeEscaped, textQuery } from '../../../lib/textsearch';
import { DECLARED_FACTOR, JLPT_WEIGHT, OPTIONAL_WEIGHT, REQUIRED_WEIGHT } from '../matching';

type Db = Kysely<DB>;

/** Open: not closed by the employer and the closing date (Vietnam's calendar) not passed. */
export const openOn = (today: string) => sql<SqlBool>`(j.status = 'open' and j.closes_on >= ${today}::date)`;

export const jobColumns = [
  'j.id',
  'j.organisation_id',
  'j.language',
  'j.title',
  'j.description',
  'j.translations',
  'j.country',
  'j.province_code',
  'j.prefecture',
  'j.jlpt_min',
  'j.visa_track',
  'j.ssw_field',
  'j.salary_min',
  'j.salary_max',
  'j.currency',
  'j.closes_on',
  'j.status',
  'j.required_count',
  'j.created_at',
  'o.slug as org_slug',
  'o.name as org_name',
  'o.country as org_country',
  'o.verified_at as org_verified_at',
  'pr.name as province_name',
] as const;

const withJoins = (db: Db) =>
  db
    .selectFrom('jobs as j')
    .innerJoin('organisations as o', 'o.id', 'j.organisation_id')
    .leftJoin('provinces as pr', 'pr.code', 'j.province_code');

export type JobRow = Awaited<ReturnType<typeof findJob>> & {};

export const findJob = (db: Db, id: string) =>
  withJoins(db).select(jobColumns).where('j.id', '=', id).executeTakeFirst();

/** Several jobs in one query (the matches of a learner), in no particular order. */
export const findJobs = (db: Db, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : withJoins(db).select(jobColumns).where('j.id', 'in', ids).execute();

export const jobSkills = (db: Db, jobIds: readonly string[]) =>
  jobIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('job_skills')
        .select(['job_id', 'skill_id', 'level', 'required'])
        .where('job_id', 'in', jobIds)
        .execute();

export interface JobFilter {
  words: string[];
  country?: 'VN' | 'JP';
  province?: string;
  prefecture?: string;
  skill?: string;
  employer?: string;
  /** Closed ones too (the employer's own list). */
  includeClosed: boolean;
  today: string;
  sort: '-createdAt' | 'closesOn' | 'title';
  limit: number;
  offset: number;
}

export async function searchJobs(db: Db, f: JobFilter) {
  let q = withJoins(db);
  if (!f.includeClosed) q = q.where(openOn(f.today));
  const indexed = f.words.filter(indexable);
  const last = f.words[f.words.length - 1];
  if (indexed.length > 0) {
    q = q.where(
      sql<SqlBool>`j.search_vector @@ to_tsquery('simple', ${textQuery(indexed, last !== undefined && indexable(last))})`,
    );
  }
  for (const w of f.words.filter((w) => !indexable(w))) {
    q = q.where(sql<SqlBool>`j.search_folded like ${`%${likeEscaped(w)}%`}`);
  }
  if (f.country) q = q.where('j.country', '=', f.country);
  if (f.province) q = q.where('j.province_code', '=', f.province);
  if (f.prefecture) q = q.where('j.prefecture', '=', f.prefecture);
  if (f.employer) q = q.where('j.organisation_id', '=', f.employer);
  if (f.skill) {
    const skill = f.skill;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('job_skills as js')
          .select('js.job_id')
          .whereRef('js.job_id', '=', 'j.id')
          .where('js.skill_id', '=', skill),
      ),
    );
  }
  const order =
    f.sort === 'closesOn'
      ? sql`j.closes_on asc, j.id`
      : f.sort === 'title'
        ? sql`lower(j.title) asc, j.id`
        : sql`j.created_at desc, j.id`;
  const rows = await q
    .select(jobColumns)
    .select(sql<number>`count(*) over ()`.as('total'))
    .orderBy(order)
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return rows;
}

export interface OpenJobRow {
  id: string;
  country: 'VN' | 'JP';
  province_code: string | null;
  closes_on: string;
  jlpt_min: number | null;
  skill_ids: string[];
  levels: number[];
  required: boolean[];
}

/** Every job open today with its asked skills, for the in-memory ranking index (open-index.ts). */
export async function openJobRows(db: Db, today: string): Promise<OpenJobRow[]> {
  const { rows } = await sql<OpenJobRow>`
    select j.id, j.country, j.province_code, j.closes_on::text as closes_on, j.jlpt_min,
      coalesce(s.skill_ids, '{}') as skill_ids, coalesce(s.levels, '{}') as levels,
      coalesce(s.required, '{}') as required
    from jobs j
    left join lateral (
      select array_agg(js.skill_id order by js.skill_id) as skill_ids,
        array_agg(js.level::int order by js.skill_id) as levels,
        array_agg(js.required order by js.skill_id) as required
      from job_skills js where js.job_id = j.id
    ) s on true
    where ${openOn(today)}`.execute(db);
  return rows;
}

/**
 * The people who may be shown to the job's employer (consent: `open_vn` or `open_jp`) with the best
 * score by the matching rule (the skills and the Japanese level asked), best first.
 *
 * Among a million profiles every skill has tens of thousands of holders and adding up the credit of
 * all of them takes seconds; the best candidates hold nearly every asked skill. So the ranking tries
 * thresholds from the top down: to earn T of the skills' total weight W, a person must earn at least
 * w − (W − T) on each skill of weight w (the others give at most W − w) — a lowest level per skill and
 * kind of evidence. The people meeting all of these come from the GIN index of `talent_skill_sets`
 * (migration 0011) and only they are scored, Japanese level included. Anyone not found earns less than
 * T on skills, so at most T + J in all (J: the Japanese level's weight, when asked); when `limit` of
 * the found reach T + J, they are exactly the best `limit` of everyone. Otherwise the next threshold
 * is tried, and when no skill is needed any more, everyone is scored.
 */
export async function candidatesForSkills(
  db: Db,
  p: {
    skills: readonly { skillId: string; level: number; required: boolean }[];
    /** The Japanese level asked (N5 = 1 … N1 = 5), or null. */
    jlptMin: number | null;
    japan: boolean;
    limit: number;
  },
) {
  if (p.skills.length === 0) return [];
  const weight = (s: { required: boolean }) => (s.required ? REQUIRED_WEIGHT : OPTIONAL_WEIGHT);
  const total = p.skills.reduce((sum, s) => sum + weight(s), 0);
  const jlptWeight = p.jlptMin ? JLPT_WEIGHT : 0;
  const wanted = sql.join(
    p.skills.map((s) => sql`(${s.skillId}::text, ${s.level}::real, ${weight(s)}::real)`),
  );
  const open = p.japan ? sql`t.open_jp` : sql`t.open_vn`;
  // The Japanese level's credit, as matching.ts gives it.
  const jlptCredit = p.jlptMin
    ? sql`(${JLPT_WEIGHT}::float8 * least(1, coalesce(t.jlpt, 0)::float8 / ${p.jlptMin}::float8))`
    : sql`0::float8`;
  // What a person's tokens earn on each asked skill, without unnesting them: per skill, the tokens
  // grouped by the credit they give, best first — `case when tokens && {best} then c1 when … else 0`.
  // The credits are computed as the full path's SQL computes them (double precision, the declared
  // factor as a real), so both paths give the same sums.
  const skillsEarned = sql.join(
    p.skills.map((s) => {
      const byCredit = new Map<number, string[]>();
      for (let level = 1; level <= 5; level++) {
        const part = weight(s) * Math.min(1, level / s.level);
        const declared = part * Math.fround(DECLARED_FACTOR);
        byCredit.set(part, [...(byCredit.get(part) ?? []), `${s.skillId}:v${level}`]);
        byCredit.set(declared, [...(byCredit.get(declared) ?? []), `${s.skillId}:d${level}`]);
      }
      const arms = [...byCredit.entries()]
        .sort(([a], [b]) => b - a)
        .map(([credit, tokens]) => sql`when s.tokens && ${sql.val(tokens)}::text[] then ${credit}::float8`);
      return sql`(case ${sql.join(arms, sql` `)} else 0::float8 end)`;
    }),
    sql` + `,
  );
  for (const share of CANDIDATE_THRESHOLDS) {
    const slack = total * (1 - share) + THRESHOLD_EPSILON;
    // Per needed skill, the tokens (talent_skill_sets) of the levels and evidence that earn enough.
    const needed = p.skills.flatMap((s) => {
      const least = (weight(s) - slack) / weight(s);
      if (least <= 0) return [];
      const tokens: string[] = [];
      for (let level = 1; level <= 5; level++) {
        const part = Math.min(1, level / s.level);
        if (part >= least) tokens.push(`${s.skillId}:v${level}`);
        if (part * DECLARED_FACTOR >= least) tokens.push(`${s.skillId}:d${level}`);
      }
      return [tokens];
    });
    if (needed.length === 0) break;
    // Scored where they are found, and only the ones reaching T are looked up in the profiles.
    const query = sql<{ person_id: string; earned: number }>`
      with scored as materialized (
        select person_id, skills from (
          select s.person_id, ${skillsEarned} as skills from talent_skill_sets s
          where ${sql.join(
            needed.map((tokens) => sql`s.tokens && ${sql.val(tokens)}::text[]`),
            sql` and `,
          )}
        ) found
        where skills >= ${total - slack}::real
      )
      select sc.person_id, round((sc.skills + ${jlptCredit})::numeric, 6)::float8 as earned
      from scored sc
      join talent_profiles t on t.person_id = sc.person_id and ${open}
      join people pe on pe.id = sc.person_id and pe.merged_into is null and pe.anonymised_at is null
      order by earned desc, sc.person_id
      limit ${p.limit}`;
    const { rows } = await query.execute(db);
    // The last of them must be beyond anyone not found (below T on skills, so below T + J in all).
    if (rows.length >= p.limit && rows[p.limit - 1]!.earned >= total - slack + jlptWeight) return rows;
  }
  const { rows } = await sql<{ person_id: string; earned: number }>`
    select b.person_id, round((sum(b.credit) + max(${jlptCredit}))::numeric, 6)::float8 as earned
    from (
      select ps.person_id, ps.skill_id,
        max(w.weight * least(1, ps.level / w.level)
            * (case when ps.source = 'declared' then ${DECLARED_FACTOR}::real else 1 end)) as credit
      from (values ${wanted}) as w(skill_id, level, weight)
      join person_skills ps on ps.skill_id = w.skill_id
      group by ps.person_id, ps.skill_id
    ) b
    join talent_profiles t on t.person_id = b.person_id and ${open}
    join people pe on pe.id = b.person_id and pe.merged_into is null and pe.anonymised_at is null
    group by b.person_id
    order by earned desc, b.person_id
    limit ${p.limit}`.execute(db);
  return rows;
}

/** Shares of the job's total weight `candidatesForSkills` tries in turn. */
const CANDIDATE_THRESHOLDS = [1, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.6, 0.5];
/**
 * Room for rounding, far below the smallest gap between two scores. Scores are also rounded to six
 * decimals before ordering, so two people with the same credits tie exactly whatever order the
 * database added them in, and the tie goes to the person id.
 */
const THRESHOLD_EPSILON = 1e-3;
