/**
 * Candidates for a job among a million profiles (talent/jobs/repo.ts `candidatesForSkills`).
 *
 * Every skill of the taxonomy has tens of thousands of holders, so adding up everyone's credit takes
 * seconds. The ranking instead asks for the people who hold each asked skill at or above some level
 * and kind of evidence — an AND of ORs that a GIN index answers from its posting lists — and scores
 * only them. `talent_skill_sets` is that index's table: one row per person with a token per held skill
 * and evidence, `<skill id>:<v|d><level>` (v: verified by a certificate or an assessment, d: declared;
 * a skill id never holds a colon). A trigger on person_skills keeps it exact; the table is derived
 * data, never written by the application.
 */
import type { Kysely } from 'kysely';
import { runScript } from '../ddl';

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then
export async function up(db: Kysely<any>) {
  await runScript(
    db,
    `
    create table talent_skill_sets (
      person_id uuid primary key references people (id) on delete cascade,
      tokens text[] not null
    );

    -- (Statements on one line: the migration runner splits at a semicolon that ends a line.)
    create function talent_skill_set_refresh(p uuid) returns void language sql as $$
      delete from talent_skill_sets where person_id = p; insert into talent_skill_sets (person_id, tokens)
      select p, array_agg(skill_id || ':' || case when source = 'declared' then 'd' else 'v' end || level order by skill_id, source)
      from person_skills where person_id = p having count(*) > 0
    $$;

    -- Everyone's row again, in one pass: the backfill below, and bulk loads that bypass the trigger.
    create function talent_skill_sets_rebuild() returns void language sql as $$
      delete from talent_skill_sets; insert into talent_skill_sets (person_id, tokens)
      select person_id, array_agg(skill_id || ':' || case when source = 'declared' then 'd' else 'v' end || level order by skill_id, source)
      from person_skills group by person_id
    $$;

    create function talent_skill_sets_track() returns trigger language plpgsql as $$
    begin
      if tg_op <> 'INSERT' then perform talent_skill_set_refresh(old.person_id); end if; if tg_op = 'INSERT' or (tg_op = 'UPDATE' and new.person_id <> old.person_id) then perform talent_skill_set_refresh(new.person_id); end if; return null; end $$;
    create trigger person_skills_skill_sets after insert or update or delete on person_skills
      for each row execute function talent_skill_sets_track();

    select talent_skill_sets_rebuild();
    create index talent_skill_sets_tokens_idx on talent_skill_sets using gin (tokens) with (fastupdate = off);
  `,
  );
}
