/**
 * A throw-away, migrated database for one test file: PGlite in memory by default, or a fresh database
 * on the PostgreSQL server when NHANLUC_TEST_DB=pg (dropped afterwards). The suite runs on both.
 */
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { type Database, openDatabase } from '../db/client';
import { migrateToLatest } from '../db/migrate';
import type { DB } from '../db/schema';

export const testDbKind = process.env.NHANLUC_TEST_DB === 'pg' ? 'pg' : 'pglite';
export const PG_ADMIN_URL = process.env.NHANLUC_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export type TestDatabase = Database & { drop(): Promise<void>; url?: string };

export async function createEmptyTestDatabase(): Promise<TestDatabase> {
  if (testDbKind === 'pglite') {
    const database = await openDatabase({ dataDir: 'memory://' });
    return { ...database, drop: () => database.close() };
  }
  const name = `nhanluc_test_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  const database = await openDatabase({ url });
  return {
    ...database,
    url,
    drop: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/**
 * PGlite: the suite's files share a worker process (vitest runs them without isolation), so the first
 * file migrates one database, keeps a dump of its data folder, and every later one starts from that
 * dump: a second of set-up less per file. The migrations themselves run as at start-up.
 */
let migratedDump: Promise<Blob> | undefined;
function migratedPgliteDump() {
  migratedDump ??= (async () => {
    const client = await PGlite.create('memory://');
    const db = new Kysely<DB>({ dialect: new PGliteDialect(client) });
    await migrateToLatest(db);
    const dump = await client.dumpDataDir('none');
    await db.destroy();
    return dump;
  })();
  return migratedDump;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (testDbKind === 'pglite') {
    const database = await openDatabase({ dataDir: 'memory://', loadDataDir: await migratedPgliteDump() });
    return { ...database, drop: () => database.close() };
  }
  const database = await createEmptyTestDatabase();
  await migrateToLatest(database.db);
  return database;
}

/** How many rows a table holds: the count tests compare before and after. */
export async function countRows(db: Database['db'], table: keyof DB): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
