/**
 * Person matching: do two records of the registry (a roster row and a stored person, or two roster
 * rows) describe the same real person? Pure code; the database finds candidates by `blockingKeys`
 * equality, then `compare` decides for each candidate pair.
 *
 * Why rules and not one score: a Vietnamese name says little (Nguyễn is ~38% of the country, a few
 * dozen given names cover most people), so a name never decides alone, and the reviewer of a `likely`
 * pair must be able to read why. The score is there to sort a review queue.
 *
 * Names are compared as folded tokens (no accents, đ → d, lower case), in any order (rosters swap
 * "Nguyễn Văn An" into "An Nguyễn Văn" or "Văn An Nguyễn"), one token to one token:
 *   - same     every token pairs with an equal one, keeping the name's structure (the given name
 *              with the given name, or the tokens in the same cyclic order);
 *   - close    every token pairs, with at most 2 edits in all; a token of 4–5 letters may carry 1
 *              edit, a longer one 2, a token of 3 letters or fewer none (An/Anh, Lan/Lam are different
 *              names, not typos), and never on the first letter (Minh/Linh, Dũng/Hùng). Two accented
 *              spellings that fold alike (Hùng/Hưng) count one edit; an unaccented one (Hung)
 *              matches either for free;
 *   - partial  the shorter name (≥ 2 tokens) lacks one middle token of the longer, ≤ 1 edit otherwise
 *              ("Nguyễn An" / "Nguyễn Văn An");
 *   - weak     partial or better, leniently: short tokens may carry 1 edit too, on any letter
 *              (An/Am, Gnuyen/Nguyen, but also Dũng/Hùng: a typo or another name), at most 2 edits;
 *   - different anything else.
 * `same`, `close` and `partial` are a compatible name.
 *
 * Fields: national ID hashes equal or conflicting (both present, different); phone, e-mail shared
 * (different ones say nothing: people change numbers); date of birth equal, near (day and month
 * swapped) or conflicting; sex conflicting (F vs M; X or unknown never conflicts); province equal or
 * different (people move: a difference is no conflict, only less confidence).
 *
 * Decision, first rule that applies:
 *   1. same national ID → sure; likely when the names are different.
 *   2. conflicting national IDs → likely when a contact is shared, the name compatible and the date
 *      of birth equal (a mistyped card number); otherwise none.
 *   3. shared phone or e-mail (families share phones and addresses):
 *        compatible name → sure, or likely when date of birth or sex conflicts;
 *        weak name → likely, or none when date of birth or sex conflicts;
 *        different name → likely only when neither date of birth nor sex can tell them apart; with
 *        both dates known it is a relative (different dates) or a twin (same date), so none.
 *   4. name and date of birth, no shared identifier:
 *        equal date: same name → sure, or likely with a sex conflict or another province;
 *                    close name → sure with the same province, likely otherwise, none on a sex conflict;
 *                    partial or weak name → likely, none on a sex conflict or another province;
 *        near date:  same or close name, no sex conflict, not another province → likely;
 *        otherwise none (a name alone, even with the province, is never enough).
 *
 * Score: the sum of the evidence weights below, in bits (log2 of how much likelier the evidence is
 * for one person than for two, roughly estimated): > 0 leans to one person.
 *
 * Measured on the synthetic population of ./synthetic.ts (bench/scenarios/registry-matching.ts,
 * 20,000 people, 10% duplicated with noise, twins and namesakes): precision 0.99, recall 0.98.
 */
import { editDistance, foldVi, normalizeVi, remembered } from '../../../common/text';
import { normaliseEmail, normalisePhone, parseDate, parseNationalId, parseSex, type Sex } from './identity';

