/**
 * Synthetic Vietnamese people and the roster rows partners would upload for them, with the ground
 * truth (which rows are one person), for the matcher's tests and the registry-matching bench.
 * Deterministic: the same seed gives the same population on every machine.
 *
 * What makes it hard on purpose, because real rosters are like this:
 *   - family names at their real frequencies (Nguyễn ~38%), so thousands of distinct people share a
 *     family name and a date of birth; common full names recur (namesakes with other birthdays);
 *   - twins: same family, same birthday, same birth province, often the same (a parent's) phone;
 *   - duplicates written differently: accents dropped, upper case, one typo, family and given name
 *     swapped, a middle name dropped, phones as +84 / 84 / dotted / without the leading 0, dates as
 *     DD/MM/YYYY, D/M/YYYY, DD-MM-YYYY, DD.MM.YYYY or Excel serials, now and then day and month
 *     swapped, a new phone number, a moved province, and fields left empty.
 */
import type { RosterIdentity } from './match';

// ── Random numbers ───────────────────────────────────────────────────────────────────────────────

/** mulberry32: tiny, fast, good enough for test data, and the same everywhere. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
type Weighted<T> = readonly (readonly [T, number])[];

const chance = (random: Random, p: number) => random() < p;
const integer = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

/** A weighted choice; the weights need not sum to anything in particular. */
function weightedPicker<T>(table: Weighted<T>): (random: Random) => T {
  const total = table.reduce((sum, [, w]) => sum + w, 0);
  return (random) => {
    let r = random() * total;
    for (const [item, w] of table) {
      r -= w;
      if (r < 0) return item;
    }
    return (table[table.length - 1] as readonly [T, number])[0];
  };
}

/** Zipf-like weights (1/rank^0.8): a few given names are very common, most are not. */
const zipf = (names: readonly string[]): Weighted<string> => names.map((n, i) => [n, 1 / (i + 1) ** 0.8]);

// ── Names ────────────────────────────────────────────────────────────────────────────────────────

/** Family names with their share of the population in percent (published surveys, rounded). */
const FAMILY_NAMES: Weighted<string> = [
  ['Nguyễn', 38.4],
  ['Trần', 12.1],
  ['Lê', 9.5],
  ['Phạm', 7],
  ['Hoàng', 3.2],
  ['Huỳnh', 1.9],
  ['Phan', 4.5],
  ['Vũ', 2.1],
  ['Võ', 1.8],
  ['Đặng', 2.1],
  ['Bùi', 2],
  ['Đỗ', 1.4],
  ['Hồ', 1.3],
  ['Ngô', 1.3],
  ['Dương', 1],
  ['Lý', 0.5],
  ['Đào', 0.4],
  ['Đoàn', 0.4],
  ['Trịnh', 0.4],
  ['Trương', 0.4],
  ['Lâm', 0.3],
  ['Mai', 0.3],
  ['Cao', 0.3],
  ['Lương', 0.3],
  ['Tạ', 0.2],
  ['Hà', 0.2],
  ['Vương', 0.2],
  ['Chu', 0.1],
  ['Kiều', 0.1],
  ['Quách', 0.1],
];

const MIDDLE: Record<'F' | 'M', Weighted<string>> = {
  M: [
    ['Văn', 40],
    ['Đức', 10],
    ['Minh', 10],
    ['Quốc', 6],
    ['Thành', 5],
    ['Hữu', 5],
    ['Công', 4],
    ['Quang', 4],
    ['Xuân', 4],
    ['Thanh', 3],
    ['Ngọc', 3],
    ['Hoàng', 3],
    ['Gia', 2],
    ['Tuấn', 2],
  ],
  F: [
    ['Thị', 45],
    ['Ngọc', 8],
    ['Thu', 7],
    ['Thanh', 6],
    ['Minh', 5],
    ['Phương', 4],
    ['Thuỳ', 4],
    ['Hồng', 4],
    ['Kim', 4],
    ['Bảo', 3],
    ['Mai', 3],
    ['Diệu', 2],
    ['Khánh', 2],
  ],
};

