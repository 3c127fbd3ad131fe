/**
 * The in-memory indexes of the search box answer exactly as its SQL does: on a generated board of
 * open and closed jobs and published and unpublished courses — Vietnamese with and without accents
 * (both tone placements), English, Japanese and words mixing scripts, tokens PostgreSQL's parser reads
 * in its own way ("56e2e", "4ir"), equal creation times, courses never published — many generated
 * queries (word prefixes, Japanese substrings, filters, one kind's later pages, three languages) give
 * the same results, counts, ranking and highlights either way. A change made by this process is never
 * answered from a stale index; a change made by another process is seen by the next check.
 */
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '../../../../common/i18n/locales';
import { foldVi, tokensVi } from '../../../../common/text';
import type { DB } from '../../../db/schema';
import { seedReference } from '../../../db/seed/reference';
import { vietnamDate } from '../../../jobs';
import { changed } from '../../../lib/changes';
import { createTestDatabase, type TestDatabase } from '../../../test/db';
import { prng } from '../../../test/random';
import { searchTextOf } from '../../catalog/service';
import { insertOrganisation } from '../../organisations/repo';
import { seedTaxonomy } from '../taxonomy/service';
import { checkSearchIndexes, searchCoursesIndexed, searchIndexesReady, searchJobsIndexed } from './indexes';
import * as repo from './repo';
import { type SearchInput, search } from './service';
import { parsesAsItself } from './word-index';

