import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { caseScope } from '@/lib/authz/scopes';
import { writeAuditEvent } from '@/lib/audit/write-audit-event';
import { AppError, conflict, notFound } from '@/lib/errors';
import type { CompleteFollowUpInput, FollowUpOutcome } from '@/lib/schemas/decision';
import { db } from '../client';

export interface CompleteFollowUpResult {
  taskId: string;
  caseId: string;
  status: FollowUpOutcome;
  version: number;
  caseClosed: boolean;
}

/**
 * The task's owner records whether the signed recommendation was carried out. Only the owner:
 * a colleague who can see the case is told so (FORBIDDEN), anyone else finds no task. The first
 * outcome closes the case (DECIDED → CLOSED, "follow-up complete"). A later call by the owner is a
 * correction (a slip of the mouse, news from the ward): it replaces the outcome with the same
 * version check, leaves the case CLOSED, and is audited with the outcome it replaced, so the trail
 * keeps every answer. A task cannot be reopened. The DB CHECK follow_up_tasks_outcome_check is the
 * last line behind the schema's rule that MODIFIED / NOT_IMPLEMENTED carry a reason.
 */
export async function completeFollowUp(options: { actor: Actor; input: CompleteFollowUpInput; now?: Date }): Promise<CompleteFollowUpResult> {
  const { actor, input, now = new Date() } = options;
  assertCan(actor, 'followups.complete');
  return db().$transaction(async (tx) => {
    const task = await tx.followUpTask.findFirst({
      // The owner must still see the case (the decision names owners only from the case's people;
      // someone since removed from the board loses the task with the case).
      where: { id: input.taskId, case: caseScope(actor) },
      select: { id: true, ownerId: true, decisionId: true, caseId: true, status: true, case: { select: { patientId: true, status: true } } },
    });
    if (!task) throw notFound('The follow-up task');
    if (task.ownerId !== actor.id) throw new AppError('FORBIDDEN', 'Only the clinician this follow-up is assigned to can record its outcome.');
    const correction = task.status !== 'OPEN';
    const { count } = await tx.followUpTask.updateMany({
      where: { id: task.id, ownerId: actor.id, version: input.expectedVersion },
      data: {
        status: input.outcome,
        reason: input.outcome === 'IMPLEMENTED' ? null : (input.reason ?? null),
        note: input.note ?? null,
        completedAt: now,
        completedById: actor.id,
        version: { increment: 1 },
      },
    });
    if (count === 0) throw conflict('The follow-up task');
    const closed = await tx.case.updateMany({ where: { id: task.caseId, status: 'DECIDED' }, data: { status: 'CLOSED', version: { increment: 1 } } });
    await writeAuditEvent(tx, {
      actor,
      action: 'follow_up.complete',
      entityType: 'FollowUpTask',
      entityId: task.id,
      patientId: task.case.patientId,
      detail: {
        taskId: task.id,
        decisionId: task.decisionId,
        outcome: input.outcome,
        reason: input.outcome === 'IMPLEMENTED' ? null : (input.reason ?? null),
        correction,
        previousOutcome: correction ? (task.status as FollowUpOutcome) : null,
        caseClosed: closed.count > 0,
      },
    });
    return { taskId: task.id, caseId: task.caseId, status: input.outcome, version: input.expectedVersion + 1, caseClosed: closed.count > 0 };
  });
}
