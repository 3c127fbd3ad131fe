/**
 * Files we give partners: the roster template (XLSX with an instructions sheet, or CSV) in their
 * language, and the file of rejected rows (their own cells and a column of problems in their
 * language) to fix and upload again. Both read back through read.ts unchanged: the headers are the
 * labels columns.ts recognises, and the problems column is one it ignores.
 *
 * CSV: UTF-8 with a BOM (without it Excel reads UTF-8 as the ANSI code page and garbles Vietnamese),
 * `;` for Vietnamese (Excel on a Vietnamese Windows expects it, the decimal separator being a comma),
 * `,` otherwise. A cell that starts with = + - @ gets a leading `'`, so that Excel shows it as text
 * instead of running it as a formula (CSV injection); read.ts removes that `'` again.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  COLUMNS,
  type HeaderMapping,
  isProblemsHeader,
  type Locale,
  MESSAGES,
  problemMessage,
  ROSTER_COLUMNS,
  type RosterColumn,
} from './columns';
import { type Cell, DEFAULT_LIMITS } from './read';
import type { RosterRow } from './validate';

export type RosterFileFormat = 'xlsx' | 'csv';

const CSV_DELIMITER: Record<Locale, ',' | ';'> = { vi: ';', en: ',', ja: ',' };
const DATE_FORMAT: Record<Locale, string> = { vi: 'dd/mm/yyyy', en: 'yyyy-mm-dd', ja: 'yyyy-mm-dd' };
const UTF8_BOM = '\ufeff';
/** Width of the problems column of a file of rejected rows, in characters. */
const PROBLEMS_WIDTH = 60;

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A date as the locale writes it in a CSV: 15/03/1998 in Vietnamese, 1998-03-15 otherwise. */
function dateText(date: Date, locale: Locale): string {
  const [y, m, d] = [date.getUTCFullYear(), pad2(date.getUTCMonth() + 1), pad2(date.getUTCDate())];
  return locale === 'vi' ? `${d}/${m}/${y}` : `${y}-${m}-${d}`;
}

/**
 * The example row: a person whose CCCD agrees with her sex and year of birth (001 = Hà Nội, 1 = a
 * woman born in the 1900s, 98 = 1998), so the template itself passes validation.
 */
function exampleRow(locale: Locale): Record<RosterColumn, Cell> {
  const words = MESSAGES[locale].examples;
  return {
    full_name: words.full_name,
    sex: words.sex,
    date_of_birth: new Date(Date.UTC(1998, 2, 15)),
    national_id: '001198012345',
    phone: '0912345678',
    email: 'lan.nguyen@example.com',
    province: words.province,
    commune: words.commune,
    disability: MESSAGES[locale].template.no,
    cohort_code: 'NIC-AI-2025-01',
    role: words.role,
    status: words.status,
    completed_on: new Date(Date.UTC(2025, 5, 20)),
  };
}

function cellAsText(cell: Cell, locale: Locale): string {
  if (cell === null) return '';
  if (cell instanceof Date) return dateText(cell, locale);
  return String(cell);
}

// ── CSV ──────────────────────────────────────────────────────────────────────────────────────────

