import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { writeAuditEvents } from '@/lib/audit/write-audit-event';
import { notFound } from '@/lib/errors';
import type { CaseFeatureData } from '@/lib/inference/case-feature-data';
import type { InferenceFlag, InferenceStatus, InferenceTrigger, MappedFeature } from '@/lib/schemas/inference';
import { findCaseInScope, type ScopedCase } from '../case-scope-lookup';
import { db, type Tx } from '../client';
import { fetchApplicableVersions, fetchCaseFeatureData, featureNeeds, type ApplicableVersion } from './load-case-feature-data';

// One model run for a case, as one transaction: find the case (in the actor's scope), the
// model versions that apply to its entity, the data their cards read; evaluate each version
// (mapping and onnxruntime, injected by lib/inference/run-models-for-case.ts so Prisma and the
// runtime stay apart); store one immutable result per version and one audit event per result.
// A run of microseconds inside the transaction means the inputs stored are exactly the rows read.

/** What evaluating one version on the case's data gave. */
export interface Evaluation {
  status: InferenceStatus;
  inputs: MappedFeature[];
  inputHash: string;
  outputs: Record<string, number[]> | null;
  contributions: Record<string, number> | null;
  flags: InferenceFlag[];
  /** Mapping + session.run; session creation (once per process) is not counted. */
  durationMs: number | null;
}

export type EvaluateModel = (version: ApplicableVersion, data: CaseFeatureData) => Promise<Evaluation>;

export interface StoredResult {
  resultId: string;
  modelVersionId: string;
  modelKey: string;
  semver: string;
  status: InferenceStatus;
  shadow: boolean;
}

/** Names of the steps `timings` reports, in order (bench/inference.ts prints them). */
export type InferenceRunStep = 'scope' | 'versions' | 'case data' | 'evaluate' | 'insert results' | 'audit';

interface RunOptions {
  caseId: string;
  trigger: InferenceTrigger;
  evaluate: EvaluateModel;
  /** The reference date of the run (ages, newest values); default now. */
  now?: Date;
  /** When given, receives how long each step took (ms). */
  timings?: Partial<Record<InferenceRunStep, number>>;
}

async function step<T>(options: RunOptions, name: InferenceRunStep, fn: () => Promise<T>): Promise<T> {
  if (!options.timings) return fn();
  const started = performance.now();
  const result = await fn();
  options.timings[name] = performance.now() - started;
  return result;
}

/** A clinician's run (ON_DEMAND): the case must be in their scope. */
export async function runCaseInference(options: RunOptions & { actor: Actor }): Promise<StoredResult[]> {
  const { actor } = options;
  assertCan(actor, 'inference.run');
  return db().$transaction(async (tx) => runInTransaction(tx, await step(options, 'scope', () => findCaseInScope(tx, actor, options.caseId)), actor, options), { timeout: 60_000 });
}

/**
 * A run nobody asked for in person: the inference worker when a case is scheduled, the demo
 * seed. Unscoped because no user is acting; the results are audited with no actor and are
 * shown only to users who may see the case.
 */
export async function unsafeRunCaseInferenceAsSystem(options: RunOptions): Promise<StoredResult[]> {
  return db().$transaction(
    async (tx) => {
      const found = await tx.case.findUnique({ where: { id: options.caseId }, select: { id: true, patientId: true, entity: true } });
      if (!found) throw notFound('The case');
      return runInTransaction(tx, found, null, options);
    },
    { timeout: 60_000 },
  );
}

async function runInTransaction(tx: Tx, scoped: ScopedCase, actor: Actor | null, options: RunOptions): Promise<StoredResult[]> {
  const versions = await step(options, 'versions', () => fetchApplicableVersions(tx, scoped.entity));
  if (versions.length === 0) return [];
  const data = await step(options, 'case data', () =>
    fetchCaseFeatureData(tx, {
      caseId: scoped.id,
      patientId: scoped.patientId,
      referenceDate: options.now ?? new Date(),
      needs: featureNeeds(versions.map((v) => v.card)),
    }),
  );
  // One after the other: evaluations are microseconds, and the first use of a version loads
  // its session (once per process).
  const evaluations = await step(options, 'evaluate', async () => {
    const out: Evaluation[] = [];
    for (const version of versions) out.push(await options.evaluate(version, data));
    return out;
  });

  const rows = await step(options, 'insert results', () => tx.inferenceResult.createManyAndReturn({
    data: versions.map((version, i) => {
      const e = evaluations[i]!;
      return {
        modelVersionId: version.id,
        caseId: scoped.id,
        status: e.status,
        trigger: options.trigger,
        shadow: version.status === 'SHADOW',
        inputs: e.inputs,
        inputHash: e.inputHash,
        modelFileSha256: version.fileSha256,
        outputs: e.outputs ?? undefined,
        contributions: e.contributions ?? undefined,
        flags: e.flags,
        durationMs: e.durationMs,
        triggeredById: actor?.id ?? null,
      };
    }),
    select: { id: true, modelVersionId: true, status: true, shadow: true, inputHash: true },
  }));
  const byVersion = new Map(versions.map((v) => [v.id, v]));
  const stored = rows.map((row) => {
    const version = byVersion.get(row.modelVersionId)!;
    return { resultId: row.id, modelVersionId: version.id, modelKey: version.modelKey, semver: version.semver, status: row.status, shadow: row.shadow, inputHash: row.inputHash };
  });
  await step(options, 'audit', () => writeAuditEvents(
    tx,
    stored.map((r) => ({
      actor,
      action: 'inference.run' as const,
      entityType: 'InferenceResult',
      entityId: r.resultId,
      patientId: scoped.patientId,
      outcome: r.status === 'FAILED' ? ('FAILURE' as const) : ('SUCCESS' as const),
      detail: { resultId: r.resultId, modelVersionId: r.modelVersionId, modelKey: r.modelKey, semver: r.semver, status: r.status, trigger: options.trigger, shadow: r.shadow, inputHash: r.inputHash },
    })),
  ));
  return stored.map(({ inputHash: _hash, ...r }) => r);
}
