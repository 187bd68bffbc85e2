// What training one model produces, in memory: `npm run models:train` writes it to disk and
// `npm run models:verify` compares it with what is on disk.
import type { ModelCard } from '@/lib/models/model-card';

export type Outputs = Record<string, number[]>;

export type TrainedModel = {
  card: ModelCard;
  onnx: Uint8Array;
  /** The training code's own outputs (float64) for one row of raw features in card order. */
  reference(features: readonly number[]): Outputs;
  /** Rows the committed .onnx must reproduce: the held-out (and external) cohorts. */
  checkRows: { label: string; rows: number[][] }[];
};

/** float32 is what the ONNX input holds; references are computed from the same rounded values. */
export function toFloat32(features: readonly number[]): number[] {
  return features.map((v) => Math.fround(v));
}

/** Card numbers are rounded for reading; the tolerance in the card is far larger. */
export function round(value: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
