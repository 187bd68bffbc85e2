// Runs one model on one input vector: a float32 tensor [1, n] in card feature order, the
// outputs read by the names the card declares. An output named "contributions" (shape
// [n features]) is the model's own explanation, (x − training mean)·β per feature, and is
// returned keyed by feature name; everything else is an output.
import type { InferenceSession } from 'onnxruntime-node';
import { Tensor } from 'onnxruntime-node';
import type { ModelCard } from '@/lib/models/model-card';

export const CONTRIBUTIONS_OUTPUT = 'contributions';

export interface ScoredOutputs {
  /** Output name → values (flattened), contributions excluded. */
  outputs: Record<string, number[]>;
  /** Feature name → contribution, when the card declares a contributions output. */
  contributions: Record<string, number> | null;
}

export class ScoringError extends Error {
  override readonly name = 'ScoringError';
}

const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/** Builds the [1, n] float32 tensor the card's single input takes. */
export function inputTensor(vector: readonly number[]): Tensor {
  return new Tensor('float32', Float32Array.from(vector), [1, vector.length]);
}

export async function scoreVector(session: InferenceSession, card: Pick<ModelCard, 'input' | 'outputs' | 'features'>, vector: readonly number[]): Promise<ScoredOutputs> {
  if (vector.length !== card.features.length) throw new ScoringError(`The input has ${vector.length} values; the card lists ${card.features.length} features.`);
  const results = await session.run({ [card.input.name]: inputTensor(vector) }, card.outputs.map((o) => o.name));
  const outputs: Record<string, number[]> = {};
  let contributions: Record<string, number> | null = null;
  for (const declared of card.outputs) {
    const tensor = results[declared.name];
    if (!tensor || !(tensor.data instanceof Float32Array)) throw new ScoringError(`The model did not return the float output "${declared.name}".`);
    const values = Array.from(tensor.data);
    if (values.length !== size(declared.shape)) throw new ScoringError(`Output "${declared.name}" has ${values.length} values; the card declares shape [${declared.shape.join(', ')}].`);
    if (values.some((v) => !Number.isFinite(v))) throw new ScoringError(`Output "${declared.name}" is not finite (${values.join(', ')}).`);
    if (declared.name === CONTRIBUTIONS_OUTPUT) {
      if (values.length !== card.features.length) throw new ScoringError(`"${CONTRIBUTIONS_OUTPUT}" has ${values.length} values for ${card.features.length} features.`);
      contributions = Object.fromEntries(card.features.map((f, i) => [f.name, values[i]!]));
    } else {
      outputs[declared.name] = values;
    }
  }
  return { outputs, contributions };
}
