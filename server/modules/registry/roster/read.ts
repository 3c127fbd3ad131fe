/**
 * Reads an uploaded roster, CSV or XLSX, as a stream of rows, within limits that keep a hostile or
 * broken file from exhausting memory or time. The format is sniffed from the content, never taken from
 * the file name: a PDF renamed .xlsx is refused as what it is.
 *
 * CSV: UTF-8 with or without BOM, comma or semicolon (sniffed from the header line, or Excel's
 * `sep=;` line). Invalid UTF-8 (Windows-1258, UTF-16) is refused with `notUtf8` rather than read as
 * mojibake. Cells are text and stay text: "=1+1" is a name that starts with an equals sign. The one
 * exception is the `'` that our own writer puts before such a cell (see template.ts), removed here so
 * a file we wrote reads back unchanged.
 *
 * XLSX: the first sheet. The zip is opened from memory (its directory is at the end, so the upload is
 * buffered; it is bounded by `maxXlsxBytes`), and the sheet's XML is inflated and parsed as a stream.
 * Formula cells are read as the value Excel last computed and saved with them, exactly what the user
 * sees; they are never evaluated. A formula saved without a value is reported on its row. Every byte
 * inflated counts against `maxUnpackedBytes`, whatever the zip's directory claims (a zip bomb lies).
 *
 * Both: empty rows are skipped; `maxEmptyRun` empty rows in a row end the sheet (a million formatted
 * but empty rows is a common accident); data beyond `maxRows` rows refuses the file.
 */
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { parse as parseCsv } from 'csv-parse';
import { SaxesParser } from 'saxes';
import yauzl from 'yauzl';
import { columnIndex, type FileProblem, type FileProblemCode } from './columns';

const MiB = 1024 * 1024;

export interface RosterLimits {
  /** Largest CSV upload. 200,000 rows of ~150 bytes is 30 MB. */
  maxCsvBytes: number;
  /** Largest XLSX upload, held in memory while read (zip directories are at the end). */
  maxXlsxBytes: number;
  /** Bytes inflated from all the zip's entries that are read: the zip-bomb bound. */
  maxUnpackedBytes: number;
  /** Characters of all shared strings of an XLSX, which must be held in memory. */
  maxSharedStringChars: number;
  /** Entries in the zip's directory. */
  maxZipEntries: number;
  /** Data rows after the header. */
  maxRows: number;
  /** Columns that may hold data (a roster has 13, plus a few of the partner's own). */
  maxColumns: number;
  /** Consecutive empty rows that end the sheet. */
  maxEmptyRun: number;
  /** Characters of one CSV row (csv-parse's buffer), so a file without line breaks cannot grow it. */
  maxRowChars: number;
}

export const DEFAULT_LIMITS: Readonly<RosterLimits> = {
  maxCsvBytes: 64 * MiB,
  maxXlsxBytes: 32 * MiB,
  maxUnpackedBytes: 256 * MiB,
  maxSharedStringChars: 32 * MiB,
  maxZipEntries: 10_000,
  maxRows: 200_000,
  maxColumns: 64,
  maxEmptyRun: 10_000,
  maxRowChars: 64 * 1024,
};

/** Bytes looked at to tell the format. */
const SNIFF_BYTES = 8 * 1024;
/** Chunks a buffered upload is cut into, so a CSV given as one buffer still streams. */
const CHUNK_BYTES = 64 * 1024;

/** A cell as read: text, a number, a boolean, a date (XLSX date-formatted cells, UTC midnight) or empty. */
export type Cell = string | number | boolean | Date | null;

export interface RawRow {
  /** The row number Excel shows: the header is row 1. */
  row: number;
  cells: Cell[];
  /** Cell indices of formulas saved without a computed value (XLSX only). */
  uncomputedFormulas?: number[];
}

/** An upload: the whole file, or its bytes as they arrive (a Node Readable is one). */
export type RosterSource = Uint8Array | AsyncIterable<Uint8Array>;

export interface RosterSheet {
  format: 'csv' | 'xlsx';
  /** The first non-empty row. */
  header: RawRow;
  /** The data rows after the header: empty rows skipped, limits applied. */
  rows: AsyncIterable<RawRow>;
  /** Bytes of the upload consumed so far, for progress. */
  readonly bytesRead: number;
  /** Total bytes when known (XLSX, or a source given whole). */
  readonly totalBytes: number | undefined;
  /** Releases the file when the rows are not read to the end. */
  close(): Promise<void>;
}

