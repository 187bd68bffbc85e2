// Decodes what the registry must check before it trusts an uploaded .onnx file: IR version,
// opsets, input/output names and shapes, and the metadata_props (where the model card lives).
// onnxruntime's JS API does not expose metadata_props, so the same bytes are decoded here with
// onnx-proto. Pure: no file or server access; the caller passes the bytes.
import { CARD_METADATA_KEY, modelCardSchema, type ModelCard } from '@/lib/models/model-card';
import type { onnx as P } from 'onnx-proto';
import { onnx } from './onnx-proto';

export type TensorInfo = {
  name: string;
  /** TensorProto.DataType name, e.g. "FLOAT"; "UNKNOWN" if not a tensor. */
  elemType: string;
  /** Fixed sizes; a symbolic or missing dimension is null. */
  dims: (number | null)[];
};

export type ModelMetadata = {
  irVersion: number;
  producerName: string;
  /** domain ("" = ai.onnx) → version */
  opsets: { domain: string; version: number }[];
  inputs: TensorInfo[];
  outputs: TensorInfo[];
  metadata: Record<string, string>;
  /**
   * Tensors whose data the file says lives in another file (ONNX "external data"). onnxruntime
   * would read such a file from the server's disk (relative to its working directory), so a
   * model naming one is refused before any session is created (validate-model-upload.ts).
   */
  externalDataTensors: string[];
};

export class ModelDecodeError extends Error {
  override name = 'ModelDecodeError';
}

/** Throws ModelDecodeError when the bytes are not a ModelProto with a graph. */
export function readModelMetadata(bytes: Uint8Array): ModelMetadata {
  let model: P.ModelProto;
  try {
    model = onnx.ModelProto.decode(bytes);
  } catch (error) {
    throw new ModelDecodeError(`not an ONNX model: ${(error as Error).message}`);
  }
  if (!model.graph) throw new ModelDecodeError('not an ONNX model: no graph');
  // Initializers may also be listed as graph inputs (older exporters); they are not model inputs.
  const initializerNames = new Set((model.graph.initializer ?? []).map((t) => t.name));
  return {
    irVersion: toNumber(model.irVersion),
    producerName: model.producerName ?? '',
    opsets: (model.opsetImport ?? []).map((o) => ({ domain: o.domain ?? '', version: toNumber(o.version) })),
    inputs: (model.graph.input ?? []).filter((v) => !initializerNames.has(v.name ?? '')).map(tensorInfo),
    outputs: (model.graph.output ?? []).map(tensorInfo),
    metadata: Object.fromEntries((model.metadataProps ?? []).map((p) => [p.key ?? '', p.value ?? ''])),
    externalDataTensors: externalDataTensors(model),
  };
}

const EXTERNAL = 1; // TensorProto.DataLocation.EXTERNAL

/**
 * Every tensor stored outside the file: initializers (dense and sparse), tensors in node
 * attributes (Constant and others), in subgraphs (If, Loop, Scan), in model-local functions and
 * in training info. A tensor counts when it says EXTERNAL or carries external_data entries.
 */
export function externalDataTensors(model: P.IModelProto): string[] {
  const found: string[] = [];
  const tensor = (t: P.ITensorProto | null | undefined, where: string) => {
    if (t && (t.dataLocation === EXTERNAL || (t.externalData?.length ?? 0) > 0)) found.push(t.name || where);
  };
  const sparse = (s: P.ISparseTensorProto | null | undefined, where: string) => {
    tensor(s?.values, where);
    tensor(s?.indices, where);
  };
  const nodes = (list: P.INodeProto[] | null | undefined) => {
    for (const node of list ?? []) {
      for (const a of node.attribute ?? []) {
        const where = `${node.name || node.opType || 'node'}.${a.name ?? 'attribute'}`;
        tensor(a.t, where);
        for (const t of a.tensors ?? []) tensor(t, where);
        sparse(a.sparseTensor, where);
        for (const s of a.sparseTensors ?? []) sparse(s, where);
        graph(a.g);
        for (const g of a.graphs ?? []) graph(g);
      }
    }
  };
  const graph = (g: P.IGraphProto | null | undefined) => {
    if (!g) return;
    for (const t of g.initializer ?? []) tensor(t, 'initializer');
    for (const s of g.sparseInitializer ?? []) sparse(s, 'sparse initializer');
    nodes(g.node);
  };
  graph(model.graph);
  for (const f of model.functions ?? []) nodes(f.node);
  for (const info of model.trainingInfo ?? []) {
    graph(info.initialization);
    graph(info.algorithm);
  }
  return found;
}

export type EmbeddedCardResult =
  | { ok: true; card: ModelCard }
  | { ok: false; reason: 'missing' | 'not-json' | 'invalid'; message: string };

/** The model card stored under CARD_METADATA_KEY, validated against modelCardSchema. */
export function readEmbeddedCard(metadata: ModelMetadata): EmbeddedCardResult {
  const raw = metadata.metadata[CARD_METADATA_KEY];
  if (raw === undefined) return { ok: false, reason: 'missing', message: `no "${CARD_METADATA_KEY}" in metadata_props` };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    return { ok: false, reason: 'not-json', message: `"${CARD_METADATA_KEY}" is not JSON: ${(error as Error).message}` };
  }
  const parsed = modelCardSchema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: 'invalid', message: parsed.error.message };
  return { ok: true, card: parsed.data };
}

// A dimension is a number (dim_value) or a name (dim_param, e.g. "batch"). Decoded messages
// inherit a default dim_value of 0, so only a value present in the bytes counts.
function tensorInfo(v: P.IValueInfoProto): TensorInfo {
  const tensor = v.type?.tensorType;
  return {
    name: v.name ?? '',
    elemType: tensor ? (onnx.TensorProto.DataType[tensor.elemType ?? 0] ?? 'UNKNOWN') : 'UNKNOWN',
    dims: (tensor?.shape?.dim ?? []).map((d) => (Object.hasOwn(d, 'dimValue') && d.dimValue != null ? toNumber(d.dimValue) : null)),
  };
}

// int64 fields decode as protobufjs Long objects when the long library is present.
function toNumber(v: number | { toNumber(): number } | null | undefined): number {
  if (v == null) return 0;
  return typeof v === 'number' ? v : v.toNumber();
}
