/**
 * Vietnam's administrative map since 1 Jul 2025: 34 provincial units, their communes (no district
 * level), and the 63 former provinces, each mapped to the unit it became part of.
 */
import type { Kysely } from 'kysely';
import { runScript } from '../ddl';

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then
export async function up(db: Kysely<any>) {
  await runScript(
    db,
    `
    create table provinces (
      code text primary key check (code ~ '^[0-9]{2}$'),
      name text not null,
      name_en text not null,
      kind text not null check (kind in ('city', 'province')),
      name_folded text not null
    );

    create table former_provinces (
      code text primary key check (code ~ '^[0-9]{2}$'),
      name text not null,
      name_folded text not null,
      province_code text not null references provinces (code)
    );

    create table communes (
      code text primary key check (code ~ '^[0-9]{5}$'),
      province_code text not null references provinces (code),
      name text not null,
      kind text not null check (kind in ('ward', 'commune', 'special_zone')),
      name_folded text not null
    );
    create index communes_province_idx on communes (province_code);
    create index communes_folded_idx on communes (name_folded);
  `,
  );
}
