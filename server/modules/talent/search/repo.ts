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
    sql<{
      id: string;
      title: string;
      language: 'vi' | 'en' | 'ja';
      translations: Record<string, { title: string }>;
      org_name: string;
      province_name: string | null;
      prefecture: string | null;
    }>`
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
  if (ids.length === 0) return { rows: [], total: 0, capped: false };
  const details = await db
    .selectFrom('courses as c')
    .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
    .select(['c.id', 'c.slug', 'c.title', 'c.teaching_language', 'c.translations', 'o.name as org_name'])
    .where(
      'c.id',
      'in',
      ids.map((r) => r.id),
    )
    .execute();
  const byId = new Map(details.map((d) => [d.id, d]));
  return {
    rows: ids.flatMap((r) => {
      const d = byId.get(r.id);
      return d ? [{ ...d, translations: d.translations as Record<string, { title?: string }> }] : [];
    }),
    total: Math.min(n, COUNT_CAP),
    capped: n > COUNT_CAP,
  };
}

export async function searchOccupations(db: Db, f: { words: string[]; limit: number }) {
  const where = all(wordsMatch('o.label_folded', null, f.words));
  const [rows, count] = await Promise.all([
    sql<{ uri: string; label: string; isco_group: string }>`
      select o.uri, o.label, o.isco_group from esco_occupations o
      where ${where}
      order by length(o.label), o.label
      limit ${f.limit}`.execute(db),
    capped(db, sql`select 1 from esco_occupations o where ${where}`),
  ]);
  return { rows: rows.rows, ...count };
}
