/**
 * The course catalog, course authoring (modules, lessons, their order) and uploaded files: the API
 * contract of server/modules/catalog and server/modules/files.
 */
import { type Static, Type } from 'typebox';
import { LocaleSchema, Paged, PageQuery, Uuid } from './common';

/*
 * The catalog's vocabularies as plain values, for the server's rules and the web's pickers. They belong
 * with the others in common/domain.ts (decision 008: the browser imports no TypeBox); they live here
 * until that shared file is next opened for them.
 */
export const courseTopics = [
  'ai_data',
  'cloud',
  'cybersecurity',
  'iot_embedded',
  'semiconductor',
  'digital_skills',
  'japanese_language',
  'soft_skills',
] as const;
export const courseLevels = ['beginner', 'intermediate', 'advanced'] as const;
export const deliveryModes = ['online', 'in_person', 'blended'] as const;
export const courseStatuses = ['draft', 'published', 'archived'] as const;
export const lessonKinds = ['text', 'video', 'file', 'quiz'] as const;
export const lessonStatuses = ['draft', 'published'] as const;
export const catalogSorts = ['relevance', 'title', '-publishedAt'] as const;
export const authoringSorts = ['title', '-updatedAt', 'status'] as const;

/** Largest upload: enough for a lecture's slides or a short video, small enough to hold in memory. */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

export const CourseTopicSchema = Type.Enum(courseTopics);
export const CourseLevelSchema = Type.Enum(courseLevels);
export const DeliveryModeSchema = Type.Enum(deliveryModes);
export const CourseStatusSchema = Type.Enum(courseStatuses);
export const LessonKindSchema = Type.Enum(lessonKinds);
export const LessonStatusSchema = Type.Enum(lessonStatuses);

const Nullable = <T extends import('typebox').TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const CourseSlug = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', minLength: 2, maxLength: 80 });
const ProgramCode = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 60 });
const Title = Type.String({ minLength: 2, maxLength: 200 });
const Summary = Type.String({ maxLength: 2000 });
const DateTime = Type.String({ format: 'date-time' });

export const CourseText = Type.Object({ title: Title, summary: Summary });
/** Title and summary in the languages other than the teaching language. */
export const CourseTranslations = Type.Object({
  vi: Type.Optional(CourseText),
  en: Type.Optional(CourseText),
  ja: Type.Optional(CourseText),
});
export type CourseTranslationsT = Static<typeof CourseTranslations>;

export const OrganisationRef = Type.Object({ id: Uuid, slug: Type.String(), name: Type.String() });
export const ProvinceRef = Type.Object({ code: Type.String(), name: Type.String() });

/** One course in a list: titles in the reader's language when translated. */
export const CourseCard = Type.Object({
  id: Uuid,
  slug: Type.String(),
  title: Type.String(),
  summary: Type.String(),
  /** The language `title` and `summary` are written in: the reader's when translated, else the teaching language. */
  language: LocaleSchema,
  teachingLanguage: LocaleSchema,
  /** The teaching language and every translation. */
  languages: Type.Array(LocaleSchema),
  topic: CourseTopicSchema,
  level: CourseLevelSchema,
  durationHours: Type.Integer(),
  deliveryMode: DeliveryModeSchema,
  province: Nullable(ProvinceRef),
  isOpen: Type.Boolean(),
  isTot: Type.Boolean(),
  status: CourseStatusSchema,
  publishedAt: Nullable(DateTime),
  organisation: OrganisationRef,
  skills: Type.Array(Type.String()),
});
export type CourseCardT = Static<typeof CourseCard>;

export const CourseListQuery = Type.Object({
  /** Words, matched without accents or case; every word must match, the last one also as a word's start. */
  q: Type.Optional(Type.String({ maxLength: 100 })),
  topic: Type.Optional(CourseTopicSchema),
  skill: Type.Optional(Type.String({ maxLength: 60 })),
  level: Type.Optional(CourseLevelSchema),
  mode: Type.Optional(DeliveryModeSchema),
  /** A province code or name; a former (pre-2025) province name finds its current unit. */
  province: Type.Optional(Type.String({ maxLength: 60 })),
  /** Taught in, or translated into, this language. */
  language: Type.Optional(LocaleSchema),
  program: Type.Optional(ProgramCode),
  sort: Type.Optional(Type.Enum(catalogSorts)),
  ...PageQuery,
});
export type CourseListQueryT = Static<typeof CourseListQuery>;

const Counts = Type.Record(Type.String(), Type.Integer());
export const CourseList = Type.Object({
  items: Type.Array(CourseCard),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  /** How many of the matching courses fall in each topic, level and delivery mode. */
  facets: Type.Object({ topic: Counts, level: Counts, mode: Counts }),
});
export type CourseListT = Static<typeof CourseList>;

export const LessonOutline = Type.Object({
  id: Uuid,
  title: Type.String(),
  kind: LessonKindSchema,
  position: Type.Integer(),
  status: LessonStatusSchema,
  required: Type.Boolean(),
  estimatedMinutes: Nullable(Type.Integer()),
});
export const ModuleOutline = Type.Object({
  id: Uuid,
  title: Type.String(),
  position: Type.Integer(),
  lessons: Type.Array(LessonOutline),
});
export type ModuleOutlineT = Static<typeof ModuleOutline>;

