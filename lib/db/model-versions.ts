import 'server-only';
import { createHash } from 'node:crypto';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { writeAuditEvent } from '@/lib/audit/write-audit-event';
import { AppError, conflict, notFound } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { evictSession } from '@/lib/inference/session-cache';
import type { ModelTransitionInput, ModelVersionDetailDto, ModelVersionDto, ModelVersionStatus } from '@/lib/schemas/inference';
import { db, type Tx } from './client';

// The model registry: listing with run statistics, and the lifecycle
//   VALIDATED → SHADOW → ACTIVE → RETIRED   (rollback: ACTIVE → RETIRED, the version it replaced → ACTIVE)
// Registration (upload validation, shipped models) is in model-registration.ts. Every
// transition checks the row version the admin saw, is serialised per model by an advisory
// lock, and is audited with its reason in the same transaction; the partial unique index
// "model_versions_one_active_per_model" is the last line against two ACTIVE versions.

interface VersionRow {
  id: string;
  modelKey: string;
  semver: string;
  name: string;
  status: ModelVersionStatus;
  statusReason: string | null;
  entities: string[];
  fileSha256: string;
  fileSizeBytes: number;
  createdAt: Date;
  validatedAt: Date | null;
  shadowSince: Date | null;
  activatedAt: Date | null;
  retiredAt: Date | null;
  replacesVersionId: string | null;
  version: number;
  uploaderId: string | null;
  uploaderName: string | null;
  runs: number;
  p50: number | null;
  p95: number | null;
  notScored: number;
  flagged: number;
  failed: number;
  lastRunAt: Date | null;
  decisionsTotal: number;
  decisionsConsidered: number;
  decisionsDisagree: number;
}

