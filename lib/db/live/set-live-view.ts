import 'server-only';
// The presenter shares the image view (series, slice, window) attendees' viewers follow.
import type { Actor } from '@/lib/authz/actor';
import { Prisma } from '@/lib/generated/prisma/client';
import { writeAuditEvent } from '@/lib/audit/write-audit-event';
import { AppError } from '@/lib/errors';
import type { LiveState } from '@/lib/live/live-state';
import type { LiveView } from '@/lib/schemas/live-view';
import { applyLiveChange } from './live-change';

export async function setLiveView(options: { actor: Actor; meetingId: string; expectedSeq: number; view: LiveView | null }): Promise<LiveState> {
  const { actor, meetingId, expectedSeq, view } = options;
  return applyLiveChange({
    actor,
    meetingId,
    kind: 'view',
    expectedSeq,
    needs: 'presenter',
    change: async ({ tx, live, seq }) => {
      if (!live.currentItemId) throw new AppError('CONFLICT', 'No case is on screen.');
      if (view) {
        // Only a series of the case on screen can be shared (nothing else of the patient's, nobody else's).
        const item = await tx.agendaItem.findUniqueOrThrow({ where: { id: live.currentItemId }, select: { case: { select: { patientId: true } } } });
        const series = await tx.imagingSeries.findFirst({ where: { seriesInstanceUid: view.seriesInstanceUid, study: { patientId: item.case.patientId } }, select: { id: true } });
        if (!series) throw new AppError('VALIDATION', 'That series does not belong to the case on screen.', { fieldErrors: { seriesInstanceUid: ['Not a series of this case'] } });
        await tx.meetingLiveState.update({ where: { meetingId }, data: { view } });
      } else {
        await tx.meetingLiveState.update({ where: { meetingId }, data: { view: Prisma.DbNull } });
      }
      await writeAuditEvent(tx, {
        actor,
        action: 'live.view',
        entityType: 'Meeting',
        entityId: meetingId,
        detail: { seq, shared: view !== null, seriesInstanceUid: view?.seriesInstanceUid, sliceIndex: view?.sliceIndex },
      });
    },
  });
}
