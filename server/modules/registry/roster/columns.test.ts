import { describe, expect, it } from 'vitest';
import {
  columnForHeader,
  columnIndex,
  columnLetter,
  FILE_PROBLEM_CODES,
  headerNames,
  LOCALES,
  MESSAGES,
  mapHeader,
  problemMessage,
  ROSTER_COLUMNS,
  ROW_PROBLEM_CODES,
} from './columns';

describe('headers', () => {
  it('recognises English and Vietnamese names in any case, with or without accents and spaces', () => {
    const headers = [
      '  HỌ VÀ TÊN ',
      'ho va ten',
      'Full_Name',
      'Ngày  sinh',
      'ngay_sinh',
      'Số CCCD',
      'SĐT',
      'Tinh/Thanh pho',
    ];
    expect(headers.map(columnForHeader)).toEqual([
      'full_name',
      'full_name',
      'full_name',
      'date_of_birth',
      'date_of_birth',
      'national_id',
      'phone',
      'province',
    ]);
    expect(['Lỗi cần sửa', 'Problems to fix', '修正が必要な点', 'STT', ''].map(columnForHeader)).toEqual([
      'ignored',
      'ignored',
      'ignored',
      'ignored',
      'ignored',
    ]);
    expect(columnForHeader('Quê quán')).toBeNull();
  });

  it('gives no header key to two columns', () => {
    const owner = new Map<string, string>();
    const clashes = headerNames().filter(
      ({ column, key }) => (owner.get(key) ?? owner.set(key, column).get(key)) !== column,
    );
    expect(clashes).toEqual([]);
  });

  it('maps a header row', () => {
    expect(mapHeader(['STT', 'Tên', 'Mã lớp', 'Ghi chú', 'name'])).toEqual({
      headers: ['STT', 'Tên', 'Mã lớp', 'Ghi chú', 'name'],
      columns: new Map([
        [1, 'full_name'],
        [2, 'cohort_code'],
      ]),
      ignored: [0],
      unknown: [{ index: 3, header: 'Ghi chú' }],
      missing: [],
      duplicates: [{ column: 'full_name', index: 1, otherIndex: 4 }],
    });
    expect(mapHeader(['email']).missing).toEqual(['full_name', 'cohort_code']);
  });

  it('converts column letters', () => {
    expect([0, 25, 26, 63, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'BL', 'ZZ', 'AAA']);
    expect(['A', 'Z', 'AA', 'BL', 'ZZ', 'AAA'].map(columnIndex)).toEqual([0, 25, 26, 63, 701, 702]);
    expect(columnIndex('ABCD')).toBeNaN();
  });
});

describe('messages', () => {
  it('has every problem and column in every language, and nothing else', () => {
    for (const locale of LOCALES) {
      expect(Object.keys(MESSAGES[locale].problems).sort()).toEqual(
        [...ROW_PROBLEM_CODES, ...FILE_PROBLEM_CODES].sort(),
      );
      expect(Object.keys(MESSAGES[locale].columns)).toEqual([...ROSTER_COLUMNS]);
      expect(Object.keys(MESSAGES[locale].template.formats)).toEqual([...ROSTER_COLUMNS]);
    }
  });

  it('fills every placeholder of the problems it is given', () => {
    const full = {
      row: 7,
      column: 'phone',
      value: 'x',
      firstRow: 3,
      max: 5,
      header: 'H',
      letter: 'B',
      otherLetter: 'C',
    } as const;
    for (const locale of LOCALES) {
      for (const code of ROW_PROBLEM_CODES)
        expect(problemMessage(locale, { ...full, code })).not.toMatch(/\{\{|\}\}/u);
      for (const code of FILE_PROBLEM_CODES)
        expect(problemMessage(locale, { ...full, code, severity: 'error' })).not.toMatch(/\{\{|\}\}/u);
    }
  });

  it('reads naturally', () => {
    expect(problemMessage('vi', { code: 'missingColumn', severity: 'error', column: 'cohort_code' })).toBe(
      'Thiếu cột bắt buộc “Mã lớp”',
    );
    expect(
      problemMessage('en', { code: 'unknownColumn', severity: 'warning', header: 'Quê quán', letter: 'D' }),
    ).toBe('The column “Quê quán” (column D) is not recognised and will be ignored');
    expect(
      problemMessage('ja', { row: 4, column: 'national_id', code: 'duplicateNationalId', firstRow: 2 }),
    ).toBe('2行目と国民ID番号が重複しています');
  });
});
