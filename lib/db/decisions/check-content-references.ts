import 'server-only';
import { AppError, type FieldErrors } from '@/lib/errors';
import type { DecisionContent } from '@/lib/schemas/decision';
import type { Tx } from '../client';

/**
 * The ids a decision names must belong to this case:
 * - the follow-up owner is an ACTIVE CLINICIAN among the board's members and the referrer (the
 *   task shows the case to its owner, so naming someone outside the case's scope would leak it);
 * - attendees and dissenters are people of this case (board members, the referrer, the
 *   meeting's recorded attendance) or were already named in the newest signed version: they
 *   need not be active, so an amendment after someone left does not force the attendance list
 *   to be rewritten;
 * - considered model outputs are shown (non-shadow) results of this very case.
 * A draft naming anything else is refused with the field at fault.
 */
export async function assertContentReferences(tx: Tx, args: { caseId: string; meetingId: string | null; decisionId?: string; content: DecisionContent }): Promise<void> {
  const { caseId, meetingId, content } = args;
  const errors: FieldErrors = {};
  const kase = await tx.case.findUniqueOrThrow({
    where: { id: caseId },
    select: { referringUserId: true, board: { select: { members: { select: { userId: true } } } } },
  });
  const casePeople = new Set([kase.referringUserId, ...kase.board.members.map((m) => m.userId)]);
  const attended = meetingId ? await tx.meetingAttendance.findMany({ where: { meetingId }, select: { userId: true } }) : [];
  const signedBefore = args.decisionId
    ? await tx.decisionVersion.findFirst({ where: { decisionId: args.decisionId }, orderBy: { number: 'desc' }, select: { content: true } })
    : null;
  const named = signedBefore ? namedPeople(signedBefore.content) : [];
  const mayBeNamed = new Set([...casePeople, ...attended.map((a) => a.userId), ...named]);

  if (content.attendeeIds.some((id) => !mayBeNamed.has(id))) errors.attendeeIds = ['An attendee is not a member of this board or an attendee of the meeting.'];
  if (content.dissents.some((d) => d.userId && !mayBeNamed.has(d.userId))) errors.dissents = ['A dissenting participant is not a member of this board or an attendee of the meeting.'];
  if (content.followUpOwnerId) {
    const owner = casePeople.has(content.followUpOwnerId)
      ? await tx.user.findFirst({ where: { id: content.followUpOwnerId, active: true }, select: { roles: true } })
      : null;
    if (!owner || !owner.roles.includes('CLINICIAN')) errors.followUpOwnerId = ['The follow-up owner must be an active clinician of this board (or the referrer).'];
  }
  if (content.consideredResultIds.length) {
    const found = await tx.inferenceResult.count({ where: { id: { in: content.consideredResultIds }, caseId, shadow: false } });
    if (found !== new Set(content.consideredResultIds).size) errors.consideredResultIds = ['A considered model output is not one of this case’s results.'];
  }
  if (Object.keys(errors).length) throw new AppError('VALIDATION', 'Some fields of the decision need attention.', { fieldErrors: errors });
}

function namedPeople(content: unknown): string[] {
  const c = content as { attendeeIds?: unknown; dissents?: unknown };
  const attendees = Array.isArray(c.attendeeIds) ? c.attendeeIds.filter((id): id is string => typeof id === 'string') : [];
  const dissenters = Array.isArray(c.dissents) ? c.dissents.map((d) => (d as { userId?: unknown }).userId).filter((id): id is string => typeof id === 'string') : [];
  return [...attendees, ...dissenters];
}
