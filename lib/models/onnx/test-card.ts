// A minimal valid model card for the writer's and reader's tests (not a real model).
import { modelCardSchema, type ModelCard } from '@/lib/models/model-card';

type TestCardOptions = { features: string[]; kind: ModelCard['kind']; horizonsMonths?: number[] };

function outputsOf(options: TestCardOptions): { name: string; description: string; shape: [number, number] }[] {
  return options.kind === 'classifier'
    ? [
        { name: 'probability', description: 'p', shape: [1, 1] },
        { name: 'contributions', description: 'c', shape: [1, options.features.length] },
      ]
    : [
        { name: 'hazard_ratio', description: 'hr', shape: [1, 1] },
        { name: 'survival', description: 's', shape: [1, options.horizonsMonths?.length ?? 1] },
        { name: 'contributions', description: 'c', shape: [1, options.features.length] },
      ];
}

export function testCard(options: TestCardOptions): ModelCard {
  return modelCardSchema.parse({
    modelKey: 'test-model',
    version: '0.0.1',
    name: 'Test model',
    kind: options.kind,
    entities: ['BREAST'],
    intendedUse: 'Tests of the ONNX writer only.',
    regulatoryStatus: 'Research use only. Not a medical device.',
    trainingData: { description: 'none', citation: 'none', licence: 'none', n: 1 },
    method: 'hand-set coefficients',
    features: options.features.map((name) => ({
      name,
      label: name,
      unit: '1',
      source: { kind: 'codedObservation', system: 'urn:konsil:test', code: name, display: name },
      validRange: { min: -1000, max: 1000 },
      missing: { policy: 'block' },
      trainingMean: 0,
    })),
    input: { name: 'features' },
    outputs: outputsOf(options),
    ...(options.horizonsMonths ? { horizonsMonths: options.horizonsMonths } : {}),
    metrics: [
      { name: 'none', cohort: 'none', n: 1, value: 0, ci95: [0, 0] },
      ...(options.horizonsMonths ?? []).map((h) => ({ name: `none@${h}m`, cohort: 'none', n: 1, value: 0, ci95: [0, 0] })),
    ],
    metricTolerance: 0.005,
    limitations: ['not a model'],
    author: 'Konsil contributors',
    date: '2026-11-26',
    // Placeholders of the right length: these tests check the writer against their own
    // arithmetic, never a file against this card (a card must name every output in a vector).
    testVectors: [{ inputs: {}, expected: Object.fromEntries(outputsOf(options).map((o) => [o.name, new Array(o.shape[1]).fill(0)])) }],
    testVectorTolerance: 1e-5,
  });
}
