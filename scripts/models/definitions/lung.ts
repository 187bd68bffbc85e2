// lung-os-ncctg 1.0.0: Cox model for overall survival in advanced lung cancer from
// performance status, weight loss, age and sex (NCCTG, R survival::lung, complete cases).
// n = 213 is too small to give a third away: the model is fitted on all complete cases and
// validated internally by Harrell's bootstrap optimism correction.
import { readFileSync } from 'node:fs';
import { modelCardSchema, type ModelCard } from '@/lib/models/model-card';
import { buildCoxModel } from '@/lib/models/onnx/cox-model';
import type { TermSpec } from '@/lib/models/terms';
import { bootstrapSamples, percentileInterval, pick } from '@/lib/models/training/bootstrap';
import { harrellC } from '@/lib/models/training/concordance';
import { numberCell, parseCsv } from '@/lib/models/training/csv';
import { columnMeans } from '@/lib/models/training/standardize';
import { calibrationSlope } from '@/lib/models/training/survival-calibration';
import { coxOutputs, coxReference, coxTestVectors, describeCoefficients } from '../lib/cox-card';
import { fitCoxModel, type SurvivalRows } from '../lib/cox-training';
import { DATA_DIR } from '../lib/paths';
import { cohortMetrics, survivalMetricDefinitions } from '../lib/survival-metrics';
import { round, type TrainedModel } from '../lib/trained-model';
import {
  BOOTSTRAP_REPLICATES,
  CARD_AUTHOR,
  CARD_DATE,
  DAYS_PER_MONTH,
  LOCAL_CLINICAL_SYSTEM,
  METRIC_TOLERANCE,
  REGULATORY_STATUS,
  TEST_VECTOR_TOLERANCE,
} from './common';

/** Follow-up ends at 33.6 months, so 60 months cannot be estimated; 24 is the last horizon. */
const HORIZONS = [6, 12, 24];
const APPARENT_SEED = 20261130;
const OPTIMISM_SEED = 20261131;
/** Refits for the optimism correction (each refit is a full Cox fit on a resample). */
const OPTIMISM_REPLICATES = 200;
/** 1 kg = 1 / 0.45359237 lb (the international avoirdupois pound). */
const LB_PER_KG = 1 / 0.45359237;

const FEATURE_NAMES = ['ecog', 'karnofsky_physician', 'weight_loss_lb', 'age_years', 'sex_female'] as const;
const TERMS: TermSpec[] = FEATURE_NAMES.map((name, feature) => ({ name, feature, transform: { kind: 'identity' } }));
const COLUMNS = ['ph.ecog', 'ph.karno', 'wt.loss', 'age', 'sex'] as const;

export function loadLung(): SurvivalRows & { total: number } {
  const { rows } = parseCsv(readFileSync(`${DATA_DIR}/lung.csv`, 'utf8'));
  const out: SurvivalRows = { features: [], time: [], event: [] };
  for (const row of rows) {
    const values = COLUMNS.map((c) => numberCell(row, c));
    // Complete cases only (see the card): no value is imputed.
    if (values.some(Number.isNaN)) continue;
    const [ecog, karno, wtLoss, age, sex] = values as [number, number, number, number, number];
    out.features.push([ecog, karno, wtLoss, age, sex === 2 ? 1 : 0]);
    out.time.push(numberCell(row, 'time') / DAYS_PER_MONTH);
    out.event.push(numberCell(row, 'status') === 2 ? 1 : 0);
  }
  return { ...out, total: rows.length };
}

/** The fit on all complete cases, without the card (also used by cross-check/export-for-r.ts). */
export function fitLung() {
  const data = loadLung();
  return { data, model: fitCoxModel({ specs: TERMS, featureCount: FEATURE_NAMES.length, data, horizons: HORIZONS }) };
}

