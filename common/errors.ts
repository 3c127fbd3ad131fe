/**
 * Stable error codes shared by server and web. The code is the contract; the message a user reads is
 * looked up by code in the i18n files (`errors.<code>`), so it is always in the user's language.
 * One table maps each code to its HTTP status.
 */
export const errorStatus = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  EMAIL_TAKEN: 409,
  ROLE_ALREADY_GRANTED: 409,
  SLUG_TAKEN: 409,
  WEAK_PASSWORD: 422,
  WRONG_PASSWORD: 422,
  INVALID_RESET_TOKEN: 422,
  ROLE_NEEDS_ORGANISATION: 422,
  ROLE_NOT_FOR_ORGANISATION_KIND: 422,
  LAST_PLATFORM_ADMIN: 422,
  CANNOT_DISABLE_SELF: 422,
  ACCOUNT_LOCKED: 423,
  ACCOUNT_DISABLED: 403,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
  // quizzes
  QUESTION_IN_USE: 409,
  QUIZ_IN_USE: 409,
  QUIZ_NOT_ENROLLED: 403,
  QUIZ_ATTEMPTS_EXHAUSTED: 409,
  QUIZ_ATTEMPT_CLOSED: 409,
  QUIZ_TIME_UP: 409,
  QUIZ_NOT_SUBMITTED: 409,
  QUIZ_NO_QUESTIONS: 422,
  GIFT_INVALID: 422,
  GIFT_EMPTY: 422,
  GIFT_NOT_TEXT: 422,
  // cohorts and enrolment
  COHORT_CODE_TAKEN: 409,
  COHORT_HAS_ENROLMENTS: 409,
  SESSION_HAS_ATTENDANCE: 409,
  COURSE_NOT_OPEN: 422,
  COHORT_NOT_OPEN: 422,
  COHORT_FULL: 409,
  ALREADY_ENROLLED: 409,
  PREREQUISITES_MISSING: 422,
  ENROLMENT_NOT_ACTIVE: 422,
  TRANSFER_NOT_ALLOWED: 422,
  LESSON_IS_QUIZ: 422,
  // credentials
  CREDENTIAL_NOT_EARNED: 422,
  CREDENTIAL_ALREADY_REVOKED: 409,
  // catalog and files
  COURSE_SLUG_TAKEN: 409,
  COURSE_SLUG_FROZEN: 422,
  COURSE_NEEDS_PUBLISHED_LESSON: 422,
  LESSON_INCOMPLETE: 422,
  MODULE_NOT_EMPTY: 409,
  LESSON_HAS_PROGRESS: 409,
  OUTLINE_MISMATCH: 409,
  NOT_ENROLLED: 403,
  FILE_REQUIRED: 400,
  FILE_TYPE_NOT_ALLOWED: 415,
  // privacy (consent and data rights)
  CONSENT_WORDING_OUTDATED: 409,
  ERASURE_WRONG_PASSWORD: 403,
  // registry (roster imports)
  ROSTER_IMPORT_DONE: 409,
  ROSTER_IMPORT_REFUSED: 422,
  ROSTER_HAS_ERRORS: 422,
  // registry (review of likely duplicates, merges)
  DUPLICATE_PAIR_DECIDED: 409,
  MERGE_TWO_ACCOUNTS: 422,
  MERGE_PERSON_UNAVAILABLE: 409,
  MERGE_ALREADY_UNDONE: 409,
  MERGE_UNDO_BLOCKED: 409,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** The one error shape every endpoint returns. `message` is in the user's language. */
export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  /** Field-level problems for VALIDATION_FAILED: JSON pointer of the field → localised message. */
  fields?: Record<string, string>;
}
