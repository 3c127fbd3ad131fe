/**
 * Cohorts (classes) of a course with their trainers and sessions, enrolment with a waitlist, attendance,
 * lesson progress, the gradebook, "my learning" and the reach of certified trainers: the API contract
 * of server/modules/enrolment.
 */
import { type Static, Type } from 'typebox';
import { Paged, PageQuery, Uuid } from './common';

export const cohortStatuses = ['open', 'closed', 'cancelled'] as const;
export const enrolmentStatuses = ['waitlisted', 'enrolled', 'completed', 'withdrawn', 'transferred'] as const;
export const enrolmentSources = ['self', 'admin', 'roster'] as const;
export const attendanceStatuses = ['present', 'absent', 'excused'] as const;
export const cohortSorts = ['startsOn', '-startsOn', 'code', '-code', 'createdAt', '-createdAt'] as const;
export const rosterSorts = ['name', '-name', 'enrolledAt', '-enrolledAt'] as const;
export const gradebookSorts = ['name', '-name', 'progress', '-progress'] as const;

export const CohortStatusSchema = Type.Enum(cohortStatuses);
export const EnrolmentStatusSchema = Type.Enum(enrolmentStatuses);
export const AttendanceStatusSchema = Type.Enum(attendanceStatuses);

const Nullable = <T extends import('typebox').TSchema>(t: T) => Type.Union([t, Type.Null()]);
const IsoDate = Type.String({ format: 'date' });
const DateTime = Type.String({ format: 'date-time' });
const ProvinceCode = Type.String({ pattern: '^[0-9]{2}$' });
/** Mã lớp: letters, digits and - _ . /, as partners write them in their rosters. */
const CohortCode = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._/-]*$', minLength: 1, maxLength: 40 });

export const CohortParams = Type.Object({ id: Uuid });
export const CourseCohortsParams = Type.Object({
  slug: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', minLength: 2, maxLength: 80 }),
});
export const SessionParams = Type.Object({ id: Uuid, sessionId: Uuid });
export const AttendanceOneParams = Type.Object({ id: Uuid, sessionId: Uuid, enrolmentId: Uuid });
export const EnrolmentParams = Type.Object({ id: Uuid });
export const LessonProgressParams = Type.Object({ id: Uuid, lessonId: Uuid });
export const TrainerParams = Type.Object({ personId: Uuid });

export const TrainerRef = Type.Object({ userId: Uuid, displayName: Type.String() });

export const Cohort = Type.Object({
  id: Uuid,
  courseId: Uuid,
  /** In the reader's language. */
  courseTitle: Type.String(),
  organisationId: Uuid,
  code: Type.String(),
  name: Type.String(),
  startsOn: Nullable(IsoDate),
  endsOn: Nullable(IsoDate),
  /** Null: no limit. */
  capacity: Nullable(Type.Integer()),
  online: Type.Boolean(),
  location: Nullable(Type.String()),
  provinceCode: Nullable(Type.String()),
  status: CohortStatusSchema,
  seatsTaken: Type.Integer(),
  /** Null when there is no limit. */
  seatsLeft: Nullable(Type.Integer()),
  waitlisted: Type.Integer(),
  trainers: Type.Array(TrainerRef),
  createdAt: DateTime,
});
export type CohortT = Static<typeof Cohort>;

export const CohortListQuery = Type.Object({
  courseId: Type.Optional(Uuid),
  organisationId: Type.Optional(Uuid),
  status: Type.Optional(CohortStatusSchema),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  sort: Type.Optional(Type.Enum(cohortSorts)),
  ...PageQuery,
});
export const CohortList = Paged(Cohort);

/** What anyone sees when choosing a class: no names, no roster. */
export const PublicCohort = Type.Object({
  id: Uuid,
  code: Type.String(),
  name: Type.String(),
  startsOn: Nullable(IsoDate),
  endsOn: Nullable(IsoDate),
  /** Null when there is no limit; 0 means a new enrolment goes on the waitlist. */
  seatsLeft: Nullable(Type.Integer()),
  online: Type.Boolean(),
  location: Nullable(Type.String()),
  provinceCode: Nullable(Type.String()),
});
export const PublicCohortList = Type.Object({ items: Type.Array(PublicCohort) });

