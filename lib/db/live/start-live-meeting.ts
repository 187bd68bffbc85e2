import 'server-only';
// Starting the live meeting: meeting LIVE, the live-state row created (or re-opened), and the
// first case on the agenda put on everyone's screen. Chair or coordinator only.
import type { Actor } from '@/lib/authz/actor';
import { Prisma } from '@/lib/generated/prisma/client';
import { assertCan } from '@/lib/authz/assert-can';
import { writeAuditEvent } from '@/lib/audit/write-audit-event';
import { AppError } from '@/lib/errors';
import type { LiveState } from '@/lib/live/live-state';
import { db } from '../client';
import { enterAgendaItem } from './enter-agenda-item';
import { findMeetingInScope, notifyLive } from './live-change';
import { presenterRight } from './presenter-rights';
import { unsafeReadLiveState } from './read-live-state';

export async function startLiveMeeting(options: { actor: Actor; meetingId: string }): Promise<LiveState> {
  const { actor, meetingId } = options;
  assertCan(actor, 'meetings.present');
  return db().$transaction(async (tx) => {
    const meeting = await findMeetingInScope(tx, actor, meetingId);
    if (meeting.status === 'CLOSED' || meeting.status === 'CANCELLED') throw new AppError('CONFLICT', `The meeting is ${meeting.status.toLowerCase()}; it cannot go live.`);
    if (meeting.status === 'LIVE') throw new AppError('CONFLICT', 'The meeting is already live.');
    if ((await presenterRight(tx, { actor, boardId: meeting.boardId, boardRole: meeting.boardRole, currentItemId: null })) !== 'board-lead') {
      throw new AppError('FORBIDDEN', 'Only the board’s chair or coordinator can start the meeting.');
    }
    // Serialise with a concurrent start: the conditional update lets one of two win.
    const moved = await tx.meeting.updateMany({ where: { id: meetingId, status: meeting.status }, data: { status: 'LIVE', version: { increment: 1 } } });
    if (moved.count !== 1) throw new AppError('CONFLICT', 'The meeting changed in the meantime. Reload and try again.');
    const first = await tx.agendaItem.findFirst({ where: { meetingId, status: { not: 'POSTPONED' } }, orderBy: { position: 'asc' }, select: { id: true } });
    const live = await tx.meetingLiveState.upsert({
      where: { meetingId },
      create: { meetingId, seq: 1, presenterId: actor.id, currentItemId: first?.id ?? null },
      update: { seq: { increment: 1 }, presenterId: actor.id, currentItemId: first?.id ?? null, endedAt: null, view: Prisma.DbNull },
    });
    const now = new Date();
    if (first) await enterAgendaItem(tx, { itemId: first.id, previousItemId: null, now });
    await writeAuditEvent(tx, { actor, action: 'live.start', entityType: 'Meeting', entityId: meetingId, detail: { seq: live.seq, itemId: first?.id ?? null } });
    await notifyLive(tx, { meetingId, seq: live.seq, kind: 'start' });
    return (await unsafeReadLiveState(meetingId, tx))!;
  });
}
