import { describe, expect, it } from 'vitest';
import {
  canonicalVi,
  editDistance,
  foldedContains,
  foldedEquals,
  foldVi,
  hasDiacritics,
  highlightRanges,
  normalizeVi,
  remembered,
  similarity,
  tokensVi,
} from './index';

const nfd = (s: string) => s.normalize('NFD');
const stripMarks = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/đ/gu, 'd');

describe('normalizeVi: canonical (new style) tone placement', () => {
  // [old style or other spelling, canonical]
  const pairs: [string, string][] = [
    ['Hòa Bình', 'hoà bình'],
    ['Thanh Hóa', 'thanh hoá'],
    ['Khánh Hòa', 'khánh hoà'],
    ['Thủy', 'thuỷ'],
    ['thủy điện', 'thuỷ điện'],
    ['Thúy Kiều', 'thuý kiều'],
    ['khỏe', 'khoẻ'],
    ['Họa sĩ', 'hoạ sĩ'],
    ['Hòa Lạc', 'hoà lạc'],
    ['Ủy ban nhân dân', 'uỷ ban nhân dân'],
    ['Nguyễn Úy', 'nguyễn uý'],
    ['xòe', 'xoè'],
  ];
  it.each(pairs)('%s → %s', (input, canonical) => {
    expect(normalizeVi(input)).toBe(canonical);
    expect(normalizeVi(canonical)).toBe(canonical);
  });

  it('makes both spellings of the same word equal, in both directions', () => {
    for (const [a, b] of [
      ['hoà', 'hòa'],
      ['thuỷ', 'thủy'],
      ['khoẻ', 'khỏe'],
      ['Hoà Lạc', 'Hòa Lạc'],
      ['Thuý Kiều', 'Thúy Kiều'],
      ['Hoạ sĩ', 'Họa sĩ'],
      ['Khánh Hoà', 'Khánh Hòa'],
    ] as const) {
      expect(normalizeVi(a)).toBe(normalizeVi(b));
      expect(normalizeVi(b)).toBe(normalizeVi(a));
    }
  });

  // Words whose tone position is the same in both styles must come out untouched.
  const stable = [
    'quý',
    'Quý',
    'quốc',
    'quyển',
    'Quỳnh',
    'quả',
    'giữa',
    'già',
    'giải',
    'gió',
    'giường',
    'gìn giữ',
    'gì',
    'nghiêng',
    'Nguyễn',
    'Đắk Lắk',
    'Lào Cai',
    'mùa',
    'mía',
    'túi',
    'tỏi',
    'dìu',
    'hoàng',
    'khoát',
    'huých',
    'Huế',
    'thuở',
    'người',
    'rượu',
    'tuổi',
    'ngoài',
    'khuỷu',
    'ngoẻo',
    'hoặc',
    'khuyến',
    'Cư Jút',
    'Krông Búk',
  ];
  it.each(stable)('%s keeps its tone where it is', (word) => {
    expect(normalizeVi(word)).toBe(word.toLowerCase());
  });

  it('canonicalVi keeps case, including upper-case Vietnamese', () => {
    expect(canonicalVi('Tỉnh Thanh Hóa')).toBe('Tỉnh Thanh Hoá');
    expect(canonicalVi('HÒA LẠC')).toBe('HOÀ LẠC');
    expect(canonicalVi('THỦY')).toBe('THUỶ');
    expect(canonicalVi('ĐẮK LẮK')).toBe('ĐẮK LẮK');
    expect(normalizeVi('HÒA LẠC')).toBe('hoà lạc');
    expect(normalizeVi('ĐÀ NẴNG')).toBe('đà nẵng');
  });

  it('accepts decomposed (NFD) input and returns NFC', () => {
    for (const s of ['Hòa Lạc', 'Nguyễn Văn Ân', 'Thành phố Hồ Chí Minh', 'Đắk Lắk', 'Thủy']) {
      const out = normalizeVi(nfd(s));
      expect(out).toBe(normalizeVi(s));
      expect(out).toBe(out.normalize('NFC'));
    }
    // Marks typed in a non-canonical order (dot below after the circumflex or before it).
    expect(normalizeVi('Vi\u0065\u0323\u0302t')).toBe('việt');
    expect(normalizeVi('Vi\u0065\u0302\u0323t')).toBe('việt');
  });

  it('trims, collapses whitespace (incl. no-break and invisible characters)', () => {
    expect(normalizeVi('  Nguyễn   Văn\tÂn \n')).toBe('nguyễn văn ân');
    expect(normalizeVi('Hà\u00a0Nội')).toBe('hà nội');
    expect(normalizeVi('Hà Nộ\u200bi')).toBe('hà nội');
  });

  it('leaves words that are not one Vietnamese syllable alone', () => {
    expect(normalizeVi('Café')).toBe('café');
    expect(normalizeVi('Crème brûlée')).toBe('crème brûlée');
    expect(normalizeVi('Ｔｏｋｙｏ')).toBe('ｔｏｋｙｏ');
  });

  it('passes Japanese through unchanged except for NFC', () => {
    expect(normalizeVi('東京都 がっこう')).toBe('東京都 がっこう');
    expect(normalizeVi(nfd('がっこう'))).toBe('がっこう');
    expect(normalizeVi('ベトナム')).toBe('ベトナム');
  });
});

