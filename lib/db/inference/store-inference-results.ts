import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { toAuditRow } from '@/lib/audit/write-audit-event';
import { notFound } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import type { InferenceFlag, InferenceStatus, InferenceTrigger, MappedFeature } from '@/lib/schemas/inference';
import { PREPARED, type Db, type Tx } from '../client';
import { newRowId } from '../row-id';

// The write of a model run: every result row and its inference.run audit event in ONE
// statement. A statement is a transaction of its own in PostgreSQL, so the rows and their
// audit events commit together or not at all (a failing audit insert stores nothing), and
// an audit event is inserted only for a result row the same statement inserted.

/** One version's result, as evaluated. */
export interface NewInferenceResult {
  modelVersionId: string;
  modelKey: string;
  semver: string;
  fileSha256: string;
  shadow: boolean;
  status: InferenceStatus;
  inputs: MappedFeature[];
  inputHash: string;
  outputs: Record<string, number[]> | null;
  contributions: Record<string, number> | null;
  flags: InferenceFlag[];
  durationMs: number | null;
}

export interface StoredResult {
  resultId: string;
  modelVersionId: string;
  modelKey: string;
  semver: string;
  status: InferenceStatus;
  shadow: boolean;
}

/**
 * Stores the results of one run on a case, with one audit event each, if the case is (still)
 * admitted by `scope` (a predicate on `cases c`, caseScopeSql) when the statement runs;
 * otherwise nothing is stored and the case is NOT_FOUND. Results are immutable (a trigger
 * refuses UPDATE and DELETE): a new run is new rows.
 */
export async function storeInferenceResults(
  client: Db | Tx,
  options: { caseId: string; patientId: string; scope: Prisma.Sql; actor: Actor | null; trigger: InferenceTrigger; results: NewInferenceResult[] },
): Promise<StoredResult[]> {
  const { caseId, patientId, scope, actor, trigger } = options;
  if (options.results.length === 0) return [];
  const results = options.results.map((r) => ({ ...r, resultId: newRowId() }));
  // Each result's audit event, built (and its detail parsed by its schema) as writeAuditEvents
  // would. Actor, action, entity type and patient are the same for every result of the run.
  const audit = results.map((r) =>
    toAuditRow({
      actor,
      action: 'inference.run',
      entityType: 'InferenceResult',
      entityId: r.resultId,
      patientId,
      outcome: r.status === 'FAILED' ? 'FAILURE' : 'SUCCESS',
      detail: { resultId: r.resultId, modelVersionId: r.modelVersionId, modelKey: r.modelKey, semver: r.semver, status: r.status, trigger, shadow: r.shadow, inputHash: r.inputHash },
    }),
  );
  const common = audit[0]!;
  const json = (value: unknown) => (value === null ? null : JSON.stringify(value));
  // One INSERT per result, each a CTE fed by the scope check (a row only if the case is still in
  // scope), every value its own parameter (the JSON columns are parsed once, as jsonb). The audit
  // events are selected from what those INSERTs returned, one per stored row, in result order
  // (UNION ALL runs its branches in order). A run with n versions is its own prepared statement
  // text; n is the number of applicable versions, one or two in practice. (Before: one VALUES list
  // for all results and one for the audit rows, joined by id: ~10–20 µs more per run, bench:inference.)
  const inserts = results.map(
    (r, i) => Prisma.sql`${Prisma.raw(`r${i}`)} AS (
      INSERT INTO inference_results (id, "modelVersionId", "caseId", status, trigger, shadow, inputs, "inputHash", "modelFileSha256", outputs, contributions, flags, "durationMs", "triggeredById")
      SELECT ${r.resultId}, ${r.modelVersionId}, allowed.id, ${r.status}::"InferenceStatus", ${trigger}::"InferenceTrigger", ${r.shadow}::boolean, ${JSON.stringify(r.inputs)}::jsonb,
             ${r.inputHash}, ${r.fileSha256}, ${json(r.outputs)}::jsonb, ${json(r.contributions)}::jsonb, ${JSON.stringify(r.flags)}::jsonb, ${r.durationMs}::double precision, ${actor?.id ?? null}
      FROM allowed
      RETURNING id
    )`,
  );
  const events = audit.map(
    (a, i) => Prisma.sql`SELECT ${Prisma.raw(`r${i}`)}.id, ${a.outcome}::"AuditOutcome" AS outcome, ${JSON.stringify(a.detail)}::jsonb AS detail FROM ${Prisma.raw(`r${i}`)}`,
  );

  // The statement's own count is the audit events it inserted, one per stored result, so
  // $executeRaw answers "stored or not" without a row to return (cheaper than $queryRaw).
  // Action and entity type are the constants given to toAuditRow above, written into the SQL.
  const audited = await client.$executeRaw`${PREPARED}
    WITH allowed AS (
      SELECT c.id FROM cases c WHERE c.id = ${caseId} AND ${scope}
    ), ${Prisma.join(inserts, ', ')}
    INSERT INTO audit_events ("actorId", "actorEmail", "actorRoles", action, "entityType", "entityId", "patientId", outcome, "ipAddress", "userAgent", detail)
    SELECT ${common.actorId}, ${common.actorEmail}, ${common.actorRoles}::"Role"[], 'inference.run', 'InferenceResult', e.id, ${common.patientId},
           e.outcome, ${common.ipAddress}, ${common.userAgent}, e.detail
    FROM (${Prisma.join(events, ' UNION ALL ')}) AS e`;
  // All rows or none (the scope is one row for the whole statement), each with its audit event.
  if (audited === 0) throw notFound('The case');
  if (audited !== results.length) throw new Error(`storeInferenceResults: ${audited} audit events for ${results.length} results`);
  return results.map((r) => ({ resultId: r.resultId, modelVersionId: r.modelVersionId, modelKey: r.modelKey, semver: r.semver, status: r.status, shadow: r.shadow }));
}
