import 'server-only';
import type { z } from 'zod';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { can } from '@/lib/authz/permissions';
import { writeAuditEvent } from '@/lib/audit/write-audit-event';
import { AppError, notFound } from '@/lib/errors';
import type { reviewMarkSchema, reviewUnmarkSchema } from '@/lib/schemas/meeting-preparation';
import { findCaseInScope } from '../case-scope-lookup';
import { db, type Tx } from '../client';

// "Radiology review done" / "Pathology review done" on a case's preparation. Only a
// clinician whose profile specialty is that specialty may set or take back the mark (the
// permission is cases.annotate; the specialty is the row-level rule). One mark per case and
// specialty (unique index); taking it back deletes it, and both are audited.

const specialtyName = { RADIOLOGY: 'radiologist', PATHOLOGY: 'pathologist' } as const;

async function assertSpecialist(tx: Tx, actor: Actor, specialty: 'RADIOLOGY' | 'PATHOLOGY') {
  const user = await tx.user.findUnique({ where: { id: actor.id }, select: { specialty: true } });
  if (user?.specialty !== specialty) {
    throw new AppError('FORBIDDEN', `Only a ${specialtyName[specialty]} can mark the ${specialty.toLowerCase()} review done (your profile's specialty is ${user?.specialty?.toLowerCase().replaceAll('_', ' ') ?? 'not set'}).`);
  }
}

export async function markCaseReview(options: { actor: Actor; input: z.output<typeof reviewMarkSchema> }): Promise<{ done: boolean }> {
  const { actor, input } = options;
  assertCan(actor, 'cases.annotate');
  return db().$transaction(async (tx) => {
    const scoped = await findCaseInScope(tx, actor, input.caseId);
    await assertSpecialist(tx, actor, input.specialty);
    const existing = await tx.caseReviewMark.findUnique({ where: { caseId_specialty: { caseId: scoped.id, specialty: input.specialty } }, include: { markedBy: { select: { name: true } } } });
    if (existing) throw new AppError('CONFLICT', `The ${input.specialty.toLowerCase()} review was already marked done by ${existing.markedBy.name}.`);
    await tx.caseReviewMark.create({ data: { caseId: scoped.id, specialty: input.specialty, markedById: actor.id, note: input.note || null } });
    await writeAuditEvent(tx, { actor, action: 'case.review_mark', entityType: 'Case', entityId: scoped.id, patientId: scoped.patientId, detail: { specialty: input.specialty, undo: false } });
    return { done: true };
  });
}

export async function unmarkCaseReview(options: { actor: Actor; input: z.output<typeof reviewUnmarkSchema> }): Promise<{ done: boolean }> {
  const { actor, input } = options;
  assertCan(actor, 'cases.annotate');
  return db().$transaction(async (tx) => {
    const scoped = await findCaseInScope(tx, actor, input.caseId);
    await assertSpecialist(tx, actor, input.specialty);
    const { count } = await tx.caseReviewMark.deleteMany({ where: { caseId: scoped.id, specialty: input.specialty } });
    if (count === 0) throw notFound(`The ${input.specialty.toLowerCase()} review mark`);
    await writeAuditEvent(tx, { actor, action: 'case.review_mark', entityType: 'Case', entityId: scoped.id, patientId: scoped.patientId, detail: { specialty: input.specialty, undo: true } });
    return { done: false };
  });
}

/** The review mark the actor may set: their profile specialty if it is radiology or pathology and they may annotate. */
export async function reviewSpecialtyOf(actor: Actor): Promise<'RADIOLOGY' | 'PATHOLOGY' | null> {
  if (!can(actor, 'cases.annotate')) return null;
  const user = await db().user.findUnique({ where: { id: actor.id }, select: { specialty: true } });
  return user?.specialty === 'RADIOLOGY' || user?.specialty === 'PATHOLOGY' ? user.specialty : null;
}
