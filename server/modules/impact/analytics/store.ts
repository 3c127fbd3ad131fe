/**
 * The analytics store: the records impact indicators count, kept in memory as typed arrays indexed
 * by small integers (decision 012). Exact unique counts over any slice are then a pass over arrays
 * with a bitset of people, instead of `count(distinct …)` over joins of the raw tables.
 *
 * - People (by `person_no`): sex, date of birth, province, urban/rural, and whether the record still
 *   stands (a merged record does not; its records have moved to the survivor).
 * - Enrolments (by `enrolment_no`): person, cohort, status, enrolment and completion days.
 * - The small tables (programs, organisations, courses and their programs, cohorts, trainers, trainer
 *   certifications, hires, scholarship awards) are read whole when their version moves.
 *
 * Staying current: every insert or update of a person or an enrolment takes a number from
 * `analytics_seq`; `refresh()` reads what was stamped since its last look (and, on a server where
 * transactions overlap, again since the look before: a transaction may commit a smaller number after
 * a larger one was read), deletions through tombstones. A full rebuild runs in the background every
 * ten minutes as a last guard. One store per database, shared by every request of the process.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import * as repo from './repo';

export const NO_DAY = -2_147_483_648;
const PAGE = 50_000;
const REBUILD_AFTER_MS = 10 * 60_000;

export const SEX = { unknown: 0, F: 1, M: 2, X: 3 } as const;
export const AREA = { unknown: 0, urban: 1, rural: 2 } as const;
/** Enrolment status codes; 0 is "no enrolment with this number" (never made, or deleted). */
export const STATUS = {
  none: 0,
  waitlisted: 1,
  enrolled: 2,
  completed: 3,
  withdrawn: 4,
  transferred: 5,
} as const;
const statusCode = (s: string): number => STATUS[s as keyof typeof STATUS] ?? STATUS.enrolled;

/** A growable typed column. */
function grow<T extends Int8Array | Uint8Array | Int16Array | Int32Array>(a: T, need: number, fill = 0): T {
  if (need < a.length) return a;
  let size = Math.max(1024, a.length);
  while (size <= need) size *= 2;
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  if (fill !== 0) b.fill(fill, a.length);
  return b;
}

export interface Structure {
  programIds: string[];
  programCodes: string[];
  programIndex: Map<string, number>;
  orgIds: string[];
  orgIndex: Map<string, number>;
  provinceCodes: string[];
  provinceIndex: Map<string, number>;
  courseIndex: Map<string, number>;
  courseTot: Uint8Array;
  courseOrg: Int32Array;
  /** program indexes of each course */
  coursePrograms: number[][];
  cohortIndex: Map<string, number>;
  cohortCourse: Int32Array;
  cohortOrg: Int32Array;
  /** person numbers of each cohort's trainers */
  cohortTrainers: number[][];
}

export interface SmallFacts {
  /** trainer certifications: person, course index, day */
  certPerson: Int32Array;
  certCourse: Int32Array;
  certDay: Int32Array;
  hirePerson: Int32Array;
  hireJapan: Uint8Array;
  hireDay: Int32Array;
  awardPerson: Int32Array;
  awardProgram: Int32Array;
  awardKind: Uint8Array;
  awardDay: Int32Array;
  /** check-ins at events: person, program index (-1: none), organiser index, day */
  attendPerson: Int32Array;
  attendProgram: Int32Array;
  attendOrg: Int32Array;
  attendDay: Int32Array;
}

export const AWARD_KIND = { masters: 0, doctoral: 1, other: 2 } as const;

export class AnalyticsStore {
  // people, by person_no
  sex = new Int8Array(0);
  /** yyyymmdd, 0 when unknown */
  birth = new Int32Array(0);
  province = new Int16Array(0);
  area = new Int8Array(0);
  alive = new Uint8Array(0);
  /** one past the highest person number seen */
  personLimit = 0;

  // enrolments, by enrolment_no
  ePerson = new Int32Array(0);
  eCohort = new Int32Array(0);
  eStatus = new Uint8Array(0);
  eEnrolled = new Int32Array(0);
  eCompleted = new Int32Array(0);
  enrolmentLimit = 0;

  structure!: Structure;
  facts!: SmallFacts;
  /** Moves whenever anything the store holds changed: answers cached against it stay right. */
  version = 0;

  private seenSeq = '0';
  private previousSeq = '0';
  private versions: Record<string, number> = {};
  private loading: Promise<void> | undefined;
  private builtAt = 0;
  private overlapping: boolean;
  /** the last refresh's cost, for the logs and the bench */
  lastRefresh = { ms: 0, people: 0, enrolments: 0, full: false };

