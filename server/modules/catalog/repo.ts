/**
 * SQL of the course catalog: courses with their skills, programs and prerequisites, modules and
 * lessons, catalog search, and the one enrolment question the catalog asks.
 */
import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type {
  CourseLevel,
  CourseStatus,
  CourseTopic,
  CourseTranslations,
  DB,
  DeliveryMode,
  LessonKind,
  Locale,
} from '../../db/schema';
import { indexable, likeEscaped, textQuery } from '../../lib/textsearch';

type Db = Kysely<DB>;

// ---------------------------------------------------------------------------------------------------
// Courses

const courseColumns = [
  'c.id',
  'c.organisation_id',
  'c.slug',
  'c.teaching_language',
  'c.title',
  'c.summary',
  'c.translations',
  'c.topic',
  'c.level',
  'c.duration_hours',
  'c.delivery_mode',
  'c.province_code',
  'c.is_open',
  'c.is_tot',
  'c.min_attendance_pct',
  'c.status',
  'c.published_at',
  'c.created_at',
  'c.updated_at',
  'o.slug as organisation_slug',
  'o.name as organisation_name',
  'pv.name as province_name',
] as const;

/** A course with what every view of it shows: owner and province names. */
const courseQuery = (db: Db) =>
  db
    .selectFrom('courses as c')
    .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
    .leftJoin('provinces as pv', 'pv.code', 'c.province_code')
    .select(courseColumns);

export type CourseRow = NonNullable<Awaited<ReturnType<typeof findCourse>>>;

export const findCourse = (db: Db, id: string) => courseQuery(db).where('c.id', '=', id).executeTakeFirst();

export const findCourseBySlug = (db: Db, slug: string) =>
  courseQuery(db).where('c.slug', '=', slug).executeTakeFirst();

/**
 * The course, locked until the transaction ends: authoring use cases read, check and write the
 * outline as one step, so two editors' changes queue rather than interleave.
 */
export const lockCourse = async (db: Db, id: string) => {
  const locked = await db
    .selectFrom('courses')
    .select('id')
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return locked ? findCourse(db, id) : undefined;
};

/** Slugs in use that start with `base`, to pick the next free one. */
export const slugsStartingWith = async (db: Db, base: string) =>
  (
    await db
      .selectFrom('courses')
      .select('slug')
      .where('slug', 'like', `${likeEscaped(base)}%`)
      .execute()
  ).map((r) => r.slug);

export interface CourseFields {
  slug: string;
  teachingLanguage: Locale;
  title: string;
  summary: string;
  translations: CourseTranslations;
  topic: CourseTopic;
  level: CourseLevel;
  durationHours: number;
  deliveryMode: DeliveryMode;
  provinceCode: string | null;
  isOpen: boolean;
  isTot: boolean;
  minAttendancePct: number | null;
}

const columnsOf = (f: Partial<CourseFields>) => ({
  ...(f.slug !== undefined ? { slug: f.slug } : {}),
  ...(f.teachingLanguage !== undefined ? { teaching_language: f.teachingLanguage } : {}),
  ...(f.title !== undefined ? { title: f.title } : {}),
  ...(f.summary !== undefined ? { summary: f.summary } : {}),
  ...(f.translations !== undefined ? { translations: JSON.stringify(f.translations) } : {}),
  ...(f.topic !== undefined ? { topic: f.topic } : {}),
  ...(f.level !== undefined ? { level: f.level } : {}),
  ...(f.durationHours !== undefined ? { duration_hours: f.durationHours } : {}),
  ...(f.deliveryMode !== undefined ? { delivery_mode: f.deliveryMode } : {}),
  ...(f.provinceCode !== undefined ? { province_code: f.provinceCode } : {}),
  ...(f.isOpen !== undefined ? { is_open: f.isOpen } : {}),
  ...(f.isTot !== undefined ? { is_tot: f.isTot } : {}),
  ...(f.minAttendancePct !== undefined ? { min_attendance_pct: f.minAttendancePct } : {}),
});

