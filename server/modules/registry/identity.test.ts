import { describe, expect, it } from 'vitest';
import {
  nationalIdConflicts,
  nationalIdConsistent,
  normaliseEmail,
  normalisePhone,
  parseDate,
  parseNationalId,
  parseSex,
  todayIso,
} from './identity';

describe('normalisePhone: Vietnamese mobiles to +84 and 9 digits', () => {
  const canonical = '+84912345678';
  it.each([
    '0912345678',
    '0912 345 678',
    '0912.345.678',
    '0912-345-678',
    '(091) 234 5678',
    '+84912345678',
    '+84 912 345 678',
    '+84 91 234 5678',
    '84912345678',
    '(+84) 0912-345-678',
    '0084 912 345 678',
    '912345678',
    ' 0912 345 678 ',
  ])('%s', (raw) => {
    expect(normalisePhone(raw)).toBe(canonical);
  });

  it('keeps each mobile prefix family: 03, 05, 07, 08, 09', () => {
    expect(normalisePhone('0389 123 456')).toBe('+84389123456');
    expect(normalisePhone('0567.123.456')).toBe('+84567123456');
    expect(normalisePhone('0777 123 456')).toBe('+84777123456');
    expect(normalisePhone('0868123456')).toBe('+84868123456');
  });

  it.each([
    ['a Hà Nội landline', '024 3826 7777'],
    ['a landline in mobile length', '0212345678'],
    ['a foreign number', '+1 415 555 0100'],
    ['a Japanese mobile', '+81 90 1234 5678'],
    ['one digit short', '091 234 567'],
    ['one digit long', '09123456789'],
    ['letters', '09l2345678'],
    ['an extension', '0912345678 ext 2'],
    ['a + in the middle', '0912+345678'],
    ['nothing', ''],
  ])('refuses %s', (_, raw) => {
    expect(normalisePhone(raw)).toBeNull();
  });

  it('answers null for a missing value', () => {
    expect(normalisePhone(null)).toBeNull();
    expect(normalisePhone(undefined)).toBeNull();
  });
});

describe('normaliseEmail', () => {
  it('trims and lower-cases', () => {
    expect(normaliseEmail('  Tuyet.Nguyen@Gmail.COM ')).toBe('tuyet.nguyen@gmail.com');
    expect(normaliseEmail('mailto:hr@nic.gov.vn')).toBe('hr@nic.gov.vn');
    expect(normaliseEmail('an.tran+nic@fpt.edu.vn')).toBe('an.tran+nic@fpt.edu.vn');
  });

  it.each([
    'nguyenvanan',
    'an@localhost',
    'an@@gmail.com',
    'an nguyen@gmail.com',
    '@gmail.com',
    'an@.vn',
    '',
  ])('refuses %j', (raw) => {
    expect(normaliseEmail(raw)).toBeNull();
  });

  it('answers null for a missing value', () => {
    expect(normaliseEmail(null)).toBeNull();
  });
});

describe('parseNationalId: the 12-digit CCCD', () => {
  const today = '2025-06-30';

  it('reads province, sex and birth year', () => {
    expect(parseNationalId('001090012345', today)).toEqual({
      ok: true,
      value: '001090012345',
      provinceCode: '001',
      sex: 'M',
      birthYear: 1990,
    });
    expect(parseNationalId('079 305 001 234', today)).toEqual({
      ok: true,
      value: '079305001234',
      provinceCode: '079',
      sex: 'F',
      birthYear: 2005,
    });
    expect(parseNationalId('036199876543', today)).toEqual({
      ok: true,
      value: '036199876543',
      provinceCode: '036',
      sex: 'F',
      birthYear: 1999,
    });
    expect(parseNationalId('096201000001', today)).toEqual({
      ok: true,
      value: '096201000001',
      provinceCode: '096',
      sex: 'M',
      birthYear: 2001,
    });
  });

  it.each([
    ['too short', '00109001234'],
    ['too long', '0010900123456'],
    ['a 9-digit CMND', '013456789'],
    ['a letter', '00109001234A'],
    ['dashes', '001-090-012345'],
    ['empty', ''],
  ])('format: %s', (_, raw) => {
    expect(parseNationalId(raw, today)).toEqual({ ok: false, reason: 'format' });
  });

  it.each(['000090012345', '003090012345', '013090012345', '097090012345', '099090012345'])(
    'province: %s',
    (raw) => {
      expect(parseNationalId(raw, today)).toEqual({ ok: false, reason: 'province' });
    },
  );

  it('birthYear: born in the 2100s, 2200s, 1800s or after today', () => {
    expect(parseNationalId('001490012345', today)).toEqual({ ok: false, reason: 'birthYear' });
    expect(parseNationalId('001790012345', today)).toEqual({ ok: false, reason: 'birthYear' });
    expect(parseNationalId('001890012345', today)).toEqual({ ok: false, reason: 'birthYear' });
    expect(parseNationalId('001230012345', today)).toEqual({ ok: false, reason: 'birthYear' });
    expect(parseNationalId('001225012345', today)).toEqual({
      ok: true,
      value: '001225012345',
      provinceCode: '001',
      sex: 'M',
      birthYear: 2025,
    });
  });

  it('answers format for a missing value', () => {
    expect(parseNationalId(null, today)).toEqual({ ok: false, reason: 'format' });
  });
});

