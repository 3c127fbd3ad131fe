/**
 * Career pathways: an occupation's profile (the taxonomy's skills at the levels employers ask, and the
 * ESCO occupation with its own skills), what the signed-in learner already has, the gap, and the
 * courses that close it — the same rule and words as a job's fit (matching.ts).
 */
import { sql } from 'kysely';
import type { Locale } from '../../../../common/i18n/locales';
import { jlptName } from '../../../../common/talent';
import type { Actor } from '../../../lib/actor';
import type { AppContext } from '../../../lib/context';
import { notFound } from '../../../lib/errors';
import { findPersonByUser } from '../../people/repo';
import { OCCUPATION_PREFIX } from '../esco/repo';
import { coursesClosing } from '../jobs/service';
import { explain } from '../matching';
import { personSkills } from '../profiles/service';
import { skillNames } from '../taxonomy/service';
import { type Pathway, pathways } from './pathways';

async function occupations(ctx: AppContext, ids: readonly string[]) {
  const uris = ids.map((id) => `${OCCUPATION_PREFIX}${id}`);
  const rows = await ctx.db
    .selectFrom('esco_occupations as o')
    .select(['o.uri', 'o.label', 'o.isco_group'])
    .select((eb) => [
      eb
        .selectFrom('esco_occupation_skills as os')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('os.occupation_uri', '=', 'o.uri')
        .where('os.relation', '=', 'essential')
        .as('essential'),
    ])
    .where('o.uri', 'in', uris.length ? uris : ['-'])
    .execute();
  return new Map(
    rows.map((r) => [
      r.uri.slice(OCCUPATION_PREFIX.length),
      {
        id: r.uri.slice(OCCUPATION_PREFIX.length),
        label: r.label,
        iscoGroup: r.isco_group,
        essentialSkills: Number(r.essential ?? 0),
      },
    ]),
  );
}

const summary = (p: Pathway, locale: Locale, occ: Awaited<ReturnType<typeof occupations>>) => ({
  slug: p.slug,
  name: p.name[locale],
  summary: p.summary[locale],
  // Null until the ESCO release is imported (import-esco).
  occupation: occ.get(p.occupation) ?? null,
  skills: p.skills.length,
  jlpt: p.jlpt ? jlptName(p.jlpt) : null,
});

export async function listPathways(ctx: AppContext, locale: Locale) {
  const occ = await occupations(
    ctx,
    pathways.map((p) => p.occupation),
  );
  return { items: pathways.map((p) => summary(p, locale, occ)) };
}

export async function pathwayDetail(ctx: AppContext, actor: Actor | null, slug: string, locale: Locale) {
  const p = pathways.find((x) => x.slug === slug);
  if (!p) throw notFound('pathway');
  const [occ, names] = await Promise.all([occupations(ctx, [p.occupation]), skillNames(ctx.db, locale)]);
  const person = actor ? await findPersonByUser(ctx.db, actor.userId) : undefined;
  const held = person
    ? await personSkills(
        ctx.db,
        [person.id],
        p.skills.map((s) => s.skillId),
      )
    : [];
  const profile = person
    ? await ctx.db
        .selectFrom('talent_profiles')
        .select(['jlpt', 'province_code'])
        .where('person_id', '=', person.id)
        .executeTakeFirst()
    : undefined;
  const explanation = explain(
    { skills: p.skills.map((s) => ({ ...s, required: true })), jlptMin: p.jlpt ?? null },
    {
      skills: held.map((h) => ({ skillId: h.skill_id, level: h.level, verified: h.source !== 'declared' })),
      jlpt: profile?.jlpt ?? null,
    },
    names,
    locale,
  );
  const missing = explanation.missing.flatMap((g) => (g.kind === 'skill' ? [g.skillId] : []));
  const courses = await coursesClosing(
    ctx.db,
    missing,
    profile?.province_code ?? person?.province_code ?? null,
    names,
    locale,
  );
  const best = new Map<string, { level: number; verified: boolean }>();
  for (const h of held) {
    const b = best.get(h.skill_id);
    const verified = h.source !== 'declared';
    if (!b || h.level > b.level || (h.level === b.level && verified))
      best.set(h.skill_id, { level: h.level, verified });
  }
  return {
    ...summary(p, locale, occ),
    profile: p.skills.map((s) => ({
      skillId: s.skillId,
      name: names.get(s.skillId) ?? s.skillId,
      level: s.level,
      has: best.get(s.skillId)?.level ?? null,
      verified: best.get(s.skillId)?.verified ?? false,
    })),
    signedIn: !!person,
    explanation,
    courses,
  };
}
