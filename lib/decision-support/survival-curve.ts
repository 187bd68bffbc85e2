// The predicted survival of a Cox model as the panel draws it: a step curve through the
// card's horizons. The model predicts survival at those horizons only, so the curve is
// honest about it: flat at the last known value until the next horizon, where it steps
// down (no invented values in between). Pure, for the plot and its text alternative.
import { formatPercent } from './format';

export interface SurvivalPoint {
  month: number;
  survival: number;
  /** False for the start (month 0, survival 1 by definition), true at the card's horizons. */
  predicted: boolean;
}

/**
 * Points of the step curve: (0, 100 %) then each horizon with its predicted survival, in
 * month order. Null when the output does not fit the horizons (lengths differ, not finite).
 */
export function survivalCurvePoints(horizonsMonths: readonly number[] | null, survival: readonly number[] | undefined): SurvivalPoint[] | null {
  if (!horizonsMonths || !survival || horizonsMonths.length === 0 || horizonsMonths.length !== survival.length) return null;
  if (![...horizonsMonths, ...survival].every(Number.isFinite)) return null;
  const predicted = horizonsMonths
    .map((month, i) => ({ month, survival: Math.min(Math.max(survival[i]!, 0), 1), predicted: true }))
    .sort((a, b) => a.month - b.month);
  return [{ month: 0, survival: 1, predicted: false }, ...predicted];
}

/** Ticks for the month axis: 0, every horizon, nothing else (the curve is known only there). */
export function survivalTicks(points: readonly SurvivalPoint[]): number[] {
  return [...new Set(points.map((p) => p.month))].sort((a, b) => a - b);
}

/** "12 months" / "1 month". */
export const monthsLabel = (months: number) => `${months} month${months === 1 ? '' : 's'}`;

/** One sentence for screen readers and the caption: what the curve shows. */
export function describeSurvival(points: readonly SurvivalPoint[]): string {
  const predicted = points.filter((p) => p.predicted);
  if (predicted.length === 0) return '';
  return `Predicted probability of being event-free: ${predicted.map((p) => `${formatPercent(p.survival)} at ${monthsLabel(p.month)}`).join(', ')}.`;
}
