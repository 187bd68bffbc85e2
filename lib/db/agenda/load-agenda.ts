import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { writeAuditEvents } from '@/lib/audit/write-audit-event';
import { notFound } from '@/lib/errors';
import type { AgendaDto } from '@/lib/schemas/agenda';
import { db } from '../client';
import { coordinatedBoardScope } from './manage-scope';

/**
 * A meeting's agenda for its builder, in position order. Only coordinators of the meeting's
 * board (else NOT_FOUND). The patients on it are shown, so each is audited (`case.list`).
 */
export async function loadAgenda(options: { actor: Actor; meetingId: string }): Promise<AgendaDto> {
  const { actor, meetingId } = options;
  assertCan(actor, 'meetings.manage');
  return db().$transaction(async (tx) => {
    const meeting = await tx.meeting.findFirst({
      where: { id: meetingId, board: coordinatedBoardScope(actor) },
      include: {
        board: { select: { name: true, timeZone: true } },
        agendaItems: {
          orderBy: { position: 'asc' },
          include: { case: { select: { id: true, entity: true, question: true, urgency: true, patientId: true, patient: { select: { familyName: true, givenName: true, mrn: true, isSynthetic: true } } } } },
        },
      },
    });
    if (!meeting) throw notFound('The meeting');
    await writeAuditEvents(
      tx,
      meeting.agendaItems.map((item) => ({ actor, action: 'case.list' as const, entityType: 'Case', entityId: item.caseId, patientId: item.case.patientId, detail: { caseIds: [item.caseId] } })),
    );
    return {
      meeting: {
        id: meeting.id,
        boardId: meeting.boardId,
        boardName: meeting.board.name,
        timeZone: meeting.board.timeZone,
        startsAt: meeting.startsAt.toISOString(),
        durationMinutes: meeting.durationMinutes,
        status: meeting.status,
        agendaVersion: meeting.agendaVersion,
        location: meeting.location,
      },
      items: meeting.agendaItems.map((item) => ({
        id: item.id,
        caseId: item.caseId,
        position: item.position,
        minutesAllotted: item.minutesAllotted,
        status: item.status,
        patient: { displayName: `${item.case.patient.familyName}, ${item.case.patient.givenName}`, mrn: item.case.patient.mrn, isSynthetic: item.case.patient.isSynthetic },
        entity: item.case.entity,
        question: item.case.question,
        urgency: item.case.urgency,
      })),
    };
  });
}