export const insertCourse = async (
  db: Db,
  c: CourseFields & {
    organisationId: string;
    createdBy: string | null;
    searchFolded: string;
    titleFolded: string;
  },
) =>
  (
    await db
      .insertInto('courses')
      .values({
        ...columnsOf(c),
        slug: c.slug,
        teaching_language: c.teachingLanguage,
        title: c.title,
        topic: c.topic,
        level: c.level,
        duration_hours: c.durationHours,
        delivery_mode: c.deliveryMode,
        organisation_id: c.organisationId,
        created_by: c.createdBy,
        search_folded: c.searchFolded,
        title_folded: c.titleFolded,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;

export const updateCourse = (db: Db, id: string, f: Partial<CourseFields>) =>
  db
    .updateTable('courses')
    .set({ ...columnsOf(f), updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();

export const setSearchText = (db: Db, id: string, s: { searchFolded: string; titleFolded: string }) =>
  db
    .updateTable('courses')
    .set({ search_folded: s.searchFolded, title_folded: s.titleFolded })
    .where('id', '=', id)
    .execute();

export const setCourseStatus = (db: Db, id: string, status: CourseStatus) =>
  db
    .updateTable('courses')
    .set({
      status,
      // The first publication date stays: re-publishing an archived course does not make it "new".
      ...(status === 'published' ? { published_at: sql`coalesce(published_at, now())` } : {}),
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .execute();

export const touchCourse = (db: Db, id: string) =>
  db.updateTable('courses').set({ updated_at: sql`now()` }).where('id', '=', id).execute();

// ---------------------------------------------------------------------------------------------------
// Skills, programs, prerequisites

export const skillsOf = (db: Db, courseIds: readonly string[]) =>
  courseIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('course_skills')
        .select(['course_id', 'skill'])
        .where('course_id', 'in', [...courseIds])
        .orderBy('course_id')
        .orderBy('skill_folded')
        .execute();

export async function replaceSkills(db: Db, courseId: string, skills: { skill: string; folded: string }[]) {
  await db.deleteFrom('course_skills').where('course_id', '=', courseId).execute();
  if (skills.length === 0) return;
  await db
    .insertInto('course_skills')
    .values(skills.map((s) => ({ course_id: courseId, skill: s.skill, skill_folded: s.folded })))
    .execute();
}

export const programsByCode = (db: Db, codes: readonly string[]) =>
  codes.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('programs')
        .select(['id', 'code'])
        .where('code', 'in', [...codes])
        .execute();

export async function replacePrograms(db: Db, courseId: string, programIds: string[]) {
  await db.deleteFrom('course_programs').where('course_id', '=', courseId).execute();
  if (programIds.length === 0) return;
  await db
    .insertInto('course_programs')
    .values(programIds.map((program_id) => ({ course_id: courseId, program_id })))
    .execute();
}

export const programsOf = (db: Db, courseId: string) =>
  db
    .selectFrom('course_programs as cp')
    .innerJoin('programs as p', 'p.id', 'cp.program_id')
    .select(['p.code', 'p.name_vi', 'p.name_en', 'p.name_ja'])
    .where('cp.course_id', '=', courseId)
    .orderBy('p.code')
    .execute();

export const coursesByIds = (db: Db, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('courses')
        .select(['id', 'organisation_id', 'status'])
        .where('id', 'in', [...ids])
        .execute();

/** Whether any of `fromIds` requires `courseId`, directly or through other prerequisites. */
export async function requiresTransitively(db: Db, fromIds: readonly string[], courseId: string) {
  if (fromIds.length === 0) return false;
  const row = await db
    .withRecursive('reach(id)', (qb) =>
      qb
        .selectFrom('course_prerequisites')
        .select('prerequisite_id as id')
        .where('course_id', 'in', [...fromIds])
        .union((qb2) =>
          qb2
            .selectFrom('course_prerequisites as cp')
            .innerJoin('reach', 'reach.id', 'cp.course_id')
            .select('cp.prerequisite_id as id'),
        ),
    )
    .selectFrom('reach')
    .select('id')
    .where('id', '=', courseId)
    .limit(1)
    .executeTakeFirst();
  return !!row || fromIds.includes(courseId);
}

export async function replacePrerequisites(db: Db, courseId: string, ids: string[]) {
  await db.deleteFrom('course_prerequisites').where('course_id', '=', courseId).execute();
  if (ids.length === 0) return;
  await db
    .insertInto('course_prerequisites')
    .values(ids.map((prerequisite_id) => ({ course_id: courseId, prerequisite_id })))
    .execute();
}

export const prerequisitesOf = (db: Db, courseId: string) =>
  db
    .selectFrom('course_prerequisites as cp')
    .innerJoin('courses as c', 'c.id', 'cp.prerequisite_id')
    .select(['c.id', 'c.slug', 'c.title', 'c.summary', 'c.translations', 'c.teaching_language', 'c.status'])
    .where('cp.course_id', '=', courseId)
    .orderBy('c.title_folded')
    .execute();

// ---------------------------------------------------------------------------------------------------
// Modules and lessons

export const modulesOf = (db: Db, courseId: string) =>
  db
    .selectFrom('course_modules')
    .select(['id', 'course_id', 'title', 'position'])
    .where('course_id', '=', courseId)
    .orderBy('position')
    .orderBy('created_at')
    .execute();

export type ModuleRow = Awaited<ReturnType<typeof modulesOf>>[number];

/** Lessons of a course without their bodies: what an outline shows. */
export const lessonOutlinesOf = (db: Db, courseId: string) =>
  db
    .selectFrom('lessons')
    .select(['id', 'module_id', 'title', 'kind', 'position', 'status', 'required', 'estimated_minutes'])
    .where('course_id', '=', courseId)
    .orderBy('position')
    .orderBy('created_at')
    .execute();

export type LessonOutlineRow = Awaited<ReturnType<typeof lessonOutlinesOf>>[number];

export const findModule = (db: Db, courseId: string, moduleId: string) =>
  db
    .selectFrom('course_modules')
    .select(['id', 'course_id', 'title', 'position'])
    .where('course_id', '=', courseId)
    .where('id', '=', moduleId)
    .executeTakeFirst();

export const insertModule = (db: Db, courseId: string, title: string) =>
  db
    .insertInto('course_modules')
    .values({
      course_id: courseId,
      title,
      position: sql<number>`(select coalesce(max(position), 0) + 1 from course_modules where course_id = ${courseId})`,
    })
    .returning(['id', 'course_id', 'title', 'position'])
    .executeTakeFirstOrThrow();

export const renameModule = (db: Db, moduleId: string, title: string) =>
  db
    .updateTable('course_modules')
    .set({ title })
    .where('id', '=', moduleId)
    .returning(['id', 'course_id', 'title', 'position'])
    .executeTakeFirstOrThrow();

export const deleteModule = (db: Db, moduleId: string) =>
  db.deleteFrom('course_modules').where('id', '=', moduleId).execute();

export const setModulePosition = (db: Db, moduleId: string, position: number) =>
  db.updateTable('course_modules').set({ position }).where('id', '=', moduleId).execute();

export const countLessonsInModule = async (db: Db, moduleId: string) =>
  Number(
    (
      await db
        .selectFrom('lessons')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('module_id', '=', moduleId)
        .executeTakeFirstOrThrow()
    ).n,
  );

const lessonColumns = [
  'id',
  'course_id',
  'module_id',
  'position',
  'kind',
  'title',
  'body_html',
  'video_url',
  'file_id',
  'quiz_id',
  'required',
  'estimated_minutes',
  'status',
  'updated_at',
] as const;

export const findLesson = (db: Db, courseId: string, lessonId: string) =>
  db
    .selectFrom('lessons')
    .select(lessonColumns)
    .where('course_id', '=', courseId)
    .where('id', '=', lessonId)
    .executeTakeFirst();

export type LessonRow = NonNullable<Awaited<ReturnType<typeof findLesson>>>;

export interface LessonContent {
  kind: LessonKind;
  title: string;
  bodyHtml: string | null;
  videoUrl: string | null;
  fileId: string | null;
  quizId: string | null;
  required: boolean;
  estimatedMinutes: number | null;
}

const lessonValues = (l: LessonContent) => ({
  kind: l.kind,
  title: l.title,
  body_html: l.bodyHtml,
  video_url: l.videoUrl,
  file_id: l.fileId,
  quiz_id: l.quizId,
  required: l.required,
  estimated_minutes: l.estimatedMinutes,
});

export const insertLesson = (db: Db, courseId: string, moduleId: string, l: LessonContent) =>
  db
    .insertInto('lessons')
    .values({
      ...lessonValues(l),
      course_id: courseId,
      module_id: moduleId,
      position: sql<number>`(select coalesce(max(position), 0) + 1 from lessons where module_id = ${moduleId})`,
    })
    .returning(lessonColumns)
    .executeTakeFirstOrThrow();

export const updateLesson = (db: Db, lessonId: string, l: LessonContent) =>
  db
    .updateTable('lessons')
    .set({ ...lessonValues(l), updated_at: sql`now()` })
    .where('id', '=', lessonId)
    .returning(lessonColumns)
    .executeTakeFirstOrThrow();

export const setLessonStatus = (db: Db, lessonId: string, status: 'draft' | 'published') =>
  db
    .updateTable('lessons')
    .set({ status, updated_at: sql`now()` })
    .where('id', '=', lessonId)
    .returning(lessonColumns)
    .executeTakeFirstOrThrow();

export const setLessonPlace = (db: Db, lessonId: string, moduleId: string, position: number) =>
  db.updateTable('lessons').set({ module_id: moduleId, position }).where('id', '=', lessonId).execute();

export const deleteLesson = (db: Db, lessonId: string) =>
  db.deleteFrom('lessons').where('id', '=', lessonId).execute();

/** Closes the gap a deleted lesson leaves, keeping the order. */
export const renumberLessons = (db: Db, moduleId: string) =>
  sql`
    update lessons as l set position = r.n
    from (select id, row_number() over (order by position, created_at) as n from lessons where module_id = ${moduleId}) as r
    where l.id = r.id`.execute(db);

export const renumberModules = (db: Db, courseId: string) =>
  sql`
    update course_modules as m set position = r.n
    from (select id, row_number() over (order by position, created_at) as n from course_modules where course_id = ${courseId}) as r
    where m.id = r.id`.execute(db);

export const lessonHasProgress = async (db: Db, lessonId: string) =>
  !!(await db
    .selectFrom('lesson_progress')
    .select('lesson_id')
    .where('lesson_id', '=', lessonId)
    .limit(1)
    .executeTakeFirst());

export const countPublishedLessons = async (db: Db, courseId: string) =>
  Number(
    (
      await db
        .selectFrom('lessons')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('course_id', '=', courseId)
        .where('status', '=', 'published')
        .executeTakeFirstOrThrow()
    ).n,
  );

export const findQuiz = (db: Db, quizId: string) =>
  db.selectFrom('quizzes').select(['id', 'course_id']).where('id', '=', quizId).executeTakeFirst();

/**
 * Whether the account's person holds an enrolment (enrolled or completed) in any cohort of the course.
 * The one place the catalog reads enrolments; other modules may use it for the same question.
 */
export async function isEnrolledInCourse(db: Db, userId: string, courseId: string) {
  const row = await db
    .selectFrom('enrolments as e')
    .innerJoin('cohorts as h', 'h.id', 'e.cohort_id')
    .innerJoin('people as p', 'p.id', 'e.person_id')
    .where('p.user_id', '=', userId)
    .where('h.course_id', '=', courseId)
    .where('e.status', 'in', ['enrolled', 'completed'])
    .select('e.id')
    .limit(1)
    .executeTakeFirst();
  return !!row;
}

// ---------------------------------------------------------------------------------------------------
// Catalog search (docs/decisions/006-catalog-search.md)

export interface CatalogFilter {
  /**
   * Folded query words; every one must match a word of the course's text: whole words, except the
   * last, which may be the beginning of a word (the reader may still be typing it).
   */
  words: string[];
  topic?: CourseTopic;
  level?: CourseLevel;
  mode?: DeliveryMode;
  provinceCode?: string;
  language?: Locale;
  programCode?: string;
  skillFolded?: string;
  sort: 'relevance' | 'title' | '-publishedAt';
  limit: number;
  offset: number;
}

/** The published courses that match every word and filter, as a query to count or to page. */
function matchingCourses(db: Db, f: CatalogFilter) {
  let q = db.selectFrom('courses as c').where('c.status', '=', 'published');
  const matchAll = wordsQuery(f.words);
  if (matchAll) q = q.where(matchAll);
  for (const w of f.words.filter((w) => !indexable(w))) {
    q = q.where(sql<SqlBool>`c.search_folded like ${`%${likeEscaped(w)}%`}`);
  }
  if (f.topic) q = q.where('c.topic', '=', f.topic);
  if (f.level) q = q.where('c.level', '=', f.level);
  if (f.mode) q = q.where('c.delivery_mode', '=', f.mode);
  if (f.provinceCode) q = q.where('c.province_code', '=', f.provinceCode);
  if (f.language) {
    const language = f.language;
    q = q.where((eb) =>
      eb.or([
        eb('c.teaching_language', '=', language),
        eb(sql`c.translations -> ${language}`, 'is not', null),
      ]),
    );
  }
  if (f.programCode) {
    const code = f.programCode;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('course_programs as cp')
          .innerJoin('programs as p', 'p.id', 'cp.program_id')
          .whereRef('cp.course_id', '=', 'c.id')
          .where('p.code', '=', code)
          .select('cp.course_id'),
      ),
    );
  }
  if (f.skillFolded) {
    const skill = f.skillFolded;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('course_skills as cs')
          .whereRef('cs.course_id', '=', 'c.id')
          .where('cs.skill_folded', '=', skill)
          .select('cs.course_id'),
      ),
    );
  }
  return q;
}

type MatchingCourses = ReturnType<typeof matchingCourses>;

/** One pass over the matches gives the facets and the total (every course has exactly one topic). */
async function countMatches(q: MatchingCourses, titleMatch: Expression<SqlBool>): Promise<CatalogCounts> {
  const groups = await q
    .select([
      'c.topic',
      'c.level',
      'c.delivery_mode',
      (eb) => eb.fn.countAll<number>().as('n'),
      sql<number>`count(*) filter (where ${titleMatch})`.as('t'),
    ])
    .groupBy(['c.topic', 'c.level', 'c.delivery_mode'])
    .execute();
  const facets: CatalogCounts['facets'] = { topic: {}, level: {}, mode: {} };
  let total = 0;
  let titleTotal = 0;
  for (const g of groups) {
    const n = Number(g.n);
    titleTotal += Number(g.t);
    facets.topic[g.topic] = (facets.topic[g.topic] ?? 0) + n;
    facets.level[g.level] = (facets.level[g.level] ?? 0) + n;
    facets.mode[g.delivery_mode] = (facets.mode[g.delivery_mode] ?? 0) + n;
    total += n;
  }
  return { total, titleTotal, facets };
}

/** The total and the facets of a filter, without a page. */
export function countCourses(db: Db, f: CatalogFilter) {
  const wordless = f.words.length === 0 && !f.provinceCode && !f.language && !f.programCode && !f.skillFolded;
  if (wordless) return countFromSummary(db, f);
  return countMatches(matchingCourses(db, f), titleMatchOf(f.words));
}

/**
 * Without words and with at most topic, level and mode filters, the counts come from `catalog_counts`
 * (≤ 72 rows a trigger keeps exact) instead of visiting every published course.
 */
async function countFromSummary(db: Db, f: CatalogFilter): Promise<CatalogCounts> {
  let q = db.selectFrom('catalog_counts').select(['topic', 'level', 'delivery_mode', 'n']).where('n', '>', 0);
  if (f.topic) q = q.where('topic', '=', f.topic);
  if (f.level) q = q.where('level', '=', f.level);
  if (f.mode) q = q.where('delivery_mode', '=', f.mode);
  const facets: CatalogCounts['facets'] = { topic: {}, level: {}, mode: {} };
  let total = 0;
  for (const g of await q.execute()) {
    facets.topic[g.topic] = (facets.topic[g.topic] ?? 0) + g.n;
    facets.level[g.level] = (facets.level[g.level] ?? 0) + g.n;
    facets.mode[g.delivery_mode] = (facets.mode[g.delivery_mode] ?? 0) + g.n;
    total += g.n;
  }
  return { total, titleTotal: 0, facets };
}

/** Every word in a title (in any language): such courses come first in relevance order. */
function titleMatchOf(words: string[]): Expression<SqlBool> {
  const last = words[words.length - 1];
  const indexed = words.filter(indexable);
  const prefixLast = last !== undefined && indexable(last);
  const inTitle: Expression<SqlBool>[] = [
    ...(indexed.length
      ? [sql<SqlBool>`c.search_vector @@ to_tsquery('simple', ${textQuery(indexed, prefixLast, 'A')})`]
      : []),
    ...words
      .filter((w) => !indexable(w))
      .map((w) => sql<SqlBool>`c.title_folded like ${`%${likeEscaped(w)}%`}`),
  ];
  return inTitle.length ? sql<SqlBool>`(${sql.join(inTitle, sql` and `)})` : sql<SqlBool>`false`;
}

/** Every indexable word as a word of the course; the last may be the beginning of one. */
function wordsQuery(words: string[]) {
  const indexed = words.filter(indexable);
  const last = words[words.length - 1];
  return indexed.length
    ? sql<SqlBool>`c.search_vector @@ to_tsquery('simple', ${textQuery(indexed, last !== undefined && indexable(last))})`
    : null;
}

export interface CatalogCounts {
  total: number;
  /** Matches with every word in a title: they come first in relevance order. */
  titleTotal: number;
  facets: { topic: Record<string, number>; level: Record<string, number>; mode: Record<string, number> };
}

/**
 * A page of the catalog. `counts` (the total and the facets of the same filter) may come from a
 * cache: they do not depend on the sort or the page, and counting is the part of a search that grows
 * with the catalog (see `countCourses`).
 */
export async function searchCourses(db: Db, f: CatalogFilter, counts?: CatalogCounts) {
  const titleMatch = titleMatchOf(f.words);
  const q = matchingCourses(db, f);
  const { total, titleTotal, facets } = counts ?? (await countCourses(db, f));
  if (f.offset >= total) return { rows: [], total, facets };

  // A page is chosen on the narrow columns alone (ids, in a subquery with its limit), and only its
  // courses are joined to their owners, provinces and skills: joining before the limit would join
  // every match, and the planner cannot estimate how many matches a text query has.
  const page = async (where: Expression<SqlBool> | null, limit: number, offset: number) => {
    let hits = q.$if(where !== null, (qb) => qb.where(where!)).select('c.id');
    hits =
      f.sort === 'title'
        ? hits.orderBy('c.title_folded').orderBy('c.id')
        : hits.orderBy('c.published_at', 'desc').orderBy('c.id');
    const rows = db
      .selectFrom(hits.limit(limit).offset(offset).as('hit'))
      .innerJoin('courses as c', 'c.id', 'hit.id')
      .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
      .leftJoin('provinces as pv', 'pv.code', 'c.province_code')
      .select([
        ...courseColumns,
        (eb) =>
          eb
            .selectFrom('course_skills as cs')
            .whereRef('cs.course_id', '=', 'c.id')
            .select(sql<string[]>`coalesce(array_agg(cs.skill order by cs.skill_folded), '{}')`.as('skills'))
            .as('skills'),
      ]);
    return (
      f.sort === 'title'
        ? rows.orderBy('c.title_folded').orderBy('c.id')
        : rows.orderBy('c.published_at', 'desc').orderBy('c.id')
    ).execute();
  };
  if (f.sort !== 'relevance' || f.words.length === 0) {
    return { rows: await page(null, f.limit, f.offset), total, facets };
  }
  // Relevance: the title matches, newest first, then the rest, newest first — read as two ordered runs
  // that can each stop after one page, rather than ranking every match. The counts say where the title
  // matches end, so a run that cannot contribute to the page is not read at all.
  const first = f.offset < titleTotal ? await page(titleMatch, f.limit, f.offset) : [];
  if (first.length === f.limit || total === titleTotal) return { rows: first, total, facets };
  const rest = await page(
    sql<SqlBool>`not ${titleMatch}`,
    f.limit - first.length,
    Math.max(0, f.offset - titleTotal),
  );
  return { rows: [...first, ...rest], total, facets };
}

export type CatalogRow = Awaited<ReturnType<typeof searchCourses>>['rows'][number];

export interface OrganisationCourseFilter {
  q?: string;
  status?: CourseStatus;
  sort: 'title' | '-updatedAt' | 'status';
  limit: number;
  offset: number;
}

/** Every course of an organisation, drafts included, for its authors. */
export async function listOrganisationCourses(db: Db, orgId: string, f: OrganisationCourseFilter) {
  const pattern = f.q ? `%${likeEscaped(f.q)}%` : null;
  let rows = courseQuery(db).where('c.organisation_id', '=', orgId);
  let count = db.selectFrom('courses as c').where('c.organisation_id', '=', orgId);
  if (f.status) {
    rows = rows.where('c.status', '=', f.status);
    count = count.where('c.status', '=', f.status);
  }
  if (pattern) {
    rows = rows.where('c.search_folded', 'like', pattern);
    count = count.where('c.search_folded', 'like', pattern);
  }
  if (f.sort === 'title') rows = rows.orderBy('c.title_folded');
  else if (f.sort === 'status') rows = rows.orderBy('c.status').orderBy('c.title_folded');
  else rows = rows.orderBy('c.updated_at', 'desc');
  const [items, n] = await Promise.all([
    rows.orderBy('c.id').limit(f.limit).offset(f.offset).execute(),
    count.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: items, total: Number(n.n) };
}
