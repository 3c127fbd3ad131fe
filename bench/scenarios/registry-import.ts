/**
 * Roster import at scale: a generated 100,000-row CSV roster — 10% of its rows are noisy duplicates of
 * people already in the registry (accents dropped, typos, names swapped, phones and dates rewritten),
 * 2% are bad rows (impossible dates, broken phone numbers) — read, checked and imported the way the
 * API's commit does it (`checkRoster` + `importRecords` in one transaction), on PGlite in a temporary
 * folder and on a throw-away database of the PostgreSQL server (skipped with a note when none answers).
 *
 * Baseline, in the same run on the same database: a raw multi-row insert of the same 100,000 rows
 * into a bare table of the same columns, without checks, matching or enrolment.
 * The registry (20,000 people) is imported first and not timed.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { foldVi } from '../../common/text';
import { type Database, openDatabase } from '../../server/db/client';
import { migrateToLatest } from '../../server/db/migrate';
import { seedReference } from '../../server/db/seed/reference';
import { makeCourse } from '../../server/modules/enrolment/test-fixtures';
import { resolveProvince } from '../../server/modules/geo/service';
import { insertOrganisation } from '../../server/modules/organisations/repo';
import { importRecords } from '../../server/modules/registry/importer';
import type { RosterRecord } from '../../server/modules/registry/roster/validate';
import { checkRoster } from '../../server/modules/registry/roster/validate';
import { type SyntheticRecord, syntheticPopulation } from '../../server/modules/registry/synthetic';
import { figure } from '../lib/figure';
import type { Scenario, ScenarioContext } from '../lib/scenario';

const EXISTING = 20_000;
const ROSTER_ROWS = 100_000;
const DUPLICATE_ROWS = 10_000;
const BAD_ROWS = 2_000;
const COHORT = 'BENCH-K1';
const SECRET = { PERSONAL_DATA_SECRET: randomBytes(32).toString('base64') };
const PG_ADMIN_URL = process.env.NHANLUC_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const HEADER = 'full_name,sex,date_of_birth,national_id,phone,email,province,cohort_code,status';
const field = (v: string | number | Date | null | undefined) => {
  const s = v instanceof Date ? v.toISOString().slice(0, 10) : v === null || v === undefined ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};
const line = (r: SyntheticRecord['row']) =>
  [r.fullName, r.sex, r.dateOfBirth, r.nationalId, r.phone, r.email, r.provinceCode, COHORT, 'enrolled']
    .map(field)
    .join(',');

/** The registry's people and the roster to import, from one synthetic population. */
export function buildData() {
  // Half of the people get a second (noisy) record, so the registry's 20,000 people have well over the
  // 10,000 duplicates the roster takes; the newcomers' extra records are left out.
  const population = syntheticPopulation({
    seed: 2026,
    people: EXISTING + ROSTER_ROWS,
    duplicateRate: Number(process.env.DUPRATE ?? 0.5),
  });
  const first = new Map<number, SyntheticRecord>();
  const again: SyntheticRecord[] = [];
  for (const r of population.records) {
    if (!first.has(r.personId)) first.set(r.personId, r);
    else again.push(r);
  }
  const existing = [...first.values()].filter((r) => r.personId < EXISTING);
  const duplicates = again.filter((r) => r.personId < EXISTING).slice(0, DUPLICATE_ROWS);
  const newcomers = [...first.values()].filter((r) => r.personId >= EXISTING);
  const fresh = newcomers.slice(0, ROSTER_ROWS - duplicates.length - BAD_ROWS);
  const bad = newcomers.slice(fresh.length, fresh.length + BAD_ROWS).map((r, i) => ({
    ...r,
    row: { ...r.row, ...(i % 2 === 0 ? { dateOfBirth: '31/02/1999' } : { phone: '12345' }) },
  }));
  const rows = [...fresh, ...duplicates, ...bad];
  // Interleave deterministically, as a real roster mixes new and known people.
  rows.sort((a, b) => ((a.personId * 7919) % 10007) - ((b.personId * 7919) % 10007));
  const csv = (records: SyntheticRecord[]) =>
    Buffer.from(`${[HEADER, ...records.map((r) => line(r.row))].join('\n')}\n`);
  return {
    existingCsv: csv(existing),
    rosterCsv: csv(rows),
    rows: rows.length,
    duplicates: duplicates.length,
  };
}

export async function prepare(database: Database) {
  await migrateToLatest(database.db);
  await seedReference(database.db);
  const org = await insertOrganisation(database.db, {
    slug: 'bench-roster',
    name: 'Bench',
    kind: 'training_partner',
  });
  const course = await makeCourse(database.db, org.id, 'bench-roster-course');
  await database.db
    .insertInto('cohorts')
    .values({
      course_id: course.id,
      organisation_id: org.id,
      code: COHORT,
      name: 'Bench',
      starts_on: '2026-01-05',
    })
    .execute();
  return org.id;
}

