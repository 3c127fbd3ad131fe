/**
 * One search box over courses, jobs, skills and occupations. Accent- and case-insensitive
 * (common/text foldVi); every word must match. Within each kind, results whose title holds every word
 * come first; for a query typed with accents ("bán dẫn"), results written with those same accents
 * come before the ones that only fold to them ("bạn dân"); then the newest. Titles come with the
 * ranges to highlight.
 */
import type { SearchHitT } from '../../../../common/contracts/talent';
import type { Locale } from '../../../../common/i18n/locales';
import { prefectures } from '../../../../common/talent';
import { foldVi, hasDiacritics, highlightRanges, normalizeVi, tokensVi } from '../../../../common/text';
import { vietnamDate } from '../../../jobs';
import { ReadCache } from '../../../lib/cache';
import { onChange } from '../../../lib/changes';
import type { AppContext } from '../../../lib/context';
import { OCCUPATION_PREFIX } from '../esco/repo';
import { allSkills, presentSkill, skillScore } from '../taxonomy/service';
import * as repo from './repo';

type Type = 'course' | 'job' | 'skill' | 'occupation';
const TYPES: readonly Type[] = ['course', 'job', 'skill', 'occupation'];
/** Without a kind, this many of each. */
const PER_GROUP = 5;
/** How many matches are ranked: for the best few of each kind, and (deeper) for one kind's pages. */
const GROUP_CANDIDATES = 50;
const CANDIDATES = 200;

type Result = Awaited<ReturnType<typeof searchAfresh>>;
/**
 * Answers are kept for a minute, and forgotten at once when a course or a job changes in this
 * process: the same few hundred words are searched again and again (decision 011).
 */
const caches = new WeakMap<object, ReadCache<Result>>();
const cacheOf = (db: object) => {
  const c = caches.get(db) ?? new ReadCache<Result>({ ttlMs: 60_000, max: 2_000 });
  caches.set(db, c);
  return c;
};
onChange(['courses', 'jobs'], (db) => caches.get(db)?.clear());

export type SearchInput = {
  q: string;
  type?: Type;
  country?: 'VN' | 'JP';
  province?: string;
  page?: number;
  pageSize?: number;
};

/** `cached: false` searches afresh (the bench's uncached figure). */
export function search(
  ctx: Pick<AppContext, 'db'>,
  q: SearchInput,
  locale: Locale,
  opts: { cached?: boolean } = {},
) {
  if (opts.cached === false) return searchAfresh(ctx, q, locale);
  const key = JSON.stringify([locale, q.q, q.type, q.country, q.province, q.page, q.pageSize]);
  return cacheOf(ctx.db).get(key, () => searchAfresh(ctx, q, locale));
}

interface Hit extends SearchHitT {
  order: number;
}

function ranked(hits: Hit[], q: string): Hit[] {
  const words = tokensVi(q);
  const accented = hasDiacritics(q) ? normalizeVi(q) : null;
  const score = (h: Hit) => {
    const title = foldVi(h.title);
    const titleWords = title.split(' ');
    let s = 0;
    if (words.every((w) => titleWords.some((t) => t.startsWith(w)))) s += 4;
    else if (words.every((w) => title.includes(w))) s += 2;
    if (accented && normalizeVi(h.title).includes(accented)) s += 1;
    return s;
  };
  return hits
    .map((h) => ({ h, s: score(h) }))
    .sort((a, b) => b.s - a.s || a.h.order - b.h.order)
    .map((x) => x.h);
}

async function searchAfresh(ctx: Pick<AppContext, 'db'>, q: SearchInput, locale: Locale) {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const words = tokensVi(q.q);
  const types = q.type ? [q.type] : TYPES;
  const limit = q.type ? Math.min(Math.max(CANDIDATES, page * pageSize), repo.COUNT_CAP) : GROUP_CANDIDATES;
  const hl = (title: string) => highlightRanges(title, q.q);
  const today = vietnamDate();

  const one = async (type: Type): Promise<{ hits: Hit[]; total: number; capped: boolean }> => {
    if (words.length === 0) return { hits: [], total: 0, capped: false };
    switch (type) {
      case 'job': {
        const r = await repo.searchJobs(ctx.db, {
          words,
          today,
          country: q.country,
          province: q.province,
          limit,
        });
        return {
          ...r,
          hits: r.rows.map((j, order) => {
            const t = j.translations?.[locale];
            const title = t?.title ?? j.title;
            const place =
              j.province_name ??
              prefectures.find((p) => p.code === j.prefecture)?.[locale === 'ja' ? 'ja' : 'en'] ??
              '';
            return {
              type,
              id: j.id,
              title,
              language: t ? locale : j.language,
              subtitle: [j.org_name, place].filter(Boolean).join(' · '),
              path: `/jobs/${j.id}`,
              highlights: hl(title),
              order,
            };
          }),
        };
      }
      case 'course': {
        if (q.country === 'JP') return { hits: [], total: 0, capped: false };
        const r = await repo.searchCourses(ctx.db, { words, province: q.province, limit });
        return {
          ...r,
          hits: r.rows.map((c, order) => {
            const t = c.translations?.[locale]?.title;
            const title = t && t.trim() !== '' ? t : c.title;
            return {
              type,
              id: c.id,
              title,
              language: t ? locale : c.teaching_language,
              subtitle: c.org_name,
              path: `/courses/${c.slug}`,
              highlights: hl(title),
              order,
            };
          }),
        };
      }
      case 'skill': {
        const folded = words.join(' ');
        const list = (await allSkills(ctx.db))
          .map((s) => ({ s, score: skillScore(folded, s.keys) }))
          .filter((x) => x.score > 0)
          .sort((a, b) => b.score - a.score || a.s.position - b.s.position);
        return {
          total: list.length,
          capped: false,
          hits: list.map(({ s }, order) => {
            const p = presentSkill(s, locale);
            return {
              type,
              id: s.id,
              title: p.name,
              language: locale,
              subtitle: s.definitions[locale],
              path: `/skills/${s.id}`,
              highlights: hl(p.name),
              order,
            };
          }),
        };
      }
      case 'occupation': {
        if (q.country || q.province) return { hits: [], total: 0, capped: false };
        const r = await repo.searchOccupations(ctx.db, { words, limit });
        return {
          ...r,
          hits: r.rows.map((o, order) => {
            const id = o.uri.slice(OCCUPATION_PREFIX.length);
            return {
              type,
              id,
              title: o.label,
              language: 'en' as const,
              subtitle: `ISCO ${o.isco_group}`,
              path: `/occupations/${id}`,
              highlights: hl(o.label),
              order,
            };
          }),
        };
      }
    }
  };

  const results = await Promise.all(types.map(one));
  const groups = types.map((type, i) => {
    const r = results[i]!;
    // Skills keep the taxonomy's ranking (it forgives typos, which the title test would not).
    const list = type === 'skill' ? r.hits : ranked(r.hits, q.q);
    const from = q.type ? (page - 1) * pageSize : 0;
    const items = list.slice(from, from + (q.type ? pageSize : PER_GROUP)).map(({ order: _, ...h }) => h);
    return { type, total: r.total, capped: r.capped, items };
  });
  return { q: q.q, page, pageSize, groups };
}
