/**
 * Evaluates an indicator's rule over the analytics store for one slice (program, period, partner,
 * province) and the asked breakdowns. Every count is of unique people: a population is a bitset of
 * person numbers; a breakdown by a record's dimension (partner, program, quarter) keeps one bitset per
 * group, so a person trained by two partners is once in each partner's row and once in the total.
 *
 * The same rule compiled to SQL (naive.ts) gives the same numbers; tests and the bench check it.
 */
import {
  type AgeBand,
  ageBandOf,
  ageBands,
  type Dimension,
  type IndicatorRule,
  type IndicatorSource,
  isPersonDimension,
  type Population,
  quarterKey,
  UNKNOWN,
} from '../../../../common/impact';
import { type AnalyticsStore, AWARD_KIND, NO_DAY, STATUS } from '../analytics/store';

export interface Slice {
  /** program index in the store's structure; null: every record of the platform */
  program: number | null;
  /** first and last day (days since 1970-01-01, inclusive) */
  from: number;
  to: number;
  /** only records delivered by this organisation (store index) */
  partner?: number | null;
  /** only people of this province (store index) */
  province?: number | null;
  /** ages are taken on this day (yyyymmdd) */
  asOf: number;
}

export interface GroupValue {
  key: string;
  value: number | null;
  numerator?: number;
  denominator?: number;
}

export interface Evaluation {
  value: number | null;
  numerator?: number;
  denominator?: number;
  groups: Partial<Record<Dimension, GroupValue[]>>;
}

