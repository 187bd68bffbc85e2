// Everything a model version must pass before the registry stores it. Each check adds
// reasons instead of stopping at the first, so an admin sees every problem at once:
//   the card parses (JSON or YAML; zod issues with their paths) and matches the file's sha256 if it names one;
//   the bytes are a self-contained ONNX model (protobuf; no tensor in another file) within Konsil's ONNX policy (IR ≤ 8, ai.onnx opset ≤ 15,
//   ai.onnx.ml ≤ 3, no other domains) that onnxruntime loads;
//   exactly one float input, named as the card says, shaped [1 or dynamic, features];
//   the outputs are exactly the card's, float, shaped [batch, ...card shape];
//   the file carries its card in metadata_props ("konsil.card") and it is the submitted card;
//   the card's entities are Konsil tumor entities;
//   every test vector is reproduced within the card's tolerance.
// No database here: lib/db/model-versions.ts stores the version only when this says ok.
import { createHash } from 'node:crypto';
import yaml from 'js-yaml';
import type { InferenceSession } from 'onnxruntime-node';
import { env as ortEnv } from 'onnxruntime-node';
import { TumorEntity } from '@/lib/generated/prisma/enums';
import { createSession } from '@/lib/inference/session-cache';
import { scoreVector } from '@/lib/inference/score';
import type { ModelRejection } from '@/lib/schemas/inference';
import { CARD_METADATA_KEY, modelCardSchema, type ModelCard } from './model-card';
import { readModelMetadata, type ModelMetadata, type TensorInfo } from './onnx/read-model-metadata';
import { canonicalJson } from '@/lib/fhir/source-hash';

export const MODEL_MAX_BYTES = 20 * 1024 * 1024;

/**
 * Konsil's ONNX policy: what onnx-proto (onnx.proto 1.10: the writer in lib/models/onnx and the
 * decoder here) and the reference checker (Debian's python3-onnx 1.12) describe. onnxruntime loads
 * newer files too, but a file the registry cannot fully read or independently check is refused.
 */
export const ONNX_POLICY = { maxIrVersion: 8, maxOpsets: { '': 15, 'ai.onnx': 15, 'ai.onnx.ml': 3 } as Record<string, number> };

export function checkOnnxPolicy(decoded: Pick<ModelMetadata, 'irVersion' | 'opsets'>): ModelRejection[] {
  const problems: string[] = [];
  if (decoded.irVersion > ONNX_POLICY.maxIrVersion) problems.push(`IR version ${decoded.irVersion}`);
  for (const { domain, version } of decoded.opsets) {
    const max = ONNX_POLICY.maxOpsets[domain];
    if (max === undefined) problems.push(`operator domain "${domain}"`);
    else if (version > max) problems.push(`${domain || 'ai.onnx'} opset ${version}`);
  }
  if (problems.length === 0) return [];
  return [reason('onnx_version', `The model uses ${problems.join(', ')}; Konsil accepts IR ≤ ${ONNX_POLICY.maxIrVersion}, ai.onnx opset ≤ 15 and ai.onnx.ml opset ≤ 3 (what its ONNX reader and the reference checker understand). Export with an older opset.`)];
}

export interface ValidationReport {
  fileSha256: string;
  fileSizeBytes: number;
  irVersion: number;
  opsets: ModelMetadata['opsets'];
  producer: string;
  input: TensorInfo;
  outputs: TensorInfo[];
  /** Largest absolute error per test vector (over all its outputs). */
  testVectorMaxAbsError: number[];
  testVectorTolerance: number;
  runtime: string;
  validatedAt: string;
}

export type ModelUploadValidation =
  | { ok: true; card: ModelCard; entities: TumorEntity[]; report: ValidationReport }
  | { ok: false; fileSha256: string; fileSizeBytes: number; modelKey: string | null; semver: string | null; reasons: ModelRejection[] };

const reason = (code: string, message: string, path: string | null = null): ModelRejection => ({ code, message, path });

const formatPath = (path: readonly PropertyKey[]) =>
  path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');

/**
 * Card text as an admin writes it: JSON (it starts with "{"), or YAML. YAML is read with its core
 * schema, so it gives plain data only (a date such as 2026-11-26 stays the string the card needs).
 */
