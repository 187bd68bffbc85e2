import 'server-only';
import { z } from 'zod';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { caseScope } from '@/lib/authz/scopes';
import { writeAuditEvent } from '@/lib/audit/write-audit-event';
import { decisionContentSha256 } from '@/lib/decisions/content-hash';
import { followUpDueOn } from '@/lib/decisions/follow-up-due';
import { AppError, notFound, type FieldErrors } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { signableDecisionSchema, type DecisionContent, type SignDecisionInput } from '@/lib/schemas/decision';
import { db, type Tx } from '../client';
import { createNotifications } from '../notifications';
import { assertContentReferences } from './check-content-references';
import { isBoardChair } from './decision-scope';

export interface SignedDecision {
  decisionId: string;
  versionNumber: number;
  contentSha256: string;
  followUpTaskId: string;
  /** Notifications whose e-mail the caller queues after commit. */
  emailIds: string[];
}

const STALE_SIGNATURE_MESSAGE = 'The decision was changed after you opened it. Review the current text before signing.';

/**
 * The chair signs the decision: everything below happens in ONE transaction, so a crash, a
 * killed connection or a refused check leaves either the fully signed decision (version,
 * considered model outputs, follow-up task, case status, notification, audit events) or
 * nothing at all. Signing a draft makes version 1; signing an amendment makes the next
 * version, with its reason, beside the untouched earlier ones.
 *
 * Concurrency: the row version the chair saw is checked and bumped first (row lock), so two
 * signatures or a signature racing an autosave resolve to one winner and a CONFLICT.
 */
export async function signDecision(options: { actor: Actor; input: SignDecisionInput; email: boolean; now?: Date }): Promise<SignedDecision> {
  const { actor, input, email } = options;
  assertCan(actor, 'decisions.sign');
  try {
    return await db().$transaction(async (tx) => {
      const decision = await tx.decision.findFirst({
        where: { id: input.decisionId, case: caseScope(actor) },
        include: {
          case: { select: { id: true, patientId: true, boardId: true, status: true, referringUserId: true, patient: { select: { pseudonym: true } }, board: { select: { name: true } } } },
          followUp: { select: { id: true, status: true, ownerId: true } },
          _count: { select: { versions: true } },
        },
      });
      if (!decision) throw notFound('The decision');
      if (!(await isBoardChair(tx, actor, decision.case.boardId))) {
        throw new AppError('FORBIDDEN', `Only the chair of ${decision.case.board.name} signs its decisions.`);
      }
      if (decision.status === 'SIGNED') throw new AppError('CONFLICT', 'This decision is already signed. Amend it to correct it.');
      // A stale view is a conflict first: otherwise a chair who saw the draft before someone
      // opened an amendment would be told to give an amendment reason for a text they never saw.
      if (decision.version !== input.expectedVersion) throw new AppError('CONFLICT', STALE_SIGNATURE_MESSAGE);
      const amending = decision.status === 'AMENDING';
      if (amending && !input.amendmentReason) {
        throw new AppError('VALIDATION', 'Say why the signed decision is amended.', { fieldErrors: { amendmentReason: ['Say why the signed decision is amended.'] } });
      }
      if (!amending && input.amendmentReason) throw new AppError('VALIDATION', 'This is the first signature; there is nothing to amend yet.');

      // Lock and bump: from here on, nobody else's save or signature can interleave.
      const locked = await tx.decision.updateMany({ where: { id: decision.id, version: input.expectedVersion, status: decision.status }, data: { version: { increment: 1 } } });
      if (locked.count === 0) throw new AppError('CONFLICT', STALE_SIGNATURE_MESSAGE);

      const parsed = signableDecisionSchema.safeParse(decision.draft);
      if (!parsed.success) {
        const flat = z.flattenError(parsed.error);
        throw new AppError('VALIDATION', 'The decision is not complete enough to sign.', { fieldErrors: flat.fieldErrors as FieldErrors });
      }
      const content = parsed.data;
      await assertContentReferences(tx, { caseId: decision.caseId, meetingId: decision.meetingId, decisionId: decision.id, content });
      const contentSha256 = decisionContentSha256(content);
      const previous = amending ? await tx.decisionVersion.findFirst({ where: { decisionId: decision.id }, orderBy: { number: 'desc' }, select: { contentSha256: true } }) : null;
      if (previous && previous.contentSha256 === contentSha256) {
        throw new AppError('CONFLICT', 'The amendment changes nothing. Edit the decision, or cancel the amendment.');
      }

      const versionNumber = decision._count.versions + 1;
      const signedAt = options.now ?? new Date();
      if (content.followUpDueOn && content.followUpDueOn < signedAt.toISOString().slice(0, 10)) {
        throw new AppError('VALIDATION', 'The follow-up cannot be due before the decision is signed.', { fieldErrors: { followUpDueOn: ['Choose today or a later day.'] } });
      }
      const storedContent = content as unknown as Prisma.InputJsonValue;
      const version = await tx.decisionVersion.create({
        data: { decisionId: decision.id, number: versionNumber, content: storedContent, amendmentReason: input.amendmentReason ?? null, signedById: actor.id, signedAt, contentSha256 },
        select: { id: true },
      });
      await copyConsideredResults(tx, version.id, content);
      // The draft becomes exactly the signed content (the database checks they are equal).
      await tx.decision.update({ where: { id: decision.id }, data: { status: 'SIGNED', draft: storedContent, lastEditedById: actor.id } });
      if (decision.case.status !== 'CLOSED' && decision.case.status !== 'DECIDED') {
        await tx.case.update({ where: { id: decision.caseId }, data: { status: 'DECIDED', statusReason: null, version: { increment: 1 } } });
      }
      const followUp = await upsertFollowUp(tx, { decision, content, signedAt });
      const rows = await createNotifications(tx, {
        recipientIds: followUp.created || followUp.ownerChanged ? [followUp.ownerId] : [],
        createdById: actor.id,
        email,
        notification: {
          kind: 'DECISION_SIGNED',
          title: `Board decision signed: case ${decision.case.patient.pseudonym}`,
          body: `${decision.case.board.name} signed its decision on case ${decision.case.patient.pseudonym}${versionNumber > 1 ? ` (amendment, version ${versionNumber})` : ''}.\n\nPlease record by ${followUp.dueOn} whether the recommendation was carried out.`,
          link: `/cases/${decision.caseId}`,
          caseId: decision.caseId,
          meetingId: decision.meetingId,
        },
      });
      await writeAuditEvent(tx, {
        actor,
        action: 'decision.sign',
        entityType: 'Decision',
        entityId: decision.id,
        patientId: decision.case.patientId,
        detail: { decisionId: decision.id, meetingId: decision.meetingId, versionNumber, contentSha256, amendmentReason: input.amendmentReason ?? null, consideredResultIds: content.consideredResultIds },
      });
      if (followUp.created || followUp.ownerChanged || followUp.dueChanged) {
        await writeAuditEvent(tx, {
          actor,
          action: 'follow_up.create',
          entityType: 'FollowUpTask',
          entityId: followUp.id,
          patientId: decision.case.patientId,
          detail: { taskId: followUp.id, decisionId: decision.id, ownerId: followUp.ownerId, dueOn: followUp.dueOn, updated: !followUp.created },
        });
      }
      return { decisionId: decision.id, versionNumber, contentSha256, followUpTaskId: followUp.id, emailIds: email ? rows.map((r) => r.id) : [] };
    });
  } catch (error) {
    // Two signatures of the same draft at once: the version number is unique per decision.
    if ((error as { code?: unknown }).code === 'P2002') throw new AppError('CONFLICT', 'Someone else signed this decision at the same moment.');
    throw error;
  }
}

