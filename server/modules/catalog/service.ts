/**
 * The course catalog and course authoring: search, a course with its outline, and every change to a
 * course, its modules and lessons. Each change is one transaction that locks the course, checks who
 * asks, checks the input completely, writes, and records the change in the audit log. Knows nothing
 * of HTTP.
 */
import type { Kysely } from 'kysely';
import type {
  CourseListQueryT,
  CreateCourseBodyT,
  CreateLessonBodyT,
  OutlineBodyT,
  UpdateCourseBodyT,
  UpdateLessonBodyT,
} from '../../../common/contracts/catalog';
import type { Locale } from '../../../common/i18n/locales';
import { canonicalVi, foldVi, tokensVi } from '../../../common/text';
import type { CourseTranslations, DB, LessonKind } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { ReadCache } from '../../lib/cache';
import { changed } from '../../lib/changes';
import type { AppContext, RequestMeta } from '../../lib/context';
import { AppError, notFound } from '../../lib/errors';
import { insertAudit } from '../audit/repo';
import * as filesRepo from '../files/repo';
import { resolveProvince } from '../geo/service';
import { findOrganisation } from '../organisations/repo';
import { authorsCourses, managesCourses, policy } from './policy';
import { type CourseBundle, presentOutline, skillsByCourse } from './presenter';
import * as repo from './repo';
import { sanitiseLessonHtml, videoProvider } from './sanitise';

type Db = Kysely<DB>;
type Problems = Record<string, string>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** More words than this narrow nothing further and only cost time. */
const MAX_QUERY_WORDS = 12;

/** Field problems become one localised validation error; nothing has been written yet. */
function assertNoProblems(problems: Problems, what: string) {
  if (Object.keys(problems).length > 0) {
    throw new AppError('VALIDATION_FAILED', { fields: problems, message: `invalid ${what}` });
  }
}

/** One field problem, refused before anything is written. */
function invalid(field: string, key: string): never {
  throw new AppError('VALIDATION_FAILED', { fields: { [field]: key }, message: `invalid ${field}` });
}

/** A UNIQUE violation on the slug (two authors racing for it) is the same answer as the check before. */
const isUniqueViolation = (err: unknown) => (err as { code?: string } | null)?.code === '23505';

// ---------------------------------------------------------------------------------------------------
// Search text

/** What catalog search reads: every title, summary and skill in every language, folded. */
export function searchTextOf(c: {
  title: string;
  summary: string;
  translations: CourseTranslations;
  skills: readonly string[];
}) {
  const translated = Object.values(c.translations ?? {}).filter((t) => !!t);
  const titles = [c.title, ...translated.map((t) => t.title)];
  return {
    titleFolded: foldVi(titles.join(' ')),
    searchFolded: foldVi([...titles, c.summary, ...translated.map((t) => t.summary), ...c.skills].join(' ')),
  };
}

/** Skills as shown (canonical spelling) and as matched (folded), each once. */
export function normaliseSkills(skills: readonly string[]) {
  const seen = new Map<string, string>();
  for (const raw of skills) {
    const skill = canonicalVi(raw);
    const folded = foldVi(skill);
    if (folded && !seen.has(folded)) seen.set(folded, skill);
  }
  return [...seen].map(([folded, skill]) => ({ skill, folded }));
}

/** A URL-safe slug from a title in any language; a title with no Latin letters gives "khoa-hoc". */
export function slugFromTitle(title: string) {
  const base = foldVi(title)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return base.length >= 2 ? base : 'khoa-hoc';
}