const GIVEN: Record<'F' | 'M', Weighted<string>> = {
  M: zipf(
    (
      'Anh Minh Hùng Dũng Tuấn Hải Nam Long Hoàng Huy Đức Sơn Thắng Cường Phong Trung Quân Khánh Tùng ' +
      'Hưng Việt Bình Hiếu Thành Vinh Đạt Duy Tiến Phúc Toàn Nghĩa Tài Lộc Quang Lâm Khoa An Thịnh ' +
      'Trí Nhân Kiên Bảo Hiệp Phát Tú Vũ Hậu Tâm Thái Hoà Lực Định Chiến Quý Thuận Hào Tín Đông Kỳ Sang'
    ).split(' '),
  ),
  F: zipf(
    (
      'Linh Anh Hương Trang Hà Lan Ngọc Thảo Hằng Huyền Phương Mai Nhung Thu Yến Dung Hạnh Hiền Hoa ' +
      'Vân Ánh Nga Loan Giang Thuỷ Quỳnh Chi Oanh Tuyết Uyên Vy My Nhi Trinh Ngân Hồng Huệ Tâm Diệp ' +
      'Liên Thư Hậu Lụa Nguyệt Thoa Xuân Duyên Lý Hạ Châu Diễm Kiều Ly Nhàn Thắm Tươi Hoà Lam Như'
    ).split(' '),
  ),
};

const pickFamily = weightedPicker(FAMILY_NAMES);
const pickMiddle = { M: weightedPicker(MIDDLE.M), F: weightedPicker(MIDDLE.F) };
const pickGiven = { M: weightedPicker(GIVEN.M), F: weightedPicker(GIVEN.F) };

// ── Places, phones ───────────────────────────────────────────────────────────────────────────────

/** Statistics-office codes of the 63 former provinces (the CCCD's province code without its 0). */
const PROVINCES = (
  '01 02 04 06 08 10 11 12 14 15 17 19 20 22 24 25 26 27 30 31 33 34 35 36 37 38 40 42 44 45 46 48 49 ' +
  '51 52 54 56 58 60 62 64 66 67 68 70 72 74 75 77 79 80 82 83 84 86 87 89 91 92 93 94 95 96'
).split(' ');
/** Hà Nội and Hồ Chí Minh City weigh as much as they do in the population; the rest evenly. */
const pickProvince = weightedPicker(
  PROVINCES.map((p) => [p, p === '01' ? 9 : p === '79' ? 10 : 1.3] as const),
);

const MOBILE_PREFIXES =
  '32 33 34 35 36 37 38 39 56 58 59 70 76 77 78 79 81 82 83 84 85 86 88 89 90 91 93 94 96 97 98 99'.split(
    ' ',
  );
const MAIL_DOMAINS: Weighted<string> = [
  ['gmail.com', 80],
  ['yahoo.com', 8],
  ['outlook.com', 4],
  ['hotmail.com', 3],
  ['fpt.edu.vn', 3],
  ['hust.edu.vn', 2],
];
const pickDomain = weightedPicker(MAIL_DOMAINS);

const digits = (random: Random, n: number) => Array.from({ length: n }, () => integer(random, 0, 9)).join('');
/** National significant number (9 digits, no 0): the truth; rows write it in many ways. */
const newPhone = (random: Random) => `${pick(random, MOBILE_PREFIXES)}${digits(random, 7)}`;

// ── People ───────────────────────────────────────────────────────────────────────────────────────

export interface SyntheticPerson {
  id: number;
  family: string;
  middles: string[];
  given: string;
  sex: 'F' | 'M';
  /** ISO date. */
  dateOfBirth: string;
  birthProvince: string;
  province: string;
  /** 9 national digits, or null for people without a phone. */
  phone: string | null;
  email: string | null;
  nationalId: string;
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/đ/gu, 'd')
    .replace(/Đ/gu, 'D')
    .toLowerCase();

const fullName = (p: Pick<SyntheticPerson, 'family' | 'middles' | 'given'>) =>
  [p.family, ...p.middles, p.given].join(' ');

const DOB_START = Date.UTC(1970, 0, 1);
const DOB_END = Date.UTC(2007, 11, 31);

