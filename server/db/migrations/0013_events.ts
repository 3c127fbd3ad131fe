/**
 * Events and outreach (issue 6): events organised by an organisation, optionally within a program,
 * online or in a province, with a capacity; their participants, each a person of the registry (one
 * real person, however many events), registered ahead or walked in, and checked in by staff.
 *
 * Impact monitoring reads these tables: attendance is `checked_in_at is not null`. A participation
 * points at the person as registered; after a merge it points at the survivor (registry/review).
 */
import type { Kysely } from 'kysely';
import { runScript } from '../ddl';

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then
export async function up(db: Kysely<any>) {
  await runScript(
    db,
    `
    create table events (
      id uuid primary key default gen_random_uuid(),
      program_id uuid references programs (id),
      organisation_id uuid not null references organisations (id),
      topic text not null check (topic in ('4ir_careers', 'women_in_ai', 'digital_education', 'other')),
      -- One title and description in the organiser's language, translations beside them (as courses).
      title text not null,
      description text not null default '',
      language text not null check (language in ('vi', 'en', 'ja')),
      translations jsonb not null default '{}'::jsonb,
      -- foldVi of the title in every language: accent-insensitive search.
      title_folded text not null,
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      online boolean not null,
      province_code text references provinces (code),
      location text,
      capacity integer check (capacity > 0),
      status text not null default 'open' check (status in ('open', 'closed', 'cancelled')),
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (ends_at > starts_at),
      check (online or province_code is not null)
    );
    create index events_starts_idx on events (starts_at);
    create index events_organisation_idx on events (organisation_id, starts_at);
    create index events_program_idx on events (program_id) where program_id is not null;

    create table event_participants (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references events (id),
      person_id uuid not null references people (id),
      registered_at timestamptz not null default now(),
      -- The account that registered: the learner themself, or the staff member who added a walk-in,
      -- null for a visitor's form.
      registered_by uuid references users (id) on delete set null,
      walk_in boolean not null default false,
      checked_in_at timestamptz,
      checked_in_by uuid references users (id) on delete set null,
      -- SHA-256 of the QR code's token (the token itself is derived from the row's id under a server
      -- key, so the registrant can be shown the same code again; see decision 013).
      check_in_token_hash text not null unique,
      short_code text not null,
      -- The year given by a visitor who gave no full date of birth (the registry keeps exact dates
      -- only: a made-up 1 January would make namesakes born the same year one person).
      birth_year smallint check (birth_year between 1900 and 2100),
      unique (event_id, person_id),
      unique (event_id, short_code),
      check (not walk_in or checked_in_at is not null)
    );
    create index event_participants_person_idx on event_participants (person_id);
  `,
  );
}
