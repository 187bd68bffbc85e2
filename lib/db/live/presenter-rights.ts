import 'server-only';
// Who may drive a live meeting. The permission table says `meetings.present` (clinicians and
// coordinators); this is the row-level half: the board's CHAIR or COORDINATOR membership, or
// the presenter of the agenda item now on screen (who may move on from their own case and mark
// it, but not start or end the meeting).
import type { Actor } from '@/lib/authz/actor';
import { can } from '@/lib/authz/permissions';
import type { Tx } from '@/lib/db/client';

export type PresenterRight = 'none' | 'item-presenter' | 'board-lead';

/** `boardRole`: the actor's membership role on the board when the caller has already read it. */
export async function presenterRight(
  tx: Tx,
  options: { actor: Actor; boardId: string; boardRole?: string | null; currentItemId: string | null },
): Promise<PresenterRight> {
  const { actor, boardId, currentItemId } = options;
  if (!can(actor, 'meetings.present')) return 'none';
  const role =
    options.boardRole !== undefined
      ? options.boardRole
      : ((await tx.boardMembership.findUnique({ where: { boardId_userId: { boardId, userId: actor.id } }, select: { role: true } }))?.role ?? null);
  if (role === 'CHAIR' || role === 'COORDINATOR') return 'board-lead';
  if (currentItemId) {
    const item = await tx.agendaItem.findUnique({ where: { id: currentItemId }, select: { presenterId: true } });
    if (item?.presenterId === actor.id) return 'item-presenter';
  }
  return 'none';
}
