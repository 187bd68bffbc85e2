import 'server-only';
// The chair marks the case on screen discussed, or deferred with a reason. The timer stops.
import type { Actor } from '@/lib/authz/actor';
import { writeAuditEvent } from '@/lib/audit/write-audit-event';
import { AppError } from '@/lib/errors';
import type { LiveState } from '@/lib/live/live-state';
import { applyLiveChange } from './live-change';

export async function markLiveItem(options: {
  actor: Actor;
  meetingId: string;
  expectedSeq: number;
  mark: 'DISCUSSED' | 'DEFERRED';
  reason?: string;
}): Promise<LiveState> {
  const { actor, meetingId, expectedSeq, mark, reason } = options;
  return applyLiveChange({
    actor,
    meetingId,
    kind: 'mark',
    expectedSeq,
    needs: 'presenter',
    change: async ({ tx, live, seq }) => {
      if (!live.currentItemId) throw new AppError('CONFLICT', 'No case is on screen.');
      const current = await tx.agendaItem.findUniqueOrThrow({ where: { id: live.currentItemId }, select: { status: true } });
      if (current.status === 'POSTPONED') throw new AppError('CONFLICT', 'This case was postponed; it cannot be marked discussed or deferred.');
      const item = await tx.agendaItem.update({
        where: { id: live.currentItemId },
        data: { status: mark, statusReason: mark === 'DEFERRED' ? reason : null, discussionEndedAt: new Date(), version: { increment: 1 } },
        select: { id: true, case: { select: { patientId: true } } },
      });
      await writeAuditEvent(tx, { actor, action: 'live.mark', entityType: 'AgendaItem', entityId: item.id, patientId: item.case.patientId, detail: { seq, itemId: item.id, mark } });
    },
  });
}