export interface PersonRecord {
  fullName: string;
  /** ISO `YYYY-MM-DD`. */
  dateOfBirth?: string | null;
  sex?: Sex | null;
  provinceCode?: string | null;
  /** Canonical `+84…` (normalisePhone). */
  phone?: string | null;
  /** Canonical (normaliseEmail). */
  email?: string | null;
  /** A keyed hash of the CCCD: the number itself is never stored. */
  nationalIdHash?: string | null;
}

export type MatchDecision = 'sure' | 'likely' | 'none';

/**
 * Why: supporting evidence ('nationalId', 'phone', 'email', 'nameDob', 'nameDobProvince',
 * 'nameDobNear') and conflicts ('nationalIdConflict', 'dobConflict', 'sexConflict').
 */
export type MatchReason =
  | 'nationalId'
  | 'phone'
  | 'email'
  | 'nameDob'
  | 'nameDobProvince'
  | 'nameDobNear'
  | 'nationalIdConflict'
  | 'dobConflict'
  | 'sexConflict';

export interface MatchResult {
  decision: MatchDecision;
  score: number;
  reasons: MatchReason[];
  /** How the names compare, for the reviewer. */
  name: NameMatchKind;
}

export type NameMatchKind = 'same' | 'close' | 'partial' | 'weak' | 'different';

// ── Names ────────────────────────────────────────────────────────────────────────────────────────

/**
 * Family names, folded, most frequent first. Used to find the family name in a name written in
 * another order: the token that ranks highest here is taken as the family name.
 */
const FAMILY_NAMES = [
  'nguyen',
  'tran',
  'le',
  'pham',
  'hoang',
  'huynh',
  'phan',
  'vu',
  'vo',
  'dang',
  'bui',
  'do',
  'ho',
  'ngo',
  'duong',
  'ly',
  'dao',
  'doan',
  'vuong',
  'trinh',
  'truong',
  'lam',
  'luong',
  'luu',
  'mai',
  'cao',
  'ta',
  'ha',
  'chu',
  'kieu',
  'quach',
  'thai',
  'tang',
  'la',
  'khuc',
  'ton',
];
const FAMILY_RANK: ReadonlyMap<string, number> = new Map(FAMILY_NAMES.map((name, rank) => [name, rank]));

/** A token's part in the name, from its position once the family name is found. */
type Role = 'family' | 'middle' | 'given';

interface NameToken {
  /** foldVi of the token. */
  folded: string;
  /** normalizeVi of the token, or null when it is written without any diacritic. */
  marked: string | null;
  role: Role;
}

interface PreparedName {
  tokens: NameToken[];
  /** Folded tokens rotated so the family name comes first; the given name is then the last one. */
  canonical: string[];
}

interface Prepared {
  name: PreparedName;
}

/** Records are compared many times each (one per candidate): analyse a name once per record object. */
const preparedCache = new WeakMap<PersonRecord, Prepared>();

function prepare(record: PersonRecord): Prepared {
  let p = preparedCache.get(record);
  if (!p) {
    p = { name: cachedName(record.fullName) };
    preparedCache.set(record, p);
  }
  return p;
}

/**
 * Names analysed, by spelling: an import compares the same registry names again in every batch (each
 * batch reads its candidates afresh), and analysing a name costs more than comparing two.
 */
const cachedName = remembered((fullName) => prepareName(fullName), 100_000);

/** foldVi of one word of a name, remembered: the same few thousand syllables make every name. */
const foldedWord = remembered(foldVi, 50_000);

function prepareName(fullName: string): PreparedName {
  const words: { folded: string; marked: string | null }[] = [];
  for (const word of normalizeVi(fullName).split(/[^\p{L}\p{M}\p{N}]+/u)) {
    const folded = foldedWord(word);
    if (folded === '' || folded.includes(' ')) continue;
    words.push({ folded, marked: word === folded ? null : word });
  }
  const n = words.length;
  const folded = words.map((w) => w.folded);
  const family = familyIndex(folded);
  const roleAt = (i: number): Role => {
    const position = (i - family + n) % n;
    return n === 1 || position === n - 1 ? 'given' : position === 0 ? 'family' : 'middle';
  };
  return {
    tokens: words.map((w, i) => ({ ...w, role: roleAt(i) })),
    canonical: [...folded.slice(family), ...folded.slice(0, family)],
  };
}

