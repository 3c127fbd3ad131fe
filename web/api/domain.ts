/**
 * The vocabularies the screens need come from common/domain.ts (plain values, no TypeBox runtime in
 * the browser); the server's contracts and policies use the same file.
 *
 * The learning modules' vocabularies still live beside their schemas in common/contracts (catalog.ts
 * says so), which the browser must not import at run time. Until they move to common/domain.ts they
 * are mirrored here, and `Same<…>` makes the build fail the day a copy and its contract differ.
 */
import type {
  AttendanceStatus,
  CatalogSort,
  CourseLevel,
  CourseStatus,
  CourseTopic,
  CredentialStatus,
  DeliveryMode,
  EnrolmentStatus,
  IssuedSort,
  JobSort,
  LessonKind,
  QuestionKind,
  RevocationReason,
  VerificationCheck,
} from './types';

export {
  isOrganisationKind,
  isRole,
  organisationAdminRoles,
  organisationKinds,
  organisationSorts,
  PASSWORD_MIN,
  roleOrganisationKinds,
  roles,
  userSorts,
} from '../../common/domain';

/** `true` only when the two unions hold exactly the same members. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;

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
export const catalogSorts = ['relevance', 'title', '-publishedAt'] as const;
export const attendanceStatuses = ['present', 'absent', 'excused'] as const;
export const enrolmentStatuses = ['waitlisted', 'enrolled', 'completed', 'withdrawn', 'transferred'] as const;
export const questionKinds = ['single', 'multiple', 'true_false', 'short_answer', 'numeric'] as const;
export const credentialStatuses = ['active', 'revoked', 'expired'] as const;
export const verificationChecks = ['format', 'issuer', 'signature', 'validity', 'status'] as const;
export const revocationReasons = [
  'issued_in_error',
  'superseded',
  'requirements_not_met',
  'holder_request',
  'other',
] as const;
export const issuedSorts = ['-issuedAt', 'issuedAt', 'learnerName', '-learnerName'] as const;
export const locales = ['vi', 'en', 'ja'] as const;
/** Largest upload the server accepts (catalog contract: MAX_UPLOAD_BYTES). */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

/** Compile-time only: each mirrored list equals its contract's. */
export type VocabularyChecks = [
  Assert<Same<(typeof courseTopics)[number], CourseTopic>>,
  Assert<Same<(typeof courseLevels)[number], CourseLevel>>,
  Assert<Same<(typeof deliveryModes)[number], DeliveryMode>>,
  Assert<Same<(typeof courseStatuses)[number], CourseStatus>>,
  Assert<Same<(typeof lessonKinds)[number], LessonKind>>,
  Assert<Same<(typeof catalogSorts)[number], CatalogSort>>,
  Assert<Same<(typeof attendanceStatuses)[number], AttendanceStatus>>,
  Assert<Same<(typeof enrolmentStatuses)[number], EnrolmentStatus>>,
  Assert<Same<(typeof questionKinds)[number], QuestionKind>>,
  Assert<Same<(typeof credentialStatuses)[number], CredentialStatus>>,
  Assert<Same<(typeof verificationChecks)[number], VerificationCheck>>,
  Assert<Same<(typeof revocationReasons)[number], RevocationReason>>,
  Assert<Same<(typeof issuedSorts)[number], IssuedSort>>,
  Assert<Same<(typeof jobSorts)[number], JobSort>>,
];

const member =
  <T extends string>(list: readonly T[]) =>
  (v: unknown): v is T =>
    typeof v === 'string' && (list as readonly string[]).includes(v);

export const isCourseTopic = member(courseTopics);
export const isCourseLevel = member(courseLevels);
export const isDeliveryMode = member(deliveryModes);
export const isCatalogSort = member(catalogSorts);
export const isLocaleCode = member(locales);
export const isCredentialStatus = member(credentialStatuses);
export const isIssuedSort = member(issuedSorts);

/** Job sorts (contract: talent.jobSorts). The talent vocabularies themselves are imported from
 * common/talent.ts by the lazy jobs pages, so they stay out of the first load. */
export const jobSorts = ['-createdAt', 'closesOn', 'title'] as const;
export const isJobSort = member(jobSorts);
