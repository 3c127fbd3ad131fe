import { describe, expect, it } from 'vitest';
import { foldVi } from '../../../../common/text';
import { mapHeader, problemMessage } from './columns';
import { checkRoster, createRowValidator, type RosterRow, type RowContext } from './validate';

const TODAY = '2026-06-01';

/** Two cohorts and a few provinces, as the import would answer from the database. */
const PROVINCES: Record<string, string> = { 'ha noi': '01', 'ha tay': '01', '01': '01', 'bac giang': '24' };
function fakeContext(calls: string[] = []): RowContext {
  return {
    cohortExists: (code) => {
      calls.push(`cohort:${code}`);
      return code === 'NIC-AI-2025-01' || code === 'NIC-IOT-2025-02';
    },
    resolveProvince: async (input) => {
      calls.push(`province:${input}`);
      return PROVINCES[foldVi(input)] ?? null;
    },
  };
}

const HEADER =
  'Họ và tên,Giới tính,Ngày sinh,Số CCCD,Số điện thoại,Email,Tỉnh/Thành phố,Xã/Phường,Khuyết tật,Mã lớp,Vai trò,Trạng thái,Ngày hoàn thành';
const GOOD =
  'Nguyễn Thị Lan,Nữ,15/03/1998,001198012345,0912345678,lan@example.com,Hà Nội,Phường Ba Đình,Không,NIC-AI-2025-01,Học viên,Hoàn thành,20/06/2025';

async function check(lines: string[], context = fakeContext()) {
  const rows: RosterRow[] = [];
  const report = await checkRoster(Buffer.from(lines.join('\n')), context, {
    today: TODAY,
    onRow: (row) => {
      rows.push(row);
    },
  });
  return { report, rows };
}

describe('checkRoster', () => {
  it('accepts a good row and gives it in canonical form', async () => {
    const { report, rows } = await check([HEADER, GOOD]);
    expect(report).toMatchObject({ format: 'csv', ok: true, rowsRead: 1, rowsAccepted: 1, rowsRejected: 0 });
    expect(report.fileProblems).toEqual([]);
    expect(rows[0]?.record).toEqual({
      fullName: 'Nguyễn Thị Lan',
      sex: 'F',
      dateOfBirth: '1998-03-15',
      nationalId: '001198012345',
      phone: '+84912345678',
      email: 'lan@example.com',
      provinceCode: '01',
      commune: 'Phường Ba Đình',
      disability: false,
      cohortCode: 'NIC-AI-2025-01',
      role: 'learner',
      status: 'completed',
      completedOn: '2025-06-20',
    });
  });

  it('reports each problem with the row number Excel shows and the column', async () => {
    const { report } = await check([
      'full_name,sex,date_of_birth,national_id,phone,email,province,cohort_code,role,status,completed_on,disability',
      ',M,31/02/1999,12345,12345,not-an-email,Atlantis,NIC-XX,boss,sleeping,,maybe',
      'An,Q,01/01/2030,001098012345,0912345678,,Hà Tây,NIC-AI-2025-01,trainer,completed,,',
      'Bình,M,1990-05-05,001190012345,,,,NIC-AI-2025-01,,completed,1989-01-01,',
      'Chi,F,1990-05-05,999190012345,,,,NIC-AI-2025-01,,,,',
    ]);
    expect(report.ok).toBe(true);
    expect(report.rowsRejected).toBe(4);
    expect(report.problems).toEqual([
      { row: 2, column: 'full_name', code: 'required' },
      { row: 2, column: 'date_of_birth', code: 'badDate', value: '31/02/1999' },
      { row: 2, column: 'national_id', code: 'badNationalId', value: '12345' },
      { row: 2, column: 'phone', code: 'badPhone', value: '12345' },
      { row: 2, column: 'email', code: 'badEmail', value: 'not-an-email' },
      { row: 2, column: 'province', code: 'unknownProvince', value: 'Atlantis' },
      { row: 2, column: 'disability', code: 'unknownDisability' },
      { row: 2, column: 'cohort_code', code: 'unknownCohort', value: 'NIC-XX' },
      { row: 2, column: 'role', code: 'unknownRole', value: 'boss' },
      { row: 2, column: 'status', code: 'unknownStatus', value: 'sleeping' },
      { row: 3, column: 'sex', code: 'unknownSex', value: 'Q' },
      { row: 3, column: 'date_of_birth', code: 'futureDate', value: '01/01/2030' },
      { row: 3, column: 'completed_on', code: 'completedOnMissing' },
      { row: 4, column: 'national_id', code: 'nationalIdSexConflict', value: '001190012345' },
      { row: 4, column: 'completed_on', code: 'completedOnBeforeBirth', value: '1989-01-01' },
      { row: 5, column: 'national_id', code: 'nationalIdProvince', value: '999190012345' },
    ]);
  });

  it('reports a CCCD whose year contradicts the date of birth', async () => {
    const { report } = await check([HEADER, GOOD.replace('15/03/1998', '15/03/1997')]);
    expect(report.problems).toEqual([
      { row: 2, column: 'national_id', code: 'nationalIdBirthYearConflict', value: '001198012345' },
    ]);
  });

  it('reports duplicates on the later row, naming the earlier one', async () => {
    const { report } = await check([
      'full_name,date_of_birth,national_id,phone,cohort_code',
      'Nguyễn Văn An,1990-01-02,001090000001,0912000001,NIC-AI-2025-01',
      'Trần Bình,1991-01-02,001091000002,0912000002,NIC-AI-2025-01',
      'Nguyen Van An,02/01/1990,,,NIC-AI-2025-01',
      'Lê Chi,1992-01-01,001090000001,+84 912 000 002,NIC-AI-2025-01',
    ]);
    expect(report.problems).toEqual([
      { row: 4, column: 'full_name', code: 'duplicatePerson', value: 'Nguyen Van An', firstRow: 2 },
      { row: 5, column: 'national_id', code: 'nationalIdBirthYearConflict', value: '001090000001' },
      { row: 5, column: 'national_id', code: 'duplicateNationalId', value: '001090000001', firstRow: 2 },
      { row: 5, column: 'phone', code: 'duplicatePhone', value: '+84 912 000 002', firstRow: 3 },
    ]);
  });

  it('fills role and status when empty, reads Japanese and English words, and pads a CCCD that lost its zeros', async () => {
    const { rows } = await check([
      'name,gender,dob,cccd,cohort,role,status,completed on,disability',
      'Phạm Mai,女性,1998-03-15,1198012345,NIC-AI-2025-01,講師,修了,2025-06-20,はい',
      'Đỗ Hùng,male,1990-01-01,,NIC-AI-2025-01,,,,x',
    ]);
    expect(rows.map((r) => r.problems)).toEqual([[], []]);
    expect(rows[0]?.record).toMatchObject({
      sex: 'F',
      nationalId: '001198012345',
      role: 'trainer',
      status: 'completed',
      disability: true,
    });
    expect(rows[1]?.record).toMatchObject({
      sex: 'M',
      role: 'learner',
      status: 'enrolled',
      disability: true,
    });
  });

  it('asks the context once per distinct cohort and province', async () => {
    const calls: string[] = [];
    await check([HEADER, GOOD, GOOD.replace('0912345678', '0912345679'), GOOD], fakeContext(calls));
    expect(calls).toEqual(['province:Hà Nội', 'cohort:NIC-AI-2025-01']);
  });

  it('refuses a file without the required columns, and warns of unknown ones', async () => {
    const { report, rows } = await check(['Họ tên,Quê quán,STT', 'An,Huế,1']);
    expect(report.ok).toBe(false);
    expect(report.fileProblems).toEqual([
      { code: 'missingColumn', severity: 'error', column: 'cohort_code' },
      { code: 'unknownColumn', severity: 'warning', header: 'Quê quán', letter: 'B' },
    ]);
    expect(rows).toEqual([]);
  });

  it('refuses a file naming one column twice', async () => {
    const { report } = await check(['Họ tên,Mã lớp,full name', 'An,NIC-AI-2025-01,An']);
    expect(report.fileProblems).toEqual([
      { code: 'duplicateColumn', severity: 'error', column: 'full_name', letter: 'A', otherLetter: 'C' },
    ]);
  });

  it('refuses over-long cells and keeps only the first problems of a garbage file', async () => {
    const long = 'a'.repeat(501);
    const lines = ['full_name,cohort_code,phone', `${long},NIC-AI-2025-01,`];
    for (let i = 0; i < 6_000; i++) lines.push(`x${i},nope,abc`);
    const { report } = await check(lines);
    expect(report.problems[0]).toEqual({ row: 2, column: 'full_name', code: 'valueTooLong', max: 500 });
    expect(report.problems).toHaveLength(5_000);
    expect(report.problemsOmitted).toBe(12_001 - 5_000);
  });
});