describe('foldVi', () => {
  it.each([
    ['Hoà Lạc', 'hoa lac'],
    ['Hòa Lạc', 'hoa lac'],
    ['hoa lac', 'hoa lac'],
    ['HÒA LẠC', 'hoa lac'],
    ['Đà Nẵng', 'da nang'],
    ['ĐÀ NẴNG', 'da nang'],
    ['bán dẫn', 'ban dan'],
    ['Bà Rịa - Vũng Tàu', 'ba ria vung tau'],
    ['Bà Rịa–Vũng Tàu', 'ba ria vung tau'],
    ['TP.HCM', 'tp hcm'],
    ['Thừa Thiên-Huế', 'thua thien hue'],
    ['Đắk Lắk', 'dak lak'],
    ['Nguyễn Văn  Ân', 'nguyen van an'],
    ['Trần Thị Thuỷ', 'tran thi thuy'],
    ['Lê Thị Thúy', 'le thi thuy'],
    ['Phường 12, Quận 3', 'phuong 12 quan 3'],
    ['  ...  ', ''],
    ['', ''],
  ])('%s → %s', (input, folded) => {
    expect(foldVi(input)).toBe(folded);
    expect(foldVi(nfd(input))).toBe(folded);
  });

  it('is normalizeVi with every diacritic stripped', () => {
    for (const s of ['Thành phố Hồ Chí Minh', 'Khánh Hòa', 'Nghệ An', 'Quảng Ngãi', 'Cà Mau', 'Bạc Liêu']) {
      expect(foldVi(s)).toBe(stripMarks(normalizeVi(s)));
    }
  });

  it('keeps Japanese, folds full-width Latin', () => {
    expect(foldVi('東京都・がっこう')).toBe('東京都 がっこう');
    expect(foldVi(nfd('がっこう'))).toBe('がっこう');
    expect(foldVi('ＨＡ ＮＯＩ')).toBe('ha noi');
  });

  it('folds all 34 provincial names to plain ASCII', () => {
    const names = [
      'Hà Nội',
      'Cao Bằng',
      'Tuyên Quang',
      'Điện Biên',
      'Lai Châu',
      'Sơn La',
      'Lào Cai',
      'Thái Nguyên',
      'Lạng Sơn',
      'Quảng Ninh',
      'Bắc Ninh',
      'Phú Thọ',
      'Hải Phòng',
      'Hưng Yên',
      'Ninh Bình',
      'Thanh Hoá',
      'Nghệ An',
      'Hà Tĩnh',
      'Quảng Trị',
      'Huế',
      'Đà Nẵng',
      'Quảng Ngãi',
      'Gia Lai',
      'Khánh Hoà',
      'Đắk Lắk',
      'Lâm Đồng',
      'Đồng Nai',
      'Hồ Chí Minh',
      'Tây Ninh',
      'Đồng Tháp',
      'Vĩnh Long',
      'An Giang',
      'Cần Thơ',
      'Cà Mau',
    ];
    for (const name of names) expect(foldVi(name)).toMatch(/^[a-z]+( [a-z]+)*$/);
    expect(new Set(names.map(foldVi)).size).toBe(names.length);
  });
});

