/**
 * Talent matching at scale and its quality.
 *
 * Speed, on PostgreSQL (a throw-away database, skipped with a note when no server answers) and on PGlite
 * (a temporary folder): 100,000 open jobs (and 10,000 closed) and 1,000,000 talent profiles with
 * ~4.7 million skills, generated in the database (talent-data.ts). On PGlite the profiles are fewer
 * (`PGLITE_PROFILES`, said in the log and in the figure names); the jobs are the same 100,000.
 * - `talent.matching.jobs_for_learner`: p95 of `jobMatchesForMe` itself (the service: the learner's profile and
 *   skills, the ranking by the in-memory index of open jobs (jobs/open-index.ts), the 20 jobs, their
 *   skills and the explanation) for real learners (accounts linked to generated people) asking for
 *   their top 20. The index is built by the warm-up requests; its build time is logged.
 * - `talent.matching.candidates_for_job`: p95 of `candidatesFor` itself (the ranking SQL for 50 × 5 people,
 *   their skills and profiles, the explanation, the audit row) for the top 50 of a job.
 * Baseline of each, in the same run on the same data: the ranking SQL as migration 0010 first shipped
 * it (one aggregate over every holder of every asked skill), timed alone — what the old path cost at
 * the least — on every `BASELINE_EVERY`-th request.
 *
 * Quality (`talent.matching.quality_*`): a labelled set from ESCO occupation profiles (talent-quality.ts)
 * in an in-memory PGlite; each learner's top 10 from `jobMatchesForMe` against a keyword-overlap
 * ranking (count of shared skill ids, ties in a seeded random order), as nDCG@10 and precision@10.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import { type Database, openDatabase } from '../../server/db/client';
import { migrateToLatest } from '../../server/db/migrate';
import type { DB } from '../../server/db/schema';
import { seedReference } from '../../server/db/seed/reference';
import { vietnamDate } from '../../server/jobs';
import type { Actor } from '../../server/lib/actor';
import type { AppContext } from '../../server/lib/context';
import { insertOrganisation } from '../../server/modules/organisations/repo';
import { candidatesFor, jobMatchesForMe } from '../../server/modules/talent/jobs/service';
import {
  DECLARED_FACTOR,
  OPTIONAL_WEIGHT,
  REQUIRED_WEIGHT,
  weightTotal,
} from '../../server/modules/talent/matching';
import { seedTaxonomy } from '../../server/modules/talent/taxonomy/service';
import { prng } from '../../server/test/random';
import { figure } from '../lib/figure';
import type { Scenario, ScenarioContext } from '../lib/scenario';
import { median, percentile } from '../lib/stats';
import { pgDatabase } from './registry-import';
import { bulkLoad, generateJobs, generateProfiles, installGenerator } from './talent-data';
import { labelledSet, readOccupations, relevance, scoreRanking } from './talent-quality';

type Db = Kysely<DB>;

const JOBS = 100_000;
const PG_PROFILES = 1_000_000;
const PGLITE_PROFILES = 200_000;
const PROFILE_BATCH = 250_000;
const LEARNERS = 100;
const JOB_QUERIES = 40;
const WARMUP = 5;
const BASELINE_EVERY = 5;
const QUALITY_SEED = 20_261_124;

const actor = (userId: string, grants: Actor['grants'] = []): Actor => ({
  userId,
  email: `${userId}@bench.invalid`,
  displayName: 'Bench',
  locale: 'vi',
  sessionId: 'bench',
  grants,
});

const ms = (from: number) => performance.now() - from;

// ── The ranking SQL as migration 0010 shipped it: the baseline ──────────────────────────────────────

async function firstJobsForSkills(db: Db, personId: string, today: string) {
  const { rows: skills } = await sql<{ skill_id: string; level: number; factor: number }>`
    select skill_id, max(level) as level, max(case when source = 'declared' then ${DECLARED_FACTOR}::real else 1 end) as factor
    from person_skills where person_id = ${personId}::uuid group by skill_id`.execute(db);
  if (skills.length === 0) return;
  const p = (
    await sql<{ province_code: string | null; relocate: boolean; work_in_japan: boolean }>`
      select province_code, relocate, work_in_japan from talent_profiles where person_id = ${personId}::uuid`.execute(
      db,
    )
  ).rows[0];
  const held = sql.join(skills.map((s) => sql`(${s.skill_id}::text, ${s.level}::real, ${s.factor}::real)`));
  const vn =
    p?.relocate || !p?.province_code
      ? sql`j.country = 'VN'`
      : sql`(j.country = 'VN' and j.province_code in (${p.province_code}))`;
  await sql`
    select js.job_id, sum(
        (case when js.required then ${REQUIRED_WEIGHT}::real else ${OPTIONAL_WEIGHT}::real end)
        * least(1, h.level / js.level) * h.factor) / max(j.weight_total) as score
    from (values ${held}) as h(skill_id, level, factor)
    join job_skills js on js.skill_id = h.skill_id
    join jobs j on j.id = js.job_id
    where (j.status = 'open' and j.closes_on >= ${today}::date) and ${p?.work_in_japan ? sql`(${vn} or j.country = 'JP')` : vn}
    group by js.job_id
    order by score desc, js.job_id
    limit 100`.execute(db);
}

async function firstCandidatesForSkills(db: Db, jobId: string) {
  const skills = await db
    .selectFrom('job_skills')
    .select(['skill_id', 'level', 'required'])
    .where('job_id', '=', jobId)
    .execute();
  const wanted = sql.join(
    skills.map(
      (s) =>
        sql`(${s.skill_id}::text, ${s.level}::real, ${s.required ? REQUIRED_WEIGHT : OPTIONAL_WEIGHT}::real)`,
    ),
  );
  await sql`
    select b.person_id, sum(b.credit) as earned
    from (
      select ps.person_id, ps.skill_id,
        max(w.weight * least(1, ps.level / w.level)
            * (case when ps.source = 'declared' then ${DECLARED_FACTOR}::real else 1 end)) as credit
      from (values ${wanted}) as w(skill_id, level, weight)
      join person_skills ps on ps.skill_id = w.skill_id
      group by ps.person_id, ps.skill_id
    ) b
    join talent_profiles t on t.person_id = b.person_id and t.open_vn
    join people pe on pe.id = b.person_id and pe.merged_into is null and pe.anonymised_at is null
    group by b.person_id
    order by earned desc, b.person_id
    limit 250`.execute(db);
}

// ── Speed ────────────────────────────────────────────────────────────────────────────────────────

/** Accounts for `count` generated people (spread over all of them) and one employer account. */
async function accounts(db: Db, profiles: number, count: number) {
  await sql`insert into users (id, email, password_hash, display_name, display_name_folded)
    select bench_uuid(3, n), 'learner' || n || '@bench.invalid', '-', 'Learner ' || n, 'learner ' || n
    from generate_series(0, ${count}::int) n`.execute(db);
  await sql`update people p set user_id = bench_uuid(3, n)
    from generate_series(1, ${count}::int) n
    where p.id = bench_uuid(2, 1 + (n * 7919) % ${profiles}::int)`.execute(db);
  const { rows } = await sql<{ user_id: string; person_id: string }>`
    select bench_uuid(3, n)::text as user_id, bench_uuid(2, 1 + (n * 7919) % ${profiles}::int)::text as person_id
    from generate_series(1, ${count}::int) n order by n`.execute(db);
  return {
    employerUserId: (await sql<{ id: string }>`select bench_uuid(3, 0)::text as id`.execute(db)).rows[0]!.id,
    learners: rows,
  };
}

