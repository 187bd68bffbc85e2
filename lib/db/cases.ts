import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { caseScope } from '@/lib/authz/scopes';
import { writeAuditEvents } from '@/lib/audit/write-audit-event';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { CaseListItemDto } from '@/lib/schemas/case';
import { db } from './client';

/**
 * Cases the actor may see, newest activity first. `mine` narrows to cases the
 * actor referred. Every patient shown is audited (one row per patient) in the
 * same transaction as the read.
 */
export async function listCases(options: { actor: Actor; mine?: boolean; take?: number }): Promise<CaseListItemDto[]> {
  const { actor, mine = false, take = 50 } = options;
  assertCan(actor, 'cases.read');
  const where: Prisma.CaseWhereInput = { AND: [caseScope(actor), mine ? { referringUserId: actor.id } : {}] };
  const now = new Date();
  return db().$transaction(async (tx) => {
    const rows = await tx.case.findMany({
      where,
      orderBy: { updatedAt: 'desc' },
      take,
      include: {
        patient: true,
        board: { select: { id: true, name: true } },
        agendaItems: {
          where: { meeting: { startsAt: { gte: now }, status: { not: 'CANCELLED' } } },
          select: { meeting: { select: { startsAt: true } } },
          orderBy: { meeting: { startsAt: 'asc' } },
          take: 1,
        },
      },
    });
    await writeAuditEvents(
      tx,
      rows.map((row) => ({
        actor,
        action: 'case.list' as const,
        entityType: 'Case',
        entityId: row.id,
        patientId: row.patientId,
        detail: { caseIds: [row.id] },
      })),
    );
    return rows.map((row) => ({
      id: row.id,
      patient: {
        id: row.patient.id,
        displayName: `${row.patient.familyName}, ${row.patient.givenName}`,
        mrn: row.patient.mrn,
        birthDate: row.patient.birthDate?.toISOString().slice(0, 10) ?? null,
        sex: row.patient.sex,
        isSynthetic: row.patient.isSynthetic,
      },
      board: row.board,
      question: row.question,
      entity: row.entity,
      icd10Code: row.icd10Code,
      status: row.status,
      urgency: row.urgency,
      nextMeetingAt: row.agendaItems[0]?.meeting.startsAt.toISOString() ?? null,
      updatedAt: row.updatedAt.toISOString(),
    }));
  });
}
