import 'server-only';
// Who may drive a live meeting. The permission table says `meetings.present` (clinicians and
// coordinators); this is the row-level half: the board's CHAIR or COORDINATOR membership, or
// the presenter of the agenda item now on screen (who may move on from their own case and mark
// it, but not start or end the meeting).
import type { Actor } from '@/lib/authz/actor';
import { can } from '@/lib/authz/permissions';
import type { Tx } from '@/lib/db/client';

export type PresenterRight = 'none' | 'item-presenter' | 'board-lead';

export async function presenterRight(tx: Tx, options: { actor: Actor; boardId: string; currentItemId: string | null }): Promise<PresenterRight> {
  const { actor, boardId, currentItemId } = options;
  if (!can(actor, 'meetings.present')) return 'none';
  const membership = await tx.boardMembership.findUnique({ where: { boardId_userId: { boardId, userId: actor.id } }, select: { role: true } });
  if (membership && (membership.role === 'CHAIR' || membership.role === 'COORDINATOR')) return 'board-lead';
  if (currentItemId) {
    const item = await tx.agendaItem.findUnique({ where: { id: currentItemId }, select: { presenterId: true } });
    if (item?.presenterId === actor.id) return 'item-presenter';
  }
  return 'none';
}