function parseCardText(text: string): { raw: unknown } | { error: ModelRejection } {
  if (text.trimStart().startsWith('{')) {
    try {
      return { raw: JSON.parse(text) };
    } catch (error) {
      return { error: reason('card_json', `The model card is not valid JSON: ${(error as Error).message}`) };
    }
  }
  let raw: unknown;
  try {
    raw = yaml.load(text, { schema: yaml.CORE_SCHEMA });
  } catch (error) {
    return { error: reason('card_yaml', `The model card is neither JSON nor valid YAML: ${firstLine(error)}`) };
  }
  // js-yaml turns an alias (*name) into a second reference to the anchored value, without a limit:
  // a kilobyte of aliases of aliases becomes millions of values for the checks to walk. A card
  // has no use for them.
  if (hasSharedReference(raw)) return { error: reason('card_yaml', 'The model card uses YAML anchors and aliases (&name, *name); write each value out.') };
  return { raw };
}

/** Whether an object or array occurs twice in the value (what a YAML alias gives). */
function hasSharedReference(value: unknown, seen = new WeakSet<object>()): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (seen.has(value)) return true;
  seen.add(value);
  return Object.values(value).some((child) => hasSharedReference(child, seen));
}

/** The card as JSON or YAML text, or an object, checked against the contract. */
export function parseCard(input: unknown, fileSha256: string): { card: ModelCard | null; reasons: ModelRejection[]; modelKey: string | null; semver: string | null } {
  let raw = input;
  if (typeof input === 'string') {
    const parsed = parseCardText(input);
    if ('error' in parsed) return { card: null, modelKey: null, semver: null, reasons: [parsed.error] };
    raw = parsed.raw;
  }
  const loose = (raw ?? {}) as { modelKey?: unknown; version?: unknown; fileSha256?: unknown };
  const modelKey = typeof loose.modelKey === 'string' ? loose.modelKey : null;
  const semver = typeof loose.version === 'string' ? loose.version : null;
  const parsed = modelCardSchema.safeParse(raw);
  const reasons: ModelRejection[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = formatPath(issue.path);
      reasons.push(reason('card_schema', path ? `Model card, ${path}: ${issue.message}` : `Model card: ${issue.message}`, path || null));
    }
  }
  // card.json beside a shipped model records the file's hash; an upload may carry it too.
  if (loose.fileSha256 !== undefined && loose.fileSha256 !== fileSha256) {
    reasons.push(reason('card_file_sha256', `The card names file sha256 ${String(loose.fileSha256)}, but the uploaded file's sha256 is ${fileSha256}.`, 'fileSha256'));
  }
  return { card: parsed.success ? parsed.data : null, reasons, modelKey, semver };
}

export function checkEntities(card: ModelCard): { entities: TumorEntity[]; reasons: ModelRejection[] } {
  const known = new Set<string>(Object.values(TumorEntity));
  const unknown = card.entities.filter((e) => !known.has(e));
  return {
    entities: card.entities.filter((e): e is TumorEntity => known.has(e)),
    reasons: unknown.length ? [reason('card_entities', `Unknown tumor entities ${unknown.join(', ')} (known: ${[...known].join(', ')}).`, 'entities')] : [],
  };
}

/** A symbolic or missing dimension (read-model-metadata gives null for both). */
const isDynamic = (dim: number | null) => dim === null;
const showShape = (dims: TensorInfo['dims']) => `[${dims.map((d) => (d === null ? '?' : d)).join(', ')}]`;

