/** ESCO occupations for career pathways: search by name or ISCO group, and one occupation's skills. */
import type { Kysely } from 'kysely';
import { foldVi } from '../../../../common/text';
import type { DB } from '../../../db/schema';
import { notFound } from '../../../lib/errors';
import * as repo from './repo';

const idOf = (uri: string) => uri.slice(repo.OCCUPATION_PREFIX.length);

export async function listOccupations(
  db: Kysely<DB>,
  q: { q?: string; isco?: string; page?: number; pageSize?: number },
) {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const folded = q.q ? foldVi(q.q) : '';
  const rows = await repo.searchOccupations(db, {
    folded: folded === '' ? null : folded,
    isco: q.isco ?? null,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return {
    items: rows.map((r) => ({
      id: idOf(r.uri),
      uri: r.uri,
      label: r.label,
      iscoGroup: r.isco_group,
      essentialSkills: r.essential,
      optionalSkills: r.optional,
    })),
    total: rows[0]?.total ?? 0,
    page,
    pageSize,
  };
}

export async function occupationProfile(db: Kysely<DB>, id: string) {
  const uri = `${repo.OCCUPATION_PREFIX}${id}`;
  const o = await repo.findOccupation(db, uri);
  if (!o) throw notFound('occupation');
  const skills = await repo.occupationSkills(db, uri);
  const of = (relation: 'essential' | 'optional') =>
    skills
      .filter((s) => s.relation === relation)
      .map((s) => ({ uri: s.uri, label: s.label, skillType: s.skill_type }));
  return {
    id,
    uri,
    label: o.label,
    iscoGroup: o.isco_group,
    code: o.code,
    description: o.description,
    altLabels: o.alt_labels,
    essential: of('essential'),
    optional: of('optional'),
  };
}
