/**
 * The open jobs and the published courses as in-memory indexes for the one search box: their words
 * (word-index.ts), filters, order and what a result shows. They give the same matches, in the same
 * order, with the same capped count, titles and subtitles as the SQL in repo.ts (tested against it),
 * without asking the database to count every match of a common phrase (a GIN bitmap of 35,000 jobs
 * for "phan tich du lieu", ~40 ms on PGlite) or to read the rows shown.
 *
 * Freshness: a change to jobs (courses) made by this process (`server/lib/changes.ts`) marks the index
 * stale at once, and until it is rebuilt the SQL answers — never a stale index. A new day needs no
 * rebuild: closing dates are checked at each search. Writes by any process to what an index is built
 * from (the table, organisations' names, provinces') are looked for every minute, by PostgreSQL's
 * counts of written rows (a millisecond); if there were any, the index is rebuilt in the background
 * while the previous one answers. So another server's change shows within about a minute, as the
 * answers cached by the service did (decision 011).
 */
import type { Kysely } from 'kysely';
import type { SearchHitT } from '../../../../common/contracts/talent';
import type { Locale } from '../../../../common/i18n/locales';
import { prefectures } from '../../../../common/talent';
import type { DB } from '../../../db/schema';
import { vietnamDate } from '../../../jobs';
import { onChange, type Topic } from '../../../lib/changes';
import { indexable } from '../../../lib/textsearch';
import * as repo from './repo';
import {
  type LexemeTable,
  parsesAsItself,
  SubstringIndex,
  type WordIndex,
  WordIndexBuilder,
} from './word-index';

type Db = Kysely<DB>;

const dayNumber = (isoDate: string) => Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000);

/** A result as the service shows it, before its highlights. */
export type Shown = Omit<SearchHitT, 'highlights'>;

/**
 * Matches as the SQL lists them (the candidates the service ranks, by the title each shows), each
 * with how to show it, and the capped count.
 */
export interface Found {
  hits: { id: string; title: string; show: () => Shown }[];
  total: number;
  capped: boolean;
}

/** Small codes for the distinct values of a column (provinces, organisations), -1 for null. */
class Codes {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [];
  of(v: string | null): number {
    if (v === null) return -1;
    let id = this.ids.get(v);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(v, id);
      this.values.push(v);
    }
    return id;
  }
  /** The code of a value searched for: -2 (matches nothing) when no document has it. */
  find(v: string): number {
    return this.ids.get(v) ?? -2;
  }
}

/** For each code 0…count-1, the documents (in order) whose `codes[d]` is it. */
function docsBy(codes: ArrayLike<number>, count: number): Int32Array[] {
  const sizes = new Int32Array(count);
  for (let d = 0; d < codes.length; d++) if (codes[d]! >= 0) sizes[codes[d]!]!++;
  const lists = Array.from(sizes, (size) => new Int32Array(size));
  const fill = new Int32Array(count);
  for (let d = 0; d < codes.length; d++) {
    const c = codes[d]!;
    if (c >= 0) lists[c]![fill[c]!++] = d;
  }
  return lists;
}

const NONE = new Int32Array(0);

const LANGUAGES = ['vi', 'en', 'ja'] as const;
const languageCode = (l: Locale) => LANGUAGES.indexOf(l);
/** One bit per locale: a translation of that language (jobs), or a translated title that is not empty (courses). */
const translatedBits = (r: { translated_vi: boolean; translated_en: boolean; translated_ja: boolean }) =>
  (r.translated_vi ? 1 : 0) | (r.translated_en ? 2 : 0) | (r.translated_ja ? 4 : 0);
const bit = (l: Locale) => 1 << languageCode(l);

/**
 * Each language's titles as results show them: `shown(translated, own)` when translated, else the own.
 * Equal titles are kept once (job titles repeat: "Kỹ sư phần mềm" at a thousand employers).
 */
function titlesByLocale<
  R extends { title: string; title_vi: string | null; title_en: string | null; title_ja: string | null },
>(rows: readonly R[], shown: (translated: string, own: string) => string): Record<Locale, string[]> {
  const once = new Map<string, string>();
  const intern = (t: string) => {
    const known = once.get(t);
    if (known !== undefined) return known;
    once.set(t, t);
    return t;
  };
  const of = (pick: (r: R) => string | null) =>
    rows.map((r) => {
      const t = pick(r);
      return intern(t === null ? r.title : shown(t, r.title));
    });
  return { vi: of((r) => r.title_vi), en: of((r) => r.title_en), ja: of((r) => r.title_ja) };
}