let database: TestDatabase;
let db: Kysely<DB>;
const today = vietnamDate();
const inDays = (n: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Words of titles and texts: accents, both tone placements, English, Japanese, odd tokens. */
const WORDS = [
  'Kỹ sư',
  'kỹ thuật viên',
  'bán dẫn',
  'Bạn đàn',
  'bàn',
  'kiểm tra',
  'wafer',
  'Hòa Lạc',
  'Hoà Lạc',
  'Đà Nẵng',
  'phân tích dữ liệu',
  'học máy',
  'đám mây',
  'an ninh mạng',
  'nhúng',
  'cảm biến',
  'thủy sản',
  'thuỷ điện',
  'khoẻ',
  'ca đêm',
  'Semiconductor',
  'technician',
  'Data analyst',
  'Python',
  'pythonic',
  'machine learning',
  'IoT',
  'cloud',
  '半導体',
  '技術者',
  'ウェーハ検査',
  'データアナリスト',
  '日本語通訳',
  '農業IoT技術者',
  'IoT農業',
  '機械学習',
  '56e2e',
  '4IR',
  '5G',
  '3D',
  'k8s',
  '2024',
  'ISO9001',
  'C++',
  'Straße',
  'Ærø',
];
/** What people type: the words above, folded or not, cut short, Japanese pieces, odd ones. */
const QUERY_WORDS = [
  ...WORDS,
  ...WORDS.map(foldVi),
  'ky su',
  'ban',
  'ban dan',
  'BÁN DẪN',
  'kiem',
  'hoa lac',
  'Hòa',
  'Hoà',
  'pyth',
  'p',
  'k',
  'da',
  'viec',
  'việc làm',
  'ウェーハ',
  '検査',
  '農業',
  'iot',
  'iot農',
  'e',
  '56e2',
  '4ir',
  'ir',
  'iso',
  'straße',
  'stra',
  'ß',
  'nothingmatches',
  '2',
];
const PROVINCES = ['01', '48', '79', '92'];

async function makeBoard() {
  const r = prng(511);
  const phrase = () =>
    Array.from({ length: r.int(1, 3) }, () => r.pick(WORDS))
      .join(' ')
      .replace(/^./, (c) => (r.next() < 0.5 ? c.toUpperCase() : c));
  const orgs: string[] = [];
  for (let i = 0; i < 6; i++) {
    const o = await insertOrganisation(db, {
      slug: `org-${i}`,
      name: i % 2 ? `Công ty ${i}` : `株式会社 ${i}`,
      kind: i < 4 ? 'employer' : 'training_partner',
      country: i === 3 ? 'JP' : 'VN',
      verified: true,
    });
    orgs.push(o.id);
  }
  // Creation times shared by several jobs (the id decides), with microseconds.
  const times = Array.from(
    { length: 40 },
    (_, i) => `2026-0${1 + (i % 9)}-1${i % 10} 0${i % 10}:00:00.${String(100000 + i * 7919).slice(0, 6)}+00`,
  );
  const jobs = Array.from({ length: 1600 }, (_, i) => {
    const japan = r.next() < 0.3;
    const title = phrase();
    // Most say "việc làm": a word common enough for the counts to stop at 1,000.
    const description = `${phrase()} ${r.next() < 0.97 ? 'việc làm' : ''} ${phrase()}`;
    const translations: Record<string, { title?: string; description: string }> = {};
    if (r.next() < 0.4) translations.en = { title: phrase(), description: phrase() };
    if (japan || r.next() < 0.1) translations.ja = { title: phrase(), description: phrase() };
    // A translation without a title: the job's own title is shown, in the translation's language.
    if (r.next() < 0.03) translations.vi = { description: phrase() };
    const closes = r.next() < 0.1 ? inDays(-1 - r.int(0, 5)) : r.next() < 0.1 ? today : inDays(r.int(1, 60));
    return {
      organisation_id: orgs[i % 4]!,
      language: (r.next() < 0.8 ? 'vi' : 'en') as 'vi' | 'en',
      title,
      description,
      translations: JSON.stringify(translations),
      country: (japan ? 'JP' : 'VN') as 'JP' | 'VN',
      province_code: japan ? null : r.pick(PROVINCES),
      prefecture: japan ? String(r.int(1, 47)).padStart(2, '0') : null,
      currency: (japan ? 'JPY' : 'VND') as 'JPY' | 'VND',
      closes_on: closes,
      status: (r.next() < 0.1 ? 'closed' : 'open') as 'open' | 'closed',
      weight_total: 6,
      required_count: 3,
      search_folded: foldVi(
        [
          title,
          description,
          ...Object.values(translations).flatMap((t) => [t.title ?? '', t.description]),
        ].join(' '),
      ),
      created_at: r.pick(times) as unknown as Date,
    };
  });
  for (let i = 0; i < jobs.length; i += 200)
    await db
      .insertInto('jobs')
      .values(jobs.slice(i, i + 200))
      .execute();

  const courses = Array.from({ length: 1400 }, (_, i) => {
    const title = phrase();
    const summary = `${phrase()} ${r.next() < 0.97 ? 'việc làm' : ''}`;
    const translations: Record<string, { title: string; summary: string }> = {};
    // Blank translated titles are not shown.
    if (r.next() < 0.4)
      translations.en = { title: r.next() < 0.1 ? r.pick(['', '  ']) : phrase(), summary: phrase() };
    if (r.next() < 0.2) translations.ja = { title: phrase(), summary: phrase() };
    const mode = r.pick(['online', 'in_person', 'blended'] as const);
    const s = searchTextOf({ title, summary, translations, skills: r.next() < 0.5 ? [phrase()] : [] });
    const status: 'draft' | 'archived' | 'published' =
      r.next() < 0.1 ? r.pick(['draft', 'archived'] as const) : 'published';
    return {
      organisation_id: orgs[4 + (i % 2)]!,
      slug: `khoa-${i}`,
      teaching_language: r.pick(['vi', 'vi', 'en', 'ja'] as const),
      title,
      summary,
      translations: JSON.stringify(translations),
      topic: 'digital_skills' as const,
      level: 'beginner' as const,
      duration_hours: 20,
      delivery_mode: mode,
      province_code: mode === 'online' && r.next() < 0.5 ? null : r.pick(PROVINCES),
      status,
      // Some published courses never got a date: they come last.
      published_at: (status === 'published' && r.next() < 0.95 ? r.pick(times) : null) as unknown as Date,
      search_folded: s.searchFolded,
      title_folded: s.titleFolded,
    };
  });
  for (let i = 0; i < courses.length; i += 200) {
    await db
      .insertInto('courses')
      .values(courses.slice(i, i + 200))
      .execute();
  }
}

function queries(seed: number, n: number): { q: SearchInput; locale: Locale }[] {
  const r = prng(seed);
  return Array.from({ length: n }, () => {
    const words = Array.from({ length: r.int(1, 3) }, () => r.pick(QUERY_WORDS));
    let text = words.join(' ');
    // The last word cut short, as typed.
    if (r.next() < 0.3) text = text.slice(0, Math.max(1, text.length - r.int(1, 4)));
    if (r.next() < 0.2) text = text.toUpperCase();
    const q: SearchInput = { q: text };
    if (r.next() < 0.2) q.country = r.pick(['VN', 'JP'] as const);
    if (r.next() < 0.15) q.province = r.pick([...PROVINCES, '02']);
    if (r.next() < 0.4) {
      q.type = r.pick(['job', 'course'] as const);
      if (r.next() < 0.6) q.page = r.int(1, 12);
      if (r.next() < 0.3) q.pageSize = r.pick([5, 50, 100]);
    }
    return { q, locale: r.pick(['vi', 'en', 'ja'] as const) };
  });
}

const limitOf = (q: SearchInput) =>
  q.type ? Math.min(Math.max(200, (q.page ?? 1) * (q.pageSize ?? 20)), repo.COUNT_CAP) : 50;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  await seedReference(db);
  await seedTaxonomy(db);
  await makeBoard();
}, 120_000);

