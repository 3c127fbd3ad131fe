/**
 * Checks every row of a roster and reports each problem by row and column, as codes the web turns
 * into sentences in the user's language (`problemMessage`). Pure: what needs the database (does this
 * cohort exist? which province is "Hà Tây"?) is asked through a `RowContext` the caller passes in, so
 * the import use case answers from the database and tests answer from a list.
 *
 * Rows are handed one by one to `onRow` and then forgotten: only the keys that detect duplicates inside
 * the file (national ID, phone, folded name + date of birth → first row) stay in memory.
 */
import { canonicalVi, foldVi } from '../../../../common/text';
import {
  nationalIdConflicts,
  normaliseEmail,
  normalisePhone,
  parseDate,
  parseNationalId,
  parseSex,
  type Sex,
  todayIso,
} from '../identity';
import {
  columnLetter,
  type FileProblem,
  type HeaderMapping,
  mapHeader,
  type RosterColumn,
  type RowProblem,
  type RowProblemCode,
} from './columns';
import {
  type Cell,
  openRoster,
  type RawRow,
  RosterFileError,
  type RosterLimits,
  type RosterSource,
} from './read';

/** What validation asks of the world; each answer may be a promise (a database lookup). */
export interface RowContext {
  /** Whether a cohort with this code exists (and, for the import, belongs to the uploading partner). */
  cohortExists(code: string): boolean | Promise<boolean>;
  /** The code of the current province meant by a name (current or former, any accents) or code. */
  resolveProvince(input: string): string | null | Promise<string | null>;
}

export type Role = 'learner' | 'trainer';
export type EnrolmentStatus = 'enrolled' | 'completed' | 'withdrawn';

/** A row that passed every check, in canonical form, ready for the import. */
export interface RosterRecord {
  fullName: string;
  sex: Sex | null;
  /** ISO `YYYY-MM-DD`. */
  dateOfBirth: string | null;
  /** 12 digits, in clear: hashing it is the import's business. */
  nationalId: string | null;
  /** `+84…`. */
  phone: string | null;
  email: string | null;
  provinceCode: string | null;
  /** As written (canonical spelling): resolving it needs the province, which is the import's. */
  commune: string | null;
  /** Sensitive: null when not said. */
  disability: boolean | null;
  cohortCode: string;
  role: Role;
  status: EnrolmentStatus;
  completedOn: string | null;
}

export interface RosterRow {
  row: number;
  /** The cells as read, for a file of rejected rows. */
  cells: readonly Cell[];
  /** Null when the row has a problem. */
  record: RosterRecord | null;
  problems: RowProblem[];
}

/** A cell longer than this is not a name, an address or a code: refused rather than stored. */
export const MAX_CELL_CHARS = 500;
/** Problems kept in the report; the rest are counted (a garbage file could have millions). */
export const MAX_REPORTED_PROBLEMS = 5_000;
/** `onProgress` is called after this many rows (and at the end). */
export const PROGRESS_EVERY_ROWS = 1_000;
/** Distinct cohort codes and province names whose answers are remembered during one file. */
export const MAX_LOOKUP_CACHE = 10_000;

// ── Words ────────────────────────────────────────────────────────────────────────────────────────

/** Folded (foldVi) spellings of each answer in Vietnamese, English and Japanese. */
const ROLE_WORDS: ReadonlyMap<string, Role> = wordMap<Role>({
  learner: ['learner', 'student', 'trainee', 'hoc vien', 'hv', 'nguoi hoc', '受講者', '学習者', '研修生'],
  trainer: ['trainer', 'teacher', 'instructor', 'lecturer', 'giang vien', 'gv', 'giao vien', '講師'],
});

const STATUS_WORDS: ReadonlyMap<string, EnrolmentStatus> = wordMap<EnrolmentStatus>({
  enrolled: ['enrolled', 'studying', 'in progress', 'dang hoc', '受講中'],
  completed: ['completed', 'complete', 'finished', 'hoan thanh', 'da hoan thanh', '修了'],
  withdrawn: ['withdrawn', 'dropped', 'dropped out', 'rut lui', 'bo hoc', 'thoi hoc', '辞退', '中退'],
});

