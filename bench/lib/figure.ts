/**
 * One measured figure of the bench, as written to bench/results/latest.json. A figure carries its
 * goal so the table and CI can say PASS or FAIL without knowing anything about the scenario.
 */

export interface Goal {
  op: '<' | '<=' | '>' | '>=';
  target: number;
}

/** The shape of one entry of bench/results/latest.json: keep it stable, other tools read it. */
export interface Figure {
  /** Stable dotted id, e.g. `http.organisations.p99_ms`; the first segment is the scenario prefix. */
  name: string;
  value: number;
  unit: string;
  /** Human-readable goal such as ">= 0.40" or "< 50 ms"; "—" when the figure is for information. */
  goal: string;
  /** The value of the figure this one is compared to (e.g. a bare hello-world server), or null. */
  baseline: number | null;
  /** value / baseline, or null without a baseline. */
  ratio: number | null;
  pass: boolean;
}

export interface FigureInput {
  name: string;
  value: number;
  unit: string;
  goal?: Goal;
  baseline?: number | null;
}

export const NO_GOAL = '—';

export function meetsGoal(value: number, goal: Goal): boolean {
  switch (goal.op) {
    case '<':
      return value < goal.target;
    case '<=':
      return value <= goal.target;
    case '>':
      return value > goal.target;
    case '>=':
      return value >= goal.target;
  }
}

/** Ratios read best with two decimals (">= 0.40"); counts and durations without trailing zeros. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return String(n);
  const abs = Math.abs(n);
  return abs < 10 ? n.toFixed(2) : abs < 100 ? n.toFixed(1) : n.toFixed(0);
}

export function formatGoal(goal: Goal, unit: string): string {
  const target =
    goal.target < 10 && !Number.isInteger(goal.target) ? goal.target.toFixed(2) : String(goal.target);
  return unit && unit !== 'ratio' ? `${goal.op} ${target} ${unit}` : `${goal.op} ${target}`;
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Builds a figure: derives the ratio from the baseline and the verdict from the goal. */
export function figure(input: FigureInput): Figure {
  const baseline = input.baseline ?? null;
  const ratio = baseline !== null && baseline !== 0 ? round(input.value / baseline, 4) : null;
  return {
    name: input.name,
    value: round(input.value, 3),
    unit: input.unit,
    goal: input.goal ? formatGoal(input.goal, input.unit) : NO_GOAL,
    baseline: baseline === null ? null : round(baseline, 3),
    ratio,
    // An informational figure has nothing to miss; a NaN never meets a goal.
    pass: input.goal ? meetsGoal(input.value, input.goal) : true,
  };
}
