// Calibration of predicted survival in a cohort, at a horizon and overall.
import { fitCox } from './cox-regression';
import { kaplanMeier, survivalAt } from './kaplan-meier';

/**
 * Observed/expected event probability by the horizon: O = 1 − KM(horizon) of the cohort,
 * E = mean predicted risk 1 − Ŝᵢ(horizon). 1 is ideal; > 1 means the model under-predicts risk.
 */
export function observedExpectedRatio(
  time: readonly number[],
  event: readonly number[],
  predictedSurvival: readonly number[],
  horizon: number,
): number {
  const observed = 1 - survivalAt(kaplanMeier(time, event), horizon);
  const expected = predictedSurvival.reduce((s, v) => s + (1 - v), 0) / predictedSurvival.length;
  return observed / expected;
}

/**
 * Calibration slope: the coefficient of the model's linear predictor in a Cox model fitted on
 * the evaluation cohort (Royston & Altman 2013). 1 is ideal; < 1 means predictions too extreme.
 */
export function calibrationSlope(time: readonly number[], event: readonly number[], linearPredictor: readonly number[]): number {
  return fitCox({ x: linearPredictor.map((v) => [v]), time, event }, { ties: 'breslow' }).beta[0]!;
}