/** "x" is how many Vietnamese spreadsheets tick a box. */
const YES_NO: ReadonlyMap<string, boolean> = new Map([
  ...['yes', 'y', 'true', '1', 'x', 'co', 'はい', 'あり'].map((w) => [w, true] as const),
  ...['no', 'n', 'false', '0', 'khong', 'k', 'いいえ', 'なし'].map((w) => [w, false] as const),
]);

/** identity.parseSex knows Vietnamese and English; the Japanese template writes these. */
const JA_SEX: ReadonlyMap<string, Sex> = new Map<string, Sex>([
  ['女', 'F'],
  ['女性', 'F'],
  ['男', 'M'],
  ['男性', 'M'],
  ['その他', 'X'],
]);

function wordMap<T extends string>(words: Record<T, readonly string[]>): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const [value, spellings] of Object.entries(words) as [T, readonly string[]][])
    for (const spelling of spellings) map.set(foldVi(spelling), value);
  return map;
}

// ── Cells ────────────────────────────────────────────────────────────────────────────────────────

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A cell as the text a user would type: numbers without exponent, dates as YYYY-MM-DD. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  if (cell instanceof Date)
    return `${cell.getUTCFullYear()}-${pad2(cell.getUTCMonth() + 1)}-${pad2(cell.getUTCDate())}`;
  return Number.isInteger(cell) ? cell.toFixed(0) : String(cell);
}

/** Any day parseDate accepts, so "valid but after today" can be told from "not a date". */
const FAR_FUTURE = '9999-12-31';

type DateCheck = { ok: true; iso: string } | { ok: false; code: 'badDate' | 'futureDate' };

/**
 * A date cell: a date (XLSX), an Excel serial number or text. A whole number between 1900 and 2100 is
 * a year typed into a number cell, not a serial (which would read as a day of 1905): refused.
 */
function checkDate(cell: Cell, today: string): DateCheck {
  if (typeof cell === 'boolean' || cell === null) return { ok: false, code: 'badDate' };
  if (typeof cell === 'number' && Number.isInteger(cell) && cell >= 1900 && cell <= 2100)
    return { ok: false, code: 'badDate' };
  const raw = typeof cell === 'string' ? cell.trim() : cell;
  const iso = parseDate(raw, today);
  if (iso !== null) return { ok: true, iso };
  return { ok: false, code: parseDate(raw, FAR_FUTURE) === null ? 'badDate' : 'futureDate' };
}

/**
 * A CCCD always starts with 0 (province codes run 001–096), so 10 or 11 digits are a card number
 * whose leading zeros a spreadsheet dropped when it took the cell for a number.
 */
function nationalIdText(cell: Cell): string {
  const text = cellText(cell).replace(/\s+/gu, '');
  return /^\d{10,11}$/u.test(text) ? text.padStart(12, '0') : text;
}

/** Remembers answers for one file: a roster names the same few cohorts and provinces thousands of times. */
function memo<T>(lookup: (key: string) => T | Promise<T>): (key: string) => Promise<T> {
  const cache = new Map<string, T>();
  return async (key) => {
    if (cache.has(key)) return cache.get(key) as T;
    const answer = await lookup(key);
    if (cache.size >= MAX_LOOKUP_CACHE) cache.clear();
    cache.set(key, answer);
    return answer;
  };
}

// ── One row ──────────────────────────────────────────────────────────────────────────────────────

export interface ValidatorOptions {
  /** Today in Vietnam (ISO); dates after it are refused. */
  today?: string;
}

/**
 * A function that checks rows one after the other, remembering what it needs to find duplicates of
 * earlier rows. Build one per file.
 */