export class JobsIndex {
  readonly size: number;
  private readonly ids: string[];
  private readonly japan: Uint8Array;
  private readonly province: Int16Array;
  private readonly provinces = new Codes();
  private readonly provinceNames: (string | null)[];
  private readonly prefecture: (string | null)[];
  private readonly organisation: Int32Array;
  private readonly organisationNames: string[];
  private readonly closes: Int32Array;
  private readonly language: Uint8Array;
  private readonly translated: Uint8Array;
  /** The jobs of each province (by code) and of each country, for filters taken into the intersection. */
  private readonly inProvince: Int32Array[];
  private readonly inCountry: [vn: Int32Array, jp: Int32Array];
  /** The title each language's reader sees: `translations[locale]?.title ?? title`. */
  private readonly titles: Record<Locale, string[]>;

  /**
   * `rows` in the order results are shown (repo.openJobsToIndex), `words` their texts in that order,
   * `names` of the organisations and provinces they refer to.
   */
  constructor(
    readonly today: string,
    rows: readonly Omit<repo.JobToIndex, 'search_folded'>[],
    readonly words: WordIndex,
    names: repo.Names,
  ) {
    const n = rows.length;
    this.size = n;
    this.ids = new Array(n);
    this.japan = new Uint8Array(n);
    this.province = new Int16Array(n);
    this.prefecture = new Array(n);
    this.organisation = new Int32Array(n);
    this.closes = new Int32Array(n);
    this.language = new Uint8Array(n);
    this.translated = new Uint8Array(n);
    const organisations = new Codes();
    rows.forEach((r, i) => {
      this.ids[i] = r.id;
      this.japan[i] = r.country === 'JP' ? 1 : 0;
      this.province[i] = this.provinces.of(r.province_code);
      this.prefecture[i] = r.prefecture;
      this.organisation[i] = organisations.of(r.organisation_id);
      this.closes[i] = dayNumber(r.closes_on);
      this.language[i] = languageCode(r.language);
      this.translated[i] = translatedBits(r);
    });
    this.provinceNames = this.provinces.values.map((code) => names.provinces.get(code) ?? null);
    this.organisationNames = organisations.values.map((id) => names.organisations.get(id) ?? '');
    this.inProvince = docsBy(this.province, this.provinces.values.length);
    this.inCountry = docsBy(this.japan, 2) as [Int32Array, Int32Array];
    this.titles = titlesByLocale(rows, (translated) => translated);
  }

  /** Document d as the service shows a job (its presentJob, from repo.searchJobs' row). */
  private show(d: number, locale: Locale): Shown {
    const id = this.ids[d]!;
    const province = this.province[d]!;
    const place =
      (province >= 0 ? this.provinceNames[province] : null) ??
      prefectures.find((p) => p.code === this.prefecture[d])?.[locale === 'ja' ? 'ja' : 'en'] ??
      '';
    return {
      type: 'job',
      id,
      title: this.titles[locale][d]!,
      language: this.translated[d]! & bit(locale) ? locale : LANGUAGES[this.language[d]!]!,
      subtitle: [this.organisationNames[this.organisation[d]!], place].filter(Boolean).join(' · '),
      path: `/jobs/${id}`,
    };
  }

  /** As repo.searchJobs: the first `limit` matches, newest first, and the count up to the cap. */
  search(
    words: readonly string[],
    f: { today: string; country?: 'VN' | 'JP'; province?: string; limit: number },
    locale: Locale,
    parsedWords: LexemeTable,
  ): Found | null {
    const titles = this.titles[locale];
    const today = dayNumber(f.today);
    const among: Int32Array[] = [];
    if (f.country) among.push(this.inCountry[f.country === 'JP' ? 1 : 0]);
    if (f.province !== undefined) {
      const province = this.provinces.find(f.province);
      among.push(province >= 0 ? this.inProvince[province]! : NONE);
    }
    const hits: Found['hits'] = [];
    let n = 0;
    const answered = this.words.match(
      words,
      parsedWords,
      among,
      (d) => this.closes[d]! >= today,
      (d) => {
        n++;
        if (hits.length < f.limit)
          hits.push({ id: this.ids[d]!, title: titles[d]!, show: () => this.show(d, locale) });
        return n <= repo.COUNT_CAP || hits.length < f.limit;
      },
    );
    if (!answered) return null;
    return { hits, total: Math.min(n, repo.COUNT_CAP), capped: n > repo.COUNT_CAP };
  }
}

