import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { CARD_METADATA_KEY } from '@/lib/models/model-card';
import { buildCoxModel } from './cox-model';
import { encodeModel, floatTensor, node } from './graph-builder';
import { buildLogisticModel } from './logistic-model';
import { onnx } from './onnx-proto';
import { ModelDecodeError, readEmbeddedCard, readModelMetadata } from './read-model-metadata';
import { testCard } from './test-card';

async function run(bytes: Uint8Array, x: number[]) {
  const session = await ort.InferenceSession.create(bytes);
  const out = await session.run({ features: new ort.Tensor('float32', Float32Array.from(x), [1, x.length]) });
  return Object.fromEntries(Object.entries(out).map(([k, t]) => [k, Array.from(t.data as Float32Array)]));
}

describe('buildLogisticModel', () => {
  const card = testCard({ features: ['a', 'b'], kind: 'classifier' });
  const params = { means: [1, 10], sds: [2, 5], coefficients: [0.5, -1], intercept: 0.25 };

  it('computes sigmoid of the standardized linear predictor and per-feature contributions', async () => {
    const out = await run(buildLogisticModel(params, card), [3, 0]);
    // z = (1, −2); contributions = (0.5, 2); logit = 2.5 + 0.25
    expect(out.contributions![0]).toBeCloseTo(0.5, 6);
    expect(out.contributions![1]).toBeCloseTo(2, 6);
    expect(out.probability![0]).toBeCloseTo(1 / (1 + Math.exp(-2.75)), 6);
  });

  it('writes the same bytes twice and embeds the card', () => {
    const a = buildLogisticModel(params, card);
    expect(Buffer.from(buildLogisticModel(params, card)).equals(Buffer.from(a))).toBe(true);
    const meta = readModelMetadata(a);
    expect(meta.irVersion).toBe(8);
    expect(meta.opsets).toEqual([{ domain: '', version: 13 }]);
    expect(meta.inputs).toEqual([{ name: 'features', elemType: 'FLOAT', dims: [1, 2] }]);
    expect(meta.outputs.map((o) => o.name)).toEqual(['probability', 'contributions']);
    expect(JSON.parse(meta.metadata[CARD_METADATA_KEY]!)).toEqual(card);
    expect(readEmbeddedCard(meta)).toEqual({ ok: true, card });
  });
});

describe('buildCoxModel', () => {
  const card = testCard({ features: ['size_mm', 'nodes', 'pgr'], kind: 'survival', horizonsMonths: [12, 60] });
  const terms = [
    { name: 'size_gt_20', feature: 0, transform: { kind: 'indicatorAbove', threshold: 20 }, mean: 0.5, beta: 0.4 },
    { name: 'size_gt_50', feature: 0, transform: { kind: 'indicatorAbove', threshold: 50 }, mean: 0.1, beta: 0.2 },
    { name: 'enodes', feature: 1, transform: { kind: 'exp', rate: -0.12 }, mean: 0.6, beta: -1.5 },
    { name: 'log_pgr', feature: 2, transform: { kind: 'log1p' }, mean: 3, beta: -0.1 },
  ] as const;
  const params = { terms: terms.map((t) => ({ ...t })), baselineCumHazard: [0.1, 0.5] };

  it('derives the terms in the graph and sums contributions per feature', async () => {
    const out = await run(buildCoxModel(params, card), [60, 5, 99]);
    const sizeContribution = (1 - 0.5) * 0.4 + (1 - 0.1) * 0.2;
    const nodesContribution = (Math.exp(-0.6) - 0.6) * -1.5;
    const pgrContribution = (Math.log(100) - 3) * -0.1;
    const logHr = sizeContribution + nodesContribution + pgrContribution;
    expect(out.contributions![0]).toBeCloseTo(sizeContribution, 6);
    expect(out.contributions![1]).toBeCloseTo(nodesContribution, 6);
    expect(out.contributions![2]).toBeCloseTo(pgrContribution, 6);
    expect(out.hazard_ratio![0]).toBeCloseTo(Math.exp(logHr), 6);
    expect(out.survival![0]).toBeCloseTo(Math.exp(-0.1 * Math.exp(logHr)), 6);
    expect(out.survival![1]).toBeCloseTo(Math.exp(-0.5 * Math.exp(logHr)), 6);
  });

  it('treats a value on the threshold as not above it (20 mm is the ≤ 20 mm category)', async () => {
    const out = await run(buildCoxModel(params, card), [20, 0, 0]);
    expect(out.contributions![0]).toBeCloseTo(-0.5 * 0.4 - 0.1 * 0.2, 6);
  });

  it('rejects baseline values that do not match the card horizons', () => {
    expect(() => buildCoxModel({ ...params, baselineCumHazard: [0.1] }, card)).toThrow(/horizons/);
  });
});

describe('readModelMetadata', () => {
  it('rejects bytes that are not a model', () => {
    expect(() => readModelMetadata(new Uint8Array([0xff, 0xff, 0xff, 0x01]))).toThrow(ModelDecodeError);
  });

  it('reports a model without a card as missing', () => {
    const meta = { irVersion: 8, producerName: '', opsets: [], inputs: [], outputs: [], metadata: {}, externalDataTensors: [] };
    expect(readEmbeddedCard(meta)).toMatchObject({ ok: false, reason: 'missing' });
    expect(readEmbeddedCard({ ...meta, metadata: { [CARD_METADATA_KEY]: '{' } })).toMatchObject({ ok: false, reason: 'not-json' });
    expect(readEmbeddedCard({ ...meta, metadata: { [CARD_METADATA_KEY]: '{}' } })).toMatchObject({ ok: false, reason: 'invalid' });
  });
});

describe('readModelMetadata shapes', () => {
  it('reports a symbolic dimension as null', () => {
    const bytes = encodeModel({
      card: null,
      graph: {
        name: 'g',
        input: [{ name: 'x', type: { tensorType: { elemType: 1, shape: { dim: [{ dimParam: 'batch' }, { dimValue: 3 }] } } } }],
        output: [{ name: 'y', type: { tensorType: { elemType: 1, shape: { dim: [{ dimParam: 'batch' }, { dimValue: 3 }] } } } }],
        initializer: [floatTensor('two', [1], [2])],
        node: [node('Mul', ['x', 'two'], ['y'])],
      },
    });
    expect(onnx.ModelProto.decode(bytes).graph?.node?.length).toBe(1);
    expect(readModelMetadata(bytes).inputs).toEqual([{ name: 'x', elemType: 'FLOAT', dims: [null, 3] }]);
  });
});
