/**
 * The people registry: identity fields that let the same person be recognised across partners'
 * rosters (the national ID only as a keyed hash and an encrypted copy), the keys that find match
 * candidates, which organisations know each person, roster imports, the review queue of likely
 * duplicates, reversible merges, and consent per purpose (Law 91/2025/QH15) as an append-only history.
 */
import type { Kysely } from 'kysely';
import { runScript } from '../ddl';

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then
export async function up(db: Kysely<any>) {
  await runScript(
    db,
    `
    alter table people
      add column national_id_hash text,
      add column national_id_enc text,
      add column phone text,
      add column email text,
      add column disability boolean,
      add column merged_into uuid references people (id),
      add column anonymised_at timestamptz;
    create unique index people_national_id_key on people (national_id_hash)
      where national_id_hash is not null and merged_into is null;
    create index people_phone_idx on people (phone) where phone is not null;
    create index people_email_idx on people (email) where email is not null;

    -- Blocking keys (registry/match.ts blockingKeys): candidates of a record are the people sharing a key.
    create table person_keys (
      key text not null,
      person_id uuid not null references people (id) on delete cascade,
      primary key (key, person_id)
    );
    create index person_keys_person_idx on person_keys (person_id);

    create table roster_imports (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations (id),
      created_by uuid references users (id) on delete set null,
      file_name text not null,
      file_sha256 text not null,
      file_id uuid references files (id) on delete set null,
      status text not null default 'previewed' check (status in ('previewed', 'committed', 'failed')),
      format text check (format in ('csv', 'xlsx')),
      -- The preview's report: counts, file problems and the first row problems (codes and params).
      report jsonb not null default '{}'::jsonb,
      mode text check (mode in ('all', 'valid')),
      rows_total integer not null default 0,
      rows_valid integer not null default 0,
      rows_rejected integer not null default 0,
      people_created integer not null default 0,
      people_matched integer not null default 0,
      enrolments_created integer not null default 0,
      pairs_queued integer not null default 0,
      created_at timestamptz not null default now(),
      committed_at timestamptz
    );
    create index roster_imports_org_idx on roster_imports (organisation_id, created_at desc);

    -- Which organisations know a person: a partner sees only the people it enrolled or imported.
    create table person_organisations (
      person_id uuid not null references people (id) on delete cascade,
      organisation_id uuid not null references organisations (id),
      import_id uuid references roster_imports (id) on delete set null,
      created_at timestamptz not null default now(),
      primary key (person_id, organisation_id)
    );
    create index person_organisations_org_idx on person_organisations (organisation_id);

    create table duplicate_pairs (
      id uuid primary key default gen_random_uuid(),
      person_a uuid not null references people (id) on delete cascade,
      person_b uuid not null references people (id) on delete cascade,
      score real not null,
      reasons text[] not null,
      status text not null default 'open' check (status in ('open', 'not_duplicate', 'merged')),
      import_id uuid references roster_imports (id) on delete set null,
      created_at timestamptz not null default now(),
      decided_by uuid references users (id) on delete set null,
      decided_at timestamptz,
      check (person_a < person_b),
      unique (person_a, person_b)
    );
    create index duplicate_pairs_open_idx on duplicate_pairs (status, score desc);

    -- A merge moves rows from one person to another; what it moved is kept so it can be undone.
    create table person_merges (
      id uuid primary key default gen_random_uuid(),
      survivor_id uuid not null references people (id),
      merged_id uuid not null references people (id),
      pair_id uuid references duplicate_pairs (id) on delete set null,
      moved jsonb not null,
      merged_by uuid references users (id) on delete set null,
      merged_at timestamptz not null default now(),
      undone_by uuid references users (id) on delete set null,
      undone_at timestamptz
    );
    create index person_merges_people_idx on person_merges (survivor_id, merged_id);

    -- Consent per purpose: every grant and withdrawal is a row; the latest per purpose is in force.
    create table consents (
      id uuid primary key default gen_random_uuid(),
      person_id uuid not null references people (id) on delete cascade,
      purpose text not null check (purpose in (
        'training_records', 'impact_reporting', 'job_matching', 'share_employers_vn', 'share_employers_jp'
      )),
      granted boolean not null,
      wording_version text not null,
      source text not null check (source in ('self', 'staff')),
      recorded_by uuid references users (id) on delete set null,
      recorded_at timestamptz not null default now()
    );
    create index consents_person_idx on consents (person_id, purpose, recorded_at desc);
    `,
  );
}
