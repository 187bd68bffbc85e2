// Brier score at a horizon for censored data, weighted by the inverse probability of being
// uncensored (Graf et al. 1999):
//   BS(t) = 1/n Σ [ 1(Tᵢ ≤ t, δᵢ = 1)·Ŝᵢ(t)² / G(Tᵢ−)  +  1(Tᵢ > t)·(1 − Ŝᵢ(t))² / G(t) ]
// G is the Kaplan–Meier estimate of the censoring distribution in the same cohort. Subjects
// censored before t contribute 0 and are represented through the weights.
import { kaplanMeier, survivalAt, survivalBefore } from './kaplan-meier';

export function ipcwBrier(
  time: readonly number[],
  event: readonly number[],
  predictedSurvival: readonly number[],
  horizon: number,
): number {
  const censoring = kaplanMeier(time, event, { reverse: true });
  const gHorizon = survivalAt(censoring, horizon);
  let sum = 0;
  time.forEach((t, i) => {
    const s = predictedSurvival[i]!;
    if (t <= horizon && event[i] === 1) sum += (s * s) / survivalBefore(censoring, t);
    else if (t > horizon) sum += ((1 - s) * (1 - s)) / gHorizon;
  });
  return sum / time.length;
}
