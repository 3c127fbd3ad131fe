/**
 * The JSON about courses and lessons that leaves the server. Titles and summaries come in the reader's
 * language when the course has that translation, with `language` saying which one the reader got.
 */
import type {
  CourseCardT,
  CourseDetailT,
  CourseTranslationsT,
  LessonT,
  ModuleOutlineT,
} from '../../../common/contracts/catalog';
import type { Locale } from '../../../common/i18n/locales';
import type { CourseTranslations } from '../../db/schema';
import { presentFile } from '../files/presenter';
import type { FileRow } from '../files/repo';
import type { CourseRow, LessonOutlineRow, LessonRow, ModuleRow } from './repo';
import { videoEmbedUrl } from './sanitise';

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();

type CourseText = {
  title: string;
  summary: string;
  teaching_language: Locale;
  translations: CourseTranslations;
};

/** Title and summary for a reader: their language when translated, else the teaching language. */
export function textFor(c: CourseText, locale: Locale): { title: string; summary: string; language: Locale } {
  const t = locale === c.teaching_language ? undefined : c.translations?.[locale];
  return t
    ? { title: t.title, summary: t.summary, language: locale }
    : { title: c.title, summary: c.summary, language: c.teaching_language };
}

const languagesOf = (c: CourseText): Locale[] => [
  c.teaching_language,
  ...(['vi', 'en', 'ja'] as const).filter((l) => l !== c.teaching_language && c.translations?.[l]),
];

type CardRow = Omit<CourseRow, 'min_attendance_pct' | 'created_at'> & Partial<Pick<CourseRow, 'created_at'>>;

export function presentCourseCard(c: CardRow, skills: string[], locale: Locale): CourseCardT {
  const text = textFor(c, locale);
  return {
    id: c.id,
    slug: c.slug,
    title: text.title,
    summary: text.summary,
    language: text.language,
    teachingLanguage: c.teaching_language,
    languages: languagesOf(c),
    topic: c.topic,
    level: c.level,
    durationHours: c.duration_hours,
    deliveryMode: c.delivery_mode,
    province: c.province_code ? { code: c.province_code, name: c.province_name ?? c.province_code } : null,
    isOpen: c.is_open,
    isTot: c.is_tot,
    status: c.status,
    publishedAt: c.published_at ? iso(c.published_at) : null,
    organisation: { id: c.organisation_id, slug: c.organisation_slug, name: c.organisation_name },
    skills,
  };
}

/** Skills of many courses, grouped by course. */
export function skillsByCourse(rows: { course_id: string; skill: string }[]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const r of rows) m.set(r.course_id, [...(m.get(r.course_id) ?? []), r.skill]);
  return m;
}

export const presentLessonOutline = (l: LessonOutlineRow) => ({
  id: l.id,
  title: l.title,
  kind: l.kind,
  position: l.position,
  status: l.status,
  required: l.required,
  estimatedMinutes: l.estimated_minutes,
});

export function presentOutline(modules: ModuleRow[], lessons: LessonOutlineRow[]): ModuleOutlineT[] {
  return modules.map((m) => ({
    id: m.id,
    title: m.title,
    position: m.position,
    lessons: lessons.filter((l) => l.module_id === m.id).map(presentLessonOutline),
  }));
}

export interface CourseBundle {
  course: CourseRow;
  skills: string[];
  programs: { code: string; name_vi: string; name_en: string; name_ja: string }[];
  prerequisites: (CourseText & { id: string; slug: string; status: CourseRow['status'] })[];
  modules: ModuleOutlineT[];
  viewer: { canEdit: boolean; canManage: boolean; enrolled: boolean };
}

export function presentCourseDetail(b: CourseBundle, locale: Locale): CourseDetailT {
  const c = b.course;
  return {
    ...presentCourseCard(c, b.skills, locale),
    original: { title: c.title, summary: c.summary },
    translations: (c.translations ?? {}) as CourseTranslationsT,
    minAttendancePct: c.min_attendance_pct,
    programs: b.programs.map((p) => ({ code: p.code, name: p[`name_${locale}`] })),
    prerequisites: b.prerequisites.map((p) => ({
      id: p.id,
      slug: p.slug,
      title: textFor(p, locale).title,
      status: p.status,
    })),
    modules: b.modules,
    createdAt: iso(c.created_at),
    updatedAt: iso(c.updated_at),
    viewer: b.viewer,
  };
}

export function presentLesson(l: LessonRow, file: FileRow | null): LessonT {
  return {
    id: l.id,
    courseId: l.course_id,
    moduleId: l.module_id,
    title: l.title,
    kind: l.kind,
    position: l.position,
    status: l.status,
    required: l.required,
    estimatedMinutes: l.estimated_minutes,
    bodyHtml: l.body_html,
    videoUrl: l.video_url,
    videoEmbedUrl: l.video_url ? videoEmbedUrl(l.video_url) : null,
    file: file ? presentFile(file) : null,
    quizId: l.quiz_id,
    updatedAt: iso(l.updated_at),
  };
}
