/**
 * A throw-away, migrated database for one test file: PGlite in memory by default, or a fresh database
 * on the PostgreSQL server when NHANLUC_TEST_DB=pg (dropped afterwards). The suite runs on both.
 */
import { randomBytes } from 'node:crypto';
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

export async function createTestDatabase(): Promise<TestDatabase> {
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
