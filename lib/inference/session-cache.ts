// One onnxruntime InferenceSession per model version, for the life of the process.
// Creating a session parses and optimises the graph (tens of ms); running a tabular
// model on one row takes tens of µs. So a session is created once, from the bytes stored
// with that version (never from a path a request names), shared by every run, and
// released when the version is retired. Concurrent first calls share one creation.
import 'server-only';
import os from 'node:os';
import { InferenceSession } from 'onnxruntime-node';
import { externalDataTensors } from '@/lib/models/onnx/read-model-metadata';
import { onnx } from '@/lib/models/onnx/onnx-proto';

/**
 * Threads inside one run: half the cores, at most 4. A single-row tabular model gains
 * nothing from more, and the web server, the worker and PostgreSQL share the machine
 * (on a 2-core box this is 1: the run stays on the calling thread, nothing spins).
 */
export function intraOpThreads(cores = os.availableParallelism()): number {
  return Math.max(1, Math.min(4, Math.floor(cores / 2)));
}

export function sessionOptions(): InferenceSession.SessionOptions {
  return {
    executionProviders: ['cpu'],
    intraOpNumThreads: intraOpThreads(),
    // Konsil's models are single-path graphs: nothing for parallel branches to do.
    interOpNumThreads: 1,
    graphOptimizationLevel: 'all',
    // Warnings (e.g. an unused initializer) are for the model's author, not the server log.
    logSeverityLevel: 3,
  };
}

/**
 * A session for model bytes (upload validation, or a stored version via getSession). Release it
 * when done. A model whose tensors point to other files ("external data") is refused here too,
 * not only by the upload validation: onnxruntime would read those files from this server's disk.
 */
export async function createSession(bytes: Uint8Array): Promise<InferenceSession> {
  return InferenceSession.create(runtimeBytes(bytes), sessionOptions());
}

/**
 * What onnxruntime is given for a file: the model exactly as Konsil decoded and checked it,
 * encoded again. Protobuf lets a file repeat a field ONNX defines once (a second `graph`, a
 * second tensor in an attribute): onnxruntime's parser merges the copies, protobufjs keeps the
 * last one, so a hidden first copy could carry what the checks never saw (external data). It
 * also drops fields onnx.proto 1.10 does not define, which Konsil's policy does not accept.
 * Throws for external data and for bytes that are not a ModelProto.
 */
export function runtimeBytes(bytes: Uint8Array): Uint8Array {
  const model = onnx.ModelProto.decode(bytes);
  const external = externalDataTensors(model);
  if (external.length > 0) throw new Error(`The model keeps tensors in other files (${external.slice(0, 5).join(', ')}); Konsil runs self-contained models only.`);
  return onnx.ModelProto.encode(model).finish();
}

const globalForSessions = globalThis as unknown as { konsilSessions?: Map<string, Promise<InferenceSession>> };
const sessions: Map<string, Promise<InferenceSession>> = (globalForSessions.konsilSessions ??= new Map());

/**
 * The session of a stored model version. `loadBytes` reads the version's file from the
 * database; it runs only for the first call (a failed creation is forgotten, so the next
 * call tries again).
 */
export function getSession(modelVersionId: string, loadBytes: () => Promise<Uint8Array>): Promise<InferenceSession> {
  let pending = sessions.get(modelVersionId);
  if (!pending) {
    pending = loadBytes().then((bytes) => createSession(bytes));
    sessions.set(modelVersionId, pending);
    pending.catch(() => {
      if (sessions.get(modelVersionId) === pending) sessions.delete(modelVersionId);
    });
  }
  return pending;
}

/** A run that picked the version just before it was retired may still be using its session. */
const RELEASE_GRACE_MS = 30_000;

/**
 * Forgets a version's session (it was retired) and releases it after a grace period.
 * Only this process's cache: another process (the worker) keeps its session until it
 * exits, which is harmless because a retired version is no longer selected to run.
 */
export function evictSession(modelVersionId: string): void {
  const pending = sessions.get(modelVersionId);
  if (!pending) return;
  sessions.delete(modelVersionId);
  setTimeout(() => {
    pending.then((session) => session.release()).catch(() => {
      // A session that failed to create has nothing to release.
    });
  }, RELEASE_GRACE_MS).unref();
}

/** How many sessions this process holds (tests, the bench). */
export function cachedSessionCount(): number {
  return sessions.size;
}
