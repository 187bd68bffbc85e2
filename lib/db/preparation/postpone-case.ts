import 'server-only';
import type { z } from 'zod';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { coordinatedMeetingScope } from '@/lib/authz/scopes';
import { writeAuditEvent } from '@/lib/audit/write-audit-event';
import { AppError, notFound } from '@/lib/errors';
import { formatDateTime } from '@/lib/format/date';
import type { postponeCaseSchema } from '@/lib/schemas/meeting-preparation';
import { db } from '../client';
import { createNotifications } from '../notifications';

export interface PostponeResult {
  agendaVersion: number;
  emailIds: string[];
}

/**
 * Postpones a case on a meeting's agenda: the item stays on the agenda as POSTPONED with the
 * reason (so the published agenda shows the change), the case becomes POSTPONED, and the
 * agenda's version goes up. Optimistic: the request carries the agendaVersion it saw; any
 * other agenda change since → CONFLICT, nothing written. The referrer is notified.
 */
export async function postponeAgendaItem(options: { actor: Actor; input: z.output<typeof postponeCaseSchema>; email: boolean }): Promise<PostponeResult> {
  const { actor, input, email } = options;
  assertCan(actor, 'meetings.manage');
  return db().$transaction(async (tx) => {
    const meeting = await tx.meeting.findFirst({ where: { AND: [{ id: input.meetingId }, coordinatedMeetingScope(actor)] }, include: { board: { select: { name: true, timeZone: true } } } });
    if (!meeting) throw notFound('The meeting');
    const item = await tx.agendaItem.findFirst({
      where: { id: input.itemId, meetingId: meeting.id },
      include: { case: { select: { id: true, patientId: true, referringUserId: true, patient: { select: { pseudonym: true } } } } },
    });
    if (!item) throw notFound('The agenda item');
    if (meeting.status === 'CANCELLED' || meeting.status === 'CLOSED') throw new AppError('CONFLICT', 'This meeting is over or cancelled; its agenda cannot change.');
    if (item.status === 'POSTPONED') throw new AppError('CONFLICT', 'This case is already postponed.');
    if (item.status === 'DISCUSSED') throw new AppError('CONFLICT', 'This case has been discussed; it cannot be postponed.');
    // During the live meeting the chair decides (discussed / deferred); postponing behind the
    // presenter's back would leave attendees' screens and the case's status disagreeing.
    if (meeting.status === 'LIVE' || item.status === 'IN_DISCUSSION') {
      throw new AppError('CONFLICT', 'The meeting is live: the chair marks this case discussed or deferred in the live view.');
    }
    // The version check and the bump in one statement: a concurrent edit of the agenda makes this match nothing.
    const bumped = await tx.meeting.updateMany({ where: { id: meeting.id, agendaVersion: input.expectedAgendaVersion }, data: { agendaVersion: { increment: 1 } } });
    if (bumped.count === 0) {
      throw new AppError('CONFLICT', 'The agenda was changed by someone else since you opened it. Reload to see the current agenda, then try again.');
    }
    const agendaVersion = input.expectedAgendaVersion + 1;
    await tx.agendaItem.update({ where: { id: item.id }, data: { status: 'POSTPONED', statusReason: input.reason, version: { increment: 1 } } });
    await tx.case.update({ where: { id: item.caseId }, data: { status: 'POSTPONED', statusReason: input.reason, version: { increment: 1 } } });
    const when = formatDateTime(meeting.startsAt, meeting.board.timeZone);
    const rows = await createNotifications(tx, {
      recipientIds: [item.case.referringUserId],
      createdById: actor.id,
      email,
      notification: {
        kind: 'CASE_POSTPONED',
        title: `Case postponed: ${meeting.board.name}, ${when}`,
        body: `Case ${item.case.patient.pseudonym} will not be discussed at ${meeting.board.name} on ${when}.\n\nReason: ${input.reason}`,
        link: `/cases/${item.caseId}`,
        caseId: item.caseId,
        meetingId: meeting.id,
      },
    });
    await writeAuditEvent(tx, {
      actor,
      action: 'meeting.case_postpone',
      entityType: 'AgendaItem',
      entityId: item.id,
      patientId: item.case.patientId,
      detail: { meetingId: meeting.id, agendaItemId: item.id, reason: input.reason, agendaVersion },
    });
    return { agendaVersion, emailIds: email ? rows.map((r) => r.id) : [] };
  });
}
