/**
 * A learner's talent profile: what employers may see when the person has consented. Verified skills
 * come from certificates (kept by a trigger on credentials, migration 0010) and are read-only here;
 * declared skills, languages, education, experience, Japanese level and the CV are the person's own.
 * Every change is audit-logged.
 */
import type { Kysely } from 'kysely';
import type { TalentProfileInputT, TalentProfileT } from '../../../../common/contracts/talent';
import type { Locale } from '../../../../common/i18n/locales';
import { jlptName, jlptNumber, type SkillSource } from '../../../../common/talent';
import type { DB } from '../../../db/schema';
import type { Actor } from '../../../lib/actor';
import type { AppContext } from '../../../lib/context';
import { AppError, notFound } from '../../../lib/errors';
import { insertAudit } from '../../audit/repo';
import { ensurePersonForUser } from '../../people/repo';
import { assertSkillsExist, courseTitle, skillNames } from '../taxonomy/service';

type Db = Kysely<DB>;

/** Creates the profile row on first need, with visibility read from the person's consents. */
export async function ensureProfile(db: Db, personId: string) {
  await db
    .insertInto('talent_profiles')
    .values((eb) => ({
      person_id: personId,
      open_vn: eb
        .fn<boolean>('consent_granted', [eb.val(personId), eb.val('job_matching')])
        .and(eb.fn<boolean>('consent_granted', [eb.val(personId), eb.val('share_employers_vn')])) as never,
      open_jp: eb
        .fn<boolean>('consent_granted', [eb.val(personId), eb.val('job_matching')])
        .and(eb.fn<boolean>('consent_granted', [eb.val(personId), eb.val('share_employers_jp')])) as never,
    }))
    .onConflict((oc) => oc.column('person_id').doNothing())
    .execute();
}

export interface HeldRow {
  skill_id: string;
  level: number;
  source: SkillSource;
}

export async function personSkills(db: Db, personIds: readonly string[], skillIds?: readonly string[]) {
  let q = db
    .selectFrom('person_skills')
    .select(['person_id', 'skill_id', 'level', 'source', 'credential_id'])
    .where('person_id', 'in', personIds);
  if (skillIds) q = q.where('skill_id', 'in', skillIds.length > 0 ? skillIds : ['-']);
  // `in ()` is not SQL: no people, no skills.
  return personIds.length === 0 ? [] : q.execute();
}