export function createRowValidator(
  mapping: HeaderMapping,
  context: RowContext,
  options: ValidatorOptions = {},
): (raw: RawRow) => Promise<RosterRow> {
  const today = options.today ?? todayIso();
  const cohortExists = memo((code) => context.cohortExists(code));
  const resolveProvince = memo((input) => context.resolveProvince(input));
  const seen = {
    nationalId: new Map<string, number>(),
    phone: new Map<string, number>(),
    person: new Map<string, number>(),
  };

  return async (raw) => {
    const problems: RowProblem[] = [];
    const problem = (column: RosterColumn, code: RowProblemCode, extra: Partial<RowProblem> = {}) =>
      problems.push({ row: raw.row, column, code, ...extra });
    const cells = readCells(raw, mapping, problem);
    const text = (column: RosterColumn) => cellText(cells.get(column));

    const fullName = canonicalVi(text('full_name'));
    if (fullName === '' && !cells.has('full_name')) problem('full_name', 'required');

    const sex = checkSex(text('sex'), problem);
    const dateOfBirth = checkDateColumn('date_of_birth', cells, today, problem);
    const nationalId = checkNationalId(
      cells.get('national_id') ?? null,
      { sex, dateOfBirth },
      today,
      problem,
    );
    const phone = checkWith(text('phone'), normalisePhone, () =>
      problem('phone', 'badPhone', { value: text('phone') }),
    );
    const email = checkWith(text('email'), normaliseEmail, () =>
      problem('email', 'badEmail', { value: text('email') }),
    );
    const provinceInput = text('province');
    const provinceCode = provinceInput === '' ? null : await resolveProvince(provinceInput);
    if (provinceInput !== '' && provinceCode === null)
      problem('province', 'unknownProvince', { value: provinceInput });
    const disability = checkDisability(cells.get('disability') ?? null, problem);

    const cohortCode = text('cohort_code');
    if (cohortCode === '' && !cells.has('cohort_code')) problem('cohort_code', 'required');
    else if (cohortCode !== '' && !(await cohortExists(cohortCode)))
      problem('cohort_code', 'unknownCohort', { value: cohortCode });

    const role = checkWord(text('role'), ROLE_WORDS, 'learner', () =>
      problem('role', 'unknownRole', { value: text('role') }),
    );
    const status = checkWord(text('status'), STATUS_WORDS, 'enrolled', () =>
      problem('status', 'unknownStatus', { value: text('status') }),
    );
    const completedOn = checkDateColumn('completed_on', cells, today, problem);
    if (status === 'completed' && !cells.has('completed_on')) problem('completed_on', 'completedOnMissing');
    if (completedOn !== null && dateOfBirth !== null && completedOn < dateOfBirth)
      problem('completed_on', 'completedOnBeforeBirth', { value: text('completed_on') });

    const keys = {
      nationalId,
      phone,
      person: fullName !== '' && dateOfBirth ? `${foldVi(fullName)}|${dateOfBirth}` : null,
    };
    checkDuplicates(raw.row, keys, seen, problem, {
      nationalId: nationalId ?? '',
      phone: text('phone'),
      person: fullName,
    });

    const record: RosterRecord | null =
      problems.length > 0 || role === null || status === null
        ? null
        : {
            fullName,
            sex,
            dateOfBirth,
            nationalId,
            phone,
            email,
            provinceCode,
            commune: text('commune') === '' ? null : canonicalVi(text('commune')),
            disability,
            cohortCode,
            role,
            status,
            completedOn,
          };
    return { row: raw.row, cells: raw.cells, record, problems };
  };
}

type ReportProblem = (column: RosterColumn, code: RowProblemCode, extra?: Partial<RowProblem>) => void;

/**
 * The row's non-empty cells by column. A cell too long, or a formula without a value, is reported
 * here and kept as null: the checks below then see no value, and `cells.has` tells them that the
 * cell was not empty, so it is not reported a second time as `required` or `completedOnMissing`.
 */