async function freeSlug(db: Db, title: string) {
  const base = slugFromTitle(title);
  const taken = new Set(await repo.slugsStartingWith(db, base));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

// ---------------------------------------------------------------------------------------------------
// Reading

export interface CatalogPage {
  rows: repo.CatalogRow[];
  skills: Map<string, string[]>;
  total: number;
  page: number;
  pageSize: number;
  facets: { topic: Record<string, number>; level: Record<string, number>; mode: Record<string, number> };
}

/**
 * The totals and facets of catalog filters. They do not depend on the sort or the page, so paging
 * through results, or the catalog's first page that every visitor opens, reuses one count; counting is
 * the part of a search that grows with the catalog (decision 006). Any course change in this process
 * clears it; other servers on the same PostgreSQL see a change within a minute.
 */
const countCaches = new WeakMap<object, ReadCache<repo.CatalogCounts>>();
function countCache(db: object) {
  let cache = countCaches.get(db);
  if (!cache) {
    cache = new ReadCache<repo.CatalogCounts>({ ttlMs: 60_000, max: 2_000 });
    countCaches.set(db, cache);
  }
  return cache;
}

/** Forget every cached catalog count: called after any committed change to a course. */
export const catalogChanged = (db: object) => {
  countCache(db).clear();
  changed('courses', db);
};

/**
 * The public catalog: published courses matching every word of `q` in a title, summary or skill of
 * any language, accents, case and tone placement ignored; the last word may be the start of a word.
 */
export async function searchCatalog(
  ctx: Pick<AppContext, 'db'>,
  query: CourseListQueryT,
  /** `cachedCounts: false` counts afresh (the bench's uncached figure). */
  opts: { cachedCounts?: boolean } = {},
): Promise<CatalogPage> {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const words = [...new Set(tokensVi(query.q ?? ''))].slice(0, MAX_QUERY_WORDS);
  let provinceCode: string | undefined;
  if (query.province?.trim()) {
    const match = await resolveProvince(ctx.db, query.province);
    if (!match) invalid('/province', 'unknownProvinceName');
    provinceCode = match.province.code;
  }
  const skillFolded = query.skill ? foldVi(query.skill) : '';
  const filter: repo.CatalogFilter = {
    words,
    topic: query.topic,
    level: query.level,
    mode: query.mode,
    provinceCode,
    language: query.language,
    programCode: query.program,
    skillFolded: skillFolded || undefined,
    sort: query.sort ?? (words.length > 0 ? 'relevance' : '-publishedAt'),
    limit: pageSize,
    offset: (page - 1) * pageSize,
  };
  const { sort: _sort, limit: _limit, offset: _offset, ...counted } = filter;
  const counts =
    opts.cachedCounts === false
      ? undefined
      : await countCache(ctx.db).get(JSON.stringify(counted), () => repo.countCourses(ctx.db, filter));
  const { rows, total, facets } = await repo.searchCourses(ctx.db, filter, counts);
  const skills = new Map(rows.map((r) => [r.id, r.skills ?? []]));
  return { rows, skills, total, page, pageSize, facets };
}

async function findBySlugOrId(db: Db, slugOrId: string) {
  return (
    (await repo.findCourseBySlug(db, slugOrId)) ??
    (UUID.test(slugOrId) ? await repo.findCourse(db, slugOrId) : undefined)
  );
}

async function bundle(db: Db, actor: Actor | null, course: repo.CourseRow): Promise<CourseBundle> {
  const canEdit = authorsCourses(actor, course.organisation_id);
  const [skills, programs, prerequisites, modules, lessons, enrolled] = await Promise.all([
    repo.skillsOf(db, [course.id]),
    repo.programsOf(db, course.id),
    repo.prerequisitesOf(db, course.id),
    repo.modulesOf(db, course.id),
    repo.lessonOutlinesOf(db, course.id),
    actor ? repo.isEnrolledInCourse(db, actor.userId, course.id) : Promise.resolve(false),
  ]);
  // Learners and visitors see what is published: no draft lesson, no module without a lesson to show.
  const visible = canEdit ? lessons : lessons.filter((l) => l.status === 'published');
  let outline = presentOutline(modules, visible);
  if (!canEdit) outline = outline.filter((m) => m.lessons.length > 0);
  return {
    course,
    skills: skills.map((s) => s.skill),
    programs,
    prerequisites: canEdit ? prerequisites : prerequisites.filter((p) => p.status !== 'draft'),
    modules: outline,
    viewer: { canEdit, canManage: managesCourses(actor, course.organisation_id), enrolled },
  };
}

/** A course by slug (or id) with its outline; drafts only for their authors. */
export async function getCourse(ctx: AppContext, actor: Actor | null, slugOrId: string) {
  const course = await findBySlugOrId(ctx.db, slugOrId);
  if (!course) throw notFound('course');
  policy.readCourse(actor, course);
  return bundle(ctx.db, actor, course);
}

/** A published course for its public page, or null (unknown, draft or archived). */
export async function getPublishedCourse(ctx: AppContext, slug: string) {
  const course = await repo.findCourseBySlug(ctx.db, slug);
  if (course?.status !== 'published') return null;
  return bundle(ctx.db, null, course);
}

export async function listOrganisationCourses(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  f: {
    q?: string;
    status?: repo.OrganisationCourseFilter['status'];
    sort?: repo.OrganisationCourseFilter['sort'];
    page: number;
    pageSize: number;
  },
) {
  policy.listOrganisationCourses(actor, orgId);
  const { rows, total } = await repo.listOrganisationCourses(ctx.db, orgId, {
    q: f.q ? foldVi(f.q) : undefined,
    status: f.status,
    sort: f.sort ?? '-updatedAt',
    limit: f.pageSize,
    offset: (f.page - 1) * f.pageSize,
  });
  const skills = await repo.skillsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return { rows, skills: skillsByCourse(skills), total };
}

// ---------------------------------------------------------------------------------------------------
// Writing a course

interface CourseInput {
  teachingLanguage: Locale;
  translations: CourseTranslations;
  deliveryMode: CreateCourseBodyT['deliveryMode'];
  /** As typed (a code or a name), undefined to keep the current one. */
  province: string | null | undefined;
  currentProvinceCode: string | null;
  programs?: string[];
  prerequisites?: string[];
}

/**
 * Checks everything about a course that the schema cannot: translations, province, programs and
 * prerequisites. Reports every problem at once; resolves what was typed into ids.
 */
async function checkCourseInput(
  db: Db,
  actor: Actor,
  courseId: string | null,
  orgId: string,
  input: CourseInput,
) {
  const problems: Problems = {};
  if (input.translations[input.teachingLanguage]) {
    problems[`/translations/${input.teachingLanguage}`] = 'translationOfTeachingLanguage';
  }

  let provinceCode: string | null = null;
  if (input.deliveryMode !== 'online') {
    if (input.province === undefined) provinceCode = input.currentProvinceCode;
    else if (input.province?.trim()) {
      const match = await resolveProvince(db, input.province);
      if (match) provinceCode = match.province.code;
      else problems['/province'] = 'unknownProvinceName';
    }
    if (!provinceCode && !problems['/province']) problems['/province'] = 'provinceRequired';
  }

  let programIds: string[] | undefined;
  if (input.programs) {
    const codes = [...new Set(input.programs)];
    const found = await repo.programsByCode(db, codes);
    codes.forEach((code, i) => {
      if (!found.some((p) => p.code === code)) problems[`/programs/${i}`] = 'unknownProgram';
    });
    programIds = found.map((p) => p.id);
  }

  let prerequisiteIds: string[] | undefined;
  if (input.prerequisites) {
    prerequisiteIds = [...new Set(input.prerequisites)];
    const found = await repo.coursesByIds(db, prerequisiteIds);
    prerequisiteIds.forEach((id, i) => {
      const c = found.find((x) => x.id === id);
      // Any published course, or a draft of the author's own organisation.
      const usable =
        c &&
        (c.status !== 'draft' || c.organisation_id === orgId || authorsCourses(actor, c.organisation_id));
      if (!usable || id === courseId) problems[`/prerequisites/${i}`] = 'unknownPrerequisite';
    });
    if (courseId && !Object.keys(problems).some((k) => k.startsWith('/prerequisites'))) {
      if (await repo.requiresTransitively(db, prerequisiteIds, courseId))
        problems['/prerequisites'] = 'prerequisiteCycle';
    }
  }
  assertNoProblems(problems, 'course');
  return { provinceCode, programIds, prerequisiteIds };
}

const cleanTranslations = (t: CreateCourseBodyT['translations']): CourseTranslations =>
  Object.fromEntries(
    Object.entries(t ?? {})
      .filter(([, v]) => !!v)
      .map(([k, v]) => [k, { title: v!.title.trim(), summary: v!.summary.trim() }]),
  );

export async function createCourse(
  ctx: AppContext,
  actor: Actor,
  input: CreateCourseBodyT,
  meta: RequestMeta,
) {
  policy.createCourse(actor, input.organisationId);
  const org = await findOrganisation(ctx.db, input.organisationId);
  if (!org || (org.kind !== 'training_partner' && org.kind !== 'nic'))
    invalid('/organisationId', 'notTrainingPartner');
  const translations = cleanTranslations(input.translations);
  const skills = normaliseSkills(input.skills ?? []);
  const title = input.title.trim();
  const summary = (input.summary ?? '').trim();
  try {
    const id = await ctx.db.transaction().execute(async (trx) => {
      const checked = await checkCourseInput(trx, actor, null, input.organisationId, {
        teachingLanguage: input.teachingLanguage,
        translations,
        deliveryMode: input.deliveryMode,
        province: input.province ?? null,
        currentProvinceCode: null,
        programs: input.programs,
        prerequisites: input.prerequisites,
      });
      if (input.slug && (await repo.findCourseBySlug(trx, input.slug)))
        throw new AppError('COURSE_SLUG_TAKEN');
      const slug = input.slug ?? (await freeSlug(trx, title));
      const id = await repo.insertCourse(trx, {
        organisationId: input.organisationId,
        createdBy: actor.userId,
        slug,
        teachingLanguage: input.teachingLanguage,
        title,
        summary,
        translations,
        topic: input.topic,
        level: input.level,
        durationHours: input.durationHours,
        deliveryMode: input.deliveryMode,
        provinceCode: checked.provinceCode,
        isOpen: input.isOpen ?? true,
        isTot: input.isTot ?? false,
        minAttendancePct: input.minAttendancePct ?? null,
        ...searchTextOf({ title, summary, translations, skills: skills.map((s) => s.skill) }),
      });
      await repo.replaceSkills(trx, id, skills);
      await repo.replacePrograms(trx, id, checked.programIds ?? []);
      await repo.replacePrerequisites(trx, id, checked.prerequisiteIds ?? []);
      await insertAudit(trx, {
        actorUserId: actor.userId,
        action: 'course.created',
        entityType: 'course',
        entityId: id,
        organisationId: input.organisationId,
        details: { slug, title },
        ip: meta.ip,
      });
      return id;
    });
    return getCourse(ctx, actor, id);
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('COURSE_SLUG_TAKEN');
    throw err;
  }
}

/** Runs an authoring use case on a locked course the actor may edit. */
async function withCourse<T>(
  ctx: AppContext,
  actor: Actor,
  courseId: string,
  check: (a: Actor, c: repo.CourseRow) => void,
  work: (trx: Db, course: repo.CourseRow) => Promise<T>,
): Promise<T> {
  const result = await ctx.db.transaction().execute(async (trx) => {
    const course = await repo.lockCourse(trx, courseId);
    if (!course) throw notFound('course');
    check(actor, course);
    return work(trx, course);
  });
  catalogChanged(ctx.db);
  return result;
}

const audit = (
  trx: Db,
  actor: Actor,
  course: repo.CourseRow,
  action: string,
  details: Record<string, unknown>,
  meta: RequestMeta,
) =>
  insertAudit(trx, {
    actorUserId: actor.userId,
    action,
    entityType: 'course',
    entityId: course.id,
    organisationId: course.organisation_id,
    details,
    ip: meta.ip,
  });

export async function updateCourse(
  ctx: AppContext,
  actor: Actor,
  courseId: string,
  changes: UpdateCourseBodyT,
  meta: RequestMeta,
) {
  try {
    await withCourse(ctx, actor, courseId, policy.editCourse, async (trx, course) => {
      if (changes.slug !== undefined && changes.slug !== course.slug) {
        // A published course's address is in search engines, certificates and shared links.
        if (course.status !== 'draft') throw new AppError('COURSE_SLUG_FROZEN');
        if (await repo.findCourseBySlug(trx, changes.slug)) throw new AppError('COURSE_SLUG_TAKEN');
      }
      const teachingLanguage = changes.teachingLanguage ?? course.teaching_language;
      const translations =
        changes.translations !== undefined ? cleanTranslations(changes.translations) : course.translations;
      const deliveryMode = changes.deliveryMode ?? course.delivery_mode;
      const checked = await checkCourseInput(trx, actor, course.id, course.organisation_id, {
        teachingLanguage,
        translations,
        deliveryMode,
        province: changes.province,
        currentProvinceCode: course.province_code,
        programs: changes.programs,
        prerequisites: changes.prerequisites,
      });
      const title = changes.title?.trim() ?? course.title;
      const summary = changes.summary?.trim() ?? course.summary;
      await repo.updateCourse(trx, course.id, {
        slug: changes.slug,
        teachingLanguage: changes.teachingLanguage,
        title: changes.title !== undefined ? title : undefined,
        summary: changes.summary !== undefined ? summary : undefined,
        translations: changes.translations !== undefined ? translations : undefined,
        topic: changes.topic,
        level: changes.level,
        durationHours: changes.durationHours,
        deliveryMode: changes.deliveryMode,
        provinceCode: checked.provinceCode,
        isOpen: changes.isOpen,
        isTot: changes.isTot,
        minAttendancePct: changes.minAttendancePct,
      });
      let skills: string[];
      if (changes.skills !== undefined) {
        const normalised = normaliseSkills(changes.skills);
        await repo.replaceSkills(trx, course.id, normalised);
        skills = normalised.map((s) => s.skill);
      } else {
        skills = (await repo.skillsOf(trx, [course.id])).map((s) => s.skill);
      }
      await repo.setSearchText(trx, course.id, searchTextOf({ title, summary, translations, skills }));
      if (checked.programIds) await repo.replacePrograms(trx, course.id, checked.programIds);
      if (checked.prerequisiteIds) await repo.replacePrerequisites(trx, course.id, checked.prerequisiteIds);
      await audit(trx, actor, course, 'course.updated', { changes: Object.keys(changes).sort() }, meta);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('COURSE_SLUG_TAKEN');
    throw err;
  }
  return getCourse(ctx, actor, courseId);
}

export async function publishCourse(ctx: AppContext, actor: Actor, courseId: string, meta: RequestMeta) {
  await withCourse(ctx, actor, courseId, policy.manageCourse, async (trx, course) => {
    if ((await repo.countPublishedLessons(trx, course.id)) === 0)
      throw new AppError('COURSE_NEEDS_PUBLISHED_LESSON');
    await repo.setCourseStatus(trx, course.id, 'published');
    await audit(trx, actor, course, 'course.published', { from: course.status }, meta);
  });
  return getCourse(ctx, actor, courseId);
}

export async function archiveCourse(ctx: AppContext, actor: Actor, courseId: string, meta: RequestMeta) {
  await withCourse(ctx, actor, courseId, policy.manageCourse, async (trx, course) => {
    await repo.setCourseStatus(trx, course.id, 'archived');
    await audit(trx, actor, course, 'course.archived', { from: course.status }, meta);
  });
  return getCourse(ctx, actor, courseId);
}

// ---------------------------------------------------------------------------------------------------
// Modules and the outline

async function outlineOf(db: Db, courseId: string) {
  const [modules, lessons] = await Promise.all([
    repo.modulesOf(db, courseId),
    repo.lessonOutlinesOf(db, courseId),
  ]);
  return presentOutline(modules, lessons);
}

export async function createModule(
  ctx: AppContext,
  actor: Actor,
  courseId: string,
  title: string,
  meta: RequestMeta,
) {
  return withCourse(ctx, actor, courseId, policy.editCourse, async (trx, course) => {
    const m = await repo.insertModule(trx, course.id, title.trim());
    await repo.touchCourse(trx, course.id);
    await audit(trx, actor, course, 'course.module_created', { moduleId: m.id, title: m.title }, meta);
    return { ...m, lessons: [] };
  });
}

export async function renameModule(
  ctx: AppContext,
  actor: Actor,
  courseId: string,
  moduleId: string,
  title: string,
  meta: RequestMeta,
) {
  return withCourse(ctx, actor, courseId, policy.editCourse, async (trx, course) => {
    const before = await repo.findModule(trx, course.id, moduleId);
    if (!before) throw notFound('module');
    const m = await repo.renameModule(trx, moduleId, title.trim());
    await repo.touchCourse(trx, course.id);
    await audit(
      trx,
      actor,
      course,
      'course.module_renamed',
      { moduleId, from: before.title, to: m.title },
      meta,
    );
    return (await outlineOf(trx, course.id)).find((x) => x.id === moduleId)!;
  });
}

export async function deleteModule(
  ctx: AppContext,
  actor: Actor,
  courseId: string,
  moduleId: string,
  meta: RequestMeta,
) {
  await withCourse(ctx, actor, courseId, policy.editCourse, async (trx, course) => {
    const m = await repo.findModule(trx, course.id, moduleId);
    if (!m) throw notFound('module');
    // Deleting a module must never delete lessons (and with them learners' progress) as a side effect.
    if ((await repo.countLessonsInModule(trx, moduleId)) > 0) throw new AppError('MODULE_NOT_EMPTY');
    await repo.deleteModule(trx, moduleId);
    await repo.renumberModules(trx, course.id);
    await repo.touchCourse(trx, course.id);
    await audit(trx, actor, course, 'course.module_deleted', { moduleId, title: m.title }, meta);
  });
}

/**
 * Puts modules and lessons in the order given. The body names every module of the course once and,
 * under each, every lesson it should hold: one call serves drag-and-drop and keyboard moves alike,
 * within a module or across. A list that no longer matches the course (someone else changed it)
 * is refused rather than half applied.
 */
export async function reorderOutline(
  ctx: AppContext,
  actor: Actor,
  courseId: string,
  body: OutlineBodyT,
  meta: RequestMeta,
) {
  return withCourse(ctx, actor, courseId, policy.editCourse, async (trx, course) => {
    const [modules, lessons] = await Promise.all([
      repo.modulesOf(trx, course.id),
      repo.lessonOutlinesOf(trx, course.id),
    ]);
    const givenModules = body.modules.map((m) => m.id);
    const givenLessons = body.modules.flatMap((m) => m.lessonIds);
    const sameSet = (given: string[], actual: string[]) =>
      given.length === actual.length &&
      new Set(given).size === given.length &&
      actual.every((id) => given.includes(id));
    if (
      !sameSet(
        givenModules,
        modules.map((m) => m.id),
      ) ||
      !sameSet(
        givenLessons,
        lessons.map((l) => l.id),
      )
    ) {
      throw new AppError('OUTLINE_MISMATCH');
    }
    for (const [i, m] of body.modules.entries()) {
      if (modules.find((x) => x.id === m.id)!.position !== i + 1)
        await repo.setModulePosition(trx, m.id, i + 1);
      for (const [j, lessonId] of m.lessonIds.entries()) {
        const l = lessons.find((x) => x.id === lessonId)!;
        if (l.module_id !== m.id || l.position !== j + 1)
          await repo.setLessonPlace(trx, lessonId, m.id, j + 1);
      }
    }
    await repo.touchCourse(trx, course.id);
    await audit(trx, actor, course, 'course.outline_reordered', { modules: body.modules }, meta);
    return outlineOf(trx, course.id);
  });
}

// ---------------------------------------------------------------------------------------------------
// Lessons

/** Whether a lesson has what its kind needs to be shown to learners. */
function isComplete(l: repo.LessonContent) {
  switch (l.kind) {
    case 'text':
      return (
        !!l.bodyHtml && (l.bodyHtml.replace(/<[^>]*>/g, '').trim() !== '' || l.bodyHtml.includes('<img'))
      );
    case 'video':
      return !!l.videoUrl;
    case 'file':
      return !!l.fileId;
    case 'quiz':
      return !!l.quizId;
  }
}

/**
 * The content to store for a lesson: only the field its kind uses (a lesson turned from video into
 * text loses its video address), rich text cleaned, references checked against the course.
 */
async function lessonContent(
  db: Db,
  course: repo.CourseRow,
  input: UpdateLessonBodyT,
  previous: repo.LessonRow | null,
): Promise<repo.LessonContent> {
  const kind: LessonKind = input.kind ?? previous?.kind ?? 'text';
  const same = previous?.kind === kind ? previous : null;
  const pick = <T>(given: T | null | undefined, before: T | null | undefined) =>
    given !== undefined ? given : (before ?? null);
  const problems: Problems = {};
  const content: repo.LessonContent = {
    kind,
    title: (input.title ?? previous?.title ?? '').trim(),
    bodyHtml: null,
    videoUrl: null,
    fileId: null,
    quizId: null,
    required: input.required ?? previous?.required ?? true,
    estimatedMinutes: pick(input.estimatedMinutes, previous?.estimated_minutes),
  };
  if (kind === 'text') {
    const html = pick(input.bodyHtml, same?.body_html);
    content.bodyHtml = html === null ? null : sanitiseLessonHtml(html);
  } else if (kind === 'video') {
    const url = pick(input.videoUrl, same?.video_url)?.trim() || null;
    if (url && !videoProvider(url)) problems['/videoUrl'] = 'videoUrl';
    content.videoUrl = url;
  } else if (kind === 'file') {
    content.fileId = pick(input.fileId, same?.file_id);
    if (content.fileId) {
      const file = await filesRepo.findFile(db, content.fileId);
      if (!file || file.organisation_id !== course.organisation_id)
        problems['/fileId'] = 'fileNotInOrganisation';
    }
  } else {
    content.quizId = pick(input.quizId, same?.quiz_id);
    if (!content.quizId) problems['/quizId'] = 'required';
    else {
      const quiz = await repo.findQuiz(db, content.quizId);
      if (!quiz || quiz.course_id !== course.id) problems['/quizId'] = 'quizNotInCourse';
    }
  }
  if (!content.title) problems['/title'] = 'required';
  assertNoProblems(problems, 'lesson');
  return content;
}

async function lessonWithFile(db: Db, lesson: repo.LessonRow) {
  const file = lesson.file_id ? ((await filesRepo.findFile(db, lesson.file_id)) ?? null) : null;
  return { lesson, file };
}

const lessonAudit = (l: repo.LessonRow) => ({
  lessonId: l.id,
  title: l.title,
  kind: l.kind,
  status: l.status,
});

export async function createLesson(
  ctx: AppContext,
  actor: Actor,
  courseId: string,
  moduleId: string,
  input: CreateLessonBodyT,
  meta: RequestMeta,
) {
  return withCourse(ctx, actor, courseId, policy.editCourse, async (trx, course) => {
    if (!(await repo.findModule(trx, course.id, moduleId))) throw notFound('module');
    const content = await lessonContent(trx, course, input, null);
    const lesson = await repo.insertLesson(trx, course.id, moduleId, content);
    await repo.touchCourse(trx, course.id);
    await audit(trx, actor, course, 'course.lesson_created', lessonAudit(lesson), meta);
    return lessonWithFile(trx, lesson);
  });
}

export async function updateLesson(
  ctx: AppContext,
  actor: Actor,
  courseId: string,
  lessonId: string,
  input: UpdateLessonBodyT,
  meta: RequestMeta,
) {
  return withCourse(ctx, actor, courseId, policy.editCourse, async (trx, course) => {
    const before = await repo.findLesson(trx, course.id, lessonId);
    if (!before) throw notFound('lesson');
    const content = await lessonContent(trx, course, input, before);
    // Learners may be reading it: a published lesson cannot be emptied.
    if (before.status === 'published' && !isComplete(content)) throw new AppError('LESSON_INCOMPLETE');
    const lesson = await repo.updateLesson(trx, lessonId, content);
    await repo.touchCourse(trx, course.id);
    await audit(
      trx,
      actor,
      course,
      'course.lesson_updated',
      { ...lessonAudit(lesson), changes: Object.keys(input).sort() },
      meta,
    );
    return lessonWithFile(trx, lesson);
  });
}

export async function setLessonPublished(
  ctx: AppContext,
  actor: Actor,
  courseId: string,
  lessonId: string,
  published: boolean,
  meta: RequestMeta,
) {
  return withCourse(ctx, actor, courseId, policy.editCourse, async (trx, course) => {
    const before = await repo.findLesson(trx, course.id, lessonId);
    if (!before) throw notFound('lesson');
    if (published) {
      const content = await lessonContent(trx, course, {}, before);
      if (!isComplete(content)) throw new AppError('LESSON_INCOMPLETE');
    } else if (before.status === 'published' && course.status === 'published') {
      if ((await repo.countPublishedLessons(trx, course.id)) <= 1)
        throw new AppError('COURSE_NEEDS_PUBLISHED_LESSON');
    }
    const lesson = await repo.setLessonStatus(trx, lessonId, published ? 'published' : 'draft');
    await repo.touchCourse(trx, course.id);
    await audit(
      trx,
      actor,
      course,
      published ? 'course.lesson_published' : 'course.lesson_unpublished',
      lessonAudit(lesson),
      meta,
    );
    return lessonWithFile(trx, lesson);
  });
}

export async function deleteLesson(
  ctx: AppContext,
  actor: Actor,
  courseId: string,
  lessonId: string,
  meta: RequestMeta,
) {
  await withCourse(ctx, actor, courseId, policy.editCourse, async (trx, course) => {
    const lesson = await repo.findLesson(trx, course.id, lessonId);
    if (!lesson) throw notFound('lesson');
    if (await repo.lessonHasProgress(trx, lessonId)) throw new AppError('LESSON_HAS_PROGRESS');
    if (
      lesson.status === 'published' &&
      course.status === 'published' &&
      (await repo.countPublishedLessons(trx, course.id)) <= 1
    ) {
      throw new AppError('COURSE_NEEDS_PUBLISHED_LESSON');
    }
    await repo.deleteLesson(trx, lessonId);
    await repo.renumberLessons(trx, lesson.module_id);
    await repo.touchCourse(trx, course.id);
    await audit(trx, actor, course, 'course.lesson_deleted', lessonAudit(lesson), meta);
  });
}

/** A lesson with its body: for the course's authors, and for enrolled learners once published. */
export async function getLesson(ctx: AppContext, actor: Actor, courseId: string, lessonId: string) {
  const course = await repo.findCourse(ctx.db, courseId);
  if (!course) throw notFound('course');
  const lesson = await repo.findLesson(ctx.db, courseId, lessonId);
  if (!lesson) throw notFound('lesson');
  const enrolled =
    !authorsCourses(actor, course.organisation_id) &&
    (await repo.isEnrolledInCourse(ctx.db, actor.userId, courseId));
  policy.readLesson(actor, course, lesson, enrolled);
  return lessonWithFile(ctx.db, lesson);
}
