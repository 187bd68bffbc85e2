import 'server-only';
import type { CodedValueDto } from '@/lib/schemas/case-screen';
import type { Tx } from '../client';
import { newestFactPerKind, summarizeStaging } from '../case-screen/staging-summary';

/**
 * The patient's current TNM, stage group and ECOG, derived exactly as the case screen's
 * header does (staging-summary.ts): the newest structured observation or clinician-confirmed
 * report fact (confirmed on any of the patient's cases), each with its source.
 */
export async function loadPatientStaging(tx: Tx, patientId: string): Promise<{ tnm: CodedValueDto | null; stageGroup: CodedValueDto | null; ecog: CodedValueDto | null }> {
  const observations = await tx.observation.findMany({
    where: { patientId, category: { in: ['STAGING', 'PERFORMANCE_STATUS'] } },
    select: { loincCode: true, code: true, valueCode: true, valueText: true, valueNumeric: true, effectiveAt: true },
  });
  const facts = await tx.$queryRaw<{ kind: string; value: string; reportId: string; reportTitle: string; reportIssuedAt: Date; confirmedBy: string }[]>`
    SELECT r.kind, r.value, r."reportId", rep.title AS "reportTitle", rep."issuedAt" AS "reportIssuedAt", u.name AS "confirmedBy"
    FROM report_fact_reviews r JOIN cases c ON c.id = r."caseId" JOIN reports rep ON rep.id = r."reportId" JOIN users u ON u.id = r."reviewedById"
    WHERE c."patientId" = ${patientId} AND r.status = 'CONFIRMED' AND r.kind IN ('TNM', 'STAGE_GROUP', 'ECOG')`;
  return summarizeStaging(observations, newestFactPerKind(facts));
}

/** "ECOG 1" / "1" → "1"; null when the value names no grade 0–4. */
export function ecogGrade(value: string | undefined | null): string | null {
  const match = value?.match(/\b([0-4])\b/);
  return match ? match[1]! : null;
}