/**
 * Where the family name is: the first token when it is a known family name (the Vietnamese order,
 * by far the most common, even when a middle name such as Hoàng is a family name too); otherwise the
 * most frequent family name among the tokens ("An Nguyễn Văn", "Văn An Nguyễn"); otherwise the first.
 */
function familyIndex(tokens: readonly string[]): number {
  if (tokens.length === 0 || FAMILY_RANK.has(tokens[0] as string)) return 0;
  let best = 0;
  let bestRank = Number.POSITIVE_INFINITY;
  tokens.forEach((t, i) => {
    const rank = FAMILY_RANK.get(t) ?? Number.POSITIVE_INFINITY;
    if (rank < bestRank) {
      best = i;
      bestRank = rank;
    }
  });
  return best;
}

/** The tokens rotated so that the family name comes first and the given name last. */
export function familyFirst(tokens: readonly string[]): string[] {
  const at = familyIndex(tokens);
  return [...tokens.slice(at), ...tokens.slice(0, at)];
}

/**
 * How far two tokens may be apart and still pair. Strict (for same/close/partial): none for 3 letters
 * or fewer, 1 for 4–5, 2 beyond, and the first letter must agree. Lenient (for weak): at least 1, on
 * any letter.
 */
type Tolerance = 'strict' | 'lenient';

function tokenLimit(x: string, y: string, tolerance: Tolerance): number {
  const length = Math.min(x.length, y.length);
  const strict = length <= 3 ? 0 : length <= 5 ? 1 : 2;
  if (tolerance === 'lenient') return Math.max(strict, 1);
  // A different first letter is another name (Minh/Linh, Dũng/Hùng), not a slip of the finger.
  return x[0] === y[0] ? strict : 0;
}

interface Alignment {
  /** Total edits over the paired tokens. */
  edits: number;
  /** Indices of the tokens of each side left without a partner. */
  leftA: number[];
  leftB: number[];
  /**
   * Whether the pairing keeps the name's structure: the given names pair with each other (the most
   * telling token of a Vietnamese name), or the paired tokens follow each other in the same cyclic
   * order on both sides (the rosters' orders are rotations of one another; this survives a family
   * name too mistyped to be recognised). "Nguyễn Phương Thư" / "Nguyễn Thu Hương" does neither.
   */
  consistent: boolean;
}

interface Pair {
  i: number;
  j: number;
  d: number;
}

/**
 * Pairs tokens one to one: equal folded tokens first, then the closest ones within tokenLimit; among
 * equally good partners, one of the same role (given with given) wins.
 */
function alignTokens(a: readonly NameToken[], b: readonly NameToken[], tolerance: Tolerance): Alignment {
  const pairs: Pair[] = [];
  for (let i = 0; i < a.length; i++)
    for (let j = 0; j < b.length; j++) {
      const pair = tokenPair(a[i] as NameToken, b[j] as NameToken, tolerance);
      if (pair !== null) pairs.push({ i, j, d: pair });
    }
  const mismatch = (p: Pair) => ((a[p.i] as NameToken).role === (b[p.j] as NameToken).role ? 0 : 1);
  pairs.sort((p, q) => p.d - q.d || mismatch(p) - mismatch(q));
  const leftA = new Set(a.keys());
  const leftB = new Set(b.keys());
  let edits = 0;
  let givenPaired = false;
  const kept: Pair[] = [];
  for (const pair of pairs) {
    const { i, j, d } = pair;
    if (!leftA.has(i) || !leftB.has(j)) continue;
    leftA.delete(i);
    leftB.delete(j);
    edits += d;
    kept.push(pair);
    if ((a[i] as NameToken).role === 'given' && (b[j] as NameToken).role === 'given') givenPaired = true;
  }
  return { edits, leftA: [...leftA], leftB: [...leftB], consistent: givenPaired || cyclic(kept) };
}

