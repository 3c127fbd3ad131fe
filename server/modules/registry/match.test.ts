import { describe, expect, it } from 'vitest';
import {
  blockingKeys,
  compare,
  compareNames,
  familyFirst,
  matchKeys,
  type PersonRecord,
  personRecordFromRow,
} from './match';
import { seededRandom, syntheticPopulation } from './synthetic';

describe('compareNames', () => {
  it.each([
    ['missing diacritics', 'Nguyễn Văn An', 'Nguyen Van An', 'same', 1],
    ['đ written d, upper case', 'Đặng Thị Hương', 'DANG THI HUONG', 'same', 1],
    ['old and new tone placement', 'Lê Thị Hòa', 'Lê Thị Hoà', 'same', 1],
    ['given name first', 'Nguyễn Văn An', 'An Nguyễn Văn', 'same', 0.97],
    ['family name last', 'Nguyễn Văn An', 'Văn An Nguyễn', 'same', 0.97],
    ['unrecognised family name, rotated', 'Đàon Thị Hà', 'Hà Đàon Thị', 'same', 0.97],
    ['a swapped pair of letters', 'Nguyễn Thị Phương', 'Ngyuen Thi Phuong', 'close', 0.9],
    ['two typos', 'Nguyễn Thị Phương', 'Ngyuen Thi Phuonh', 'close', 0.85],
    ['two accented spellings of one folded name', 'Nguyễn Văn Hùng', 'Nguyễn Văn Hưng', 'close', 0.9],
    ['missing middle name', 'Nguyễn Văn An', 'Nguyễn An', 'partial', 0.75],
    ['missing middle name, swapped', 'Trần Thị Ngọc Ánh', 'Ánh Trần Thị', 'partial', 0.75],
    ['one letter on a short given name', 'Nguyễn Văn An', 'Nguyễn Văn Anh', 'weak', 0.5],
    ['another first letter', 'Nguyễn Văn Minh', 'Nguyễn Văn Linh', 'weak', 0.5],
    ['a typo on the family name and no middle name', 'Nguyễn Thị Huyền', 'GNUYỄN HUYỀN', 'weak', 0.5],
    ['another given name', 'Nguyễn Văn An', 'Nguyễn Văn Bình', 'different', 0],
    ['siblings', 'Nguyễn Văn An', 'Nguyễn Thị Bình', 'different', 0],
    ['the given name missing', 'Nguyễn Văn An', 'Nguyễn Văn', 'different', 0],
    ['tokens crossing roles', 'Nguyễn Phương Thư', 'Nguyễn Thu Hương', 'different', 0],
    ['a middle name paired with a given name', 'Trần Văn Thành Quang', 'Trần Quang Thịnh', 'different', 0],
    ['an empty name', 'Nguyễn Văn An', '  ', 'different', 0],
  ] as const)('%s: %s / %s → %s', (_, a, b, kind, score) => {
    expect(compareNames(a, b)).toEqual({ kind, score });
    expect(compareNames(b, a)).toEqual({ kind, score });
  });
});

describe('familyFirst', () => {
  it('finds the family name in the orders rosters use', () => {
    expect(familyFirst(['nguyen', 'van', 'an'])).toEqual(['nguyen', 'van', 'an']);
    expect(familyFirst(['an', 'nguyen', 'van'])).toEqual(['nguyen', 'van', 'an']);
    expect(familyFirst(['van', 'an', 'nguyen'])).toEqual(['nguyen', 'van', 'an']);
  });

  it('keeps a family name in first place even when a later token ranks higher (Hoàng as a middle name)', () => {
    expect(familyFirst(['do', 'hoang', 'dat'])).toEqual(['do', 'hoang', 'dat']);
  });

  it('keeps the order when no token is a known family name', () => {
    expect(familyFirst(['ksor', 'hyun'])).toEqual(['ksor', 'hyun']);
    expect(familyFirst([])).toEqual([]);
  });
});

/** One worker as partner A's roster has her. */
const tuyet: PersonRecord = {
  fullName: 'Nguyễn Thị Ánh Tuyết',
  dateOfBirth: '1998-03-12',
  sex: 'F',
  provinceCode: '01',
  phone: '+84912345678',
  email: 'tuyet.nguyen@gmail.com',
  nationalIdHash: 'cccd-hash-1',
};

const bare = (fullName: string, extra: Partial<PersonRecord> = {}): PersonRecord => ({ fullName, ...extra });

