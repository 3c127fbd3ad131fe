/**
 * Bulk data for the talent bench (talent-matching.ts): open jobs and consenting profiles with skills
 * of the product's 4IR taxonomy, generated inside the database with generate_series so a million
 * profiles take seconds on PostgreSQL rather than a million round trips.
 *
 * People are drawn from occupation-like roles (a semiconductor technician, a data analyst, a
 * caregiver going to Japan…): each role lists the taxonomy skills it uses, a person holds most of
 * their role's skills at a spread of levels — some verified by a certificate or an assessment, most
 * declared — plus a stray skill or two; a job asks for a handful of its role's skills. Every choice
 * is a hash of the row number, so every run builds the same data on PGlite and on PostgreSQL.
 */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../server/db/schema';
import { taxonomy } from '../../server/modules/talent/taxonomy/skills';

type Db = Kysely<DB>;

/** Occupation-like roles over the taxonomy's skill ids. */
export const ROLES: readonly (readonly string[])[] = [
  ['ai.python', 'ai.data-analysis', 'ai.data-visualisation', 'ai.statistics', 'ai.sql', 'ai.spreadsheets'],
  [
    'ai.python',
    'ai.machine-learning',
    'ai.deep-learning',
    'ai.statistics',
    'ai.responsible-ai',
    'ai.generative-ai',
  ],
  [
    'cloud.computing',
    'cloud.linux',
    'cloud.networking',
    'cloud.containers',
    'cyber.cloud-security',
    'ai.python',
  ],
  [
    'cyber.passwords',
    'cyber.phishing',
    'cyber.backup',
    'cyber.network-security',
    'cyber.data-protection',
    'cloud.networking',
  ],
  ['iot.sensors', 'iot.microcontrollers', 'iot.embedded-c', 'iot.wireless', 'iot.smart-agriculture'],
  ['semi.ic-design', 'semi.hdl', 'semi.verification', 'semi.schematics', 'ai.python'],
  [
    'semi.fab-process',
    'semi.cleanroom',
    'semi.chemical-safety',
    'semi.wafer-inspection',
    'semi.microscopy',
    'dig.quality-5s',
  ],
  [
    'semi.soldering',
    'semi.pcb-assembly',
    'semi.schematics',
    'semi.testing',
    'dig.quality-5s',
    'soft.teamwork',
  ],
  ['semi.packaging', 'semi.testing', 'semi.wafer-inspection', 'semi.cleanroom', 'soft.problem-solving'],
  ['dig.office', 'dig.e-government', 'ai.spreadsheets', 'soft.communication', 'cyber.passwords'],
  ['ja.japanese', 'ja.workplace-japanese', 'soft.japanese-workplace', 'dig.quality-5s', 'soft.teamwork'],
  ['dig.teaching', 'dig.office', 'soft.communication', 'ai.generative-ai', 'cyber.phishing'],
  ['ja.japanese', 'soft.japanese-workplace', 'semi.soldering', 'semi.pcb-assembly', 'dig.quality-5s'],
  ['soft.teamwork', 'soft.communication', 'soft.problem-solving', 'dig.office', 'ai.spreadsheets', 'ai.sql'],
];

/** Provinces jobs and people are spread over (codes of the seeded reference list). */
const PROVINCES = ['01', '79', '48', '92', '31', '22', '75', '24', '38', '46'];

/**
 * `bench_rand(n, k)`: a uniform number in [0, 1) from the row number n and the draw k, the same on
 * every run and every database.
 */
export async function installGenerator(db: Db) {
  await sql`create or replace function bench_rand(n bigint, k int) returns float8 language sql immutable
    as $$ select (hashint8(n * 1009 + k) & 2147483647)::float8 / 2147483648.0 $$`.execute(db);
  // Ids in row order: appending to the indexes is much cheaper than scattering a million random ones.
  await sql`create or replace function bench_uuid(kind int, n bigint) returns uuid language sql immutable
    as $$ select (lpad(to_hex(kind), 8, '0') || '-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid $$`.execute(
    db,
  );
  await sql`create table if not exists bench_roles (role int, pos int, skill_id text, primary key (role, pos))`.execute(
    db,
  );
  await sql`delete from bench_roles`.execute(db);
  await sql`insert into bench_roles (role, pos, skill_id) values ${sql.join(
    ROLES.flatMap((skills, role) => skills.map((s, pos) => sql`(${role}, ${pos}, ${s})`)),
  )}`.execute(db);
}

/**
 * Runs a bulk load into `tables` in one transaction, as one loads a dump: foreign-key triggers off
 * (the generated rows point only at rows made before them) and the tables' indexes dropped and built
 * again afterwards, in one sort each rather than millions of insertions. An index that backs a key
 * another table refers to stays. The definitions are read from the catalog, so what is rebuilt is
 * exactly what the migrations made.
 */
export function bulkLoad(db: Db, tables: readonly string[], load: (trx: Db) => Promise<void>) {
  return db.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    const { rows: constraints } = await sql<{ table: string; name: string; def: string }>`
      select c.conrelid::regclass::text as table, c.conname as name, pg_get_constraintdef(c.oid) as def
      from pg_constraint c
      where c.conrelid::regclass::text in (${sql.join(tables)}) and c.contype in ('p', 'u')
        and not exists (select 1 from pg_constraint f where f.contype = 'f' and f.conindid = c.conindid)`.execute(
      trx,
    );
    const { rows: indexes } = await sql<{ name: string; def: string }>`
      select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
      from pg_index i
      where i.indrelid::regclass::text in (${sql.join(tables)})
        and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`.execute(trx);
    for (const c of constraints)
      await sql`alter table ${sql.id(c.table)} drop constraint ${sql.id(c.name)}`.execute(trx);
    for (const i of indexes) await sql`drop index ${sql.raw(i.name)}`.execute(trx);
    await load(trx);
    for (const c of constraints)
      await sql`alter table ${sql.id(c.table)} add constraint ${sql.id(c.name)} ${sql.raw(c.def)}`.execute(
        trx,
      );
    for (const i of indexes) await sql.raw(i.def).execute(trx);
  });
}

