/**
 * The open jobs as an in-memory index for ranking them against a learner's skills.
 *
 * A learner's few skills are asked by tens of thousands of the 100,000 open jobs; adding up their
 * credit in SQL means reading and grouping every one of those job–skill rows on each request (about
 * half a second). Here each skill keeps its postings (job, asked level, required) in typed arrays, so
 * ranking is one pass over the postings of the learner's skills and a bounded heap — a few
 * milliseconds. The score is the matching rule's exactly (matching.ts: skills and the Japanese level);
 * the order is the page's: the fit both ways (see `rank`), then the nearest closing date, then the id.
 *
 * Freshness: a change to jobs made by this process (post, edit, close, the daily closing) marks the
 * index stale and the next ranking waits for a rebuild; a new day (closing dates) does too. Changes
 * made by another process are picked up within a minute: after that the index is rebuilt in the
 * background while the previous one keeps answering.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import { onChange } from '../../../lib/changes';
import {
  JLPT_WEIGHT,
  OPTIONAL_WEIGHT,
  percentOf,
  REQUIRED_WEIGHT,
  type SkillEvidence,
  skillCredit,
} from '../matching';
import * as repo from './repo';

type Db = Kysely<DB>;

export interface RankQuery {
  skills: readonly SkillEvidence[];
  jlpt: number | null;
  /** Jobs in Viet Nam: only these provinces (null = anywhere). */
  vnProvinces: readonly string[] | null;
  japan: boolean;
  limit: number;
}

interface Postings {
  job: Int32Array;
  /** The asked level, negative when the skill is only nice to have. */
  level: Int8Array;
}

const COUNTRY_VN = 0;
const COUNTRY_JP = 1;

export class OpenJobsIndex {
  readonly size: number;
  private readonly ids: string[];
  private readonly country: Uint8Array;
  private readonly province: (string | null)[];
  private readonly closes: string[];
  private readonly jlptMin: Uint8Array;
  private readonly total: Float64Array;
  private readonly postings = new Map<string, Postings>();

  constructor(
    readonly today: string,
    rows: readonly repo.OpenJobRow[],
  ) {
    const n = rows.length;
    this.size = n;
    this.ids = new Array(n);
    this.country = new Uint8Array(n);
    this.province = new Array(n);
    this.closes = new Array(n);
    this.jlptMin = new Uint8Array(n);
    this.total = new Float64Array(n);
    const counts = new Map<string, number>();
    for (const r of rows) for (const s of r.skill_ids) counts.set(s, (counts.get(s) ?? 0) + 1);
    const fill = new Map<string, number>();
    for (const [skill, count] of counts) {
      this.postings.set(skill, { job: new Int32Array(count), level: new Int8Array(count) });
      fill.set(skill, 0);
    }
    rows.forEach((r, i) => {
      this.ids[i] = r.id;
      this.country[i] = r.country === 'JP' ? COUNTRY_JP : COUNTRY_VN;
      this.province[i] = r.province_code;
      this.closes[i] = r.closes_on;
      this.jlptMin[i] = r.jlpt_min ?? 0;
      let total = r.jlpt_min ? JLPT_WEIGHT : 0;
      r.skill_ids.forEach((skill, k) => {
        const p = this.postings.get(skill)!;
        const at = fill.get(skill)!;
        p.job[at] = i;
        p.level[at] = r.required[k] ? r.levels[k]! : -r.levels[k]!;
        fill.set(skill, at + 1);
        total += r.required[k] ? REQUIRED_WEIGHT : OPTIONAL_WEIGHT;
      });
      this.total[i] = total;
    });
  }

