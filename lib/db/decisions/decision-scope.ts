import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { caseScope } from '@/lib/authz/scopes';
import type { Prisma } from '@/lib/generated/prisma/client';

/** Decisions of cases the actor may see (the case's board members and its referrer). */
export function decisionScope(actor: Actor): Prisma.DecisionWhereInput {
  return { case: caseScope(actor) };
}

/**
 * Who writes the board's decision: members of the case's board (any board role; the permission
 * table keeps coordinators out). A referrer from outside the board reads the decision but does
 * not write it.
 */
export async function isBoardMember(tx: Prisma.TransactionClient, actor: Actor, boardId: string): Promise<boolean> {
  const membership = await tx.boardMembership.findFirst({ where: { boardId, userId: actor.id, user: { active: true } }, select: { id: true } });
  return membership !== null;
}

export const NOT_A_MEMBER_MESSAGE = 'Only members of the board record and amend its decisions.';

/** The board role that signs: the chair of the board the case belongs to. */
export async function isBoardChair(tx: Prisma.TransactionClient, actor: Actor, boardId: string): Promise<boolean> {
  const membership = await tx.boardMembership.findFirst({ where: { boardId, userId: actor.id, role: 'CHAIR', user: { active: true } }, select: { id: true } });
  return membership !== null;
}
