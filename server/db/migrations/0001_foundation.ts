/** Accounts, sessions, organisations, role grants, the audit log and start-up metadata. */
import type { Kysely } from 'kysely';
import { runScript } from '../ddl';

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then
export async function up(db: Kysely<any>) {
  await runScript(
    db,
    `
    create table app_meta (
      key text primary key,
      value text not null,
      updated_at timestamptz not null default now()
    );

    create table users (
      id uuid primary key default gen_random_uuid(),
      email text not null,
      password_hash text not null,
      display_name text not null,
      display_name_folded text not null,
      locale text not null default 'vi' check (locale in ('vi', 'en', 'ja')),
      disabled boolean not null default false,
      failed_logins integer not null default 0,
      locked_until timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create unique index users_email_key on users (lower(email));

    create table sessions (
      id text primary key,
      user_id uuid not null references users (id) on delete cascade,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      last_seen_at timestamptz not null default now(),
      user_agent text,
      ip text
    );
    create index sessions_user_idx on sessions (user_id);

    create table password_reset_tokens (
      token_hash text primary key,
      user_id uuid not null references users (id) on delete cascade,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz
    );

    create table organisations (
      id uuid primary key default gen_random_uuid(),
      slug text not null unique,
      name text not null,
      name_folded text not null,
      kind text not null check (kind in ('nic', 'training_partner', 'employer', 'donor', 'startup')),
      country text not null default 'VN' check (country ~ '^[A-Z]{2}$'),
      province_code text,
      website text,
      is_demo boolean not null default false,
      verified_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    create index organisations_kind_idx on organisations (kind, name);

    create table role_grants (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users (id) on delete cascade,
      role text not null check (role in ('learner', 'trainer', 'partner_admin', 'employer', 'program_manager',
        'donor_viewer', 'fund_manager', 'reviewer', 'platform_admin')),
      organisation_id uuid references organisations (id) on delete cascade,
      granted_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now()
    );
    create unique index role_grants_unique on role_grants
      (user_id, role, coalesce(organisation_id, '00000000-0000-0000-0000-000000000000'::uuid));
    create index role_grants_org_idx on role_grants (organisation_id);

    create table audit_log (
      id bigserial primary key,
      at timestamptz not null default now(),
      actor_user_id uuid references users (id) on delete set null,
      action text not null,
      entity_type text not null,
      entity_id text,
      organisation_id uuid references organisations (id) on delete set null,
      details jsonb not null default '{}'::jsonb,
      ip text
    );
    create index audit_log_entity_idx on audit_log (entity_type, entity_id);
    create index audit_log_at_idx on audit_log (at desc);
  `,
  );
}