function readCells(raw: RawRow, mapping: HeaderMapping, problem: ReportProblem): Map<RosterColumn, Cell> {
  const cells = new Map<RosterColumn, Cell>();
  const formulas = new Set(raw.uncomputedFormulas ?? []);
  for (const [index, column] of mapping.columns) {
    const cell = raw.cells[index] ?? null;
    if (formulas.has(index)) {
      problem(column, 'formulaWithoutValue');
      cells.set(column, null);
    } else if (cellText(cell).length > MAX_CELL_CHARS) {
      problem(column, 'valueTooLong', { max: MAX_CELL_CHARS });
      cells.set(column, null);
    } else if (cellText(cell) !== '') cells.set(column, cell);
  }
  return cells;
}

function checkSex(text: string, problem: ReportProblem): Sex | null {
  if (text === '') return null;
  const sex = parseSex(text) ?? JA_SEX.get(text) ?? null;
  if (sex === null) problem('sex', 'unknownSex', { value: text });
  return sex;
}

function checkDateColumn(
  column: 'date_of_birth' | 'completed_on',
  cells: ReadonlyMap<RosterColumn, Cell>,
  today: string,
  problem: ReportProblem,
): string | null {
  const cell = cells.get(column) ?? null;
  if (cell === null) return null;
  const date = checkDate(cell, today);
  if (date.ok) return date.iso;
  problem(column, date.code, { value: cellText(cell) });
  return null;
}

function checkNationalId(
  cell: Cell,
  facts: { sex: Sex | null; dateOfBirth: string | null },
  today: string,
  problem: ReportProblem,
): string | null {
  if (cell === null) return null;
  const value = nationalIdText(cell);
  const parsed = parseNationalId(value, today);
  if (!parsed.ok) {
    const code = (
      { format: 'badNationalId', province: 'nationalIdProvince', birthYear: 'nationalIdBirthYear' } as const
    )[parsed.reason];
    problem('national_id', code, { value: cellText(cell) });
    return null;
  }
  for (const conflict of nationalIdConflicts(parsed.value, facts, today)) {
    if (conflict === 'sex') problem('national_id', 'nationalIdSexConflict', { value: parsed.value });
    if (conflict === 'dateOfBirth')
      problem('national_id', 'nationalIdBirthYearConflict', { value: parsed.value });
  }
  return parsed.value;
}

function checkWith(
  text: string,
  normalise: (raw: string) => string | null,
  onBad: () => void,
): string | null {
  if (text === '') return null;
  const value = normalise(text);
  if (value === null) onBad();
  return value;
}

function checkDisability(cell: Cell, problem: ReportProblem): boolean | null {
  if (cell === null) return null;
  if (typeof cell === 'boolean') return cell;
  const answer = YES_NO.get(foldVi(cellText(cell)));
  // The value is not echoed: whatever was written there may describe a person's health.
  if (answer === undefined) problem('disability', 'unknownDisability');
  return answer ?? null;
}

function checkWord<T>(
  text: string,
  words: ReadonlyMap<string, T>,
  empty: T,
  onUnknown: () => void,
): T | null {
  if (text === '') return empty;
  const value = words.get(foldVi(text));
  if (value === undefined) onUnknown();
  return value ?? null;
}

type DuplicateKey = 'nationalId' | 'phone' | 'person';
const DUPLICATE: Record<DuplicateKey, { column: RosterColumn; code: RowProblemCode }> = {
  nationalId: { column: 'national_id', code: 'duplicateNationalId' },
  phone: { column: 'phone', code: 'duplicatePhone' },
  person: { column: 'full_name', code: 'duplicatePerson' },
};

/** Reports the row when an earlier row had the same key; the first row of each key is remembered. */
function checkDuplicates(
  row: number,
  keys: Record<DuplicateKey, string | null>,
  seen: Record<DuplicateKey, Map<string, number>>,
  problem: ReportProblem,
  shown: Record<DuplicateKey, string>,
): void {
  for (const kind of ['nationalId', 'phone', 'person'] as const) {
    const key = keys[kind];
    if (key === null) continue;
    const firstRow = seen[kind].get(key);
    if (firstRow === undefined) seen[kind].set(key, row);
    else problem(DUPLICATE[kind].column, DUPLICATE[kind].code, { value: shown[kind], firstRow });
  }
}

