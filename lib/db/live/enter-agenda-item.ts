import 'server-only';
// What moving onto an agenda item does to the items: the one left gets its discussionEndedAt
// (and, if nobody marked it, goes back to PLANNED: it was not concluded); the one entered is
// IN_DISCUSSION from now (its timer restarts; a case already marked keeps its mark).
import type { Tx } from '../client';

export async function enterAgendaItem(tx: Tx, options: { itemId: string; previousItemId: string | null; now: Date }): Promise<void> {
  const { itemId, previousItemId, now } = options;
  if (previousItemId && previousItemId !== itemId) {
    await tx.agendaItem.updateMany({ where: { id: previousItemId, status: 'IN_DISCUSSION' }, data: { status: 'PLANNED', discussionEndedAt: now, version: { increment: 1 } } });
    await tx.agendaItem.updateMany({ where: { id: previousItemId, discussionEndedAt: null }, data: { discussionEndedAt: now } });
  }
  await tx.agendaItem.updateMany({ where: { id: itemId, status: 'PLANNED' }, data: { status: 'IN_DISCUSSION', version: { increment: 1 } } });
  await tx.agendaItem.update({ where: { id: itemId }, data: { discussionStartedAt: now, discussionEndedAt: null } });
}
