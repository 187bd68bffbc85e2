import 'server-only';
import { DateTime } from 'luxon';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { managedMeetingScope } from '@/lib/authz/scopes';
import { writeAuditEvent, writeAuditEvents } from '@/lib/audit/write-audit-event';
import { AppError, conflict, notFound } from '@/lib/errors';
import { db, type Tx } from '../client';
import { createNotifications } from '../notifications';
import { reschedulableStatuses } from './move-meeting';
import { createNextScheduledMeeting } from './schedule-slots';

/** Case statuses that still expect the target meeting to take place. */
const pendingStatuses = ['REFERRED', 'NEEDS_INFORMATION', 'ACCEPTED', 'SCHEDULED', 'POSTPONED'] as const;

export interface CancelMeetingResult {
  id: string;
  boardId: string;
  movedToMeetingId: string;
  movedToStartsAt: string;
  movedItemIds: string[];
  retargetedCaseIds: string[];
}

/**
 * Cancels a meeting and carries its work to the board's next meeting, all in one transaction:
 * the meeting becomes CANCELLED with the reason; its agenda items not yet discussed are appended
 * to the next non-cancelled future meeting (generated from the recurrence if there is none);
 * both agendas' versions are bumped; every case that was on the agenda or referred to the meeting
 * now targets the next one; each referrer gets an in-app notification; every step is audited.
 * `expectedVersion` is the meeting version the coordinator saw: a newer one changes nothing.
 */
export async function cancelMeeting(options: { actor: Actor; meetingId: string; reason: string; expectedVersion: number; now?: Date }): Promise<CancelMeetingResult> {
  const { actor, meetingId, reason, expectedVersion, now = new Date() } = options;
  assertCan(actor, 'meetings.manage');
  return db().$transaction(async (tx) => {
    const meeting = await tx.meeting.findFirst({
      where: { AND: [{ id: meetingId }, managedMeetingScope(actor)] },
      select: {
        id: true,
        startsAt: true,
        status: true,
        version: true,
        board: { select: { id: true, name: true, timeZone: true, recurrence: true, meetingDurationMinutes: true } },
      },
    });
    if (!meeting) throw notFound('The meeting');
    if (meeting.version !== expectedVersion) throw conflict('This meeting');
    if (!(reschedulableStatuses as readonly string[]).includes(meeting.status)) {
      throw new AppError('CONFLICT', `A ${meeting.status.toLowerCase()} meeting cannot be cancelled.`);
    }
    const board = meeting.board;

    // Claim the meeting first: the version check and the row lock make a concurrent cancel,
    // move or agenda edit of this meeting wait, then fail its own version check.
    const claimed = await tx.meeting.updateMany({
      where: { id: meeting.id, version: expectedVersion },
      data: { status: 'CANCELLED', cancelReason: reason, version: { increment: 1 }, agendaVersion: { increment: 1 } },
    });
    if (claimed.count === 0) throw conflict('This meeting');

    const after = new Date(Math.max(now.getTime(), meeting.startsAt.getTime()));
    const next =
      (await tx.meeting.findFirst({
        where: { boardId: board.id, id: { not: meeting.id }, startsAt: { gt: after }, status: { in: [...reschedulableStatuses] } },
        orderBy: { startsAt: 'asc' },
        select: { id: true, startsAt: true },
      })) ?? (await createNextScheduledMeeting(tx, { board, after }));

    await tx.meeting.update({ where: { id: meeting.id }, data: { movedToMeetingId: next.id } });
    // Locks the next meeting's row too (its agenda is about to change), and bumps its agenda version.
    await tx.meeting.update({ where: { id: next.id }, data: { agendaVersion: { increment: 1 } } });

    const movedItemIds = await moveOpenItems(tx, { fromMeetingId: meeting.id, toMeetingId: next.id });
    const affected = await tx.case.findMany({
      // Cases whose agenda item moved, and cases still on their way to the meeting (referred,
      // awaiting information, accepted); not cases whose story there is over (e.g. rejected).
      where: { OR: [{ targetMeetingId: meeting.id, status: { in: [...pendingStatuses] } }, { id: { in: movedItemIds.map((m) => m.caseId) } }] },
      select: { id: true, patientId: true, referringUserId: true },
      orderBy: { id: 'asc' },
    });
    await tx.case.updateMany({ where: { id: { in: affected.map((c) => c.id) } }, data: { targetMeetingId: next.id, version: { increment: 1 } } });

    const when = (d: Date) => DateTime.fromJSDate(d, { zone: board.timeZone }).toFormat("ccc d LLL yyyy, HH:mm ZZZZ");
    // One notification per case (its link names the case), to the case's referrer; in-app only.
    for (const c of affected) {
      await createNotifications(tx, {
        recipientIds: [c.referringUserId],
        createdById: actor.id,
        email: false,
        notification: {
          kind: 'MEETING_CANCELLED',
          title: `${board.name}: meeting of ${when(meeting.startsAt)} cancelled`,
          body: `The meeting was cancelled (${reason}). Your case moves to the meeting of ${when(next.startsAt)}.`,
          link: `/cases/${c.id}`,
          caseId: c.id,
          meetingId: next.id,
        },
      });
    }

    const itemByCase = new Map(movedItemIds.map((m) => [m.caseId, m.itemId]));
    const movedOnly = movedItemIds.filter((m) => m.moved).map((m) => m.itemId);
    await writeAuditEvent(tx, {
      actor,
      action: 'meeting.cancel',
      entityType: 'Meeting',
      entityId: meeting.id,
      detail: {
        boardId: board.id,
        startsAt: meeting.startsAt.toISOString(),
        reason,
        movedToMeetingId: next.id,
        movedItemIds: movedOnly,
        retargetedCaseIds: affected.map((c) => c.id),
        notified: affected.length,
      },
    });
    await writeAuditEvents(
      tx,
      affected.map((c) => ({
        actor,
        action: 'case.meeting_change' as const,
        entityType: 'Case',
        entityId: c.id,
        patientId: c.patientId,
        detail: { fromMeetingId: meeting.id, toMeetingId: next.id, agendaItemId: itemByCase.get(c.id) ?? null, cause: 'meeting_cancelled' as const },
      })),
    );
    return {
      id: meeting.id,
      boardId: board.id,
      movedToMeetingId: next.id,
      movedToStartsAt: next.startsAt.toISOString(),
      movedItemIds: movedOnly,
      retargetedCaseIds: affected.map((c) => c.id),
    };
  });
}