  /**
   * The best `limit` open jobs for these skills, best first, by the fit both ways (0–100): the
   * geometric mean of the share of the job's weight earned (the explanation's score) and the share of
   * the learner's skills the job asks for. The first alone puts a small job of another trade above a
   * large job of the learner's own; keyword overlap alone ignores levels and evidence.
   */
  rank(q: RankQuery, today: string): { jobId: string; fit: number; score: number; used: number }[] {
    const earned = new Float64Array(this.size);
    const used = new Uint8Array(this.size);
    const touched: number[] = [];
    for (const e of q.skills) {
      const p = this.postings.get(e.skillId);
      if (!p) continue;
      for (let k = 0; k < p.job.length; k++) {
        const j = p.job[k]!;
        const asked = p.level[k]!;
        if (used[j] === 0) touched.push(j);
        used[j]!++;
        earned[j]! += skillCredit(asked > 0 ? REQUIRED_WEIGHT : OPTIONAL_WEIGHT, Math.abs(asked), e).credit;
      }
    }
    const provinces = q.vnProvinces ? new Set(q.vnProvinces) : null;
    const heap = new TopK(q.limit, (a, b) => this.before(a, b));
    for (const j of touched) {
      if (this.closes[j]! < today) continue;
      if (this.country[j] === COUNTRY_JP ? !q.japan : provinces && !provinces.has(this.province[j] ?? '')) {
        continue;
      }
      let e = earned[j]!;
      const min = this.jlptMin[j]!;
      if (min) e += JLPT_WEIGHT * Math.min(1, (q.jlpt ?? 0) / min);
      const share = e / this.total[j]!;
      heap.offer({
        j,
        fit: Math.round(100 * Math.sqrt(share * (used[j]! / q.skills.length))),
        score: percentOf(e, this.total[j]!),
        used: used[j]!,
      });
    }
    return heap.sorted().map((c) => ({ jobId: this.ids[c.j]!, fit: c.fit, score: c.score, used: c.used }));
  }

  /** The page's order: higher fit, then the nearer closing date, then the id. */
  private before(a: Candidate, b: Candidate): boolean {
    if (a.fit !== b.fit) return a.fit > b.fit;
    const ca = this.closes[a.j]!;
    const cb = this.closes[b.j]!;
    if (ca !== cb) return ca < cb;
    return this.ids[a.j]! < this.ids[b.j]!;
  }
}

interface Candidate {
  j: number;
  fit: number;
  score: number;
  used: number;
}

/** The best k of a stream: a heap whose root is the worst kept. */
class TopK {
  private readonly items: Candidate[] = [];
  constructor(
    private readonly k: number,
    private readonly before: (a: Candidate, b: Candidate) => boolean,
  ) {}

  offer(c: Candidate) {
    const h = this.items;
    if (h.length < this.k) {
      h.push(c);
      let i = h.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.before(h[parent]!, h[i]!)) break;
        [h[parent], h[i]] = [h[i]!, h[parent]!];
        i = parent;
      }
      return;
    }
    if (this.k === 0 || !this.before(c, h[0]!)) return;
    h[0] = c;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < h.length && this.before(h[worst]!, h[l]!)) worst = l;
      if (r < h.length && this.before(h[worst]!, h[r]!)) worst = r;
      if (worst === i) break;
      [h[worst], h[i]] = [h[i]!, h[worst]!];
      i = worst;
    }
  }

  sorted(): Candidate[] {
    return [...this.items].sort((a, b) => (this.before(a, b) ? -1 : this.before(b, a) ? 1 : 0));
  }
}

// ── Keeping it fresh ─────────────────────────────────────────────────────────────────────────────

/** How long an index may answer before it is rebuilt (for changes made by another process). */
const MAX_AGE_MS = 60_000;

interface State {
  index?: OpenJobsIndex;
  builtAt: number;
  /** Bumped by every change in this process; an index built from an older generation is stale. */
  generation: number;
  builtGeneration: number;
  building?: Promise<OpenJobsIndex>;
}

const states = new WeakMap<object, State>();
const stateOf = (db: object) => {
  let s = states.get(db);
  if (!s) {
    s = { builtAt: 0, generation: 0, builtGeneration: -1 };
    states.set(db, s);
  }
  return s;
};
onChange(['jobs'], (db) => {
  stateOf(db).generation++;
});

function build(db: Db, state: State, today: string): Promise<OpenJobsIndex> {
  if (state.building) return state.building;
  const generation = state.generation;
  const startedAt = Date.now();
  const building = repo
    .openJobRows(db, today)
    .then((rows) => {
      const index = new OpenJobsIndex(today, rows);
      state.index = index;
      state.builtAt = startedAt;
      state.builtGeneration = generation;
      return index;
    })
    .finally(() => {
      state.building = undefined;
    });
  state.building = building;
  return building;
}

/** The index of the jobs open today, rebuilt first when this process changed jobs or the day changed. */
export async function openJobsIndex(db: Db, today: string): Promise<OpenJobsIndex> {
  const state = stateOf(db);
  let index = state.index;
  while (!index || index.today !== today || state.builtGeneration !== state.generation) {
    // A build started before the latest change does not count: wait for it, then build again.
    index = await build(db, state, today);
    if (state.builtGeneration === state.generation && index.today === today) break;
    index = undefined;
  }
  if (Date.now() - state.builtAt > MAX_AGE_MS) build(db, state, today).catch(() => undefined);
  return index;
}
