// The answer to an import: counts, status and the FHIR response, from the plan
// (what could not even be tried) and what storing did to each ready entry.
import type { Bundle, BundleEntry, OperationOutcomeIssue } from '@medplum/fhirtypes';
import type { EntryWriteResult, ImportPlan, PlannedEntry } from './import-plan';
import type { FhirImportCounts, FhirImportResult } from './import-result';
import { errorIssue, isError, operationOutcome } from './issues';

type Outcome = keyof FhirImportCounts;

interface EntryAnswer {
  outcome: Outcome;
  status: string;
  issues: OperationOutcomeIssue[];
  patientId?: string;
}

const STATUS: Record<Exclude<Outcome, 'failed'>, string> = {
  created: '201 Created',
  updated: '200 OK',
  unchanged: '200 OK',
  skipped: '200 OK',
};

/**
 * `stored` holds the result of every ready entry that was written; a refused
 * transaction passes `refused` instead (its issues, plus the entries that failed
 * while storing), and every ready entry then counts as not stored.
 */
export function buildImportResult(plan: ImportPlan, outcome: { stored: Map<number, EntryWriteResult> } | { refused: OperationOutcomeIssue[]; failed: Map<number, EntryWriteResult> }): FhirImportResult {
  const refused = 'refused' in outcome;
  const answers = plan.entries.map((entry) => answer(entry, refused ? outcome.failed.get(entry.index) : outcome.stored.get(entry.index), refused));

  const counts = emptyCounts();
  const byResourceType: Record<string, FhirImportCounts> = {};
  const patientIds = new Set<string>();
  answers.forEach((a, i) => {
    if (!a) return; // a ready entry of a refused transaction: not stored, not failed itself
    const type = plan.entries[i]!.resourceType ?? 'unknown';
    counts[a.outcome]++;
    (byResourceType[type] ??= emptyCounts())[a.outcome]++;
    if (a.patientId) patientIds.add(a.patientId);
  });

  const stored = counts.created + counts.updated + counts.unchanged;
  const status: FhirImportResult['status'] =
    refused || (plan.kind === 'transaction' && counts.failed > 0) ? 'FAILED' : counts.failed === 0 ? 'SUCCEEDED' : stored > 0 ? 'PARTIAL' : 'FAILED';

  // A batch is answered entry by entry even when every entry failed (FHIR: a batch
  // answers 200 + batch-response); a transaction, a collection and a single resource
  // that stored nothing are answered with one OperationOutcome.
  if (status === 'FAILED' && plan.kind !== 'batch') {
    const issues = [...(refused ? outcome.refused : []), ...answers.flatMap((a) => a?.issues ?? [])];
    // Errors first: they are why nothing was stored.
    issues.sort((a, b) => Number(isError(b)) - Number(isError(a)));
    return { status, kind: plan.kind, counts, byResourceType, response: operationOutcome(issues), patientIds: [] };
  }

  const response: Bundle = {
    resourceType: 'Bundle',
    type: plan.kind === 'transaction' ? 'transaction-response' : 'batch-response',
    entry: answers.map((a): BundleEntry => ({
      response: { status: a!.status, ...(a!.issues.length > 0 ? { outcome: operationOutcome(a!.issues) } : {}) },
    })),
  };
  return { status, kind: plan.kind, counts, byResourceType, response, patientIds: [...patientIds] };
}

function answer(entry: PlannedEntry, written: EntryWriteResult | undefined, refused: boolean): EntryAnswer | undefined {
  if (entry.state === 'failed') return { outcome: 'failed', status: entry.conflict ? '409 Conflict' : '400 Bad Request', issues: entry.issues };
  if (entry.state === 'skipped') return { outcome: 'skipped', status: STATUS.skipped, issues: entry.issues };
  if (!written && refused) return undefined;
  if (!written) {
    // Every ready entry belongs to a stored group; reaching this is a bug, reported rather than hidden.
    return { outcome: 'failed', status: '500 Internal Server Error', issues: [...entry.issues, errorIssue('The entry was not processed', entry.path, 'exception')] };
  }
  if (written.outcome === 'failed') {
    return { outcome: 'failed', status: written.conflict ? '409 Conflict' : '400 Bad Request', issues: [...entry.issues, written.issue] };
  }
  return { outcome: written.outcome, status: STATUS[written.outcome], issues: entry.issues, patientId: written.patientId };
}

function emptyCounts(): FhirImportCounts {
  return { created: 0, updated: 0, unchanged: 0, failed: 0, skipped: 0 };
}