describe('nationalIdConsistent / nationalIdConflicts: the impossible CCCD of the import report', () => {
  const today = '2025-06-30';
  const woman2005 = '079305001234';

  it('accepts a card that matches the sex and birth year', () => {
    expect(nationalIdConsistent(woman2005, { sex: 'F', dateOfBirth: '2005-03-04' }, today)).toBe(true);
    expect(nationalIdConflicts(woman2005, { sex: 'F', dateOfBirth: '2005-03-04' }, today)).toEqual([]);
  });

  it('names each contradiction', () => {
    expect(nationalIdConflicts(woman2005, { sex: 'M', dateOfBirth: '2005-03-04' }, today)).toEqual(['sex']);
    expect(nationalIdConflicts(woman2005, { sex: 'F', dateOfBirth: '1995-03-04' }, today)).toEqual([
      'dateOfBirth',
    ]);
    expect(nationalIdConflicts(woman2005, { sex: 'M', dateOfBirth: '2004-12-31' }, today)).toEqual([
      'sex',
      'dateOfBirth',
    ]);
    expect(nationalIdConsistent(woman2005, { sex: 'M', dateOfBirth: '2005-03-04' }, today)).toBe(false);
  });

  it('finds no contradiction in what is unknown', () => {
    expect(nationalIdConflicts(woman2005, { sex: 'X', dateOfBirth: null }, today)).toEqual([]);
    expect(nationalIdConflicts(woman2005, {}, today)).toEqual([]);
  });

  it('reports a malformed card as its problem', () => {
    expect(nationalIdConflicts('12345', { sex: 'F' }, today)).toEqual(['format']);
    expect(nationalIdConflicts('003305001234', { sex: 'F' }, today)).toEqual(['province']);
    expect(nationalIdConsistent('003305001234', { sex: 'F' }, today)).toBe(false);
  });
});

describe('parseDate', () => {
  const today = '2025-06-30';

  it.each([
    ['2000-02-29', '2000-02-29'],
    ['1990-5-7', '1990-05-07'],
    ['07/05/1990', '1990-05-07'],
    ['7/5/1990', '1990-05-07'],
    ['07-05-1990', '1990-05-07'],
    ['07.05.1990', '1990-05-07'],
    [' 31/12/1999 ', '1999-12-31'],
    ['30/06/2025', '2025-06-30'],
  ])('%s → %s', (raw, iso) => {
    expect(parseDate(raw, today)).toBe(iso);
  });

  it('reads Excel serial numbers (days since 1899-12-30)', () => {
    expect(parseDate(36526, today)).toBe('2000-01-01');
    expect(parseDate(32874, today)).toBe('1990-01-01');
    expect(parseDate(25569, today)).toBe('1970-01-01');
    expect(parseDate(36526.75, today)).toBe('2000-01-01');
    expect(parseDate('36526', today)).toBe('2000-01-01');
  });

  it('reads a spreadsheet Date (UTC midnight)', () => {
    expect(parseDate(new Date(Date.UTC(1990, 4, 17)), today)).toBe('1990-05-17');
    expect(parseDate(new Date(Number.NaN), today)).toBeNull();
  });

  it.each([
    ['31 February', '31/02/2000'],
    ['29 February of a common year', '29/02/2001'],
    ['month 13', '2001-13-01'],
    ['day 0', '00/05/1990'],
    ['mixed separators', '07/05-1990'],
    ['a two-digit year', '07/05/90'],
    ['a bare year (not a serial)', '1995'],
    ['before 1900', '31/12/1899'],
    ['after today', '01/07/2025'],
    ['words', 'mùng 7 tháng 5'],
    ['nothing', ''],
  ])('refuses %s', (_, raw) => {
    expect(parseDate(raw, today)).toBeNull();
  });

  it('refuses serials out of 1–60000 or out of range once converted', () => {
    expect(parseDate(0, today)).toBeNull();
    expect(parseDate(60001, today)).toBeNull();
    expect(parseDate(59000, today)).toBeNull(); // 2061
    expect(parseDate(1, today)).toBeNull(); // 1899-12-31
    expect(parseDate(Number.NaN, today)).toBeNull();
  });

  it('answers null for a missing value', () => {
    expect(parseDate(null, today)).toBeNull();
    expect(parseDate(undefined, today)).toBeNull();
  });

  it('takes today in Vietnam by default', () => {
    // 2025-06-30 20:00 UTC is already 1 July in Hà Nội (UTC+7).
    expect(todayIso(new Date('2025-06-30T20:00:00Z'))).toBe('2025-07-01');
    expect(todayIso(new Date('2025-06-30T16:59:00Z'))).toBe('2025-06-30');
  });
});

describe('parseSex', () => {
  it.each([
    ['Nữ', 'F'],
    ['NỮ', 'F'],
    ['nữ', 'F'],
    ['Nữ'.normalize('NFD'), 'F'],
    ['nu', 'F'],
    ['F', 'F'],
    ['female', 'F'],
    ['Female', 'F'],
    ['Nam', 'M'],
    ['NAM', 'M'],
    [' nam ', 'M'],
    ['m', 'M'],
    ['Male', 'M'],
    ['Khác', 'X'],
    ['khac', 'X'],
    ['X', 'X'],
    ['other', 'X'],
  ] as const)('%s → %s', (raw, sex) => {
    expect(parseSex(raw)).toBe(sex);
  });

  it.each(['n', 'nữa', '', 'constructor', 'toString', '1'])('refuses %j', (raw) => {
    expect(parseSex(raw)).toBeNull();
  });

  it('answers null for a missing value', () => {
    expect(parseSex(null)).toBeNull();
  });
});
