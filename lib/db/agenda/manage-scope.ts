import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { can } from '@/lib/authz/permissions';
import type { Prisma } from '@/lib/generated/prisma/client';

const nothing = { id: { in: [] as string[] } };

/**
 * Boards whose referrals and agendas the actor manages: those where they hold the board
 * membership role COORDINATOR (the seed and every fixture make coordinators such members).
 * A coordinator of another board is "not found", like anyone outside the scope.
 */
export function coordinatedBoardScope(actor: Actor): Prisma.BoardWhereInput {
  if (!can(actor, 'meetings.manage') && !can(actor, 'referrals.triage')) return nothing;
  return { members: { some: { userId: actor.id, role: 'COORDINATOR' } } };
}
