// Small, generic helpers to write an ONNX ModelProto with onnx-proto. Only what Konsil's
// models need: float32 tensors, int64 index tensors, nodes with int/float attributes, and a
// model with the card JSON in metadata_props. Everything is written in a fixed order with
// no timestamps, so the same inputs always give the same bytes (and the same sha256).
import type { onnx as P } from 'onnx-proto';
import { CARD_METADATA_KEY, type ModelCard } from '@/lib/models/model-card';
import { onnx } from './onnx-proto';

/** The ONNX IR version onnx-proto (onnx.proto v1.10.2) describes. */
export const IR_VERSION = 8;
/** Default-domain opset used by Konsil's models; the registry accepts ≤ 15. */
export const DEFAULT_OPSET = 13;
export const PRODUCER_NAME = 'konsil-training';

const FLOAT = onnx.TensorProto.DataType.FLOAT;
const INT64 = onnx.TensorProto.DataType.INT64;

/** A float32 initializer; values are rounded to float32 here, once. */
export function floatTensor(name: string, dims: number[], values: readonly number[]): P.ITensorProto {
  assertSize(name, dims, values.length);
  const data = new Float32Array(values);
  return { name, dims, dataType: FLOAT, rawData: new Uint8Array(data.buffer) };
}

/** An int64 initializer (Gather indices, shapes). */
export function int64Tensor(name: string, dims: number[], values: readonly number[]): P.ITensorProto {
  assertSize(name, dims, values.length);
  return { name, dims, dataType: INT64, int64Data: [...values] };
}

function assertSize(name: string, dims: number[], length: number) {
  const size = dims.reduce((a, b) => a * b, 1);
  if (size !== length) throw new Error(`tensor ${name}: dims ${JSON.stringify(dims)} need ${size} values, got ${length}`);
}

type AttributeValue = { int: number } | { float: number } | { ints: number[] };

export function node(
  opType: string,
  inputs: string[],
  outputs: string[],
  options: { name?: string; attributes?: Record<string, AttributeValue>; domain?: string } = {},
): P.INodeProto {
  const attribute = Object.entries(options.attributes ?? {}).map(([name, value]): P.IAttributeProto => {
    if ('int' in value) return { name, type: onnx.AttributeProto.AttributeType.INT, i: value.int };
    if ('float' in value) return { name, type: onnx.AttributeProto.AttributeType.FLOAT, f: value.float };
    return { name, type: onnx.AttributeProto.AttributeType.INTS, ints: value.ints };
  });
  return {
    opType,
    input: inputs,
    output: outputs,
    name: options.name ?? outputs[0],
    ...(options.domain ? { domain: options.domain } : {}),
    ...(attribute.length > 0 ? { attribute } : {}),
  };
}

/** A float32 graph input or output with a fixed shape. */
export function floatValueInfo(name: string, dims: number[], docString?: string): P.IValueInfoProto {
  return {
    name,
    type: { tensorType: { elemType: FLOAT, shape: { dim: dims.map((dimValue) => ({ dimValue })) } } },
    ...(docString ? { docString } : {}),
  };
}

export type OpsetImport = { domain: string; version: number };

/**
 * Serializes a model. The card (already validated by the caller) is stored as JSON under
 * CARD_METADATA_KEY; `card: null` writes a model without one (a test fixture for rejection).
 */
export function encodeModel(options: {
  graph: P.IGraphProto;
  card: ModelCard | null;
  opsets?: OpsetImport[];
  irVersion?: number;
  docString?: string;
}): Uint8Array {
  const opsets = options.opsets ?? [{ domain: '', version: DEFAULT_OPSET }];
  const model: P.IModelProto = {
    irVersion: options.irVersion ?? IR_VERSION,
    opsetImport: opsets.map((o) => ({ domain: o.domain, version: o.version })),
    producerName: PRODUCER_NAME,
    producerVersion: '1',
    ...(options.docString ? { docString: options.docString } : {}),
    graph: options.graph,
    metadataProps: options.card ? [{ key: CARD_METADATA_KEY, value: JSON.stringify(options.card) }] : [],
  };
  const message = onnx.ModelProto.fromObject(model);
  const error = onnx.ModelProto.verify(message);
  if (error) throw new Error(`ModelProto does not verify: ${error}`);
  return onnx.ModelProto.encode(message).finish();
}