/** Whether the pairs, read in the order of side a, visit side b in one cyclic order. */
function cyclic(pairs: readonly Pair[]): boolean {
  const m = pairs.length;
  if (m <= 1) return true;
  const byA = [...pairs].sort((p, q) => p.i - q.i);
  const rankB = new Map([...pairs].sort((p, q) => p.j - q.j).map((p, r) => [p.j, r]));
  const shift = (r: number, p: Pair) => ((rankB.get(p.j) as number) - r + m) % m;
  const first = shift(0, byA[0] as Pair);
  return byA.every((p, r) => shift(r, p) === first);
}

/** The edits between two tokens when they may pair, else null. */
function tokenPair(x: NameToken, y: NameToken, tolerance: Tolerance): number | null {
  if (x.folded === y.folded) {
    // Both written with accents, and differently: Hùng and Hưng are two names.
    return x.marked !== null && y.marked !== null && x.marked !== y.marked ? 1 : 0;
  }
  const limit = tokenLimit(x.folded, y.folded, tolerance);
  if (limit === 0 || Math.abs(x.folded.length - y.folded.length) > limit) return null;
  const d = editDistance(x.folded, y.folded);
  return d <= limit ? d : null;
}

const complete = (x: Alignment) => x.leftA.length === 0 && x.leftB.length === 0;

/**
 * Whether the alignment leaves exactly one token over, a middle name of the longer name, with the
 * shorter name keeping at least two tokens ("Nguyễn An" within "Nguyễn Văn An").
 */
function onlyMiddleMissing(a: PreparedName, b: PreparedName, { leftA, leftB }: Alignment): boolean {
  if (leftA.length + leftB.length !== 1) return false;
  const [longer, shorter, index] =
    leftA.length === 1 ? [a, b, leftA[0] as number] : [b, a, leftB[0] as number];
  return shorter.tokens.length >= 2 && (longer.tokens[index] as NameToken).role === 'middle';
}

export interface NameComparison {
  kind: NameMatchKind;
  /** 1 for the same tokens in the same order, down to 0 for different names. */
  score: number;
}

/** How two full names compare (see the file header for the classes). */
export function compareNames(a: string, b: string): NameComparison {
  return compareNamesPrepared(prepareName(a), prepareName(b));
}

function compareNamesPrepared(a: PreparedName, b: PreparedName): NameComparison {
  if (a.tokens.length === 0 || b.tokens.length === 0) return { kind: 'different', score: 0 };
  const strict = alignTokens(a.tokens, b.tokens, 'strict');
  if (strict.consistent && complete(strict)) {
    if (strict.edits === 0) return { kind: 'same', score: sameOrder(a, b) ? 1 : 0.97 };
    if (strict.edits <= 2) return { kind: 'close', score: 0.9 - 0.05 * (strict.edits - 1) };
  }
  if (strict.consistent && strict.edits <= 1 && onlyMiddleMissing(a, b, strict))
    return { kind: 'partial', score: 0.75 };
  const lenient = alignTokens(a.tokens, b.tokens, 'lenient');
  if (lenient.consistent && lenient.edits <= 2 && (complete(lenient) || onlyMiddleMissing(a, b, lenient)))
    return { kind: 'weak', score: 0.5 };
  return { kind: 'different', score: 0 };
}

const sameOrder = (a: PreparedName, b: PreparedName) =>
  a.tokens.map((t) => t.folded).join(' ') === b.tokens.map((t) => t.folded).join(' ');

// ── Other fields ─────────────────────────────────────────────────────────────────────────────────

type DobEvidence = 'equal' | 'near' | 'conflict' | 'unknown';

