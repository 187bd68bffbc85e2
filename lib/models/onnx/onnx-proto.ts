// The ONNX protobuf classes (onnx-proto: protobufjs code generated from onnx.proto v1.10.2, IR 8).
// onnx-proto is CommonJS whose exports Node's ESM loader cannot detect statically, so under
// tsx/vitest the namespace import only has `default`, while bundlers (Next) expose `onnx`
// directly. Take whichever exists so every caller imports one thing from here.
import * as onnxProtoModule from 'onnx-proto';

type OnnxProtoModule = typeof onnxProtoModule;
const resolved = (onnxProtoModule as OnnxProtoModule & { default?: OnnxProtoModule }).default ?? onnxProtoModule;

/** Runtime classes; for the interfaces write `import type { onnx as P } from 'onnx-proto'`. */
export const onnx = resolved.onnx;
