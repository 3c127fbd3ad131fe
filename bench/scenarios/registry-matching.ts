/**
 * Registry matching: how well the person matcher finds the duplicates of a synthetic population, and
 * how fast it compares. 20,000 people (with twins, namesakes and the real family-name frequencies),
 * ~10% of them uploaded again by another partner with noise (see server/modules/registry/synthetic.ts).
 *
 * Rows are normalised as the import does, candidates are the pairs sharing a blocking key, and each
 * candidate is compared. A pair is predicted to be one person when the decision is `sure` or `likely`.
 * Recall is over every true pair (a pair the blocking missed counts as missed); precision over every
 * predicted pair. The speed is `compare` calls per CPU second over the candidates, names analysed on
 * first use (cold), as an import would meet them.
 */
import { createHash } from 'node:crypto';
import {
  blockingKeys,
  compare,
  matchKeys,
  type PersonRecord,
  personRecordFromRow,
} from '../../server/modules/registry/match';
import { syntheticPopulation } from '../../server/modules/registry/synthetic';
import { figure } from '../lib/figure';
import type { Scenario } from '../lib/scenario';

const PEOPLE = 20_000;
const DUPLICATE_RATE = 0.1;
const SEED = 20_250_701;
/** A fixed "today" so the population's dates stay valid whatever day the bench runs. */
const TODAY = '2026-01-01';

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** One number per unordered pair of record indices (i < j), so pairs fit in a Set. */
const pairId = (i: number, j: number, n: number) => (i < j ? i * n + j : j * n + i);

function candidatePairs(records: readonly PersonRecord[]): Set<number> {
  const blocks = new Map<string, number[]>();
  records.forEach((r, i) => {
    for (const key of blockingKeys(r)) {
      const block = blocks.get(key);
      if (block) block.push(i);
      else blocks.set(key, [i]);
    }
  });
  // Each record looks its candidates up as an import does: by its match keys (its own, and its date
  // keys with day and month swapped) among the keys the others are stored under.
  const pairs = new Set<number>();
  records.forEach((r, i) => {
    for (const key of matchKeys(r))
      for (const j of blocks.get(key) ?? []) if (j !== i) pairs.add(pairId(i, j, records.length));
  });
  return pairs;
}

function truePairs(personIds: readonly number[]): Set<number> {
  const byPerson = new Map<number, number[]>();
  personIds.forEach((id, i) => {
    const rows = byPerson.get(id);
    if (rows) rows.push(i);
    else byPerson.set(id, [i]);
  });
  const pairs = new Set<number>();
  for (const rows of byPerson.values())
    for (let x = 0; x < rows.length; x++)
      for (let y = x + 1; y < rows.length; y++)
        pairs.add(pairId(rows[x] as number, rows[y] as number, personIds.length));
  return pairs;
}

export const registryMatchingScenario: Scenario = {
  prefix: 'registry.matching.',
  description: `Person matching on ${PEOPLE} synthetic people with ${DUPLICATE_RATE * 100}% noisy duplicates: precision, recall, compare() per second`,
  async run(ctx) {
    const { records: rows } = syntheticPopulation({
      seed: SEED,
      people: PEOPLE,
      duplicateRate: DUPLICATE_RATE,
    });
    const hash = (cccd: string) => createHash('sha256').update(cccd).digest('base64url');
    const records = rows.map((r) => personRecordFromRow(r.row, hash, TODAY));
    const truth = truePairs(rows.map((r) => r.personId));
    const candidates = candidatePairs(records);
    const blocked = [...truth].filter((p) => candidates.has(p)).length;
    ctx.log(
      `${records.length} rows, ${truth.size} true pairs, ${candidates.size} candidate pairs (blocking keeps ${blocked})`,
    );

    const n = records.length;
    const predicted = { sure: 0, likely: 0, sureRight: 0, likelyRight: 0 };
    const start = cpuMs();
    for (const p of candidates) {
      const result = compare(records[Math.floor(p / n)] as PersonRecord, records[p % n] as PersonRecord);
      if (result.decision === 'none') continue;
      predicted[result.decision]++;
      if (truth.has(p)) predicted[result.decision === 'sure' ? 'sureRight' : 'likelyRight']++;
    }
    const perSecond = (candidates.size * 1000) / Math.max(cpuMs() - start, 1e-3);

    const right = predicted.sureRight + predicted.likelyRight;
    const precision = right / (predicted.sure + predicted.likely);
    const recall = right / truth.size;
    const surePrecision = predicted.sureRight / predicted.sure;
    ctx.log(
      `sure ${predicted.sure} (${predicted.sureRight} right), likely ${predicted.likely} (${predicted.likelyRight} right); ${Math.round(perSecond)} compare/s`,
    );

    return [
      figure({
        name: 'registry.matching.precision',
        value: precision,
        unit: 'ratio',
        goal: { op: '>=', target: 0.98 },
      }),
      figure({
        name: 'registry.matching.recall',
        value: recall,
        unit: 'ratio',
        goal: { op: '>=', target: 0.95 },
      }),
      figure({ name: 'registry.matching.sure_precision', value: surePrecision, unit: 'ratio' }),
      figure({ name: 'registry.matching.candidate_pairs', value: candidates.size, unit: 'pairs' }),
      figure({ name: 'registry.matching.compare_per_s', value: perSecond, unit: '/s' }),
    ];
  },
};
