/**
 * The registry's match keys are derived data (registry/match.ts blockingKeys), written five to a person
 * by every import: the foreign key to people doubled the cost of writing them, and people are never
 * deleted (erasure anonymises the row and deletes its keys itself), so it goes. The keys of the sorted
 * name tokens ('t:') are no longer looked up (day–month swaps are looked up by date instead): removed.
 */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then
export async function up(db: Kysely<any>) {
  await sql`alter table person_keys drop constraint if exists person_keys_person_id_fkey`.execute(db);
  await sql`delete from person_keys where key like 't:%'`.execute(db);
}