describe('compare: national ID', () => {
  it('same card → sure, whatever the spelling', () => {
    expect(compare(tuyet, bare('NGUYEN ANH TUYET', { nationalIdHash: 'cccd-hash-1' }))).toMatchObject({
      decision: 'sure',
      reasons: ['nationalId'],
      name: 'partial',
    });
  });

  it('same card but a wildly different name → likely', () => {
    expect(compare(tuyet, bare('Trần Văn Bình', { nationalIdHash: 'cccd-hash-1' }))).toMatchObject({
      decision: 'likely',
      reasons: ['nationalId'],
    });
  });

  it('two different cards → none, even with the same name and birthday', () => {
    const other = bare('Nguyễn Thị Ánh Tuyết', { dateOfBirth: '1998-03-12', nationalIdHash: 'cccd-hash-2' });
    expect(compare(tuyet, other)).toMatchObject({ decision: 'none', reasons: ['nationalIdConflict'] });
  });

  it('two different cards, yet the same phone, name and birthday → likely (a mistyped card number)', () => {
    const other = { ...tuyet, nationalIdHash: 'cccd-hash-2' };
    expect(compare(tuyet, other)).toMatchObject({
      decision: 'likely',
      reasons: ['phone', 'email', 'nationalIdConflict'],
    });
  });
});

describe('compare: phone and e-mail', () => {
  it('same phone, name written the other way round → sure', () => {
    expect(compare(tuyet, bare('Ánh Tuyết Nguyễn Thị', { phone: '+84912345678' }))).toMatchObject({
      decision: 'sure',
      reasons: ['phone'],
    });
  });

  it('same e-mail, a typo in the name → sure', () => {
    expect(compare(tuyet, bare('Nguyen Thi Anh Tuyet', { email: 'tuyet.nguyen@gmail.com' }))).toMatchObject({
      decision: 'sure',
      reasons: ['email'],
    });
    expect(compare(tuyet, bare('Nguyễn Thị Ánh Tuyêt', { email: 'tuyet.nguyen@gmail.com' }))).toMatchObject({
      decision: 'sure',
      reasons: ['email'],
      name: 'close',
    });
  });

  it('same phone, compatible name, another birthday → likely', () => {
    expect(
      compare(tuyet, bare('Nguyễn Thị Ánh Tuyết', { phone: '+84912345678', dateOfBirth: '1989-03-12' })),
    ).toMatchObject({ decision: 'likely', reasons: ['phone', 'dobConflict'] });
  });

  it('same phone, a one-letter different given name → likely', () => {
    expect(
      compare(
        bare('Trần Văn An', { phone: '+84987654321' }),
        bare('Trần Văn Anh', { phone: '+84987654321' }),
      ),
    ).toMatchObject({ decision: 'likely', reasons: ['phone'], name: 'weak' });
  });

  it('same phone, another name, no birthday to tell them apart → likely (an alias or a relative)', () => {
    expect(compare(tuyet, bare('Phạm Văn Dũng', { phone: '+84912345678' }))).toMatchObject({
      decision: 'likely',
      reasons: ['phone'],
    });
  });

  it('same phone, another name, another birthday → none (a parent)', () => {
    expect(
      compare(tuyet, bare('Nguyễn Văn Hải', { phone: '+84912345678', dateOfBirth: '1970-08-02', sex: 'M' })),
    ).toMatchObject({ decision: 'none', reasons: ['phone', 'dobConflict', 'sexConflict'] });
  });

  it('twins: same phone, same birthday, same family, another given name → none', () => {
    const twin = bare('Nguyễn Thị Ánh Hồng', { phone: '+84912345678', dateOfBirth: '1998-03-12', sex: 'F' });
    expect(compare(tuyet, twin)).toMatchObject({ decision: 'none', reasons: ['phone'], name: 'different' });
  });
});

