import 'server-only';
import { IANAZone } from 'luxon';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { managedMeetingScope } from '@/lib/authz/scopes';
import { writeAuditEvent } from '@/lib/audit/write-audit-event';
import { wallClockToInstant } from '@/lib/boards/recurrence';
import { AppError, conflict, notFound } from '@/lib/errors';
import { db } from '../client';

/** Meetings whose time may still change: not yet running, closed or cancelled. */
export const reschedulableStatuses = ['SCHEDULED', 'PUBLISHED'] as const;

/**
 * Moves a meeting to `newStart` (an instant, or wall-clock "YYYY-MM-DDTHH:mm" in the board's
 * zone). `expectedVersion` is the meeting version the coordinator saw; a newer one is a conflict
 * and nothing changes.
 */
export async function moveMeeting(options: {
  actor: Actor;
  meetingId: string;
  expectedVersion: number;
  newStart: Date | { localDateTime: string };
  now?: Date;
}): Promise<{ id: string; boardId: string; startsAt: string; version: number }> {
  const { actor, meetingId, expectedVersion, now = new Date() } = options;
  assertCan(actor, 'meetings.manage');
  return db().$transaction(async (tx) => {
    const meeting = await tx.meeting.findFirst({
      where: { AND: [{ id: meetingId }, managedMeetingScope(actor)] },
      select: { id: true, boardId: true, startsAt: true, status: true, version: true, board: { select: { timeZone: true } } },
    });
    if (!meeting) throw notFound('The meeting');
    if (meeting.version !== expectedVersion) throw conflict('This meeting');
    if (!(reschedulableStatuses as readonly string[]).includes(meeting.status)) {
      throw new AppError('CONFLICT', `A ${meeting.status.toLowerCase()} meeting cannot be moved.`);
    }
    const newStart = options.newStart instanceof Date ? options.newStart : localToInstant(options.newStart.localDateTime, meeting.board.timeZone);
    if (newStart <= now) throw new AppError('VALIDATION', 'A meeting can only be moved to a time in the future.', { fieldErrors: { localStart: ['Choose a time in the future'] } });
    if (newStart.getTime() === meeting.startsAt.getTime()) throw new AppError('VALIDATION', 'The meeting already starts at that time.', { fieldErrors: { localStart: ['Choose another time'] } });
    const clash = await tx.meeting.findUnique({ where: { boardId_startsAt: { boardId: meeting.boardId, startsAt: newStart } }, select: { id: true } });
    if (clash) throw new AppError('CONFLICT', 'The board already has a meeting (possibly a cancelled one) at that time.', { fieldErrors: { localStart: ['Taken'] } });
    const { count } = await tx.meeting.updateMany({ where: { id: meeting.id, version: expectedVersion }, data: { startsAt: newStart, version: { increment: 1 } } });
    if (count === 0) throw conflict('This meeting');
    await writeAuditEvent(tx, {
      actor,
      action: 'meeting.move',
      entityType: 'Meeting',
      entityId: meeting.id,
      detail: { boardId: meeting.boardId, from: meeting.startsAt.toISOString(), to: newStart.toISOString() },
    });
    return { id: meeting.id, boardId: meeting.boardId, startsAt: newStart.toISOString(), version: expectedVersion + 1 };
  });
}

function localToInstant(local: string, timeZone: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) throw new AppError('VALIDATION', 'Choose a date and time.', { fieldErrors: { localStart: ['Choose a date and time'] } });
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  return wallClockToInstant(Date.UTC(y, mo - 1, d, h, mi), IANAZone.create(timeZone));
}
