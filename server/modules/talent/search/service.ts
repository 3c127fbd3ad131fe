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
import {
  foldVi,
  hasDiacritics,
  highlightRanges,
  normalizeVi,
  remembered,
  tokensVi,
} from '../../../../common/text';
import { vietnamDate } from '../../../jobs';
import { ReadCache } from '../../../lib/cache';
import { onChange } from '../../../lib/changes';
import type { AppContext } from '../../../lib/context';
import { OCCUPATION_PREFIX } from '../esco/repo';
import { allSkills, presentSkill, type SkillRow, skillScore } from '../taxonomy/service';
import { type Found, type Shown, searchCoursesIndexed, searchJobsIndexed } from './indexes';
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

/**
 * `cached: false` searches afresh (the bench's uncached figure); `indexes: false` asks the SQL only,
 * never the in-memory indexes (the reference the parity test holds them to).
 */
export function search(
  ctx: Pick<AppContext, 'db'>,
  q: SearchInput,
  locale: Locale,
  opts: { cached?: boolean; indexes?: boolean } = {},
) {
  const useIndexes = opts.indexes ?? true;
  if (opts.cached === false || !useIndexes) return searchAfresh(ctx, q, locale, useIndexes);
  const key = JSON.stringify([locale, q.q, q.type, q.country, q.province, q.page, q.pageSize]);
  return cacheOf(ctx.db).get(key, () => searchAfresh(ctx, q, locale, true));
}

/** A match to rank: its title as shown, its place in the newest-first list, and how to show it. */
interface Hit {
  title: string;
  order: number;
  show: () => Shown;
}

interface Matches {
  hits: Hit[];
  total: number;
  capped: boolean;
}

const none: Matches = { hits: [], total: 0, capped: false };

/**
 * Titles folded for ranking, remembered: the candidates of common words are the same few thousand
 * titles search after search, and folding one costs microseconds.
 */
const foldedTitle = remembered(foldVi, 50_000);
const normalizedTitle = remembered(normalizeVi, 50_000);

function ranked(hits: Hit[], q: string): Hit[] {
  const words = tokensVi(q);
  const accented = hasDiacritics(q) ? normalizeVi(q) : null;
  const score = (h: Hit) => {
    const title = foldedTitle(h.title);
    const titleWords = title.split(' ');
    let s = 0;
    if (words.every((w) => titleWords.some((t) => t.startsWith(w)))) s += 4;
    else if (words.every((w) => title.includes(w))) s += 2;
    if (accented && normalizedTitle(h.title).includes(accented)) s += 1;
    return s;
  };
  return hits
    .map((h) => ({ h, s: score(h) }))
    .sort((a, b) => b.s - a.s || a.h.order - b.h.order)
    .map((x) => x.h);
}

/**
 * The taxonomy's skills a folded query matches, best first, remembered per query: scoring forgives
 * typos (edit distances over every name), a millisecond each time, and the taxonomy is code.
 */
const skillMatches = new WeakMap<readonly SkillRow[], Map<string, SkillRow[]>>();
function matchingSkills(skills: readonly SkillRow[], folded: string): SkillRow[] {
  let known = skillMatches.get(skills);
  if (!known) {
    known = new Map();
    skillMatches.set(skills, known);
  }
  let list = known.get(folded);
  if (!list) {
    list = skills
      .map((s) => ({ s, score: skillScore(folded, s.keys) }))
      .filter((x) => x.score > 0)
      .sort((a, b) => b.score - a.score || a.s.position - b.s.position)
      .map((x) => x.s);
    if (known.size >= 5_000) known.clear();
    known.set(folded, list);
  }
  return list;
}

function presentJob(j: repo.JobHitRow, locale: Locale): Shown {
  const t = j.translations?.[locale];
  const place =
    j.province_name ??
    prefectures.find((p) => p.code === j.prefecture)?.[locale === 'ja' ? 'ja' : 'en'] ??
    '';
  return {
    type: 'job',
    id: j.id,
    title: t?.title ?? j.title,
    language: t ? locale : j.language,
    subtitle: [j.org_name, place].filter(Boolean).join(' · '),
    path: `/jobs/${j.id}`,
  };
}

