// Runs a model file with onnxruntime-node, one row at a time (as the server scores a case).
import * as ort from 'onnxruntime-node';
import type { Outputs } from './trained-model';

export type OnnxRunner = { run(features: readonly number[]): Promise<Outputs>; release(): Promise<void> };

export async function openOnnx(bytes: Uint8Array, inputName: string): Promise<OnnxRunner> {
  const session = await ort.InferenceSession.create(bytes);
  return {
    async run(features) {
      const input = new ort.Tensor('float32', Float32Array.from(features), [1, features.length]);
      const result = await session.run({ [inputName]: input });
      return Object.fromEntries(Object.entries(result).map(([name, t]) => [name, Array.from(t.data as Float32Array)]));
    },
    release: () => session.release(),
  };
}

/** Largest absolute difference over the outputs both sides name; Infinity if one is missing. */
export function maxAbsDifference(expected: Outputs, actual: Outputs): number {
  let max = 0;
  for (const [name, values] of Object.entries(expected)) {
    const other = actual[name];
    if (!other || other.length !== values.length) return Number.POSITIVE_INFINITY;
    values.forEach((v, i) => {
      const d = Math.abs(v - other[i]!);
      max = Math.max(max, Number.isNaN(d) ? Number.POSITIVE_INFINITY : d);
    });
  }
  return max;
}
