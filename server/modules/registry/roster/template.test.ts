import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { foldVi } from '../../../../common/text';
import { LOCALES, type Locale, MESSAGES, ROSTER_COLUMNS } from './columns';
import {
  createRejectedRowsWriter,
  csvField,
  type RejectedRowsWriter,
  type RosterFileFormat,
  rosterTemplate,
} from './template';
import { checkRoster, type RosterRow, type RowContext } from './validate';

const TODAY = '2026-06-01';
const context: RowContext = {
  cohortExists: (code) => code === 'NIC-AI-2025-01',
  resolveProvince: (input) => (foldVi(input) === 'ha noi' ? '01' : null),
};

async function check(file: Buffer, onRow?: (row: RosterRow) => Promise<void>) {
  const rows: RosterRow[] = [];
  const report = await checkRoster(file, context, {
    today: TODAY,
    onRow: async (row) => {
      rows.push(row);
      await onRow?.(row);
    },
  });
  return { report, rows };
}

const FORMATS: readonly RosterFileFormat[] = ['xlsx', 'csv'];

describe('rosterTemplate', () => {
  for (const locale of LOCALES)
    for (const format of FORMATS)
      it(`${locale} ${format}: reads back with every column recognised and the example row valid`, async () => {
        const { report, rows } = await check(await rosterTemplate(locale, format));
        expect(report).toMatchObject({
          ok: true,
          format,
          fileProblems: [],
          rowsAccepted: 1,
          rowsRejected: 0,
        });
        expect([...(report.header?.columns.values() ?? [])]).toEqual([...ROSTER_COLUMNS]);
        expect(rows[0]?.record).toEqual({
          fullName: 'Nguyễn Thị Lan',
          sex: 'F',
          dateOfBirth: '1998-03-15',
          nationalId: '001198012345',
          phone: '+84912345678',
          email: 'lan.nguyen@example.com',
          provinceCode: '01',
          commune: 'Phường Ba Đình',
          disability: false,
          cohortCode: 'NIC-AI-2025-01',
          role: 'learner',
          status: 'completed',
          completedOn: '2025-06-20',
        });
      });

  it('writes the XLSX header in the chosen language, with widths, and an instructions sheet', async () => {
    const book = new ExcelJS.Workbook();
    const file = await rosterTemplate('vi', 'xlsx');
    // exceljs's types predate Buffer's generic parameter; the bytes are what it wants.
    await book.xlsx.load(file.buffer.slice(file.byteOffset, file.byteOffset + file.length) as ArrayBuffer);
    const [data, instructions] = book.worksheets;
    expect(data?.name).toBe('Danh sách');
    expect(data?.getRow(1).values).toEqual([undefined, ...ROSTER_COLUMNS.map((c) => MESSAGES.vi.columns[c])]);
    expect(data?.getColumn(1).width).toBe(28);
    expect(data?.getCell('B2').value).toBe('Nữ');
    expect(instructions?.name).toBe('Hướng dẫn');
    expect(instructions?.getCell('A1').value).toBe('Hướng dẫn điền danh sách người được đào tạo');
    expect(instructions?.getCell('A5').value).toBe('Họ và tên');
    expect(instructions?.getCell('B5').value).toBe('Có');
  });

  it('writes the CSV with a BOM, ; for Vietnamese and , otherwise', async () => {
    const vi = (await rosterTemplate('vi', 'csv')).toString('utf8');
    const en = (await rosterTemplate('en', 'csv')).toString('utf8');
    expect(vi.split('\r\n')[0]).toBe(
      '\ufeffHọ và tên;Giới tính;Ngày sinh;Số CCCD;Số điện thoại;Email;Tỉnh/Thành phố;Xã/Phường;Khuyết tật;Mã lớp;Vai trò;Trạng thái;Ngày hoàn thành',
    );
    expect(vi.split('\r\n')[1]).toBe(
      'Nguyễn Thị Lan;Nữ;15/03/1998;001198012345;0912345678;lan.nguyen@example.com;Hà Nội;Phường Ba Đình;Không;NIC-AI-2025-01;Học viên;Hoàn thành;20/06/2025',
    );
    expect(en.split('\r\n')[1]).toBe(
      'Nguyễn Thị Lan,F,1998-03-15,001198012345,0912345678,lan.nguyen@example.com,Hà Nội,Phường Ba Đình,No,NIC-AI-2025-01,learner,completed,2025-06-20',
    );
  });
});

describe('csvField', () => {
  it('quotes what must be quoted and guards formulas', () => {
    expect(csvField('An')).toBe('An');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+84912345678')).toBe("'+84912345678");
  });
});

// ── Rejected rows ────────────────────────────────────────────────────────────────────────────────

const UPLOAD = [
  'STT,Họ và tên,Ngày sinh,Mã lớp,Ghi chú riêng',
  '1,Nguyễn An,15/03/1998,NIC-AI-2025-01,ok',
  '2,=1+1,31/02/1999,NIC-AI-2025-01,công thức?',
  '3,,01/01/1990,NIC-XX,',
].join('\n');

async function rejectedFile(file: Buffer, format: RosterFileFormat, locale: Locale) {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (chunk: Buffer) => parts.push(chunk));
  let writer: RejectedRowsWriter | undefined;
  const rows: RosterRow[] = [];
  const report = await checkRoster(file, context, {
    today: TODAY,
    onHeader: (header) => {
      writer = createRejectedRowsWriter(out, { format, locale, header });
    },
    onRow: async (row) => {
      rows.push(row);
      await writer?.add(row);
    },
  });
  await writer?.finish();
  return { report, rows, file: Buffer.concat(parts) };
}

describe('createRejectedRowsWriter', () => {
  for (const format of FORMATS)
    it(`${format}: writes only rejected rows with their problems, and the file reads back`, async () => {
      const first = await rejectedFile(Buffer.from(UPLOAD), format, 'vi');
      expect(first.report).toMatchObject({ ok: true, rowsAccepted: 1, rowsRejected: 2 });

      const again = await rejectedFile(first.file, format, 'vi');
      expect(again.report.fileProblems).toEqual([
        { code: 'unknownColumn', severity: 'warning', header: 'Ghi chú riêng', letter: 'E' },
      ]);
      expect(again.report.header?.headers).toEqual([
        'STT',
        'Họ và tên',
        'Ngày sinh',
        'Mã lớp',
        'Ghi chú riêng',
        'Lỗi cần sửa',
      ]);
      expect(again.rows.map((r) => r.cells.slice(0, 5))).toEqual([
        ['2', '=1+1', '31/02/1999', 'NIC-AI-2025-01', 'công thức?'],
        ['3', '', '01/01/1990', 'NIC-XX', ''],
      ]);
      expect(again.rows[0]?.cells[5]).toBe('Ngày sinh không hợp lệ: 31/02/1999');
      expect(again.rows[1]?.cells[5]).toBe('Chưa điền “Họ và tên”\nKhông tìm thấy lớp có mã NIC-XX');
      expect(again.rows.map((r) => r.problems.map((p) => [p.row, p.code]))).toEqual([
        [[2, 'badDate']],
        [
          [3, 'required'],
          [3, 'unknownCohort'],
        ],
      ]);

      // A third round does not add a second problems column.
      const third = await rejectedFile(again.file, format, 'en');
      const reread = await check(third.file);
      expect(reread.report.header?.headers).toEqual([
        'STT',
        'Họ và tên',
        'Ngày sinh',
        'Mã lớp',
        'Ghi chú riêng',
        'Problems to fix',
      ]);
      expect(reread.rows[0]?.cells[5]).toBe('Date of birth is not a valid date: 31/02/1999');
    });
});
