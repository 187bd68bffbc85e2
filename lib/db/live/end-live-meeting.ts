import 'server-only';
// Ending the meeting: CLOSED, the case on screen loses its running timer. Chair or coordinator.
import type { Actor } from '@/lib/authz/actor';
import { writeAuditEvent } from '@/lib/audit/write-audit-event';
import type { LiveState } from '@/lib/live/live-state';
import { applyLiveChange } from './live-change';

export async function endLiveMeeting(options: { actor: Actor; meetingId: string; expectedSeq: number }): Promise<LiveState> {
  const { actor, meetingId, expectedSeq } = options;
  return applyLiveChange({
    actor,
    meetingId,
    kind: 'end',
    expectedSeq,
    needs: 'board-lead',
    change: async ({ tx, live, seq }) => {
      const now = new Date();
      if (live.currentItemId) {
        await tx.agendaItem.updateMany({ where: { id: live.currentItemId, status: 'IN_DISCUSSION' }, data: { status: 'PLANNED', version: { increment: 1 } } });
        await tx.agendaItem.updateMany({ where: { id: live.currentItemId, discussionEndedAt: null }, data: { discussionEndedAt: now } });
      }
      await tx.meetingLiveState.update({ where: { meetingId }, data: { endedAt: now, currentItemId: null } });
      await tx.meeting.update({ where: { id: meetingId }, data: { status: 'CLOSED', version: { increment: 1 } } });
      await writeAuditEvent(tx, { actor, action: 'live.end', entityType: 'Meeting', entityId: meetingId, detail: { seq } });
    },
  });
}