/** A problem that ends the reading of the file; `problem` says which, for the user. */
export class RosterFileError extends Error {
  constructor(readonly problem: FileProblem) {
    super(`roster file refused: ${problem.code}`);
    this.name = 'RosterFileError';
  }
}

const refuse = (code: FileProblemCode, extra: Omit<FileProblem, 'code' | 'severity'> = {}) =>
  new RosterFileError({ code, severity: 'error', ...extra });

// ── Sniffing ─────────────────────────────────────────────────────────────────────────────────────

const startsWith = (head: Uint8Array, bytes: readonly number[]) => bytes.every((b, i) => head[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
/** Compound File Binary: Excel 97–2003 .xls, and also any password-protected .xlsx. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const UTF16_LE = [0xff, 0xfe];
const UTF16_BE = [0xfe, 0xff];
const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * What the first bytes say: a zip (XLSX, to be checked further), text (CSV, its UTF-8 checked while
 * read) or a refusal. NUL bytes in text mean UTF-16 (every other byte) or a binary file; other
 * control characters a binary file; a leading `<` an HTML or XML export (web apps' ".xls" are HTML).
 */
export function sniffFormat(head: Uint8Array): 'csv' | 'xlsx' | FileProblemCode {
  if (head.length === 0) return 'emptyFile';
  if (startsWith(head, ZIP) || startsWith(head, EMPTY_ZIP)) return 'xlsx';
  if (startsWith(head, OLE)) return 'legacyExcel';
  if (startsWith(head, UTF16_LE) || startsWith(head, UTF16_BE)) return 'notUtf8';
  let nulAtOdd = 0;
  let nulAtEven = 0;
  let controls = 0;
  head.forEach((b, i) => {
    if (b === 0) {
      if (i % 2 === 0) nulAtEven++;
      else nulAtOdd++;
    } else if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b) || b === 0x7f) controls++;
  });
  const half = head.length / 2;
  // UTF-16 text of a Latin-script roster has a NUL in nearly every other byte.
  if (Math.max(nulAtOdd, nulAtEven) > half * 0.3 && Math.min(nulAtOdd, nulAtEven) < half * 0.05)
    return 'notUtf8';
  if (nulAtOdd + nulAtEven + controls > 0) return 'unsupportedFormat';
  const text = new TextDecoder('utf-8').decode(head.subarray(startsWith(head, UTF8_BOM) ? 3 : 0, 512));
  if (/^\s*(<|%PDF|\{\\rtf)/u.test(text)) return 'unsupportedFormat';
  return 'csv';
}

// ── Sources ──────────────────────────────────────────────────────────────────────────────────────

async function* chunksOf(source: RosterSource): AsyncGenerator<Uint8Array> {
  if (source instanceof Uint8Array) {
    for (let at = 0; at < source.length; at += CHUNK_BYTES) yield source.subarray(at, at + CHUNK_BYTES);
  } else yield* source;
}

/** The first `n` bytes (or fewer at the end of the file), and the rest still to read. */
async function peek(
  chunks: AsyncIterator<Uint8Array>,
  n: number,
): Promise<{ head: Uint8Array; taken: Uint8Array[] }> {
  const taken: Uint8Array[] = [];
  let size = 0;
  while (size < n) {
    const next = await chunks.next();
    if (next.done) break;
    taken.push(next.value);
    size += next.value.length;
  }
  return { head: Buffer.concat(taken).subarray(0, n), taken };
}

async function* resume(
  taken: readonly Uint8Array[],
  rest: AsyncIterator<Uint8Array>,
): AsyncGenerator<Uint8Array> {
  yield* taken;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

export interface OpenOptions {
  limits?: Partial<RosterLimits>;
}

/**
 * Opens an upload and reads its header. Throws RosterFileError when the file cannot be a roster;
 * reading `rows` may throw it too, for a problem found further in (invalid UTF-8 at row 5,000, too
 * many rows, a zip bomb in the sheet).
 */
export async function openRoster(source: RosterSource, options: OpenOptions = {}): Promise<RosterSheet> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const iterator = chunksOf(source)[Symbol.asyncIterator]();
  const { head, taken } = await peek(iterator, SNIFF_BYTES);
  const format = sniffFormat(head);
  const total = source instanceof Uint8Array ? source.length : undefined;
  if (format === 'xlsx') return openXlsx(await readWhole(resume(taken, iterator), limits), limits);
  if (format === 'csv') return withHeader('csv', csvRows(resume(taken, iterator), limits), limits, total);
  await iterator.return?.(undefined);
  throw refuse(format);
}

async function readWhole(chunks: AsyncIterable<Uint8Array>, limits: RosterLimits): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.length;
    if (size > limits.maxXlsxBytes) throw refuse('fileTooLarge', { max: limits.maxXlsxBytes / MiB });
    parts.push(chunk);
  }
  return Buffer.concat(parts);
}