describe('compare: name and date of birth', () => {
  const an = bare('Nguyễn Văn An', { dateOfBirth: '1995-03-12', sex: 'M', provinceCode: '01' });

  it('same name, birthday and province → sure, with its score', () => {
    expect(compare(an, bare('NGUYEN VAN AN', { dateOfBirth: '1995-03-12', provinceCode: '01' }))).toEqual({
      decision: 'sure',
      score: 22, // name 8 + date 12 + province 2
      reasons: ['nameDobProvince'],
      name: 'same',
    });
  });

  it('same name and birthday, province unknown → sure', () => {
    expect(compare(an, bare('An Nguyễn Văn', { dateOfBirth: '1995-03-12' }))).toMatchObject({
      decision: 'sure',
      reasons: ['nameDob'],
    });
  });

  it('same name and birthday, another province → likely', () => {
    expect(
      compare(an, bare('Nguyễn Văn An', { dateOfBirth: '1995-03-12', provinceCode: '79' })),
    ).toMatchObject({
      decision: 'likely',
      reasons: ['nameDob'],
      score: 19,
    });
  });

  it('a close name: sure with the same province, likely without', () => {
    const hung = bare('Nguyễn Văn Hùng', { dateOfBirth: '1995-03-12', provinceCode: '01' });
    expect(
      compare(hung, bare('Nguyễn Văn Hưng', { dateOfBirth: '1995-03-12', provinceCode: '01' })),
    ).toMatchObject({ decision: 'sure', reasons: ['nameDobProvince'], name: 'close' });
    expect(compare(hung, bare('Nguyễn Văn Hưng', { dateOfBirth: '1995-03-12' }))).toMatchObject({
      decision: 'likely',
      reasons: ['nameDob'],
    });
  });

  it('a missing middle name → likely', () => {
    expect(compare(an, bare('Nguyễn An', { dateOfBirth: '1995-03-12' }))).toMatchObject({
      decision: 'likely',
      reasons: ['nameDob'],
      name: 'partial',
    });
  });

  it('day and month swapped → likely', () => {
    expect(compare(an, bare('Nguyễn Văn An', { dateOfBirth: '1995-12-03' }))).toMatchObject({
      decision: 'likely',
      reasons: ['nameDobNear'],
    });
  });

  it('a sex conflict lowers a sure to likely', () => {
    expect(compare(an, bare('Nguyễn Văn An', { dateOfBirth: '1995-03-12', sex: 'F' }))).toMatchObject({
      decision: 'likely',
      reasons: ['nameDob', 'sexConflict'],
    });
  });

  it('a name alone is never enough, even with province and sex', () => {
    expect(compare(an, bare('Nguyễn Văn An', { sex: 'M', provinceCode: '01' }))).toMatchObject({
      decision: 'none',
      reasons: [],
    });
  });

  it('namesakes born on other days → none', () => {
    expect(
      compare(an, bare('Nguyễn Văn An', { dateOfBirth: '1995-03-13', provinceCode: '01' })),
    ).toMatchObject({ decision: 'none', reasons: ['dobConflict'] });
  });

  it('two people sharing a family name and a birthday → none', () => {
    expect(compare(an, bare('Nguyễn Văn Bình', { dateOfBirth: '1995-03-12', provinceCode: '01' }))).toEqual({
      decision: 'none',
      score: 8, // name −6 + date 12 + province 2
      reasons: [],
      name: 'different',
    });
  });
});

describe('blockingKeys', () => {
  it('gives at most five keys: contacts, card, date with family name and with initials', () => {
    expect(blockingKeys(tuyet)).toEqual([
      'p:+84912345678',
      'e:tuyet.nguyen@gmail.com',
      'n:cccd-hash-1',
      'df:1998-03-12|nguyen',
      'di:1998-03-12|antt',
    ]);
  });

  it('looks a record up by its keys and by its date keys with day and month swapped', () => {
    expect(matchKeys(tuyet)).toEqual([...blockingKeys(tuyet), 'df:1998-12-03|nguyen', 'di:1998-12-03|antt']);
    // The other roster's reading of the same day is found through the swap.
    const american = blockingKeys(bare('Nguyen Thi Anh Tuyet', { dateOfBirth: '1998-12-03' }));
    expect(matchKeys(tuyet).filter((k) => american.includes(k))).toEqual([
      'df:1998-12-03|nguyen',
      'di:1998-12-03|antt',
    ]);
    // No swap when it is no date (day over 12) or the same date (day equal to month).
    expect(matchKeys(bare('Lê Tám', { dateOfBirth: '2001-01-25' }))).toEqual(
      blockingKeys(bare('Lê Tám', { dateOfBirth: '2001-01-25' })),
    );
    expect(matchKeys(bare('Lê Tám', { dateOfBirth: '2001-04-04' }))).toHaveLength(2);
  });

  it('shares keys between spellings of one person', () => {
    const swapped = blockingKeys(bare('ANH TUYET NGUYEN THI', { dateOfBirth: '1998-03-12' }));
    expect(swapped).toEqual(['df:1998-03-12|nguyen', 'di:1998-03-12|antt']);
    // A typo in the family name breaks df:, not di:.
    const typo = blockingKeys(bare('Ngyuen Thi Anh Tuyet', { dateOfBirth: '1998-03-12' }));
    expect(typo.filter((k) => blockingKeys(tuyet).includes(k))).toEqual(['di:1998-03-12|antt']);
    // A dropped middle name breaks di:, not df:.
    const short = blockingKeys(bare('Nguyễn Tuyết', { dateOfBirth: '1998-03-12' }));
    expect(short.filter((k) => blockingKeys(tuyet).includes(k))).toEqual(['df:1998-03-12|nguyen']);
  });

  it('gives a record without date or identifier no key: a name alone never matches', () => {
    expect(blockingKeys(bare('Lê Văn Tám'))).toEqual([]);
    expect(blockingKeys(bare('Tám', { dateOfBirth: '2001-01-01' }))).toEqual([
      'df:2001-01-01|tam',
      'di:2001-01-01|t',
    ]);
    expect(blockingKeys(bare(''))).toEqual([]);
  });
});

