// A minimal valid model card for the writer's and reader's tests (not a real model).
import { modelCardSchema, type ModelCard } from '@/lib/models/model-card';

export function testCard(options: { features: string[]; kind: ModelCard['kind']; horizonsMonths?: number[] }): ModelCard {
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
    outputs:
      options.kind === 'classifier'
        ? [
            { name: 'probability', description: 'p', shape: [1, 1] },
            { name: 'contributions', description: 'c', shape: [1, options.features.length] },
          ]
        : [
            { name: 'hazard_ratio', description: 'hr', shape: [1, 1] },
            { name: 'survival', description: 's', shape: [1, options.horizonsMonths?.length ?? 1] },
            { name: 'contributions', description: 'c', shape: [1, options.features.length] },
          ],
    ...(options.horizonsMonths ? { horizonsMonths: options.horizonsMonths } : {}),
    metrics: [{ name: 'none', cohort: 'none', n: 1, value: 0, ci95: [0, 0] }],
    metricTolerance: 0.005,
    limitations: ['not a model'],
    author: 'Konsil contributors',
    date: '2026-11-26',
    testVectors: [{ inputs: {}, expected: {} }],
    testVectorTolerance: 1e-5,
  });
}
