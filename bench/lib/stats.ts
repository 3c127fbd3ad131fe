/** Small statistics for bench samples. */

/**
 * The p-th percentile (0–100) of the samples, interpolating linearly between closest ranks (the
 * method of numpy's default and of spreadsheets' PERCENTILE.INC), so the median of an even number
 * of samples is the mean of the middle two.
 */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new RangeError('percentile of no samples');
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within 0–100, got ${p}`);
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return a + (b - a) * (rank - lo);
}

export const median = (samples: readonly number[]) => percentile(samples, 50);
