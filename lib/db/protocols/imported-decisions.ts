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
      select: { id: true, title: true, content: true, signedBy: true, signedAt: true, sourceSystem: true },
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
    return rows.map((r) => {
      const parsed = decisionContentSchema.safeParse(r.content);
      return {
        id: r.id,
        title: r.title,
        source: r.sourceSystem === KONSIL_SYSTEM.decision ? 'Konsil export' : (r.sourceSystem ?? 'unknown source'),
        signedBy: r.signedBy,
        signedAt: r.signedAt?.toISOString() ?? null,
        content: parsed.success ? parsed.data : decisionContentSchema.parse({}),
      };
    });
  });
}