const provinceArray = sql.raw(`array[${PROVINCES.map((p) => `'${p}'`).join(',')}]`);
const skillArray = sql.raw(`array[${taxonomy.map((s) => `'${s.id}'`).join(',')}]`);

/**
 * `count` open jobs (and a tenth as many closed ones the matching must not show) of one employer, each
 * asking for 3–6 skills of its role at level 2–4, about 60% of them required; a third of the jobs are
 * in Japan, most of those with a JLPT level.
 */
export async function generateJobs(db: Db, p: { count: number; organisationId: string; today: string }) {
  const total = Math.round(p.count * 1.1);
  await sql`create table bench_job_skills as
    select j, skill_id, 2 + floor(bench_rand(j, 10 + pos) * 3)::int as level, bench_rand(j, 20 + pos) < 0.6 as required
    from (
      select j, r.pos, r.skill_id,
        row_number() over (partition by j order by bench_rand(j, 30 + r.pos)) as n,
        3 + floor(bench_rand(j, 2) * 4)::int as k
      from generate_series(1, ${total}::int) j
      join bench_roles r on r.role = floor(bench_rand(j, 1) * ${ROLES.length})::int
    ) x
    where n <= k`.execute(db);
  await sql`insert into jobs (id, organisation_id, language, title, country, province_code, prefecture, jlpt_min,
      currency, closes_on, status, weight_total, required_count, search_folded)
    select bench_uuid(1, j), ${p.organisationId}::uuid, 'vi', 'Việc làm ' || j,
      case when jp then 'JP' else 'VN' end,
      case when jp then null else (${provinceArray})[1 + (j % ${PROVINCES.length})] end,
      case when jp then lpad((1 + j % 47)::text, 2, '0') end,
      jlpt,
      case when jp then 'JPY' else 'VND' end,
      ${p.today}::date + (1 + j % 120),
      case when j > ${p.count}::int then 'closed' else 'open' end,
      w + case when jlpt is null then 0 else 2 end, req, ''
    from (
      select j, bench_rand(j, 3) < 0.33 as jp,
        sum(case when required then 2 else 1 end) as w, count(*) filter (where required) as req
      from bench_job_skills group by j
    ) s,
    lateral (select case when jp and bench_rand(j, 4) < 0.8 then 1 + floor(bench_rand(j, 5) * 3)::int end as jlpt) l`.execute(
    db,
  );
  await sql`insert into job_skills (job_id, skill_id, level, required)
    select bench_uuid(1, j), skill_id, level, required from bench_job_skills`.execute(db);
  await sql`drop table bench_job_skills`.execute(db);
}

/**
 * `count` people with a talent profile each, numbered from `from`: about 70% open to employers in Viet
 * Nam, 35% to employers in Japan; ~4–5 skills of their role (each kept with probability 0.75) at
 * levels 1–5 (mostly 2–4), 40% of them verified, and a stray declared skill for 60% of them.
 */
export async function generateProfiles(db: Db, p: { from: number; count: number }) {
  const range = sql`generate_series(${p.from}::int, ${p.from + p.count - 1}::int) i`;
  await sql`insert into people (id, full_name, full_name_folded, province_code)
    select bench_uuid(2, i), 'Người học ' || i, 'nguoi hoc ' || i, (${provinceArray})[1 + (i % ${PROVINCES.length})]
    from ${range}`.execute(db);
  await sql`insert into talent_profiles (person_id, province_code, relocate, work_in_japan, jlpt, open_vn, open_jp)
    select bench_uuid(2, i), (${provinceArray})[1 + (i % ${PROVINCES.length})],
      bench_rand(i, 1) < 0.3, bench_rand(i, 2) < 0.4,
      case when bench_rand(i, 3) < 0.3 then 1 + floor(bench_rand(i, 4) * 4)::int end,
      bench_rand(i, 5) < 0.7, bench_rand(i, 6) < 0.35
    from ${range}`.execute(db);
  const role = sql`floor(bench_rand(i, 7) * ${ROLES.length})::int`;
  await sql`insert into person_skills (person_id, skill_id, source, level)
    select bench_uuid(2, i), skill_id,
      case when v < 0.3 then 'certificate' when v < 0.4 then 'assessment' else 'declared' end,
      least(5, 1 + floor(bench_rand(i, 40 + pos) * 3)::int + floor(bench_rand(i, 50 + pos) * 3)::int)
    from ${range}
    join bench_roles r on r.role = ${role},
    lateral (select bench_rand(i, 60 + pos) as v) s
    where bench_rand(i, 30 + pos) < 0.75`.execute(db);
  // A stray skill outside the person's role.
  await sql`insert into person_skills (person_id, skill_id, source, level)
    select bench_uuid(2, i), stray, 'declared', 1 + floor(bench_rand(i, 9) * 3)::int
    from ${range},
    lateral (select (${skillArray})[1 + floor(bench_rand(i, 8) * ${taxonomy.length})::int] as stray) s
    where bench_rand(i, 10) < 0.6
      and not exists (select 1 from bench_roles r where r.role = ${role} and r.skill_id = stray)`.execute(db);
}
