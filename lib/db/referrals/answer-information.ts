import 'server-only';
import type { z } from 'zod';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { writeAuditEvent } from '@/lib/audit/write-audit-event';
import { AppError, conflict, notFound } from '@/lib/errors';
import { referralRecordSchema, type answerInformationSchema } from '@/lib/schemas/referral';
import { db } from '../client';

/**
 * The referrer answers the coordinator's question: the answer is kept with the question in the
 * referral record and the case returns to REFERRED (back in the inbox). Only the referrer.
 */
export async function answerReferralInformation(options: { actor: Actor; input: z.output<typeof answerInformationSchema>; now?: Date }): Promise<{ caseId: string }> {
  const { actor, input, now = new Date() } = options;
  assertCan(actor, 'cases.refer');
  return db().$transaction(async (tx) => {
    const kase = await tx.case.findFirst({ where: { id: input.caseId, referringUserId: actor.id }, select: { id: true, patientId: true, status: true, referral: true } });
    if (!kase) throw notFound('The referral');
    if (kase.status !== 'NEEDS_INFORMATION') throw new AppError('CONFLICT', 'Nobody is waiting for information on this referral. Reload to see its current state.');
    const record = referralRecordSchema.partial().safeParse(kase.referral);
    const base = record.success ? record.data : {};
    const requests = [...(base.informationRequests ?? [])];
    const open = requests.findLastIndex((r) => r.answer === null);
    if (open >= 0) requests[open] = { ...requests[open]!, answer: input.answer, answeredAt: now.toISOString() };
    const { count } = await tx.case.updateMany({
      where: { id: kase.id, version: input.version },
      data: { status: 'REFERRED', statusReason: null, referral: { ...base, informationRequests: requests }, version: { increment: 1 } },
    });
    if (count === 0) throw conflict('The referral');
    await writeAuditEvent(tx, { actor, action: 'referral.answer_info', entityType: 'Case', entityId: kase.id, patientId: kase.patientId, detail: { answerLength: input.answer.length } });
    return { caseId: kase.id };
  });
}
