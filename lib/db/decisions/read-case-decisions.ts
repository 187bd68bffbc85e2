import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { can } from '@/lib/authz/permissions';
import { caseScope } from '@/lib/authz/scopes';
import { writeAuditEvent } from '@/lib/audit/write-audit-event';
import { notFound } from '@/lib/errors';
import { decisionContentSchema, type DecisionContent } from '@/lib/schemas/decision';
import type { CaseDecisionsDto, DecisionDto, PersonDto } from '@/lib/schemas/decision-dto';
import { db } from '../client';
import { isBoardChair } from './decision-scope';

const person = (u: { id: string; name: string; title?: string | null; specialty?: string | null; roles?: readonly string[] }): PersonDto => ({
  id: u.id,
  name: u.title ? `${u.title} ${u.name}` : u.name,
  specialty: u.specialty ?? null,
  roles: [...(u.roles ?? [])],
});
const personSelect = { id: true, name: true, title: true, specialty: true, roles: true } as const;

/** Stored JSON → the content shape (defaults fill fields added after it was written). */
function toContent(json: unknown): DecisionContent {
  return decisionContentSchema.parse(json);
}

/**
 * Everything the case screen's decision panel needs: every decision of the case (one per
 * meeting), its signed versions newest first with the model outputs each considered, the
 * follow-up, the meetings a new draft can be started for, and who may be named in it.
 * Reading a decision is reading patient data: audited in the same transaction.
 */
export async function readCaseDecisions(options: { actor: Actor; caseId: string }): Promise<CaseDecisionsDto> {
  const { actor, caseId } = options;
  assertCan(actor, 'cases.read');
  return db().$transaction(async (tx) => {
    const kase = await tx.case.findFirst({
      where: { AND: [{ id: caseId }, caseScope(actor)] },
      select: {
        id: true,
        patientId: true,
        boardId: true,
        referringUser: { select: personSelect },
        board: { select: { name: true, timeZone: true, members: { where: { user: { active: true } }, select: { user: { select: personSelect } } } } },
      },
    });
    if (!kase) throw notFound('The case');
    const rows = await tx.decision.findMany({
      where: { caseId: kase.id },
      orderBy: { createdAt: 'desc' },
      include: {
        meeting: { select: { id: true, startsAt: true, status: true } },
        lastEditedBy: { select: personSelect },
        versions: {
          orderBy: { number: 'desc' },
          include: {
            signedBy: { select: personSelect },
            consideredResults: { include: { inferenceResult: { select: { id: true, modelFileSha256: true, modelVersion: { select: { name: true, semver: true } } } } } },
          },
        },
        followUp: { include: { owner: { select: personSelect } } },
      },
    });
    const decided = new Set(rows.map((r) => r.meeting?.id).filter(Boolean));
    const items = await tx.agendaItem.findMany({
      where: { caseId: kase.id, status: { not: 'POSTPONED' }, meeting: { status: { not: 'CANCELLED' } } },
      select: { meeting: { select: { id: true, startsAt: true, status: true, attendance: { select: { userId: true } } } } },
      orderBy: { meeting: { startsAt: 'desc' } },
    });
    const meetingInfo = (m: { id: string; startsAt: Date; status: string }) => ({ id: m.id, startsAt: m.startsAt.toISOString(), status: m.status, boardName: kase.board.name, timeZone: kase.board.timeZone });
    const decisions: DecisionDto[] = rows.map((r) => ({
      id: r.id,
      caseId: r.caseId,
      meeting: r.meeting ? meetingInfo(r.meeting) : null,
      status: r.status,
      draft: toContent(r.draft),
      version: r.version,
      lastEditedBy: r.lastEditedBy ? person(r.lastEditedBy) : null,
      updatedAt: r.updatedAt.toISOString(),
      versions: r.versions.map((v) => ({
        number: v.number,
        content: toContent(v.content),
        amendmentReason: v.amendmentReason,
        signedBy: person(v.signedBy),
        signedAt: v.signedAt.toISOString(),
        contentSha256: v.contentSha256,
        consideredResults: v.consideredResults.map((c) => ({
          resultId: c.inferenceResultId,
          modelName: c.inferenceResult.modelVersion.name,
          modelVersion: c.inferenceResult.modelVersion.semver,
          modelFileSha256: c.inferenceResult.modelFileSha256,
          mark: c.mark,
          reason: c.reason,
        })),
      })),
      followUp: r.followUp
        ? {
            id: r.followUp.id,
            status: r.followUp.status,
            owner: person(r.followUp.owner),
            dueOn: r.followUp.dueOn.toISOString().slice(0, 10),
            reason: r.followUp.reason,
            note: r.followUp.note,
            completedAt: r.followUp.completedAt?.toISOString() ?? null,
            version: r.followUp.version,
          }
        : null,
    }));
    const people = new Map<string, PersonDto>();
    for (const m of kase.board.members) people.set(m.user.id, person(m.user));
    people.set(kase.referringUser.id, person(kase.referringUser));
    if (decisions.length > 0) {
      await writeAuditEvent(tx, {
        actor,
        action: 'decision.read',
        entityType: 'Case',
        entityId: kase.id,
        patientId: kase.patientId,
        detail: { decisionIds: decisions.map((d) => d.id) },
      });
    }
    return {
      caseId: kase.id,
      decisions,
      openMeetings: items
        .filter((i) => !decided.has(i.meeting.id))
        .map((i) => ({ ...meetingInfo(i.meeting), attendeeIds: [...new Set(i.meeting.attendance.map((a) => a.userId))] })),
      people: [...people.values()].sort((a, b) => a.name.localeCompare(b.name)),
      referringUser: person(kase.referringUser),
      canEdit: can(actor, 'decisions.edit') && kase.board.members.some((m) => m.user.id === actor.id),
      canSign: can(actor, 'decisions.sign') && (await isBoardChair(tx, actor, kase.boardId)),
    };
  });
}
