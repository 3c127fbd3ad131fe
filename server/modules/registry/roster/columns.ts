/**
 * The columns of a partner's roster and how their headers are recognised. A header matches a column
 * when its compact key (foldVi: no accents, lower case; then without spaces and punctuation) equals the
 * key of one of the column's names: its canonical name (`date_of_birth`), its label in each template
 * language (messages.{vi,en,ja}.json, so a downloaded template always reads back) and the spellings
 * partners were seen to use. A test checks that no two columns share a key.
 */
import { foldVi } from '../../../../common/text';
import en from './messages.en.json' with { type: 'json' };
import ja from './messages.ja.json' with { type: 'json' };
import vi from './messages.vi.json' with { type: 'json' };

export const ROSTER_COLUMNS = [
  'full_name',
  'sex',
  'date_of_birth',
  'national_id',
  'phone',
  'email',
  'province',
  'commune',
  'disability',
  'cohort_code',
  'role',
  'status',
  'completed_on',
] as const;

export type RosterColumn = (typeof ROSTER_COLUMNS)[number];

export const LOCALES = ['vi', 'en', 'ja'] as const;
export type Locale = (typeof LOCALES)[number];

export type RosterMessages = typeof vi;
/** The texts of each language; en and ja are checked against vi's shape by the compiler. */
export const MESSAGES: Readonly<Record<Locale, RosterMessages>> = { vi, en, ja };

export interface ColumnDefinition {
  /** The file is refused without this column, and a row without a value in it is rejected. */
  required: boolean;
  /** Width in the template, in characters. */
  width: number;
  /** Written as text in the XLSX template, so Excel keeps leading zeros (0912…, 001…). */
  text: boolean;
  /** Spellings besides the canonical name and the template labels. */
  aliases: readonly string[];
}

/**
 * A roster is the list of one partner's trained people and their cohorts: a row without a name or a
 * cohort code says nothing the registry can record, so those two columns are required.
 */
export const COLUMNS: Readonly<Record<RosterColumn, ColumnDefinition>> = {
  full_name: {
    required: true,
    width: 28,
    text: false,
    aliases: ['name', 'họ tên', 'tên', 'họ và tên học viên', 'họ tên học viên'],
  },
  sex: { required: false, width: 10, text: false, aliases: ['gender', 'giới', 'phái'] },
  date_of_birth: {
    required: false,
    width: 14,
    text: false,
    aliases: ['dob', 'birth date', 'birthdate', 'birthday', 'ngày tháng năm sinh', 'năm sinh'],
  },
  national_id: {
    required: false,
    width: 16,
    text: true,
    aliases: [
      'national id',
      'cccd',
      'số căn cước',
      'căn cước',
      'căn cước công dân',
      'số định danh',
      'số định danh cá nhân',
      'cmnd/cccd',
      'citizen id',
      'id number',
    ],
  },
  phone: {
    required: false,
    width: 15,
    text: true,
    aliases: ['phone number', 'mobile', 'telephone', 'tel', 'điện thoại', 'sđt', 'di động'],
  },
  email: { required: false, width: 28, text: false, aliases: ['e-mail', 'email address', 'thư điện tử'] },
  province: {
    required: false,
    width: 18,
    text: false,
    aliases: ['tỉnh', 'tỉnh/thành', 'tỉnh thành', 'thành phố', 'province/city', 'city', '省', '省・市'],
  },
  commune: {
    required: false,
    width: 20,
    text: false,
    aliases: ['xã', 'phường', 'phường/xã', 'xã/phường/đặc khu', 'ward', 'commune/ward'],
  },
  disability: {
    required: false,
    width: 12,
    text: false,
    aliases: ['người khuyết tật', 'disabled', 'has disability'],
  },
  cohort_code: {
    required: true,
    width: 16,
    text: true,
    aliases: ['cohort', 'mã lớp học', 'lớp', 'class code'],
  },
  role: { required: false, width: 14, text: false, aliases: [] },
  status: { required: false, width: 14, text: false, aliases: ['trạng thái học'] },
  completed_on: {
    required: false,
    width: 16,
    text: false,
    aliases: ['completion date', 'date completed', 'completed'],
  },
};