/**
 * Equal, near (day and month swapped: one roster read 03/04 the American way), conflicting or
 * unknown. A date one digit apart is a conflict, not a typo: among people sharing a common name,
 * dates a digit apart are far too frequent to mean anything.
 */
function compareDob(a: string | null | undefined, b: string | null | undefined): DobEvidence {
  if (!a || !b) return 'unknown';
  if (a === b) return 'equal';
  return `${a.slice(0, 4)}-${a.slice(8, 10)}-${a.slice(5, 7)}` === b ? 'near' : 'conflict';
}

const present = (x: string | null | undefined): x is string => typeof x === 'string' && x !== '';
const bothEqual = (x: string | null | undefined, y: string | null | undefined) =>
  present(x) && present(y) && x === y;
const bothDiffer = (x: string | null | undefined, y: string | null | undefined) =>
  present(x) && present(y) && x !== y;

interface Evidence {
  name: NameComparison;
  nationalId: 'same' | 'conflict' | 'unknown';
  phone: boolean;
  email: boolean;
  dob: DobEvidence;
  sexConflict: boolean;
  province: 'equal' | 'differ' | 'unknown';
}

function gather(a: PersonRecord, b: PersonRecord): Evidence {
  const binary = (x?: Sex | null) => x === 'F' || x === 'M';
  return {
    name: compareNamesPrepared(prepare(a).name, prepare(b).name),
    nationalId: bothEqual(a.nationalIdHash, b.nationalIdHash)
      ? 'same'
      : bothDiffer(a.nationalIdHash, b.nationalIdHash)
        ? 'conflict'
        : 'unknown',
    phone: bothEqual(a.phone, b.phone),
    email: bothEqual(a.email, b.email),
    dob: compareDob(a.dateOfBirth, b.dateOfBirth),
    sexConflict: binary(a.sex) && binary(b.sex) && a.sex !== b.sex,
    province: bothEqual(a.provinceCode, b.provinceCode)
      ? 'equal'
      : bothDiffer(a.provinceCode, b.provinceCode)
        ? 'differ'
        : 'unknown',
  };
}

// ── Score ────────────────────────────────────────────────────────────────────────────────────────

/** Evidence weights in bits (see the header). */
const WEIGHTS = {
  nationalId: { same: 20, conflict: -20 },
  phone: 10,
  email: 12,
  name: { same: 8, close: 6, partial: 4, weak: 1, different: -6 },
  dob: { equal: 12, near: 4, conflict: -10 },
  sexConflict: -6,
  province: { equal: 2, differ: -1 },
} as const;

function scoreOf(e: Evidence): number {
  let score = WEIGHTS.name[e.name.kind] * (e.name.kind === 'different' ? 1 : e.name.score);
  if (e.nationalId !== 'unknown') score += WEIGHTS.nationalId[e.nationalId];
  if (e.phone) score += WEIGHTS.phone;
  if (e.email) score += WEIGHTS.email;
  if (e.dob !== 'unknown') score += WEIGHTS.dob[e.dob];
  if (e.sexConflict) score += WEIGHTS.sexConflict;
  if (e.province !== 'unknown') score += WEIGHTS.province[e.province];
  return Math.round(score * 100) / 100;
}

// ── Decision ─────────────────────────────────────────────────────────────────────────────────────

const COMPATIBLE: ReadonlySet<NameMatchKind> = new Set(['same', 'close', 'partial']);

type Verdict = { decision: MatchDecision; reasons: MatchReason[] };

function conflictReasons(e: Evidence): MatchReason[] {
  const reasons: MatchReason[] = [];
  if (e.nationalId === 'conflict') reasons.push('nationalIdConflict');
  if (e.dob === 'conflict') reasons.push('dobConflict');
  if (e.sexConflict) reasons.push('sexConflict');
  return reasons;
}