/** The graph's one input and its outputs against the card. */
export function checkGraph(decoded: ModelMetadata, card: ModelCard): ModelRejection[] {
  const reasons: ModelRejection[] = [];
  const n = card.features.length;
  if (decoded.inputs.length !== 1) {
    reasons.push(reason('input_count', `The model has ${decoded.inputs.length} inputs (${decoded.inputs.map((i) => i.name).join(', ') || 'none'}); Konsil feeds exactly one.`));
  } else {
    const input = decoded.inputs[0]!;
    if (input.name !== card.input.name) reasons.push(reason('input_name', `The model's input is "${input.name}"; the card says "${card.input.name}".`, 'input.name'));
    if (input.elemType !== 'FLOAT') reasons.push(reason('input_type', `The input "${input.name}" is ${input.elemType}, not FLOAT (float32).`));
    const shape = input.dims;
    const ok = shape.length === 2 && (isDynamic(shape[0]!) || shape[0] === 1) && shape[1] === n;
    if (!ok) reasons.push(reason('input_shape', `The input "${input.name}" has shape ${showShape(shape)}; the card's ${n} features need [1 or dynamic, ${n}].`));
  }
  const declared = new Map(card.outputs.map((o) => [o.name, o]));
  const graphOutputs = new Map(decoded.outputs.map((o) => [o.name, o]));
  for (const output of card.outputs) {
    const found = graphOutputs.get(output.name);
    if (!found) {
      reasons.push(reason('output_missing', `The card declares output "${output.name}", which the model does not have (it has ${[...graphOutputs.keys()].join(', ') || 'none'}).`, 'outputs'));
      continue;
    }
    if (found.elemType !== 'FLOAT') reasons.push(reason('output_type', `Output "${output.name}" is ${found.elemType}, not FLOAT (float32).`));
    // The card's shape is the whole shape ([1, 3]) or the shape per case without the batch ([3]).
    const shape = found.dims;
    const matches = (dims: (number | null)[], expected: number[]) => dims.length === expected.length && dims.every((d, i) => isDynamic(d) || d === expected[i]);
    const ok = matches(shape, output.shape) || matches(shape, [1, ...output.shape]);
    if (!ok) reasons.push(reason('output_shape', `Output "${output.name}" has shape ${showShape(shape)}; the card declares [${output.shape.join(', ')}].`));
  }
  for (const name of graphOutputs.keys()) {
    if (!declared.has(name)) reasons.push(reason('output_undeclared', `The model has an output "${name}" that the card does not declare.`, 'outputs'));
  }
  return reasons;
}

/**
 * The file must carry its card (the contract in model-card.ts: the same JSON travels in
 * metadata_props, so the file alone says what it is) and it must be the submitted card
 * (defaults applied on both sides; the card file's `fileSha256` cannot be inside the file it hashes).
 */
export function checkEmbeddedCard(metadata: Record<string, string>, card: ModelCard): ModelRejection[] {
  const embedded = metadata[CARD_METADATA_KEY];
  if (embedded === undefined) return [reason('embedded_card_missing', `The file carries no model card (metadata_props "${CARD_METADATA_KEY}"): write the card into the model when exporting it.`)];
  let raw: unknown;
  try {
    raw = JSON.parse(embedded);
  } catch {
    return [reason('embedded_card', `The file's "${CARD_METADATA_KEY}" metadata is not JSON.`)];
  }
  const parsed = modelCardSchema.safeParse(raw);
  if (!parsed.success) return [reason('embedded_card', `The card inside the file (metadata "${CARD_METADATA_KEY}") is not a valid model card.`)];
  const inFile = parsed.data as Record<string, unknown>;
  const submitted = card as Record<string, unknown>;
  const differing = [...new Set([...Object.keys(inFile), ...Object.keys(submitted)])].filter((k) => canonicalJson(inFile[k]) !== canonicalJson(submitted[k])).sort();
  return differing.length ? [reason('embedded_card', `The card inside the file differs from the submitted card in: ${differing.join(', ')}.`, differing.join(','))] : [];
}

/** Largest absolute difference between expected and actual values; Infinity when the lengths differ. */
export function maxAbsError(expected: readonly number[], actual: readonly number[]): number {
  if (expected.length !== actual.length) return Number.POSITIVE_INFINITY;
  return expected.reduce((worst, e, i) => Math.max(worst, Math.abs(e - actual[i]!)), 0);
}

async function checkTestVectors(session: InferenceSession, card: ModelCard): Promise<{ errors: number[]; reasons: ModelRejection[] }> {
  const errors: number[] = [];
  const reasons: ModelRejection[] = [];
  for (const [index, vector] of card.testVectors.entries()) {
    const path = `testVectors[${index}]`;
    const absent = card.features.filter((f) => typeof vector.inputs[f.name] !== 'number').map((f) => f.name);
    if (absent.length) {
      reasons.push(reason('test_vector', `Test vector ${index + 1} gives no value for ${absent.join(', ')}.`, path));
      errors.push(Number.POSITIVE_INFINITY);
      continue;
    }
    try {
      const scored = await scoreVector(session, card, card.features.map((f) => vector.inputs[f.name]!));
      const actual: Record<string, number[]> = { ...scored.outputs, ...(scored.contributions ? { contributions: card.features.map((f) => scored.contributions![f.name]!) } : {}) };
      let worst = 0;
      for (const [name, expected] of Object.entries(vector.expected)) {
        const got = actual[name];
        if (!got) {
          reasons.push(reason('test_vector', `Test vector ${index + 1} expects output "${name}", which the card does not declare.`, `${path}.expected.${name}`));
          worst = Number.POSITIVE_INFINITY;
          continue;
        }
        const error = maxAbsError(expected, got);
        worst = Math.max(worst, error);
        if (!(error <= card.testVectorTolerance)) {
          reasons.push(
            reason(
              'test_vector',
              `Test vector ${index + 1}, output "${name}": expected [${expected.join(', ')}], the model gives [${got.map((v) => Number(v.toPrecision(7))).join(', ')}] (largest error ${error.toExponential(2)} > tolerance ${card.testVectorTolerance}).`,
              `${path}.expected.${name}`,
            ),
          );
        }
      }
      errors.push(worst);
    } catch (error) {
      reasons.push(reason('test_vector', `Test vector ${index + 1} could not be run: ${(error as Error).message}`, path));
      errors.push(Number.POSITIVE_INFINITY);
    }
  }
  return { errors, reasons };
}