/**
 * Headers of columns that are ours but carry no data: the "problems" column added to a file of
 * rejected rows (so that file can be uploaded again as it is) and the row counter ("STT", số thứ tự)
 * that nearly every Vietnamese spreadsheet starts with.
 */
const PROBLEMS_HEADERS: readonly string[] = [...LOCALES.map((l) => MESSAGES[l].problemsColumn), 'problems'];
const IGNORED_HEADERS: readonly string[] = [...PROBLEMS_HEADERS, 'stt', 'tt', 'no', 'no.', 'số thứ tự'];

/** The key two headers are compared by: "Tỉnh/Thành phố", "tinh thanh pho", "TINH_THANH_PHO" → "tinhthanhpho". */
export function headerKey(header: string): string {
  return foldVi(header).replaceAll(' ', '');
}

function buildHeaderIndex(): ReadonlyMap<string, RosterColumn> {
  const index = new Map<string, RosterColumn>();
  for (const column of ROSTER_COLUMNS) {
    const names = [column, ...LOCALES.map((l) => MESSAGES[l].columns[column]), ...COLUMNS[column].aliases];
    for (const name of names) index.set(headerKey(name), column);
  }
  return index;
}

const HEADER_INDEX = buildHeaderIndex();
const IGNORED_KEYS: ReadonlySet<string> = new Set(IGNORED_HEADERS.map(headerKey));
const PROBLEMS_KEYS: ReadonlySet<string> = new Set(PROBLEMS_HEADERS.map(headerKey));

/** Whether a header is the problems column of a file of rejected rows, in any language. */
export const isProblemsHeader = (header: string) => PROBLEMS_KEYS.has(headerKey(header));

/** Every (key, column) pair, for the test that no key is claimed by two columns. */
export function headerNames(): { column: RosterColumn; key: string }[] {
  return ROSTER_COLUMNS.flatMap((column) =>
    [column, ...LOCALES.map((l) => MESSAGES[l].columns[column]), ...COLUMNS[column].aliases].map((name) => ({
      column,
      key: headerKey(name),
    })),
  );
}

/** The column a header names, 'ignored' for ours without data, or null when unknown. */
export function columnForHeader(header: string): RosterColumn | 'ignored' | null {
  const key = headerKey(header);
  if (key === '') return 'ignored';
  if (IGNORED_KEYS.has(key)) return 'ignored';
  return HEADER_INDEX.get(key) ?? null;
}

