import 'server-only';
// Next / previous / jump: puts another case on every attendee's screen.
import type { Actor } from '@/lib/authz/actor';
import { Prisma } from '@/lib/generated/prisma/client';
import { writeAuditEvent } from '@/lib/audit/write-audit-event';
import { targetItemId } from '@/lib/live/agenda-navigation';
import type { LiveState } from '@/lib/live/live-state';
import type { GoToAgendaItemInput } from '@/lib/schemas/live-meeting';
import { enterAgendaItem } from './enter-agenda-item';
import { applyLiveChange } from './live-change';

export async function goToAgendaItem(options: { actor: Actor; input: GoToAgendaItemInput }): Promise<LiveState> {
  const { actor, input } = options;
  return applyLiveChange({
    actor,
    meetingId: input.meetingId,
    kind: 'goto',
    expectedSeq: input.expectedSeq,
    needs: 'presenter',
    change: async ({ tx, live, seq }) => {
      const items = await tx.agendaItem.findMany({ where: { meetingId: input.meetingId }, select: { id: true, position: true, status: true, case: { select: { patientId: true } } } });
      const itemId = targetItemId(items, live.currentItemId, input);
      await enterAgendaItem(tx, { itemId, previousItemId: live.currentItemId, now: new Date() });
      // A new case means the previous case's shared image view no longer applies.
      await tx.meetingLiveState.update({ where: { meetingId: input.meetingId }, data: { currentItemId: itemId, presenterId: actor.id, view: Prisma.DbNull } });
      const patientId = items.find((i) => i.id === itemId)?.case.patientId ?? null;
      await writeAuditEvent(tx, {
        actor,
        action: 'live.goto',
        entityType: 'Meeting',
        entityId: input.meetingId,
        patientId,
        detail: { seq, itemId, fromItemId: live.currentItemId, direction: input.direction },
      });
    },
  });
}
