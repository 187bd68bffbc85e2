'use server';
// Referral and triage: a clinician refers a case and answers the coordinator's questions; a
// coordinator accepts (onto an agenda), rejects or asks for information. Each export is built by
// createAction; lib/db checks the permission, the scope and the case version again.
import { createAction } from './create-action';
import { createReferral as createReferralRecord } from '@/lib/db/referrals/create-referral';
import { answerReferralInformation as answerRecord } from '@/lib/db/referrals/answer-information';
import { rejectReferral as rejectRecord, requestReferralInformation as requestRecord } from '@/lib/db/referrals/triage';
import { acceptReferral as acceptAndQueue } from '@/lib/referrals/accept-referral';
import { acceptReferralSchema, answerInformationSchema, referralCreateSchema, rejectReferralSchema, requestInformationSchema } from '@/lib/schemas/referral';

export const createReferral = createAction({
  name: 'referrals.create',
  permission: 'cases.refer',
  input: referralCreateSchema,
  handler: ({ actor, input }) => createReferralRecord({ actor, input }),
  revalidate: () => ['/referrals', '/cases'],
  successMessage: 'The case was referred.',
});

export const acceptReferral = createAction({
  name: 'referrals.accept',
  permission: 'referrals.triage',
  input: acceptReferralSchema,
  handler: ({ actor, input }) => acceptAndQueue({ actor, input }),
  revalidate: ({ result }) => ['/referrals', `/meetings/${result.meetingId}/agenda`, `/cases/${result.caseId}`],
  successMessage: 'Accepted and put on the meeting’s agenda.',
});

export const rejectReferral = createAction({
  name: 'referrals.reject',
  permission: 'referrals.triage',
  input: rejectReferralSchema,
  handler: ({ actor, input }) => rejectRecord({ actor, input }),
  revalidate: () => ['/referrals'],
  successMessage: 'Rejected; the referrer was notified.',
});

export const requestReferralInformation = createAction({
  name: 'referrals.requestInformation',
  permission: 'referrals.triage',
  input: requestInformationSchema,
  handler: ({ actor, input }) => requestRecord({ actor, input }),
  revalidate: () => ['/referrals'],
  successMessage: 'Sent to the referrer.',
});

export const answerReferralInformation = createAction({
  name: 'referrals.answerInformation',
  permission: 'cases.refer',
  input: answerInformationSchema,
  handler: ({ actor, input }) => answerRecord({ actor, input }),
  revalidate: () => ['/referrals'],
  successMessage: 'Your answer was sent; the referral is back with the coordinator.',
});