// ── Rows common to both formats ──────────────────────────────────────────────────────────────────

/** Rows as a format reads them, empty ones included, with a running count of bytes consumed. */
interface RowStream {
  rows: AsyncGenerator<RawRow>;
  bytesRead(): number;
  totalBytes: number | undefined;
}

const isEmptyCell = (cell: Cell) => cell === null || (typeof cell === 'string' && cell.trim() === '');
const isEmptyRow = (row: RawRow) => row.cells.every(isEmptyCell) && !row.uncomputedFormulas?.length;

/**
 * Skips empty rows, ends the sheet after `maxEmptyRun` of them in a row and refuses data beyond
 * `maxRows` rows after the header. Row numbers may jump (XLSX leaves empty rows out): the gap counts as
 * empty rows. Closes the format's stream when the consumer stops early.
 */
async function* dataRows(rows: AsyncGenerator<RawRow>, header: number, limits: RosterLimits) {
  let last = header;
  try {
    for (let next = await rows.next(); !next.done; next = await rows.next()) {
      const row = next.value;
      const emptyBefore = row.row - last - 1;
      if (emptyBefore >= limits.maxEmptyRun) return;
      if (isEmptyRow(row)) continue;
      if (row.row - header > limits.maxRows) throw refuse('tooManyRows', { max: limits.maxRows });
      last = row.row;
      yield row;
    }
  } finally {
    await rows.return(undefined);
  }
}

/** The header: the first non-empty row, unless `maxEmptyRun` empty rows come first. */
async function headerRow(rows: AsyncGenerator<RawRow>, limits: RosterLimits): Promise<RawRow | null> {
  for (let next = await rows.next(); !next.done; next = await rows.next()) {
    if (next.value.row > limits.maxEmptyRun) break;
    if (!isEmptyRow(next.value)) return next.value;
  }
  return null;
}

async function withHeader(
  format: 'csv' | 'xlsx',
  stream: RowStream,
  limits: RosterLimits,
  totalBytes = stream.totalBytes,
): Promise<RosterSheet> {
  const raw = stream.rows;
  const header = await headerRow(raw, limits).catch(async (error: unknown) => {
    await raw.return(undefined);
    throw error;
  });
  if (header === null) {
    await raw.return(undefined);
    throw refuse('emptyFile');
  }
  let started = false;
  return {
    format,
    header,
    rows: {
      [Symbol.asyncIterator]: () => {
        if (started) throw new Error('the rows of a roster can be read once');
        started = true;
        return dataRows(raw, header.row, limits);
      },
    },
    get bytesRead() {
      return stream.bytesRead();
    },
    totalBytes,
    close: async () => {
      await raw.return(undefined);
    },
  };
}

// ── CSV ──────────────────────────────────────────────────────────────────────────────────────────

/** Our writer's guard against formula injection (template.ts), undone on the way back in. */
const FORMULA_GUARD = /^'(?=[=+\-@\t\r])/u;

/**
 * The decoded text of the upload, checked as UTF-8 (fatal: no replacement characters) and counted
 * against `maxCsvBytes`. The decoder drops a leading BOM.
 */
async function* utf8Text(
  chunks: AsyncIterable<Uint8Array>,
  limits: RosterLimits,
  counter: { bytes: number },
) {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of chunks) {
      counter.bytes += chunk.length;
      if (counter.bytes > limits.maxCsvBytes) throw refuse('fileTooLarge', { max: limits.maxCsvBytes / MiB });
      yield decoder.decode(chunk, { stream: true });
    }
    yield decoder.decode();
  } catch (error) {
    if (error instanceof TypeError) throw refuse('notUtf8');
    throw error;
  }
}

