/**
 * Programs (New Opportunities, Mekong Innovation Initiative, Women in AI, …) and the organisations
 * taking part in each, as partner or donor. Targets, budgets and indicators come with impact monitoring.
 */
import type { Kysely } from 'kysely';
import { runScript } from '../ddl';

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then
export async function up(db: Kysely<any>) {
  await runScript(
    db,
    `
    create table programs (
      id uuid primary key default gen_random_uuid(),
      code text not null unique check (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      name_vi text not null,
      name_en text not null,
      name_ja text not null,
      summary_vi text not null default '',
      summary_en text not null default '',
      summary_ja text not null default '',
      name_folded text not null,
      starts_on date,
      ends_on date,
      is_demo boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (ends_on is null or starts_on is null or ends_on >= starts_on)
    );

    create table program_organisations (
      program_id uuid not null references programs (id) on delete cascade,
      organisation_id uuid not null references organisations (id) on delete cascade,
      role text not null check (role in ('lead', 'partner', 'donor', 'employer')),
      primary key (program_id, organisation_id, role)
    );
    create index program_organisations_org_idx on program_organisations (organisation_id);
  `,
  );
}
