/**
 * ESCO, the European classification of skills and occupations, as the official CSV release gives it
 * (talent/esco): skills, occupations with their ISCO group, and which skills an occupation needs
 * (essential or optional). Reference data keyed by ESCO's own concept URIs, replaced in place by each
 * import; the product's own 4IR taxonomy will point at these URIs where a skill has one.
 */
import type { Kysely } from 'kysely';
import { runScript } from '../ddl';

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then
export async function up(db: Kysely<any>) {
  await runScript(
    db,
    `
    create table esco_skills (
      uri text primary key,
      label text not null,
      label_folded text not null,
      alt_labels text[] not null default '{}',
      skill_type text,
      reuse_level text,
      description text not null default '',
      updated_at timestamptz not null default now()
    );
    create index esco_skills_label_idx on esco_skills (label_folded);

    create table esco_occupations (
      uri text primary key,
      isco_group text not null,
      code text,
      label text not null,
      label_folded text not null,
      alt_labels text[] not null default '{}',
      description text not null default '',
      updated_at timestamptz not null default now()
    );
    create index esco_occupations_isco_idx on esco_occupations (isco_group);
    create index esco_occupations_label_idx on esco_occupations (label_folded);

    create table esco_occupation_skills (
      occupation_uri text not null references esco_occupations (uri) on delete cascade,
      skill_uri text not null references esco_skills (uri) on delete cascade,
      relation text not null check (relation in ('essential', 'optional')),
      primary key (occupation_uri, skill_uri)
    );
    create index esco_occupation_skills_skill_idx on esco_occupation_skills (skill_uri);
  `,
  );
}
