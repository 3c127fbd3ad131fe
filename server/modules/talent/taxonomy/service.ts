/**
 * The 4IR skills taxonomy: seeded from ./skills.ts on every start (updated in place, idempotent), read
 * by the skills pages, the profile editor, the job form and matching. Search is accent-insensitive
 * and forgives a typo per word in all three languages: the taxonomy is small (tens of skills), so it
 * is ranked in memory rather than by an index.
 */
import { type Kysely, sql } from 'kysely';
import type { Locale } from '../../../../common/i18n/locales';
import type { SkillCategory } from '../../../../common/talent';
import { editDistance, foldVi } from '../../../../common/text';
import type { DB } from '../../../db/schema';
import { AppError, notFound } from '../../../lib/errors';
import { ESCO_SKILL_PREFIX } from '../esco/repo';
import { type TaxonomySkill, taxonomy } from './skills';

type Db = Kysely<DB>;
type Names = Record<Locale, string>;

export interface SkillRow {
  id: string;
  category: SkillCategory;
  names: Names;
  definitions: Names;
  escoUri: string | null;
  position: number;
  keys: string[];
}

const namesOf = (s: TaxonomySkill) => [s.vi, s.en, s.ja, ...(s.aliases ?? [])];

/** Writes the taxonomy; when a name or alias is new, certificates are re-read for everyone. */
export async function seedTaxonomy(db: Db, skills: readonly TaxonomySkill[] = taxonomy) {
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('skill_names').select(['name_folded', 'skill_id']).execute();
    const had = new Set(before.map((r) => `${r.skill_id} ${r.name_folded}`));
    let newNames = false;
    for (const [position, s] of skills.entries()) {
      const folded = [
        ...new Set(
          namesOf(s)
            .map(foldVi)
            .filter((n) => n !== ''),
        ),
      ];
      const row = {
        id: s.id,
        category: s.category,
        names: JSON.stringify({ vi: s.vi, en: s.en, ja: s.ja }),
        definitions: JSON.stringify(s.def),
        esco_uri: s.esco ? `${ESCO_SKILL_PREFIX}${s.esco}` : null,
        search_folded: folded.join(' | '),
        position,
      };
      await trx
        .insertInto('skills')
        .values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet({ ...row, updated_at: sql`now()` }))
        .execute();
      await trx.deleteFrom('skill_names').where('skill_id', '=', s.id).execute();
      await trx
        .insertInto('skill_names')
        .values(folded.map((name_folded) => ({ name_folded, skill_id: s.id })))
        .execute();
      if (folded.some((f) => !had.has(`${s.id} ${f}`))) newNames = true;
    }
    await trx.deleteFrom('skill_relations').execute();
    const relations = skills.flatMap((s) =>
      (s.related ?? []).map((related_id) => ({ skill_id: s.id, related_id })),
    );
    if (relations.length > 0) await trx.insertInto('skill_relations').values(relations).execute();
    loaded.delete(db);
    if (newNames) {
      await sql`select talent_refresh_certificate_skills(person_id)
                from (select distinct person_id from credentials) p`.execute(trx);
    }
  });
}

/** The taxonomy changes only when seeded: each database's is read once and kept. */
const loaded = new WeakMap<object, Promise<SkillRow[]>>();

export function allSkills(db: Db): Promise<SkillRow[]> {
  let p = loaded.get(db);
  if (!p) {
    p = readSkills(db);
    p.catch(() => loaded.delete(db));
    loaded.set(db, p);
  }
  return p;
}

async function readSkills(db: Db): Promise<SkillRow[]> {
  const rows = await db
    .selectFrom('skills')
    .select(['id', 'category', 'names', 'definitions', 'esco_uri', 'position', 'search_folded'])
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    category: r.category as SkillCategory,
    names: r.names as Names,
    definitions: r.definitions as Names,
    escoUri: r.esco_uri,
    position: r.position,
    keys: r.search_folded.split(' | '),
  }));
}

/**
 * How well a folded query matches a skill's folded names: 0 none … 100 a name exactly. Every word of
 * the query must be found in one name, exactly, as a prefix, or (words of 4+ letters) one edit away,
 * two for 8+ letters. Text without spaces (Japanese) matches as a substring.
 */