/**
 * The delimiter of a header line: whichever of `,` and `;` appears more often outside quotes (Excel
 * writes `;` where the decimal separator is a comma, as in Vietnam). Excel's `sep=X` line wins.
 */
export function sniffDelimiter(firstLine: string): { delimiter: ',' | ';'; sepLine: boolean } {
  const sep = /^sep=([,;])\s*$/u.exec(firstLine);
  if (sep) return { delimiter: sep[1] as ',' | ';', sepLine: true };
  let quoted = false;
  let commas = 0;
  let semicolons = 0;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return { delimiter: semicolons > commas ? ';' : ',', sepLine: false };
}

/** Text until the first line break is in (or `maxRowChars`), and the text generator to go on with. */
async function firstLine(text: AsyncGenerator<string>, limits: RosterLimits) {
  let buffered = '';
  while (!/[\r\n]/u.test(buffered) && buffered.length < limits.maxRowChars) {
    const next = await text.next();
    if (next.done) break;
    buffered += next.value;
  }
  const line = /^[^\r\n]*/u.exec(buffered)?.[0] ?? '';
  return { buffered, line };
}

async function* prepend(first: string, rest: AsyncGenerator<string>) {
  if (first !== '') yield first;
  yield* rest;
}

function csvRows(chunks: AsyncIterable<Uint8Array>, limits: RosterLimits): RowStream {
  const counter = { bytes: 0 };
  async function* rows(): AsyncGenerator<RawRow> {
    const text = utf8Text(chunks, limits, counter);
    const { buffered, line } = await firstLine(text, limits);
    const { delimiter, sepLine } = sniffDelimiter(line);
    const start = sepLine ? buffered.replace(/^[^\r\n]*(\r\n|\r|\n)?/u, '') : buffered;
    const source = Readable.from(prepend(start, text), { objectMode: false });
    const parser = parseCsv({
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      max_record_size: limits.maxRowChars,
    });
    source.on('error', (error) => parser.destroy(error));
    source.pipe(parser);
    let row = 0;
    try {
      for await (const record of parser as AsyncIterable<string[]>) {
        row++;
        if (record.length > limits.maxColumns && record.slice(limits.maxColumns).some((c) => c.trim() !== ''))
          throw refuse('tooManyColumns', { max: limits.maxColumns, row });
        yield { row, cells: record.slice(0, limits.maxColumns).map((c) => c.replace(FORMULA_GUARD, '')) };
      }
    } catch (error) {
      throw csvProblem(error, row, limits);
    } finally {
      source.destroy();
      parser.destroy();
    }
  }
  return { rows: rows(), bytesRead: () => counter.bytes, totalBytes: undefined };
}

/**
 * csv-parse's errors carry a `code` such as CSV_QUOTE_NOT_CLOSED and the count of records parsed
 * before the bad one, which may be ahead of the rows handed out so far; ours pass through.
 */
function csvProblem(error: unknown, rowsSoFar: number, limits: RosterLimits): unknown {
  if (error instanceof RosterFileError || typeof error !== 'object' || error === null) return error;
  const code = 'code' in error ? String(error.code) : '';
  const records = 'records' in error && typeof error.records === 'number' ? error.records : rowsSoFar;
  const row = records + 1;
  if (code === 'CSV_MAX_RECORD_SIZE') return refuse('rowTooLarge', { row, max: limits.maxRowChars });
  if (code.startsWith('CSV_')) return refuse('malformedCsv', { row });
  return error;
}

// ── XLSX: the zip ────────────────────────────────────────────────────────────────────────────────

interface Zip {
  file: yauzl.ZipFile;
  /** yauzl throws when a zip is closed twice: this one may be called any number of times. */
  close(): void;
  entries: Map<string, yauzl.Entry>;
  /** Inflated bytes still allowed. */
  budget: { left: number; max: number };
}