/** Versions with their run statistics (latency of scored runs; shares of all runs), one statement. */
async function fetchVersionRows(tx: Tx | ReturnType<typeof db>, versionId: string | null): Promise<VersionRow[]> {
  return tx.$queryRaw<VersionRow[]>`
    SELECT mv.id, mv."modelKey", mv.semver, mv.name, mv.status::text AS status, mv."statusReason", mv.entities::text[] AS entities,
           mv."fileSha256", mv."fileSizeBytes", mv."createdAt", mv."validatedAt", mv."shadowSince", mv."activatedAt", mv."retiredAt",
           mv."replacesVersionId", mv.version, u.id AS "uploaderId", u.name AS "uploaderName",
           s.runs, s.p50, s.p95, s."notScored", s.flagged, s.failed, s."lastRunAt",
           a.total AS "decisionsTotal", a.considered AS "decisionsConsidered", a.disagree AS "decisionsDisagree"
    FROM model_versions mv
    LEFT JOIN users u ON u.id = mv."uploadedById"
    LEFT JOIN LATERAL (
      SELECT count(*)::int AS runs,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY r."durationMs") FILTER (WHERE r.status IN ('SCORED', 'SCORED_WITH_FLAGS')) AS p50,
             percentile_cont(0.95) WITHIN GROUP (ORDER BY r."durationMs") FILTER (WHERE r.status IN ('SCORED', 'SCORED_WITH_FLAGS')) AS p95,
             count(*) FILTER (WHERE r.status = 'NOT_SCORED')::int AS "notScored",
             count(*) FILTER (WHERE r.status = 'SCORED_WITH_FLAGS')::int AS flagged,
             count(*) FILTER (WHERE r.status = 'FAILED')::int AS failed,
             max(r."createdAt") AS "lastRunAt"
      FROM inference_results r WHERE r."modelVersionId" = mv.id
    ) s ON true
    LEFT JOIN LATERAL (
      -- Only the newest signed version of each decision counts: an amendment replaces what was considered.
      SELECT count(*)::int AS total,
             count(*) FILTER (WHERE cr.mark = 'CONSIDERED')::int AS considered,
             count(*) FILTER (WHERE cr.mark = 'DISAGREE')::int AS disagree
      FROM decision_considered_results cr
      JOIN inference_results r ON r.id = cr."inferenceResultId"
      JOIN decision_versions v ON v.id = cr."decisionVersionId"
      WHERE r."modelVersionId" = mv.id
        AND v.number = (SELECT max(v2.number) FROM decision_versions v2 WHERE v2."decisionId" = v."decisionId")
    ) a ON true
    WHERE ${versionId}::text IS NULL OR mv.id = ${versionId}
    ORDER BY mv."modelKey", mv."createdAt" DESC, mv.id`;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;
const share = (count: number, runs: number) => (runs > 0 ? count / runs : null);

function toDto(row: VersionRow): ModelVersionDto {
  return {
    id: row.id,
    modelKey: row.modelKey,
    semver: row.semver,
    name: row.name,
    status: row.status,
    statusReason: row.statusReason,
    entities: row.entities,
    fileSha256: row.fileSha256,
    fileSizeBytes: row.fileSizeBytes,
    uploadedBy: row.uploaderId ? { id: row.uploaderId, name: row.uploaderName ?? '' } : null,
    createdAt: row.createdAt.toISOString(),
    validatedAt: iso(row.validatedAt),
    shadowSince: iso(row.shadowSince),
    activatedAt: iso(row.activatedAt),
    retiredAt: iso(row.retiredAt),
    replacesVersionId: row.replacesVersionId,
    version: row.version,
    stats: {
      runs: row.runs,
      latencyP50Ms: row.p50,
      latencyP95Ms: row.p95,
      notScoredShare: share(row.notScored, row.runs),
      flaggedShare: share(row.flagged, row.runs),
      failedShare: share(row.failed, row.runs),
      lastRunAt: iso(row.lastRunAt),
      consideredInDecisions: row.decisionsTotal,
      markedConsideredShare: share(row.decisionsConsidered, row.decisionsTotal),
      markedDisagreeShare: share(row.decisionsDisagree, row.decisionsTotal),
    },
  };
}

/** The model registry as admins see it, newest version of each model first, with run statistics. */
export async function listModelVersions(options: { actor: Actor }): Promise<ModelVersionDto[]> {
  assertCan(options.actor, 'models.read');
  return (await fetchVersionRows(db(), null)).map(toDto);
}

/** One version with its card and validation report. */
export async function getModelVersion(options: { actor: Actor; versionId: string }): Promise<ModelVersionDetailDto> {
  assertCan(options.actor, 'models.read');
  const [row] = await fetchVersionRows(db(), options.versionId);
  if (!row) throw notFound('The model version');
  const extra = await db().modelVersion.findUniqueOrThrow({ where: { id: row.id }, select: { card: true, validationReport: true } });
  return { ...toDto(row), card: extra.card, validationReport: extra.validationReport };
}

/**
 * The stored .onnx bytes of a version, for the runtime's session cache. Unscoped because no
 * person reads the file: the server loads what it runs. The sha256 is checked against the row
 * so a damaged file never runs under its version's name.
 */
export async function unsafeReadModelFile(versionId: string): Promise<Uint8Array> {
  const row = await db().modelVersion.findUnique({ where: { id: versionId }, select: { fileBytes: true, fileSha256: true } });
  if (!row) throw new Error(`model version ${versionId} does not exist`);
  const sha256 = createHash('sha256').update(row.fileBytes).digest('hex');
  if (sha256 !== row.fileSha256) throw new Error(`model version ${versionId}: stored file sha256 ${sha256} does not match the registry's ${row.fileSha256}`);
  return row.fileBytes;
}

// ── lifecycle ────────────────────────────────────────────────────────────────────────

type Transition = 'shadow' | 'activate' | 'retire';
const allowedFrom: Record<Transition, ModelVersionStatus[]> = {
  shadow: ['VALIDATED', 'RETIRED'],
  activate: ['VALIDATED', 'SHADOW', 'RETIRED'],
  retire: ['VALIDATED', 'SHADOW', 'ACTIVE'],
};
const verb: Record<Transition, string> = { shadow: 'put in shadow mode', activate: 'activated', retire: 'retired' };

const lockedRow = { id: true, modelKey: true, semver: true, status: true, version: true, replacesVersionId: true } as const;
type LockedRow = Prisma.ModelVersionGetPayload<{ select: typeof lockedRow }>;

/** Loads the version, serialises every change to its model, and checks the version the admin saw. */
async function lockVersion(tx: Tx, versionId: string, expectedVersion: number): Promise<LockedRow> {
  const first = await tx.modelVersion.findUnique({ where: { id: versionId }, select: { modelKey: true } });
  if (!first) throw notFound('The model version');
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`konsil.model-registry:${first.modelKey}`}))`;
  const row = await tx.modelVersion.findUniqueOrThrow({ where: { id: versionId }, select: lockedRow });
  if (row.version !== expectedVersion) throw conflict('This model version');
  return row;
}

async function updateAtVersion(tx: Tx, row: Pick<LockedRow, 'id' | 'version'>, data: Prisma.ModelVersionUncheckedUpdateManyInput): Promise<void> {
  const { count } = await tx.modelVersion.updateMany({ where: { id: row.id, version: row.version }, data: { ...data, version: { increment: 1 } } });
  if (count === 0) throw conflict('This model version');
}

function auditTransition(tx: Tx, actor: Actor | null, row: Pick<LockedRow, 'id' | 'modelKey' | 'semver' | 'status'>, change: { transition: 'shadow' | 'activate' | 'rollback' | 'retire' | 'replaced'; to: ModelVersionStatus; reason: string; otherVersionId?: string }) {
  return writeAuditEvent(tx, {
    actor,
    action: 'model.status_change',
    entityType: 'ModelVersion',
    entityId: row.id,
    detail: { modelKey: row.modelKey, semver: row.semver, transition: change.transition, from: row.status, to: change.to, reason: change.reason.slice(0, 500), otherVersionId: change.otherVersionId },
  });
}

function refuse(row: LockedRow, transition: Transition): never {
  throw new AppError('CONFLICT', `Version ${row.semver} of ${row.modelKey} is ${row.status.toLowerCase()} and cannot be ${verb[transition]}. Reload to see its current state.`);
}

async function afterChange(versionId: string, retired: string[]): Promise<ModelVersionDto> {
  for (const id of retired) evictSession(id);
  const [row] = await fetchVersionRows(db(), versionId);
  return toDto(row!);
}

/** Runs the version on cases beside the active one; its results are never shown to clinicians. */
export async function setModelVersionShadow(options: { actor: Actor } & ModelTransitionInput): Promise<ModelVersionDto> {
  const { actor, versionId, expectedVersion, reason } = options;
  assertCan(actor, 'models.manage');
  await db().$transaction(async (tx) => {
    const row = await lockVersion(tx, versionId, expectedVersion);
    if (!allowedFrom.shadow.includes(row.status)) refuse(row, 'shadow');
    await updateAtVersion(tx, row, { status: 'SHADOW', shadowSince: new Date(), statusReason: reason });
    await auditTransition(tx, actor, row, { transition: 'shadow', to: 'SHADOW', reason });
  });
  return afterChange(versionId, []);
}

/**
 * Makes the version the one that runs and is shown. The model's previous ACTIVE version is
 * retired in the same transaction and remembered as `replacesVersionId` (what a rollback returns to).
 */
export async function activateModelVersion(options: { actor: Actor } & ModelTransitionInput): Promise<ModelVersionDto> {
  const { actor, versionId, expectedVersion, reason } = options;
  assertCan(actor, 'models.manage');
  const retired = await db().$transaction((tx) => activateInTransaction(tx, actor, versionId, expectedVersion, reason));
  return afterChange(versionId, retired);
}

/** Also used by registerShippedModels (actor null) so a shipped model is activated the same way. */
export async function activateInTransaction(tx: Tx, actor: Actor | null, versionId: string, expectedVersion: number, reason: string): Promise<string[]> {
  const row = await lockVersion(tx, versionId, expectedVersion);
  if (!allowedFrom.activate.includes(row.status)) refuse(row, 'activate');
  const previous = await tx.modelVersion.findFirst({ where: { modelKey: row.modelKey, status: 'ACTIVE', id: { not: row.id } }, select: lockedRow });
  const now = new Date();
  if (previous) {
    // Retired first: the partial unique index allows one ACTIVE row per model at any moment.
    await updateAtVersion(tx, previous, { status: 'RETIRED', retiredAt: now, statusReason: `Replaced by ${row.semver}: ${reason}` });
    await auditTransition(tx, actor, previous, { transition: 'replaced', to: 'RETIRED', reason, otherVersionId: row.id });
  }
  await updateAtVersion(tx, row, { status: 'ACTIVE', activatedAt: now, retiredAt: null, statusReason: reason, replacesVersionId: previous?.id ?? null });
  await auditTransition(tx, actor, row, { transition: 'activate', to: 'ACTIVE', reason, otherVersionId: previous?.id });
  return previous ? [previous.id] : [];
}

/**
 * Takes the ACTIVE version out of service and activates again the version it replaced. The
 * rolled-back version becomes RETIRED (not VALIDATED): it was found wanting, the reason stays on
 * the row, and trying it again is a deliberate activation (or shadow run) by an admin.
 */
export async function rollbackModelVersion(options: { actor: Actor } & ModelTransitionInput): Promise<ModelVersionDto> {
  const { actor, versionId, expectedVersion, reason } = options;
  assertCan(actor, 'models.manage');
  const restoredId = await db().$transaction(async (tx) => {
    const row = await lockVersion(tx, versionId, expectedVersion);
    if (row.status !== 'ACTIVE') throw new AppError('CONFLICT', `Only the active version can be rolled back; version ${row.semver} is ${row.status.toLowerCase()}.`);
    if (!row.replacesVersionId) throw new AppError('CONFLICT', `Version ${row.semver} did not replace another version of ${row.modelKey}: there is nothing to roll back to. Retire it instead.`);
    const target = await tx.modelVersion.findUniqueOrThrow({ where: { id: row.replacesVersionId }, select: lockedRow });
    const now = new Date();
    await updateAtVersion(tx, row, { status: 'RETIRED', retiredAt: now, statusReason: `Rolled back to ${target.semver}: ${reason}` });
    await auditTransition(tx, actor, row, { transition: 'rollback', to: 'RETIRED', reason, otherVersionId: target.id });
    await updateAtVersion(tx, target, { status: 'ACTIVE', activatedAt: now, retiredAt: null, statusReason: `Restored by rolling back ${row.semver}: ${reason}` });
    await auditTransition(tx, actor, target, { transition: 'rollback', to: 'ACTIVE', reason, otherVersionId: row.id });
    return target.id;
  });
  await afterChange(versionId, [versionId]);
  return afterChange(restoredId, []);
}

/** Takes a version out of service (an ACTIVE one leaves its model with no active version). */
export async function retireModelVersion(options: { actor: Actor } & ModelTransitionInput): Promise<ModelVersionDto> {
  const { actor, versionId, expectedVersion, reason } = options;
  assertCan(actor, 'models.manage');
  await db().$transaction(async (tx) => {
    const row = await lockVersion(tx, versionId, expectedVersion);
    if (!allowedFrom.retire.includes(row.status)) refuse(row, 'retire');
    await updateAtVersion(tx, row, { status: 'RETIRED', retiredAt: new Date(), statusReason: reason });
    await auditTransition(tx, actor, row, { transition: 'retire', to: 'RETIRED', reason });
  });
  return afterChange(versionId, [versionId]);
}
