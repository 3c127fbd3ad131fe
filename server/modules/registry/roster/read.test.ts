import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  type Cell,
  openRoster,
  type RawRow,
  RosterFileError,
  type RosterSource,
  sniffDelimiter,
} from './read';
import { checkRoster } from './validate';

async function readAll(
  source: RosterSource,
  limits = {},
): Promise<{ format: string; header: Cell[]; rows: RawRow[] }> {
  const sheet = await openRoster(source, { limits });
  const rows: RawRow[] = [];
  for await (const row of sheet.rows) rows.push(row);
  return { format: sheet.format, header: sheet.header.cells, rows };
}

/** The code of the RosterFileError a promise rejects with. */
async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RosterFileError) return error.problem;
    throw error;
  }
  throw new Error('the file was not refused');
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');

describe('CSV', () => {
  it('reads UTF-8 with a BOM and semicolons, keeping formulas as text', async () => {
    const file = utf8('\ufeffHọ và tên;Mã lớp\r\n=1+1;"A;B"\r\n"@SUM(A1)";\'=2\r\n');
    expect(await readAll(file)).toEqual({
      format: 'csv',
      header: ['Họ và tên', 'Mã lớp'],
      rows: [
        { row: 2, cells: ['=1+1', 'A;B'] },
        { row: 3, cells: ['@SUM(A1)', '=2'] },
      ],
    });
  });

  it("honours Excel's sep= line and numbers rows as Excel does (a quoted line break stays in its row)", async () => {
    const file = utf8('sep=,\nname,cohort\n"Lê\nVăn",C1\n\n\nAn,C2\n');
    const { rows } = await readAll(file);
    expect(rows).toEqual([
      { row: 2, cells: ['Lê\nVăn', 'C1'] },
      { row: 5, cells: ['An', 'C2'] },
    ]);
  });

  it('tells the delimiter from the header line', () => {
    expect(sniffDelimiter('a;b;"c,d"')).toEqual({ delimiter: ';', sepLine: false });
    expect(sniffDelimiter('a,b;c,d')).toEqual({ delimiter: ',', sepLine: false });
    expect(sniffDelimiter('sep=;')).toEqual({ delimiter: ';', sepLine: true });
  });

  it('refuses Windows-1258 and UTF-16 text with notUtf8', async () => {
    const windows1258 = Buffer.concat([
      utf8('full_name,cohort_code\nNguy'),
      Buffer.from([0xd2, 0x6e]),
      utf8(',C1\n'),
    ]);
    const utf16 = Buffer.from('\ufefffull_name,cohort_code\r\nAn,C1\r\n', 'utf16le');
    const utf16NoBom = Buffer.from('full_name,cohort_code\r\nAn,C1\r\n', 'utf16le');
    for (const file of [windows1258, utf16, utf16NoBom])
      expect(await refusal(readAll(file))).toEqual({ code: 'notUtf8', severity: 'error' });
  });

  it('refuses invalid UTF-8 found deep in the file', async () => {
    const rows = Array.from({ length: 5_000 }, (_, i) => `Person ${i},C1`).join('\n');
    const file = Buffer.concat([utf8(`full_name,cohort_code\n${rows}\n`), Buffer.from([0xff, 0x0a])]);
    expect(await refusal(readAll(file))).toEqual({ code: 'notUtf8', severity: 'error' });
  });

  it('reports an unclosed quote as a malformed CSV at its row', async () => {
    const file = utf8('full_name,cohort_code\nAn,C1\n"Bình,C2\n');
    expect(await refusal(readAll(file))).toEqual({ code: 'malformedCsv', severity: 'error', row: 3 });
  });

  it('stops at 10,000 empty rows in a row: a million empty rows end quickly', async () => {
    const file = utf8(`full_name,cohort_code\nAn,C1\n${',\n'.repeat(1_000_000)}Late,C2\n`);
    const started = performance.now();
    const { rows } = await readAll(file);
    expect(rows).toEqual([{ row: 2, cells: ['An', 'C1'] }]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('refuses more data rows than the hard cap', async () => {
    const file = utf8(`a,b\n${'x,y\n'.repeat(200_001)}`);
    expect(await refusal(readAll(file))).toEqual({ code: 'tooManyRows', severity: 'error', max: 200_000 });
    expect(await readAll(utf8(`a,b\n${'x,y\n'.repeat(200_000)}`)).then((r) => r.rows.length)).toBe(200_000);
  });

  it('refuses data in too many columns, and rows too long', async () => {
    const wide = utf8(`${Array.from({ length: 70 }, (_, i) => `c${i}`).join(',')}\n`);
    expect(await refusal(readAll(wide))).toEqual({
      code: 'tooManyColumns',
      severity: 'error',
      max: 64,
      row: 1,
    });
    const endless = utf8('a'.repeat(20 * 1024 * 1024));
    expect(await refusal(readAll(endless))).toEqual({
      code: 'rowTooLarge',
      severity: 'error',
      row: 1,
      max: 65_536,
    });
  });

  it('refuses a CSV over the size limit while streaming it', async () => {
    const file = utf8(`a,b\n${'x,y\n'.repeat(1_000)}`);
    expect(await refusal(readAll(file, { maxCsvBytes: 1_024 }))).toEqual({
      code: 'fileTooLarge',
      severity: 'error',
      max: 1_024 / 1024 / 1024,
    });
  });
});

describe('not a roster at all', () => {
  it('refuses a PDF renamed .xlsx, an old .xls, HTML, 20 MB of random bytes and an empty file', async () => {
    const pdf = utf8('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n');
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const html = utf8('<html><body><table><tr><td>An</td></tr></table></body></html>');
    const garbage = randomBytes(20 * 1024 * 1024);
    expect(await refusal(readAll(pdf))).toEqual({ code: 'unsupportedFormat', severity: 'error' });
    expect(await refusal(readAll(xls))).toEqual({ code: 'legacyExcel', severity: 'error' });
    expect(await refusal(readAll(html))).toEqual({ code: 'unsupportedFormat', severity: 'error' });
    expect(await refusal(readAll(garbage))).toEqual({ code: 'unsupportedFormat', severity: 'error' });
    expect(await refusal(readAll(Buffer.alloc(0)))).toEqual({ code: 'emptyFile', severity: 'error' });
    expect(await refusal(readAll(utf8('\n\n,,\n')))).toEqual({ code: 'emptyFile', severity: 'error' });
  });

  it('refuses a broken zip and a zip that is not a workbook', async () => {
    const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(1_000)]);
    const docx = zip([{ name: 'word/document.xml', data: utf8('<w:document/>') }]);
    expect(await refusal(readAll(broken))).toEqual({ code: 'malformedXlsx', severity: 'error' });
    expect(await refusal(readAll(docx))).toEqual({ code: 'unsupportedFormat', severity: 'error' });
  });
});

// ── XLSX ─────────────────────────────────────────────────────────────────────────────────────────

async function workbook(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  fill(book.addWorksheet('Danh sách'));
  book.addWorksheet('Other').addRow(['not read']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('XLSX', () => {
  it('reads the first sheet: strings, numbers, dates, booleans, rich text, cached formula values', async () => {
    const file = await workbook((sheet) => {
      sheet.addRow(['Họ và tên', 'Ngày sinh', 'Số CCCD', 'Khuyết tật', 'Ghi chú']);
      const row = sheet.addRow([
        { richText: [{ text: 'Nguyễn ' }, { text: 'Lan', font: { bold: true } }] },
        new Date(Date.UTC(1998, 2, 15)),
        1198012345,
        false,
        { formula: 'A2&"!"', result: 'Nguyễn Lan!' },
      ]);
      row.getCell(2).numFmt = 'dd/mm/yyyy';
      sheet.addRow(['Trần Bình', 35869, '001090000001', true, { formula: 'NOW()' }]);
      sheet.getCell('C20001').value = 'far below: ignored';
    });
    const { format, header, rows } = await readAll(file);
    expect(format).toBe('xlsx');
    expect(header).toEqual(['Họ và tên', 'Ngày sinh', 'Số CCCD', 'Khuyết tật', 'Ghi chú']);
    expect(rows).toEqual([
      { row: 2, cells: ['Nguyễn Lan', new Date(Date.UTC(1998, 2, 15)), 1198012345, false, 'Nguyễn Lan!'] },
      { row: 3, cells: ['Trần Bình', 35869, '001090000001', true, null], uncomputedFormulas: [4] },
    ]);
  });

  it('refuses data beyond the last allowed column', async () => {
    const file = await workbook((sheet) => {
      sheet.addRow(['full_name', 'cohort_code']);
      sheet.getCell('BZ2').value = 'stray';
    });
    expect(await refusal(readAll(file))).toEqual({
      code: 'tooManyColumns',
      severity: 'error',
      max: 64,
      row: 2,
    });
  });

  it('refuses at once a sheet whose directory declares more than the limit', async () => {
    // The declared size is all that is looked at, so 1 MiB of content stands for a 300 MiB bomb.
    const bomb = bombXlsx(1024 * 1024, 300 * 1024 * 1024);
    const started = performance.now();
    expect(await refusal(readAll(bomb))).toEqual({ code: 'unpackedTooLarge', severity: 'error', max: 256 });
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('stops a zip bomb whose directory lies, once the inflated bytes pass the limit', async () => {
    const bomb = bombXlsx(64 * 1024 * 1024, 1_000);
    const limits = { maxUnpackedBytes: 8 * 1024 * 1024 };
    expect(await refusal(readAll(bomb, limits))).toEqual({
      code: 'unpackedTooLarge',
      severity: 'error',
      max: 8,
    });
  });
});

// ── A hand-made zip, for files exceljs would not write ────────────────────────────────────────────

interface ZipEntry {
  name: string;
  data: Buffer;
  /** What the directory claims the inflated size is; the truth by default. */
  declaredSize?: number;
  /** Already deflated data (with its true size and CRC), to build bombs without inflating them. */
  deflated?: { data: Buffer; size: number; crc: number };
}

function zip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const body = entry.deflated?.data ?? deflateRawSync(entry.data);
    const size = entry.declaredSize ?? entry.deflated?.size ?? entry.data.length;
    const crc = entry.deflated?.crc ?? crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** An XLSX whose sheet inflates to `size` bytes of whitespace inside <sheetData>. */
function bombXlsx(size: number, declaredSize = size): Buffer {
  const open = utf8('<worksheet><sheetData>');
  const close = utf8('</sheetData></worksheet>');
  const blank = Buffer.alloc(size - open.length - close.length, 0x20);
  const sheet = Buffer.concat([open, blank, close]);
  const deflated = { data: deflateRawSync(sheet, { level: 9 }), size: declaredSize, crc: crc32(sheet) };
  return zip([
    {
      name: 'xl/workbook.xml',
      data: utf8('<workbook><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>'),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: utf8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheet, deflated },
  ]);
}

// ── Streaming 100,000 rows ────────────────────────────────────────────────────────────────────────

const ROWS = 100_000;
const HEADER = 'full_name,sex,date_of_birth,national_id,phone,email,province,cohort_code,status,completed_on';
const context = { cohortExists: () => true, resolveProvince: () => '01' };

function csvLine(i: number): string {
  const year = 1970 + (i % 30);
  const id = `0010${String(year).slice(2)}${String(i).padStart(6, '0')}`;
  const phone = `09${String(i).padStart(8, '0')}`;
  return `Người Số ${i},M,${year}-01-15,${id},${phone},p${i}@example.com,Hà Nội,NIC-AI-2025-01,completed,2025-06-20\n`;
}

describe('100,000 rows', () => {
  it('streams a CSV: rows are checked while the file is still arriving, progress is reported', async () => {
    let produced = 0;
    let producedAtFirstRow = -1;
    async function* upload() {
      yield utf8(`${HEADER}\n`);
      for (let i = 0; i < ROWS; i += 1_000) {
        const chunk = utf8(Array.from({ length: 1_000 }, (_, k) => csvLine(i + k)).join(''));
        produced += chunk.length;
        yield chunk;
      }
    }
    const progress: [number, number | undefined][] = [];
    const started = performance.now();
    const report = await checkRoster(upload(), context, {
      today: '2026-06-01',
      onRow: (row) => {
        if (producedAtFirstRow < 0) producedAtFirstRow = produced;
        if (row.problems.length > 0) throw new Error(JSON.stringify(row.problems));
      },
      onProgress: (rows, bytes) => progress.push([rows, bytes]),
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(`CSV: ${ROWS} rows in ${seconds.toFixed(2)} s = ${Math.round(ROWS / seconds)} rows/s`);
    expect(report).toMatchObject({ ok: true, rowsRead: ROWS, rowsAccepted: ROWS, problems: [] });
    expect(producedAtFirstRow).toBeLessThan(produced / 50);
    expect(progress).toHaveLength(ROWS / 1_000 + 1);
    expect(progress[0]?.[0]).toBe(1_000);
    expect(progress.at(-1)).toEqual([ROWS, produced + HEADER.length + 1]);
    expect(progress.every(([, bytes], i) => i === 0 || (bytes ?? 0) >= (progress[i - 1]?.[1] ?? 0))).toBe(
      true,
    );
  });

  it('streams an XLSX of 100,000 rows', async () => {
    const out = new PassThrough();
    const parts: Buffer[] = [];
    out.on('data', (chunk: Buffer) => parts.push(chunk));
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true });
    const sheet = writer.addWorksheet('S');
    sheet.addRow(HEADER.split(',')).commit();
    for (let i = 0; i < ROWS; i++) sheet.addRow(csvLine(i).trimEnd().split(',')).commit();
    sheet.commit();
    await writer.commit();
    const file = Buffer.concat(parts);

    const progress: number[] = [];
    const started = performance.now();
    const report = await checkRoster(file, context, {
      today: '2026-06-01',
      onProgress: (_, bytes) => progress.push(bytes ?? -1),
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `XLSX: ${ROWS} rows (${file.length} bytes) in ${seconds.toFixed(2)} s = ${Math.round(ROWS / seconds)} rows/s`,
    );
    expect(report).toMatchObject({
      ok: true,
      format: 'xlsx',
      rowsRead: ROWS,
      rowsAccepted: ROWS,
      problems: [],
    });
    expect(progress.at(-1)).toBe(file.length);
  });
});
