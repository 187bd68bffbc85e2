import 'server-only';
// What the live page renders around the case screen: the meeting, its agenda with each case's
// patient and question (a list of patients: one `case.list` audit row per patient, as the case
// list does), the required specialties, and whether the actor leads the board (may start, end
// and drive). Statuses and times come from the live state, which the page streams.
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { can } from '@/lib/authz/permissions';
import { meetingScope } from '@/lib/authz/scopes';
import { writeAuditEvents } from '@/lib/audit/write-audit-event';
import { notFound } from '@/lib/errors';
import type { LiveState } from '@/lib/live/live-state';
import { db } from '../client';
import { unsafeReadLiveState } from './read-live-state';

export interface LiveAgendaEntry {
  itemId: string;
  caseId: string;
  position: number;
  patientName: string;
  question: string;
  presenterName: string | null;
  statusReason: string | null;
}

export interface LiveMeetingDto {
  meetingId: string;
  boardName: string;
  startsAt: string;
  durationMinutes: number;
  agenda: LiveAgendaEntry[];
  /** Chair or coordinator of the board (with `meetings.present`): may start, drive and end. */
  leadsBoard: boolean;
  state: LiveState;
}

export async function loadLiveMeeting(options: { actor: Actor; meetingId: string }): Promise<LiveMeetingDto> {
  const { actor, meetingId } = options;
  assertCan(actor, 'meetings.attend');
  return db().$transaction(async (tx) => {
    const meeting = await tx.meeting.findFirst({
      where: { AND: [{ id: meetingId }, meetingScope(actor)] },
      select: {
        id: true,
        startsAt: true,
        durationMinutes: true,
        board: { select: { name: true, members: { where: { userId: actor.id }, select: { role: true } } } },
        agendaItems: {
          orderBy: { position: 'asc' },
          select: {
            id: true,
            caseId: true,
            position: true,
            statusReason: true,
            presenter: { select: { name: true } },
            case: { select: { question: true, patientId: true, patient: { select: { familyName: true, givenName: true } } } },
          },
        },
      },
    });
    if (!meeting) throw notFound('The meeting');
    const state = (await unsafeReadLiveState(meetingId, tx))!;
    const byPatient = new Map<string, string[]>();
    for (const item of meeting.agendaItems) byPatient.set(item.case.patientId, [...(byPatient.get(item.case.patientId) ?? []), item.caseId]);
    await writeAuditEvents(
      tx,
      [...byPatient].map(([patientId, caseIds]) => ({ actor, action: 'case.list' as const, entityType: 'Case', entityId: caseIds[0], patientId, detail: { caseIds } })),
    );
    const role = meeting.board.members[0]?.role;
    return {
      meetingId: meeting.id,
      boardName: meeting.board.name,
      startsAt: meeting.startsAt.toISOString(),
      durationMinutes: meeting.durationMinutes,
      agenda: meeting.agendaItems.map((i) => ({
        itemId: i.id,
        caseId: i.caseId,
        position: i.position,
        patientName: `${i.case.patient.familyName}, ${i.case.patient.givenName}`,
        question: i.case.question,
        presenterName: i.presenter?.name ?? null,
        statusReason: i.statusReason,
      })),
      leadsBoard: can(actor, 'meetings.present') && (role === 'CHAIR' || role === 'COORDINATOR'),
      state,
    };
  });
}
