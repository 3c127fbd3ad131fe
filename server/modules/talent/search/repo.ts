/**
 * SQL of the one search box: candidates of each kind that contain every word of the query (folded,
 * common/text), newest first and bounded, plus a capped count. The ranking among the candidates is the
 * service's (title matches and accents first).
 */
import { type Kysely, type SqlBool, sql } from 'kysely';
import type { DB } from '../../../db/schema';
import { indexable, likeEscaped, textQuery } from '../../../lib/textsearch';

type Db = Kysely<DB>;

/** Counting stops here: "1,000+" is all a search page needs to say. */
export const COUNT_CAP = 1000;

function wordsMatch(
  column: string,
  vector: string | null,
  words: string[],
): ReturnType<typeof sql<SqlBool>>[] {
  const indexed = words.filter(indexable);
  const last = words[words.length - 1];
  const out: ReturnType<typeof sql<SqlBool>>[] = [];
  if (vector && indexed.length > 0) {
    out.push(
      sql<SqlBool>`${sql.ref(vector)} @@ to_tsquery('simple', ${textQuery(indexed, last !== undefined && indexable(last))})`,
    );
  }
  for (const w of vector ? words.filter((w) => !indexable(w)) : words) {
    out.push(sql<SqlBool>`${sql.ref(column)} like ${`%${likeEscaped(w)}%`}`);
  }
  return out;
}

const all = (conds: ReturnType<typeof sql<SqlBool>>[]) =>
  conds.length === 0 ? sql<SqlBool>`true` : sql<SqlBool>`(${sql.join(conds, sql` and `)})`;

