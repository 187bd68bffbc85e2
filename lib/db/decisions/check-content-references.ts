import 'server-only';
import { AppError, type FieldErrors } from '@/lib/errors';
import type { DecisionContent } from '@/lib/schemas/decision';
import type { Tx } from '../client';

/**
 * The ids a decision names must exist and belong: attendees and dissenters are active users,
 * the follow-up owner is an active clinician, and considered model outputs are shown
 * (non-shadow) results of this very case. A draft naming anything else is refused with the
 * field at fault, so a signed version can never point at another patient's model output.
 */
export async function assertContentReferences(tx: Tx, caseId: string, content: DecisionContent): Promise<void> {
  const errors: FieldErrors = {};
  const userIds = [...new Set([...content.attendeeIds, ...content.dissents.flatMap((d) => (d.userId ? [d.userId] : [])), ...(content.followUpOwnerId ? [content.followUpOwnerId] : [])])];
  const users = userIds.length ? await tx.user.findMany({ where: { id: { in: userIds }, active: true }, select: { id: true, roles: true } }) : [];
  const known = new Map(users.map((u) => [u.id, u]));
  if (content.attendeeIds.some((id) => !known.has(id))) errors.attendeeIds = ['An attendee is not an active Konsil user.'];
  if (content.dissents.some((d) => d.userId && !known.has(d.userId))) errors.dissents = ['A dissenting participant is not an active Konsil user.'];
  if (content.followUpOwnerId) {
    const owner = known.get(content.followUpOwnerId);
    if (!owner || !owner.roles.includes('CLINICIAN')) errors.followUpOwnerId = ['The follow-up owner must be an active clinician.'];
  }
  if (content.consideredResultIds.length) {
    const found = await tx.inferenceResult.count({ where: { id: { in: content.consideredResultIds }, caseId, shadow: false } });
    if (found !== new Set(content.consideredResultIds).size) errors.consideredResultIds = ['A considered model output is not one of this case’s results.'];
  }
  if (Object.keys(errors).length) throw new AppError('VALIDATION', 'Some fields of the decision need attention.', { fieldErrors: errors });
}
