// breast-rfs-rotterdam 1.0.0: Cox model for recurrence-free survival after breast cancer
// surgery, developed on the Rotterdam tumour bank (R survival::rotterdam) and validated
// externally on the GBSG-2 trial (survival::gbsg), following Royston & Altman 2013 for the
// endpoint: RFS = recurrence or death, administratively censored at 84 months.
import { readFileSync } from 'node:fs';
import { modelCardSchema, type ModelCard } from '@/lib/models/model-card';
import { buildCoxModel } from '@/lib/models/onnx/cox-model';
import type { TermSpec } from '@/lib/models/terms';
import { pick } from '@/lib/models/training/bootstrap';
import { numberCell, parseCsv } from '@/lib/models/training/csv';
import { stratifiedSplit } from '@/lib/models/training/split';
import { columnMeans } from '@/lib/models/training/standardize';
import { coxOutputs, coxReference, coxTestVectors, describeCoefficients } from '../lib/cox-card';
import { fitCoxModel, type SurvivalRows } from '../lib/cox-training';
import { DATA_DIR } from '../lib/paths';
import { cohortMetrics, survivalMetricDefinitions, type CohortPredictions } from '../lib/survival-metrics';
import type { TrainedModel } from '../lib/trained-model';
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

const SPLIT_SEED = 20261126;
const HELD_OUT_SEED = 20261128;
const EXTERNAL_SEED = 20261129;
const HELD_OUT_FRACTION = 0.3;
const HORIZONS = [12, 24, 60];
/** Royston & Altman 2013: RFS truncated at 84 months (GBSG follow-up ends at ~87). */
const ADMIN_CENSOR_MONTHS = 84;
const NODES_RATE = -0.12;
/**
 * Rotterdam records tumour size only as a category. A size inside each category stands in
 * for the raw mm value the model's input expects; the graph maps it back to the category, so
 * the choice changes nothing but the feature's reported training mean.
 */
const SIZE_STAND_IN_MM: Record<string, number> = { '<=20': 15, '20-50': 35, '>50': 60 };

// Card order = ONNX input order.
const FEATURE_NAMES = [
  'age_years',
  'postmenopausal',
  'tumor_size_mm',
  'grade',
  'positive_nodes',
  'pgr_fmol',
  'er_fmol',
  'hormonal_therapy',
] as const;
const F = Object.fromEntries(FEATURE_NAMES.map((n, i) => [n, i])) as Record<(typeof FEATURE_NAMES)[number], number>;

const TERMS: TermSpec[] = [
  { name: 'age', feature: F.age_years, transform: { kind: 'identity' } },
  { name: 'postmenopausal', feature: F.postmenopausal, transform: { kind: 'identity' } },
  { name: 'size_over_20mm', feature: F.tumor_size_mm, transform: { kind: 'indicatorAbove', threshold: 20 } },
  { name: 'size_over_50mm', feature: F.tumor_size_mm, transform: { kind: 'indicatorAbove', threshold: 50 } },
  { name: 'grade_3', feature: F.grade, transform: { kind: 'indicatorAbove', threshold: 2 } },
  { name: 'nodes_exp', feature: F.positive_nodes, transform: { kind: 'exp', rate: NODES_RATE } },
  { name: 'log_pgr', feature: F.pgr_fmol, transform: { kind: 'log1p' } },
  { name: 'log_er', feature: F.er_fmol, transform: { kind: 'log1p' } },
  { name: 'hormonal_therapy', feature: F.hormonal_therapy, transform: { kind: 'identity' } },
];

function censorAt(months: number, time: number, event: number): [number, number] {
  return time > months ? [months, 0] : [time, event];
}

export function loadRotterdam(): SurvivalRows {
  const { rows } = parseCsv(readFileSync(`${DATA_DIR}/rotterdam.csv`, 'utf8'));
  const out: SurvivalRows = { features: [], time: [], event: [] };
  for (const row of rows) {
    const n = (c: string) => numberCell(row, c);
    const size = SIZE_STAND_IN_MM[row.size ?? ''];
    if (size === undefined) throw new Error(`rotterdam: unknown size "${row.size}"`);
    // R&A (as in ?rotterdam's example): RFS ends at recurrence if there was one, else at death
    // or last follow-up; a death after the end of recurrence follow-up counts as an event.
    const recurred = n('recur') === 1;
    const days = recurred ? n('rtime') : n('dtime');
    const event = Math.max(n('recur'), n('death'));
    const [time, status] = censorAt(ADMIN_CENSOR_MONTHS, days / DAYS_PER_MONTH, event);
    out.features.push([n('age'), n('meno'), size, n('grade'), n('nodes'), n('pgr'), n('er'), n('hormon')]);
    out.time.push(time);
    out.event.push(status);
  }
  return out;
}