export function skillScore(query: string, keys: readonly string[]): number {
  if (query === '') return 1;
  let best = 0;
  const words = query.split(' ');
  for (const key of keys) {
    if (key === query) return 100;
    if (key.startsWith(query)) best = Math.max(best, 80);
    else if (key.includes(query)) best = Math.max(best, 60);
    else {
      const keyWords = key.split(' ');
      let sum = 0;
      let ok = true;
      for (const w of words) {
        let found = 0;
        for (const k of keyWords) {
          if (k === w) found = Math.max(found, 3);
          else if (k.startsWith(w)) found = Math.max(found, 2);
          else if (w.length >= 4 && editDistance(w, k.slice(0, w.length + 1)) <= (w.length >= 8 ? 2 : 1))
            found = Math.max(found, 1);
          else if (w.length >= 4 && editDistance(w, k) <= (w.length >= 8 ? 2 : 1)) found = Math.max(found, 1);
        }
        if (found === 0) {
          ok = false;
          break;
        }
        sum += found;
      }
      if (ok) best = Math.max(best, 20 + Math.round((30 * sum) / (3 * words.length)));
    }
  }
  return best;
}

export function presentSkill(s: SkillRow, locale: Locale) {
  return { id: s.id, category: s.category, name: s.names[locale], names: s.names, escoUri: s.escoUri };
}

export async function listSkills(
  db: Db,
  q: { q?: string; category?: SkillCategory; page?: number; pageSize?: number },
  locale: Locale,
) {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const query = q.q ? foldVi(q.q) : '';
  const ranked = (await allSkills(db))
    .filter((s) => !q.category || s.category === q.category)
    .map((s) => ({ s, score: skillScore(query, s.keys) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || a.s.position - b.s.position);
  return {
    items: ranked.slice((page - 1) * pageSize, page * pageSize).map((x) => presentSkill(x.s, locale)),
    total: ranked.length,
    page,
    pageSize,
  };
}

export async function skillDetail(db: Db, id: string, locale: Locale) {
  const all = await allSkills(db);
  const s = all.find((x) => x.id === id);
  if (!s) throw notFound('skill');
  const related = await db
    .selectFrom('skill_relations')
    .select('related_id')
    .where('skill_id', '=', id)
    .execute();
  const byId = new Map(all.map((x) => [x.id, x]));
  const courses = await db
    .selectFrom('skill_names as sn')
    .innerJoin('course_skills as cs', 'cs.skill_folded', 'sn.name_folded')
    .innerJoin('courses as c', 'c.id', 'cs.course_id')
    .select(['c.id', 'c.slug', 'c.title', 'c.translations'])
    .distinct()
    .where('sn.skill_id', '=', id)
    .where('c.status', '=', 'published')
    .orderBy('c.title')
    .execute();
  return {
    ...presentSkill(s, locale),
    definition: s.definitions[locale],
    definitions: s.definitions,
    related: related.flatMap((r) => {
      const x = byId.get(r.related_id);
      return x ? [presentSkill(x, locale)] : [];
    }),
    courses: courses.map((c) => ({ id: c.id, slug: c.slug, title: courseTitle(c, locale) })),
  };
}

/** A course's title in the reader's language when translated. */
export function courseTitle(c: { title: string; translations: unknown }, locale: Locale): string {
  const t = (c.translations as Record<string, { title?: string }> | null)?.[locale]?.title;
  return t && t.trim() !== '' ? t : c.title;
}

/** Names of skills in one language, by id (from the taxonomy read once). */
export async function skillNames(db: Db, locale: Locale): Promise<Map<string, string>> {
  return new Map((await allSkills(db)).map((s) => [s.id, s.names[locale]]));
}

/** Refuses ids the taxonomy does not hold (a form sent with a stale list, a typo in an API call). */
export async function assertSkillsExist(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return;
  const found = new Set(
    (
      await db
        .selectFrom('skills')
        .select('id')
        .where('id', 'in', [...new Set(ids)])
        .execute()
    ).map((r) => r.id),
  );
  const unknown = ids.find((id) => !found.has(id));
  if (unknown) throw new AppError('UNKNOWN_SKILL', { params: { skill: unknown } });
}
