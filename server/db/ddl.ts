import { type Kysely, sql } from 'kysely';

/**
 * Runs a DDL script statement by statement (PGlite's extended protocol takes one statement a query).
 * Statements end with a semicolon at the end of a line; migrations are written that way.
 */
// biome-ignore lint/suspicious/noExplicitAny: DDL runs against any schema
export async function runScript(db: Kysely<any>, script: string) {
  const statements = script
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  for (const statement of statements) await sql.raw(statement).execute(db);
}