  constructor(
    private readonly db: Kysely<DB>,
    opts: { overlappingTransactions: boolean },
  ) {
    this.overlapping = opts.overlappingTransactions;
  }

  /** Brings the store up to date with the database; concurrent callers share one refresh. */
  refresh(): Promise<void> {
    this.loading ??= this.load().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  /** Forgets everything and reads it all again (the next refresh does it). */
  invalidate() {
    this.builtAt = 0;
  }

  private async load() {
    const started = performance.now();
    const full = this.builtAt === 0 || Date.now() - this.builtAt > REBUILD_AFTER_MS;
    if (full) this.reset();
    const marks = await repo.readMarks(this.db);
    const structureChanged =
      full ||
      ['structure', 'certifications', 'applications', 'awards', 'events'].some(
        (k) => marks.versions[k] !== this.versions[k],
      );
    let people = 0;
    let enrolments = 0;
    const caughtUp =
      String(marks.seq) === this.seenSeq && (!this.overlapping || this.previousSeq === this.seenSeq);
    const nothingNew = !full && caughtUp && !structureChanged;
    if (!nothingNew) {
      if (structureChanged || !this.structure) await this.loadStructure();
      const from = this.overlapping ? this.previousSeq : this.seenSeq;
      people = await this.applyPeople(from);
      enrolments = await this.applyEnrolments(from);
      await this.applyTombstones(from);
      // trainers link to their person records: a person change can change them
      if (people > 0 && !structureChanged) this.structure.cohortTrainers = await this.readCohortTrainers();
      // after a full read, the next look starts at its mark; after that, one look back
      this.previousSeq = full ? String(marks.seq) : this.seenSeq;
      this.seenSeq = String(marks.seq);
      this.versions = marks.versions;
      this.version++;
    }
    if (full) this.builtAt = Date.now();
    this.lastRefresh = { ms: performance.now() - started, people, enrolments, full };
  }

  private reset() {
    this.personLimit = 0;
    this.enrolmentLimit = 0;
    this.alive = new Uint8Array(0);
    this.eStatus = new Uint8Array(0);
    this.seenSeq = '0';
    this.previousSeq = '0';
    this.versions = {};
  }

  private async readCohortTrainers() {
    const lists: number[][] = [];
    for (let i = 0; i < this.structure.cohortCourse.length; i++) lists.push([]);
    for (const r of await repo.cohortTrainerPeople(this.db)) {
      const c = this.structure.cohortIndex.get(r.cohort);
      if (c !== undefined) lists[c]!.push(r.person);
    }
    return lists;
  }

  private async loadStructure() {
    const s = await repo.readStructure(this.db);
    const programIndex = new Map(s.programs.map((p, i) => [p.id, i]));
    const orgIndex = new Map(s.organisations.map((o, i) => [o.id, i]));
    const provinceIndex = new Map(s.provinces.map((p, i) => [p.code, i]));
    const courseIndex = new Map(s.courses.map((c, i) => [c.id, i]));
    const courseTot = Uint8Array.from(s.courses, (c) => (c.is_tot ? 1 : 0));
    const courseOrg = Int32Array.from(s.courses, (c) => orgIndex.get(c.organisation_id) ?? -1);
    const coursePrograms: number[][] = s.courses.map(() => []);
    for (const cp of s.coursePrograms) {
      const c = courseIndex.get(cp.course_id);
      const p = programIndex.get(cp.program_id);
      if (c !== undefined && p !== undefined) coursePrograms[c]!.push(p);
    }
    const cohortIndex = new Map(s.cohorts.map((c, i) => [c.id, i]));
    const cohortCourse = Int32Array.from(s.cohorts, (c) => courseIndex.get(c.course_id) ?? -1);
    const cohortOrg = Int32Array.from(s.cohorts, (c) => orgIndex.get(c.organisation_id) ?? -1);
    this.structure = {
      programIds: s.programs.map((p) => p.id),
      programCodes: s.programs.map((p) => p.code),
      programIndex,
      orgIds: s.organisations.map((o) => o.id),
      orgIndex,
      provinceCodes: s.provinces.map((p) => p.code),
      provinceIndex,
      courseIndex,
      courseTot,
      courseOrg,
      coursePrograms,
      cohortIndex,
      cohortCourse,
      cohortOrg,
      cohortTrainers: [],
    };
    this.structure.cohortTrainers = await this.readCohortTrainers();

    const [certs, hires, awards, attendances] = await Promise.all([
      repo.trainerCertifications(this.db),
      repo.hires(this.db),
      repo.awards(this.db),
      repo.attendances(this.db),
    ]);
    this.facts = {
      certPerson: Int32Array.from(certs, (r) => r.person),
      certCourse: Int32Array.from(certs, (r) => courseIndex.get(r.course) ?? -1),
      certDay: Int32Array.from(certs, (r) => r.day),
      hirePerson: Int32Array.from(hires, (r) => r.person),
      hireJapan: Uint8Array.from(hires, (r) => (r.country === 'JP' ? 1 : 0)),
      hireDay: Int32Array.from(hires, (r) => r.day),
      awardPerson: Int32Array.from(awards, (r) => r.person),
      awardProgram: Int32Array.from(awards, (r) => programIndex.get(r.program) ?? -1),
      awardKind: Uint8Array.from(awards, (r) => AWARD_KIND[r.kind as keyof typeof AWARD_KIND] ?? 2),
      awardDay: Int32Array.from(awards, (r) => r.day),
      attendPerson: Int32Array.from(attendances, (r) => r.person),
      attendProgram: Int32Array.from(attendances, (r) =>
        r.program === null ? -1 : (programIndex.get(r.program) ?? -1),
      ),
      attendOrg: Int32Array.from(attendances, (r) => orgIndex.get(r.org) ?? -1),
      attendDay: Int32Array.from(attendances, (r) => r.day),
    };
  }

  private async applyPeople(from: string) {
    let after = from;
    let count = 0;
    for (;;) {
      const rows = await repo.peopleSince(this.db, after, PAGE);
      for (const r of rows) this.setPerson(r);
      count += rows.length;
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1]!.seq;
    }
    return count;
  }

