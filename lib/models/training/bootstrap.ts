// Percentile bootstrap confidence intervals. One set of B resamples (drawn with the seeded RNG)
// serves every metric of a cohort, so all intervals in a card come from the same resamples and
// re-running gives the same numbers.
import { createRng } from './random';

/** B resamples of indices 0..n−1, drawn with replacement. */
export function bootstrapSamples(n: number, replicates: number, seed: number): number[][] {
  const rng = createRng(seed);
  return Array.from({ length: replicates }, () => Array.from({ length: n }, () => rng.int(n)));
}

/** Empirical quantile with linear interpolation (R's type 7, numpy's default). */
export function quantile(values: readonly number[], q: number): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** 2.5 % and 97.5 % percentiles of a statistic over the resamples. */
export function percentileInterval(replicates: readonly number[]): [number, number] {
  return [quantile(replicates, 0.025), quantile(replicates, 0.975)];
}

export function pick<T>(items: readonly T[], indices: readonly number[]): T[] {
  return indices.map((i) => items[i]!);
}
