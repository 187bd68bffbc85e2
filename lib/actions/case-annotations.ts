'use server';
// Clinicians' annotations on a case: measurements and key images on its images,
// verdicts on facts extracted from its reports. Each export is built by createAction.
import { createAction } from './create-action';
import {
  factReviewSchema,
  keyImageMarkSchema,
  keyImageUnmarkSchema,
  measurementCreateSchema,
  measurementRemoveSchema,
} from '@/lib/schemas/case-annotation';
import { createCaseMeasurement, markCaseKeyImage, removeCaseMeasurement, unmarkCaseKeyImage } from '@/lib/db/case-annotations';
import { reviewReportFact as reviewReportFactRecord } from '@/lib/db/report-fact-reviews';

export const saveMeasurement = createAction({
  name: 'cases.saveMeasurement',
  permission: 'cases.annotate',
  input: measurementCreateSchema,
  handler: ({ actor, input }) => createCaseMeasurement({ actor, input }),
  successMessage: 'Measurement saved.',
});

export const removeMeasurement = createAction({
  name: 'cases.removeMeasurement',
  permission: 'cases.annotate',
  input: measurementRemoveSchema,
  handler: ({ actor, input }) => removeCaseMeasurement({ actor, ...input }),
  successMessage: 'Measurement removed.',
});

export const markKeyImage = createAction({
  name: 'cases.markKeyImage',
  permission: 'cases.annotate',
  input: keyImageMarkSchema,
  handler: ({ actor, input }) => markCaseKeyImage({ actor, input }),
  successMessage: 'Marked as key image.',
});

export const unmarkKeyImage = createAction({
  name: 'cases.unmarkKeyImage',
  permission: 'cases.annotate',
  input: keyImageUnmarkSchema,
  handler: ({ actor, input }) => unmarkCaseKeyImage({ actor, ...input }),
  successMessage: 'Key image mark removed.',
});

export const reviewReportFact = createAction({
  name: 'cases.reviewReportFact',
  permission: 'cases.annotate',
  input: factReviewSchema,
  handler: ({ actor, input }) => reviewReportFactRecord({ actor, input }),
  // The header shows confirmed facts; it is server-rendered.
  revalidate: ({ input }) => [`/cases/${input.caseId}`],
  successMessage: 'Saved.',
});
