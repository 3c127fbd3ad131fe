/**
 * The jobs board: verified employers post, everyone reads, postings close themselves at their date;
 * and the matching both ways — jobs for a learner, candidates for a job — with the reason in words and
 * the courses that close a learner's gap.
 */
import { type Kysely, sql } from 'kysely';
import type { JobInputT, JobSummaryT } from '../../../../common/contracts/talent';
import type { Locale } from '../../../../common/i18n/locales';
import { type JobCountry, jlptName, jlptNumber, prefectures } from '../../../../common/talent';
import { foldVi, tokensVi } from '../../../../common/text';
import type { DB } from '../../../db/schema';
import { vietnamDate } from '../../../jobs';
import { type Actor, hasRole, isPlatformAdmin } from '../../../lib/actor';
import { changed } from '../../../lib/changes';
import type { AppContext } from '../../../lib/context';
import { AppError, forbidden, notFound } from '../../../lib/errors';
import { insertAudit } from '../../audit/repo';
import { findPersonByUser } from '../../people/repo';
import { evidenceBySkill, explain, type HeldSkill, weightTotal } from '../matching';
import { ensureProfile, personSkills } from '../profiles/service';
import { assertSkillsExist, courseTitle, skillNames } from '../taxonomy/service';
import { openJobsIndex } from './open-index';
import * as repo from './repo';

type Db = Kysely<DB>;
type Row = NonNullable<Awaited<ReturnType<typeof repo.findJob>>>;

const isNicStaff = (a: Actor | null) => !!a && (isPlatformAdmin(a) || hasRole(a, 'program_manager'));
/** The employer's own staff (role `employer` in the organisation), or NIC staff. */
export const managesJobsOf = (a: Actor | null, orgId: string) =>
  !!a && (hasRole(a, 'employer', orgId) || isNicStaff(a));

const prefectureName = (code: string, locale: Locale) => {
  const p = prefectures.find((x) => x.code === code);
  return p ? (locale === 'ja' ? p.ja : p.en) : code;
};

function localised(r: Pick<Row, 'title' | 'description' | 'translations' | 'language'>, locale: Locale) {
  const t = r.translations?.[locale];
  return t
    ? { title: t.title, description: t.description, language: locale }
    : { title: r.title, description: r.description, language: r.language };
}

export function presentJob(r: Row, locale: Locale, today: string): JobSummaryT {
  const text = localised(r, locale);
  return {
    id: r.id,
    title: text.title,
    language: text.language,
    employer: {
      id: r.organisation_id,
      slug: r.org_slug,
      name: r.org_name,
      country: r.org_country,
      verified: r.org_verified_at !== null,
    },
    country: r.country,
    province: r.province_code ? { code: r.province_code, name: r.province_name ?? r.province_code } : null,
    prefecture: r.prefecture ? { code: r.prefecture, name: prefectureName(r.prefecture, locale) } : null,
    jlptMin: r.jlpt_min ? jlptName(r.jlpt_min) : null,
    visaTrack: r.visa_track as JobSummaryT['visaTrack'],
    sswField: r.ssw_field as JobSummaryT['sswField'],
    salaryMin: r.salary_min === null ? null : Number(r.salary_min),
    salaryMax: r.salary_max === null ? null : Number(r.salary_max),
    currency: r.currency,
    closesOn: r.closes_on,
    status: r.status === 'open' && r.closes_on >= today ? 'open' : 'closed',
    requiredSkills: r.required_count,
    createdAt: r.created_at.toISOString(),
  };
}

async function detail(ctx: AppContext, r: Row, actor: Actor | null, locale: Locale) {
  const today = vietnamDate();
  const [skills, names] = await Promise.all([repo.jobSkills(ctx.db, [r.id]), skillNames(ctx.db, locale)]);
  const own = managesJobsOf(actor, r.organisation_id);
  const applications = own
    ? Number(
        (
          await ctx.db
            .selectFrom('applications')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('job_id', '=', r.id)
            .executeTakeFirstOrThrow()
        ).n,
      )
    : null;
  return {
    ...presentJob(r, locale, today),
    description: localised(r, locale).description,
    languages: [r.language, ...Object.keys(r.translations ?? {}).filter((l) => l !== r.language)] as Locale[],
    skills: skills
      .sort((a, b) => Number(b.required) - Number(a.required) || b.level - a.level)
      .map((s) => ({
        skillId: s.skill_id,
        name: names.get(s.skill_id) ?? s.skill_id,
        level: s.level,
        required: s.required,
      })),
    applications,
  };
}

