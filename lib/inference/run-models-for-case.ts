// Runs every applicable model on a case: ACTIVE and SHADOW versions whose card names the
// case's tumor entity. lib/db/inference/run-case-inference.ts owns the database side (one
// statement reads scope, versions and data; one statement stores an immutable result and its
// audit event per version); this file supplies what happens to each version in between: map
// the case data to the card's features, and score with the version's cached onnxruntime
// session unless a blocking flag stops it.
import 'server-only';
import type { InferenceSession } from 'onnxruntime-node';
import type { Actor } from '@/lib/authz/actor';
import { runCaseInference, unsafeRunCaseInferenceAsSystem, type Evaluation, type InferenceRunStep, type StoredResult } from '@/lib/db/inference/run-case-inference';
import type { ApplicableVersion } from '@/lib/db/inference/load-case-feature-data';
import { unsafeReadModelFile } from '@/lib/db/model-versions';
import type { InferenceTrigger } from '@/lib/schemas/inference';
import type { CaseFeatureData } from './case-feature-data';
import { inputHash } from './input-hash';
import { mapFeatures } from './map-features';
import { scoreVector } from './score';
import { getSession } from './session-cache';

export async function evaluateModel(version: ApplicableVersion, data: CaseFeatureData): Promise<Evaluation> {
  // The session is fetched before the clock starts: its creation happens once per process.
  // A version whose file cannot be loaded (its stored bytes no longer match their sha256, a
  // runtime that refuses it) fails alone: the other versions of the run are still scored.
  let session: InferenceSession | null = null;
  let loadError: unknown = null;
  try {
    session = await getSession(version.id, () => unsafeReadModelFile(version.id));
  } catch (error) {
    loadError = error;
  }
  const started = performance.now();
  const mapping = mapFeatures(version.card.features, data);
  const hash = inputHash(mapping.features);
  const failed = (what: string, error: unknown): Evaluation => {
    // Stored as FAILED with the runtime's message, so admins see it in the version's statistics.
    const message = `The model could not be ${what}: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 500)}`;
    return {
      status: 'FAILED',
      inputs: mapping.features,
      inputHash: hash,
      outputs: null,
      contributions: null,
      flags: [...mapping.flags, { code: 'runtime_error', feature: null, message, blocking: true }],
      durationMs: performance.now() - started,
    };
  };
  if (!session) return failed('loaded', loadError);
  if (!mapping.vector) {
    return { status: 'NOT_SCORED', inputs: mapping.features, inputHash: hash, outputs: null, contributions: null, flags: mapping.flags, durationMs: performance.now() - started };
  }
  try {
    const scored = await scoreVector(session, version.card, mapping.vector);
    return {
      status: mapping.flags.length > 0 ? 'SCORED_WITH_FLAGS' : 'SCORED',
      inputs: mapping.features,
      inputHash: hash,
      outputs: scored.outputs,
      contributions: scored.contributions,
      flags: mapping.flags,
      durationMs: performance.now() - started,
    };
  } catch (error) {
    // A model that passed validation but fails on a real case.
    return failed('run', error);
  }
}

/** A clinician's run from the case screen (ON_DEMAND), scoped to the cases they may see. */
export function runModelsForCase(options: { actor: Actor; caseId: string; trigger?: InferenceTrigger; now?: Date; timings?: Partial<Record<InferenceRunStep, number>> }): Promise<StoredResult[]> {
  return runCaseInference({ actor: options.actor, caseId: options.caseId, trigger: options.trigger ?? 'ON_DEMAND', now: options.now, timings: options.timings, evaluate: evaluateModel });
}

/** The automatic run when a case is prepared for its meeting (inference worker, demo seed): no user acts. */
export function runModelsForCaseAsSystem(options: { caseId: string; now?: Date }): Promise<StoredResult[]> {
  return unsafeRunCaseInferenceAsSystem({ caseId: options.caseId, trigger: 'AUTO_PREPARE', now: options.now, evaluate: evaluateModel });
}
