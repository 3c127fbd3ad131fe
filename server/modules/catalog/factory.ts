/**
 * Builds a whole course — details, skills, programs, modules, lessons — straight into the database,
 * with no actor and no audit: for the demo seed and for tests (this module's and other modules' that
 * need a course to enrol in or to quiz on). The search text is made exactly as authoring makes it.
 */
import type { Kysely } from 'kysely';
import type {
  CourseLevel,
  CourseStatus,
  CourseTopic,
  CourseTranslations,
  DB,
  DeliveryMode,
  Locale,
} from '../../db/schema';
import * as repo from './repo';
import { sanitiseLessonHtml } from './sanitise';
import { normaliseSkills, searchTextOf } from './service';

export interface LessonSpec {
  title: string;
  kind?: 'text' | 'video';
  bodyHtml?: string;
  videoUrl?: string;
  estimatedMinutes?: number;
  /** Published unless said otherwise. */
  status?: 'draft' | 'published';
}

export interface CourseSpec {
  organisationId: string;
  slug: string;
  title: string;
  summary?: string;
  teachingLanguage?: Locale;
  translations?: CourseTranslations;
  topic?: CourseTopic;
  level?: CourseLevel;
  durationHours?: number;
  deliveryMode?: DeliveryMode;
  /** A current province code; required by the schema's meaning for in-person and blended courses. */
  provinceCode?: string | null;
  skills?: string[];
  programCodes?: string[];
  isOpen?: boolean;
  isTot?: boolean;
  minAttendancePct?: number | null;
  /** Published unless said otherwise. */
  status?: CourseStatus;
  createdBy?: string | null;
  modules?: { title: string; lessons?: LessonSpec[] }[];
}

export interface CreatedCourse {
  id: string;
  slug: string;
  modules: { id: string; lessonIds: string[] }[];
}

export async function createCourseFromSpec(db: Kysely<DB>, spec: CourseSpec): Promise<CreatedCourse> {
  const translations = spec.translations ?? {};
  const skills = normaliseSkills(spec.skills ?? []);
  const summary = spec.summary ?? '';
  const id = await repo.insertCourse(db, {
    organisationId: spec.organisationId,
    createdBy: spec.createdBy ?? null,
    slug: spec.slug,
    teachingLanguage: spec.teachingLanguage ?? 'vi',
    title: spec.title,
    summary,
    translations,
    topic: spec.topic ?? 'digital_skills',
    level: spec.level ?? 'beginner',
    durationHours: spec.durationHours ?? 20,
    deliveryMode: spec.deliveryMode ?? 'online',
    provinceCode: spec.provinceCode ?? null,
    isOpen: spec.isOpen ?? true,
    isTot: spec.isTot ?? false,
    minAttendancePct: spec.minAttendancePct ?? null,
    ...searchTextOf({ title: spec.title, summary, translations, skills: skills.map((s) => s.skill) }),
  });
  await repo.replaceSkills(db, id, skills);
  if (spec.programCodes?.length) {
    const programs = await repo.programsByCode(db, spec.programCodes);
    await repo.replacePrograms(
      db,
      id,
      programs.map((p) => p.id),
    );
  }
  const modules: CreatedCourse['modules'] = [];
  for (const m of spec.modules ?? []) {
    const module = await repo.insertModule(db, id, m.title);
    const lessonIds: string[] = [];
    for (const l of m.lessons ?? []) {
      const kind = l.kind ?? 'text';
      const lesson = await repo.insertLesson(db, id, module.id, {
        kind,
        title: l.title,
        bodyHtml: kind === 'text' ? sanitiseLessonHtml(l.bodyHtml ?? '') : null,
        videoUrl: kind === 'video' ? (l.videoUrl ?? null) : null,
        fileId: null,
        quizId: null,
        required: true,
        estimatedMinutes: l.estimatedMinutes ?? null,
      });
      if ((l.status ?? 'published') === 'published') await repo.setLessonStatus(db, lesson.id, 'published');
      lessonIds.push(lesson.id);
    }
    modules.push({ id: module.id, lessonIds });
  }
  const status = spec.status ?? 'published';
  if (status !== 'draft') await repo.setCourseStatus(db, id, status);
  return { id, slug: spec.slug, modules };
}