/** Runs every check on an upload; never throws for a bad file or card. */
export async function validateModelUpload(input: { bytes: Uint8Array; card: unknown }): Promise<ModelUploadValidation> {
  const { bytes } = input;
  const fileSha256 = createHash('sha256').update(bytes).digest('hex');
  const fileSizeBytes = bytes.byteLength;
  const parsed = parseCard(input.card, fileSha256);
  const reasons = [...parsed.reasons];
  const fail = (): ModelUploadValidation => ({ ok: false, fileSha256, fileSizeBytes, modelKey: parsed.modelKey, semver: parsed.semver, reasons });

  if (fileSizeBytes === 0) reasons.push(reason('file_empty', 'The model file is empty.'));
  if (fileSizeBytes > MODEL_MAX_BYTES) reasons.push(reason('file_too_large', `The model file is larger than ${MODEL_MAX_BYTES / 1024 / 1024} MB.`));
  if (fileSizeBytes === 0 || fileSizeBytes > MODEL_MAX_BYTES) return fail();

  let decoded: ModelMetadata | null = null;
  try {
    decoded = readModelMetadata(bytes);
  } catch (error) {
    reasons.push(reason('onnx_decode', `The file cannot be read as ONNX: ${(error as Error).message}.`));
  }
  const card = parsed.card;
  let entities: TumorEntity[] = [];
  if (card) {
    const checked = checkEntities(card);
    entities = checked.entities;
    reasons.push(...checked.reasons);
  }
  if (!decoded) return fail();
  // Before anything loads it: onnxruntime would read a tensor's "external data" file from this
  // server's disk, and a test vector's output would show its bytes to the uploader.
  if (decoded.externalDataTensors.length > 0) {
    const names = decoded.externalDataTensors;
    reasons.push(reason('onnx_external_data', `The model keeps ${names.length === 1 ? 'tensor' : 'tensors'} ${names.slice(0, 5).map((n) => `"${n}"`).join(', ')}${names.length > 5 ? ` and ${names.length - 5} more` : ''} in separate files (ONNX external data). Konsil stores one self-contained file: export the model with all its weights inside.`));
    return fail();
  }
  reasons.push(...checkOnnxPolicy(decoded));
  if (card) reasons.push(...checkGraph(decoded, card), ...checkEmbeddedCard(decoded.metadata, card));

  // The runtime decides what it supports (IR version, opsets, operators): load it for real.
  let session: InferenceSession;
  try {
    session = await createSession(bytes);
  } catch (error) {
    reasons.push(reason('onnx_runtime', `onnxruntime ${ortEnv.versions.node ?? ''} cannot load the model (IR ${decoded.irVersion}, opsets ${decoded.opsets.map((o) => `${o.domain || 'ai.onnx'} ${o.version}`).join(', ')}): ${firstLine(error)}`));
    return fail();
  }
  try {
    if (!card || reasons.length > 0) return fail();
    const vectors = await checkTestVectors(session, card);
    reasons.push(...vectors.reasons);
    if (reasons.length > 0) return fail();
    return {
      ok: true,
      card,
      entities,
      report: {
        fileSha256,
        fileSizeBytes,
        irVersion: decoded.irVersion,
        opsets: decoded.opsets,
        producer: decoded.producerName,
        input: decoded.inputs[0]!,
        outputs: decoded.outputs,
        testVectorMaxAbsError: vectors.errors,
        testVectorTolerance: card.testVectorTolerance,
        runtime: `onnxruntime-node ${ortEnv.versions.node ?? 'unknown'}`,
        validatedAt: new Date().toISOString(),
      },
    };
  } finally {
    await session.release();
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 500);
}