export class CoursesIndex {
  readonly size: number;
  private readonly ids: string[];
  private readonly slugs: string[];
  /** title_folded, for "titles holding every word first" (LIKE over it). */
  private readonly inTitles: SubstringIndex;
  private readonly online: Uint8Array;
  private readonly province: Int16Array;
  private readonly provinces = new Codes();
  private readonly organisation: Int32Array;
  private readonly organisationNames: string[];
  private readonly language: Uint8Array;
  private readonly translated: Uint8Array;
  /** The title each language's reader sees: the translated one unless blank. */
  private readonly titles: Record<Locale, string[]>;

  /**
   * `rows` in the order results of equal title match are shown (repo.publishedCoursesToIndex),
   * `words` their texts in that order, `names` of the organisations they belong to.
   */
  constructor(
    rows: readonly Omit<repo.CourseToIndex, 'search_folded'>[],
    readonly words: WordIndex,
    names: repo.Names,
  ) {
    const n = rows.length;
    this.size = n;
    this.ids = new Array(n);
    this.slugs = new Array(n);
    this.online = new Uint8Array(n);
    this.province = new Int16Array(n);
    this.organisation = new Int32Array(n);
    this.language = new Uint8Array(n);
    this.translated = new Uint8Array(n);
    const organisations = new Codes();
    rows.forEach((r, i) => {
      this.ids[i] = r.id;
      this.slugs[i] = r.slug;
      this.online[i] = r.online ? 1 : 0;
      this.province[i] = this.provinces.of(r.province_code);
      this.organisation[i] = organisations.of(r.organisation_id);
      this.language[i] = languageCode(r.teaching_language);
      this.translated[i] = translatedBits(r);
    });
    this.organisationNames = organisations.values.map((id) => names.organisations.get(id) ?? '');
    this.inTitles = new SubstringIndex(rows.map((r) => r.title_folded));
    this.titles = titlesByLocale(rows, (translated, own) => (translated.trim() !== '' ? translated : own));
  }

  /** Document d as the service shows a course (its presentCourse). */
  private show(d: number, locale: Locale): Shown {
    return {
      type: 'course',
      id: this.ids[d]!,
      title: this.titles[locale][d]!,
      language: this.translated[d]! & bit(locale) ? locale : LANGUAGES[this.language[d]!]!,
      subtitle: this.organisationNames[this.organisation[d]!]!,
      path: `/courses/${this.slugs[d]}`,
    };
  }

  /**
   * As repo.searchCourses: the first `limit` matches, those whose title holds every word (LIKE over
   * title_folded) first, then the newest; the count of all matches, capped.
   */
  search(
    words: readonly string[],
    f: { province?: string; limit: number },
    locale: Locale,
    parsedWords: LexemeTable,
  ): Found | null {
    const province = f.province === undefined ? undefined : this.provinces.find(f.province);
    const titled = words.map((w) => this.inTitles.containing(w));
    const inTitle: number[] = [];
    const rest: number[] = [];
    let n = 0;
    const answered = this.words.match(
      words,
      parsedWords,
      [],
      (d) => province === undefined || this.online[d] === 1 || this.province[d] === province,
      (d) => {
        n++;
        if (titled.every((bits) => bits[d] === 1)) {
          if (inTitle.length < f.limit) inTitle.push(d);
        } else if (rest.length < f.limit) rest.push(d);
        return n <= repo.COUNT_CAP || inTitle.length < f.limit;
      },
    );
    if (!answered) return null;
    const titles = this.titles[locale];
    const hits = [...inTitle, ...rest]
      .slice(0, f.limit)
      .map((d) => ({ id: this.ids[d]!, title: titles[d]!, show: () => this.show(d, locale) }));
    return { hits, total: Math.min(n, repo.COUNT_CAP), capped: n > repo.COUNT_CAP };
  }
}

// ── Lexemes the database's parser makes ──────────────────────────────────────────────────────────

