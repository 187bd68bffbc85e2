import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { caseScope } from '@/lib/authz/scopes';
import { writeAuditEvent } from '@/lib/audit/write-audit-event';
import { DRAFT_CONFLICT_MESSAGE } from '@/lib/decisions/draft-conflict';
import { AppError, notFound } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { SaveDecisionDraftInput } from '@/lib/schemas/decision';
import { db } from '../client';
import { assertContentReferences } from './check-content-references';
import { isBoardMember, NOT_A_MEMBER_MESSAGE } from './decision-scope';

export interface SavedDraft {
  decisionId: string;
  /** Send this back as expectedVersion with the next save. */
  version: number;
  status: 'DRAFT' | 'AMENDING';
  savedAt: string;
}

/** The message a stale save gets; the editor then shows the conflict view (theirs vs. mine). */
export { DRAFT_CONFLICT_MESSAGE };

/**
 * Autosave of a decision draft (or of an amendment's draft). The first save creates the row
 * (one decision per case and meeting: a second "first save" is a conflict, never a second
 * decision); every later save names the version it was based on, and the version check and
 * the write are one statement, so of two editors saving from the same version exactly one
 * wins and the other is told, with nothing overwritten. A signed decision refuses saves: it is
 * amended (startAmendment) first.
 */
export async function saveDecisionDraft(options: { actor: Actor; input: SaveDecisionDraftInput }): Promise<SavedDraft> {
  const { actor, input } = options;
  assertCan(actor, 'decisions.edit');
  try {
    return await db().$transaction(async (tx) => {
      const kase = await tx.case.findFirst({ where: { AND: [{ id: input.caseId }, caseScope(actor)] }, select: { id: true, patientId: true, boardId: true } });
      if (!kase) throw notFound('The case');
      if (!(await isBoardMember(tx, actor, kase.boardId))) throw new AppError('FORBIDDEN', NOT_A_MEMBER_MESSAGE);
      const item = await tx.agendaItem.findFirst({
        where: { caseId: kase.id, meetingId: input.meetingId },
        select: { status: true, meeting: { select: { status: true, boardId: true } } },
      });
      if (!item || item.meeting.boardId !== kase.boardId) throw new AppError('VALIDATION', 'This case is not on that meeting’s agenda.');
      if (item.meeting.status === 'CANCELLED') throw new AppError('CONFLICT', 'The meeting was cancelled; record the decision at the meeting the case moved to.');
      if (item.status === 'POSTPONED') throw new AppError('CONFLICT', 'The case was postponed at this meeting; record the decision where it is discussed.');
      const existing = await tx.decision.findUnique({ where: { caseId_meetingId: { caseId: kase.id, meetingId: input.meetingId } }, select: { id: true, status: true } });
      await assertContentReferences(tx, { caseId: kase.id, meetingId: input.meetingId, decisionId: existing?.id, content: input.content });
      const draft = input.content as unknown as Prisma.InputJsonValue;

      let decisionId: string;
      let version: number;
      let status: 'DRAFT' | 'AMENDING';
      let updatedAt: Date;
      if (input.expectedVersion === undefined) {
        const created = await tx.decision.create({
          data: { caseId: kase.id, meetingId: input.meetingId, draft, lastEditedById: actor.id },
          select: { id: true, version: true, updatedAt: true },
        });
        ({ id: decisionId, version, updatedAt } = created);
        status = 'DRAFT';
      } else {
        const current = existing;
        if (!current) throw notFound('The decision');
        if (current.status === 'SIGNED') throw new AppError('CONFLICT', 'This decision has been signed and cannot be edited. Amend it to correct it.');
        const written = await tx.decision.updateMany({
          where: { id: current.id, version: input.expectedVersion, status: { in: ['DRAFT', 'AMENDING'] } },
          data: { draft, lastEditedById: actor.id, version: { increment: 1 } },
        });
        if (written.count === 0) throw new AppError('CONFLICT', DRAFT_CONFLICT_MESSAGE);
        const row = await tx.decision.findUniqueOrThrow({ where: { id: current.id }, select: { version: true, status: true, updatedAt: true } });
        if (row.status === 'SIGNED') throw new AppError('CONFLICT', 'This decision has been signed and cannot be edited.');
        decisionId = current.id;
        ({ version, status, updatedAt } = row as { version: number; status: 'DRAFT' | 'AMENDING'; updatedAt: Date });
      }
      await writeAuditEvent(tx, {
        actor,
        action: 'decision.draft_save',
        entityType: 'Decision',
        entityId: decisionId,
        patientId: kase.patientId,
        detail: { decisionId, meetingId: input.meetingId, version, created: input.expectedVersion === undefined },
      });
      return { decisionId, version, status, savedAt: updatedAt.toISOString() };
    });
  } catch (error) {
    // Two first saves at once: the (caseId, meetingId) key lets only one create the decision.
    if ((error as { code?: unknown }).code === 'P2002') throw new AppError('CONFLICT', DRAFT_CONFLICT_MESSAGE);
    throw error;
  }
}