function contactReasons(e: Evidence): MatchReason[] {
  return [...(e.phone ? (['phone'] as const) : []), ...(e.email ? (['email'] as const) : [])];
}

function decide(e: Evidence): Verdict {
  const contact = contactReasons(e);
  const compatible = COMPATIBLE.has(e.name.kind);
  if (e.nationalId === 'same')
    return { decision: e.name.kind === 'different' ? 'likely' : 'sure', reasons: ['nationalId', ...contact] };
  if (e.nationalId === 'conflict') {
    const mistyped = contact.length > 0 && compatible && e.dob === 'equal';
    return { decision: mistyped ? 'likely' : 'none', reasons: [...contact] };
  }
  if (contact.length > 0) return { decision: byContact(e, compatible), reasons: contact };
  return byNameAndDob(e);
}

/** Rule 3: a shared phone or e-mail, weighed against the name and the facts that tell relatives apart. */
function byContact(e: Evidence, compatible: boolean): MatchDecision {
  const conflict = e.dob === 'conflict' || e.sexConflict;
  if (compatible) return conflict ? 'likely' : 'sure';
  if (e.name.kind === 'weak') return conflict ? 'none' : 'likely';
  return e.dob === 'unknown' && !e.sexConflict ? 'likely' : 'none';
}

/** Rule 4: no shared identifier, so the name and the date of birth must carry the decision. */
function byNameAndDob(e: Evidence): Verdict {
  const kind = e.name.kind;
  if (e.dob === 'near') {
    const ok = (kind === 'same' || kind === 'close') && !e.sexConflict && e.province !== 'differ';
    return { decision: ok ? 'likely' : 'none', reasons: ok ? ['nameDobNear'] : [] };
  }
  if (e.dob !== 'equal') return { decision: 'none', reasons: [] };
  const reasons: MatchReason[] = [e.province === 'equal' ? 'nameDobProvince' : 'nameDob'];
  const decision = nameDobDecision(kind, e.sexConflict, e.province);
  return { decision, reasons: decision === 'none' ? [] : reasons };
}

function nameDobDecision(
  kind: NameMatchKind,
  sexConflict: boolean,
  province: Evidence['province'],
): MatchDecision {
  const sameProvince = province === 'equal';
  switch (kind) {
    case 'same':
      return sexConflict || province === 'differ' ? 'likely' : 'sure';
    case 'close':
      return sexConflict ? 'none' : sameProvince ? 'sure' : 'likely';
    case 'partial':
    case 'weak':
      return sexConflict || province === 'differ' ? 'none' : 'likely';
    case 'different':
      return 'none';
  }
}

/** Whether two records describe the same person, how sure, and why (see the file header). */
export function compare(a: PersonRecord, b: PersonRecord): MatchResult {
  const e = gather(a, b);
  const verdict = decide(e);
  const reasons = [...verdict.reasons, ...conflictReasons(e)];
  return { decision: verdict.decision, score: scoreOf(e), reasons, name: e.name.kind };
}

// ── Blocking ─────────────────────────────────────────────────────────────────────────────────────

/**
 * The keys a record is stored under, such that two records of one person share at least one with very
 * high probability, so candidates are found by key equality rather than by comparing every pair. At
 * most five:
 *   p: phone, e: e-mail, n: national ID hash (present ones only);
 *   df: date of birth + family name (survives typos elsewhere, a dropped middle name, any order);
 *   di: date of birth + the sorted initials of the name (survives a typo in the family name).
 * A record without a date of birth or an identifier has no key: by the rules above a name alone never
 * matches, so there is nothing to look up (an earlier version kept a key of the name tokens; it found
 * only the day–month swaps that `matchKeys` now looks up directly, at the price of the largest blocks).
 */