async function openZip(buffer: Buffer, limits: RosterLimits): Promise<Zip> {
  let file: yauzl.ZipFile;
  try {
    file = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, strictFileNames: false });
  } catch {
    throw refuse('malformedXlsx');
  }
  const entries = new Map<string, yauzl.Entry>();
  if (file.entryCount > limits.maxZipEntries) {
    file.close();
    throw refuse('malformedXlsx');
  }
  await new Promise<void>((resolve, reject) => {
    file.on('entry', (entry: yauzl.Entry) => {
      entries.set(entry.fileName.replace(/^\/+/u, ''), entry);
      file.readEntry();
    });
    file.on('end', resolve);
    file.on('error', () => reject(refuse('malformedXlsx')));
    file.readEntry();
  });
  let open = true;
  const close = () => {
    if (open) file.close();
    open = false;
  };
  return { file, close, entries, budget: { left: limits.maxUnpackedBytes, max: limits.maxUnpackedBytes } };
}

/**
 * The inflated bytes of one entry, as they come. The entry's declared size is checked first (an
 * honest bomb is refused at once), then every byte actually inflated is counted (a lying one is
 * stopped at the limit). `onCompressed` reports the compressed bytes consumed.
 */
async function* entryBytes(
  zip: Zip,
  entry: yauzl.Entry,
  onCompressed: (bytes: number) => void = () => {},
): AsyncGenerator<Buffer> {
  const tooLarge = () => refuse('unpackedTooLarge', { max: zip.budget.max / MiB });
  if (entry.uncompressedSize > zip.budget.left) throw tooLarge();
  if (entry.isEncrypted() || (entry.compressionMethod !== 0 && entry.compressionMethod !== 8))
    throw refuse('malformedXlsx');
  let raw: Readable;
  try {
    raw = await zip.file.openReadStreamPromise(entry, { decompress: false });
  } catch {
    throw refuse('malformedXlsx');
  }
  raw.on('data', (chunk: Buffer) => onCompressed(chunk.length));
  const inflated = entry.compressionMethod === 8 ? raw.pipe(createInflateRaw()) : raw;
  raw.on('error', (error) => inflated.destroy(error));
  try {
    for await (const chunk of inflated as AsyncIterable<Buffer>) {
      zip.budget.left -= chunk.length;
      if (zip.budget.left < 0) throw tooLarge();
      yield chunk;
    }
  } catch (error) {
    throw error instanceof RosterFileError ? error : refuse('malformedXlsx');
  } finally {
    raw.destroy();
    inflated.destroy();
  }
}

/**
 * Parses one entry's XML as a stream. `handler` sees every element opening and closing (names
 * without namespace prefix: some writers emit `x:row`) and text; it may return rows to yield.
 * saxes does not expand entities declared in a DTD, so no billion-laughs either.
 */
async function* parseEntry<T>(
  zip: Zip,
  entry: yauzl.Entry,
  handler: XmlHandler<T>,
  onCompressed?: (bytes: number) => void,
): AsyncGenerator<T[]> {
  const parser = new SaxesParser({ position: false, xmlns: false });
  const out: T[] = [];
  parser.on('opentag', (tag) => handler.open(localName(tag.name), tag.attributes, out));
  parser.on('closetag', (tag) => handler.close(localName(tag.name), out));
  parser.on('text', (text) => handler.text?.(text));
  parser.on('cdata', (text) => handler.text?.(text));
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of entryBytes(zip, entry, onCompressed)) {
      parser.write(decoder.decode(chunk, { stream: true }));
      if (out.length > 0) yield out.splice(0);
    }
    parser.write(decoder.decode()).close();
  } catch (error) {
    throw error instanceof RosterFileError ? error : refuse('malformedXlsx');
  }
  if (out.length > 0) yield out.splice(0);
}