async function capped(db: Db, from: ReturnType<typeof sql>) {
  const { rows } = await sql<{
    n: string;
  }>`select count(*) as n from (${from} limit ${COUNT_CAP + 1}) x`.execute(db);
  const n = Number(rows[0]?.n ?? 0);
  return { total: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
}

/** Ids (uuids, nothing to escape) as one uuid[] parameter. */
const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

/** A job as a search result shows it. */
export interface JobHitRow {
  id: string;
  title: string;
  language: 'vi' | 'en' | 'ja';
  translations: Record<string, { title: string }>;
  org_name: string;
  province_name: string | null;
  prefecture: string | null;
}

export async function searchJobs(
  db: Db,
  f: { words: string[]; today: string; country?: string; province?: string; limit: number },
) {
  const where = all([
    sql<SqlBool>`j.status = 'open' and j.closes_on >= ${f.today}::date`,
    ...wordsMatch('j.search_folded', 'j.search_vector', f.words),
    ...(f.country ? [sql<SqlBool>`j.country = ${f.country}`] : []),
    ...(f.province ? [sql<SqlBool>`j.province_code = ${f.province}`] : []),
  ]);
  const [rows, count] = await Promise.all([
    sql<JobHitRow>`
      select j.id, j.title, j.language, j.translations, o.name as org_name, pr.name as province_name, j.prefecture
      from jobs j
      join organisations o on o.id = j.organisation_id
      left join provinces pr on pr.code = j.province_code
      where ${where}
      order by j.created_at desc, j.id
      limit ${f.limit}`.execute(db),
    capped(db, sql`select 1 from jobs j where ${where}`),
  ]);
  return { rows: rows.rows, ...count };
}

/**
 * Courses in one scan of the matches: titles holding every word first, then the newest, with the
 * count of all matches from the same scan (a course catalog is tens of thousands, not millions); the
 * details are read for the chosen few only.
 */
export async function searchCourses(db: Db, f: { words: string[]; province?: string; limit: number }) {
  const where = all([
    sql<SqlBool>`c.status = 'published'`,
    ...wordsMatch('c.search_folded', 'c.search_vector', f.words),
    ...(f.province ? [sql<SqlBool>`(c.province_code = ${f.province} or c.delivery_mode = 'online')`] : []),
  ]);
  const inTitle = all(f.words.map((w) => sql<SqlBool>`c.title_folded like ${`%${likeEscaped(w)}%`}`));
  const { rows: ids } = await sql<{ id: string; total: string }>`
    select c.id, count(*) over () as total from courses c
    where ${where}
    order by ${inTitle} desc, c.published_at desc nulls last, c.id
    limit ${f.limit}`.execute(db);
  const n = Number(ids[0]?.total ?? 0);
  return {
    rows: await courseHits(
      db,
      ids.map((r) => r.id),
    ),
    total: Math.min(n, COUNT_CAP),
    capped: n > COUNT_CAP,
  };
}

/** The published courses of these ids as results, in the order given. */
export async function courseHits(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const { rows: details } = await sql<{
    id: string;
    slug: string;
    title: string;
    teaching_language: 'vi' | 'en' | 'ja';
    translations: Record<string, { title?: string }>;
    org_name: string;
  }>`
    select c.id, c.slug, c.title, c.teaching_language, c.translations, o.name as org_name
    from courses c
    join organisations o on o.id = c.organisation_id
    where c.id = any(${uuidArray(ids)}) and c.status = 'published'`.execute(db);
  const byId = new Map(details.map((d) => [d.id, d]));
  return ids.flatMap((id) => {
    const d = byId.get(id);
    return d ? [d] : [];
  });
}

// ── What the in-memory indexes are built from (search/indexes.ts) ──────────────────────────────────

/**
 * Pages of a table read per query while building an index: a request waits at most for one such
 * read. Ranges of the table's pages (a TID range scan) read it in storage order, each page once; an
 * ordered read would fetch a page per row.
 */
const PAGES = 1000;

/** The table's page ranges at this moment: rows written later are another build's. */
async function pageRanges(db: Db, table: 'jobs' | 'courses'): Promise<[string, string][]> {
  const { rows } = await sql<{ pages: number }>`
    select (pg_relation_size(${table}::regclass) / current_setting('block_size')::int)::int as pages`.execute(
    db,
  );
  const pages = Number(rows[0]?.pages ?? 0);
  const out: [string, string][] = [];
  for (let p = 0; p < pages; p += PAGES) out.push([`(${p},0)`, `(${p + PAGES},0)`]);
  return out;
}

/** Microseconds since 1970, exactly (extract gives a numeric), as the sort key of the rows read. */
const micros = (column: string) => sql<number>`(extract(epoch from ${sql.ref(column)}) * 1000000)::bigint`;

/**
 * Newest first, then by id: the order of the SQL (`order by created_at desc, id`), in memory. The
 * canonical text of a uuid sorts as the uuid does. A row read twice (moved by an update between two
 * reads) is kept once.
 */
function inShownOrder<R extends { id: string; at: number | null }>(rows: R[]): R[] {
  rows.sort((a, b) => {
    const x = a.at ?? Number.NEGATIVE_INFINITY;
    const y = b.at ?? Number.NEGATIVE_INFINITY;
    return x !== y ? y - x : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  return rows.filter((r, i) => i === 0 || rows[i - 1]!.id !== r.id);
}

export interface JobToIndex {
  id: string;
  search_folded: string;
  country: 'VN' | 'JP';
  province_code: string | null;
  prefecture: string | null;
  organisation_id: string;
  closes_on: string;
  language: 'vi' | 'en' | 'ja';
  /** Whether `translations` has that language (a value JavaScript takes as true, as the service does). */
  translated_vi: boolean;
  translated_en: boolean;
  translated_ja: boolean;
  title: string;
  title_vi: string | null;
  title_en: string | null;
  title_ja: string | null;
}

/**
 * The open jobs, in the order results are shown (newest first, then the id), with their title in each
 * language as a result shows it (the translation's, else the job's own). Read a range of pages at a
 * time.
 */
export async function openJobsToIndex(db: Db, today: string): Promise<JobToIndex[]> {
  const all: (JobToIndex & { at: number })[] = [];
  for (const [from, to] of await pageRanges(db, 'jobs')) {
    const { rows } = await sql<JobToIndex & { at: number }>`
      select j.id, j.search_folded, j.country, j.province_code, j.prefecture, j.organisation_id,
        j.closes_on::text as closes_on, j.language,
        coalesce(j.translations -> 'vi' not in ('null', 'false', '0', '""'), false) as translated_vi,
        coalesce(j.translations -> 'en' not in ('null', 'false', '0', '""'), false) as translated_en,
        coalesce(j.translations -> 'ja' not in ('null', 'false', '0', '""'), false) as translated_ja, j.title,
        j.translations -> 'vi' ->> 'title' as title_vi, j.translations -> 'en' ->> 'title' as title_en,
        j.translations -> 'ja' ->> 'title' as title_ja, ${micros('j.created_at')} as at
      from jobs j
      where j.ctid >= ${from}::tid and j.ctid < ${to}::tid
        and j.status = 'open' and j.closes_on >= ${today}::date`.execute(db);
    for (const r of rows) all.push(r);
  }
  return inShownOrder(all);
}

export interface CourseToIndex {
  id: string;
  slug: string;
  search_folded: string;
  title_folded: string;
  province_code: string | null;
  online: boolean;
  organisation_id: string;
  teaching_language: 'vi' | 'en' | 'ja';
  /** Whether the translated title of that language is a non-empty string. */
  translated_vi: boolean;
  translated_en: boolean;
  translated_ja: boolean;
  title: string;
  title_vi: string | null;
  title_en: string | null;
  title_ja: string | null;
}

/**
 * The published courses, in the order results of equal title match are shown (newest first, never
 * published last, then the id), with their translated titles (a result shows one when it is not
 * blank).
 */
export async function publishedCoursesToIndex(db: Db): Promise<CourseToIndex[]> {
  const all: (CourseToIndex & { at: number | null })[] = [];
  for (const [from, to] of await pageRanges(db, 'courses')) {
    const { rows } = await sql<CourseToIndex & { at: number | null }>`
      select c.id, c.slug, c.search_folded, c.title_folded, c.province_code,
        c.delivery_mode = 'online' as online, c.organisation_id, c.teaching_language,
        coalesce(c.translations -> 'vi' ->> 'title', '') <> '' as translated_vi,
        coalesce(c.translations -> 'en' ->> 'title', '') <> '' as translated_en,
        coalesce(c.translations -> 'ja' ->> 'title', '') <> '' as translated_ja, c.title,
        c.translations -> 'vi' ->> 'title' as title_vi, c.translations -> 'en' ->> 'title' as title_en,
        c.translations -> 'ja' ->> 'title' as title_ja, ${micros('c.published_at')} as at
      from courses c
      where c.ctid >= ${from}::tid and c.ctid < ${to}::tid and c.status = 'published'`.execute(db);
    for (const r of rows) all.push(r);
  }
  return inShownOrder(all);
}

/** The names a result shows beside its title: organisations' and provinces'. */
export interface Names {
  organisations: ReadonlyMap<string, string>;
  provinces: ReadonlyMap<string, string>;
}

/** Read after the rows they name, so every organisation a row refers to is there. */
export async function namesToIndex(db: Db): Promise<Names> {
  const [organisations, provinces] = await Promise.all([
    db.selectFrom('organisations').select(['id', 'name']).execute(),
    db.selectFrom('provinces').select(['code', 'name']).execute(),
  ]);
  return {
    organisations: new Map(organisations.map((o) => [o.id, o.name])),
    provinces: new Map(provinces.map((p) => [p.code, p.name])),
  };
}

export type IndexedTable = 'jobs' | 'courses' | 'organisations' | 'provinces';

/**
 * A stamp of the writes to these tables by any process: PostgreSQL's cumulative counts of rows
 * inserted, updated and deleted (published within seconds of a commit). Reading it costs a
 * millisecond, where rebuilding an index costs seconds of the database's time.
 */
export async function writesTo(db: Db, tables: readonly IndexedTable[]): Promise<string> {
  const { rows } = await sql<{ relname: string; w: string }>`
    select relname, (n_tup_ins + n_tup_upd + n_tup_del)::text as w from pg_stat_user_tables
    where relname in (${sql.join(tables)}) and schemaname = current_schema()
    order by relname`.execute(db);
  return rows.map((r) => `${r.relname}:${r.w}`).join(' ');
}

/** The lexemes the text-search parser makes of each text, as a search vector holds them. */
export async function lexemesOf(db: Db, texts: readonly string[]): Promise<Map<string, string[]>> {
  if (texts.length === 0) return new Map();
  const { rows } = await sql<{ t: string; lexemes: string[] }>`
    select t, tsvector_to_array(to_tsvector('simple', t)) as lexemes
    from unnest(${[...texts]}::text[]) as t`.execute(db);
  return new Map(rows.map((r) => [r.t, r.lexemes]));
}

/** Occupations in one scan, with the count of all matches from the same scan (ESCO has ~3,000). */
export async function searchOccupations(db: Db, f: { words: string[]; limit: number }) {
  const where = all(wordsMatch('o.label_folded', null, f.words));
  const { rows } = await sql<{ uri: string; label: string; isco_group: string; total: number }>`
    select o.uri, o.label, o.isco_group, count(*) over () as total from esco_occupations o
    where ${where}
    order by length(o.label), o.label
    limit ${f.limit}`.execute(db);
  const n = Number(rows[0]?.total ?? 0);
  return {
    rows: rows.map(({ total: _, ...o }) => o),
    total: Math.min(n, COUNT_CAP),
    capped: n > COUNT_CAP,
  };
}