export const CreateCohortBody = Type.Object({
  courseId: Uuid,
  code: CohortCode,
  name: Type.String({ minLength: 2, maxLength: 200 }),
  startsOn: Type.Optional(Nullable(IsoDate)),
  endsOn: Type.Optional(Nullable(IsoDate)),
  capacity: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 100000 }))),
  online: Type.Optional(Type.Boolean()),
  location: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  provinceCode: Type.Optional(Nullable(ProvinceCode)),
  status: Type.Optional(CohortStatusSchema),
  /** Accounts holding the trainer role in the course's organisation. */
  trainerUserIds: Type.Optional(Type.Array(Uuid, { maxItems: 50, uniqueItems: true })),
});
export const UpdateCohortBody = Type.Partial(
  Type.Object({
    code: CohortCode,
    name: Type.String({ minLength: 2, maxLength: 200 }),
    startsOn: Nullable(IsoDate),
    endsOn: Nullable(IsoDate),
    capacity: Nullable(Type.Integer({ minimum: 1, maximum: 100000 })),
    online: Type.Boolean(),
    location: Nullable(Type.String({ maxLength: 300 })),
    provinceCode: Nullable(ProvinceCode),
    status: CohortStatusSchema,
  }),
);
export const SetTrainersBody = Type.Object({
  userIds: Type.Array(Uuid, { maxItems: 50, uniqueItems: true }),
});

export const CohortSession = Type.Object({
  id: Uuid,
  cohortId: Uuid,
  startsAt: DateTime,
  endsAt: DateTime,
  topic: Nullable(Type.String()),
  location: Nullable(Type.String()),
});
export const SessionList = Type.Object({ items: Type.Array(CohortSession) });
export const CreateSessionBody = Type.Object({
  startsAt: DateTime,
  endsAt: DateTime,
  topic: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  location: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
});
export const UpdateSessionBody = Type.Partial(
  Type.Object({
    startsAt: DateTime,
    endsAt: DateTime,
    topic: Nullable(Type.String({ maxLength: 200 })),
    location: Nullable(Type.String({ maxLength: 300 })),
  }),
);

export const Enrolment = Type.Object({
  id: Uuid,
  cohortId: Uuid,
  courseId: Uuid,
  person: Type.Object({ id: Uuid, fullName: Type.String() }),
  status: EnrolmentStatusSchema,
  source: Type.Enum(enrolmentSources),
  enrolledAt: DateTime,
  completedAt: Nullable(DateTime),
  endedAt: Nullable(DateTime),
  transferredTo: Nullable(Uuid),
  /** 1 = next to get a seat; null unless waitlisted. */
  waitlistPosition: Nullable(Type.Integer()),
  /**
   * The certificate of this enrolment, null when none was issued. Only the roster fills it in (so its
   * admins can open a completed learner's certificate); other endpoints leave it out.
   */
  credential: Type.Optional(
    Nullable(Type.Object({ id: Uuid, status: Type.Enum(['active', 'revoked'] as const) })),
  ),
});
export type EnrolmentT = Static<typeof Enrolment>;
export const EnrolmentList = Paged(Enrolment);
export const RosterQuery = Type.Object({
  status: Type.Optional(EnrolmentStatusSchema),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  sort: Type.Optional(Type.Enum(rosterSorts)),
  ...PageQuery,
});

export const SelfEnrolBody = Type.Object({ cohortId: Uuid });
/** A partner enrols an existing account (by e-mail) or a person of the registry (by id): exactly one. */
export const AdminEnrolBody = Type.Object({
  email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
  personId: Type.Optional(Uuid),
});
export const TransferBody = Type.Object({ cohortId: Uuid });

export const LessonProgress = Type.Object({
  enrolmentId: Uuid,
  lessonId: Uuid,
  completedAt: DateTime,
  /** Whether this (or an earlier) step completed the enrolment. */
  enrolmentCompleted: Type.Boolean(),
  progressPct: Type.Integer(),
});