/** Check and import a CSV as the commit does; returns rows read per second and the counts. */
export async function importCsv(database: Database, organisationId: string, csv: Buffer) {
  const started = performance.now();
  const rows: { row: number; record: RosterRecord }[] = [];
  const report = await checkRoster(
    csv,
    {
      cohortExists: (code) => code === COHORT,
      resolveProvince: async (input) => (await resolveProvince(database.db, input))?.province.code ?? null,
    },
    { onRow: (r) => void (r.record && rows.push({ row: r.row, record: r.record })) },
  );
  const importId = (
    await database.db
      .insertInto('roster_imports')
      .values({ organisation_id: organisationId, file_name: 'bench.csv', file_sha256: 'x' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const counts = await database.db
    .transaction()
    .execute((trx) => importRecords(SECRET, trx, { organisationId, importId, actorUserId: null, rows }));
  const seconds = (performance.now() - started) / 1000;
  return { rowsPerSecond: report.rowsRead / seconds, seconds, report, counts };
}

/** The same rows, inserted raw into a bare table: what the database itself costs. */
async function rawInsert(database: Database, csv: Buffer) {
  await sql`create table bench_raw (id uuid primary key default gen_random_uuid(), full_name text, full_name_folded text,
    sex text, date_of_birth text, national_id text, phone text, email text, province text)`.execute(
    database.db,
  );
  const lines = csv.toString('utf8').trim().split('\n').slice(1);
  const started = performance.now();
  for (let i = 0; i < lines.length; i += 1000) {
    const values = lines.slice(i, i + 1000).map((l) => {
      const [name = '', sex, dob, id, phone, email, province] = l.split(',');
      return sql`(${name}, ${foldVi(name)}, ${sex}, ${dob}, ${id}, ${phone}, ${email}, ${province})`;
    });
    await sql`insert into bench_raw (full_name, full_name_folded, sex, date_of_birth, national_id, phone, email, province)
      values ${sql.join(values)}`.execute(database.db);
  }
  return lines.length / ((performance.now() - started) / 1000);
}

async function run(
  ctx: ScenarioContext,
  label: 'pglite' | 'pg',
  database: Database,
  data: ReturnType<typeof buildData>,
) {
  const org = await prepare(database);
  const existing = await importCsv(database, org, data.existingCsv);
  ctx.log(
    `${label}: registry of ${existing.counts.peopleCreated} people imported in ${existing.seconds.toFixed(1)} s`,
  );
  const r = await importCsv(database, org, data.rosterCsv);
  const raw = await rawInsert(database, data.rosterCsv);
  ctx.log(
    `${label}: ${r.report.rowsRead} rows in ${r.seconds.toFixed(1)} s (${Math.round(r.rowsPerSecond)} rows/s; raw insert ${Math.round(raw)} rows/s): ` +
      `${r.report.rowsRejected} rejected, ${r.counts.peopleCreated} new people, ${r.counts.peopleMatched} matched (of ${data.duplicates} known), ` +
      `${r.counts.enrolmentsCreated} enrolments, ${r.counts.pairsQueued} pairs to review`,
  );
  return { ...r, raw };
}

export async function pgDatabase(): Promise<(Database & { drop(): Promise<void> }) | null> {
  const name = `nhanluc_bench_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
    await admin.query(`create database ${name}`);
  } catch {
    return null;
  } finally {
    await admin.end().catch(() => undefined);
  }
  const database = await openDatabase({ url: PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`) });
  return {
    ...database,
    drop: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export const registryImportScenario: Scenario = {
  prefix: 'registry.import.',
  description: `check + match + import of a ${ROSTER_ROWS.toLocaleString('en')}-row roster (10% known people, 2% bad rows) vs a raw insert, PGlite and PostgreSQL`,
  async run(ctx) {
    const data = buildData();
    const figures = [];
    const dir = mkdtempSync(join(tmpdir(), 'nhanluc-bench-roster-'));
    const lite = await openDatabase({ dataDir: join(dir, 'db') });
    try {
      const r = await run(ctx, 'pglite', lite, data);
      figures.push(
        figure({
          name: 'registry.import.pglite_rows_per_s',
          value: r.rowsPerSecond,
          unit: 'rows/s',
          goal: { op: '>=', target: 5000 },
          baseline: r.raw,
        }),
        figure({ name: 'registry.import.pglite_matched', value: r.counts.peopleMatched, unit: 'rows' }),
      );
    } finally {
      await lite.close();
      rmSync(dir, { recursive: true, force: true });
    }
    const server = await pgDatabase();
    if (!server) {
      ctx.log('pg: no PostgreSQL server answers at NHANLUC_TEST_PG_URL or 127.0.0.1:5432 — skipped');
      return figures;
    }
    try {
      const r = await run(ctx, 'pg', server, data);
      figures.push(
        figure({
          name: 'registry.import.pg_rows_per_s',
          value: r.rowsPerSecond,
          unit: 'rows/s',
          goal: { op: '>=', target: 15000 },
          baseline: r.raw,
        }),
      );
    } finally {
      await server.drop();
    }
    return figures;
  },
};
