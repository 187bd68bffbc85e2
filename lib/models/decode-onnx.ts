// Reads what upload validation needs from an .onnx file without running it: IR version,
// opsets, the graph's real inputs and outputs with element type and shape, and the
// metadata_props (where the model card travels; the ORT JS API does not expose them).
// Pure: protobuf decoding only, so it is unit-tested with models built in memory.
import * as onnxProtoModule from 'onnx-proto';

type OnnxNamespace = typeof onnxProtoModule.onnx;
// onnx-proto is CommonJS (`module.exports = { onnx }`): bundlers expose `onnx` as a named
// export, Node's ESM loader only as `default.onnx`.
const loaded = onnxProtoModule as unknown as { onnx?: OnnxNamespace; default?: { onnx?: OnnxNamespace } };
export const onnx: OnnxNamespace = (loaded.onnx ?? loaded.default?.onnx)!;

/** ONNX TensorProto.DataType.FLOAT */
export const ONNX_FLOAT = 1;

export interface OnnxValueInfo {
  name: string;
  /** TensorProto.DataType, 0 when the value is not a tensor or has no type. */
  elemType: number;
  /** Per dimension: a number, a symbolic name (dynamic), or null when unknown. Null shape = no shape. */
  shape: (number | string | null)[] | null;
}

export interface DecodedOnnx {
  irVersion: number;
  /** Domain ("" = ai.onnx) → opset version. */
  opsets: Record<string, number>;
  producer: string;
  nodeCount: number;
  inputs: OnnxValueInfo[];
  outputs: OnnxValueInfo[];
  metadata: Record<string, string>;
}

const toNumber = (value: number | { toNumber(): number } | null | undefined): number =>
  value === null || value === undefined ? 0 : typeof value === 'number' ? value : value.toNumber();

function valueInfo(info: onnxProtoModule.onnx.IValueInfoProto): OnnxValueInfo {
  const tensor = info.type?.tensorType;
  const dims = tensor?.shape?.dim;
  return {
    name: info.name ?? '',
    elemType: tensor?.elemType ?? 0,
    shape: tensor?.shape
      ? (dims ?? []).map((d) => (d.dimParam ? d.dimParam : d.dimValue !== null && d.dimValue !== undefined && toNumber(d.dimValue) > 0 ? toNumber(d.dimValue) : null))
      : null,
  };
}

/**
 * Decodes the bytes as an ONNX ModelProto. Throws (a protobuf error, or a plain Error
 * saying what is missing) when they are not a model; callers turn that into a reason.
 */
export function decodeOnnx(bytes: Uint8Array): DecodedOnnx {
  const model = onnx.ModelProto.decode(bytes);
  const graph = model.graph;
  if (!graph) throw new Error('the file has no graph');
  const irVersion = toNumber(model.irVersion);
  if (irVersion <= 0) throw new Error('the file names no IR version');
  const nodeCount = graph.node?.length ?? 0;
  if (nodeCount === 0) throw new Error('the graph has no nodes');
  // Before IR 4, initializers were also listed as graph inputs; they are not inputs to feed.
  const initializers = new Set((graph.initializer ?? []).map((t) => t.name ?? ''));
  const opsets: Record<string, number> = {};
  for (const opset of model.opsetImport ?? []) opsets[opset.domain ?? ''] = toNumber(opset.version);
  const metadata: Record<string, string> = {};
  for (const entry of model.metadataProps ?? []) if (entry.key) metadata[entry.key] = entry.value ?? '';
  return {
    irVersion,
    opsets,
    producer: [model.producerName, model.producerVersion].filter(Boolean).join(' '),
    nodeCount,
    inputs: (graph.input ?? []).filter((i) => !initializers.has(i.name ?? '')).map(valueInfo),
    outputs: (graph.output ?? []).map(valueInfo),
    metadata,
  };
}
