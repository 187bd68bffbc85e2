// Fits a Cox model on model terms (lib/models/terms.ts) and returns everything the ONNX
// graph needs (term means, β, Breslow baseline at the mean) plus a float64 reference
// prediction that computes exactly what the graph computes.
import type { FittedTerm, TermSpec } from '@/lib/models/terms';
import { termRow } from '@/lib/models/terms';
import { breslowCumulativeHazard, stepAt } from '@/lib/models/training/baseline-hazard';
import { fitCox, type CoxFit } from '@/lib/models/training/cox-regression';
import { columnMeans } from '@/lib/models/training/standardize';

export type SurvivalRows = { features: number[][]; time: number[]; event: number[] };

export type CoxModelFit = {
  terms: FittedTerm[];
  fit: CoxFit;
  baselineCumHazard: number[];
  predict(features: readonly number[]): CoxPrediction;
};

export type CoxPrediction = {
  /** Σ (z − z̄)·β, the log hazard ratio vs the training-mean patient. */
  linearPredictor: number;
  hazardRatio: number;
  survival: number[];
  /** Per card feature: the sum of its terms' (z − z̄)·β. */
  contributions: number[];
};

export function fitCoxModel(options: {
  specs: TermSpec[];
  featureCount: number;
  data: SurvivalRows;
  horizons: number[];
}): CoxModelFit {
  const z = options.data.features.map((row) => termRow(options.specs, row));
  const data = { x: z, time: options.data.time, event: options.data.event };
  // Breslow ties for the fit, so the Breslow baseline below is the matching estimator (also
  // the choice with which Therneau's survival vignette reproduces Royston & Altman's model).
  const fit = fitCox(data, { ties: 'breslow' });
  const means = columnMeans(z);
  const terms = options.specs.map((spec, k) => ({ ...spec, mean: means[k]!, beta: fit.beta[k]! }));
  const cumulative = breslowCumulativeHazard(data, fit.beta, means);
  const baselineCumHazard = options.horizons.map((h) => stepAt(cumulative, h));
  return { terms, fit, baselineCumHazard, predict: (features) => predictCox(terms, baselineCumHazard, options.featureCount, features) };
}

export function predictCox(
  terms: readonly FittedTerm[],
  baselineCumHazard: readonly number[],
  featureCount: number,
  features: readonly number[],
): CoxPrediction {
  const z = termRow(terms, features);
  const contributions = new Array<number>(featureCount).fill(0);
  let linearPredictor = 0;
  terms.forEach((t, k) => {
    const c = (z[k]! - t.mean) * t.beta;
    contributions[t.feature]! += c;
    linearPredictor += c;
  });
  const hazardRatio = Math.exp(linearPredictor);
  return { linearPredictor, hazardRatio, survival: baselineCumHazard.map((h) => Math.exp(-h * hazardRatio)), contributions };
}
