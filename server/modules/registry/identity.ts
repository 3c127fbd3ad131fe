/**
 * Identity fields of the people registry as partners' rosters write them, turned into one canonical
 * form each so that records can be compared by equality: phone numbers, e-mail addresses, the
 * citizen identity card number (CCCD), dates of birth and sex. Pure functions, no I/O; hashing the
 * CCCD (it is never stored in clear) is the import's business, not this file's.
 *
 * Every parser answers null (or `{ ok: false }`) rather than guessing: a wrong value that looks right
 * merges two people, a missing value only costs a match.
 */
import { foldVi } from '../../../common/text';

/** Nobody alive was born earlier; older years in a roster are typing errors. */
const MIN_YEAR = 1900;

// ── Phones ───────────────────────────────────────────────────────────────────────────────────────

/** What people put around the digits of a phone number: spaces, dots, dashes, parentheses. */
const PHONE_DECORATION = /[\s.\-()\u00a0]/gu;
/** National significant numbers of Vietnamese mobiles: 9 digits, the first being 3, 5, 7, 8 or 9. */
const VN_MOBILE = /^[35789]\d{8}$/u;

/**
 * A Vietnamese mobile number as `+84` and its 9 national digits, from `0912 345 678`, `+84 912.345.678`,
 * `84912345678`, `(+84) 0912-345-678` (the trunk 0 written after the country code is dropped) or
 * `912345678` (a spreadsheet cell stored as a number loses its leading 0: rosters are full of them).
 * Null for anything else: landlines (02x), short codes, foreign numbers, letters.
 *
 * Hand-written rather than libphonenumber: we need one country's mobiles only, and a stricter answer
 * (mobile or nothing) than a general library gives.
 */
export function normalisePhone(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const compact = raw.replace(PHONE_DECORATION, '');
  if (!/^\+?\d+$/u.test(compact)) return null;
  const digits = compact.replace(/^\+/u, '');
  const national = nationalDigits(digits, compact.startsWith('+'));
  return national !== null && VN_MOBILE.test(national) ? `+84${national}` : null;
}

function nationalDigits(digits: string, international: boolean): string | null {
  if (digits.startsWith('0084')) return nationalDigits(digits.slice(2), true);
  if (digits.startsWith('84') && (international || digits.length === 11 || digits.length === 12)) {
    const rest = digits.slice(2);
    return rest.length === 10 && rest.startsWith('0') ? rest.slice(1) : rest;
  }
  if (international) return null;
  if (digits.length === 10 && digits.startsWith('0')) return digits.slice(1);
  if (digits.length === 9) return digits;
  return null;
}

// ── E-mail ───────────────────────────────────────────────────────────────────────────────────────

/** Deliberately loose (one @, a dot in the domain, no spaces): the address is compared, not mailed. */
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/u;

/** Trimmed and lower-cased (providers treat the local part case-insensitively in practice), or null. */
export function normaliseEmail(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const email = raw
    .trim()
    .replace(/^mailto:/iu, '')
    .toLowerCase();
  return EMAIL.test(email) ? email : null;
}

// ── Citizen identity card (CCCD) ─────────────────────────────────────────────────────────────────

/**
 * Province-of-birth codes of the Ministry of Public Security for the 63 former provinces (the
 * statistics office's province code with a leading 0). Cards keep the code they were issued with, so
 * the 2025 merger of provinces does not change this list.
 */
export const CCCD_PROVINCE_CODES: ReadonlySet<string> = new Set(
  (
    '001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 034 035 036 ' +
    '037 038 040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 067 068 070 072 074 075 ' +
    '077 079 080 082 083 084 086 087 089 091 092 093 094 095 096'
  ).split(' '),
);

/** 4th digit → century of birth; even digits are men, odd digits women. */
const CENTURY_BY_DIGIT = [1900, 1900, 2000, 2000, 2100, 2100, 2200, 2200, 1800, 1800] as const;

export type NationalIdProblem = 'format' | 'province' | 'birthYear';

export type NationalIdResult =
  | { ok: true; value: string; provinceCode: string; sex: 'M' | 'F'; birthYear: number }
  | { ok: false; reason: NationalIdProblem };

/**
 * Reads a 12-digit CCCD: `format` unless exactly 12 digits once spaces are removed, `province` when
 * the first three digits are not a province code, `birthYear` when the encoded year is before 1900 or
 * after `today` (a card cannot be issued before birth; nobody alive was born in the 1800s).
 */
