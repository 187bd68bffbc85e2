// The registry's rejection fixtures (lib/models/test-fixtures, written by
// scripts/models/make-foreign-fixtures.ts) are wrong in exactly the way their README says.
import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { ModelDecodeError, readEmbeddedCard, readModelMetadata } from './read-model-metadata';

const dir = new URL('../test-fixtures/', import.meta.url);
const load = (file: string) => new Uint8Array(readFileSync(new URL(file, dir)));

function cardOf(bytes: Uint8Array) {
  const result = readEmbeddedCard(readModelMetadata(bytes));
  if (!result.ok) throw new Error(result.message);
  return result.card;
}

describe('foreign model fixtures', () => {
  it('opset-21: onnxruntime loads it, the card is valid, only the opset is beyond policy', async () => {
    const bytes = load('opset-21.onnx');
    expect(readModelMetadata(bytes).opsets).toEqual([{ domain: '', version: 21 }]);
    expect(cardOf(bytes).modelKey).toBe('breast-malignancy-wdbc');
    await expect(ort.InferenceSession.create(bytes)).resolves.toBeDefined();
  });

  it('opset-27: onnxruntime 1.30 refuses to create a session', async () => {
    await expect(ort.InferenceSession.create(load('opset-27.onnx'))).rejects.toThrow(/opset|Opset|domain/i);
  });

  it('wdbc-input-1x7: the input is [1, 7] but the card has 10 features', () => {
    const bytes = load('wdbc-input-1x7.onnx');
    expect(readModelMetadata(bytes).inputs[0]?.dims).toEqual([1, 7]);
    expect(cardOf(bytes).features).toHaveLength(10);
  });

  it('truncated: not decodable, and onnxruntime refuses it too', async () => {
    const bytes = load('truncated.onnx');
    expect(() => readModelMetadata(bytes)).toThrow(ModelDecodeError);
    await expect(ort.InferenceSession.create(bytes)).rejects.toThrow();
  });

  it('wrong-test-vectors: runs, but misses its card test vectors by far more than the tolerance', async () => {
    const bytes = load('wrong-test-vectors.onnx');
    const card = cardOf(bytes);
    const session = await ort.InferenceSession.create(bytes);
    let maxDiff = 0;
    for (const v of card.testVectors) {
      const x = Float32Array.from(card.features.map((f) => v.inputs[f.name]!));
      const out = await session.run({ [card.input.name]: new ort.Tensor('float32', x, [1, x.length]) });
      maxDiff = Math.max(maxDiff, Math.abs((out.probability!.data as Float32Array)[0]! - v.expected.probability![0]!));
    }
    expect(maxDiff).toBeGreaterThan(100 * card.testVectorTolerance);
  });

  it('no-card: no konsil.card in metadata_props', () => {
    expect(readEmbeddedCard(readModelMetadata(load('no-card.onnx')))).toMatchObject({ ok: false, reason: 'missing' });
  });
});
