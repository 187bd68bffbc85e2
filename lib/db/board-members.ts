import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { managedBoardScope } from '@/lib/authz/scopes';
import { writeAuditEvent } from '@/lib/audit/write-audit-event';
import { AppError, notFound } from '@/lib/errors';
import type { BoardRole } from '@/lib/schemas/board';
import { db } from './client';

export interface MemberCandidateDto {
  id: string;
  name: string;
  email: string;
}

/** Active clinicians and coordinators who could join a board (admins hold no clinical role). */
export async function listMemberCandidates(options: { actor: Actor }): Promise<MemberCandidateDto[]> {
  assertCan(options.actor, 'boards.manage');
  return db().user.findMany({
    where: { active: true, roles: { hasSome: ['CLINICIAN', 'COORDINATOR'] } },
    select: { id: true, name: true, email: true },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    take: 1000,
  });
}

/**
 * Adds a member, changes their board role, or removes them (`role: 'NONE'`). Idempotent per
 * row, so it needs no version: the last choice for a person wins and both are audited.
 */
export async function setBoardMember(options: { actor: Actor; boardId: string; userId: string; role: BoardRole | 'NONE' }): Promise<{ role: BoardRole | null }> {
  const { actor, boardId, userId, role } = options;
  assertCan(actor, 'boards.manage');
  return db().$transaction(async (tx) => {
    const board = await tx.board.findFirst({ where: { AND: [{ id: boardId }, managedBoardScope(actor)] }, select: { id: true } });
    if (!board) throw notFound('The board');
    const user = await tx.user.findUnique({ where: { id: userId }, select: { active: true, roles: true } });
    if (!user) throw notFound('The user');
    const previous = await tx.boardMembership.findUnique({ where: { boardId_userId: { boardId, userId } }, select: { role: true } });
    if (previous?.role === 'COORDINATOR' && role !== 'COORDINATOR') {
      // Only a board's coordinators change it, so its last one may not go (nobody could add another).
      const coordinators = await tx.boardMembership.count({ where: { boardId, role: 'COORDINATOR' } });
      if (coordinators <= 1) throw new AppError('CONFLICT', 'This is the board’s only coordinator. Make someone else coordinator first.');
    }
    if (role === 'NONE') {
      if (previous) await tx.boardMembership.delete({ where: { boardId_userId: { boardId, userId } } });
    } else {
      if (!user.active || !user.roles.some((r) => r === 'CLINICIAN' || r === 'COORDINATOR')) {
        throw new AppError('VALIDATION', 'Only active clinicians and coordinators can be board members.', { fieldErrors: { userId: ['Not a clinician or coordinator'] } });
      }
      await tx.boardMembership.upsert({ where: { boardId_userId: { boardId, userId } }, create: { boardId, userId, role }, update: { role } });
    }
    const after = role === 'NONE' ? null : role;
    await writeAuditEvent(tx, { actor, action: 'board.member_set', entityType: 'Board', entityId: boardId, detail: { userId, role: after, previous: previous?.role ?? null } });
    return { role: after };
  });
}
