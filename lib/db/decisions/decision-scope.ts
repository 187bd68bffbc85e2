import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { caseScope } from '@/lib/authz/scopes';
import type { Prisma } from '@/lib/generated/prisma/client';

/** Decisions of cases the actor may see (the case's board members and its referrer). */
export function decisionScope(actor: Actor): Prisma.DecisionWhereInput {
  return { case: caseScope(actor) };
}

/** The board role that signs: the chair of the board the case belongs to. */
export async function isBoardChair(tx: Prisma.TransactionClient, actor: Actor, boardId: string): Promise<boolean> {
  const membership = await tx.boardMembership.findFirst({ where: { boardId, userId: actor.id, role: 'CHAIR', user: { active: true } }, select: { id: true } });
  return membership !== null;
}