afterAll(async () => {
  await database.drop();
});

describe('the search indexes', () => {
  it('read every token as PostgreSQL does: a word of letters then digits, or of digits, is itself', async () => {
    const r = prng(3);
    const words = Array.from({ length: 3000 }, () =>
      Array.from({ length: r.int(1, 9) }, () => r.pick([...'abcdefghijklmnopqrstuvwxyz0123456789e'])).join(
        '',
      ),
    );
    const parsed = await repo.lexemesOf(db, words);
    const plain = words.filter(parsesAsItself);
    expect(plain.length).toBeGreaterThan(1500);
    for (const w of plain) expect(parsed.get(w)).toEqual([w]);
    // The others are asked: "56e2e" is the number 56e2 and the word e.
    expect((await repo.lexemesOf(db, ['56e2e'])).get('56e2e')).toEqual(['56e2', 'e']);
  });

  it('give the SQL’s results: the same matches, order, counts, ranking and highlights', async () => {
    const built = await searchIndexesReady(db);
    expect(built.jobs.documents).toBeGreaterThan(900);
    expect(built.courses.documents).toBeGreaterThan(900);
    let answered = 0;
    let capped = 0;
    // Words most documents hold, whose counts stop at 1,000, and prefixes of many words.
    const common = ['viec', 'Việc làm', 'v', 'k', 'lam'].flatMap((text) =>
      (['vi', 'ja'] as const).flatMap((locale): { q: SearchInput; locale: Locale }[] => [
        { q: { q: text }, locale },
        { q: { q: text, type: 'job', page: 3 }, locale },
        { q: { q: text, type: 'course', page: 50, pageSize: 20 }, locale },
        { q: { q: text, country: 'VN', province: '79' }, locale },
      ]),
    );
    const all = [...common, ...queries(17, 400)];
    for (const { q, locale } of all) {
      const fromIndexes = await search({ db }, q, locale, { cached: false });
      const fromSql = await search({ db }, q, locale, { indexes: false });
      expect(fromIndexes, JSON.stringify({ q, locale })).toEqual(fromSql);
      if (fromSql.groups.some((g) => g.capped)) capped++;

      // Deeper than a page: every candidate the service ranks, in the SQL's order.
      const words = tokensVi(q.q);
      if (words.length === 0) continue;
      const limit = limitOf(q);
      const jobs = await searchJobsIndexed(
        db,
        { words, today, country: q.country, province: q.province, limit },
        locale,
      );
      const jobsSql = await repo.searchJobs(db, {
        words,
        today,
        country: q.country,
        province: q.province,
        limit,
      });
      const courses = await searchCoursesIndexed(db, { words, province: q.province, limit }, locale);
      const coursesSql = await repo.searchCourses(db, { words, province: q.province, limit });
      if (jobs && courses) answered++;
      if (jobs) {
        expect(jobs.hits.map((h) => h.id)).toEqual(jobsSql.rows.map((j) => j.id));
        expect([jobs.total, jobs.capped]).toEqual([jobsSql.total, jobsSql.capped]);
      }
      if (courses) {
        expect(courses.hits.map((h) => h.id)).toEqual(coursesSql.rows.map((c) => c.id));
        expect([courses.total, courses.capped]).toEqual([coursesSql.total, coursesSql.capped]);
      }
    }
    // Only words the parser splits ("56e2e") are left to the SQL.
    expect(answered).toBeGreaterThan(all.length * 0.9);
    expect(capped).toBeGreaterThan(10);
  }, 300_000);

  it('leave words the parser splits to the SQL, and take those it does not ("4ir")', async () => {
    await searchIndexesReady(db);
    const f = { today, limit: 50 };
    expect(await searchJobsIndexed(db, { ...f, words: ['56e2e'] }, 'vi')).toBeNull();
    expect(await searchJobsIndexed(db, { ...f, words: ['4ir'] }, 'vi')).not.toBeNull();
    expect(await searchCoursesIndexed(db, { words: ['ky', '56e2e'], limit: 50 }, 'vi')).toBeNull();
  });

  it('keep up with the days: a job closing before the day searched is not found', async () => {
    await searchIndexesReady(db);
    for (const day of [inDays(1), inDays(10), inDays(59)]) {
      for (const words of [['viec'], ['ky', 'su'], ['ban']]) {
        const f = { words, today: day, limit: 1000 };
        const got = await searchJobsIndexed(db, f, 'vi');
        const want = await repo.searchJobs(db, f);
        expect(got!.hits.map((h) => h.id)).toEqual(want.rows.map((j) => j.id));
        expect(got!.total).toBe(want.total);
      }
    }
  });

  it('never answer from an index this process has changed jobs or courses since', async () => {
    await searchIndexesReady(db);
    const q: SearchInput = { q: 'wafer', type: 'job', pageSize: 100 };
    const before = await search({ db }, q, 'vi', { cached: false });
    const shown = before.groups[0]!.items;
    expect(shown.length).toBeGreaterThan(3);

    // Closed, and another renamed so that it no longer says "wafer".
    const [closed, renamed] = [shown[0]!.id, shown[1]!.id];
    await db.updateTable('jobs').set({ status: 'closed' }).where('id', '=', closed).execute();
    await db
      .updateTable('jobs')
      .set({ title: 'Thợ hàn', search_folded: 'tho han', translations: '{}' })
      .where('id', '=', renamed)
      .execute();
    changed('jobs', db);
    // Stale now: the SQL answers, while the index is rebuilt.
    expect(await searchJobsIndexed(db, { words: ['wafer'], today, limit: 50 }, 'vi')).toBeNull();
    const during = await search({ db }, q, 'vi', { cached: false });
    expect(during).toEqual(await search({ db }, q, 'vi', { indexes: false }));
    const ids = during.groups[0]!.items.map((i) => i.id);
    expect(ids).not.toContain(closed);
    expect(ids).not.toContain(renamed);

    await searchIndexesReady(db);
    expect(await searchJobsIndexed(db, { words: ['wafer'], today, limit: 50 }, 'vi')).not.toBeNull();
    expect(await search({ db }, q, 'vi', { cached: false })).toEqual(during);
    const han = { q: 'tho han', type: 'job' as const };
    expect((await search({ db }, han, 'vi', { cached: false })).groups[0]!.items.map((i) => i.id)).toContain(
      renamed,
    );

    // A course unpublished.
    const course = (await search({ db }, { q: 'wafer', type: 'course' }, 'en', { cached: false })).groups[0]!
      .items[0]!.id;
    await db.updateTable('courses').set({ status: 'archived' }).where('id', '=', course).execute();
    changed('courses', db);
    expect(await searchCoursesIndexed(db, { words: ['wafer'], limit: 50 }, 'en')).toBeNull();
    await searchIndexesReady(db);
    const after = await search({ db }, { q: 'wafer', type: 'course' }, 'en', { cached: false });
    expect(after.groups[0]!.items.map((i) => i.id)).not.toContain(course);
    expect(after).toEqual(await search({ db }, { q: 'wafer', type: 'course' }, 'en', { indexes: false }));
  }, 120_000);

  it('see the writes of another process at the next check', async () => {
    await searchIndexesReady(db);
    const q: SearchInput = { q: 'semiconductor', type: 'job', pageSize: 100 };
    const first = (await search({ db }, q, 'vi', { cached: false })).groups[0]!.items[0]!.id;
    // Another server closes it: nothing here is told.
    await db.updateTable('jobs').set({ status: 'closed' }).where('id', '=', first).execute();
    expect(await searchJobsIndexed(db, { words: ['semiconductor'], today, limit: 50 }, 'vi')).not.toBeNull();
    // PostgreSQL publishes the counts of writes within seconds; the minute's check then rebuilds.
    for (let tries = 0; ; tries++) {
      await checkSearchIndexes(db);
      const ids = (await search({ db }, q, 'vi', { cached: false })).groups[0]!.items.map((i) => i.id);
      if (!ids.includes(first)) break;
      expect(tries).toBeLessThan(30);
      await sql`select pg_sleep(0.5)`.execute(db);
    }
    expect(await search({ db }, q, 'vi', { cached: false })).toEqual(
      await search({ db }, q, 'vi', { indexes: false }),
    );
  }, 60_000);
});
