import 'server-only';
// The one shape of every live-meeting change: in ONE transaction, check scope and presenter
// rights, bump `seq` (the row lock serialises concurrent presenters; a stale `expectedSeq` is a
// conflict), make the change, write its audit event, and NOTIFY. PostgreSQL delivers a NOTIFY
// only when the transaction commits, so no listener ever hears of a state it cannot read.
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { meetingScope } from '@/lib/authz/scopes';
import { AppError, notFound } from '@/lib/errors';
import { LIVE_CHANNEL, type LiveChangeKind, type LiveNotice, type LiveState } from '@/lib/live/live-state';
import { db, type Tx } from '../client';
import { presenterRight, type PresenterRight } from './presenter-rights';
import { unsafeReadLiveState } from './read-live-state';

export interface LiveContext {
  tx: Tx;
  meeting: { id: string; boardId: string; status: string; boardRole: string | null };
  live: { currentItemId: string | null; presenterId: string | null };
  /** The seq this change gets. */
  seq: number;
  right: PresenterRight;
}

export async function applyLiveChange(options: {
  actor: Actor;
  meetingId: string;
  kind: Exclude<LiveChangeKind, 'start' | 'attendance'>;
  expectedSeq: number;
  /** 'board-lead': chair or coordinator only (ending); 'presenter': also the current item's presenter. */
  needs: 'board-lead' | 'presenter';
  change: (ctx: LiveContext) => Promise<void>;
}): Promise<LiveState> {
  const { actor, meetingId, kind, expectedSeq, needs, change } = options;
  assertCan(actor, 'meetings.present');
  return db().$transaction(async (tx) => {
    const meeting = await findMeetingInScope(tx, actor, meetingId);
    if (meeting.status !== 'LIVE') throw new AppError('CONFLICT', 'The meeting is not live.');
    // Taking the row lock first: a second presenter's change waits here, then sees the new seq.
    const bumped = await tx.$queryRaw<{ seq: number; currentItemId: string | null; presenterId: string | null }[]>`
      UPDATE meeting_live_states SET seq = seq + 1, "updatedAt" = now()
      WHERE "meetingId" = ${meetingId} AND seq = ${expectedSeq}
      RETURNING seq, "currentItemId", "presenterId"`;
    const row = bumped[0];
    if (!row) throw new AppError('CONFLICT', 'The meeting moved on in the meantime (someone else changed it). Your screen shows the current state now; try again.');
    const right = await presenterRight(tx, { actor, boardId: meeting.boardId, boardRole: meeting.boardRole, currentItemId: row.currentItemId });
    if (right === 'none' || (needs === 'board-lead' && right !== 'board-lead')) {
      throw new AppError('FORBIDDEN', 'Only the board’s chair or coordinator, or the presenter of the current case, can do this.');
    }
    await change({ tx, meeting, live: { currentItemId: row.currentItemId, presenterId: row.presenterId }, seq: row.seq, right });
    await notifyLive(tx, { meetingId, seq: row.seq, kind });
    return (await unsafeReadLiveState(meetingId, tx))!;
  });
}

/** The meeting if it is in the actor's scope, with the actor's role on its board (one query). */
export async function findMeetingInScope(tx: Tx, actor: Actor, meetingId: string) {
  const meeting = await tx.meeting.findFirst({
    where: { AND: [{ id: meetingId }, meetingScope(actor)] },
    select: { id: true, boardId: true, status: true, board: { select: { members: { where: { userId: actor.id }, select: { role: true } } } } },
  });
  if (!meeting) throw notFound('The meeting');
  return { id: meeting.id, boardId: meeting.boardId, status: meeting.status, boardRole: meeting.board.members[0]?.role ?? null };
}

/** Queued in the transaction; PostgreSQL sends it on commit (and drops it on rollback). */
export async function notifyLive(tx: Tx, notice: LiveNotice): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(notice)})`;
}
