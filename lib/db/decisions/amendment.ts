import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { writeAuditEvent } from '@/lib/audit/write-audit-event';
import { AppError, notFound } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { DecisionTransitionInput } from '@/lib/schemas/decision';
import { db } from '../client';
import { decisionScope, isBoardMember, NOT_A_MEMBER_MESSAGE } from './decision-scope';

/**
 * Opens a signed decision for correction. Nothing signed changes: the newest version stays the
 * valid decision (protocols and exports keep using it) until the chair signs the amendment,
 * which adds the next version with its reason. Any clinician of the board may propose one.
 */
export async function startAmendment(options: { actor: Actor; input: DecisionTransitionInput }): Promise<{ decisionId: string; version: number }> {
  const { actor, input } = options;
  assertCan(actor, 'decisions.edit');
  return db().$transaction(async (tx) => {
    const decision = await tx.decision.findFirst({ where: { AND: [{ id: input.decisionId }, decisionScope(actor)] }, select: { id: true, status: true, case: { select: { patientId: true, boardId: true } }, _count: { select: { versions: true } } } });
    if (!decision) throw notFound('The decision');
    if (!(await isBoardMember(tx, actor, decision.case.boardId))) throw new AppError('FORBIDDEN', NOT_A_MEMBER_MESSAGE);
    if (decision.status === 'AMENDING') throw new AppError('CONFLICT', 'An amendment of this decision is already open.');
    if (decision.status !== 'SIGNED') throw new AppError('CONFLICT', 'Only a signed decision is amended; edit the draft instead.');
    const moved = await tx.decision.updateMany({ where: { id: decision.id, version: input.expectedVersion, status: 'SIGNED' }, data: { status: 'AMENDING', lastEditedById: actor.id, version: { increment: 1 } } });
    if (moved.count === 0) throw new AppError('CONFLICT', 'The decision changed after you opened it. Reload, then amend.');
    await writeAuditEvent(tx, {
      actor,
      action: 'decision.amend_start',
      entityType: 'Decision',
      entityId: decision.id,
      patientId: decision.case.patientId,
      detail: { decisionId: decision.id, fromVersionNumber: decision._count.versions },
    });
    return { decisionId: decision.id, version: input.expectedVersion + 1 };
  });
}

/** Abandons an open amendment: the draft goes back to the newest signed version's content. */
export async function cancelAmendment(options: { actor: Actor; input: DecisionTransitionInput }): Promise<{ decisionId: string; version: number }> {
  const { actor, input } = options;
  assertCan(actor, 'decisions.edit');
  return db().$transaction(async (tx) => {
    const decision = await tx.decision.findFirst({
      where: { AND: [{ id: input.decisionId }, decisionScope(actor)] },
      select: { id: true, status: true, case: { select: { patientId: true, boardId: true } }, versions: { orderBy: { number: 'desc' }, take: 1, select: { number: true, content: true } } },
    });
    if (!decision) throw notFound('The decision');
    if (!(await isBoardMember(tx, actor, decision.case.boardId))) throw new AppError('FORBIDDEN', NOT_A_MEMBER_MESSAGE);
    const newest = decision.versions[0];
    if (decision.status !== 'AMENDING' || !newest) throw new AppError('CONFLICT', 'There is no open amendment of this decision.');
    const moved = await tx.decision.updateMany({
      where: { id: decision.id, version: input.expectedVersion, status: 'AMENDING' },
      data: { status: 'SIGNED', draft: newest.content as Prisma.InputJsonValue, lastEditedById: actor.id, version: { increment: 1 } },
    });
    if (moved.count === 0) throw new AppError('CONFLICT', 'The amendment was changed after you opened it. Reload to see it first.');
    await writeAuditEvent(tx, {
      actor,
      action: 'decision.amend_cancel',
      entityType: 'Decision',
      entityId: decision.id,
      patientId: decision.case.patientId,
      detail: { decisionId: decision.id, versionNumber: newest.number },
    });
    return { decisionId: decision.id, version: input.expectedVersion + 1 };
  });
}