export function trainLung(): TrainedModel {
  const { data, model } = fitLung();
  const n = data.time.length;
  const events = data.event.reduce((s, e) => s + e, 0);
  const reference = coxReference(model);
  const fitted = data.features.map((row) => model.predict(row));
  const predictions = {
    time: data.time,
    event: data.event,
    linearPredictor: fitted.map((p) => p.linearPredictor),
    survival: fitted.map((p) => p.survival),
  };

  const apparentCohort = `apparent (all ${n} complete cases)`;
  const apparent = cohortMetrics({
    cohort: apparentCohort,
    predictions,
    definitions: survivalMetricDefinitions(HORIZONS, { slope: false }),
    replicates: BOOTSTRAP_REPLICATES,
    seed: APPARENT_SEED,
  });
  const apparentC = apparent.find((m) => m.name === 'C-index (Harrell)')!;

  // Harrell's optimism bootstrap: refit on each resample; optimism = C on the resample − C of
  // that refit on the original data; the refit's calibration slope on the original data
  // estimates the shrinkage a new cohort would show.
  const cOptimism: number[] = [];
  const slopes: number[] = [];
  for (const sample of bootstrapSamples(n, OPTIMISM_REPLICATES, OPTIMISM_SEED)) {
    const resampled = { features: pick(data.features, sample), time: pick(data.time, sample), event: pick(data.event, sample) };
    const refit = fitCoxModel({ specs: TERMS, featureCount: FEATURE_NAMES.length, data: resampled, horizons: HORIZONS });
    const lpOriginal = data.features.map((row) => refit.predict(row).linearPredictor);
    const lpResample = resampled.features.map((row) => refit.predict(row).linearPredictor);
    cOptimism.push(harrellC(resampled.time, resampled.event, lpResample) - harrellC(data.time, data.event, lpOriginal));
    slopes.push(calibrationSlope(data.time, data.event, lpOriginal));
  }
  const optimism = cOptimism.reduce((s, v) => s + v, 0) / cOptimism.length;
  const correctedCohort = `bootstrap optimism-corrected (${n} complete cases, ${OPTIMISM_REPLICATES} refits)`;
  const slopeInterval = percentileInterval(slopes);
  const corrected = [
    {
      name: 'C-index (Harrell)',
      cohort: correctedCohort,
      n,
      value: round(apparentC.value - optimism),
      ci95: [round(apparentC.ci95[0] - optimism), round(apparentC.ci95[1] - optimism)],
    },
    {
      name: 'Calibration slope',
      cohort: correctedCohort,
      n,
      value: round(slopes.reduce((s, v) => s + v, 0) / slopes.length),
      ci95: [round(slopeInterval[0]), round(slopeInterval[1])],
    },
  ];

  const means = columnMeans(data.features);
  const testRows = [
    [0, 90, 0, 60, 1],
    [2, 60, 20, 72, 0],
    [1, 80, -5, 50, 0],
    data.features[0]!,
  ];

  const card: ModelCard = modelCardSchema.parse({
    modelKey: 'lung-os-ncctg',
    version: '1.0.0',
    name: 'Advanced lung cancer overall survival (NCCTG Cox model)',
    kind: 'survival',
    entities: ['LUNG'],
    intendedUse:
      'Research and teaching in a virtual tumour board: overall survival at 6, 12 and 24 months in advanced lung cancer from ' +
      'performance status, recent weight loss, age and sex, with the share of each factor. It shows how a small prognostic ' +
      'model and its uncertainty are presented; it does not know stage, histology, molecular markers or any modern therapy.',
    regulatoryStatus: REGULATORY_STATUS,
    trainingData: {
      description:
        `North Central Cancer Treatment Group (NCCTG): ${data.total} patients with advanced lung cancer. Complete cases for ` +
        `ECOG, physician Karnofsky, weight loss, age and sex: ${n} (${data.total - n} excluded, mostly missing weight loss; no ` +
        `imputation), ${events} deaths. Maximum follow-up 33.6 months. All ${n} are used to fit; validation is internal ` +
        `(bootstrap), there is no held-out split.`,
      citation:
        'Loprinzi CL, Laurie JA, Wieand HS, et al. Prospective evaluation of prognostic variables from patient-completed ' +
        'questionnaires. North Central Cancer Treatment Group. J Clin Oncol 1994;12:601–607. Data: R package survival 3.5-3 ' +
        '(Therneau TM), data set lung.',
      licence: 'LGPL (≥ 2), as distributed in the R survival package',
      n,
    },
    method:
      `Cox proportional hazards, Newton–Raphson with Breslow ties; Breslow baseline cumulative hazard at the training means. ` +
      `Time scale: months (days / ${DAYS_PER_MONTH}). All five terms linear: ${describeCoefficients(model, FEATURE_NAMES)}. ` +
      `Baseline cumulative hazard at ${HORIZONS.join('/')} months: ${model.baselineCumHazard.map((h) => h.toFixed(5)).join(' / ')}. ` +
      `Internal validation: Harrell's C optimism-corrected by ${OPTIMISM_REPLICATES} bootstrap refits (seed ${OPTIMISM_SEED}); ` +
      `optimism ${optimism.toFixed(4)}; its 95 % CI is the percentile CI of the apparent C (${BOOTSTRAP_REPLICATES} resamples, ` +
      `seed ${APPARENT_SEED}, model fixed) shifted by the optimism. The corrected calibration slope is the mean slope of the ` +
      `refits' linear predictors on the original data (interval: 2.5–97.5 % of those slopes). O/E = (1 − Kaplan–Meier) / mean ` +
      `predicted risk and IPCW Brier scores are apparent (in-sample), with percentile bootstrap CIs.`,
    features: [
      {
        name: 'ecog',
        label: 'ECOG performance status (physician)',
        unit: '{score}',
        source: { kind: 'observation', loinc: '89247-1', display: 'ECOG Performance Status score' },
        validRange: { min: 0, max: 3 },
        missing: { policy: 'block' },
        trainingMean: means[0]!,
      },
      {
        name: 'karnofsky_physician',
        label: 'Karnofsky performance score (physician)',
        unit: '{score}',
        source: { kind: 'observation', loinc: '89243-0', display: 'Karnofsky Performance Status score' },
        validRange: { min: 50, max: 100 },
        missing: { policy: 'block' },
        trainingMean: means[1]!,
      },
      {
        name: 'weight_loss_lb',
        label: 'Weight loss in the last 6 months (negative = gain)',
        unit: '[lb_av]',
        source: { kind: 'codedObservation', system: LOCAL_CLINICAL_SYSTEM, code: 'weight-loss-6-months', display: 'Weight loss in the last 6 months' },
        conversions: [{ from: 'kg', factor: LB_PER_KG }],
        validRange: { min: -24, max: 68 },
        missing: { policy: 'block' },
        trainingMean: means[2]!,
      },
      {
        name: 'age_years',
        label: 'Age',
        unit: 'a',
        source: { kind: 'patient', field: 'ageYears' },
        validRange: { min: 39, max: 82 },
        missing: { policy: 'block' },
        trainingMean: means[3]!,
      },
      {
        name: 'sex_female',
        label: 'Female sex (1) or male (0)',
        unit: '{bool}',
        source: { kind: 'patient', field: 'sexFemale' },
        validRange: { min: 0, max: 1 },
        missing: { policy: 'block' },
        trainingMean: means[4]!,
      },
    ],
    input: { name: 'features' },
    outputs: coxOutputs(FEATURE_NAMES.length, HORIZONS),
    horizonsMonths: HORIZONS,
    metrics: [apparentC, ...corrected, ...apparent.filter((m) => m !== apparentC)],
    metricTolerance: METRIC_TOLERANCE,
    limitations: [
      'Historic cohort (NCCTG, published 1994): no stage, histology, EGFR/ALK/PD-L1 status or treatment is known, and immunotherapy ' +
        'and targeted therapy have since changed survival; predictions are likely too pessimistic for treated patients today. No ' +
        'recalibration to any local population has been done.',
      `Small: ${n} patients, ${events} deaths. No external validation; internal bootstrap validation only, and O/E and Brier are in-sample.`,
      'Horizons 6/12/24 months: follow-up ends at 33.6 months, so 5-year survival cannot be estimated; at 24 months only 13 ' +
        'patients remain at risk and that estimate is imprecise.',
      `Complete-case analysis: ${data.total - n} of ${data.total} patients without ECOG, Karnofsky or weight loss were excluded.`,
      'ECOG 3 occurs once in the data and ECOG 4 never: scores of 3 are an extrapolation of a linear effect, 4 is not scored.',
      'ECOG and Karnofsky both measure performance and are strongly correlated: with ECOG in the model the Karnofsky ' +
        'coefficient is slightly positive (a higher score, a slightly higher hazard; its CI includes 0). Read the two ' +
        'contributions together, never the Karnofsky one alone.',
      'The weight-loss coefficient is slightly negative (more loss, a slightly lower hazard; its CI includes 0), against ' +
        'clinical experience: this data set does not support a weight-loss effect and its contribution must not be interpreted.',
      'Weight loss was recorded in pounds; kilograms are converted (× 2.20462).',
      'All effects linear; proportional hazards are doubtful for Karnofsky (R cox.zph p = 0.03); the enrolling institution is ignored.',
    ],
    author: CARD_AUTHOR,
    date: CARD_DATE,
    testVectors: coxTestVectors(FEATURE_NAMES, testRows, reference),
    testVectorTolerance: TEST_VECTOR_TOLERANCE,
  });

  return {
    card,
    onnx: buildCoxModel({ terms: model.terms, baselineCumHazard: model.baselineCumHazard }, card),
    reference,
    checkRows: [{ label: 'complete cases', rows: data.features }],
  };
}
