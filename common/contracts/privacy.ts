/**
 * The signed-in person's data rights (Law 91/2025/QH15): consent per purpose, a copy of everything
 * held about them, and erasure. The API contract of server/modules/privacy; every route is about the
 * caller only, so no route takes a person's or account's id.
 */
import { type Static, Type } from 'typebox';
import { consentPurposes } from '../consent';
import { LocaleSchema, Uuid } from './common';

const DateTime = Type.String({ format: 'date-time' });
const NullableDateTime = Type.Union([DateTime, Type.Null()]);
const NullableString = Type.Union([Type.String(), Type.Null()]);

export const ConsentPurposeSchema = Type.Enum(consentPurposes);
export const ConsentParams = Type.Object({ purpose: ConsentPurposeSchema });

export const RecordConsentBody = Type.Object({
  granted: Type.Boolean(),
  /** The version of the words the person was shown (common/consent.ts); must be the current one. */
  wordingVersion: Type.String({ minLength: 1, maxLength: 40 }),
});

/** One recorded choice: rows are never changed, a new choice is a new row. */
export const ConsentRecord = Type.Object({
  purpose: ConsentPurposeSchema,
  granted: Type.Boolean(),
  wordingVersion: Type.String(),
  /** `self`: the person chose on the platform; `staff`: recorded by staff from a signed paper form. */
  source: Type.Union([Type.Literal('self'), Type.Literal('staff')]),
  recordedAt: DateTime,
});
export type ConsentRecordT = Static<typeof ConsentRecord>;

/** The choice in force for a purpose: the latest record, or "not granted" when there is none. */
export const ConsentState = Type.Object({
  purpose: ConsentPurposeSchema,
  granted: Type.Boolean(),
  /** The version the person last answered, or null when they never did. */
  wordingVersion: NullableString,
  recordedAt: NullableDateTime,
  currentWordingVersion: Type.String(),
  /** False when the words changed since the person answered: ask again. */
  answeredCurrentWording: Type.Boolean(),
});
export type ConsentStateT = Static<typeof ConsentState>;

export const ConsentOverview = Type.Object({
  consents: Type.Array(ConsentState),
  /** Every record, newest first. */
  history: Type.Array(ConsentRecord),
});
export type ConsentOverviewT = Static<typeof ConsentOverview>;

export const EraseBody = Type.Object({
  /** The account's password, asked again: erasure cannot be undone. */
  password: Type.String({ minLength: 1, maxLength: 500 }),
});

// ---- the copy of one's data (GET /api/me/data) ----------------------------------------------------

const ExportAccount = Type.Object({
  id: Uuid,
  email: Type.String(),
  displayName: Type.String(),
  language: LocaleSchema,
  createdAt: DateTime,
  updatedAt: DateTime,
  roles: Type.Array(Type.Object({ role: Type.String(), organisation: NullableString, grantedAt: DateTime })),
});

const ExportPerson = Type.Object({
  id: Uuid,
  fullName: Type.String(),
  sex: Type.Union([Type.Literal('F'), Type.Literal('M'), Type.Literal('X'), Type.Null()]),
  dateOfBirth: NullableString,
  provinceCode: NullableString,
  province: NullableString,
  communeCode: NullableString,
  commune: NullableString,
  /** The CCCD in full: this copy goes only to its owner. */
  nationalId: NullableString,
  phone: NullableString,
  email: NullableString,
  /** Sensitive data (Law 91/2025/QH15). */
  disability: Type.Union([Type.Boolean(), Type.Null()]),
  createdAt: DateTime,
  updatedAt: DateTime,
  /** The organisations that know this person (they enrolled or imported them). */
  knownTo: Type.Array(Type.Object({ organisation: Type.String(), since: DateTime })),
});

const ExportEnrolment = Type.Object({
  id: Uuid,
  course: Type.String(),
  cohortCode: Type.String(),
  cohortName: Type.String(),
  organisation: Type.String(),
  status: Type.String(),
  source: Type.String(),
  enrolledAt: DateTime,
  completedAt: NullableDateTime,
  endedAt: NullableDateTime,
});

const ExportAttendance = Type.Object({
  enrolmentId: Uuid,
  cohortCode: Type.String(),
  sessionStartsAt: DateTime,
  topic: NullableString,
  status: Type.String(),
  recordedAt: DateTime,
});