function randomDob(random: Random): string {
  const ms = DOB_START + Math.floor(random() * ((DOB_END - DOB_START) / 86_400_000 + 1)) * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** A CCCD consistent with the person: birth province, century and sex digit, birth year, 6 digits. */
function cccd(random: Random, birthProvince: string, sex: 'F' | 'M', dateOfBirth: string): string {
  const year = Number(dateOfBirth.slice(0, 4));
  const century = year >= 2000 ? 2 : 0;
  return `0${birthProvince}${century + (sex === 'F' ? 1 : 0)}${dateOfBirth.slice(2, 4)}${digits(random, 6)}`;
}

function email(random: Random, p: Pick<SyntheticPerson, 'family' | 'middles' | 'given' | 'dateOfBirth'>) {
  const [family, given] = [fold(p.family), fold(p.given)];
  const middle = p.middles.map((m) => fold(m)[0]).join('');
  const yy = p.dateOfBirth.slice(2, 4);
  const local = pick(random, [
    `${given}${family}${yy}`,
    `${family}${middle}${given}`,
    `${given}.${family}${digits(random, 2)}`,
    `${family}${given}${p.dateOfBirth.slice(8, 10)}${p.dateOfBirth.slice(5, 7)}`,
  ]);
  return `${local}@${pickDomain(random)}`;
}

function middleNames(random: Random, sex: 'F' | 'M'): string[] {
  const first = pickMiddle[sex](random);
  if (!chance(random, 0.2)) return [first];
  const second = pickMiddle[sex](random);
  return second === first || second === 'Văn' || second === 'Thị' ? [first] : [first, second];
}

/**
 * Hands out phone numbers and e-mail addresses no one else has: a mailbox belongs to one person (the
 * provider appends digits to a taken name), and so does a SIM unless a family shares it on purpose.
 */
class Directory {
  private readonly taken = new Set<string>();
  constructor(private readonly random: Random) {}

  phone(): string {
    let phone = newPhone(this.random);
    while (this.taken.has(phone)) phone = newPhone(this.random);
    this.taken.add(phone);
    return phone;
  }

  email(p: Pick<SyntheticPerson, 'family' | 'middles' | 'given' | 'dateOfBirth'>): string {
    let address = email(this.random, p);
    while (this.taken.has(address))
      address = address.replace('@', String(integer(this.random, 0, 9)).concat('@'));
    this.taken.add(address);
    return address;
  }
}

function newPerson(random: Random, directory: Directory, id: number): SyntheticPerson {
  const sex = chance(random, 0.5) ? 'F' : 'M';
  const family = pickFamily(random);
  const middles = middleNames(random, sex);
  let given = pickGiven[sex](random);
  // Ngọc, Minh, Thanh… are middle and given names both; "Nguyễn Minh Minh" is too rare to generate.
  while (middles.includes(given)) given = pickGiven[sex](random);
  const dateOfBirth = randomDob(random);
  const birthProvince = pickProvince(random);
  // Most live where they were born; the others moved to one of the two big cities or elsewhere.
  const province = chance(random, 0.8)
    ? birthProvince
    : chance(random, 0.6)
      ? pick(random, ['01', '79'])
      : pickProvince(random);
  const person = { id, family, middles, given, sex, dateOfBirth, birthProvince, province } as const;
  return {
    ...person,
    phone: chance(random, 0.93) ? directory.phone() : null,
    email: chance(random, 0.7) ? directory.email(person) : null,
    nationalId: cccd(random, birthProvince, sex, dateOfBirth),
  };
}

/** A twin of `p`: same family, birthday and birth province, another given name, often the same phone. */
function twinOf(random: Random, directory: Directory, p: SyntheticPerson, id: number): SyntheticPerson {
  const sex = chance(random, 0.5) ? p.sex : p.sex === 'F' ? 'M' : 'F';
  const middles = sex === p.sex ? p.middles : middleNames(random, sex);
  let given = pickGiven[sex](random);
  while (given === p.given || middles.includes(given)) given = pickGiven[sex](random);
  const twin = { ...p, id, sex, given, middles };
  return {
    ...twin,
    phone: chance(random, 0.6) ? p.phone : directory.phone(),
    email: chance(random, 0.7) ? directory.email(twin) : null,
    nationalId: cccd(random, p.birthProvince, sex, p.dateOfBirth),
  };
}

/** Someone else with exactly the same name: born another day, elsewhere. */
function namesakeOf(random: Random, directory: Directory, p: SyntheticPerson, id: number): SyntheticPerson {
  const other = newPerson(random, directory, id);
  const namesake = { ...other, family: p.family, middles: p.middles, given: p.given, sex: p.sex };
  return {
    ...namesake,
    nationalId: cccd(random, namesake.birthProvince, namesake.sex, namesake.dateOfBirth),
  };
}

// ── Writing a row ────────────────────────────────────────────────────────────────────────────────

/** The ways rosters write a date; a primary row is tidier (ISO or DD/MM/YYYY) than a duplicate. */
function writeDate(random: Random, iso: string, messy: boolean): string | number {
  const [y, m, d] = iso.split('-') as [string, string, string];
  const forms = [
    () => iso,
    () => `${d}/${m}/${y}`,
    () => `${Number(d)}/${Number(m)}/${y}`,
    () => `${d}-${m}-${y}`,
    () => `${d}.${m}.${y}`,
    () => (Date.UTC(Number(y), Number(m) - 1, Number(d)) - Date.UTC(1899, 11, 30)) / 86_400_000,
  ];
  return (messy ? pick(random, forms) : pick(random, forms.slice(0, 2)))();
}

function writePhone(random: Random, national: string): string {
  const [a, b, c] = [national.slice(0, 2), national.slice(2, 5), national.slice(5)];
  return pick(random, [
    `0${national}`,
    `+84${national}`,
    `84${national}`,
    `+84 ${a} ${b} ${c}`,
    `0${a}${b.slice(0, 1)}.${b.slice(1)}${c.slice(0, 1)}.${c.slice(1)}`,
    `0${a}-${b}-${c}`,
    `(0${a}) ${b} ${c}`,
    national, // a spreadsheet number cell ate the leading 0
  ]);
}

function writeSex(random: Random, sex: 'F' | 'M'): string {
  return pick(random, sex === 'F' ? ['Nữ', 'nữ', 'NU', 'F', 'female'] : ['Nam', 'nam', 'NAM', 'M', 'male']);
}

const LETTERS = 'abcdeghiklmnopqrstuvxy';

/** One keyboard slip in one token: a letter replaced, dropped, doubled or swapped with the next. */
function typo(random: Random, word: string): string {
  const chars = [...word];
  const i = integer(random, 0, chars.length - 1);
  switch (integer(random, 0, 3)) {
    case 0:
      chars[i] = pick(random, [...LETTERS]);
      break;
    case 1:
      if (chars.length > 2) chars.splice(i, 1);
      break;
    case 2:
      chars.splice(i, 0, chars[i] as string);
      break;
    default:
      if (i < chars.length - 1) [chars[i], chars[i + 1]] = [chars[i + 1] as string, chars[i] as string];
  }
  return chars.join('');
}

/** The name as a duplicate row writes it: the noise of the file header, each now and then. */
function noisyName(random: Random, p: SyntheticPerson): string {
  let middles = p.middles;
  if (chance(random, 0.08)) middles = middles.slice(0, -1);
  let tokens = [p.family, ...middles, p.given];
  if (chance(random, 0.2)) {
    const at = integer(random, 0, tokens.length - 1);
    tokens = tokens.map((t, i) => (i === at ? typo(random, t) : t));
  }
  if (chance(random, 0.1)) {
    // "An Nguyễn Văn" (given first) or "Văn An Nguyễn" (family last), as foreign forms ask.
    tokens = chance(random, 0.5)
      ? [...tokens.slice(-1), ...tokens.slice(0, -1)]
      : [...tokens.slice(1), tokens[0] as string];
  }
  let name = tokens.join(' ');
  if (chance(random, 0.35)) name = fold(name).replace(/\b\p{L}/gu, (c) => c.toUpperCase());
  if (chance(random, 0.15)) name = name.toUpperCase();
  return name;
}

/** A date of birth as a duplicate row has it: now and then day and month swapped. */
function noisyDob(random: Random, iso: string): string {
  const [y, m, d] = iso.split('-') as [string, string, string];
  return chance(random, 0.02) && Number(d) <= 12 && d !== m ? `${y}-${d}-${m}` : iso;
}

export interface SyntheticRecord {
  /** Ground truth: rows with the same personId are one person. */
  personId: number;
  row: RosterIdentity;
}

/** Missing-field rates of a primary row and of a duplicate row. */
const MISSING = {
  primary: { phone: 0.05, email: 0.3, dob: 0.02, sex: 0.05, province: 0.05, nationalId: 0.5 },
  duplicate: { phone: 0.12, email: 0.45, dob: 0.08, sex: 0.12, province: 0.15, nationalId: 0.6 },
} as const;

function row(random: Random, directory: Directory, p: SyntheticPerson, duplicate: boolean): RosterIdentity {
  const missing = MISSING[duplicate ? 'duplicate' : 'primary'];
  const keep = (field: keyof typeof missing) => !chance(random, missing[field]);
  // A duplicate now and then carries a newer phone number, or comes from the province they moved to.
  const phone = duplicate && chance(random, 0.1) ? directory.phone() : p.phone;
  const province = duplicate && chance(random, 0.05) ? pickProvince(random) : p.province;
  const dob = duplicate ? noisyDob(random, p.dateOfBirth) : p.dateOfBirth;
  const mail =
    p.email && duplicate && chance(random, 0.2)
      ? ` ${p.email.replace(/^./u, (c) => c.toUpperCase())}`
      : p.email;
  return {
    fullName: duplicate ? noisyName(random, p) : fullName(p),
    dateOfBirth: keep('dob') ? writeDate(random, dob, duplicate) : null,
    sex: keep('sex') ? writeSex(random, p.sex) : null,
    provinceCode: keep('province') ? province : null,
    phone: phone && keep('phone') ? writePhone(random, phone) : null,
    email: keep('email') ? mail : null,
    nationalId: keep('nationalId') ? p.nationalId : null,
  };
}

export interface PopulationOptions {
  seed: number;
  /** Distinct real people. */
  people: number;
  /** Share of people who appear in a second roster (a tenth of those in a third one too). */
  duplicateRate: number;
  /** Share of people who have a twin among the people (default 1%). */
  twinRate?: number;
  /** Share of people who have a namesake (same full name, another birthday; default 2%). */
  namesakeRate?: number;
}

export interface Population {
  people: SyntheticPerson[];
  /** Rows in a shuffled order, as several rosters put together would be. */
  records: SyntheticRecord[];
}

function generatePeople(random: Random, directory: Directory, o: PopulationOptions): SyntheticPerson[] {
  const people: SyntheticPerson[] = [];
  while (people.length < o.people) {
    const p = newPerson(random, directory, people.length);
    people.push(p);
    if (people.length < o.people && chance(random, (o.twinRate ?? 0.01) / 2))
      people.push(twinOf(random, directory, p, people.length));
    if (people.length < o.people && chance(random, (o.namesakeRate ?? 0.02) / 2))
      people.push(namesakeOf(random, directory, p, people.length));
  }
  return people;
}

function shuffle<T>(random: Random, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/** People, and their rows: one tidy row each, plus noisy duplicates for `duplicateRate` of them. */
export function syntheticPopulation(options: PopulationOptions): Population {
  const random = seededRandom(options.seed);
  const directory = new Directory(random);
  const people = generatePeople(random, directory, options);
  const records: SyntheticRecord[] = [];
  for (const p of people) {
    records.push({ personId: p.id, row: row(random, directory, p, false) });
    if (!chance(random, options.duplicateRate)) continue;
    records.push({ personId: p.id, row: row(random, directory, p, true) });
    if (chance(random, 0.1)) records.push({ personId: p.id, row: row(random, directory, p, true) });
  }
  return { people, records: shuffle(random, records) };
}
