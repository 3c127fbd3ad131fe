/**
 * Events and outreach (issue 6): the fixed vocabularies as plain values (no schema library), for the
 * contract, the server's rules and the web's labels and forms.
 */

/** What an event is about: the outreach of the sources (4IR careers, women in AI, digital education). */
export const eventTopics = ['4ir_careers', 'women_in_ai', 'digital_education', 'other'] as const;
export type EventTopic = (typeof eventTopics)[number];

/** `closed`: no more registrations, check-in still open; `cancelled`: neither. */
export const eventStatuses = ['open', 'closed', 'cancelled'] as const;
export type EventStatus = (typeof eventStatuses)[number];

/** Which events a list shows by time: not yet ended, ended, or all. */
export const eventWhens = ['upcoming', 'past', 'all'] as const;
export type EventWhen = (typeof eventWhens)[number];

export const eventSorts = ['startsAt', '-startsAt', 'title', '-title', 'createdAt', '-createdAt'] as const;
export type EventSort = (typeof eventSorts)[number];

/** A participant's attendance, for the staff list's filter. */
export const participantStates = ['registered', 'checked_in', 'not_checked_in', 'walk_in'] as const;
export type ParticipantState = (typeof participantStates)[number];

export const participantSorts = [
  'name',
  '-name',
  'registeredAt',
  '-registeredAt',
  'checkedInAt',
  '-checkedInAt',
] as const;
export type ParticipantSort = (typeof participantSorts)[number];

/**
 * The short code printed under a registration's QR code, typed by staff when the camera cannot read
 * it: six characters from an alphabet without look-alikes (no 0/O, 1/I/L), unique within the event.
 */
export const SHORT_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const SHORT_CODE_LENGTH = 6;
export const SHORT_CODE_PATTERN = `^[${SHORT_CODE_ALPHABET}]{${SHORT_CODE_LENGTH}}$`;

/** A typed short code in its stored form: upper case, without spaces or dashes. */
export const normaliseShortCode = (typed: string) => typed.toUpperCase().replace(/[\s-]/g, '');

/** The web path a registration's QR code opens (the staff check-in page); the server prefixes APP_URL. */
export const checkInPath = (token: string) => `/events/check-in/${token}`;
