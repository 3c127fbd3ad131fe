import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, PG_ADMIN_URL, type TestDatabase, testDbKind } from '../test/db';

let database: TestDatabase | undefined;
afterAll(() => database?.drop());

describe.skipIf(testDbKind !== 'pg')('a PostgreSQL server that ends connections', () => {
  it('keeps the process up when the server ends an idle connection, and answers on a new one', async () => {
    database = await createTestDatabase();
    await sql`select 1`.execute(database.db);
    const said = vi.spyOn(console, 'error').mockImplementation(() => {});
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    const name = new URL(database.url!).pathname.slice(1);
    await admin.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [name],
    );
    await admin.end();
    await vi.waitFor(() =>
      expect(said).toHaveBeenCalledWith(expect.stringContaining('idle connection was closed')),
    );
    said.mockRestore();
    const { rows } = await sql<{ n: number }>`select 2 as n`.execute(database.db);
    expect(rows).toEqual([{ n: 2 }]);
  });
});