export function loadGbsg(): SurvivalRows {
  const { rows } = parseCsv(readFileSync(`${DATA_DIR}/gbsg.csv`, 'utf8'));
  const out: SurvivalRows = { features: [], time: [], event: [] };
  for (const row of rows) {
    const n = (c: string) => numberCell(row, c);
    const [time, status] = censorAt(ADMIN_CENSOR_MONTHS, n('rfstime') / DAYS_PER_MONTH, n('status'));
    out.features.push([n('age'), n('meno'), n('size'), n('grade'), n('nodes'), n('pgr'), n('er'), n('hormon')]);
    out.time.push(time);
    out.event.push(status);
  }
  return out;
}

function subset(data: SurvivalRows, indices: number[]): SurvivalRows {
  return { features: pick(data.features, indices), time: pick(data.time, indices), event: pick(data.event, indices) };
}

/** The split and the fit, without the card (also used by cross-check/export-for-r.ts). */
export function fitRotterdam() {
  const rotterdam = loadRotterdam();
  const gbsg = loadGbsg();
  const split = stratifiedSplit(rotterdam.event, HELD_OUT_FRACTION, SPLIT_SEED);
  const train = subset(rotterdam, split.train);
  const heldOut = subset(rotterdam, split.heldOut);
  const model = fitCoxModel({ specs: TERMS, featureCount: FEATURE_NAMES.length, data: train, horizons: HORIZONS });
  return { model, train, heldOut, gbsg };
}

