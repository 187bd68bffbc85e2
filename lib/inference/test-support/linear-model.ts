// Small real ONNX models for tests: a logistic regression or a Cox model over the card's
// features, written with onnx-proto and run by the real onnxruntime-node. The graph has
// the shape Konsil's shipped models have (one float input [batch, n]; probability or
// hazard_ratio + survival; contributions = (x − mean)·β), and test vectors are computed
// here in float64 from the same parameters, so a test card is honest about its model.
import { createHash } from 'node:crypto';
import { CARD_METADATA_KEY, modelCardSchema, type ModelCard, type ModelFeature } from '@/lib/models/model-card';
import type { onnx as OnnxTypes } from 'onnx-proto';
import { onnx } from '@/lib/models/onnx/onnx-proto';

const ONNX_FLOAT = onnx.TensorProto.DataType.FLOAT;

export interface LinearModelSpec {
  card: ModelCard;
  /** One coefficient per card feature. */
  beta: number[];
  /** Logistic intercept (classifier). */
  intercept?: number;
  /** Baseline survival at the card's horizons (survival). */
  baselineSurvival?: number[];
}

interface BuildOptions {
  /** Card JSON to embed in metadata_props; false embeds none. Default: the spec's card. */
  embedCard?: unknown | false;
  /** First input dimension: a number or a symbolic name. */
  batchDim?: number | string;
  /** Override the input's name, element type or feature count (foreign-file tests). */
  inputName?: string;
  inputElemType?: number;
  inputWidth?: number;
  /** Drop these outputs from the graph, or rename them (foreign-file tests). */
  dropOutputs?: string[];
  renameOutputs?: Record<string, string>;
  opset?: number;
  irVersion?: number;
  /**
   * Keep the coefficients ("beta_col") in this file instead, as ONNX external data (a path
   * relative to wherever onnxruntime runs): a file the registry must refuse unread.
   */
  externalData?: string;
}

const tensor = (name: string, dims: number[], values: number[]) =>
  onnx.TensorProto.create({ name, dims, dataType: ONNX_FLOAT, floatData: values });

const valueInfo = (name: string, elemType: number, dims: (number | string)[]) =>
  onnx.ValueInfoProto.create({
    name,
    type: { tensorType: { elemType, shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) } } },
  });

const node = (opType: string, input: string[], output: string[]) => onnx.NodeProto.create({ opType, input, output, name: `${opType}_${output[0]}` });

export function buildLinearModel(spec: LinearModelSpec, options: BuildOptions = {}): Uint8Array {
  const { card, beta } = spec;
  const n = card.features.length;
  const width = options.inputWidth ?? n;
  const inputName = options.inputName ?? card.input.name;
  const means = card.features.map((f) => f.trainingMean);
  const batch = options.batchDim ?? 'batch';
  const rename = (name: string) => options.renameOutputs?.[name] ?? name;

  const nodes = [node('Sub', [inputName, 'mean'], ['centered']), node('MatMul', ['centered', 'beta_col'], ['linear_predictor'])];
  const outputs: OnnxTypes.IValueInfoProto[] = [];
  if (card.kind === 'classifier') {
    nodes.push(node('Add', ['linear_predictor', 'intercept'], ['logit']), node('Sigmoid', ['logit'], [rename('probability')]));
    outputs.push(valueInfo(rename('probability'), ONNX_FLOAT, [batch, 1]));
  } else {
    const horizons = card.horizonsMonths?.length ?? 0;
    nodes.push(node('Exp', ['linear_predictor'], [rename('hazard_ratio')]), node('Pow', ['baseline_survival', rename('hazard_ratio')], [rename('survival')]));
    outputs.push(valueInfo(rename('hazard_ratio'), ONNX_FLOAT, [batch, 1]), valueInfo(rename('survival'), ONNX_FLOAT, [batch, horizons]));
  }
  nodes.push(node('Mul', ['centered', 'beta_row'], [rename('contributions')]));
  outputs.push(valueInfo(rename('contributions'), ONNX_FLOAT, [batch, n]));

  const initializer = [
    tensor('mean', [1, width], width === n ? means : Array.from({ length: width }, (_, i) => means[i] ?? 0)),
    tensor('beta_col', [width, 1], width === n ? beta : Array.from({ length: width }, (_, i) => beta[i] ?? 0)),
    tensor('beta_row', [1, width], width === n ? beta : Array.from({ length: width }, (_, i) => beta[i] ?? 0)),
    tensor('intercept', [1, 1], [spec.intercept ?? 0]),
    tensor('baseline_survival', [1, spec.baselineSurvival?.length ?? 1], spec.baselineSurvival ?? [1]),
  ];
  if (options.externalData !== undefined) {
    const moved = initializer.find((t) => t.name === 'beta_col')!;
    moved.externalData = [
      { key: 'location', value: options.externalData },
      { key: 'offset', value: '0' },
      { key: 'length', value: String(moved.floatData.length * 4) },
    ];
    moved.dataLocation = onnx.TensorProto.DataLocation.EXTERNAL;
    moved.floatData = [];
  }
  const embedded = options.embedCard === undefined ? card : options.embedCard;
  const model = onnx.ModelProto.create({
    irVersion: options.irVersion ?? 8,
    producerName: 'konsil-test-support',
    producerVersion: '1',
    opsetImport: [{ domain: '', version: options.opset ?? 13 }],
    graph: onnx.GraphProto.create({
      name: card.modelKey,
      node: nodes,
      initializer,
      input: [valueInfo(inputName, options.inputElemType ?? ONNX_FLOAT, [batch, width])],
      output: outputs.filter((o) => !options.dropOutputs?.includes(o.name ?? '')),
    }),
    metadataProps: embedded === false ? [] : [{ key: CARD_METADATA_KEY, value: JSON.stringify(embedded) }],
  });
  return onnx.ModelProto.encode(model).finish();
}