function presentCourse(c: Awaited<ReturnType<typeof repo.courseHits>>[number], locale: Locale): Shown {
  const t = c.translations?.[locale]?.title;
  return {
    type: 'course',
    id: c.id,
    title: t && t.trim() !== '' ? t : c.title,
    language: t ? locale : c.teaching_language,
    subtitle: c.org_name,
    path: `/courses/${c.slug}`,
  };
}

/** Matches shown as they are. */
function complete(r: { total: number; capped: boolean }, shown: Shown[]): Matches {
  return {
    total: r.total,
    capped: r.capped,
    hits: shown.map((s, order) => ({ title: s.title, order, show: () => s })),
  };
}

/** Matches from an in-memory index (indexes.ts), shown from it too. */
function fromIndex(found: Found): Matches {
  return {
    total: found.total,
    capped: found.capped,
    hits: found.hits.map((h, order) => ({ title: h.title, order, show: h.show })),
  };
}

async function searchAfresh(
  ctx: Pick<AppContext, 'db'>,
  q: SearchInput,
  locale: Locale,
  useIndexes: boolean,
) {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const words = tokensVi(q.q);
  const types = q.type ? [q.type] : TYPES;
  const limit = q.type ? Math.min(Math.max(CANDIDATES, page * pageSize), repo.COUNT_CAP) : GROUP_CANDIDATES;
  const today = vietnamDate();

  const one = async (type: Type): Promise<Matches> => {
    if (words.length === 0) return none;
    switch (type) {
      case 'job': {
        const f = { words, today, country: q.country, province: q.province, limit };
        const found = useIndexes ? await searchJobsIndexed(ctx.db, f, locale) : null;
        if (found) return fromIndex(found);
        const r = await repo.searchJobs(ctx.db, f);
        return complete(
          r,
          r.rows.map((j) => presentJob(j, locale)),
        );
      }
      case 'course': {
        if (q.country === 'JP') return none;
        const f = { words, province: q.province, limit };
        const found = useIndexes ? await searchCoursesIndexed(ctx.db, f, locale) : null;
        if (found) return fromIndex(found);
        const r = await repo.searchCourses(ctx.db, f);
        return complete(
          r,
          r.rows.map((c) => presentCourse(c, locale)),
        );
      }
      case 'skill': {
        const list = matchingSkills(await allSkills(ctx.db), words.join(' '));
        return complete(
          { total: list.length, capped: false },
          list.map((s) => {
            const p = presentSkill(s, locale);
            return {
              type,
              id: s.id,
              title: p.name,
              language: locale,
              subtitle: s.definitions[locale],
              path: `/skills/${s.id}`,
            };
          }),
        );
      }
      case 'occupation': {
        if (q.country || q.province) return none;
        const r = await repo.searchOccupations(ctx.db, { words, limit });
        return complete(
          r,
          r.rows.map((o) => {
            const id = o.uri.slice(OCCUPATION_PREFIX.length);
            return {
              type,
              id,
              title: o.label,
              language: 'en' as const,
              subtitle: `ISCO ${o.isco_group}`,
              path: `/occupations/${id}`,
            };
          }),
        );
      }
    }
  };

  const results = await Promise.all(types.map(one));
  const groups = types.map((type, i) => {
    const r = results[i]!;
    // Skills keep the taxonomy's ranking (it forgives typos, which the title test would not).
    const list = type === 'skill' ? r.hits : ranked(r.hits, q.q);
    const from = q.type ? (page - 1) * pageSize : 0;
    // Only the shown titles are highlighted: marking every candidate cost milliseconds for nothing.
    const items = list.slice(from, from + (q.type ? pageSize : PER_GROUP)).map((h): SearchHitT => {
      const shown = h.show();
      return { ...shown, highlights: highlightRanges(shown.title, q.q) };
    });
    return { type, total: r.total, capped: r.capped, items };
  });
  return { q: q.q, page, pageSize, groups };
}
