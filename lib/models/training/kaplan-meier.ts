// Kaplan–Meier product-limit estimate. With `reverse`, censorings are the "events" (the
// censoring distribution G used by IPCW Brier scores); events at the same time as a
// censoring are then taken to happen first, i.e. the subject was still uncensored.
import { stepValueAt, type StepFunction } from './baseline-hazard';

export function kaplanMeier(time: readonly number[], event: readonly number[], options: { reverse?: boolean } = {}): StepFunction {
  const n = time.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => time[a]! - time[b]!);
  let atRisk = n;
  let survival = 1;
  const times: number[] = [];
  const values: number[] = [];
  let k = 0;
  while (k < n) {
    const t = time[order[k]!]!;
    let d = 0;
    let leaving = 0;
    while (k < n && time[order[k]!]! === t) {
      const isEvent = event[order[k++]!] === 1;
      if (options.reverse ? !isEvent : isEvent) d++;
      leaving++;
    }
    if (d > 0) {
      survival *= 1 - d / atRisk;
      times.push(t);
      values.push(survival);
    }
    atRisk -= leaving;
  }
  return { times, values };
}

/** Survival at t from a KM step function (1 before the first event). */
export function survivalAt(f: StepFunction, t: number): number {
  return stepValueAt(f, t, 1);
}

/** Survival just before t, S(t−). */
export function survivalBefore(f: StepFunction, t: number): number {
  let lo = 0;
  let hi = f.times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (f.times[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 1 : f.values[lo - 1]!;
}
