'use server';
// Decision support on the case screen: a clinician asks for a fresh run of the case's
// models, and marks a result as considered or disagrees with it. Each export is built by
// createAction; lib/db and lib/inference check permission and case scope again.
import { createAction } from './create-action';
import { inferenceReviewSchema, runCaseModelsSchema } from '@/lib/schemas/inference';
import { listCaseInference, reviewInferenceResult as reviewInferenceResultRecord } from '@/lib/db/inference-results';
import { runModelsForCase } from '@/lib/inference/run-models-for-case';

/** Runs every applicable model now (ON_DEMAND) and returns the panel's fresh state. */
export const runCaseModels = createAction({
  name: 'inference.runCaseModels',
  permission: 'inference.run',
  input: runCaseModelsSchema,
  handler: async ({ actor, input }) => {
    await runModelsForCase({ actor, caseId: input.caseId, trigger: 'ON_DEMAND' });
    return listCaseInference({ actor, caseId: input.caseId });
  },
  successMessage: 'The models ran on the case’s current data.',
});

export const reviewInferenceResult = createAction({
  name: 'inference.reviewResult',
  permission: 'cases.annotate',
  input: inferenceReviewSchema,
  handler: ({ actor, input }) => reviewInferenceResultRecord({ actor, input }),
  successMessage: 'Saved.',
});