export async function loadProfile(db: Db, personId: string, locale: Locale): Promise<TalentProfileT> {
  const row = await db
    .selectFrom('talent_profiles as t')
    .innerJoin('people as p', 'p.id', 't.person_id')
    .leftJoin('files as f', 'f.id', 't.cv_file_id')
    .selectAll('t')
    .select(['p.full_name', 'f.filename as cv_filename'])
    .where('t.person_id', '=', personId)
    .executeTakeFirst();
  if (!row) throw notFound('profile');
  const consents = await db
    .selectFrom('people')
    .select((eb) => [
      eb.fn<boolean>('consent_granted', [eb.val(personId), eb.val('job_matching')]).as('matching'),
      eb.fn<boolean>('consent_granted', [eb.val(personId), eb.val('share_employers_vn')]).as('vn'),
      eb.fn<boolean>('consent_granted', [eb.val(personId), eb.val('share_employers_jp')]).as('jp'),
    ])
    .where('id', '=', personId)
    .executeTakeFirstOrThrow();
  const skills = await db
    .selectFrom('person_skills as ps')
    .leftJoin('credentials as cr', 'cr.id', 'ps.credential_id')
    .leftJoin('courses as c', 'c.id', 'cr.course_id')
    .select([
      'ps.skill_id',
      'ps.level',
      'ps.source',
      'c.id as course_id',
      'c.slug',
      'c.title',
      'c.translations',
    ])
    .where('ps.person_id', '=', personId)
    .execute();
  const names = await skillNames(db, locale);
  return {
    personId,
    displayName: row.full_name,
    headline: row.headline,
    provinceCode: row.province_code,
    relocate: row.relocate,
    workInJapan: row.work_in_japan,
    jlpt: row.jlpt ? jlptName(row.jlpt) : null,
    jftBasic: row.jft_basic,
    education: row.education as TalentProfileT['education'],
    experience: row.experience as TalentProfileT['experience'],
    languages: row.languages as TalentProfileT['languages'],
    cv: row.cv_file_id ? { fileId: row.cv_file_id, filename: row.cv_filename ?? '' } : null,
    skills: skills
      .map((s) => ({
        skillId: s.skill_id,
        name: names.get(s.skill_id) ?? s.skill_id,
        level: s.level,
        source: s.source,
        verified: s.source !== 'declared',
        course:
          s.course_id && s.slug && s.title !== null
            ? {
                id: s.course_id,
                slug: s.slug,
                title: courseTitle({ title: s.title, translations: s.translations }, locale),
              }
            : null,
      }))
      .sort((a, b) => Number(b.verified) - Number(a.verified) || a.name.localeCompare(b.name, locale)),
    visibility: {
      jobMatching: consents.matching,
      employersVn: consents.matching && consents.vn,
      employersJp: consents.matching && consents.jp,
    },
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function myProfile(ctx: AppContext, actor: Actor, locale: Locale) {
  const person = await ensurePersonForUser(ctx.db, actor.userId);
  await ensureProfile(ctx.db, person.id);
  return loadProfile(ctx.db, person.id, locale);
}

export async function saveMyProfile(
  ctx: AppContext,
  actor: Actor,
  input: TalentProfileInputT,
  locale: Locale,
  ip: string | null,
) {
  await assertSkillsExist(
    ctx.db,
    input.skills.map((s) => s.skillId),
  );
  const personId = await ctx.db.transaction().execute(async (trx) => {
    const person = await ensurePersonForUser(trx, actor.userId);
    await ensureProfile(trx, person.id);
    if (input.cvFileId) {
      // Only a file the person uploaded themselves can be their CV.
      const file = await trx
        .selectFrom('files')
        .select('id')
        .where('id', '=', input.cvFileId)
        .where('created_by', '=', actor.userId)
        .executeTakeFirst();
      if (!file) throw new AppError('NOT_FOUND', { message: 'cv file' });
    }
    await trx
      .updateTable('talent_profiles')
      .set({
        headline: input.headline.trim(),
        province_code: input.provinceCode,
        relocate: input.relocate,
        work_in_japan: input.workInJapan,
        jlpt: input.jlpt ? jlptNumber(input.jlpt) : null,
        jft_basic: input.jftBasic,
        education: JSON.stringify(input.education),
        experience: JSON.stringify(input.experience),
        languages: JSON.stringify(input.languages),
        cv_file_id: input.cvFileId,
        updated_at: new Date(),
      })
      .where('person_id', '=', person.id)
      .execute();
    await trx
      .deleteFrom('person_skills')
      .where('person_id', '=', person.id)
      .where('source', '=', 'declared')
      .execute();
    const declared = [...new Map(input.skills.map((s) => [s.skillId, s])).values()];
    if (declared.length > 0) {
      await trx
        .insertInto('person_skills')
        .values(
          declared.map((s) => ({
            person_id: person.id,
            skill_id: s.skillId,
            source: 'declared' as const,
            level: s.level,
          })),
        )
        .execute();
    }
    await insertAudit(trx, {
      actorUserId: actor.userId,
      action: 'talent.profile_saved',
      entityType: 'person',
      entityId: person.id,
      details: {
        declaredSkills: declared.length,
        jlpt: input.jlpt,
        workInJapan: input.workInJapan,
        cv: !!input.cvFileId,
      },
      ip,
    });
    return person.id;
  });
  return loadProfile(ctx.db, personId, locale);
}
