import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { toAuditRow } from '@/lib/audit/write-audit-event';
import { notFound } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { InferenceFlag, InferenceStatus, InferenceTrigger, MappedFeature } from '@/lib/schemas/inference';
import { PREPARED, type Db, type Tx } from '../client';
import { newRowId } from '../fhir-import/bulk-sql';

// The write of a model run: every result row and its inference.run audit event in ONE
// statement. A statement is a transaction of its own in PostgreSQL, so the rows and their
// audit events commit together or not at all (a failing audit insert stores nothing), and
// an audit event is inserted only for a result row the same statement inserted. (The
// `audited` CTE runs although the final SELECT does not read it: PostgreSQL always runs a
// data-modifying WITH to completion.)

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
  const resultRows = results.map((r, ord) => ({
    ord,
    id: r.resultId,
    modelVersionId: r.modelVersionId,
    status: r.status,
    shadow: r.shadow,
    inputs: r.inputs,
    inputHash: r.inputHash,
    modelFileSha256: r.fileSha256,
    outputs: r.outputs,
    contributions: r.contributions,
    flags: r.flags,
    durationMs: r.durationMs,
  }));
  // Built (and the detail parsed by its schema) as writeAuditEvents would.
  const auditRows = results.map((r, ord) => ({
    ord,
    ...toAuditRow({
      actor,
      action: 'inference.run',
      entityType: 'InferenceResult',
      entityId: r.resultId,
      patientId,
      outcome: r.status === 'FAILED' ? 'FAILURE' : 'SUCCESS',
      detail: { resultId: r.resultId, modelVersionId: r.modelVersionId, modelKey: r.modelKey, semver: r.semver, status: r.status, trigger, shadow: r.shadow, inputHash: r.inputHash },
    }),
  }));

  const [counts] = await client.$queryRaw<{ results: number }[]>`${PREPARED}
    WITH allowed AS (
      SELECT c.id FROM cases c WHERE c.id = ${caseId} AND ${scope}
    ), stored AS (
      INSERT INTO inference_results (id, "modelVersionId", "caseId", status, trigger, shadow, inputs, "inputHash", "modelFileSha256", outputs, contributions, flags, "durationMs", "triggeredById")
      SELECT x.id, x."modelVersionId", allowed.id, x.status::"InferenceStatus", ${trigger}::"InferenceTrigger", x.shadow, x.inputs, x."inputHash",
             x."modelFileSha256", x.outputs, x.contributions, x.flags, x."durationMs", ${actor?.id ?? null}
      FROM jsonb_to_recordset(${JSON.stringify(resultRows)}::jsonb)
             AS x(id text, "modelVersionId" text, status text, shadow boolean, inputs jsonb, "inputHash" text, "modelFileSha256" text,
                  outputs jsonb, contributions jsonb, flags jsonb, "durationMs" double precision, ord int)
      CROSS JOIN allowed
      ORDER BY x.ord
      RETURNING id
    ), audited AS (
      INSERT INTO audit_events ("actorId", "actorEmail", "actorRoles", action, "entityType", "entityId", "patientId", outcome, "ipAddress", "userAgent", detail)
      SELECT a."actorId", a."actorEmail", a."actorRoles"::"Role"[], a.action, a."entityType", a."entityId", a."patientId", a.outcome::"AuditOutcome",
             a."ipAddress", a."userAgent", a.detail
      FROM jsonb_to_recordset(${JSON.stringify(auditRows)}::jsonb)
             AS a("actorId" text, "actorEmail" text, "actorRoles" text[], action text, "entityType" text, "entityId" text, "patientId" text,
                  outcome text, "ipAddress" text, "userAgent" text, detail jsonb, ord int)
      JOIN stored ON stored.id = a."entityId"
      ORDER BY a.ord
      RETURNING 1
    )
    SELECT count(*)::int AS results FROM stored`;
  // All rows or none (the scope is one row for the whole statement), each with its audit event (joined by id).
  if (!counts || counts.results === 0) throw notFound('The case');
  return results.map((r) => ({ resultId: r.resultId, modelVersionId: r.modelVersionId, modelKey: r.modelKey, semver: r.semver, status: r.status, shadow: r.shadow }));
}