/** The model's outputs for one input vector, in float64 (what the test vectors expect). */
export function linearReference(spec: LinearModelSpec, x: number[]): Record<string, number[]> {
  const centered = x.map((v, i) => v - spec.card.features[i]!.trainingMean);
  const contributions = centered.map((c, i) => c * spec.beta[i]!);
  const lp = contributions.reduce((a, b) => a + b, 0);
  if (spec.card.kind === 'classifier') return { probability: [1 / (1 + Math.exp(-(lp + (spec.intercept ?? 0))))], contributions };
  const hr = Math.exp(lp);
  return { hazard_ratio: [hr], survival: (spec.baselineSurvival ?? []).map((s0) => s0 ** hr), contributions };
}

const REGULATORY = 'Research use only. Not a medical device.';

/** Test features covering every source kind the mapper reads. */
export const testFeatures: ModelFeature[] = [
  { name: 'age', label: 'Age', unit: 'a', source: { kind: 'patient', field: 'ageYears' }, conversions: [], validRange: { min: 18, max: 100 }, missing: { policy: 'block' }, trainingMean: 60 },
  { name: 'weight', label: 'Body weight', unit: '[lb_av]', source: { kind: 'observation', loinc: '29463-7', display: 'Body weight' }, conversions: [{ from: 'kg', factor: 2.20462262185, offset: 0 }], validRange: { min: 60, max: 500 }, missing: { policy: 'impute', value: 160 }, trainingMean: 160 },
  { name: 'tumor_size', label: 'Tumor size', unit: 'mm', source: { kind: 'reportFact', fact: 'TUMOR_SIZE', detail: 'mm' }, conversions: [], validRange: { min: 0, max: 200 }, missing: { policy: 'block' }, trainingMean: 25 },
  { name: 'hormonal_therapy', label: 'Hormonal therapy', unit: '{bool}', source: { kind: 'therapy', atcPrefixes: ['L02B'], display: 'Anti-estrogens' }, conversions: [], validRange: { min: 0, max: 1 }, missing: { policy: 'block' }, trainingMean: 0.3 },
  { name: 'diabetes', label: 'Diabetes', unit: '{bool}', source: { kind: 'condition', icd10Prefixes: ['E10', 'E11'], display: 'Diabetes mellitus' }, conversions: [], validRange: { min: 0, max: 1 }, missing: { policy: 'block' }, trainingMean: 0.1 },
];

/** A complete, valid card around `features`, with test vectors computed from the model itself. */
export function makeTestSpec(overrides: { modelKey?: string; version?: string; kind?: 'classifier' | 'survival'; entities?: string[]; features?: ModelFeature[]; beta?: number[] } = {}): LinearModelSpec {
  const features = overrides.features ?? testFeatures;
  const kind = overrides.kind ?? 'classifier';
  const beta = overrides.beta ?? features.map((_, i) => 0.05 * (i + 1) * (i % 2 === 0 ? 1 : -1));
  // Parsed once complete (below): the test vectors are computed from the model first.
  const draft: ModelCard = {
    modelKey: overrides.modelKey ?? 'test-linear',
    version: overrides.version ?? '1.0.0',
    name: `Test ${kind} model`,
    kind,
    entities: overrides.entities ?? ['LUNG'],
    intendedUse: 'Integration tests of the model runtime.',
    regulatoryStatus: REGULATORY,
    trainingData: { description: 'None: coefficients are made up for tests.', citation: 'n/a', licence: 'Apache-2.0', n: 1 },
    method: kind === 'classifier' ? 'Logistic regression (made-up coefficients)' : 'Cox proportional hazards (made-up coefficients)',
    features,
    input: { name: 'features' },
    outputs:
      kind === 'classifier'
        ? [
            { name: 'probability', description: 'Probability of the event', shape: [1] },
            { name: 'contributions', description: 'Per-feature contribution to the logit', shape: [features.length] },
          ]
        : [
            { name: 'hazard_ratio', description: 'Hazard ratio against the training mean', shape: [1] },
            { name: 'survival', description: 'Survival probability at the horizons', shape: [3] },
            { name: 'contributions', description: 'Per-feature contribution to the log hazard', shape: [features.length] },
          ],
    horizonsMonths: kind === 'survival' ? [12, 24, 60] : undefined,
    metrics: [
      { name: kind === 'classifier' ? 'AUC' : 'C-index', cohort: 'none', n: 1, value: 0.5, ci95: [0.5, 0.5] },
      // A survival card has a metric at each horizon of its curve.
      ...(kind === 'survival' ? [12, 24, 60].map((h) => ({ name: `Brier@${h}m`, cohort: 'none', n: 1, value: 0.25, ci95: [0.25, 0.25] as [number, number] })) : []),
    ],
    metricTolerance: 0.01,
    limitations: ['Made-up coefficients; for tests only.'],
    author: 'Konsil tests',
    date: '2026-11-26',
    testVectors: [],
    testVectorTolerance: 1e-4,
  };
  const spec: LinearModelSpec = { card: draft, beta, intercept: kind === 'classifier' ? -0.5 : undefined, baselineSurvival: kind === 'survival' ? [0.95, 0.88, 0.7] : undefined };
  const vectors = [features.map((f) => f.trainingMean), features.map((f) => (f.validRange.min + f.validRange.max) / 2)];
  spec.card.testVectors = vectors.map((x) => ({
    inputs: Object.fromEntries(features.map((f, i) => [f.name, x[i]!])),
    expected: linearReference(spec, x),
  }));
  spec.card = modelCardSchema.parse(spec.card);
  return spec;
}

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