async function prepareSpeed(ctx: ScenarioContext, label: string, database: Database, profiles: number) {
  const db = database.db;
  const started = performance.now();
  await migrateToLatest(db);
  await seedReference(db);
  await seedTaxonomy(db);
  await installGenerator(db);
  const org = await insertOrganisation(db, {
    slug: 'bench-employer',
    name: 'Bench employer',
    kind: 'employer',
    verified: true,
  });
  const today = vietnamDate();
  await bulkLoad(db, ['jobs', 'job_skills'], (trx) =>
    generateJobs(trx, { count: JOBS, organisationId: org.id, today }),
  );
  ctx.log(`${label}: ${JOBS} open jobs in ${(ms(started) / 1000).toFixed(1)} s`);
  await bulkLoad(db, ['people', 'talent_profiles', 'person_skills', 'talent_skill_sets'], async (trx) => {
    for (let from = 1; from <= profiles; from += PROFILE_BATCH) {
      await generateProfiles(trx, { from, count: Math.min(PROFILE_BATCH, profiles - from + 1) });
      ctx.log(`${label}: ${Math.min(from + PROFILE_BATCH - 1, profiles)} profiles`);
    }
    // The load bypassed the trigger that keeps the matching's skill sets (migration 0011).
    await sql`select talent_skill_sets_rebuild()`.execute(trx);
  });
  const users = await accounts(db, profiles, LEARNERS + WARMUP);
  // A database in service has been vacuumed since its rows were written (visibility map, statistics).
  await sql`vacuum analyze`.execute(db);
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from person_skills`.execute(db);
  ctx.log(
    `${label}: ${profiles} profiles with ${rows[0]?.n} skills; data ready in ${(ms(started) / 1000).toFixed(1)} s`,
  );
  return { org, today, ...users };
}

async function measureSpeed(ctx: ScenarioContext, label: string, database: Database, profiles: number) {
  const data = await prepareSpeed(ctx, label, database, profiles);
  const app = { db: database.db, database } as AppContext;
  const jobs: number[] = [];
  const jobsBaseline: number[] = [];
  let shown = 0;
  for (const [i, l] of data.learners.entries()) {
    const t0 = performance.now();
    const r = await jobMatchesForMe(app, actor(l.user_id), 20, 'vi');
    const t1 = performance.now();
    // The first request builds the index of the open jobs: what a start or a change to jobs costs once.
    if (i === 0) ctx.log(`${label}: first request, building the open-jobs index, ${(t1 - t0).toFixed(0)} ms`);
    if (i < WARMUP) continue;
    jobs.push(t1 - t0);
    shown += r.items.length;
    if (i % BASELINE_EVERY === 0) {
      const t2 = performance.now();
      await firstJobsForSkills(database.db, l.person_id, data.today);
      jobsBaseline.push(ms(t2));
    }
  }
  ctx.log(
    `${label}: jobs for a learner p50 ${median(jobs).toFixed(1)} ms, p95 ${percentile(jobs, 95).toFixed(1)} ms (${(shown / jobs.length).toFixed(1)} jobs shown on average); first SQL alone p50 ${median(jobsBaseline).toFixed(0)} ms, p95 ${percentile(jobsBaseline, 95).toFixed(0)} ms over ${jobsBaseline.length}`,
  );

  const employer = actor(data.employerUserId, [
    { role: 'employer', organisationId: data.org.id, organisationKind: 'employer' },
  ]);
  const jobIds = (
    await sql<{ id: string }>`select bench_uuid(1, 1 + (n * 2477) % ${JOBS}::int)::text as id
      from generate_series(1, ${JOB_QUERIES + WARMUP}::int) n order by n`.execute(database.db)
  ).rows.map((r) => r.id);
  const candidates: number[] = [];
  const candidatesBaseline: number[] = [];
  let found = 0;
  for (const [i, jobId] of jobIds.entries()) {
    const t0 = performance.now();
    const r = await candidatesFor(app, employer, jobId, 50, 'vi');
    const t1 = performance.now();
    if (i < WARMUP) continue;
    candidates.push(t1 - t0);
    found += r.items.length;
    if (i % BASELINE_EVERY === 0) {
      const t2 = performance.now();
      await firstCandidatesForSkills(database.db, jobId);
      candidatesBaseline.push(ms(t2));
    }
  }
  ctx.log(
    `${label}: candidates for a job p50 ${median(candidates).toFixed(1)} ms, p95 ${percentile(candidates, 95).toFixed(1)} ms (${(found / candidates.length).toFixed(1)} shown on average); first SQL alone p50 ${median(candidatesBaseline).toFixed(0)} ms, p95 ${percentile(candidatesBaseline, 95).toFixed(0)} ms over ${candidatesBaseline.length}`,
  );
  return {
    jobs: percentile(jobs, 95),
    jobsBaseline: percentile(jobsBaseline, 95),
    candidates: percentile(candidates, 95),
    candidatesBaseline: percentile(candidatesBaseline, 95),
  };
}

function speedFigures(prefix: string, profiles: number, r: Awaited<ReturnType<typeof measureSpeed>>) {
  const size = profiles === PG_PROFILES ? '' : `_${profiles / 1000}k_profiles`;
  return [
    figure({
      name: `talent.matching.jobs_for_learner${prefix}`,
      value: r.jobs,
      unit: 'ms',
      goal: { op: '<', target: 25 },
      baseline: r.jobsBaseline,
    }),
    figure({
      name: `talent.matching.candidates_for_job${prefix}${size}`,
      value: r.candidates,
      unit: 'ms',
      goal: { op: '<', target: 150 },
      baseline: r.candidatesBaseline,
    }),
  ];
}

// ── Quality ──────────────────────────────────────────────────────────────────────────────────────

async function measureQuality(ctx: ScenarioContext) {
  const started = performance.now();
  const set = labelledSet(await readOccupations(), {
    seed: QUALITY_SEED,
    groups: 25,
    perGroup: 3,
    jobsPer: 4,
    learnersPer: 3,
  });
  const database = await openDatabase({ dataDir: 'memory://' });
  try {
    const db = database.db;
    await migrateToLatest(db);
    await seedReference(db);
    await installGenerator(db);
    const skillIds = [
      ...new Set(
        [...set.jobs.flatMap((j) => j.skills), ...set.learners.flatMap((l) => l.skills)].map(
          (s) => s.skillId,
        ),
      ),
    ];
    await db
      .insertInto('skills')
      .values(
        skillIds.map((id) => ({
          id,
          category: 'esco',
          names: JSON.stringify({ vi: id, en: id, ja: id }),
          definitions: JSON.stringify({ vi: '', en: '', ja: '' }),
          search_folded: id,
        })),
      )
      .execute();
    const org = await insertOrganisation(db, {
      slug: 'bench-esco',
      name: 'ESCO',
      kind: 'employer',
      verified: true,
    });
    const today = vietnamDate();
    const jobIds = new Map<string, number>();
    for (const [n, job] of set.jobs.entries()) {
      const row = await db
        .insertInto('jobs')
        .values({
          organisation_id: org.id,
          language: 'en',
          title: job.key,
          country: 'VN',
          province_code: '01',
          currency: 'VND',
          closes_on: sql`${today}::date + 30` as never,
          weight_total: weightTotal(job.skills, null),
          required_count: job.skills.filter((s) => s.required).length,
          search_folded: '',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      jobIds.set(row.id, n);
      await db
        .insertInto('job_skills')
        .values(
          job.skills.map((s) => ({
            job_id: row.id,
            skill_id: s.skillId,
            level: s.level,
            required: s.required,
          })),
        )
        .execute();
    }
    await sql`insert into users (id, email, password_hash, display_name, display_name_folded)
      select bench_uuid(3, n), 'learner' || n || '@bench.invalid', '-', 'Learner ' || n, 'learner ' || n
      from generate_series(1, ${set.learners.length}::int) n`.execute(db);
    await sql`insert into people (id, user_id, full_name, full_name_folded)
      select bench_uuid(2, n), bench_uuid(3, n), 'Learner ' || n, 'learner ' || n
      from generate_series(1, ${set.learners.length}::int) n`.execute(db);
    await sql`insert into talent_profiles (person_id, relocate) select bench_uuid(2, n), true
      from generate_series(1, ${set.learners.length}::int) n`.execute(db);
    const rows = set.learners.flatMap((l, i) =>
      l.skills.map(
        (s) =>
          sql`(bench_uuid(2, ${i + 1}), ${s.skillId}, ${s.verified ? 'assessment' : 'declared'}, ${s.level})`,
      ),
    );
    await sql`insert into person_skills (person_id, skill_id, source, level) values ${sql.join(rows)}`.execute(
      db,
    );
    const userIds = (
      await sql<{
        id: string;
      }>`select bench_uuid(3, n)::text as id from generate_series(1, ${set.learners.length}::int) n order by n`.execute(
        db,
      )
    ).rows.map((r) => r.id);

    const app = { db, database } as AppContext;
    const r = prng(QUALITY_SEED + 1);
    const ours = { precision: 0, ndcg: 0 };
    const overlap = { precision: 0, ndcg: 0 };
    for (const [i, learner] of set.learners.entries()) {
      const all = set.jobs.map((j) => relevance(learner.occupation, j.occupation));
      const matches = await jobMatchesForMe(app, actor(userIds[i]!), 10, 'en');
      const grades = matches.items.map((m) => all[jobIds.get(m.job.id)!]!);
      const a = scoreRanking(grades, all, 10);
      ours.precision += a.precision;
      ours.ndcg += a.ndcg;
      // Keyword overlap: jobs by the number of skill ids they share with the learner, ties at random.
      const held = new Set(learner.skills.map((s) => s.skillId));
      const ranked = r
        .shuffle(set.jobs.map((j, n) => ({ n, shared: j.skills.filter((s) => held.has(s.skillId)).length })))
        .filter((x) => x.shared > 0)
        .sort((x, y) => y.shared - x.shared);
      const b = scoreRanking(
        ranked.map((x) => all[x.n]!),
        all,
        10,
      );
      overlap.precision += b.precision;
      overlap.ndcg += b.ndcg;
    }
    const n = set.learners.length;
    ctx.log(
      `quality: ${set.occupations.length} ESCO occupations in 25 ISCO minor groups, ${set.jobs.length} jobs, ${n} learners: ` +
        `ours nDCG@10 ${(ours.ndcg / n).toFixed(3)}, P@10 ${(ours.precision / n).toFixed(3)}; keyword overlap nDCG@10 ${(overlap.ndcg / n).toFixed(3)}, P@10 ${(overlap.precision / n).toFixed(3)} (${(ms(started) / 1000).toFixed(1)} s)`,
    );
    return [
      figure({
        name: 'talent.matching.quality_ndcg10',
        value: ours.ndcg / n,
        unit: 'nDCG@10',
        goal: { op: '>', target: Math.round((overlap.ndcg / n) * 1000) / 1000 },
        baseline: overlap.ndcg / n,
      }),
      figure({
        name: 'talent.matching.quality_precision10',
        value: ours.precision / n,
        unit: 'ratio',
        baseline: overlap.precision / n,
      }),
    ];
  } finally {
    await database.close();
  }
}

export const talentMatchingScenario: Scenario = {
  prefix: 'talent.matching.',
  description: `jobs for a learner among ${JOBS.toLocaleString('en')} open jobs, candidates for a job among ${PG_PROFILES.toLocaleString('en')} profiles (PostgreSQL; ${PGLITE_PROFILES.toLocaleString('en')} on PGlite) vs the first SQL; nDCG@10 on an ESCO-labelled set vs keyword overlap`,
  async run(ctx) {
    const figures = await measureQuality(ctx);
    const server = await pgDatabase();
    if (!server)
      ctx.log('pg: no PostgreSQL server answers at NHANLUC_TEST_PG_URL or 127.0.0.1:5432 — skipped');
    else {
      try {
        figures.push(...speedFigures('', PG_PROFILES, await measureSpeed(ctx, 'pg', server, PG_PROFILES)));
      } finally {
        await server.drop();
      }
    }
    const dir = mkdtempSync(join(tmpdir(), 'nhanluc-bench-talent-'));
    const lite = await openDatabase({ dataDir: join(dir, 'db') });
    try {
      figures.push(
        ...speedFigures('.pglite', PGLITE_PROFILES, await measureSpeed(ctx, 'pglite', lite, PGLITE_PROFILES)),
      );
    } finally {
      await lite.close();
      rmSync(dir, { recursive: true, force: true });
    }
    return figures;
  },
};