export const AttendanceItem = Type.Object({ enrolmentId: Uuid, status: AttendanceStatusSchema });
export const AttendanceBody = Type.Object({
  items: Type.Array(AttendanceItem, { minItems: 1, maxItems: 2000 }),
});
export const AttendanceOneBody = Type.Object({ status: AttendanceStatusSchema });
export const AttendanceRow = Type.Object({
  enrolmentId: Uuid,
  personId: Uuid,
  fullName: Type.String(),
  /** Null when not recorded yet. */
  status: Nullable(AttendanceStatusSchema),
  recordedAt: Nullable(DateTime),
});
export const SessionAttendance = Type.Object({
  session: CohortSession,
  items: Type.Array(AttendanceRow),
});

export const GradebookLesson = Type.Object({
  id: Uuid,
  title: Type.String(),
  kind: Type.Enum(['text', 'video', 'file', 'quiz'] as const),
  required: Type.Boolean(),
});
export const GradebookCell = Type.Object({
  done: Type.Boolean(),
  /** Best submitted score of a quiz lesson, 0–100; null for other lessons or before any attempt. */
  scorePct: Nullable(Type.Number()),
});
export const GradebookRow = Type.Object({
  enrolmentId: Uuid,
  personId: Uuid,
  fullName: Type.String(),
  status: EnrolmentStatusSchema,
  /** One cell per lesson, in the order of `lessons`. */
  cells: Type.Array(GradebookCell),
  /** present ÷ (held − excused), 0–100; null before any session to count. */
  attendancePct: Nullable(Type.Number()),
  /** Required lessons done, 0–100. */
  progressPct: Type.Integer(),
  completed: Type.Boolean(),
});
export const Gradebook = Type.Object({
  cohort: Type.Object({
    id: Uuid,
    code: Type.String(),
    name: Type.String(),
    courseId: Uuid,
    courseTitle: Type.String(),
  }),
  lessons: Type.Array(GradebookLesson),
  sessionsHeld: Type.Integer(),
  minAttendancePct: Nullable(Type.Integer()),
  rows: Type.Array(GradebookRow),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export type GradebookT = Static<typeof Gradebook>;
export const GradebookQuery = Type.Object({
  sort: Type.Optional(Type.Enum(gradebookSorts)),
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 500 })),
});

/** One line of "my learning": small, for a 360-px phone on a slow network. */
export const MyEnrolment = Type.Object({
  enrolmentId: Uuid,
  status: Type.Enum(['waitlisted', 'enrolled'] as const),
  course: Type.Object({ id: Uuid, slug: Type.String(), title: Type.String() }),
  cohort: Type.Object({
    id: Uuid,
    code: Type.String(),
    startsOn: Nullable(IsoDate),
    endsOn: Nullable(IsoDate),
    online: Type.Boolean(),
  }),
  progressPct: Type.Integer(),
  nextLesson: Nullable(Type.Object({ id: Uuid, title: Type.String(), kind: Type.String() })),
  nextSession: Nullable(
    Type.Object({ startsAt: DateTime, endsAt: DateTime, location: Nullable(Type.String()) }),
  ),
  waitlistPosition: Nullable(Type.Integer()),
});
export const MyCompletion = Type.Object({
  enrolmentId: Uuid,
  course: Type.Object({ id: Uuid, slug: Type.String(), title: Type.String() }),
  cohortCode: Type.String(),
  completedAt: DateTime,
  credentialId: Nullable(Uuid),
});
export const MyLearning = Type.Object({
  current: Type.Array(MyEnrolment),
  completed: Type.Array(MyCompletion),
});
export type MyLearningT = Static<typeof MyLearning>;

export const BeneficiaryQuery = Type.Object({
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
  ...PageQuery,
});
export const Beneficiary = Type.Object({
  personId: Uuid,
  fullName: Type.String(),
  provinceCode: Nullable(Type.String()),
  sex: Nullable(Type.Enum(['F', 'M', 'X'] as const)),
});
export const Beneficiaries = Type.Object({
  trainer: Type.Object({
    personId: Uuid,
    fullName: Type.String(),
    certifiedOn: Nullable(IsoDate),
  }),
  /** Distinct people reached (the same as total). */
  count: Type.Integer(),
  items: Type.Array(Beneficiary),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
