// Stratified train/held-out split: each stratum (e.g. malignant/benign, event/censored) is
// shuffled with the seeded RNG and the first round(fraction·n) rows go to held-out, so the
// held-out set has the cohort's outcome mix. Indices come back sorted (original row order).
import { createRng, shuffled } from './random';

export function stratifiedSplit(
  strata: readonly (string | number)[],
  heldOutFraction: number,
  seed: number,
): { train: number[]; heldOut: number[] } {
  const rng = createRng(seed);
  const groups = new Map<string | number, number[]>();
  strata.forEach((s, i) => groups.set(s, [...(groups.get(s) ?? []), i]));
  const heldOut: number[] = [];
  // Sorted keys: the split must not depend on which stratum happens to appear first.
  for (const key of [...groups.keys()].sort()) {
    const members = shuffled(groups.get(key)!, rng);
    heldOut.push(...members.slice(0, Math.round(heldOutFraction * members.length)));
  }
  const inHeldOut = new Set(heldOut);
  return {
    train: strata.map((_, i) => i).filter((i) => !inHeldOut.has(i)),
    heldOut: [...inHeldOut].sort((a, b) => a - b),
  };
}
