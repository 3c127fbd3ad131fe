/**
 * The candidates' ranking (SQL with thresholds over the skill-set index) gives exactly the best people
 * by the matching rule — skills, the better of verified and declared evidence, the Japanese level —
 * among those who agreed to be shown to employers of that country, as scoring everyone would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db';
import { prng } from '../../../test/random';
import {
  evidenceBySkill,
  type HeldSkill,
  JLPT_WEIGHT,
  OPTIONAL_WEIGHT,
  REQUIRED_WEIGHT,
  skillCredit,
} from '../matching';
import { seedTaxonomy } from '../taxonomy/service';
import { taxonomy } from '../taxonomy/skills';
import { candidatesForSkills } from './repo';

const SKILLS = taxonomy.slice(0, 8).map((s) => s.id);
/** Enough that some jobs are answered at a threshold and others fall through to scoring everyone. */
const PEOPLE = 1000;

interface Person {
  id: string;
  jlpt: number | null;
  openVn: boolean;
  openJp: boolean;
  skills: HeldSkill[];
}

let database: TestDatabase;
const people: Person[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await seedTaxonomy(db);
  const rnd = prng(11).next;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  for (let i = 0; i < PEOPLE; i++) {
    const skills = new Map<string, HeldSkill>();
    for (let k = 0; k < 1 + Math.floor(rnd() * 5); k++) {
      const h = { skillId: pick(SKILLS), level: 1 + Math.floor(rnd() * 5), verified: rnd() < 0.4 };
      skills.set(`${h.skillId}:${h.verified}`, h);
    }
    people.push({
      id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
      jlpt: rnd() < 0.5 ? 1 + Math.floor(rnd() * 5) : null,
      openVn: rnd() < 0.8,
      openJp: rnd() < 0.5,
      skills: [...skills.values()],
    });
  }
  await db
    .insertInto('people')
    .values(people.map((p, i) => ({ id: p.id, full_name: `Người ${i}`, full_name_folded: `nguoi ${i}` })))
    .execute();
  await db
    .insertInto('talent_profiles')
    .values(people.map((p) => ({ person_id: p.id, jlpt: p.jlpt, open_vn: p.openVn, open_jp: p.openJp })))
    .execute();
  await db
    .insertInto('person_skills')
    .values(
      people.flatMap((p) =>
        p.skills.map((s) => ({
          person_id: p.id,
          skill_id: s.skillId,
          source: s.verified ? ('assessment' as const) : ('declared' as const),
          level: s.level,
        })),
      ),
    )
    .execute();
}, 60_000);
afterAll(() => database.drop());

/** Everyone scored, as the rule says, best first; ties by id. */
function bruteForce(
  job: { skills: { skillId: string; level: number; required: boolean }[]; jlptMin: number | null },
  japan: boolean,
  limit: number,
) {
  return people
    .filter((p) => (japan ? p.openJp : p.openVn))
    .map((p) => {
      const held = evidenceBySkill(p.skills);
      let earned = 0;
      let any = false;
      for (const r of job.skills) {
        const e = held.get(r.skillId);
        if (!e) continue;
        any = true;
        earned += skillCredit(r.required ? REQUIRED_WEIGHT : OPTIONAL_WEIGHT, r.level, e).credit;
      }
      if (job.jlptMin) earned += JLPT_WEIGHT * Math.min(1, (p.jlpt ?? 0) / job.jlptMin);
      return { person_id: p.id, earned: Math.round(earned * 1e6) / 1e6, any };
    })
    .filter((x) => x.any)
    .sort((a, b) => b.earned - a.earned || (a.person_id < b.person_id ? -1 : 1))
    .slice(0, limit)
    .map(({ person_id, earned }) => ({ person_id, earned }));
}

describe('candidates for a job', () => {
  it('are the best people by the rule, Japanese level included, whatever threshold finds them', async () => {
    const rnd = prng(5).next;
    for (let n = 0; n < 12; n++) {
      const skills = [
        ...new Set(
          Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => SKILLS[Math.floor(rnd() * SKILLS.length)]!),
        ),
      ].map((skillId) => ({ skillId, level: 1 + Math.floor(rnd() * 5), required: rnd() < 0.7 }));
      const job = { skills, jlptMin: n % 2 ? 1 + Math.floor(rnd() * 4) : null };
      const japan = n % 3 === 0;
      const limit = [5, 20, 50][n % 3]!;
      const got = await candidatesForSkills(database.db, { ...job, japan, limit });
      const expected = bruteForce(job, japan, limit);
      expect(got.map((r) => r.person_id)).toEqual(expected.map((r) => r.person_id));
      for (const [i, r] of got.entries()) expect(r.earned).toBeCloseTo(expected[i]!.earned, 5);
    }
  });
});
