// breast-malignancy-wdbc 1.0.0: logistic regression on the ten "mean" nuclear features of the
// Wisconsin Diagnostic Breast Cancer data (569 FNA samples), standardized inputs, small L2.
import { readFileSync } from 'node:fs';
import { modelCardSchema, type ModelCard } from '@/lib/models/model-card';
import { buildLogisticModel } from '@/lib/models/onnx/logistic-model';
import { bootstrapSamples, percentileInterval, pick } from '@/lib/models/training/bootstrap';
import { auc, brierScore, thresholdMetrics } from '@/lib/models/training/classification-metrics';
import { numberCell, parseCsv } from '@/lib/models/training/csv';
import { fitLogistic, sigmoid } from '@/lib/models/training/logistic-regression';
import { stratifiedSplit } from '@/lib/models/training/split';
import { columnMeans, columnSds } from '@/lib/models/training/standardize';
import { DATA_DIR } from '../lib/paths';
import { round, toFloat32, type TrainedModel } from '../lib/trained-model';
import {
  BOOTSTRAP_REPLICATES,
  CARD_AUTHOR,
  CARD_DATE,
  METRIC_TOLERANCE,
  REGULATORY_STATUS,
  TEST_VECTOR_TOLERANCE,
} from './common';

const SPLIT_SEED = 20261126;
const BOOTSTRAP_SEED = 20261127;
const HELD_OUT_FRACTION = 0.3;
/** Ridge penalty on the standardized slopes: scikit-learn's default C = 1 (λ = 1/C). */
const L2 = 1;
const THRESHOLD = 0.5;
const SYSTEM = 'urn:konsil:fna-morphometry';

const LENGTH = '{WDBC length unit}';
const FEATURES = [
  { code: 'radius_mean', label: 'Nuclear radius, mean', unit: LENGTH },
  { code: 'texture_mean', label: 'Nuclear texture (SD of grey levels), mean', unit: '1' },
  { code: 'perimeter_mean', label: 'Nuclear perimeter, mean', unit: LENGTH },
  { code: 'area_mean', label: 'Nuclear area, mean', unit: '{WDBC area unit}' },
  { code: 'smoothness_mean', label: 'Nuclear smoothness (local radius variation), mean', unit: '1' },
  { code: 'compactness_mean', label: 'Nuclear compactness (perimeter²/area − 1), mean', unit: '1' },
  { code: 'concavity_mean', label: 'Nuclear concavity (severity of concave contour), mean', unit: '1' },
  { code: 'concave_points_mean', label: 'Nuclear concave points, mean', unit: '1' },
  { code: 'symmetry_mean', label: 'Nuclear symmetry, mean', unit: '1' },
  { code: 'fractal_dimension_mean', label: 'Nuclear fractal dimension ("coastline" − 1), mean', unit: '1' },
] as const;

/** The split and the fit, without the card (also used by cross-check/export-for-r.ts). */
export function fitWdbc() {
  const table = parseCsv(readFileSync(`${DATA_DIR}/wdbc.csv`, 'utf8'));
  const x = table.rows.map((row) => FEATURES.map((f) => numberCell(row, f.code)));
  const y = table.rows.map((row) => numberCell(row, 'malignant'));
  const split = stratifiedSplit(y, HELD_OUT_FRACTION, SPLIT_SEED);
  const xTrain = pick(x, split.train);
  const means = columnMeans(xTrain);
  const sds = columnSds(xTrain, means);
  const standardize = (row: readonly number[]) => row.map((v, j) => (v - means[j]!) / sds[j]!);
  const fit = fitLogistic(xTrain.map(standardize), pick(y, split.train), { l2: L2 });
  return { x, y, split, means, sds, standardize, fit };
}

