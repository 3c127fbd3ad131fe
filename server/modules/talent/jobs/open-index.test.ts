/**
 * The in-memory ranking of open jobs gives exactly what the matching rule and the page's order give
 * when every job is explained one by one: the same jobs, the same scores, the same order.
 */
import { describe, expect, it } from 'vitest';
import { prng } from '../../../test/random';
import {
  evidenceBySkill,
  explain,
  type HeldSkill,
  JLPT_WEIGHT,
  OPTIONAL_WEIGHT,
  REQUIRED_WEIGHT,
  skillCredit,
} from '../matching';
import { OpenJobsIndex } from './open-index';
import type { OpenJobRow } from './repo';

const SKILLS = Array.from({ length: 12 }, (_, i) => `s.k${i}`);
const PROVINCES = ['01', '79', '92'];
const TODAY = '2026-11-24';

function generate(seed: number) {
  const rnd = prng(seed).next;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const jobs: OpenJobRow[] = Array.from({ length: 400 }, (_, i) => {
    const skills = [...new Set(Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => pick(SKILLS)))].sort();
    const jp = rnd() < 0.3;
    return {
      id: `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`,
      country: jp ? 'JP' : 'VN',
      province_code: jp ? null : pick(PROVINCES),
      // Some close before today: never ranked.
      closes_on: pick(['2026-11-20', '2026-11-24', '2026-12-01', '2027-01-15']),
      jlpt_min: jp && rnd() < 0.7 ? 1 + Math.floor(rnd() * 3) : null,
      skill_ids: skills,
      levels: skills.map(() => 1 + Math.floor(rnd() * 5)),
      required: skills.map(() => rnd() < 0.6),
    };
  });
  const learners = Array.from({ length: 30 }, () => ({
    skills: Array.from(
      { length: 1 + Math.floor(rnd() * 5) },
      (): HeldSkill => ({ skillId: pick(SKILLS), level: 1 + Math.floor(rnd() * 5), verified: rnd() < 0.5 }),
    ),
    jlpt: rnd() < 0.5 ? 1 + Math.floor(rnd() * 5) : null,
    vnProvinces: rnd() < 0.5 ? null : [pick(PROVINCES)],
    japan: rnd() < 0.5,
  }));
  return { jobs, learners };
}

/** The share of the job's weight the learner earns, unrounded, straight from the rule's parts. */
function share(j: OpenJobRow, l: { skills: HeldSkill[]; jlpt: number | null }) {
  const evidence = evidenceBySkill(l.skills);
  let earned = 0;
  let total = 0;
  j.skill_ids.forEach((skillId, k) => {
    const w = j.required[k] ? REQUIRED_WEIGHT : OPTIONAL_WEIGHT;
    total += w;
    const e = evidence.get(skillId);
    if (e) earned += skillCredit(w, j.levels[k]!, e).credit;
  });
  if (j.jlpt_min) {
    total += JLPT_WEIGHT;
    earned += JLPT_WEIGHT * Math.min(1, (l.jlpt ?? 0) / j.jlpt_min);
  }
  return earned / total;
}

describe('the open jobs index', () => {
  it('ranks as explaining every job would: fit both ways, then the nearer closing date, then the id', () => {
    for (const seed of [1, 2, 3]) {
      const { jobs, learners } = generate(seed);
      const index = new OpenJobsIndex(TODAY, jobs);
      for (const l of learners) {
        const got = index.rank(
          {
            skills: [...evidenceBySkill(l.skills).values()],
            jlpt: l.jlpt,
            vnProvinces: l.vnProvinces,
            japan: l.japan,
            limit: 20,
          },
          TODAY,
        );
        const held = new Set(l.skills.map((s) => s.skillId));
        const expected = jobs
          .filter((j) => j.closes_on >= TODAY)
          .filter((j) =>
            j.country === 'JP' ? l.japan : !l.vnProvinces || l.vnProvinces.includes(j.province_code!),
          )
          // A job none of whose skills the learner holds is not a match.
          .filter((j) => j.skill_ids.some((s) => held.has(s)))
          .map((j) => ({
            j,
            used: j.skill_ids.filter((s) => held.has(s)).length,
            exact: share(j, l),
            score: explain(
              {
                skills: j.skill_ids.map((skillId, k) => ({
                  skillId,
                  level: j.levels[k]!,
                  required: j.required[k]!,
                })),
                jlptMin: j.jlpt_min,
              },
              { skills: l.skills, jlpt: l.jlpt },
              new Map(),
              'en',
            ).score,
          }))
          .map((x) => ({
            ...x,
            fit: Math.round(100 * Math.sqrt(x.exact * (x.used / held.size))),
          }))
          .sort(
            (a, b) =>
              b.fit - a.fit ||
              a.j.closes_on.localeCompare(b.j.closes_on) ||
              (a.j.id < b.j.id ? -1 : a.j.id > b.j.id ? 1 : 0),
          )
          .slice(0, 20)
          .map((x) => ({ jobId: x.j.id, fit: x.fit, score: x.score, used: x.used }));
        expect(got).toEqual(expected);
        expect(got.length).toBeGreaterThan(0);
      }
    }
  });

  it('answers nothing for skills no job asks, and no more than asked for', () => {
    const { jobs } = generate(7);
    const index = new OpenJobsIndex(TODAY, jobs);
    const q = { jlpt: null, vnProvinces: null, japan: true };
    expect(
      index.rank({ ...q, skills: [{ skillId: 'x.none', verified: 3, declared: 0 }], limit: 20 }, TODAY),
    ).toEqual([]);
    expect(
      index.rank({ ...q, skills: [{ skillId: 's.k1', verified: 3, declared: 0 }], limit: 3 }, TODAY),
    ).toHaveLength(3);
    // A later day: the jobs closing before it are gone.
    const later = index.rank(
      { ...q, skills: SKILLS.map((skillId) => ({ skillId, verified: 5, declared: 0 })), limit: 400 },
      '2026-12-02',
    );
    expect(later.every((r) => jobs.find((j) => j.id === r.jobId)!.closes_on >= '2026-12-02')).toBe(true);
    expect(later.length).toBeGreaterThan(0);
  });
});