// ── bitsets of person numbers ─────────────────────────────────────────────────────────────────────
export type Bitset = Uint32Array;
const newBitset = (limit: number): Bitset => new Uint32Array((limit >>> 5) + 1);
const setBit = (b: Bitset, n: number) => {
  b[n >>> 5]! |= 1 << (n & 31);
};
export const hasBit = (b: Bitset, n: number) => (b[n >>> 5]! & (1 << (n & 31))) !== 0;
function popcount32(v: number) {
  let x = v - ((v >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
export function countBits(b: Bitset) {
  let n = 0;
  for (let i = 0; i < b.length; i++) if (b[i] !== 0) n += popcount32(b[i]!);
  return n;
}
function countBoth(a: Bitset, b: Bitset) {
  let n = 0;
  for (let i = 0; i < a.length; i++) {
    const w = a[i]! & b[i]!;
    if (w !== 0) n += popcount32(w);
  }
  return n;
}
export function* bitsOf(b: Bitset) {
  for (let i = 0; i < b.length; i++) {
    let w = b[i]!;
    while (w !== 0) {
      const t = w & -w;
      yield (i << 5) + (31 - Math.clz32(t));
      w ^= t;
    }
  }
}
export function andBits(a: Bitset, b: Bitset): Bitset {
  const out = new Uint32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! & b[i]!;
  return out;
}

// ── days ──────────────────────────────────────────────────────────────────────────────────────────
export const dayOf = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
export const isoOfDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
export const ymdOfDay = (day: number) => Number(isoOfDay(day).replaceAll('-', ''));

/** The quarter key of each day of the slice, computed once per slice. */
function quarterTable(from: number, to: number) {
  const keys: string[] = [];
  const slot = new Int16Array(to - from + 1);
  let last = '';
  for (let d = from; d <= to; d++) {
    const iso = isoOfDay(d);
    const key = quarterKey(Number(iso.slice(0, 4)), Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1);
    if (key !== last) {
      keys.push(key);
      last = key;
    }
    slot[d - from] = keys.length - 1;
  }
  return { keys, slot };
}

// ── populations ───────────────────────────────────────────────────────────────────────────────────
interface PopulationSets {
  total: Bitset;
  /** per record dimension asked, a bitset per group key */
  byRecord: Map<Dimension, Map<string, Bitset>>;
}

const SEX_KEYS = [UNKNOWN, 'F', 'M', 'X'];
const AREA_KEYS = [UNKNOWN, 'urban', 'rural'];

export class Evaluator {
  private readonly limit: number;
  private quarters: ReturnType<typeof quarterTable> | undefined;
  private cohortInProgram: Uint8Array | undefined;
  private cohortCertified: Int32Array | undefined;
  private readonly cache = new Map<string, PopulationSets>();

  constructor(
    readonly store: AnalyticsStore,
    readonly slice: Slice,
  ) {
    this.limit = store.personLimit;
  }

  evaluate(rule: IndicatorRule, dims: readonly Dimension[]): Evaluation {
    const recordDims = dims.filter((d) => !isPersonDimension(d));
    if (rule.kind === 'count') {
      const sets = this.population(rule.population, recordDims);
      const groups: Evaluation['groups'] = {};
      for (const d of dims) {
        groups[d] = isPersonDimension(d)
          ? this.personGroups(d, sets.total).map(([key, value]) => ({ key, value }))
          : [...(sets.byRecord.get(d) ?? new Map<string, Bitset>())].map(([key, b]) => ({
              key,
              value: countBits(b),
            }));
        sortGroups(d, groups[d]!);
      }
      return { value: countBits(sets.total), groups };
    }
    const num = this.population(rule.numerator, recordDims);
    const den = this.population(rule.denominator, recordDims);
    const both = andBits(num.total, den.total);
    const share = (n: number, d: number) => (d === 0 ? null : (100 * n) / d);
    const groups: Evaluation['groups'] = {};
    for (const d of dims) {
      if (isPersonDimension(d)) {
        const dens = new Map(this.personGroups(d, den.total));
        const nums = new Map(this.personGroups(d, both));
        groups[d] = [...dens].map(([key, dv]) => {
          const nv = nums.get(key) ?? 0;
          return { key, value: share(nv, dv), numerator: nv, denominator: dv };
        });
      } else {
        const numGroups = num.byRecord.get(d) ?? new Map<string, Bitset>();
        groups[d] = [...(den.byRecord.get(d) ?? new Map<string, Bitset>())].map(([key, db]) => {
          const nb = numGroups.get(key);
          const dv = countBits(db);
          const nv = nb ? countBoth(nb, db) : 0;
          return { key, value: share(nv, dv), numerator: nv, denominator: dv };
        });
      }
      sortGroups(d, groups[d]!);
    }
    const n = countBits(both);
    const dd = countBits(den.total);
    return { value: share(n, dd), numerator: n, denominator: dd, groups };
  }

  /**
   * The people behind a number: the population's people (for a percent, `part` picks the numerator
   * within the denominator or the whole denominator), within one group of one dimension if given.
   */
  people(
    rule: IndicatorRule,
    part: 'numerator' | 'denominator',
    group?: { dimension: Dimension; key: string },
  ) {
    const dims = group && !isPersonDimension(group.dimension) ? [group.dimension] : [];
    let sets: PopulationSets;
    if (rule.kind === 'count') sets = this.population(rule.population, dims);
    else {
      const den = this.population(rule.denominator, dims);
      if (part === 'denominator') sets = den;
      else {
        const num = this.population(rule.numerator, dims);
        const byRecord = new Map<Dimension, Map<string, Bitset>>();
        for (const d of dims) {
          const m = new Map<string, Bitset>();
          for (const [k, b] of den.byRecord.get(d) ?? []) {
            const nb = num.byRecord.get(d)?.get(k);
            if (nb) m.set(k, andBits(nb, b));
          }
          byRecord.set(d, m);
        }
        sets = { total: andBits(num.total, den.total), byRecord };
      }
    }
    if (!group) return sets.total;
    if (!isPersonDimension(group.dimension))
      return sets.byRecord.get(group.dimension)?.get(group.key) ?? newBitset(0);
    const out = newBitset(this.limit);
    for (const p of bitsOf(sets.total)) if (this.personKey(group.dimension, p) === group.key) setBit(out, p);
    return out;
  }

  private personKey(d: Dimension, p: number): string {
    const s = this.store;
    switch (d) {
      case 'sex':
        return SEX_KEYS[s.sex[p]!]!;
      case 'area':
        return AREA_KEYS[s.area[p]!]!;
      case 'province': {
        const i = s.province[p]!;
        return i < 0 ? UNKNOWN : s.structure.provinceCodes[i]!;
      }
      case 'age': {
        const b = s.birth[p]!;
        if (b === 0 || b > this.slice.asOf) return UNKNOWN;
        return ageBandOf(Math.floor((this.slice.asOf - b) / 10_000));
      }
      default:
        throw new Error(`not a person dimension: ${d}`);
    }
  }

  private personGroups(d: Dimension, people: Bitset): [string, number][] {
    const counts = new Map<string, number>();
    for (const p of bitsOf(people)) {
      const k = this.personKey(d, p);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    return [...counts];
  }

  private population(pop: Population, recordDims: readonly Dimension[]): PopulationSets {
    const key = `${JSON.stringify(pop)}|${recordDims.join(',')}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const sets: PopulationSets = { total: newBitset(this.limit), byRecord: new Map() };
    for (const d of recordDims) sets.byRecord.set(d, new Map());
    for (const source of new Set(pop.sources)) this.addSource(source, pop, sets, recordDims);
    this.cache.set(key, sets);
    return sets;
  }

  /** Does the person pass the slice's province and the population's person filter? */
  private personPasses(p: number, pop: Population) {
    const s = this.store;
    if (s.alive[p] !== 1) return false;
    const province = this.slice.province;
    if (province !== undefined && province !== null && s.province[p] !== province) return false;
    const f = pop.person;
    if (!f) return true;
    if (f.sex && !f.sex.includes(SEX_KEYS[s.sex[p]!] as 'F')) return false;
    if (f.area && !f.area.includes(AREA_KEYS[s.area[p]!] as 'urban')) return false;
    if (f.ageBand && !f.ageBand.includes(this.personKey('age', p) as AgeBand)) return false;
    return true;
  }

  private add(
    sets: PopulationSets,
    dims: readonly Dimension[],
    p: number,
    day: number,
    org: number,
    programs: readonly number[],
  ) {
    setBit(sets.total, p);
    for (const d of dims) {
      const groups = sets.byRecord.get(d)!;
      if (d === 'program') {
        if (programs.length === 0) this.addTo(groups, UNKNOWN, p);
        for (const pr of programs) this.addTo(groups, this.store.structure.programCodes[pr]!, p);
      } else if (d === 'partner') {
        this.addTo(groups, org < 0 ? UNKNOWN : this.store.structure.orgIds[org]!, p);
      } else if (d === 'quarter') {
        this.quarters ??= quarterTable(this.slice.from, this.slice.to);
        this.addTo(groups, this.quarters.keys[this.quarters.slot[day - this.slice.from]!]!, p);
      }
    }
  }

  private addTo(groups: Map<string, Bitset>, key: string, p: number) {
    let b = groups.get(key);
    if (!b) {
      b = newBitset(this.limit);
      groups.set(key, b);
    }
    setBit(b, p);
  }

  private inProgramCohorts() {
    if (this.cohortInProgram) return this.cohortInProgram;
    const st = this.store.structure;
    const program = this.slice.program;
    const out = new Uint8Array(st.cohortCourse.length);
    for (let c = 0; c < out.length; c++) {
      const course = st.cohortCourse[c]!;
      out[c] = course >= 0 && (program === null || st.coursePrograms[course]!.includes(program)) ? 1 : 0;
    }
    this.cohortInProgram = out;
    return out;
  }

  /** Each cohort's first day with a trainer certified by a ToT course of the program (NO_DAY: none). */
  private certifiedCohorts() {
    if (this.cohortCertified) return this.cohortCertified;
    const { structure: st, facts: f } = this.store;
    const program = this.slice.program;
    const certifiedOn = new Map<number, number>();
    for (let i = 0; i < f.certPerson.length; i++) {
      const course = f.certCourse[i]!;
      if (course < 0 || st.courseTot[course] !== 1) continue;
      if (program !== null && !st.coursePrograms[course]!.includes(program)) continue;
      const p = f.certPerson[i]!;
      const d = f.certDay[i]!;
      const had = certifiedOn.get(p);
      if (had === undefined || d < had) certifiedOn.set(p, d);
    }
    const out = new Int32Array(st.cohortCourse.length).fill(NO_DAY);
    for (let c = 0; c < out.length; c++) {
      let first = NO_DAY;
      for (const t of st.cohortTrainers[c] ?? []) {
        const d = certifiedOn.get(t);
        if (d !== undefined && (first === NO_DAY || d < first)) first = d;
      }
      out[c] = first;
    }
    this.cohortCertified = out;
    return out;
  }

  private addSource(
    source: IndicatorSource,
    pop: Population,
    sets: PopulationSets,
    dims: readonly Dimension[],
  ) {
    const s = this.store;
    const st = s.structure;
    const { from, to, program } = this.slice;
    const partner = this.slice.partner ?? null;
    switch (source) {
      case 'enrolled':
      case 'completed': {
        const completedOnly = source === 'completed';
        const inProgram = this.inProgramCohorts();
        const certified = pop.taughtByCertifiedTrainer ? this.certifiedCohorts() : undefined;
        for (let n = 1; n < s.enrolmentLimit; n++) {
          const status = s.eStatus[n]!;
          if (status === STATUS.none || status === STATUS.waitlisted) continue;
          if (completedOnly && status !== STATUS.completed) continue;
          const day = completedOnly ? s.eCompleted[n]! : s.eEnrolled[n]!;
          if (day < from || day > to) continue;
          const c = s.eCohort[n]!;
          if (c < 0) continue;
          if (certified) {
            const since = certified[c]!;
            if (since === NO_DAY || since > day) continue;
          } else if (inProgram[c] !== 1) continue;
          const course = st.cohortCourse[c]!;
          if (pop.tot !== undefined && (st.courseTot[course] === 1) !== pop.tot) continue;
          const org = st.cohortOrg[c]!;
          if (partner !== null && org !== partner) continue;
          const p = s.ePerson[n]!;
          if (!this.personPasses(p, pop)) continue;
          this.add(sets, dims, p, day, org, st.coursePrograms[course]!);
        }
        return;
      }
      case 'certified_trainer': {
        const f = s.facts;
        for (let i = 0; i < f.certPerson.length; i++) {
          const course = f.certCourse[i]!;
          if (course < 0 || st.courseTot[course] !== 1) continue;
          if (program !== null && !st.coursePrograms[course]!.includes(program)) continue;
          const day = f.certDay[i]!;
          if (day < from || day > to) continue;
          const org = st.courseOrg[course]!;
          if (partner !== null && org !== partner) continue;
          const p = f.certPerson[i]!;
          if (!this.personPasses(p, pop)) continue;
          this.add(sets, dims, p, day, org, st.coursePrograms[course]!);
        }
        return;
      }
      case 'hired': {
        const f = s.facts;
        const within = pop.withinDaysOfCompletion ?? 365;
        const hirers = new Set<number>();
        for (let i = 0; i < f.hirePerson.length; i++) {
          const day = f.hireDay[i]!;
          if (day >= from && day <= to) hirers.add(f.hirePerson[i]!);
        }
        if (hirers.size === 0) return;
        // the completions in the program of the people hired in the period
        const inProgram = this.inProgramCohorts();
        const completions = new Map<number, number[]>();
        for (let n = 1; n < s.enrolmentLimit; n++) {
          if (s.eStatus[n] !== STATUS.completed) continue;
          const p = s.ePerson[n]!;
          if (!hirers.has(p)) continue;
          const c = s.eCohort[n]!;
          if (c < 0 || inProgram[c] !== 1) continue;
          if (partner !== null && st.cohortOrg[c] !== partner) continue;
          const list = completions.get(p) ?? [];
          list.push(n);
          completions.set(p, list);
        }
        for (let i = 0; i < f.hirePerson.length; i++) {
          const day = f.hireDay[i]!;
          if (day < from || day > to) continue;
          if (pop.jobCountry && (f.hireJapan[i] === 1) !== (pop.jobCountry === 'JP')) continue;
          const p = f.hirePerson[i]!;
          // the latest completion on or before the hire, within the window
          let best = -1;
          for (const n of completions.get(p) ?? []) {
            const done = s.eCompleted[n]!;
            if (
              done <= day &&
              done >= day - within &&
              (best < 0 || done > s.eCompleted[best]! || (done === s.eCompleted[best]! && n > best))
            )
              best = n;
          }
          if (best < 0 || !this.personPasses(p, pop)) continue;
          const c = s.eCohort[best]!;
          this.add(sets, dims, p, day, st.cohortOrg[c]!, st.coursePrograms[st.cohortCourse[c]!]!);
        }
        return;
      }
      case 'awarded': {
        if (partner !== null) return;
        const f = s.facts;
        const kinds = pop.awardKinds?.map((k) => AWARD_KIND[k]);
        for (let i = 0; i < f.awardPerson.length; i++) {
          const pr = f.awardProgram[i]!;
          if (pr < 0 || (program !== null && pr !== program)) continue;
          const day = f.awardDay[i]!;
          if (day < from || day > to) continue;
          if (kinds && !kinds.includes(f.awardKind[i] as 0)) continue;
          const p = f.awardPerson[i]!;
          if (!this.personPasses(p, pop)) continue;
          this.add(sets, dims, p, day, -1, [pr]);
        }
        return;
      }
      case 'attended': {
        const f = s.facts;
        for (let i = 0; i < f.attendPerson.length; i++) {
          const pr = f.attendProgram[i]!;
          if (program !== null && pr !== program) continue;
          const day = f.attendDay[i]!;
          if (day < from || day > to) continue;
          const org = f.attendOrg[i]!;
          if (partner !== null && org !== partner) continue;
          const p = f.attendPerson[i]!;
          if (!this.personPasses(p, pop)) continue;
          this.add(sets, dims, p, day, org, pr < 0 ? [] : [pr]);
        }
        return;
      }
    }
  }
}

const ORDER: Partial<Record<Dimension, readonly string[]>> = {
  sex: ['F', 'M', 'X', UNKNOWN],
  age: [...ageBands, UNKNOWN],
  area: ['urban', 'rural', UNKNOWN],
};

function sortGroups(d: Dimension, groups: GroupValue[]) {
  const order = ORDER[d];
  if (order) groups.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
  else if (d === 'quarter' || d === 'province' || d === 'program')
    groups.sort((a, b) =>
      a.key === UNKNOWN ? 1 : b.key === UNKNOWN ? -1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
    );
  else
    groups.sort(
      (a, b) => (b.denominator ?? b.value ?? 0) - (a.denominator ?? a.value ?? 0) || (a.key < b.key ? -1 : 1),
    );
}