// ── The file ─────────────────────────────────────────────────────────────────────────────────────

export interface CheckOptions extends ValidatorOptions {
  /** The header, once accepted and before the first row: where a rejected-rows writer is made. */
  onHeader?: (header: HeaderMapping) => void | Promise<void>;
  /** Each row, accepted or not, in order; awaited, so a slow consumer slows the reading down. */
  onRow?: (row: RosterRow) => void | Promise<void>;
  onProgress?: (rowsRead: number, bytesRead?: number) => void;
  limits?: Partial<RosterLimits>;
}

export interface RosterReport {
  format: 'csv' | 'xlsx' | null;
  /** False when a file-level error refused the file: nothing of it may be imported. */
  ok: boolean;
  /** File-level errors and warnings (unknown columns). */
  fileProblems: FileProblem[];
  /** The header as read; null when the file could not be read that far. */
  header: HeaderMapping | null;
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  /** The first MAX_REPORTED_PROBLEMS row problems. */
  problems: RowProblem[];
  problemsOmitted: number;
}

/** The file-level problems of a header: missing and doubled columns (errors), unknown ones (warnings). */
export function headerProblems(mapping: HeaderMapping): FileProblem[] {
  return [
    ...mapping.missing.map((column): FileProblem => ({ code: 'missingColumn', severity: 'error', column })),
    ...mapping.duplicates.map(
      (d): FileProblem => ({
        code: 'duplicateColumn',
        severity: 'error',
        column: d.column,
        letter: columnLetter(d.index),
        otherLetter: columnLetter(d.otherIndex),
      }),
    ),
    ...mapping.unknown.map(
      (u): FileProblem => ({
        code: 'unknownColumn',
        severity: 'warning',
        header: u.header,
        letter: columnLetter(u.index),
      }),
    ),
  ];
}

/**
 * Reads and checks a whole roster. Never throws for a bad file: what is wrong with it is in the
 * report. Errors of `context` or `onRow` (a database down) do propagate.
 */
export async function checkRoster(
  source: RosterSource,
  context: RowContext,
  options: CheckOptions = {},
): Promise<RosterReport> {
  const report: RosterReport = {
    format: null,
    ok: false,
    fileProblems: [],
    header: null,
    rowsRead: 0,
    rowsAccepted: 0,
    rowsRejected: 0,
    problems: [],
    problemsOmitted: 0,
  };
  try {
    const sheet = await openRoster(source, { limits: options.limits ?? {} });
    report.format = sheet.format;
    report.header = mapHeader(sheet.header.cells.map(cellText));
    report.fileProblems.push(...headerProblems(report.header));
    if (report.fileProblems.some((p) => p.severity === 'error')) {
      await sheet.close();
      return report;
    }
    await options.onHeader?.(report.header);
    const validate = createRowValidator(report.header, context, options);
    for await (const raw of sheet.rows) {
      const row = await validate(raw);
      tally(report, row);
      await options.onRow?.(row);
      if (report.rowsRead % PROGRESS_EVERY_ROWS === 0) options.onProgress?.(report.rowsRead, sheet.bytesRead);
    }
    options.onProgress?.(report.rowsRead, sheet.bytesRead);
    report.ok = true;
  } catch (error) {
    if (!(error instanceof RosterFileError)) throw error;
    report.fileProblems.push(error.problem);
  }
  return report;
}

function tally(report: RosterReport, row: RosterRow): void {
  report.rowsRead++;
  if (row.record) report.rowsAccepted++;
  else report.rowsRejected++;
  const room = MAX_REPORTED_PROBLEMS - report.problems.length;
  report.problems.push(...row.problems.slice(0, Math.max(room, 0)));
  report.problemsOmitted += Math.max(row.problems.length - Math.max(room, 0), 0);
}
