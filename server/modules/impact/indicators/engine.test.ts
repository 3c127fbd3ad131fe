/**
 * The analytics store against the same rules in plain SQL (naive.ts) on a generated world: every
 * shipped indicator, every breakdown, for whole-platform and program slices, a partner and a province,
 * a year; then after changes (new completions, a merge of two records, a deletion) the store, brought
 * up to date incrementally, still agrees.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Dimension, dimensions, type IndicatorRule } from '../../../../common/impact';
import { seedReference } from '../../../db/seed/reference';
import { createTestDatabase, type TestDatabase } from '../../../test/db';
import { AnalyticsStore } from '../analytics/store';
import { generateWorld, type World } from '../synthetic';
import { builtinIndicators } from './builtin';
import { dayOf, type Evaluation, Evaluator, ymdOfDay } from './evaluate';
import { type NaiveSlice, naiveEvaluate } from './naive';

let t: TestDatabase;
let world: World;
let store: AnalyticsStore;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedReference(t.db);
  // a few urban wards and rural communes (importing all 3,321 would take longer than the test)
  const provinces = (await t.db.selectFrom('provinces').select('code').orderBy('code').execute()).map(
    (p) => p.code,
  );
  await t.db
    .insertInto('communes')
    .values(
      provinces.flatMap((province, i) => [
        {
          code: `9${String(i).padStart(3, '0')}1`,
          province_code: province,
          name: `Phường ${i}`,
          kind: 'ward' as const,
          name_folded: `phuong ${i}`,
        },
        {
          code: `9${String(i).padStart(3, '0')}2`,
          province_code: province,
          name: `Xã ${i}`,
          kind: 'commune' as const,
          name_folded: `xa ${i}`,
        },
      ]),
    )
    .execute();
  world = await generateWorld(t.db, {
    people: 800,
    enrolments: 2500,
    partners: 4,
    programs: 3,
    coursesPerProgram: 3,
    cohortsPerCourse: 3,
    hireShare: 0.2,
    seed: 7,
  });
  store = new AnalyticsStore(t.db, { overlappingTransactions: t.kind === 'pg' });
  await store.refresh();
}, 120_000);
afterAll(() => t?.drop());

const normalise = (e: Evaluation) => ({
  value: e.value === null ? null : Math.round(e.value * 1e6) / 1e6,
  numerator: e.numerator,
  denominator: e.denominator,
  groups: Object.fromEntries(
    Object.entries(e.groups).map(([d, gs]) => [
      d,
      [...gs]
        .map((g) => ({ ...g, value: g.value === null ? null : Math.round(g.value * 1e6) / 1e6 }))
        .sort((a, b) => (a.key < b.key ? -1 : 1)),
    ]),
  ),
});

async function compare(rule: IndicatorRule, s: NaiveSlice, dims: readonly Dimension[] = dimensions) {
  const slice = {
    program: s.programId === null ? null : store.structure.programIndex.get(s.programId)!,
    from: dayOf(s.from),
    to: dayOf(s.to),
    partner: s.partnerId ? store.structure.orgIndex.get(s.partnerId)! : null,
    province: s.provinceCode ? store.structure.provinceIndex.get(s.provinceCode)! : null,
    asOf: ymdOfDay(dayOf(s.asOf)),
  };
  const fast = new Evaluator(store, slice).evaluate(rule, dims);
  const slow = await naiveEvaluate(t.db, rule, s, dims);
  expect(normalise(fast)).toEqual(normalise(slow));
  return fast;
}

const whole = (programId: string | null): NaiveSlice => ({
  programId,
  from: '2022-01-01',
  to: '2026-12-31',
  asOf: '2026-12-31',
});

describe('the analytics store counts as plain SQL does', () => {
  it('every shipped indicator, on the whole platform and per program, with every breakdown', async () => {
    let nonZero = 0;
    for (const indicator of builtinIndicators) {
      const all = await compare(indicator.rule, whole(null));
      const one = await compare(indicator.rule, whole(world.programIds[0]!), ['age', 'program', 'quarter']);
      if ((all.value ?? 0) > 0 && (one.value ?? 0) > 0) nonZero++;
    }
    // the world is rich enough that most of them count something
    expect(nonZero).toBeGreaterThanOrEqual(builtinIndicators.length - 2);
  }, 120_000);

  it('for one partner, one province, one year', async () => {
    const province = (
      await t.db
        .selectFrom('people')
        .select('province_code')
        .where('full_name', 'like', 'Người %')
        .where('province_code', 'is not', null)
        .limit(1)
        .executeTakeFirstOrThrow()
    ).province_code!;
    for (const code of [
      'LEARNERS_COMPLETED',
      'WOMEN_SHARE',
      'INDIRECT_BENEFICIARIES',
      'EMPLOYED_AFTER_TRAINING',
    ]) {
      const indicator = builtinIndicators.find((i) => i.code === code)!;
      await compare(indicator.rule, { ...whole(world.programIds[0]!), partnerId: world.partnerIds[1]! });
      await compare(indicator.rule, { ...whole(null), provinceCode: province });
      await compare(indicator.rule, {
        programId: world.programIds[1]!,
        from: '2023-01-01',
        to: '2023-12-31',
        asOf: '2023-12-31',
      });
    }
  }, 120_000);

  it('counts a person once however many partners trained them, and the partner rows say so', async () => {
    const rule = builtinIndicators.find((i) => i.code === 'LEARNERS_COMPLETED')!.rule;
    const e = await compare(rule, whole(null));
    const partnerSum = e.groups.partner!.reduce((n, g) => n + (g.value ?? 0), 0);
    const sexSum = e.groups.sex!.reduce((n, g) => n + (g.value ?? 0), 0);
    expect(sexSum).toBe(e.value);
    expect(partnerSum).toBeGreaterThan(e.value!);
  });

  it('stays right, incrementally, after new completions, a merge and a deletion', async () => {
    const rule = builtinIndicators.find((i) => i.code === 'LEARNERS_COMPLETED')!.rule;
    const before = await compare(rule, whole(null));
    // complete 50 open enrolments
    await sql`update enrolments set status = 'completed', completed_at = '2024-06-01T10:00:00+07'
      where id in (select id from enrolments where status = 'enrolled' order by enrolment_no limit 50)`.execute(
      t.db,
    );
    // merge one person who completed into another (as the registry's merge does: records move)
    const [a, b] = (
      await sql<{
        id: string;
      }>`select distinct e.person_id as id from enrolments e where e.status = 'completed' order by 1 limit 2`.execute(
        t.db,
      )
    ).rows;
    await sql`update enrolments set person_id = ${a!.id} where person_id = ${b!.id}
      and not exists (select 1 from enrolments x where x.person_id = ${a!.id} and x.cohort_id = enrolments.cohort_id)`.execute(
      t.db,
    );
    await sql`update people set merged_into = ${a!.id} where id = ${b!.id}`.execute(t.db);
    // delete a withdrawn enrolment
    await sql`delete from enrolments where id = (select id from enrolments where status = 'withdrawn' order by enrolment_no limit 1)`.execute(
      t.db,
    );
    await store.refresh();
    expect(store.lastRefresh.full).toBe(false);
    expect(store.lastRefresh.enrolments).toBeGreaterThanOrEqual(50);
    expect(store.lastRefresh.enrolments).toBeLessThan(200);
    const after = await compare(rule, whole(null));
    expect(after.value).not.toBe(before.value);
  });
});
