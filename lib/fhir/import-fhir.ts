// Konsil's FHIR R4 importer: a Bundle (transaction, batch, collection) or a single
// resource in, rows in the clinical tables out. The UI upload, the FHIR endpoint,
// the CLI and the seed all come through importFhirPayload.
//
//  1. plan (plan-import.ts): read the payload, validate every resource against R4,
//     map it to its Konsil row, resolve its patient reference. Nothing is written.
//  2. store (lib/db/fhir-import): per chunk of patients, load existing rows by
//     source key (one query per table), create new rows in bulk, update only rows
//     whose fingerprint changed, audit one event per patient, all in one transaction.
//  3. answer (build-import-result.ts): counts, status, transaction-/batch-response.
//
// transaction: any invalid entry → nothing stored, FAILED, an OperationOutcome
// naming each bad entry. batch/collection/single resource: valid entries are
// stored, the others reported per entry.
import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { findKnownPatients } from '@/lib/db/fhir-import/find-known-patients';
import { storeImportPlan } from '@/lib/db/fhir-import/store-import-plan';
import { buildImportResult } from './build-import-result';
import type { FhirImportResult } from './import-result';
import { planImport } from './plan-import';

export { FhirInputError, isFhirInputError } from './fhir-input-error';
export type { FhirImportCounts, FhirImportResult } from './import-result';
export { parseFhirJson } from './parse-fhir-json';

export interface ImportFhirOptions {
  /** The person importing; null for the CLI and the seed (system imports). */
  actor: Actor | null;
  channel: 'ui' | 'api' | 'cli' | 'seed';
  /** The ImportJob this import runs in; recorded in the audit events. */
  jobId?: string;
  /** Called after planning and after each stored chunk, with entries processed so far. */
  onProgress?: (processed: number, total: number) => void | Promise<void>;
}

/**
 * Imports a parsed FHIR JSON payload. Throws FhirInputError when the payload as a
 * whole is unusable (not a resource, an unsupported Bundle type); everything about
 * single entries is in the result.
 */
export async function importFhirPayload(payload: unknown, options: ImportFhirOptions): Promise<FhirImportResult> {
  // Checked again by lib/db/fhir-import; here so a refused caller is not kept waiting by the plan.
  if (options.actor) assertCan(options.actor, 'imports.run');
  else if (options.channel === 'ui' || options.channel === 'api') {
    // A system import through a door people use would skip the permission check.
    throw new Error(`importFhirPayload: channel "${options.channel}" needs an actor`);
  }

  const plan = await planImport(payload, (query) => findKnownPatients({ actor: options.actor, ...query }));
  const total = plan.entries.length;
  // Failed and skipped entries are done once planned.
  const settled = plan.entries.filter((e) => e.state !== 'ready').length;
  await options.onProgress?.(settled, total);

  const atomic = plan.kind === 'transaction';
  if (atomic && plan.entries.some((e) => e.state === 'failed')) {
    // A transaction with any invalid entry stores nothing.
    return buildImportResult(plan, { refused: [], failed: new Map() });
  }
  const outcome = await storeImportPlan(plan, {
    actor: options.actor,
    jobId: options.jobId,
    atomic,
    onChunk: (done) => options.onProgress?.(settled + done, total),
  });
  return buildImportResult(plan, outcome);
}