  private setPerson(r: repo.PersonRow) {
    const n = r.no;
    if (n >= this.alive.length) {
      this.sex = grow(this.sex, n);
      this.birth = grow(this.birth, n);
      this.province = grow(this.province, n);
      this.area = grow(this.area, n);
      this.alive = grow(this.alive, n);
    }
    if (n >= this.personLimit) this.personLimit = n + 1;
    this.sex[n] = r.sex === 'F' ? SEX.F : r.sex === 'M' ? SEX.M : r.sex === 'X' ? SEX.X : SEX.unknown;
    this.birth[n] = r.birth ?? 0;
    this.province[n] = r.province === null ? -1 : (this.structure.provinceIndex.get(r.province) ?? -1);
    this.area[n] = r.area === 'urban' ? AREA.urban : r.area === 'rural' ? AREA.rural : AREA.unknown;
    this.alive[n] = r.gone ? 0 : 1;
  }

  private async applyEnrolments(from: string) {
    let after = from;
    let count = 0;
    for (;;) {
      const rows = await repo.enrolmentsSince(this.db, after, PAGE);
      if (rows.some((r) => !this.structure.cohortIndex.has(r.cohort))) await this.loadStructure();
      for (const r of rows) this.setEnrolment(r);
      count += rows.length;
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1]!.seq;
    }
    return count;
  }

  private setEnrolment(r: repo.EnrolmentRow) {
    const n = r.no;
    if (n >= this.eStatus.length) {
      this.ePerson = grow(this.ePerson, n);
      this.eCohort = grow(this.eCohort, n);
      this.eStatus = grow(this.eStatus, n);
      this.eEnrolled = grow(this.eEnrolled, n);
      this.eCompleted = grow(this.eCompleted, n, NO_DAY);
    }
    if (n >= this.enrolmentLimit) this.enrolmentLimit = n + 1;
    this.ePerson[n] = r.person;
    this.eCohort[n] = this.structure.cohortIndex.get(r.cohort) ?? -1;
    this.eStatus[n] = statusCode(r.status);
    this.eEnrolled[n] = r.enrolled;
    this.eCompleted[n] = r.completed ?? NO_DAY;
  }

  private async applyTombstones(from: string) {
    for (const t of await repo.tombstonesSince(this.db, from)) {
      if (t.source === 'people' && t.no < this.alive.length) this.alive[t.no] = 0;
      if (t.source === 'enrolments' && t.no < this.eStatus.length) this.eStatus[t.no] = STATUS.none;
    }
  }
}

const stores = new WeakMap<Kysely<DB>, AnalyticsStore>();

/** The store of this database (one per process), brought up to date. */
export async function analyticsFor(db: Kysely<DB>, opts: { overlappingTransactions: boolean }) {
  let store = stores.get(db);
  if (!store) {
    store = new AnalyticsStore(db, opts);
    stores.set(db, store);
  }
  await store.refresh();
  return store;
}