export async function getJob(ctx: AppContext, id: string, actor: Actor | null, locale: Locale) {
  const r = await repo.findJob(ctx.db, id);
  if (!r) throw notFound('job');
  return detail(ctx, r, actor, locale);
}

export async function listJobs(
  ctx: AppContext,
  actor: Actor | null,
  q: {
    q?: string;
    country?: JobCountry;
    province?: string;
    prefecture?: string;
    skill?: string;
    employer?: string;
    status?: 'open' | 'all';
    sort?: '-createdAt' | 'closesOn' | 'title';
    page?: number;
    pageSize?: number;
  },
  locale: Locale,
) {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const today = vietnamDate();
  // Closed postings are the employer's own history: only its staff list them.
  const includeClosed = q.status === 'all' && !!q.employer && managesJobsOf(actor, q.employer);
  const rows = await repo.searchJobs(ctx.db, {
    words: tokensVi(q.q ?? ''),
    country: q.country,
    province: q.province,
    prefecture: q.prefecture,
    skill: q.skill,
    employer: q.employer,
    includeClosed,
    today,
    sort: q.sort ?? '-createdAt',
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return {
    items: rows.map((r) => presentJob(r, locale, today)),
    total: Number(rows[0]?.total ?? 0),
    page,
    pageSize,
  };
}

function checkLocation(input: JobInputT) {
  const ok =
    input.country === 'VN'
      ? !!input.provinceCode && !input.prefecture
      : !!input.prefecture && !input.provinceCode && prefectures.some((p) => p.code === input.prefecture);
  if (!ok) throw new AppError('JOB_LOCATION_INVALID');
  if (input.salaryMin != null && input.salaryMax != null && input.salaryMin > input.salaryMax) {
    throw new AppError('VALIDATION_FAILED', { fields: { '/salaryMax': 'salaryRange' } });
  }
}

export async function createJob(
  ctx: AppContext,
  actor: Actor,
  input: JobInputT,
  locale: Locale,
  ip: string | null,
) {
  if (!hasRole(actor, 'employer', input.organisationId))
    throw forbidden('only the employer’s own staff post its jobs');
  const org = await ctx.db
    .selectFrom('organisations')
    .select(['id', 'kind', 'verified_at'])
    .where('id', '=', input.organisationId)
    .executeTakeFirst();
  if (!org) throw forbidden('no such organisation');
  if (org.kind !== 'employer') throw forbidden('not an employer organisation');
  // Job scams aimed at workers going abroad are common: only employers NIC has checked may post.
  if (!org.verified_at) throw new AppError('EMPLOYER_UNVERIFIED');
  checkLocation(input);
  if (input.closesOn < vietnamDate()) {
    throw new AppError('VALIDATION_FAILED', { fields: { '/closesOn': 'dateInPast' } });
  }
  const skills = [...new Map(input.skills.map((s) => [s.skillId, s])).values()];
  await assertSkillsExist(
    ctx.db,
    skills.map((s) => s.skillId),
  );
  const jlptMin = input.jlptMin ? jlptNumber(input.jlptMin) : null;
  const names = await skillNames(ctx.db, 'vi');
  const namesEn = await skillNames(ctx.db, 'en');
  const translations = Object.fromEntries(
    Object.entries(input.translations ?? {}).filter(([l]) => l !== input.language),
  );
  const searchText = [
    input.title,
    input.description,
    ...Object.values(translations).flatMap((t) => [t.title, t.description]),
    ...skills.flatMap((s) => [names.get(s.skillId) ?? '', namesEn.get(s.skillId) ?? '']),
  ].join(' ');
  const id = await ctx.db.transaction().execute(async (trx) => {
    const job = await trx
      .insertInto('jobs')
      .values({
        organisation_id: input.organisationId,
        language: input.language,
        title: input.title.trim(),
        description: input.description,
        translations: JSON.stringify(translations),
        country: input.country,
        province_code: input.country === 'VN' ? (input.provinceCode ?? null) : null,
        prefecture: input.country === 'JP' ? (input.prefecture ?? null) : null,
        jlpt_min: jlptMin,
        visa_track: input.visaTrack ?? null,
        ssw_field: input.sswField ?? null,
        salary_min: input.salaryMin ?? null,
        salary_max: input.salaryMax ?? null,
        currency: input.currency,
        closes_on: input.closesOn,
        weight_total: weightTotal(skills, jlptMin),
        required_count: skills.filter((s) => s.required).length,
        search_folded: foldVi(searchText),
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('job_skills')
      .values(
        skills.map((s) => ({ job_id: job.id, skill_id: s.skillId, level: s.level, required: s.required })),
      )
      .execute();
    await insertAudit(trx, {
      actorUserId: actor.userId,
      action: 'job.posted',
      entityType: 'job',
      entityId: job.id,
      organisationId: input.organisationId,
      details: { title: input.title, country: input.country, closesOn: input.closesOn },
      ip,
    });
    return job.id;
  });
  changed('jobs', ctx.db);
  return getJob(ctx, id, actor, locale);
}

export async function closeJob(ctx: AppContext, actor: Actor, id: string, locale: Locale, ip: string | null) {
  const r = await repo.findJob(ctx.db, id);
  if (!r) throw notFound('job');
  if (!managesJobsOf(actor, r.organisation_id)) throw forbidden('not this employer’s job');
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('jobs')
      .set({ status: 'closed', updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await insertAudit(trx, {
      actorUserId: actor.userId,
      action: 'job.closed',
      entityType: 'job',
      entityId: id,
      organisationId: r.organisation_id,
      ip,
    });
  });
  changed('jobs', ctx.db);
  return getJob(ctx, id, actor, locale);
}

/** Marks the postings whose closing date has passed as closed (daily job); reads treat them as closed already. */
export async function closeExpiredJobs(db: Db, today = vietnamDate()) {
  const r = await db
    .updateTable('jobs')
    .set({ status: 'closed', updated_at: new Date() })
    .where('status', '=', 'open')
    .where('closes_on', '<', today)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) > 0) changed('jobs', db);
  return Number(r.numUpdatedRows);
}

// ── Matching ─────────────────────────────────────────────────────────────────────────────────────

const held = (rows: readonly { skill_id: string; level: number; source: string }[]): HeldSkill[] =>
  rows.map((s) => ({ skillId: s.skill_id, level: s.level, verified: s.source !== 'declared' }));

async function learner(ctx: AppContext, actor: Actor) {
  const person = await findPersonByUser(ctx.db, actor.userId);
  if (!person) return null;
  await ensureProfile(ctx.db, person.id);
  const profile = await ctx.db
    .selectFrom('talent_profiles')
    .select(['province_code', 'relocate', 'work_in_japan', 'jlpt'])
    .where('person_id', '=', person.id)
    .executeTakeFirstOrThrow();
  const skills = held(await personSkills(ctx.db, [person.id]));
  return { person, profile, skills, provinceCode: profile.province_code ?? person.province_code };
}

export async function jobMatchesForMe(ctx: AppContext, actor: Actor, limit: number, locale: Locale) {
  const me = await learner(ctx, actor);
  if (!me || me.skills.length === 0) return { items: [], hasSkills: false };
  const today = vietnamDate();
  // The index ranks by the matching rule exactly (the better evidence of each skill, the Japanese
  // level), in the page's order; the explanation below says the same in words.
  const index = await openJobsIndex(ctx.db, today);
  const evidence = [...evidenceBySkill(me.skills).values()];
  const ranked = index.rank(
    {
      skills: evidence,
      jlpt: me.profile.jlpt,
      vnProvinces: me.profile.relocate || !me.provinceCode ? null : [me.provinceCode],
      japan: me.profile.work_in_japan,
      limit,
    },
    today,
  );
  const ids = ranked.map((r) => r.jobId);
  if (ids.length === 0) return { items: [], hasSkills: true };
  const [rows, skills, names] = await Promise.all([
    repo.findJobs(ctx.db, ids),
    repo.jobSkills(ctx.db, ids),
    skillNames(ctx.db, locale),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items = ranked.flatMap(({ jobId: id, fit, used }) => {
    const r = byId.get(id);
    // Closed since the index was built (by another process): left out.
    if (!r) return [];
    const job = presentJob(r, locale, today);
    if (job.status !== 'open') return [];
    const explanation = explain(
      {
        skills: skills
          .filter((s) => s.job_id === r.id)
          .map((s) => ({ skillId: s.skill_id, level: s.level, required: s.required })),
        jlptMin: r.jlpt_min,
      },
      { skills: me.skills, jlpt: me.profile.jlpt },
      names,
      locale,
    );
    return [{ job, explanation, fit, yourSkillsUsed: used, yourSkills: evidence.length }];
  });
  return { items, hasSkills: true };
}

/** The courses that close most of the missing skills, fewest courses first, near ones (online, same province) preferred. */
export async function coursesClosing(
  db: Db,
  missing: readonly string[],
  provinceCode: string | null,
  names: ReadonlyMap<string, string>,
  locale: Locale,
  max = 5,
) {
  if (missing.length === 0) return [];
  const rows = await db
    .selectFrom('course_skills as cs')
    .innerJoin('skill_names as sn', 'sn.name_folded', 'cs.skill_folded')
    .innerJoin('courses as c', 'c.id', 'cs.course_id')
    .leftJoin('provinces as pr', 'pr.code', 'c.province_code')
    .select([
      'c.id',
      'c.slug',
      'c.title',
      'c.translations',
      'c.delivery_mode',
      'c.province_code',
      'pr.name as province_name',
      'sn.skill_id',
    ])
    .where('c.status', '=', 'published')
    .where('sn.skill_id', 'in', missing)
    .execute();
  type C = { row: (typeof rows)[number]; skills: Set<string>; near: boolean };
  const courses = new Map<string, C>();
  for (const r of rows) {
    const c = courses.get(r.id) ?? {
      row: r,
      skills: new Set<string>(),
      near: r.delivery_mode === 'online' || (provinceCode !== null && r.province_code === provinceCode),
    };
    c.skills.add(r.skill_id);
    courses.set(r.id, c);
  }
  // Greedy cover: each pick closes the most skills still open; ties go to a near course, then by title.
  const open = new Set(missing);
  const picked: { c: C; closes: string[] }[] = [];
  while (open.size > 0 && picked.length < max) {
    let best: { c: C; closes: string[] } | null = null;
    for (const c of courses.values()) {
      if (picked.some((p) => p.c === c)) continue;
      const closes = [...c.skills].filter((s) => open.has(s));
      if (closes.length === 0) continue;
      if (
        !best ||
        closes.length > best.closes.length ||
        (closes.length === best.closes.length && c.near && !best.c.near) ||
        (closes.length === best.closes.length && c.near === best.c.near && c.row.title < best.c.row.title)
      )
        best = { c, closes };
    }
    if (!best) break;
    picked.push(best);
    for (const s of best.closes) open.delete(s);
  }
  return picked
    .sort((a, b) => Number(b.c.near) - Number(a.c.near))
    .map(({ c, closes }) => ({
      id: c.row.id,
      slug: c.row.slug,
      title: courseTitle(c.row, locale),
      deliveryMode: c.row.delivery_mode,
      province: c.row.province_code
        ? { code: c.row.province_code, name: c.row.province_name ?? c.row.province_code }
        : null,
      near: c.near,
      closes: closes.map((s) => ({ skillId: s, name: names.get(s) ?? s })),
    }));
}

export async function myFit(ctx: AppContext, actor: Actor, jobId: string, locale: Locale) {
  const r = await repo.findJob(ctx.db, jobId);
  if (!r) throw notFound('job');
  const me = await learner(ctx, actor);
  const today = vietnamDate();
  const [skills, names] = await Promise.all([repo.jobSkills(ctx.db, [jobId]), skillNames(ctx.db, locale)]);
  const explanation = explain(
    {
      skills: skills.map((s) => ({ skillId: s.skill_id, level: s.level, required: s.required })),
      jlptMin: r.jlpt_min,
    },
    { skills: me?.skills ?? [], jlpt: me?.profile.jlpt ?? null },
    names,
    locale,
  );
  const missingSkills = explanation.missing.flatMap((g) => (g.kind === 'skill' ? [g.skillId] : []));
  const courses = await coursesClosing(ctx.db, missingSkills, me?.provinceCode ?? null, names, locale);
  const application = me
    ? await ctx.db
        .selectFrom('applications')
        .select(['id', 'status'])
        .where('job_id', '=', jobId)
        .where('person_id', '=', me.person.id)
        .executeTakeFirst()
    : undefined;
  const blockedBy = application ? null : await applyBlocker(ctx.db, r, me?.person.id ?? null, today);
  return { explanation, courses, application: application ?? null, blockedBy };
}

/** Why the person cannot apply to the job now, or null. */
export async function applyBlocker(
  db: Db,
  job: Pick<Row, 'status' | 'closes_on' | 'org_country'>,
  personId: string | null,
  today: string,
): Promise<'no_profile' | 'consent_employers_vn' | 'consent_employers_jp' | 'closed' | null> {
  if (job.status !== 'open' || job.closes_on < today) return 'closed';
  if (!personId) return 'no_profile';
  const purpose = job.org_country === 'JP' ? 'share_employers_jp' : 'share_employers_vn';
  const granted = await db
    .selectFrom('people')
    .select((eb) => eb.fn<boolean>('consent_granted', [eb.val(personId), eb.val(purpose)]).as('ok'))
    .where('id', '=', personId)
    .executeTakeFirst();
  if (!granted?.ok) return purpose === 'share_employers_jp' ? 'consent_employers_jp' : 'consent_employers_vn';
  return null;
}

export async function candidatesFor(
  ctx: AppContext,
  actor: Actor,
  jobId: string,
  limit: number,
  locale: Locale,
) {
  const r = await repo.findJob(ctx.db, jobId);
  if (!r) throw notFound('job');
  if (!managesJobsOf(actor, r.organisation_id)) throw forbidden('not this employer’s job');
  const skills = (await repo.jobSkills(ctx.db, [jobId])).map((s) => ({
    skillId: s.skill_id,
    level: s.level,
    required: s.required,
  }));
  // A Japanese employer sees only people who agreed to a transfer to Japan (Law 91/2025/QH15).
  // Ranked by the matching rule exactly (skills and the Japanese level), so the best `limit` are these.
  const ranked = await repo.candidatesForSkills(ctx.db, {
    skills,
    jlptMin: r.jlpt_min,
    japan: r.org_country === 'JP',
    limit,
  });
  const ids = ranked.map((x) => x.person_id);
  if (ids.length === 0) return { items: [] };
  const [people, held_, names, apps] = await Promise.all([
    candidatePeople(ctx.db, ids),
    personSkills(
      ctx.db,
      ids,
      skills.map((s) => s.skillId),
    ),
    skillNames(ctx.db, locale),
    ctx.db
      .selectFrom('applications')
      .select(['id', 'person_id'])
      .where('job_id', '=', jobId)
      .where('person_id', 'in', ids)
      .execute(),
  ]);
  const appOf = new Map(apps.map((a) => [a.person_id, a.id]));
  const items = ids
    .flatMap((id) => {
      const p = people.get(id);
      if (!p) return [];
      return [
        {
          person: p.ref,
          explanation: explain(
            { skills, jlptMin: r.jlpt_min },
            { skills: held(held_.filter((h) => h.person_id === id)), jlpt: p.jlpt },
            names,
            locale,
          ),
          applicationId: appOf.get(id) ?? null,
        },
      ];
    })
    .sort(
      (a, b) =>
        b.explanation.score - a.explanation.score ||
        a.person.displayName.localeCompare(b.person.displayName, locale),
    )
    .slice(0, limit);
  await insertAudit(ctx.db, {
    actorUserId: actor.userId,
    action: 'job.candidates_viewed',
    entityType: 'job',
    entityId: jobId,
    organisationId: r.organisation_id,
    details: { people: items.map((i) => i.person.personId) },
  });
  return { items };
}

/** What an employer sees of a candidate: name, headline, province, Japanese level; nothing else. */
export async function candidatePeople(db: Db, ids: readonly string[]) {
  const query = db
    .selectFrom('people as p')
    .innerJoin('talent_profiles as t', 't.person_id', 'p.id')
    .leftJoin('provinces as pr', (j) =>
      j.on(sql<boolean>`pr.code = coalesce(t.province_code, p.province_code)`),
    )
    .select([
      'p.id',
      'p.full_name',
      't.headline',
      't.jlpt',
      'pr.code as province_code',
      'pr.name as province_name',
    ])
    .where('p.id', 'in', ids);
  // Nobody asked, nobody read: `in ()` is not SQL.
  const rows = ids.length === 0 ? [] : await query.execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        jlpt: r.jlpt,
        ref: {
          personId: r.id,
          displayName: r.full_name,
          headline: r.headline,
          province: r.province_code
            ? { code: r.province_code, name: r.province_name ?? r.province_code }
            : null,
          jlpt: r.jlpt ? jlptName(r.jlpt) : null,
        },
      },
    ]),
  );
}
