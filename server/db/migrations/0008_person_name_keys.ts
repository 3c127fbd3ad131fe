/**
 * The registry finds a person's candidates in `people`'s own indexes instead of a table of keys: the
 * phone, e-mail and national-ID hash are indexed there already, and the two date keys become an index
 * on (date of birth, a half of the name) — the folded family name and the sorted initials, computed by
 * registry/match.ts `nameKeys` when a person is written. A merged record keeps its own fields, so its
 * keys still lead to it and the lookup follows `merged_into` to the survivor; nothing moves on a merge.
 * An import of 100,000 rows wrote ≈330,000 key rows, each with two index entries: that cost goes.
 *
 * The existing people get their name halves here, computed by this version's `nameKeys`.
 */
import { type Kysely, sql } from 'kysely';
import { nameKeys } from '../../modules/registry/match';

const PAGE = 5_000;

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then
export async function up(db: Kysely<any>) {
  await sql`alter table people add column name_family text, add column name_initials text`.execute(db);
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const { rows } = await sql<{ id: string; full_name: string }>`
      select id, full_name from people where id > ${after}::uuid and anonymised_at is null
      order by id limit ${PAGE}`.execute(db);
    if (rows.length === 0) break;
    after = rows.at(-1)!.id;
    const keyed = rows.flatMap((r) => {
      const k = nameKeys(r.full_name);
      return k ? [{ id: r.id, ...k }] : [];
    });
    if (keyed.length === 0) continue;
    await sql`
      update people p set name_family = v.family, name_initials = v.initials
      from unnest(${sql.val(keyed.map((k) => k.id))}::uuid[], ${sql.val(keyed.map((k) => k.family))}::text[],
        ${sql.val(keyed.map((k) => k.initials))}::text[]) as v(id, family, initials)
      where p.id = v.id`.execute(db);
  }
  await sql`create index people_dob_family_idx on people (date_of_birth, name_family)
    where date_of_birth is not null and name_family is not null`.execute(db);
  await sql`create index people_dob_initials_idx on people (date_of_birth, name_initials)
    where date_of_birth is not null and name_initials is not null`.execute(db);
  await sql`drop table person_keys`.execute(db);
}
