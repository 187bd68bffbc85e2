'use server';
// The board decision on the case screen: autosave of the draft, the chair's signature, and
// opening / abandoning an amendment. Each export is built by createAction; lib/db checks
// permission, case scope, the chair role and the row version again.
import { createAction } from './create-action';
import { cancelAmendment, startAmendment } from '@/lib/db/decisions/amendment';
import { saveDecisionDraft as saveDraftRecord } from '@/lib/db/decisions/save-decision-draft';
import { signDecision as signDecisionRecord } from '@/lib/db/decisions/sign-decision';
import { isEmailEnabled } from '@/lib/env';
import { queueNotificationEmails } from '@/lib/notifications/queue-emails';
import { decisionTransitionSchema, saveDecisionDraftSchema, signDecisionSchema } from '@/lib/schemas/decision';

export const saveDecisionDraft = createAction({
  name: 'decisions.saveDraft',
  permission: 'decisions.edit',
  input: saveDecisionDraftSchema,
  handler: ({ actor, input }) => saveDraftRecord({ actor, input }),
});

export const signDecision = createAction({
  name: 'decisions.sign',
  permission: 'decisions.sign',
  input: signDecisionSchema,
  handler: async ({ actor, input }) => {
    const result = await signDecisionRecord({ actor, input, email: isEmailEnabled() });
    await queueNotificationEmails(result.emailIds);
    return { decisionId: result.decisionId, versionNumber: result.versionNumber, contentSha256: result.contentSha256, followUpTaskId: result.followUpTaskId };
  },
  successMessage: 'Signed. The follow-up task went to its owner.',
});

export const startDecisionAmendment = createAction({
  name: 'decisions.startAmendment',
  permission: 'decisions.edit',
  input: decisionTransitionSchema,
  handler: ({ actor, input }) => startAmendment({ actor, input }),
  successMessage: 'Amendment opened. The signed version stays valid until the chair signs the amendment.',
});

export const cancelDecisionAmendment = createAction({
  name: 'decisions.cancelAmendment',
  permission: 'decisions.edit',
  input: decisionTransitionSchema,
  handler: ({ actor, input }) => cancelAmendment({ actor, input }),
  successMessage: 'Amendment abandoned; the signed version is unchanged.',
});