/** The model outputs the board considered, each with the newest clinician mark at this moment. */
async function copyConsideredResults(tx: Tx, decisionVersionId: string, content: DecisionContent): Promise<void> {
  if (content.consideredResultIds.length === 0) return;
  const results = await tx.inferenceResult.findMany({
    where: { id: { in: content.consideredResultIds } },
    select: { id: true, reviews: { orderBy: { number: 'desc' }, take: 1, select: { id: true, mark: true, reason: true } } },
  });
  await tx.decisionConsideredResult.createMany({
    data: results.map((r) => ({ decisionVersionId, inferenceResultId: r.id, reviewId: r.reviews[0]?.id ?? null, mark: r.reviews[0]?.mark ?? null, reason: r.reviews[0]?.reason ?? null })),
  });
}

interface FollowUpOutcome {
  id: string;
  ownerId: string;
  dueOn: string;
  created: boolean;
  ownerChanged: boolean;
  dueChanged: boolean;
}

/**
 * The first signature creates the follow-up task; an amendment re-targets an OPEN task to the
 * amended owner and due day. A task already completed stays as recorded: what was done with
 * the earlier recommendation is history, and the amendment is visible beside it.
 */
async function upsertFollowUp(
  tx: Tx,
  args: { decision: { id: string; caseId: string; case: { referringUserId: string }; followUp: { id: string; status: string; ownerId: string } | null }; content: DecisionContent; signedAt: Date },
): Promise<FollowUpOutcome> {
  const { decision, content, signedAt } = args;
  const ownerId = content.followUpOwnerId ?? decision.case.referringUserId;
  const dueOn = followUpDueOn(content.followUpDueOn, signedAt);
  const dueDate = new Date(`${dueOn}T00:00:00Z`);
  if (!decision.followUp) {
    const task = await tx.followUpTask.create({ data: { decisionId: decision.id, caseId: decision.caseId, ownerId, dueOn: dueDate }, select: { id: true } });
    return { id: task.id, ownerId, dueOn, created: true, ownerChanged: false, dueChanged: false };
  }
  const task = await tx.followUpTask.findUniqueOrThrow({ where: { id: decision.followUp.id }, select: { id: true, status: true, ownerId: true, dueOn: true, version: true } });
  const currentDue = task.dueOn.toISOString().slice(0, 10);
  if (task.status !== 'OPEN') return { id: task.id, ownerId: task.ownerId, dueOn: currentDue, created: false, ownerChanged: false, dueChanged: false };
  const ownerChanged = task.ownerId !== ownerId;
  const dueChanged = currentDue !== dueOn && content.followUpDueOn !== null;
  if (ownerChanged || dueChanged) {
    // Only while still OPEN and unchanged: an owner completing it at this very moment wins, and
    // the amendment then leaves the completed task as recorded (like any completed task).
    const retargeted = await tx.followUpTask.updateMany({
      where: { id: task.id, status: 'OPEN', version: task.version },
      data: { ownerId, ...(dueChanged ? { dueOn: dueDate } : {}), overdueNotifiedAt: null, version: { increment: 1 } },
    });
    if (retargeted.count === 0) return { id: task.id, ownerId: task.ownerId, dueOn: currentDue, created: false, ownerChanged: false, dueChanged: false };
  }
  return { id: task.id, ownerId, dueOn: dueChanged ? dueOn : currentDue, created: false, ownerChanged, dueChanged };
}
