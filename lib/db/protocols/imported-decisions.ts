import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { caseScope } from '@/lib/authz/scopes';
import { writeAuditEvent } from '@/lib/audit/write-audit-event';
import { notFound } from '@/lib/errors';
import { KONSIL_SYSTEM } from '@/lib/fhir/export/fhir-ids';
import { decisionContentSchema } from '@/lib/schemas/decision';
import type { ImportedDecisionDto } from '@/lib/schemas/imported-decision';
import { db } from '../client';

/**
 * The decisions imported (FHIR CarePlans) for the patient of a case in the actor's scope (else
 * NOT_FOUND), newest signature first; the read is audited (`imported_decision.read`) in its
 * transaction. A stored content that no longer parses is shown with what parses (never a crash).
 */
export async function listImportedDecisions(options: { actor: Actor; caseId: string }): Promise<ImportedDecisionDto[]> {
  const { actor, caseId } = options;
  assertCan(actor, 'cases.read');
  return db().$transaction(async (tx) => {
    const kase = await tx.case.findFirst({ where: { AND: [{ id: caseId }, caseScope(actor)] }, select: { id: true, patientId: true } });
    if (!kase) throw notFound('The case');
    const rows = await tx.importedDecision.findMany({
      where: { patientId: kase.patientId },
      orderBy: [{ signedAt: { sort: 'desc', nulls: 'last' } }, { id: 'asc' }],
      take: 20,
      select: { id: true, title: true, content: true, signedBy: true, signedAt: true, sourceSystem: true, sourceId: true },
    });
    if (rows.length > 0) {
      await writeAuditEvent(tx, {
        actor,
        action: 'imported_decision.read',
        entityType: 'Case',
        entityId: kase.id,
        patientId: kase.patientId,
        detail: { caseId: kase.id, importedDecisionIds: rows.map((r) => r.id) },
      });
    }
    const newest = newestKonsilVersions(rows);
    return rows.map((r) => {
      const parsed = decisionContentSchema.safeParse(r.content);
      const version = konsilVersion(r);
      return {
        id: r.id,
        title: r.title,
        // The identifier system is what the sender claims: a label, not proof of origin.
        source: r.sourceSystem === KONSIL_SYSTEM.decision ? 'a Konsil export' : (r.sourceSystem ?? 'unknown source'),
        supersededByVersion: version && newest.get(version.decisionId)! > version.number ? newest.get(version.decisionId)! : null,
        signedBy: r.signedBy,
        signedAt: r.signedAt?.toISOString() ?? null,
        content: parsed.success ? parsed.data : decisionContentSchema.parse({}),
      };
    });
  });
}

/** Konsil exports carry `<decisionId>/v<n>` as the CarePlan identifier: later versions supersede earlier ones. */
function konsilVersion(row: { sourceSystem: string | null; sourceId: string | null }): { decisionId: string; number: number } | null {
  if (row.sourceSystem !== KONSIL_SYSTEM.decision || !row.sourceId) return null;
  const match = /^(.+)\/v(\d+)$/.exec(row.sourceId);
  return match ? { decisionId: match[1]!, number: Number(match[2]) } : null;
}

function newestKonsilVersions(rows: { sourceSystem: string | null; sourceId: string | null }[]): Map<string, number> {
  const newest = new Map<string, number>();
  for (const row of rows) {
    const v = konsilVersion(row);
    if (v && v.number > (newest.get(v.decisionId) ?? 0)) newest.set(v.decisionId, v.number);
  }
  return newest;
}
