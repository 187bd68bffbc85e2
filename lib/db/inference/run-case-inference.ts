import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { notFound } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import type { CaseFeatureData } from '@/lib/inference/case-feature-data';
import type { InferenceTrigger } from '@/lib/schemas/inference';
import { caseScopeSql } from '../case-scope-lookup';
import { db } from '../client';
import { loadCaseFeatureData, type ApplicableVersion } from './load-case-feature-data';
import { storeInferenceResults, type NewInferenceResult, type StoredResult } from './store-inference-results';

export type { StoredResult } from './store-inference-results';

// One model run on a case, in two SQL statements:
//   1. read (load-case-feature-data.ts): the case if it is in the actor's scope (else
//      NOT_FOUND), the ACTIVE and SHADOW versions for its entity, and the data their cards read;
//   2. evaluate each version (mapping and onnxruntime, injected by
//      lib/inference/run-models-for-case.ts so Prisma and the runtime stay apart);
//   3. write (store-inference-results.ts): one immutable result per version and one
//      inference.run audit event per result, in one statement (one transaction), which checks
//      the scope again and stores nothing if the case left it.
// Why no BEGIN … COMMIT around 1–3: it would cost two round trips and guarantee nothing more.
// At READ COMMITTED the statements of a transaction share no snapshot and the reads take no
// locks, so a transaction would neither freeze the data nor keep the case in scope (the write
// re-checks the scope itself); the one read is already one snapshot. What the audit rule
// protects holds: no result is stored without its audit event, and the run's data reaches
// nobody before that commits (the run returns ids and statuses; the panel is read, and
// audited, by listCaseInference). A run that fails after the read leaves no audit event
// either way, as a rolled-back transaction's audit insert is gone too. The inputs stored are
// the values of the one read.

/**
 * What evaluating one version on the case's data gave: the stored result without the version's
 * identity. `durationMs` is mapping + session.run; session creation (once per process) is not counted.
 */
export type Evaluation = Omit<NewInferenceResult, 'modelVersionId' | 'modelKey' | 'semver' | 'fileSha256' | 'shadow'>;

export type EvaluateModel = (version: ApplicableVersion, data: CaseFeatureData) => Promise<Evaluation>;

/** Names of the steps `timings` reports, in order (bench/inference.ts prints them). */
export type InferenceRunStep = 'read' | 'evaluate' | 'store';

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
  assertCan(options.actor, 'inference.run');
  return run(options, caseScopeSql(options.actor, 'c'), options.actor);
}

/**
 * A run nobody asked for in person: the inference worker when a case is scheduled, the demo
 * seed. Unscoped because no user is acting; the results are audited with no actor and are
 * shown only to users who may see the case.
 */
export async function unsafeRunCaseInferenceAsSystem(options: RunOptions): Promise<StoredResult[]> {
  return run(options, Prisma.sql`true`, null);
}

async function run(options: RunOptions, scope: Prisma.Sql, actor: Actor | null): Promise<StoredResult[]> {
  const loaded = await step(options, 'read', () => loadCaseFeatureData(db(), { caseId: options.caseId, scope, referenceDate: options.now ?? new Date() }));
  if (!loaded) throw notFound('The case');
  const { versions, data } = loaded;
  if (versions.length === 0) return [];
  // One after the other: evaluations are microseconds, and the first use of a version loads
  // its session (once per process).
  const evaluations = await step(options, 'evaluate', async () => {
    const out: Evaluation[] = [];
    for (const version of versions) out.push(await options.evaluate(version, data));
    return out;
  });
  return step(options, 'store', () =>
    storeInferenceResults(db(), {
      caseId: loaded.case.id,
      patientId: loaded.case.patientId,
      scope,
      actor,
      trigger: options.trigger,
      results: versions.map((version, i) => ({
        modelVersionId: version.id,
        modelKey: version.modelKey,
        semver: version.semver,
        fileSha256: version.fileSha256,
        shadow: version.status === 'SHADOW',
        ...evaluations[i]!,
      })),
    }),
  );
}