export function trainRotterdam(): TrainedModel {
  const { model, train, heldOut, gbsg } = fitRotterdam();
  const reference = coxReference(model);

  const predictions = (data: SurvivalRows): CohortPredictions => {
    const p = data.features.map((row) => model.predict(row));
    return { time: data.time, event: data.event, linearPredictor: p.map((x) => x.linearPredictor), survival: p.map((x) => x.survival) };
  };
  const definitions = survivalMetricDefinitions(HORIZONS, { slope: true });
  const metrics = [
    ...cohortMetrics({
      cohort: `held-out (Rotterdam ${Math.round(HELD_OUT_FRACTION * 100)} %, stratified)`,
      predictions: predictions(heldOut),
      definitions,
      replicates: BOOTSTRAP_REPLICATES,
      seed: HELD_OUT_SEED,
    }),
    ...cohortMetrics({ cohort: 'external (GBSG)', predictions: predictions(gbsg), definitions, replicates: BOOTSTRAP_REPLICATES, seed: EXTERNAL_SEED }),
  ];

  const trainMeans = columnMeans(train.features);
  const trainEvents = train.event.reduce((s, e) => s + e, 0);
  const testRows = [
    [45, 0, 15, 2, 0, 300, 200, 0],
    [70, 1, 60, 3, 12, 0, 5, 1],
    [55, 1, 20, 3, 1, 40, 60, 0],
    [55, 1, 20.5, 3, 1, 40, 60, 0],
    gbsg.features[0]!,
  ];

  const card: ModelCard = modelCardSchema.parse({
    modelKey: 'breast-rfs-rotterdam',
    version: '1.0.0',
    name: 'Breast cancer recurrence-free survival after surgery (Rotterdam Cox model, GBSG-validated)',
    kind: 'survival',
    entities: ['BREAST'],
    intendedUse:
      'Research and teaching in a virtual tumour board: recurrence-free survival at 1, 2 and 5 years after primary surgery for ' +
      'early breast cancer, from routine clinicopathological factors, with the share of each factor in the hazard ratio. ' +
      'It shows how a validated prognostic model and its calibration are presented beside a case; it is not a treatment ' +
      'recommendation and does not know modern therapy (trastuzumab, CDK4/6 inhibitors, modern chemotherapy).',
    regulatoryStatus: REGULATORY_STATUS,
    trainingData: {
      description:
        `Rotterdam tumour bank: 2982 patients with primary breast cancer operated 1978–1993 (node-negative and node-positive). ` +
        `Stratified by RFS event, ${Math.round(HELD_OUT_FRACTION * 100)} % held out (seed ${SPLIT_SEED}); the model is fitted ` +
        `on the other ${train.time.length} (${trainEvents} RFS events within 84 months). Endpoint as Royston & Altman 2013: ` +
        `recurrence-free survival = time to recurrence, or to death if no recurrence was recorded (the 43 patients who died ` +
        `after their recurrence follow-up ended count as events at death, as in R&A and ?survival::rotterdam), censored at 84 months. ` +
        `R&A developed their model on the 1546 node-positive patients only; this model keeps node-negative patients so that it ` +
        `applies to them too (see limitations).`,
      citation:
        'Royston P, Altman DG. External validation of a Cox prognostic model: principles and methods. BMC Med Res Methodol ' +
        '2013;13:33. Data: R package survival 3.5-3 (Therneau TM), data set rotterdam.',
      licence: 'LGPL (≥ 2), as distributed in the R survival package',
      n: train.time.length,
    },
    externalData: {
      description:
        'German Breast Cancer Study Group trial 2 (GBSG-2), 1984–1989: 686 node-positive patients with complete prognostic ' +
        'data; RFS as recorded (recurrence or death), censored at 84 months. Tumour size in mm; grade 1–3 (grade 1 does not ' +
        'occur in Rotterdam).',
      citation:
        'Schumacher M, Bastert G, Bojar H, et al. Randomized 2 × 2 trial evaluating hormonal treatment and the duration of ' +
        'chemotherapy in node-positive breast cancer patients. J Clin Oncol 1994;12:2086–2093; as prepared by Royston & Altman ' +
        '2013. Data: R package survival 3.5-3, data set gbsg.',
      licence: 'LGPL (≥ 2), as distributed in the R survival package',
      n: gbsg.time.length,
    },
    method:
      `Cox proportional hazards, Newton–Raphson on the partial likelihood with Breslow ties; baseline cumulative hazard ` +
      `by Breslow's estimator at the training means of the terms. Time scale: months (days / ${DAYS_PER_MONTH}). The ONNX graph ` +
      `derives the terms from the raw inputs: tumour size in mm → indicators > 20 mm and > 50 mm (the categories ≤ 20, 20–50, ` +
      `> 50 mm of both cohorts; 20 mm exactly is ≤ 20); grade → indicator grade 3 (Rotterdam has grades 2 and 3 only); positive ` +
      `nodes → exp(${NODES_RATE}·nodes) (the Sauerbrei–Royston transform used with these data; flat beyond ~20 nodes); PR and ER ` +
      `→ ln(fmol + 1); age, menopausal status and hormonal therapy linear. Terms: ${describeCoefficients(model, FEATURE_NAMES)}. ` +
      `Baseline cumulative hazard at 12/24/60 months: ${model.baselineCumHazard.map((h) => h.toFixed(5)).join(' / ')}. ` +
      `Metrics: Harrell's C (ties in risk ½); calibration slope = Cox coefficient of the linear predictor in the cohort; ` +
      `O/E = (1 − Kaplan–Meier) / mean predicted risk at the horizon; Brier score with inverse-probability-of-censoring weights ` +
      `(Graf 1999). 95 % CIs: percentile bootstrap, ${BOOTSTRAP_REPLICATES} resamples of each cohort with the model fixed ` +
      `(seeds ${HELD_OUT_SEED} held-out, ${EXTERNAL_SEED} GBSG).`,
    features: [
      {
        name: 'age_years',
        label: 'Age at surgery',
        unit: 'a',
        source: { kind: 'patient', field: 'ageYears' },
        validRange: { min: 24, max: 90 },
        missing: { policy: 'block' },
        trainingMean: trainMeans[F.age_years]!,
      },
      {
        name: 'postmenopausal',
        label: 'Postmenopausal (1) or premenopausal (0)',
        unit: '{bool}',
        source: { kind: 'codedObservation', system: LOCAL_CLINICAL_SYSTEM, code: 'menopausal-status-post', display: 'Postmenopausal status (1 = post, 0 = pre)' },
        validRange: { min: 0, max: 1 },
        missing: { policy: 'block' },
        trainingMean: trainMeans[F.postmenopausal]!,
      },
      {
        name: 'tumor_size_mm',
        label: 'Tumour size (largest diameter)',
        unit: 'mm',
        source: { kind: 'reportFact', fact: 'TUMOR_SIZE', detail: 'mm' },
        conversions: [{ from: 'cm', factor: 10 }],
        validRange: { min: 1, max: 120 },
        missing: { policy: 'block' },
        trainingMean: trainMeans[F.tumor_size_mm]!,
      },
      {
        name: 'grade',
        label: 'Histological grade (1–3)',
        unit: '1',
        source: { kind: 'reportFact', fact: 'GRADE', detail: 'grade' },
        validRange: { min: 1, max: 3 },
        missing: { policy: 'block' },
        trainingMean: trainMeans[F.grade]!,
      },
      {
        name: 'positive_nodes',
        label: 'Positive axillary lymph nodes',
        unit: '1',
        source: { kind: 'reportFact', fact: 'NODES', detail: 'positive' },
        validRange: { min: 0, max: 51 },
        missing: { policy: 'block' },
        trainingMean: trainMeans[F.positive_nodes]!,
      },
      {
        name: 'pgr_fmol',
        label: 'Progesterone receptor, ligand-binding assay',
        unit: 'fmol/l',
        source: { kind: 'codedObservation', system: LOCAL_CLINICAL_SYSTEM, code: 'pgr-ligand-binding', display: 'Progesterone receptor (ligand-binding assay)' },
        validRange: { min: 0, max: 5004 },
        missing: { policy: 'block' },
        trainingMean: trainMeans[F.pgr_fmol]!,
      },
      {
        name: 'er_fmol',
        label: 'Oestrogen receptor, ligand-binding assay',
        unit: 'fmol/l',
        source: { kind: 'codedObservation', system: LOCAL_CLINICAL_SYSTEM, code: 'er-ligand-binding', display: 'Oestrogen receptor (ligand-binding assay)' },
        validRange: { min: 0, max: 3275 },
        missing: { policy: 'block' },
        trainingMean: trainMeans[F.er_fmol]!,
      },
      {
        name: 'hormonal_therapy',
        label: 'Adjuvant endocrine therapy (tamoxifen or aromatase inhibitor)',
        unit: '{bool}',
        source: { kind: 'therapy', atcPrefixes: ['L02B'], display: 'Hormone antagonists (tamoxifen, aromatase inhibitors)' },
        validRange: { min: 0, max: 1 },
        missing: { policy: 'block' },
        trainingMean: trainMeans[F.hormonal_therapy]!,
      },
    ],
    input: { name: 'features' },
    outputs: coxOutputs(FEATURE_NAMES.length, HORIZONS),
    horizonsMonths: HORIZONS,
    metrics,
    metricTolerance: METRIC_TOLERANCE,
    limitations: [
      'Historic cohorts: surgery 1978–1993 (Rotterdam) and 1984–1989 (GBSG-2). Systemic therapy, screening and pathology have ' +
        'changed since; absolute survival today is higher, so predicted risks are likely too high for current patients. No ' +
        'recalibration to any local population has been done.',
      'ER and PR are ligand-binding (cytosol) assay values, not immunohistochemistry: an IHC percentage or Allred score cannot be ' +
        'converted and must not be entered. The R documentation states the unit as fmol/l; such assays are usually reported ' +
        'per mg cytosol protein.',
      'No HER2 status, Ki-67, tumour type, lymphovascular invasion or chemotherapy term (chemotherapy is not recorded in GBSG); ' +
        'HER2-positive and triple-negative disease are not distinguished.',
      'Rotterdam records size only as ≤ 20 / 20–50 / > 50 mm; the model uses only these categories. The training mean shown for ' +
        'tumor_size_mm uses stand-in sizes (15, 35, 60 mm) and is not a real mean size.',
      'Rotterdam has no grade 1 tumours: grade 1 is scored as grade 2 (not grade 3), an extrapolation checked only in GBSG.',
      'Positive nodes: development data reach 34; the external cohort reaches 51, where exp(−0.12·nodes) is nearly flat.',
      'External validation covers node-positive patients only (GBSG-2 enrolled no node-negative patients); for node-negative ' +
        'patients only the held-out Rotterdam split speaks.',
      'Hormonal therapy is the historical adjuvant treatment as given (mostly tamoxifen); its coefficient is an association in ' +
        'observational data, not a treatment effect, and the model must not be used to choose therapy.',
      'Proportional hazards do not hold for the receptors (R cox.zph on the training fit: p < 0.001 for ln PR and ln ER, ' +
        'p = 0.01 for size > 20 mm): their effect is strongest early, and the model reports an average over 84 months.',
      'Age enters linearly (R&A used fractional polynomials); deaths without recurrence count as events (RFS), so older ' +
        'patients accrue non-cancer deaths.',
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
    checkRows: [
      { label: 'held-out Rotterdam', rows: heldOut.features },
      { label: 'GBSG', rows: gbsg.features },
    ],
  };
}