export const CourseDetail = Type.Object({
  ...CourseCard.properties,
  /** Title and summary in the teaching language, as the authors wrote them. */
  original: Type.Object({ title: Type.String(), summary: Type.String() }),
  translations: CourseTranslations,
  minAttendancePct: Nullable(Type.Integer()),
  programs: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
  prerequisites: Type.Array(
    Type.Object({ id: Uuid, slug: Type.String(), title: Type.String(), status: CourseStatusSchema }),
  ),
  /** Authors see every module and lesson; everyone else the published lessons and the modules holding them. */
  modules: Type.Array(ModuleOutline),
  createdAt: DateTime,
  updatedAt: DateTime,
  /** What the reader may do: the web shows the authoring tools or the lesson links from this. */
  viewer: Type.Object({ canEdit: Type.Boolean(), canManage: Type.Boolean(), enrolled: Type.Boolean() }),
});
export type CourseDetailT = Static<typeof CourseDetail>;

export const CourseParams = Type.Object({ id: Uuid });
/** A slug, or a course id (the authoring screens know the id). */
export const CourseSlugParams = Type.Object({ slug: CourseSlug });

export const CreateCourseBody = Type.Object({
  organisationId: Uuid,
  /** Made from the title when left out. */
  slug: Type.Optional(CourseSlug),
  teachingLanguage: LocaleSchema,
  title: Title,
  summary: Type.Optional(Summary),
  translations: Type.Optional(CourseTranslations),
  topic: CourseTopicSchema,
  level: CourseLevelSchema,
  durationHours: Type.Integer({ minimum: 1, maximum: 5000 }),
  deliveryMode: DeliveryModeSchema,
  /** Required for in-person and blended courses: a code or a (current or former) province name. */
  province: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 60 }))),
  skills: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 30 })),
  /** Program codes, e.g. "semiconductor-2030". */
  programs: Type.Optional(Type.Array(ProgramCode, { maxItems: 10 })),
  /** Ids of courses to complete first. */
  prerequisites: Type.Optional(Type.Array(Uuid, { maxItems: 20 })),
  isOpen: Type.Optional(Type.Boolean()),
  isTot: Type.Optional(Type.Boolean()),
  minAttendancePct: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 100 }))),
});
export type CreateCourseBodyT = Static<typeof CreateCourseBody>;

const { organisationId: _owner, ...editable } = CreateCourseBody.properties;
/** Every field but the owner; a published course keeps its slug. */
export const UpdateCourseBody = Type.Partial(Type.Object(editable));
export type UpdateCourseBodyT = Static<typeof UpdateCourseBody>;

export const AuthoringListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  status: Type.Optional(CourseStatusSchema),
  sort: Type.Optional(Type.Enum(authoringSorts)),
  ...PageQuery,
});
export const AuthoringCourse = Type.Object({ ...CourseCard.properties, updatedAt: DateTime });
export const AuthoringCourseList = Paged(AuthoringCourse);

export const ModuleBody = Type.Object({ title: Type.String({ minLength: 1, maxLength: 200 }) });
export const ModuleParams = Type.Object({ id: Uuid, moduleId: Uuid });
export const LessonParams = Type.Object({ id: Uuid, lessonId: Uuid });

export const StoredFile = Type.Object({
  id: Uuid,
  filename: Type.String(),
  contentType: Type.String(),
  sizeBytes: Type.Integer(),
  sha256: Type.String(),
  organisationId: Nullable(Uuid),
  /** Where to read it: GET, for those allowed to. */
  url: Type.String(),
  createdAt: DateTime,
});
export type StoredFileT = Static<typeof StoredFile>;
export const FileParams = Type.Object({ id: Uuid });
export const UploadQuery = Type.Object({
  /** The organisation the file belongs to; may be left out by someone who authors for one organisation only. */
  organisationId: Type.Optional(Uuid),
});

const LessonFields = {
  title: Type.String({ minLength: 1, maxLength: 200 }),
  kind: LessonKindSchema,
  /** Rich text of a `text` lesson; cleaned on the server to a safe subset of HTML. */
  bodyHtml: Type.Optional(Nullable(Type.String({ maxLength: 200_000 }))),
  /** https only: YouTube, Vimeo or an .mp4/.webm file. */
  videoUrl: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  /** An uploaded file of the course's organisation. */
  fileId: Type.Optional(Nullable(Uuid)),
  /** A quiz of this course. */
  quizId: Type.Optional(Nullable(Uuid)),
  required: Type.Optional(Type.Boolean()),
  estimatedMinutes: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 1000 }))),
};
export const CreateLessonBody = Type.Object(LessonFields);
export type CreateLessonBodyT = Static<typeof CreateLessonBody>;
export const UpdateLessonBody = Type.Partial(Type.Object(LessonFields));
export type UpdateLessonBodyT = Static<typeof UpdateLessonBody>;

export const Lesson = Type.Object({
  ...LessonOutline.properties,
  courseId: Uuid,
  moduleId: Uuid,
  bodyHtml: Nullable(Type.String()),
  videoUrl: Nullable(Type.String()),
  /** An address a player can embed (YouTube without cookies, Vimeo's player, or the file itself). */
  videoEmbedUrl: Nullable(Type.String()),
  file: Nullable(StoredFile),
  quizId: Nullable(Uuid),
  updatedAt: DateTime,
});
export type LessonT = Static<typeof Lesson>;

/** The whole order of a course: every module once, each with every one of its lessons once. */
export const OutlineBody = Type.Object({
  modules: Type.Array(Type.Object({ id: Uuid, lessonIds: Type.Array(Uuid, { maxItems: 500 }) }), {
    maxItems: 200,
  }),
});
export type OutlineBodyT = Static<typeof OutlineBody>;
export const Outline = Type.Object({ modules: Type.Array(ModuleOutline) });