export function trainWdbc(): TrainedModel {
  const { x, y, split, means, sds, standardize, fit } = fitWdbc();

  const reference = (features: readonly number[]) => {
    const z = standardize(toFloat32(features));
    const contributions = z.map((v, j) => v * fit.coefficients[j]!);
    const logit = contributions.reduce((s, c) => s + c, fit.intercept);
    return { probability: [sigmoid(logit)], contributions };
  };

  const xHeld = pick(x, split.heldOut);
  const yHeld = pick(y, split.heldOut);
  const metrics = heldOutMetrics(yHeld, xHeld.map((row) => reference(row).probability[0]!));

  const featureMin = FEATURES.map((_, j) => Math.min(...x.map((row) => row[j]!)));
  const featureMax = FEATURES.map((_, j) => Math.max(...x.map((row) => row[j]!)));
  const firstBenign = split.heldOut.find((i) => y[i] === 0)!;
  const firstMalignant = split.heldOut.find((i) => y[i] === 1)!;
  // Two real held-out samples, the average training sample and the middle of every valid range,
  // rounded to 5 significant digits so the card stays readable (ONNX sees their float32 values).
  const vectorRows = [x[firstBenign]!, x[firstMalignant]!, means, featureMin.map((lo, j) => (lo + featureMax[j]!) / 2)].map((row) =>
    row.map((v) => Number(v.toPrecision(5))),
  );

  const card: ModelCard = modelCardSchema.parse({
    modelKey: 'breast-malignancy-wdbc',
    version: '1.0.0',
    name: 'Breast FNA malignancy (WDBC nuclear morphometry, logistic regression)',
    kind: 'classifier',
    entities: ['BREAST'],
    intendedUse:
      'Research and teaching in a virtual tumour board: the probability that a breast fine-needle aspirate is malignant, ' +
      'from the ten mean nuclear features of the Wisconsin image-analysis method, with the share of each feature. ' +
      'It shows how a transparent classifier is presented beside the case; it does not replace cytology or histology.',
    regulatoryStatus: REGULATORY_STATUS,
    trainingData: {
      description:
        `Wisconsin Diagnostic Breast Cancer (WDBC): 569 FNA samples of breast masses (212 malignant, 357 benign), ` +
        `University of Wisconsin Hospitals, Madison (data set donated in November 1995). Stratified by diagnosis, ` +
        `${Math.round(HELD_OUT_FRACTION * 100)} % held out (seed ${SPLIT_SEED}); the model is fitted on the other ${split.train.length}.`,
      citation:
        'Wolberg WH, Street WN, Mangasarian OL. Breast Cancer Wisconsin (Diagnostic), UCI Machine Learning Repository, 1995, ' +
        'doi:10.24432/C5DW2B; Street WN, Wolberg WH, Mangasarian OL. Nuclear feature extraction for breast tumor diagnosis. ' +
        'Proc SPIE 1905, 1993:861–870.',
      licence: 'CC BY 4.0',
      n: split.train.length,
    },
    method:
      `Logistic regression fitted by Newton–Raphson (IRLS) on inputs standardized with the training mean and population SD; ` +
      `ridge penalty (λ/2)·‖β‖² with λ = ${L2} on the standardized slopes, intercept unpenalized (scikit-learn's ` +
      `LogisticRegression(C = 1) objective), because radius, perimeter and area are almost collinear and an unpenalized fit ` +
      `splits their effect into large opposite-signed coefficients. logit = ${fmt(fit.intercept)} + Σ βᵢ·(xᵢ − meanᵢ)/sdᵢ with ` +
      FEATURES.map((f, j) => `β(${f.code}) = ${fmt(fit.coefficients[j]!)}`).join(', ') +
      `. ONNX: Sub, Div, Mul, MatMul, Add, Sigmoid (opset 13). Output contributions[i] = βᵢ·(xᵢ − meanᵢ)/sdᵢ; ` +
      `Σ contributions + intercept (${fmt(fit.intercept)}) = logit, the log-odds of malignancy. Held-out metrics with ` +
      `percentile bootstrap 95 % CIs (${BOOTSTRAP_REPLICATES} resamples, seed ${BOOTSTRAP_SEED}); sensitivity, specificity ` +
      `and accuracy call p ≥ ${THRESHOLD} malignant.`,
    features: FEATURES.map((f, j) => ({
      name: f.code,
      label: f.label,
      unit: f.unit,
      source: { kind: 'codedObservation', system: SYSTEM, code: f.code, display: `${f.label} (WDBC FNA image analysis)` },
      validRange: { min: featureMin[j]!, max: featureMax[j]! },
      missing: { policy: 'block' },
      trainingMean: means[j]!,
    })),
    input: { name: 'features' },
    outputs: [
      { name: 'probability', description: 'Probability that the aspirate is malignant (0–1).', shape: [1, 1] },
      {
        name: 'contributions',
        description:
          `Per feature: βᵢ·(xᵢ − meanᵢ)/sdᵢ on the log-odds scale. Their sum plus the intercept ${fmt(fit.intercept)} ` +
          `is the logit of the probability; 0 means "as the average training sample".`,
        shape: [1, FEATURES.length],
      },
    ],
    metrics: metrics.map((m) => ({ ...m, cohort: `held-out (WDBC ${Math.round(HELD_OUT_FRACTION * 100)} %, stratified)` })),
    metricTolerance: METRIC_TOLERANCE,
    limitations: [
      'The features must come from the Wisconsin image-analysis program (Xcyt) run on digitized FNA slides as in the original study; ' +
        'no laboratory system produces them today, and other morphometry software measures differently. Lengths and areas are in ' +
        "that program's image units; the source states no calibration to µm.",
      'LOINC has no codes for these morphometric features: they use the Konsil-local code system urn:konsil:fna-morphometry.',
      'One institution, 569 samples from the early 1990s, 37 % malignant; the probability reflects that prevalence and has not been ' +
        'recalibrated to any local population. Only a held-out split of the same data was used for evaluation: no external validation.',
      'Radius, perimeter and area are almost collinear: the ridge penalty shares their effect, so read their contributions together.',
      `The ${THRESHOLD} threshold for sensitivity and specificity is a reporting convention, not a clinically chosen cut-off.`,
    ],
    author: CARD_AUTHOR,
    date: CARD_DATE,
    testVectors: vectorRows.map((row) => {
      const inputs = Object.fromEntries(FEATURES.map((f, j) => [f.code, row[j]!]));
      return { inputs, expected: reference(row) };
    }),
    testVectorTolerance: TEST_VECTOR_TOLERANCE,
  });

  return {
    card,
    onnx: buildLogisticModel({ means, sds, coefficients: fit.coefficients, intercept: fit.intercept }, card),
    reference,
    checkRows: [{ label: 'held-out', rows: xHeld }],
  };
}

function heldOutMetrics(y: number[], p: number[]) {
  const definitions: { name: string; compute(y: number[], p: number[]): number }[] = [
    { name: 'AUC', compute: auc },
    { name: `Accuracy (p ≥ ${THRESHOLD})`, compute: (a, b) => thresholdMetrics(a, b, THRESHOLD).accuracy },
    { name: `Sensitivity (p ≥ ${THRESHOLD})`, compute: (a, b) => thresholdMetrics(a, b, THRESHOLD).sensitivity },
    { name: `Specificity (p ≥ ${THRESHOLD})`, compute: (a, b) => thresholdMetrics(a, b, THRESHOLD).specificity },
    { name: 'Brier score', compute: brierScore },
  ];
  const samples = bootstrapSamples(y.length, BOOTSTRAP_REPLICATES, BOOTSTRAP_SEED);
  return definitions.map((d) => {
    const ci = percentileInterval(samples.map((s) => d.compute(pick(y, s), pick(p, s))));
    return { name: d.name, n: y.length, value: round(d.compute(y, p)), ci95: [round(ci[0]), round(ci[1])] };
  });
}

function fmt(v: number): string {
  return v.toFixed(4);
}
