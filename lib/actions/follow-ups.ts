'use server';
// Closing the loop: the follow-up task's owner records whether the board's recommendation was carried out.
import { z } from 'zod';
import { createAction } from './create-action';
import { completeFollowUp } from '@/lib/db/follow-ups/complete-follow-up';
import { completeFollowUpSchema } from '@/lib/schemas/decision';

// The form always posts its reason select and note; empty means "not given" (the schema's rule
// then says whether a reason is needed).
const completeFollowUpFormSchema = z.preprocess(
  (value) => (value && typeof value === 'object' && (value as { reason?: unknown }).reason === '' ? { ...value, reason: undefined } : value),
  completeFollowUpSchema,
);

export const completeFollowUpTask = createAction({
  name: 'followUps.complete',
  permission: 'followups.complete',
  input: completeFollowUpFormSchema,
  handler: ({ actor, input }) => completeFollowUp({ actor, input }),
  revalidate: ({ result }) => ['/follow-ups', `/cases/${result.caseId}`],
  successMessage: 'Outcome recorded.',
});
