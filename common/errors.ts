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
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** The one error shape every endpoint returns. `message` is in the user's language. */
export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  /** Field-level problems for VALIDATION_FAILED: JSON pointer of the field → localised message. */
  fields?: Record<string, string>;
}