/** Per database, the lexemes of tokens that do not parse as themselves: a few thousand, kept. */
const parsedTokens = new WeakMap<object, Map<string, readonly string[]>>();
const MAX_PARSED = 200_000;

async function parse(db: Db, tokens: readonly string[]): Promise<LexemeTable> {
  let known = parsedTokens.get(db);
  if (!known) {
    known = new Map();
    parsedTokens.set(db, known);
  }
  const missing = tokens.filter((t) => !known.has(t));
  if (missing.length > 0) {
    const got = await repo.lexemesOf(db, missing);
    if (known.size + missing.length > MAX_PARSED) known.clear();
    for (const t of missing) known.set(t, got.get(t) ?? []);
  }
  return known;
}

/** The lexemes of a query's indexable words that may not parse as themselves ("4ir", "56e2e"). */
function parseQuery(db: Db, words: readonly string[]): Promise<LexemeTable> | LexemeTable {
  const odd = words.filter((w) => indexable(w) && !parsesAsItself(w));
  return odd.length === 0 ? new Map() : parse(db, odd);
}

// ── Keeping them fresh ───────────────────────────────────────────────────────────────────────────

/** How often the table is checked for writes by another process (then the index is rebuilt). */
const MAX_AGE_MS = 60_000;

export interface BuildStats {
  documents: number;
  lexemes: number;
  postingBytes: number;
  ms: number;
}

interface State<T> {
  index?: T;
  /** When the tables were last seen unchanged since the build (or the build started). */
  checkedAt: number;
  /** Bumped by every change in this process; an index built from an older generation is stale. */
  generation: number;
  builtGeneration: number;
  /** The tables' write stamp when the build began (repo.writesTo). */
  builtStamp?: string;
  building?: Promise<T>;
  checking?: Promise<void>;
  stats?: BuildStats;
}

class Live<T extends { size: number; words: WordIndex }> {
  private readonly states = new WeakMap<object, State<T>>();

  /**
   * `topic`: this process's changes that make the index stale at once; `tables`: what it is built
   * from, checked for writes by any process.
   */
  constructor(
    topic: Topic,
    private readonly tables: readonly repo.IndexedTable[],
    private readonly load: (db: Db) => Promise<T>,
  ) {
    onChange([topic], (db) => {
      this.stateOf(db).generation++;
    });
  }

  private stateOf(db: object): State<T> {
    let s = this.states.get(db);
    if (!s) {
      s = { checkedAt: 0, generation: 0, builtGeneration: -1 };
      this.states.set(db, s);
    }
    return s;
  }

  private build(db: Db, state: State<T>): Promise<T> {
    if (state.building) return state.building;
    const generation = state.generation;
    const startedAt = Date.now();
    const t0 = performance.now();
    const building = (async () => {
      const stamp = await repo.writesTo(db, this.tables);
      const index = await this.load(db);
      state.index = index;
      state.checkedAt = startedAt;
      state.builtGeneration = generation;
      state.builtStamp = stamp;
      state.stats = {
        documents: index.size,
        lexemes: index.words.vocabulary,
        postingBytes: index.words.postingBytes,
        ms: performance.now() - t0,
      };
      return index;
    })().finally(() => {
      state.building = undefined;
    });
    state.building = building;
    return building;
  }

  /** Rebuilds if any process wrote to the tables since the build; otherwise notes the check. */
  private check(db: Db, state: State<T>) {
    const checkedAt = Date.now();
    state.checking = repo
      .writesTo(db, this.tables)
      .then((stamp) => {
        if (stamp !== '' && stamp === state.builtStamp) state.checkedAt = checkedAt;
        else return this.build(db, state).then(() => undefined);
      })
      .catch(() => undefined)
      .finally(() => {
        state.checking = undefined;
      });
  }

  /**
   * The index if it holds every change this process made; otherwise undefined (the caller asks the
   * SQL) and a rebuild is under way. After a minute the table is checked for writes by another
   * process, and rebuilt if there were any, while this index keeps answering.
   */
  current(db: Db): T | undefined {
    const state = this.stateOf(db);
    const fresh = state.index && state.builtGeneration === state.generation ? state.index : undefined;
    if (!state.building) {
      // A failed build is tried again by the next search; the SQL answers meanwhile.
      if (!fresh) this.build(db, state).catch(() => undefined);
      else if (!state.checking && Date.now() - state.checkedAt > MAX_AGE_MS) this.check(db, state);
    }
    return fresh;
  }

