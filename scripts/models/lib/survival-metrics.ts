// The card metrics of a survival model in one evaluation cohort, each with a percentile
// bootstrap 95 % CI from one set of seeded resamples of that cohort (the model stays fixed).
import type { ModelCard } from '@/lib/models/model-card';
import { bootstrapSamples, percentileInterval, pick } from '@/lib/models/training/bootstrap';
import { harrellC } from '@/lib/models/training/concordance';
import { ipcwBrier } from '@/lib/models/training/survival-brier';
import { calibrationSlope, observedExpectedRatio } from '@/lib/models/training/survival-calibration';
import { round } from './trained-model';

type Metric = ModelCard['metrics'][number];

export type CohortPredictions = {
  time: number[];
  event: number[];
  linearPredictor: number[];
  /** survival[i][h]: predicted survival of subject i at horizon h. */
  survival: number[][];
};

type MetricDefinition = { name: string; compute(c: CohortPredictions): number };

export function survivalMetricDefinitions(horizons: readonly number[], options: { slope: boolean }): MetricDefinition[] {
  return [
    { name: 'C-index (Harrell)', compute: (c) => harrellC(c.time, c.event, c.linearPredictor) },
    ...(options.slope ? [{ name: 'Calibration slope', compute: (c: CohortPredictions) => calibrationSlope(c.time, c.event, c.linearPredictor) }] : []),
    ...horizons.map((h, k) => ({
      name: `O/E@${h}m`,
      compute: (c: CohortPredictions) => observedExpectedRatio(c.time, c.event, c.survival.map((s) => s[k]!), h),
    })),
    ...horizons.map((h, k) => ({
      name: `Brier@${h}m`,
      compute: (c: CohortPredictions) => ipcwBrier(c.time, c.event, c.survival.map((s) => s[k]!), h),
    })),
  ];
}

export function resample(c: CohortPredictions, indices: readonly number[]): CohortPredictions {
  return {
    time: pick(c.time, indices),
    event: pick(c.event, indices),
    linearPredictor: pick(c.linearPredictor, indices),
    survival: pick(c.survival, indices),
  };
}

export function cohortMetrics(options: {
  cohort: string;
  predictions: CohortPredictions;
  definitions: MetricDefinition[];
  replicates: number;
  seed: number;
}): Metric[] {
  const n = options.predictions.time.length;
  const samples = bootstrapSamples(n, options.replicates, options.seed);
  const resamples = samples.map((indices) => resample(options.predictions, indices));
  return options.definitions.map((d) => {
    const value = d.compute(options.predictions);
    const ci = percentileInterval(resamples.map((r) => d.compute(r)));
    return { name: d.name, cohort: options.cohort, n, value: round(value), ci95: [round(ci[0]), round(ci[1])] };
  });
}
