/**
 * The one way to reach the database: PGlite (embedded, a folder under DATA_DIR) by default,
 * a PostgreSQL server when a postgres:// URL is given. Both speak PostgreSQL, so every query in the
 * repositories runs unchanged on either.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { DB } from './schema';

export type DbKind = 'pglite' | 'pg';

export interface Database {
  db: Kysely<DB>;
  kind: DbKind;
  /** Where the embedded database lives (PGlite only). */
  dataDir?: string;
  close(): Promise<void>;
}

// int8 (count, bigserial) as a JS number, numeric stays a string: ids and counts fit in 2^53.
// A calendar date (date, OID 1082) stays the ISO string it is: no time zone may shift it.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(1082, (v) => v);

export interface DbOptions {
  /** postgres://… for a server; otherwise an embedded PGlite in `dataDir`. */
  url?: string;
  /** Folder for PGlite; `memory://` keeps it in memory (tests). */
  dataDir?: string;
  /** PGlite only: start from this dump of a data folder instead of an empty one (tests' migrated template). */
  loadDataDir?: Blob;
}

export async function openDatabase(opts: DbOptions): Promise<Database> {
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: 10 });
    // An idle connection the server ends (a restart, a dropped database, an administrator) is an
    // 'error' on the pool: without a listener Node would end the process. The pool opens a new one
    // when next needed, so saying so is enough.
    pool.on('error', (err) => console.error(`database: an idle connection was closed: ${err.message}`));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'pg', close: () => db.destroy() };
  }
  const dir = opts.dataDir ?? './data/db';
  if (!dir.startsWith('memory://')) mkdirSync(dir, { recursive: true });
  const client = await PGlite.create(dir, {
    parsers: { 20: (v: string) => Number.parseInt(v, 10), 1082: (v: string) => v },
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(client) });
  return { db, kind: 'pglite', dataDir: dir, close: () => db.destroy() };
}

export function pgliteDir(dataDir: string) {
  return join(dataDir, 'db');
}