describe('personRecordFromRow', () => {
  it('normalises every field of a roster row and keeps only the hash of a valid card', () => {
    const hash = (cccd: string) => `hash(${cccd})`;
    const row = {
      fullName: 'Nguyễn Thị Ánh Tuyết',
      dateOfBirth: '12/03/1998',
      sex: 'Nữ',
      provinceCode: ' 01 ',
      phone: '0912.345.678',
      email: ' Tuyet.Nguyen@Gmail.com',
      nationalId: '001 198 012 345',
    };
    expect(personRecordFromRow(row, hash, '2025-06-30')).toEqual({
      fullName: 'Nguyễn Thị Ánh Tuyết',
      dateOfBirth: '1998-03-12',
      sex: 'F',
      provinceCode: '01',
      phone: '+84912345678',
      email: 'tuyet.nguyen@gmail.com',
      nationalIdHash: 'hash(001198012345)',
    });
    expect(
      personRecordFromRow(
        { fullName: 'Lê Văn Tám', dateOfBirth: 35000, phone: '024 3826 7777', nationalId: '12345' },
        hash,
        '2025-06-30',
      ),
    ).toEqual({
      fullName: 'Lê Văn Tám',
      dateOfBirth: '1995-10-28',
      sex: null,
      provinceCode: null,
      phone: null,
      email: null,
      nationalIdHash: null,
    });
  });
});

describe('syntheticPopulation', () => {
  it('is the same for the same seed', () => {
    const a = syntheticPopulation({ seed: 7, people: 200, duplicateRate: 0.1 });
    const b = syntheticPopulation({ seed: 7, people: 200, duplicateRate: 0.1 });
    expect(b.records).toEqual(a.records);
    expect(a.people).toHaveLength(200);
    expect(new Set(a.records.map((r) => r.personId)).size).toBe(200);
    expect(seededRandom(42)()).toBe(seededRandom(42)());
  });

  it('draws family names at their real frequencies', () => {
    const { people } = syntheticPopulation({ seed: 11, people: 5000, duplicateRate: 0 });
    const share = people.filter((p) => p.family === 'Nguyễn').length / people.length;
    expect(share).toBeGreaterThan(0.35);
    expect(share).toBeLessThan(0.42);
  });

  it('gives each person a CCCD consistent with their sex and birth year', () => {
    const { people } = syntheticPopulation({ seed: 3, people: 500, duplicateRate: 0 });
    for (const p of people) {
      const century = Number(p.dateOfBirth.slice(0, 4)) >= 2000 ? 2 : 0;
      expect(p.nationalId.slice(3, 6)).toBe(
        `${century + (p.sex === 'F' ? 1 : 0)}${p.dateOfBirth.slice(2, 4)}`,
      );
      expect(p.nationalId.slice(0, 3)).toBe(`0${p.birthProvince}`);
    }
  });

  it('is matched end to end: blocking keys, then compare', () => {
    const { records: rows } = syntheticPopulation({ seed: 5, people: 3000, duplicateRate: 0.1 });
    const records = rows.map((r) => personRecordFromRow(r.row, (c) => c, '2026-01-01'));
    const blocks = new Map<string, number[]>();
    records.forEach((r, i) => {
      for (const key of blockingKeys(r)) blocks.set(key, [...(blocks.get(key) ?? []), i]);
    });
    const candidates = new Set<string>();
    records.forEach((r, i) => {
      for (const key of matchKeys(r))
        for (const j of blocks.get(key) ?? []) if (j !== i) candidates.add(i < j ? `${i}-${j}` : `${j}-${i}`);
    });
    let truePairs = 0;
    const byPerson = new Map<number, number>();
    for (const r of rows) byPerson.set(r.personId, (byPerson.get(r.personId) ?? 0) + 1);
    for (const n of byPerson.values()) truePairs += (n * (n - 1)) / 2;
    let predicted = 0;
    let right = 0;
    for (const pair of candidates) {
      const [i, j] = pair.split('-').map(Number) as [number, number];
      if (compare(records[i] as PersonRecord, records[j] as PersonRecord).decision === 'none') continue;
      predicted++;
      if ((rows[i] as { personId: number }).personId === (rows[j] as { personId: number }).personId) right++;
    }
    expect(right / predicted).toBeGreaterThanOrEqual(0.98);
    expect(right / truePairs).toBeGreaterThanOrEqual(0.95);
  });
});
