/**
 * The numbers of one program's dashboard: for each of its indicators, the value over the slice, its
 * breakdowns (the indicator's disaggregations) and its trend by quarter. The same numbers from the
 * analytics store (what the page uses) and from plain SQL (the bench's baseline and the tests' oracle).
 */
import type { Kysely } from 'kysely';
import type { Dimension, IndicatorRule } from '../../../../common/impact';
import type { DB } from '../../../db/schema';
import type { AnalyticsStore } from '../analytics/store';
import { type Evaluation, Evaluator, isoOfDay, type Slice } from './evaluate';
import { naiveEvaluate } from './naive';

export interface DashboardIndicator {
  code: string;
  rule: IndicatorRule;
  disaggregations: Dimension[];
}

/**
 * The breakdowns a card shows: its disaggregations, and the trend by quarter — except for a share
 * whose numerator and denominator are records of different kinds (completions over enrolments): a
 * quarter holds one's records and not the other's, and its share would mislead.
 */
export function cardDimensions(i: DashboardIndicator): Dimension[] {
  const dims = i.disaggregations.filter((d) => d !== 'quarter');
  const sameRecords =
    i.rule.kind === 'count' ||
    [...i.rule.numerator.sources].sort().join() === [...i.rule.denominator.sources].sort().join();
  return sameRecords ? [...dims, 'quarter'] : dims;
}

export function dashboardNumbers(
  store: AnalyticsStore,
  slice: Slice,
  indicators: readonly DashboardIndicator[],
) {
  const evaluator = new Evaluator(store, slice);
  return indicators.map((i) => ({ code: i.code, ...evaluator.evaluate(i.rule, cardDimensions(i)) }));
}

export async function naiveDashboardNumbers(
  db: Kysely<DB>,
  store: AnalyticsStore,
  slice: Slice,
  indicators: readonly DashboardIndicator[],
): Promise<(Evaluation & { code: string })[]> {
  const s = store.structure;
  const asOf = String(slice.asOf);
  const naive = {
    programId: slice.program === null ? null : s.programIds[slice.program]!,
    from: isoOfDay(slice.from),
    to: isoOfDay(slice.to),
    partnerId: slice.partner === undefined || slice.partner === null ? null : s.orgIds[slice.partner]!,
    provinceCode:
      slice.province === undefined || slice.province === null ? null : s.provinceCodes[slice.province]!,
    asOf: `${asOf.slice(0, 4)}-${asOf.slice(4, 6)}-${asOf.slice(6, 8)}`,
  };
  const out: (Evaluation & { code: string })[] = [];
  for (const i of indicators)
    out.push({ code: i.code, ...(await naiveEvaluate(db, i.rule, naive, cardDimensions(i))) });
  return out;
}