export function parseNationalId(
  raw: string | null | undefined,
  today: string = todayIso(),
): NationalIdResult {
  const value = (raw ?? '').replace(/\s+/gu, '');
  if (!/^\d{12}$/u.test(value)) return { ok: false, reason: 'format' };
  const provinceCode = value.slice(0, 3);
  if (!CCCD_PROVINCE_CODES.has(provinceCode)) return { ok: false, reason: 'province' };
  const digit = Number(value[3]);
  const birthYear = (CENTURY_BY_DIGIT[digit] as number) + Number(value.slice(4, 6));
  if (birthYear < MIN_YEAR || birthYear > Number(today.slice(0, 4)))
    return { ok: false, reason: 'birthYear' };
  return { ok: true, value, provinceCode, sex: digit % 2 === 0 ? 'M' : 'F', birthYear };
}

export type NationalIdConflict = NationalIdProblem | 'sex' | 'dateOfBirth';

/**
 * Why a CCCD cannot belong to a person of this sex and date of birth (an "impossible CCCD" of the
 * import report): its own problems, then `sex` and `dateOfBirth` (the year only: the card encodes no
 * more). Unknown facts (null, sex X) contradict nothing. Empty when consistent.
 */
export function nationalIdConflicts(
  id: string,
  facts: { sex?: Sex | null; dateOfBirth?: string | null },
  today: string = todayIso(),
): NationalIdConflict[] {
  const parsed = parseNationalId(id, today);
  if (!parsed.ok) return [parsed.reason];
  const conflicts: NationalIdConflict[] = [];
  if ((facts.sex === 'F' || facts.sex === 'M') && facts.sex !== parsed.sex) conflicts.push('sex');
  if (facts.dateOfBirth && Number(facts.dateOfBirth.slice(0, 4)) !== parsed.birthYear)
    conflicts.push('dateOfBirth');
  return conflicts;
}

/** True when the CCCD is well formed and contradicts neither the sex nor the birth year given. */
export function nationalIdConsistent(
  id: string,
  facts: { sex?: Sex | null; dateOfBirth?: string | null },
  today: string = todayIso(),
): boolean {
  return nationalIdConflicts(id, facts, today).length === 0;
}

// ── Dates ────────────────────────────────────────────────────────────────────────────────────────

/** Excel's day 0 (1899-12-30, which absorbs Lotus's phantom 29 Feb 1900) in ms since the epoch. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
const EXCEL_MAX_SERIAL = 60_000;

/** Today in Vietnam as `YYYY-MM-DD`: birth dates are Vietnamese calendar dates, not UTC ones. */
export function todayIso(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The ISO date of a calendar day, or null when the day does not exist (31/02) or is out of range. */
function isoDate(year: number, month: number, day: number, today: string): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  const iso = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  return year >= MIN_YEAR && iso <= today ? iso : null;
}

function fromExcelSerial(serial: number, today: string): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > EXCEL_MAX_SERIAL) return null;
  const d = new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), today);
}

/**
 * A date of birth as ISO `YYYY-MM-DD`, from `YYYY-MM-DD`, `DD/MM/YYYY`, `D/M/YYYY`, `DD-MM-YYYY`,
 * `DD.MM.YYYY` (day first, as Vietnam writes dates: 03/04/2000 is the 3rd of April), an Excel serial
 * number (a number, or a 5-digit string as a CSV export of a date cell gives; 4 digits are read as a
 * bare year and refused) or a Date (spreadsheet readers give UTC midnight). Null for a day that does
 * not exist, a year before 1900 or a date after `today`.
 */
export function parseDate(
  raw: string | number | Date | null | undefined,
  today: string = todayIso(),
): string | null {
  if (raw === null || raw === undefined) return null;
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return null;
    return isoDate(raw.getUTCFullYear(), raw.getUTCMonth() + 1, raw.getUTCDate(), today);
  }
  if (typeof raw === 'number') return fromExcelSerial(raw, today);
  const s = raw.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/u.exec(s);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]), today);
  const dayFirst = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/u.exec(s);
  if (dayFirst) return isoDate(Number(dayFirst[4]), Number(dayFirst[3]), Number(dayFirst[1]), today);
  if (/^\d{5}(\.\d+)?$/u.test(s)) return fromExcelSerial(Number(s), today);
  return null;
}

// ── Sex ──────────────────────────────────────────────────────────────────────────────────────────

export type Sex = 'F' | 'M' | 'X';

/** Folded spellings (foldVi: no accents, lower case) of each answer, in Vietnamese and English. */
const SEX_WORDS: ReadonlyMap<string, Sex> = new Map<string, Sex>([
  ['f', 'F'],
  ['nu', 'F'],
  ['female', 'F'],
  ['m', 'M'],
  ['nam', 'M'],
  ['male', 'M'],
  ['x', 'X'],
  ['khac', 'X'],
  ['other', 'X'],
]);

/** 'F', 'M' or 'X' from F/M/X, Nữ/Nam/Khác (any case, accents or not), female/male/other; else null. */
export function parseSex(raw: string | null | undefined): Sex | null {
  if (raw === null || raw === undefined) return null;
  return SEX_WORDS.get(foldVi(raw)) ?? null;
}
