/**
 * The labour-market page: open jobs and demand by skill and place, the supply of verified skills, and
 * the semiconductor goal against the people trained so far. Anonymous counts, public; kept for a
 * minute (forgotten at once when a job changes in this process), as the search box is.
 */
import type { LabourMarketT } from '../../../../common/contracts/talent';
import type { Locale } from '../../../../common/i18n/locales';
import { prefectures, SEMICONDUCTOR_TARGET } from '../../../../common/talent';
import { vietnamDate } from '../../../jobs';
import { ReadCache } from '../../../lib/cache';
import { onChange } from '../../../lib/changes';
import type { AppContext } from '../../../lib/context';
import { allSkills } from '../taxonomy/service';
import * as repo from './repo';

const caches = new WeakMap<object, ReadCache<LabourMarketT>>();
const cacheOf = (db: object) => {
  const c = caches.get(db) ?? new ReadCache<LabourMarketT>({ ttlMs: 60_000, max: 10 });
  caches.set(db, c);
  return c;
};
onChange(['jobs'], (db) => caches.get(db)?.clear());

export function labourMarket(
  ctx: Pick<AppContext, 'db'>,
  locale: Locale,
  opts: { cached?: boolean; today?: string } = {},
): Promise<LabourMarketT> {
  const today = opts.today ?? vietnamDate();
  if (opts.cached === false) return compute(ctx, locale, today);
  return cacheOf(ctx.db).get(`${locale}:${today}`, () => compute(ctx, locale, today));
}

async function compute(ctx: Pick<AppContext, 'db'>, locale: Locale, today: string): Promise<LabourMarketT> {
  const db = ctx.db;
  const [byCountry, employers, demand, supply, people, provinces, prefs, semi, skills] = await Promise.all([
    repo.openJobsByCountry(db, today),
    repo.employersWithOpenJobs(db, today),
    repo.demandBySkill(db, today),
    repo.verifiedSupplyBySkill(db),
    repo.verifiedPeople(db),
    repo.openJobsByProvince(db, today),
    repo.openJobsByPrefecture(db, today),
    repo.semiconductorTrainedByYear(db),
    allSkills(db),
  ]);

  const demandOf = new Map(demand.map((d) => [d.skill_id, d]));
  const supplyOf = new Map(supply.map((s) => [s.skill_id, s.people]));
  const skillRows = skills
    .map((s) => ({
      skillId: s.id,
      name: s.names[locale],
      category: s.category,
      required: demandOf.get(s.id)?.required ?? 0,
      optional: demandOf.get(s.id)?.optional ?? 0,
      verifiedPeople: supplyOf.get(s.id) ?? 0,
    }))
    .filter((s) => s.required + s.optional + s.verifiedPeople > 0)
    .sort(
      (a, b) =>
        b.required + b.optional - (a.required + a.optional) ||
        b.required - a.required ||
        b.verifiedPeople - a.verifiedPeople ||
        a.name.localeCompare(b.name, locale),
    );

  const jobsIn = (country: 'VN' | 'JP') => byCountry.find((r) => r.country === country)?.jobs ?? 0;
  const prefectureName = new Map(prefectures.map((p) => [p.code, locale === 'ja' ? p.ja : p.en]));
  let cumulative = 0;
  const byYear = semi.map((r) => {
    cumulative += r.people;
    return { year: r.year, people: r.people, cumulative };
  });

  return {
    asOf: today,
    jobs: { open: jobsIn('VN') + jobsIn('JP'), vn: jobsIn('VN'), jp: jobsIn('JP'), employers },
    verifiedPeople: people,
    skills: skillRows,
    provinces: provinces.map((p) => ({
      code: p.code,
      name: locale === 'vi' ? p.name : p.name_en,
      jobs: p.jobs,
    })),
    prefectures: prefs.map((p) => ({
      code: p.prefecture ?? '',
      name: prefectureName.get(p.prefecture ?? '') ?? p.prefecture ?? '',
      jobs: p.jobs,
    })),
    semiconductor: {
      target: SEMICONDUCTOR_TARGET.people,
      targetYear: SEMICONDUCTOR_TARGET.year,
      trained: cumulative,
      byYear,
    },
  };
}