describe('tokensVi and folded comparisons', () => {
  it('splits the search key into words', () => {
    expect(tokensVi('  Thành phố  Hồ Chí Minh ')).toEqual(['thanh', 'pho', 'ho', 'chi', 'minh']);
    expect(tokensVi('')).toEqual([]);
    expect(tokensVi(' - ')).toEqual([]);
  });

  it('compares and searches regardless of accents, case, spacing and tone style', () => {
    expect(foldedEquals('Hòa Lạc', 'hoa  lac')).toBe(true);
    expect(foldedEquals('Hà Nội', 'Hà Nam')).toBe(false);
    expect(foldedContains('Khu Công nghệ cao Hoà Lạc', 'hoa lac')).toBe(true);
    expect(foldedContains('Khu Công nghệ cao Hoà Lạc', 'HÒA LẠC')).toBe(true);
    expect(foldedContains('Kỹ sư bán dẫn', 'ban dan')).toBe(true);
    expect(foldedContains('Kỹ sư bán dẫn', 'ban dat')).toBe(false);
    expect(foldedContains('anything', '')).toBe(true);
  });
});

describe('editDistance and similarity', () => {
  it('counts insertions, deletions, substitutions and neighbour swaps', () => {
    expect(editDistance('', '')).toBe(0);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('nguyen', 'ngyuen')).toBe(1);
    expect(editDistance('ca', 'abc')).toBe(3);
    expect(editDistance('an', 'ân')).toBe(1);
    expect(editDistance('東京', '京都')).toBe(2);
  });

  it('is symmetric', () => {
    for (const [a, b] of [
      ['nguyen van an', 'nguyen van anh'],
      ['tran thi thuy', 'tran thi thu'],
      ['ha noi', 'hanoi'],
    ] as const) {
      expect(editDistance(a, b)).toBe(editDistance(b, a));
    }
  });

  it('matches registry names despite accents, spacing and typos', () => {
    expect(similarity('Nguyen Van An', 'Nguyễn Văn  Ân')).toBe(1);
    expect(similarity('NGUYỄN VĂN AN', 'nguyen van an')).toBe(1);
    expect(similarity('Ngyuen Van An', 'Nguyễn Văn Ân')).toBeCloseTo(1 - 1 / 13);
    expect(similarity('Nguyen Van Anh', 'Nguyễn Văn An')).toBeCloseTo(1 - 1 / 14);
    expect(similarity('Trần Thị Thủy', 'Tran Thi Thuy')).toBe(1);
    expect(similarity('Lê Văn Bình', 'Phạm Thị Hoa')).toBeLessThan(0.5);
    expect(similarity('', '')).toBe(1);
    expect(similarity('abc', '')).toBe(0);
  });
});

describe('remembered', () => {
  it('answers as the function does, asks it once per text, and starts afresh past its bound', () => {
    const asked: string[] = [];
    const upper = remembered((s) => {
      asked.push(s);
      return s.toUpperCase();
    }, 2);
    expect([upper('a'), upper('b'), upper('a')]).toEqual(['A', 'B', 'A']);
    expect(asked).toEqual(['a', 'b']);
    // A third text clears the memory: 'a' is asked again, and the answers stay right.
    expect([upper('c'), upper('a')]).toEqual(['C', 'A']);
    expect(asked).toEqual(['a', 'b', 'c', 'a']);
  });
});

describe('highlightRanges', () => {
  const marked = (text: string, q: string) => highlightRanges(text, q).map(([a, b]) => text.slice(a, b));
  it('marks every word of the query without regard to accents or case, in the original text', () => {
    expect(marked('Kỹ thuật bán dẫn – BÁN DẪN', 'ban dan')).toEqual(['bán', 'dẫn', 'BÁN', 'DẪN']);
    expect(marked('Đà Nẵng', 'da nang')).toEqual(['Đà', 'Nẵng']);
    // Decomposed input (pasted from a PDF) maps back to whole characters.
    expect(marked('Hoa\u0300 La\u0323c', 'hoa lac')).toEqual(['Hoa\u0300', 'La\u0323c']);
    expect(marked('ウェーハ検査オペレーター', 'ウェーハ検査')).toEqual(['ウェーハ検査']);
    expect(highlightRanges('Python cơ bản', 'py tho')).toEqual([[0, 5]]);
    expect(highlightRanges('anything', '  ')).toEqual([]);
  });
  it('tells an accented query from a bare one', () => {
    expect(hasDiacritics('bán dẫn')).toBe(true);
    expect(hasDiacritics('Ban Dan')).toBe(false);
    expect(hasDiacritics('đà')).toBe(true);
  });
});
