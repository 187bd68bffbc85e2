import 'server-only';
import type { z } from 'zod';
import type { Actor } from '@/lib/authz/actor';
import { acceptReferral as acceptReferralRecord, type AcceptedReferralDto } from '@/lib/db/referrals/triage';
import { enqueueCaseInference } from '@/lib/jobs/boss';
import type { acceptReferralSchema } from '@/lib/schemas/referral';

/**
 * Accepting a referral puts the case on a meeting's agenda (SCHEDULED), which is when its
 * decision-support models should run (issue 5, AUTO_PREPARE). The job is queued only after
 * the transaction committed, so the worker never looks for a case that is not there yet. A
 * queue that is down does not undo the acceptance: clinicians can still run the models on
 * the case screen; the failure is logged and the answer says `inferenceQueued: false`.
 */
export async function acceptReferral(options: {
  actor: Actor;
  input: z.output<typeof acceptReferralSchema>;
  now?: Date;
  enqueue?: (caseId: string) => Promise<void>;
}): Promise<AcceptedReferralDto & { inferenceQueued: boolean }> {
  const accepted = await acceptReferralRecord(options);
  const enqueue = options.enqueue ?? enqueueCaseInference;
  try {
    await enqueue(accepted.caseId);
    return { ...accepted, inferenceQueued: true };
  } catch (error) {
    console.error(`[referral accept] case ${accepted.caseId} is scheduled but its model run could not be queued`, error);
    return { ...accepted, inferenceQueued: false };
  }
}