interface XmlHandler<T> {
  open(name: string, attributes: Record<string, string>, out: T[]): void;
  close(name: string, out: T[]): void;
  text?(text: string): void;
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/** Runs a handler over a small entry to the end. */
async function readEntry<T>(zip: Zip, name: string, handler: XmlHandler<T>): Promise<void> {
  const entry = zip.entries.get(name);
  if (!entry) return;
  for await (const _ of parseEntry(zip, entry, handler)) {
    // Small parts yield nothing; the handler keeps what it needs.
  }
}

// ── XLSX: the workbook ───────────────────────────────────────────────────────────────────────────

interface WorkbookInfo {
  sheetPath: string;
  date1904: boolean;
}

async function workbookInfo(zip: Zip): Promise<WorkbookInfo> {
  let firstSheetRel: string | undefined;
  let date1904 = false;
  await readEntry(zip, 'xl/workbook.xml', {
    open(name, attributes) {
      if (name === 'sheet' && firstSheetRel === undefined) firstSheetRel = attributes['r:id'];
      if (name === 'workbookPr') date1904 = attributes.date1904 === '1' || attributes.date1904 === 'true';
    },
    close() {},
  });
  let target: string | undefined;
  await readEntry(zip, 'xl/_rels/workbook.xml.rels', {
    open(name, attributes) {
      if (name === 'Relationship' && attributes.Id === firstSheetRel) target = attributes.Target;
    },
    close() {},
  });
  if (target === undefined) throw refuse('malformedXlsx');
  const sheetPath = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//u, '')}`;
  return { sheetPath, date1904 };
}

/**
 * Shared strings, in memory because the sheet refers to them by index. Phonetic runs (`rPh`, the
 * furigana of Japanese workbooks) are not part of the text.
 */
async function sharedStrings(zip: Zip, limits: RosterLimits): Promise<string[]> {
  const strings: string[] = [];
  let chars = 0;
  let current: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  await readEntry(zip, 'xl/sharedStrings.xml', {
    open(name) {
      if (name === 'si') current = [];
      else if (name === 'rPh') phonetic++;
      else if (name === 't') inText = phonetic === 0;
    },
    close(name) {
      if (name === 'si' && current) {
        const text = current.join('');
        chars += text.length;
        if (chars > limits.maxSharedStringChars)
          throw refuse('unpackedTooLarge', { max: limits.maxUnpackedBytes / MiB });
        strings.push(text);
        current = null;
      } else if (name === 'rPh') phonetic--;
      else if (name === 't') inText = false;
    },
    text(text) {
      if (inText && current) current.push(text);
    },
  });
  return strings;
}

/** Built-in number formats that are dates, Japanese and Chinese ones (27–36, 50–58) included. */
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/** A custom format is a date when, quoted text and [colour]/[$-locale] sections removed, it has d, m, y, h or s. */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]/gu, '');
  return /[dmyhs]/iu.test(bare) && !/^general$/iu.test(bare.trim());
}