/**
 * Appends the cancelled meeting's not-yet-discussed items to the next meeting's agenda, in their
 * order, after its existing items (positions stay contiguous). An item whose case is already on
 * the next agenda is dropped from the cancelled one instead (a case is on an agenda once).
 */
async function moveOpenItems(tx: Tx, options: { fromMeetingId: string; toMeetingId: string }) {
  const { fromMeetingId, toMeetingId } = options;
  const items = await tx.agendaItem.findMany({
    where: { meetingId: fromMeetingId, status: { not: 'DISCUSSED' } },
    orderBy: [{ position: 'asc' }, { id: 'asc' }],
    select: { id: true, caseId: true, status: true },
  });
  if (items.length === 0) return [];
  const existing = await tx.agendaItem.findMany({ where: { meetingId: toMeetingId }, select: { caseId: true, position: true } });
  const already = new Set(existing.map((e) => e.caseId));
  let position = existing.reduce((max, e) => Math.max(max, e.position), -1) + 1;
  const out: { itemId: string; caseId: string; moved: boolean }[] = [];
  for (const item of items) {
    if (already.has(item.caseId)) {
      await tx.agendaItem.delete({ where: { id: item.id } });
      out.push({ itemId: item.id, caseId: item.caseId, moved: false });
      continue;
    }
    await tx.agendaItem.update({
      where: { id: item.id },
      // An item cannot still be "in discussion" in a meeting that never took place.
      data: { meetingId: toMeetingId, position, version: { increment: 1 }, ...(item.status === 'IN_DISCUSSION' ? { status: 'PLANNED' as const } : {}) },
    });
    position += 1;
    out.push({ itemId: item.id, caseId: item.caseId, moved: true });
  }
  return out;
}