export function blockingKeys(record: PersonRecord): string[] {
  const keys: string[] = [];
  if (present(record.phone)) keys.push(`p:${record.phone}`);
  if (present(record.email)) keys.push(`e:${record.email}`);
  if (present(record.nationalIdHash)) keys.push(`n:${record.nationalIdHash}`);
  const dob = record.dateOfBirth;
  if (present(dob)) keys.push(...dateKeys(record, dob));
  return keys;
}

/**
 * The keys to look a record's candidates up by: its own, and its date keys with day and month swapped
 * when that is a date (the 'near' rule: one roster read 03/04 the other way round).
 */
export function matchKeys(record: PersonRecord): string[] {
  const keys = blockingKeys(record);
  const swapped = swapDayMonth(record.dateOfBirth);
  if (swapped) keys.push(...dateKeys(record, swapped));
  return keys;
}

function dateKeys(record: PersonRecord, dob: string): string[] {
  const name = nameKeysOf(prepare(record).name);
  if (!name) return [];
  return [`df:${dob}|${name.family}`, `di:${dob}|${name.initials}`];
}

/**
 * The name halves of the date keys, stored with each person (`people.name_family`,
 * `people.name_initials`) so the registry finds a date key by (date_of_birth, half) in its own
 * indexes: the folded family name (the first token once the name is in Vietnamese order) and the
 * sorted initials of every token. Null for a name without letters.
 */
export function nameKeys(fullName: string): { family: string; initials: string } | null {
  return nameKeysOf(cachedName(fullName));
}

function nameKeysOf({ canonical }: PreparedName) {
  if (canonical.length === 0) return null;
  return {
    family: canonical[0] as string,
    initials: canonical
      .map((t) => t[0])
      .sort()
      .join(''),
  };
}

/** A blocking key read back into its kind and value (`df:1998-03-12|nguyen` → df, 1998-03-12, nguyen). */
export function parseKey(
  key: string,
): { kind: 'p' | 'e' | 'n'; value: string } | { kind: 'df' | 'di'; date: string; name: string } | null {
  const colon = key.indexOf(':');
  const kind = key.slice(0, colon);
  const value = key.slice(colon + 1);
  if (kind === 'p' || kind === 'e' || kind === 'n') return { kind, value };
  if (kind === 'df' || kind === 'di') {
    const bar = value.indexOf('|');
    return { kind, date: value.slice(0, bar), name: value.slice(bar + 1) };
  }
  return null;
}

/** `YYYY-DD-MM` of a `YYYY-MM-DD` date when that is another real date, else null. */
function swapDayMonth(dob: string | null | undefined): string | null {
  if (!present(dob)) return null;
  const day = Number(dob.slice(8, 10));
  const month = Number(dob.slice(5, 7));
  if (day === month || day > 12) return null;
  return `${dob.slice(0, 4)}-${dob.slice(8, 10)}-${dob.slice(5, 7)}`;
}

// ── From a roster row ────────────────────────────────────────────────────────────────────────────

/** Identity fields of a roster row as uploaded, before any normalisation. */
export interface RosterIdentity {
  fullName: string;
  dateOfBirth?: string | number | Date | null;
  sex?: string | null;
  provinceCode?: string | null;
  phone?: string | null;
  email?: string | null;
  nationalId?: string | null;
}

/**
 * The record `compare` reads, from a raw roster row: every field normalised, unreadable ones dropped
 * (null), the CCCD kept only when well formed and then only as `hashNationalId` of it.
 */
export function personRecordFromRow(
  row: RosterIdentity,
  hashNationalId: (cccd: string) => string,
  today?: string,
): PersonRecord {
  const id = parseNationalId(row.nationalId, today);
  const province = row.provinceCode?.trim();
  return {
    fullName: row.fullName,
    dateOfBirth: parseDate(row.dateOfBirth, today),
    sex: parseSex(row.sex),
    provinceCode: province ? province : null,
    phone: normalisePhone(row.phone),
    email: normaliseEmail(row.email),
    nationalIdHash: id.ok ? hashNationalId(id.value) : null,
  };
}