/** Indices of the cell styles (`s` attribute) whose number format is a date. */
async function dateStyles(zip: Zip): Promise<Set<number>> {
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  await readEntry(zip, 'xl/styles.xml', {
    open(name, attributes) {
      if (name === 'numFmt') custom.set(Number(attributes.numFmtId), attributes.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) xfFormats.push(Number(attributes.numFmtId ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  const dates = new Set<number>();
  xfFormats.forEach((id, index) => {
    const code = custom.get(id);
    if (code === undefined ? BUILTIN_DATE_FORMATS.has(id) : isDateFormat(code)) dates.add(index);
  });
  return dates;
}

// ── XLSX: the sheet ──────────────────────────────────────────────────────────────────────────────

const DAY_MS = 86_400_000;
/** Days from Excel's day 0 (1899-12-30) to the Unix epoch; the 1904 system starts 1,462 days later. */
const EPOCH_1900 = 25_569;
const EPOCH_1904 = EPOCH_1900 - 1_462;

interface SheetContext {
  strings: readonly string[];
  dates: ReadonlySet<number>;
  date1904: boolean;
  limits: RosterLimits;
}

/** The state of the cell being parsed. */
interface CellState {
  index: number;
  type: string;
  style: number;
  value: string;
  inline: string;
  hasFormula: boolean;
  hasValue: boolean;
}

function cellValue(cell: CellState, ctx: SheetContext): Cell {
  switch (cell.type) {
    case 's':
      return ctx.strings[Number(cell.value)] ?? '';
    case 'inlineStr':
      return cell.inline;
    case 'str':
    case 'e':
      return cell.value;
    case 'b':
      return cell.value === '1' || cell.value === 'true';
    case 'd': {
      const date = new Date(cell.value.length === 10 ? `${cell.value}T00:00:00Z` : cell.value);
      return Number.isNaN(date.getTime()) ? cell.value : date;
    }
    default: {
      if (!cell.hasValue || cell.value.trim() === '') return null;
      const n = Number(cell.value);
      if (!Number.isFinite(n)) return cell.value;
      if (!ctx.dates.has(cell.style)) return n;
      return new Date(Math.round((n - (ctx.date1904 ? EPOCH_1904 : EPOCH_1900)) * DAY_MS));
    }
  }
}

/**
 * The rows of the sheet's XML. Cells carry their reference (`C7`); when they do not, they follow
 * each other. A formula's computed value is its `<v>`; a formula without one is flagged.
 */
function sheetHandler(ctx: SheetContext): XmlHandler<RawRow> {
  let row: RawRow | null = null;
  let lastRow = 0;
  let cell: CellState | null = null;
  let nextIndex = 0;
  let capture: 'v' | 't' | null = null;
  let phonetic = 0;
  return {
    open(name, attributes) {
      if (name === 'row') {
        const r = Number(attributes.r);
        row = { row: Number.isInteger(r) && r > lastRow ? r : lastRow + 1, cells: [] };
        nextIndex = 0;
      } else if (name === 'c' && row) {
        const letters = /^[A-Z]+/u.exec(attributes.r ?? '')?.[0];
        const index = letters === undefined ? nextIndex : columnIndex(letters);
        const type = attributes.t ?? 'n';
        cell = {
          index,
          type,
          style: Number(attributes.s ?? 0),
          value: '',
          inline: '',
          hasFormula: false,
          hasValue: false,
        };
      } else if (cell && name === 'v') {
        capture = 'v';
        cell.hasValue = true;
      } else if (cell && name === 'f') cell.hasFormula = true;
      else if (cell && name === 'rPh') phonetic++;
      else if (cell && name === 't' && phonetic === 0) capture = 't';
    },
    text(text) {
      if (!cell || capture === null) return;
      if (capture === 'v') cell.value += text;
      else cell.inline += text;
    },
    close(name, out) {
      if (name === 'v' || name === 't') capture = null;
      else if (name === 'rPh') phonetic--;
      else if (name === 'c' && cell && row) {
        placeCell(row, cell, ctx);
        nextIndex = (Number.isNaN(cell.index) ? nextIndex : cell.index) + 1;
        cell = null;
      } else if (name === 'row' && row) {
        lastRow = row.row;
        out.push(row);
        row = null;
      }
    },
  };
}

function placeCell(row: RawRow, cell: CellState, ctx: SheetContext): void {
  const value = cellValue(cell, ctx);
  const uncomputed = cell.hasFormula && !cell.hasValue;
  if (value === null && !uncomputed) return;
  if (Number.isNaN(cell.index) || cell.index >= ctx.limits.maxColumns) {
    if (uncomputed || (typeof value === 'string' && value.trim() === '')) return;
    throw refuse('tooManyColumns', { max: ctx.limits.maxColumns, row: row.row });
  }
  while (row.cells.length < cell.index) row.cells.push(null);
  row.cells[cell.index] = value;
  if (uncomputed) {
    row.uncomputedFormulas = row.uncomputedFormulas ?? [];
    row.uncomputedFormulas.push(cell.index);
  }
}

async function openXlsx(buffer: Buffer, limits: RosterLimits): Promise<RosterSheet> {
  const zip = await openZip(buffer, limits);
  try {
    if (!zip.entries.has('xl/workbook.xml')) throw refuse('unsupportedFormat');
    const info = await workbookInfo(zip);
    const found = zip.entries.get(info.sheetPath);
    if (!found) throw refuse('malformedXlsx');
    const sheet: yauzl.Entry = found;
    const ctx: SheetContext = {
      strings: await sharedStrings(zip, limits),
      dates: await dateStyles(zip),
      date1904: info.date1904,
      limits,
    };
    // Progress: everything but the sheet counts as read; the sheet as its compressed bytes go by.
    let bytes = buffer.length - sheet.compressedSize;
    async function* rows(): AsyncGenerator<RawRow> {
      try {
        const batches = parseEntry(zip, sheet, sheetHandler(ctx), (n) => {
          bytes += n;
        });
        for await (const batch of batches) yield* batch;
      } finally {
        zip.close();
      }
    }
    return withHeader(
      'xlsx',
      { rows: rows(), bytesRead: () => Math.min(bytes, buffer.length), totalBytes: buffer.length },
      limits,
    );
  } catch (error) {
    zip.close();
    throw error;
  }
}