describe('createRowValidator', () => {
  it('flags formulas saved without a value and does not call them missing', async () => {
    const validate = createRowValidator(mapHeader(['full_name', 'cohort_code']), fakeContext(), {
      today: TODAY,
    });
    const row = await validate({ row: 9, cells: [null, 'NIC-AI-2025-01'], uncomputedFormulas: [0] });
    expect(row.problems).toEqual([{ row: 9, column: 'full_name', code: 'formulaWithoutValue' }]);
  });

  it('reads date cells and refuses a year typed as a number', async () => {
    const validate = createRowValidator(
      mapHeader(['full_name', 'cohort_code', 'date_of_birth']),
      fakeContext(),
      {
        today: TODAY,
      },
    );
    const dated = await validate({
      row: 2,
      cells: ['An', 'NIC-AI-2025-01', new Date(Date.UTC(1998, 2, 15))],
    });
    const serial = await validate({ row: 3, cells: ['Bình', 'NIC-AI-2025-01', 35869] });
    const year = await validate({ row: 4, cells: ['Chi', 'NIC-AI-2025-01', 1998] });
    expect([dated.record?.dateOfBirth, serial.record?.dateOfBirth]).toEqual(['1998-03-15', '1998-03-15']);
    expect(year.problems).toEqual([{ row: 4, column: 'date_of_birth', code: 'badDate', value: '1998' }]);
  });
});

describe('problemMessage', () => {
  it('writes natural sentences in each language', () => {
    const problem = { row: 7, column: 'date_of_birth', code: 'badDate', value: '31/02/1999' } as const;
    expect(problemMessage('vi', problem)).toBe('Ngày sinh không hợp lệ: 31/02/1999');
    expect(problemMessage('en', problem)).toBe('Date of birth is not a valid date: 31/02/1999');
    expect(problemMessage('ja', problem)).toBe('生年月日が正しくありません：31/02/1999');
    expect(problemMessage('vi', { row: 9, column: 'phone', code: 'duplicatePhone', firstRow: 3 })).toBe(
      'Trùng số điện thoại với dòng 3',
    );
  });
});
