// Breslow's estimate of the baseline cumulative hazard, for a subject at the given centre
// (Konsil uses the training means of the model terms, "the average patient"):
//   H₀(t) = Σ_{event times s ≤ t}  d(s) / Σ_{j at risk at s} exp((z_j − centre)·β)
// This is R's basehaz(fit, centered = TRUE) for a fit with ties = "breslow".
import type { SurvivalData } from './cox-regression';

export type StepFunction = { times: number[]; values: number[] };

export function breslowCumulativeHazard(data: SurvivalData, beta: readonly number[], centre: readonly number[]): StepFunction {
  const n = data.time.length;
  const risk = data.x.map((row) => Math.exp(row.reduce((s, v, j) => s + (v - centre[j]!) * beta[j]!, 0)));
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => data.time[a]! - data.time[b]!);
  let atRisk = risk.reduce((s, r) => s + r, 0);
  let cumulative = 0;
  const times: number[] = [];
  const values: number[] = [];
  let k = 0;
  while (k < n) {
    const t = data.time[order[k]!]!;
    let deaths = 0;
    let leaving = 0;
    while (k < n && data.time[order[k]!]! === t) {
      const i = order[k++]!;
      deaths += data.event[i]!;
      leaving += risk[i]!;
    }
    if (deaths > 0) {
      cumulative += deaths / atRisk;
      times.push(t);
      values.push(cumulative);
    }
    atRisk -= leaving;
  }
  return { times, values };
}

/** Value of a right-continuous step function at t; `before` until its first jump. */
export function stepValueAt(f: StepFunction, t: number, before: number): number {
  let lo = 0;
  let hi = f.times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (f.times[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? before : f.values[lo - 1]!;
}

/** Cumulative hazard at t (0 before its first jump). */
export function stepAt(f: StepFunction, t: number): number {
  return stepValueAt(f, t, 0);
}
