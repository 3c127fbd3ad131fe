/** What a bench scenario is: a prefix for its figures and a run that measures them. */
import type { Figure } from './figure';

export interface BenchOptions {
  /** Measured seconds of each HTTP load run (`--duration=N`). */
  durationSeconds: number;
  /** Warm-up seconds before each measured HTTP run (`--warmup=N`). */
  warmupSeconds: number;
}

export interface ScenarioContext {
  options: BenchOptions;
  /** Progress for the person watching (stderr); results go in the figures. */
  log(message: string): void;
}

export interface Scenario {
  /** Every figure of the scenario starts with this, e.g. `http.`. */
  prefix: string;
  /** One line saying what is measured and how. */
  description: string;
  run(ctx: ScenarioContext): Promise<Figure[]>;
}
