/**
 * The talent side (talent/): the product's own 4IR skills taxonomy, learner profiles with their
 * skills (verified from a certificate or an assessment, or declared), job postings with the skills
 * they ask for, and applications with their pipeline.
 *
 * Who an employer may find is decided by consent (Law 91/2025/QH15): `talent_profiles.open_vn` and
 * `open_jp` say whether the person's latest choices grant job matching and sharing with employers in
 * Viet Nam / in Japan. A trigger on `consents` keeps them current, so the candidate search reads two
 * booleans instead of the consent history of a million people.
 */
import type { Kysely } from 'kysely';
import { runScript } from '../ddl';

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then
export async function up(db: Kysely<any>) {
  await runScript(
    db,
    `
    create table skills (
      id text primary key check (id ~ '^[a-z0-9]+(\\.[a-z0-9-]+)+$'),
      category text not null,
      names jsonb not null,
      definitions jsonb not null,
      esco_uri text,
      -- foldVi of every name and alias in every language, for search.
      search_folded text not null,
      position integer not null default 0,
      updated_at timestamptz not null default now()
    );
    create index skills_category_idx on skills (category, position);

    -- Every name and alias of a skill, folded: how a course's free-text skill ("Kiểm tra wafer") and a
    -- search word find the taxonomy's skill.
    create table skill_names (
      name_folded text not null,
      skill_id text not null references skills (id) on delete cascade,
      primary key (name_folded, skill_id)
    );
    create index skill_names_skill_idx on skill_names (skill_id);

    create table skill_relations (
      skill_id text not null references skills (id) on delete cascade,
      related_id text not null references skills (id) on delete cascade,
      primary key (skill_id, related_id),
      check (skill_id <> related_id)
    );

    create table talent_profiles (
      person_id uuid primary key references people (id) on delete cascade,
      headline text not null default '',
      province_code text references provinces (code),
      relocate boolean not null default false,
      work_in_japan boolean not null default false,
      -- JLPT as a number: N5 = 1 … N1 = 5.
      jlpt smallint check (jlpt between 1 and 5),
      jft_basic boolean not null default false,
      education jsonb not null default '[]'::jsonb,
      experience jsonb not null default '[]'::jsonb,
      languages jsonb not null default '[]'::jsonb,
      cv_file_id uuid references files (id) on delete set null,
      open_vn boolean not null default false,
      open_jp boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index talent_profiles_open_vn_idx on talent_profiles (person_id) where open_vn;
    create index talent_profiles_open_jp_idx on talent_profiles (person_id) where open_jp;

    create table person_skills (
      person_id uuid not null references people (id) on delete cascade,
      skill_id text not null references skills (id) on delete cascade,
      source text not null check (source in ('certificate', 'assessment', 'declared')),
      level smallint not null check (level between 1 and 5),
      credential_id uuid references credentials (id) on delete cascade,
      primary key (person_id, skill_id, source)
    );
    create index person_skills_skill_idx on person_skills (skill_id, person_id);

    create table jobs (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations (id),
      language text not null check (language in ('vi', 'en', 'ja')),
      title text not null,
      description text not null default '',
      translations jsonb not null default '{}'::jsonb,
      country text not null check (country in ('VN', 'JP')),
      province_code text references provinces (code),
      prefecture text check (prefecture ~ '^(0[1-9]|[1-3][0-9]|4[0-7])$'),
      jlpt_min smallint check (jlpt_min between 1 and 5),
      visa_track text,
      ssw_field text,
      salary_min bigint check (salary_min >= 0),
      salary_max bigint check (salary_max >= 0),
      currency text not null check (currency in ('VND', 'JPY', 'USD')),
      closes_on date not null,
      status text not null default 'open' check (status in ('open', 'closed')),
      -- What a perfect match scores (talent/matching.ts weights), kept with the job for ranking in SQL.
      weight_total real not null,
      required_count integer not null,
      search_folded text not null,
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((country = 'VN' and province_code is not null and prefecture is null)
          or (country = 'JP' and prefecture is not null and province_code is null)),
      check (salary_min is null or salary_max is null or salary_min <= salary_max),
      search_vector tsvector generated always as (to_tsvector('simple', search_folded)) stored
    );
    create index jobs_open_idx on jobs (closes_on) where status = 'open';
    create index jobs_org_idx on jobs (organisation_id, created_at desc);
    create index jobs_created_idx on jobs (created_at desc) where status = 'open';
    create index jobs_search_idx on jobs using gin (search_vector) with (fastupdate = off);

    create table job_skills (
      job_id uuid not null references jobs (id) on delete cascade,
      skill_id text not null references skills (id),
      level smallint not null check (level between 1 and 5),
      required boolean not null,
      primary key (job_id, skill_id)
    );
    create index job_skills_skill_idx on job_skills (skill_id, job_id);

    create table applications (
      id uuid primary key default gen_random_uuid(),
      job_id uuid not null references jobs (id) on delete cascade,
      person_id uuid not null references people (id) on delete cascade,
      status text not null default 'applied'
        check (status in ('applied', 'screened', 'interview', 'offer', 'hired', 'rejected', 'withdrawn')),
      note text not null default '',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (job_id, person_id)
    );
    create index applications_person_idx on applications (person_id, created_at desc);

    create table application_events (
      id bigint generated always as identity primary key,
      application_id uuid not null references applications (id) on delete cascade,
      status text not null,
      actor_user_id uuid references users (id) on delete set null,
      note text not null default '',
      at timestamptz not null default now()
    );
    create index application_events_app_idx on application_events (application_id, at);

    -- The person's latest choice for a purpose grants it.
    create function consent_granted(p uuid, purpose_ text) returns boolean language sql stable as $$
      select coalesce((select granted from consents where person_id = p and purpose = purpose_
                       order by recorded_at desc, id desc limit 1), false)
    $$;

    create function talent_profile_visibility() returns trigger language plpgsql as $$
    begin
      update talent_profiles set
        open_vn = consent_granted(new.person_id, 'job_matching') and consent_granted(new.person_id, 'share_employers_vn'),
        open_jp = consent_granted(new.person_id, 'job_matching') and consent_granted(new.person_id, 'share_employers_jp')
      -- (one line: the migration runner splits statements at a semicolon that ends a line)
      where person_id = new.person_id; return null; end $$;
    create trigger consents_talent_visibility after insert on consents
      for each row execute function talent_profile_visibility();

    -- A certificate proves the skills its course teaches: person_skills rows of source 'certificate'
    -- follow the person's unrevoked credentials (issued, revoked, moved by a merge), at the course's
    -- level (beginner 2, intermediate 3, advanced 4). Course skills are free text; skill_names maps them.
    -- (Statements on one line: the migration runner splits at a semicolon that ends a line.)
    create function talent_refresh_certificate_skills(p uuid) returns void language sql as $$
      delete from person_skills where person_id = p and source = 'certificate'; insert into person_skills (person_id, skill_id, source, level, credential_id)
      select distinct on (sn.skill_id) p, sn.skill_id, 'certificate',
        case c.level when 'beginner' then 2 when 'intermediate' then 3 else 4 end, cr.id
      from credentials cr
      join courses c on c.id = cr.course_id
      join course_skills cs on cs.course_id = c.id
      join skill_names sn on sn.name_folded = cs.skill_folded
      where cr.person_id = p and cr.revoked_at is null
      order by sn.skill_id, case c.level when 'beginner' then 2 when 'intermediate' then 3 else 4 end desc, cr.issued_at desc
    $$;

    create function talent_certificate_skills() returns trigger language plpgsql as $$
    begin
      perform talent_refresh_certificate_skills(new.person_id); if tg_op = 'UPDATE' and old.person_id <> new.person_id then perform talent_refresh_certificate_skills(old.person_id); end if; return null; end $$;
    create trigger credentials_talent_skills after insert or update of person_id, revoked_at on credentials
      for each row execute function talent_certificate_skills();
  `,
  );
}