  /** The minute's check, now, and the rebuild it may start (tests). */
  async checkNow(db: Db): Promise<void> {
    const state = this.stateOf(db);
    if (!state.index) return void (await this.ready(db));
    await state.building;
    if (!state.checking) this.check(db, state);
    await state.checking;
  }

  /** A fresh index, built now if need be (the bench's log, tests). */
  async ready(db: Db): Promise<T> {
    const state = this.stateOf(db);
    for (;;) {
      if (state.index && state.builtGeneration === state.generation && !state.building) return state.index;
      await (state.building ?? this.build(db, state));
    }
  }

  stats(db: Db): BuildStats | undefined {
    return this.stateOf(db).stats;
  }
}

/** Documents added between pauses, so a request is not kept waiting behind the whole build. */
const ADD_STRIDE = 10_000;
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The open jobs' index. */
export async function buildJobsIndex(db: Db, today: string): Promise<JobsIndex> {
  const read = await repo.openJobsToIndex(db, today);
  const words = new WordIndexBuilder();
  const rows: Omit<repo.JobToIndex, 'search_folded'>[] = [];
  for (let i = 0; i < read.length; i++) {
    if (i % ADD_STRIDE === ADD_STRIDE - 1) await pause();
    const { search_folded, ...r } = read[i]!;
    words.add({ body: search_folded });
    rows.push(r);
  }
  read.length = 0;
  const names = await repo.namesToIndex(db);
  const parsed = await parse(db, words.tokensToParse());
  return new JobsIndex(today, rows, await words.build(parsed), names);
}

/** The published courses' index. */
export async function buildCoursesIndex(db: Db): Promise<CoursesIndex> {
  const read = await repo.publishedCoursesToIndex(db);
  const words = new WordIndexBuilder();
  const rows: Omit<repo.CourseToIndex, 'search_folded'>[] = [];
  for (let i = 0; i < read.length; i++) {
    if (i % ADD_STRIDE === ADD_STRIDE - 1) await pause();
    const { search_folded, ...r } = read[i]!;
    words.add({ body: search_folded, extra: r.title_folded });
    rows.push(r);
  }
  read.length = 0;
  const names = await repo.namesToIndex(db);
  const parsed = await parse(db, words.tokensToParse());
  return new CoursesIndex(rows, await words.build(parsed), names);
}

const jobs = new Live<JobsIndex>('jobs', ['jobs', 'organisations', 'provinces'], (db) =>
  buildJobsIndex(db, vietnamDate()),
);
const courses = new Live<CoursesIndex>('courses', ['courses', 'organisations'], buildCoursesIndex);

// ── The search's entry points ────────────────────────────────────────────────────────────────────

type JobsQuery = { words: string[]; today: string; country?: 'VN' | 'JP'; province?: string; limit: number };
type CoursesQuery = { words: string[]; province?: string; limit: number };

/**
 * The jobs matching every word, as repo.searchJobs lists them, from the index; null when it cannot
 * answer now (being built after a change, or a word the parser splits).
 */
export async function searchJobsIndexed(db: Db, f: JobsQuery, locale: Locale): Promise<Found | null> {
  const index = jobs.current(db);
  // Jobs closing before the day the index was built are not in it.
  if (!index || f.today < index.today) return null;
  return index.search(f.words, f, locale, await parseQuery(db, f.words));
}

/** The courses matching every word, as repo.searchCourses lists them, from the index; or null. */
export async function searchCoursesIndexed(db: Db, f: CoursesQuery, locale: Locale): Promise<Found | null> {
  const index = courses.current(db);
  if (!index) return null;
  return index.search(f.words, f, locale, await parseQuery(db, f.words));
}

/** Checks now, as every minute, whether another process wrote to what the indexes hold (tests). */
export async function checkSearchIndexes(db: Db) {
  await jobs.checkNow(db);
  await courses.checkNow(db);
}

/** Both indexes built and fresh, and what their builds cost. */
export async function searchIndexesReady(db: Db) {
  await jobs.ready(db);
  await courses.ready(db);
  return { jobs: jobs.stats(db)!, courses: courses.stats(db)! };
}
