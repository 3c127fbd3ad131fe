/**
 * The LMS: people (the registry's core, so enrolments and certificates point at a real person, with
 * or without an account), courses with modules and lessons, files, question banks and quizzes,
 * cohorts with sessions, trainers and attendance, enrolments with progress, certificates signed by the
 * issuing organisation's key, trainer certifications, and in-app notifications.
 */
import type { Kysely } from 'kysely';
import { runScript } from '../ddl';

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then
export async function up(db: Kysely<any>) {
  await runScript(
    db,
    `
    create table people (
      id uuid primary key default gen_random_uuid(),
      user_id uuid unique references users (id) on delete set null,
      full_name text not null,
      full_name_folded text not null,
      sex text check (sex in ('F', 'M', 'X')),
      date_of_birth date,
      province_code text references provinces (code),
      commune_code text references communes (code),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index people_name_idx on people (full_name_folded);

    create table files (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid references organisations (id) on delete set null,
      storage_key text not null unique,
      filename text not null,
      content_type text not null,
      size_bytes bigint not null check (size_bytes >= 0),
      sha256 text not null,
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now()
    );

    create table courses (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations (id),
      slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      teaching_language text not null check (teaching_language in ('vi', 'en', 'ja')),
      title text not null,
      summary text not null default '',
      translations jsonb not null default '{}'::jsonb,
      search_folded text not null,
      -- foldVi of the title in every language, teaching language first: ranks title matches first and
      -- sorts by title without regard to accents.
      title_folded text not null default '',
      topic text not null check (topic in ('ai_data', 'cloud', 'cybersecurity', 'iot_embedded', 'semiconductor',
        'digital_skills', 'japanese_language', 'soft_skills')),
      level text not null check (level in ('beginner', 'intermediate', 'advanced')),
      duration_hours integer not null check (duration_hours > 0),
      delivery_mode text not null check (delivery_mode in ('online', 'in_person', 'blended')),
      province_code text references provinces (code),
      is_open boolean not null default true,
      is_tot boolean not null default false,
      min_attendance_pct integer check (min_attendance_pct between 0 and 100),
      status text not null default 'draft' check (status in ('draft', 'published', 'archived')),
      published_at timestamptz,
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      -- Catalog search (decisions/006): words of the folded text, titles weighted A, matched via GIN. The GIN
      -- index writes through (fastupdate off): PGlite has no autovacuum to merge a pending list, which
      -- every search would otherwise scan.
      search_vector tsvector generated always as (
        setweight(to_tsvector('simple', title_folded), 'A') || setweight(to_tsvector('simple', search_folded), 'B')
      ) stored
    );
    create index courses_catalog_idx on courses (status, topic, level, delivery_mode);
    create index courses_search_idx on courses using gin (search_vector) with (fastupdate = off);
    create index courses_published_idx on courses (published_at desc) where status = 'published';
    create index courses_title_idx on courses (title_folded) where status = 'published';
    create index courses_province_idx on courses (province_code) where status = 'published';
    create index courses_org_idx on courses (organisation_id);

    create table course_skills (
      course_id uuid not null references courses (id) on delete cascade,
      skill text not null,
      skill_folded text not null,
      primary key (course_id, skill_folded)
    );
    create index course_skills_folded_idx on course_skills (skill_folded);

    create table course_programs (
      course_id uuid not null references courses (id) on delete cascade,
      program_id uuid not null references programs (id) on delete cascade,
      primary key (course_id, program_id)
    );
    create index course_programs_program_idx on course_programs (program_id);

    create table course_prerequisites (
      course_id uuid not null references courses (id) on delete cascade,
      prerequisite_id uuid not null references courses (id) on delete cascade,
      primary key (course_id, prerequisite_id),
      check (course_id <> prerequisite_id)
    );

    create table course_modules (
      id uuid primary key default gen_random_uuid(),
      course_id uuid not null references courses (id) on delete cascade,
      position integer not null,
      title text not null,
      created_at timestamptz not null default now()
    );
    create index course_modules_course_idx on course_modules (course_id, position);

    create table questions (
      id uuid primary key default gen_random_uuid(),
      course_id uuid not null references courses (id) on delete cascade,
      kind text not null check (kind in ('single', 'multiple', 'true_false', 'short_answer', 'numeric')),
      prompt text not null,
      options jsonb not null default '[]'::jsonb,
      answer jsonb not null,
      feedback text,
      category text,
      points integer not null default 1 check (points > 0),
      created_at timestamptz not null default now()
    );
    create index questions_course_idx on questions (course_id, category);

    create table quizzes (
      id uuid primary key default gen_random_uuid(),
      course_id uuid not null references courses (id) on delete cascade,
      title text not null,
      draw_count integer check (draw_count > 0),
      category text,
      attempts_limit integer check (attempts_limit > 0),
      time_limit_seconds integer check (time_limit_seconds > 0),
      pass_mark_pct integer not null default 70 check (pass_mark_pct between 0 and 100),
      shuffle boolean not null default true,
      created_at timestamptz not null default now()
    );

    create table quiz_questions (
      quiz_id uuid not null references quizzes (id) on delete cascade,
      question_id uuid not null references questions (id) on delete cascade,
      position integer not null,
      primary key (quiz_id, question_id)
    );

    create table lessons (
      id uuid primary key default gen_random_uuid(),
      course_id uuid not null references courses (id) on delete cascade,
      module_id uuid not null references course_modules (id) on delete cascade,
      position integer not null,
      kind text not null check (kind in ('text', 'video', 'file', 'quiz')),
      title text not null,
      body_html text,
      video_url text,
      file_id uuid references files (id) on delete set null,
      quiz_id uuid references quizzes (id) on delete set null,
      required boolean not null default true,
      estimated_minutes integer check (estimated_minutes > 0),
      status text not null default 'draft' check (status in ('draft', 'published')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (kind <> 'quiz' or quiz_id is not null)
    );
    create index lessons_module_idx on lessons (module_id, position);
    create index lessons_course_idx on lessons (course_id);

    create table cohorts (
      id uuid primary key default gen_random_uuid(),
      course_id uuid not null references courses (id),
      organisation_id uuid not null references organisations (id),
      code text not null,
      name text not null,
      starts_on date,
      ends_on date,
      capacity integer check (capacity > 0),
      online boolean not null default true,
      location text,
      province_code text references provinces (code),
      status text not null default 'open' check (status in ('open', 'closed', 'cancelled')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (organisation_id, code),
      check (ends_on is null or starts_on is null or ends_on >= starts_on)
    );
    create index cohorts_course_idx on cohorts (course_id);

    create table cohort_trainers (
      cohort_id uuid not null references cohorts (id) on delete cascade,
      user_id uuid not null references users (id) on delete cascade,
      primary key (cohort_id, user_id)
    );
    create index cohort_trainers_user_idx on cohort_trainers (user_id);

    create table cohort_sessions (
      id uuid primary key default gen_random_uuid(),
      cohort_id uuid not null references cohorts (id) on delete cascade,
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      topic text,
      location text,
      check (ends_at > starts_at)
    );
    create index cohort_sessions_cohort_idx on cohort_sessions (cohort_id, starts_at);

    create table enrolments (
      id uuid primary key default gen_random_uuid(),
      cohort_id uuid not null references cohorts (id),
      person_id uuid not null references people (id),
      status text not null check (status in ('waitlisted', 'enrolled', 'completed', 'withdrawn', 'transferred')),
      source text not null check (source in ('self', 'admin', 'roster')),
      enrolled_at timestamptz not null default now(),
      completed_at timestamptz,
      ended_at timestamptz,
      transferred_to uuid references enrolments (id),
      created_by uuid references users (id) on delete set null,
      updated_at timestamptz not null default now()
    );
    create unique index enrolments_active_key on enrolments (cohort_id, person_id)
      where status in ('waitlisted', 'enrolled', 'completed');
    create index enrolments_person_idx on enrolments (person_id);
    create index enrolments_cohort_idx on enrolments (cohort_id, status);

    create table attendance (
      session_id uuid not null references cohort_sessions (id) on delete cascade,
      enrolment_id uuid not null references enrolments (id) on delete cascade,
      status text not null check (status in ('present', 'absent', 'excused')),
      recorded_by uuid references users (id) on delete set null,
      recorded_at timestamptz not null default now(),
      primary key (session_id, enrolment_id)
    );
    create index attendance_enrolment_idx on attendance (enrolment_id);

    create table lesson_progress (
      enrolment_id uuid not null references enrolments (id) on delete cascade,
      lesson_id uuid not null references lessons (id) on delete cascade,
      completed_at timestamptz not null default now(),
      primary key (enrolment_id, lesson_id)
    );

    create table quiz_attempts (
      id uuid primary key default gen_random_uuid(),
      quiz_id uuid not null references quizzes (id) on delete cascade,
      enrolment_id uuid not null references enrolments (id) on delete cascade,
      started_at timestamptz not null default now(),
      deadline_at timestamptz,
      submitted_at timestamptz,
      question_ids jsonb not null,
      answers jsonb,
      results jsonb,
      score_pct numeric(5, 2),
      passed boolean
    );
    create index quiz_attempts_enrolment_idx on quiz_attempts (enrolment_id, quiz_id);

    create table organisation_keys (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations (id) on delete cascade,
      kid text not null unique,
      algorithm text not null default 'EdDSA',
      public_jwk jsonb not null,
      private_key_encrypted text not null,
      active boolean not null default true,
      created_at timestamptz not null default now()
    );
    create index organisation_keys_org_idx on organisation_keys (organisation_id, active);

    create table credentials (
      id uuid primary key default gen_random_uuid(),
      enrolment_id uuid references enrolments (id) on delete set null,
      person_id uuid not null references people (id),
      course_id uuid not null references courses (id),
      issuer_organisation_id uuid not null references organisations (id),
      key_id uuid not null references organisation_keys (id),
      language text not null check (language in ('vi', 'en', 'ja')),
      credential jsonb not null,
      jwt text not null,
      pdf_file_id uuid references files (id) on delete set null,
      issued_at timestamptz not null default now(),
      valid_until timestamptz,
      revoked_at timestamptz,
      revocation_reason text,
      status_index integer not null check (status_index >= 0)
    );
    create unique index credentials_enrolment_key on credentials (enrolment_id) where enrolment_id is not null;
    create unique index credentials_status_key on credentials (issuer_organisation_id, status_index);
    create index credentials_person_idx on credentials (person_id);

    create table trainer_certifications (
      person_id uuid not null references people (id),
      course_id uuid not null references courses (id),
      credential_id uuid references credentials (id) on delete set null,
      certified_at timestamptz not null default now(),
      primary key (person_id, course_id)
    );

    create table notifications (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users (id) on delete cascade,
      kind text not null,
      params jsonb not null default '{}'::jsonb,
      link text,
      created_at timestamptz not null default now(),
      read_at timestamptz
    );
    create index notifications_user_idx on notifications (user_id, created_at desc);
  `,
  );
}