const NEEDS_QUOTES = /[",;\r\n]|^\s|\s$/u;
const FORMULA_START = /^[=+\-@\t\r]/u;

/** One CSV field: guarded against formulas, quoted when it must be. */
export function csvField(text: string): string {
  const guarded = FORMULA_START.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

const csvLine = (fields: readonly string[], locale: Locale) =>
  `${fields.map(csvField).join(CSV_DELIMITER[locale])}\r\n`;

// ── The template ─────────────────────────────────────────────────────────────────────────────────

/** The roster template in `locale`: header row, one example row; XLSX adds an instructions sheet. */
export async function rosterTemplate(locale: Locale, format: RosterFileFormat): Promise<Buffer> {
  const labels = ROSTER_COLUMNS.map((c) => MESSAGES[locale].columns[c]);
  const example = exampleRow(locale);
  if (format === 'csv') {
    const values = ROSTER_COLUMNS.map((c) => cellAsText(example[c], locale));
    return Buffer.from(UTF8_BOM + csvLine(labels, locale) + csvLine(values, locale), 'utf8');
  }
  const workbook = new ExcelJS.Workbook();
  addDataSheet(workbook, locale, labels, example);
  addInstructionsSheet(workbook, locale, example);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addDataSheet(
  workbook: ExcelJS.Workbook,
  locale: Locale,
  labels: readonly string[],
  example: Record<RosterColumn, Cell>,
): void {
  const sheet = workbook.addWorksheet(MESSAGES[locale].template.dataSheet, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  // Text columns are formatted as text ('@') so that Excel keeps the leading 0 of what people type.
  sheet.columns = ROSTER_COLUMNS.map((c) => ({
    width: COLUMNS[c].width,
    style: COLUMNS[c].text ? { numFmt: '@' } : {},
  }));
  sheet.addRow(labels).font = { bold: true };
  const row = sheet.addRow(ROSTER_COLUMNS.map((c) => example[c]));
  ROSTER_COLUMNS.forEach((c, i) => {
    if (example[c] instanceof Date) row.getCell(i + 1).numFmt = DATE_FORMAT[locale];
  });
}

function addInstructionsSheet(
  workbook: ExcelJS.Workbook,
  locale: Locale,
  example: Record<RosterColumn, Cell>,
): void {
  const t = MESSAGES[locale].template;
  const sheet = workbook.addWorksheet(t.instructionsSheet);
  sheet.columns = [{ width: 24 }, { width: 10 }, { width: 70 }, { width: 24 }];
  sheet.addRow([t.title]).font = { bold: true, size: 14 };
  sheet.addRow([t.intro.replace('{{maxRows}}', DEFAULT_LIMITS.maxRows.toLocaleString(locale))]);
  sheet.addRow([]);
  sheet.addRow([t.columnHeader, t.requiredHeader, t.formatHeader, t.exampleHeader]).font = { bold: true };
  for (const c of ROSTER_COLUMNS) {
    const row = sheet.addRow([
      MESSAGES[locale].columns[c],
      COLUMNS[c].required ? t.yes : '',
      t.formats[c],
      cellAsText(example[c], locale),
    ]);
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  sheet.addRow([]);
  for (const note of t.notes) sheet.addRow([note]);
}

// ── Rejected rows ────────────────────────────────────────────────────────────────────────────────

export interface RejectedRowsWriter {
  /** Writes the row if it has problems; accepted rows are skipped, so this can be `onRow` itself. */
  add(row: RosterRow): Promise<void>;
  /** Ends the file (and the stream). */
  finish(): Promise<void>;
}

export interface RejectedRowsOptions {
  format: RosterFileFormat;
  locale: Locale;
  /** The header of the uploaded file (RosterReport.header). */
  header: HeaderMapping;
}

/**
 * Writes rejected rows as they come, with the uploaded file's own header and cells (unknown columns
 * too, so nothing the partner wrote is lost) and a last column listing the problems. An old problems
 * column (a file of rejected rows uploaded again) is left out, so they do not pile up.
 */
export function createRejectedRowsWriter(out: Writable, options: RejectedRowsOptions): RejectedRowsWriter {
  const { header, locale } = options;
  const kept = header.headers.map((_, i) => i).filter((i) => !isProblemsHeader(header.headers[i] ?? ''));
  const headers = [...kept.map((i) => header.headers[i] ?? ''), MESSAGES[locale].problemsColumn];
  const problemsText = (row: RosterRow) => row.problems.map((p) => problemMessage(locale, p)).join('\n');
  const cellsOf = (row: RosterRow) => kept.map((i) => row.cells[i] ?? null);
  return options.format === 'csv'
    ? csvRejectedWriter(out, locale, headers, cellsOf, problemsText)
    : xlsxRejectedWriter(out, locale, headers, cellsOf, problemsText);
}

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

function csvRejectedWriter(
  out: Writable,
  locale: Locale,
  headers: readonly string[],
  cellsOf: (row: RosterRow) => Cell[],
  problemsText: (row: RosterRow) => string,
): RejectedRowsWriter {
  const started = write(out, UTF8_BOM + csvLine(headers, locale));
  return {
    async add(row) {
      await started;
      if (row.problems.length === 0) return;
      await write(
        out,
        csvLine([...cellsOf(row).map((c) => cellAsText(c, locale)), problemsText(row)], locale),
      );
    },
    async finish() {
      await started;
      const finished = once(out, 'finish');
      out.end();
      await finished;
    },
  };
}

function xlsxRejectedWriter(
  out: Writable,
  locale: Locale,
  headers: readonly string[],
  cellsOf: (row: RosterRow) => Cell[],
  problemsText: (row: RosterRow) => string,
): RejectedRowsWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(MESSAGES[locale].template.dataSheet, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = headers.map((h, i) => ({
    width: i === headers.length - 1 ? PROBLEMS_WIDTH : Math.max(12, Math.min(h.length + 4, 30)),
  }));
  const headerRow = sheet.addRow(headers);
  headerRow.font = { bold: true };
  headerRow.commit();
  return {
    async add(row) {
      if (row.problems.length === 0) return;
      const cells = cellsOf(row);
      const written = sheet.addRow([...cells, problemsText(row)]);
      cells.forEach((cell, i) => {
        if (cell instanceof Date) written.getCell(i + 1).numFmt = DATE_FORMAT[locale];
      });
      const problems = written.getCell(cells.length + 1);
      problems.alignment = { wrapText: true, vertical: 'top' };
      problems.font = { color: { argb: 'FFC00000' } };
      written.commit();
    },
    async finish() {
      sheet.commit();
      await workbook.commit();
    },
  };
}
