import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { managedBoardScope } from '@/lib/authz/scopes';
import { writeAuditEvent } from '@/lib/audit/write-audit-event';
import { AppError, notFound } from '@/lib/errors';
import { db } from '../client';
import { insertScheduledMeetings } from './schedule-slots';

/**
 * Creates the board's meetings from its recurrence between `from` (default: now) and `until`.
 * Running it again creates nothing new and never touches an existing meeting (moved,
 * cancelled or published ones stay as they are). Returns the start instants it created.
 */
export async function generateMeetings(options: { actor: Actor; boardId: string; until: Date; from?: Date }): Promise<{ created: string[] }> {
  const { actor, boardId, until, from = new Date() } = options;
  assertCan(actor, 'meetings.manage');
  if (until <= from) throw new AppError('VALIDATION', 'The end of the period must be in the future.');
  return db().$transaction(async (tx) => {
    const board = await tx.board.findFirst({
      where: { AND: [{ id: boardId }, managedBoardScope(actor)] },
      select: { id: true, timeZone: true, recurrence: true, meetingDurationMinutes: true },
    });
    if (!board) throw notFound('The board');
    const created = await insertScheduledMeetings(tx, { board, from, until });
    const startsAt = created.map((m) => m.startsAt.toISOString()).sort();
    await writeAuditEvent(tx, { actor, action: 'meeting.generate', entityType: 'Board', entityId: board.id, detail: { boardId: board.id, until: until.toISOString(), startsAt } });
    return { created: startsAt };
  });
}