/** The spreadsheet letter of a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let letter = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letter = String.fromCharCode(65 + ((n - 1) % 26)) + letter;
  }
  return letter;
}

/** The 0-based index of a spreadsheet letter (A → 0); NaN when not 1–3 letters. */
export function columnIndex(letter: string): number {
  if (!/^[A-Z]{1,3}$/u.test(letter)) return Number.NaN;
  let n = 0;
  for (const ch of letter) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export interface HeaderMapping {
  /** The header row as read, so a file of rejected rows can repeat it. */
  headers: readonly string[];
  /** The column of each cell index that holds roster data. */
  columns: ReadonlyMap<number, RosterColumn>;
  /** Cell indices of headers that are ours without data (problems, STT) or empty. */
  ignored: readonly number[];
  unknown: readonly { index: number; header: string }[];
  missing: readonly RosterColumn[];
  /** A field named by two headers: which one is meant cannot be guessed. */
  duplicates: readonly { column: RosterColumn; index: number; otherIndex: number }[];
}

/** Reads a header row: which cell holds which column, and what is unknown, missing or doubled. */
export function mapHeader(headers: readonly string[]): HeaderMapping {
  const columns = new Map<number, RosterColumn>();
  const firstIndex = new Map<RosterColumn, number>();
  const ignored: number[] = [];
  const unknown: { index: number; header: string }[] = [];
  const duplicates: { column: RosterColumn; index: number; otherIndex: number }[] = [];
  headers.forEach((header, index) => {
    const column = columnForHeader(header);
    if (column === 'ignored') ignored.push(index);
    else if (column === null) unknown.push({ index, header: header.trim() });
    else {
      const first = firstIndex.get(column);
      if (first === undefined) {
        firstIndex.set(column, index);
        columns.set(index, column);
      } else duplicates.push({ column, index: first, otherIndex: index });
    }
  });
  const missing = ROSTER_COLUMNS.filter((c) => COLUMNS[c].required && !firstIndex.has(c));
  return { headers, columns, ignored, unknown, missing, duplicates };
}

// ── Problems and their messages ──────────────────────────────────────────────────────────────────

/** What can be wrong with one row; the message of each is `problems.<code>` in messages.*.json. */
export const ROW_PROBLEM_CODES = [
  'required',
  'badDate',
  'futureDate',
  'badNationalId',
  'nationalIdProvince',
  'nationalIdBirthYear',
  'nationalIdSexConflict',
  'nationalIdBirthYearConflict',
  'badPhone',
  'badEmail',
  'unknownSex',
  'unknownProvince',
  'unknownCohort',
  'unknownRole',
  'unknownStatus',
  'unknownDisability',
  'completedOnMissing',
  'completedOnBeforeBirth',
  'duplicateNationalId',
  'duplicatePhone',
  'duplicatePerson',
  'valueTooLong',
  'formulaWithoutValue',
] as const;
export type RowProblemCode = (typeof ROW_PROBLEM_CODES)[number];

/** What can be wrong with the whole file; all are errors but `unknownColumn`, a warning. */
export const FILE_PROBLEM_CODES = [
  'fileTooLarge',
  'unsupportedFormat',
  'legacyExcel',
  'notUtf8',
  'malformedCsv',
  'malformedXlsx',
  'unpackedTooLarge',
  'tooManyRows',
  'tooManyColumns',
  'rowTooLarge',
  'emptyFile',
  'missingColumn',
  'duplicateColumn',
  'unknownColumn',
] as const;
export type FileProblemCode = (typeof FILE_PROBLEM_CODES)[number];

/**
 * One problem of one row, as a code and its parameters so that the message is written in the reader's
 * language: `{ row: 7, column: 'date_of_birth', code: 'badDate', value: '31/02/1999' }`. `row` is the
 * row number Excel shows (the header is row 1).
 */
export interface RowProblem {
  row: number;
  column: RosterColumn;
  code: RowProblemCode;
  /** The cell as written; never given for `disability` (health data is not echoed back). */
  value?: string;
  /** For duplicates: the earlier row holding the same person. */
  firstRow?: number;
  /** For `valueTooLong`: the limit. */
  max?: number;
}

export interface FileProblem {
  code: FileProblemCode;
  severity: 'error' | 'warning';
  row?: number;
  column?: RosterColumn;
  /** The header as written, for `unknownColumn`. */
  header?: string;
  /** Spreadsheet letters of the column(s) concerned. */
  letter?: string;
  otherLetter?: string;
  /** The limit that was exceeded (MB for sizes). */
  max?: number;
}

export type RosterProblem = RowProblem | FileProblem;

/** The message of a problem in `locale`, its `{{param}}` placeholders filled in. */
export function problemMessage(locale: Locale, problem: RosterProblem): string {
  const messages = MESSAGES[locale];
  const params: Record<string, string | number | undefined> = {
    ...problem,
    column: problem.column === undefined ? undefined : messages.columns[problem.column],
  };
  return messages.problems[problem.code].replace(/\{\{(\w+)\}\}/gu, (_, name: string) =>
    String(params[name] ?? ''),
  );
}