const ExportProgress = Type.Object({
  enrolmentId: Uuid,
  course: Type.String(),
  lesson: Type.String(),
  completedAt: DateTime,
});

const ExportQuizAttempt = Type.Object({
  id: Uuid,
  enrolmentId: Uuid,
  course: Type.String(),
  quiz: Type.String(),
  startedAt: DateTime,
  submittedAt: NullableDateTime,
  scorePct: Type.Union([Type.Number(), Type.Null()]),
  passed: Type.Union([Type.Boolean(), Type.Null()]),
});

const ExportCredential = Type.Object({
  id: Uuid,
  course: Type.String(),
  issuer: Type.String(),
  issuedAt: DateTime,
  validUntil: NullableDateTime,
  status: Type.String(),
  revokedAt: NullableDateTime,
  revocationReason: NullableString,
});

const ExportNotification = Type.Object({
  kind: Type.String(),
  title: Type.String(),
  body: Type.String(),
  link: NullableString,
  createdAt: DateTime,
  readAt: NullableDateTime,
});

const ExportAuditEntry = Type.Object({
  at: DateTime,
  action: Type.String(),
  entityType: Type.String(),
  entityId: NullableString,
  /** Whether the person did it themselves (otherwise staff or the platform did). */
  byYou: Type.Boolean(),
  details: Type.Record(Type.String(), Type.Unknown()),
  /** The address the person acted from; not shown for others' actions. */
  ip: NullableString,
});

/** The talent profile, its skills and applications (talent/). */
export const ExportTalent = Type.Object({
  headline: Type.String(),
  provinceCode: Type.Union([Type.String(), Type.Null()]),
  relocate: Type.Boolean(),
  workInJapan: Type.Boolean(),
  jlpt: Type.Union([Type.String(), Type.Null()]),
  jftBasic: Type.Boolean(),
  education: Type.Array(Type.Record(Type.String(), Type.Unknown())),
  experience: Type.Array(Type.Record(Type.String(), Type.Unknown())),
  languages: Type.Array(Type.Record(Type.String(), Type.Unknown())),
  cvFile: Type.Union([Type.String(), Type.Null()]),
  skills: Type.Array(Type.Object({ skill: Type.String(), level: Type.Integer(), source: Type.String() })),
  updatedAt: DateTime,
});
export const ExportApplication = Type.Object({
  id: Uuid,
  job: Type.String(),
  employer: Type.String(),
  status: Type.String(),
  note: Type.String(),
  appliedAt: DateTime,
  updatedAt: DateTime,
});

/** A participation in an event (events/): registered ahead or walked in; attended when checked in. */
export const ExportEvent = Type.Object({
  id: Uuid,
  event: Type.String(),
  organiser: Type.String(),
  startsAt: DateTime,
  endsAt: DateTime,
  online: Type.Boolean(),
  province: NullableString,
  registeredAt: DateTime,
  walkIn: Type.Boolean(),
  checkedInAt: NullableDateTime,
  /** The year of birth given at registration without a full date. */
  birthYear: Type.Union([Type.Integer(), Type.Null()]),
});

export const PersonalDataExport = Type.Object({
  format: Type.Literal('nhanluc-personal-data'),
  version: Type.Literal(1),
  generatedAt: DateTime,
  language: LocaleSchema,
  account: ExportAccount,
  person: Type.Union([ExportPerson, Type.Null()]),
  enrolments: Type.Array(ExportEnrolment),
  attendance: Type.Array(ExportAttendance),
  lessonProgress: Type.Array(ExportProgress),
  quizAttempts: Type.Array(ExportQuizAttempt),
  credentials: Type.Array(ExportCredential),
  talentProfile: Type.Union([ExportTalent, Type.Null()]),
  applications: Type.Array(ExportApplication),
  events: Type.Array(ExportEvent),
  consents: Type.Object({
    current: Type.Array(
      Type.Object({
        ...ConsentState.properties,
        title: Type.String(),
        /** The words in force, in the export's language. */
        wording: Type.String(),
      }),
    ),
    history: Type.Array(ConsentRecord),
  }),
  notifications: Type.Array(ExportNotification),
  audit: Type.Array(ExportAuditEntry),
});
export type PersonalDataExportT = Static<typeof PersonalDataExport>;
