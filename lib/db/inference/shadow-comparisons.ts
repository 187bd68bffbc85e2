import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { writeAuditEvents } from '@/lib/audit/write-audit-event';
import { notFound } from '@/lib/errors';
import { inferenceFlagSchema, type FlagCode, type InferenceStatus, type ShadowComparisonDto } from '@/lib/schemas/inference';
import { z } from 'zod';
import { db } from '../client';

interface ComparisonRow {
  caseId: string;
  patientId: string;
  shadowId: string;
  shadowAt: Date;
  shadowStatus: InferenceStatus;
  shadowOutputs: Record<string, number[]> | null;
  shadowFlags: unknown;
  activeId: string | null;
  activeVersionId: string | null;
  activeSemver: string | null;
  activeAt: Date | null;
  activeStatus: InferenceStatus | null;
  activeOutputs: Record<string, number[]> | null;
  activeFlags: unknown;
}

const flagCodes = (flags: unknown): FlagCode[] => [...new Set(z.array(inferenceFlagSchema).parse(flags ?? []).map((f) => f.code))];

/** Largest |shadow − active| over the outputs both have, when both scored. */
export function maxOutputDifference(shadow: Record<string, number[]> | null, active: Record<string, number[]> | null): number | null {
  if (!shadow || !active) return null;
  let worst: number | null = null;
  for (const [name, values] of Object.entries(shadow)) {
    const other = active[name];
    if (!other || other.length !== values.length) continue;
    for (const [i, v] of values.entries()) worst = Math.max(worst ?? 0, Math.abs(v - other[i]!));
  }
  return worst;
}

/**
 * A shadow version's newest result per case beside the result the model's non-shadow version
 * gave in the same run (or the newest before it), for admins deciding whether to activate.
 * Admins hold no clinical permission: no patient identity and no inputs leave here, only
 * statuses, outputs and flag codes; each patient's results read is audited.
 */
export async function listShadowComparisons(options: { actor: Actor; modelVersionId: string; limit?: number }): Promise<ShadowComparisonDto[]> {
  const { actor, modelVersionId } = options;
  assertCan(actor, 'models.manage');
  const limit = Math.min(Math.max(options.limit ?? 100, 1), 500);
  return db().$transaction(async (tx) => {
    const version = await tx.modelVersion.findUnique({ where: { id: modelVersionId }, select: { id: true, modelKey: true } });
    if (!version) throw notFound('The model version');
    const rows = await tx.$queryRaw<ComparisonRow[]>`
      SELECT s."caseId", c."patientId", s.id AS "shadowId", s."createdAt" AS "shadowAt", s.status::text AS "shadowStatus", s.outputs AS "shadowOutputs", s.flags AS "shadowFlags",
             a.id AS "activeId", a."modelVersionId" AS "activeVersionId", a.semver AS "activeSemver", a."createdAt" AS "activeAt", a.status::text AS "activeStatus",
             a.outputs AS "activeOutputs", a.flags AS "activeFlags"
      FROM (
        SELECT DISTINCT ON (r."caseId") r.* FROM inference_results r
        WHERE r."modelVersionId" = ${version.id} AND r.shadow = true
        ORDER BY r."caseId", r."createdAt" DESC, r.id DESC
      ) s
      JOIN cases c ON c.id = s."caseId"
      LEFT JOIN LATERAL (
        SELECT r.id, r."modelVersionId", mv.semver, r."createdAt", r.status, r.outputs, r.flags
        FROM inference_results r JOIN model_versions mv ON mv.id = r."modelVersionId"
        WHERE r."caseId" = s."caseId" AND r.shadow = false AND mv."modelKey" = ${version.modelKey} AND r."createdAt" <= s."createdAt"
        ORDER BY r."createdAt" DESC, r.id DESC LIMIT 1
      ) a ON true
      ORDER BY s."createdAt" DESC, s.id DESC
      LIMIT ${limit}`;
    const byPatient = new Map<string, string[]>();
    for (const row of rows) byPatient.set(row.patientId, [...(byPatient.get(row.patientId) ?? []), row.caseId]);
    await writeAuditEvents(
      tx,
      [...byPatient].map(([patientId, caseIds]) => ({
        actor,
        action: 'inference.shadow_compare' as const,
        entityType: 'ModelVersion',
        entityId: version.id,
        patientId,
        detail: { modelVersionId: version.id, caseIds },
      })),
    );
    return rows.map((row) => ({
      caseId: row.caseId,
      shadow: { resultId: row.shadowId, createdAt: row.shadowAt.toISOString(), status: row.shadowStatus, outputs: row.shadowOutputs, flagCodes: flagCodes(row.shadowFlags) },
      active:
        row.activeId && row.activeAt && row.activeStatus && row.activeVersionId && row.activeSemver
          ? { resultId: row.activeId, modelVersionId: row.activeVersionId, semver: row.activeSemver, createdAt: row.activeAt.toISOString(), status: row.activeStatus, outputs: row.activeOutputs, flagCodes: flagCodes(row.activeFlags) }
          : null,
      maxAbsDifference: maxOutputDifference(row.shadowOutputs, row.activeOutputs),
    }));
  });
}
