// Decision support: what a model run stores and what leaves the server. The stored JSON
// columns of inference_results (inputs, flags) are parsed with these schemas on the way
// out, and the DTOs the case screen and the admin registry receive are built from them.
// Dates are ISO strings in UTC.
import { z } from 'zod';
import { featureSourceSchema } from '@/lib/models/model-card';
import { idSchema, versionSchema } from './common';

// ── what one run stores ─────────────────────────────────────────────────────────────

export const featureStatuses = ['ok', 'missing', 'out_of_range', 'unit_unknown', 'imputed'] as const;
export type FeatureStatus = (typeof featureStatuses)[number];

/** One card feature as the mapper found it in the case (stored in inference_results.inputs, card order). */
export const mappedFeatureSchema = z.object({
  name: z.string(),
  /** The value fed to the model, in the model's unit; null when the model was not scored for it. */
  value: z.number().nullable(),
  /** What the case data held, before conversion (a number, or text for a fact that was not numeric). */
  rawValue: z.union([z.number(), z.string()]).nullable(),
  rawUnit: z.string().nullable(),
  /** Where the value came from, for people: "Observation LOINC 29463-7 (Body weight), 2026-10-01". */
  source: z.string(),
  status: z.enum(featureStatuses),
  /** When the value was observed / reported, if it has a date. */
  observedAt: z.string().nullable(),
  /** Why the status is not ok, for people. */
  note: z.string().nullable(),
});
export type MappedFeature = z.infer<typeof mappedFeatureSchema>;

export const flagCodes = ['missing', 'out_of_range', 'unit_unknown', 'imputed', 'runtime_error'] as const;
export type FlagCode = (typeof flagCodes)[number];

/** Why a result is NOT_SCORED, SCORED_WITH_FLAGS or FAILED (stored in inference_results.flags). */
export const inferenceFlagSchema = z.object({
  code: z.enum(flagCodes),
  /** The feature concerned; null for runtime errors. */
  feature: z.string().nullable(),
  message: z.string(),
  /** True when this flag kept the model from being scored. */
  blocking: z.boolean(),
});
export type InferenceFlag = z.infer<typeof inferenceFlagSchema>;

export const inferenceStatuses = ['SCORED', 'SCORED_WITH_FLAGS', 'NOT_SCORED', 'FAILED'] as const;
export type InferenceStatus = (typeof inferenceStatuses)[number];
export const inferenceTriggers = ['AUTO_PREPARE', 'ON_DEMAND'] as const;
export type InferenceTrigger = (typeof inferenceTriggers)[number];
export const reviewMarks = ['CONSIDERED', 'DISAGREE'] as const;
export type ReviewMark = (typeof reviewMarks)[number];

// ── inputs of actions ───────────────────────────────────────────────────────────────

export const runCaseModelsSchema = z.object({ caseId: idSchema });

export const inferenceReviewSchema = z
  .object({
    resultId: idSchema,
    mark: z.enum(reviewMarks),
    reason: z
      .string()
      .trim()
      .max(2000, 'At most 2000 characters')
      .optional()
      .transform((v) => (v ? v : undefined)),
    /** The review number the clinician saw (0 = none yet); a newer mark by someone else is a conflict. Omitted: the mark is added on top. */
    expectedVersion: versionSchema.optional(),
  })
  .superRefine((input, ctx) => {
    if (input.mark === 'DISAGREE' && !input.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Say why you disagree.' });
  });
export type InferenceReviewInput = Omit<z.output<typeof inferenceReviewSchema>, 'reason'> & { reason?: string };

/** Every registry transition names the version, the row version the admin saw, and why. */
export const modelTransitionSchema = z.object({
  versionId: idSchema,
  expectedVersion: versionSchema,
  reason: z.string().trim().min(3, 'Give a reason (at least 3 characters).').max(500, 'At most 500 characters'),
});
export type ModelTransitionInput = z.output<typeof modelTransitionSchema>;

// ── what leaves the server ──────────────────────────────────────────────────────────

export const inferenceReviewDtoSchema = z.object({
  /** The review's number on this result (1, 2, …): send it back as expectedVersion. */
  version: z.number().int(),
  mark: z.enum(reviewMarks),
  reason: z.string().nullable(),
  reviewedBy: z.object({ id: z.string(), name: z.string() }),
  reviewedAt: z.string(),
});
export type InferenceReviewDto = z.infer<typeof inferenceReviewDtoSchema>;

const dataDescriptionSchema = z.object({ description: z.string(), citation: z.string(), licence: z.string(), n: z.number() });

/** The card as the case screen shows it beside a result. */
export const modelCardSummarySchema = z.object({
  modelVersionId: z.string(),
  modelKey: z.string(),
  name: z.string(),
  version: z.string(),
  kind: z.enum(['classifier', 'survival']),
  intendedUse: z.string(),
  /** "Research use only. Not a medical device." — show it with every result. */
  disclaimer: z.string(),
  limitations: z.array(z.string()),
  horizonsMonths: z.array(z.number()).nullable(),
  outputs: z.array(z.object({ name: z.string(), description: z.string(), shape: z.array(z.number()) })),
  /** `source` says where the value is read from, so the panel can say what to do when it is missing. */
  features: z.array(
    z.object({ name: z.string(), label: z.string(), unit: z.string(), validRange: z.object({ min: z.number(), max: z.number() }), source: featureSourceSchema }),
  ),
  metrics: z.array(z.object({ name: z.string(), cohort: z.string(), n: z.number(), value: z.number(), ci95: z.tuple([z.number(), z.number()]) })),
  /** What the model learned from (and, if any, was validated on): the panel's "Model card" disclosure. */
  trainingData: dataDescriptionSchema,
  externalData: dataDescriptionSchema.nullable(),
  /** The card's date (YYYY-MM-DD) and author. */
  date: z.string(),
  author: z.string(),
});
export type ModelCardSummary = z.infer<typeof modelCardSummarySchema>;

export const inferenceInputDtoSchema = mappedFeatureSchema.extend({ label: z.string(), unit: z.string() });
export type InferenceInputDto = z.infer<typeof inferenceInputDtoSchema>;

export const contributionDtoSchema = z.object({ feature: z.string(), label: z.string(), value: z.number() });

export const inferenceResultDtoSchema = z.object({
  id: z.string(),
  /** The version that produced it: compare with the card's modelVersionId (an older version's result stays until the next run). */
  modelVersionId: z.string(),
  semver: z.string(),
  status: z.enum(inferenceStatuses),
  trigger: z.enum(inferenceTriggers),
  createdAt: z.string(),
  triggeredBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** sha256 of the .onnx file that produced it, and of the input vector (provenance). */
  modelFileSha256: z.string(),
  inputHash: z.string(),
  durationMs: z.number().nullable(),
  inputs: z.array(inferenceInputDtoSchema),
  /** Output name → values (e.g. probability [0.83]; survival [0.95, 0.88, 0.7] at horizonsMonths). Null unless scored. */
  outputs: z.record(z.string(), z.array(z.number())).nullable(),
  /** Largest |value| first. Empty unless scored. */
  contributions: z.array(contributionDtoSchema),
  flags: z.array(inferenceFlagSchema),
  /** The current mark (newest review) and the earlier ones, newest first. */
  review: inferenceReviewDtoSchema.nullable(),
  reviewHistory: z.array(inferenceReviewDtoSchema),
});
export type InferenceResultDto = z.infer<typeof inferenceResultDtoSchema>;

/**
 * One applicable model on a case: the ACTIVE version's card, its latest (non-shadow) result if it
 * ran, and the card of the version that gave that result (another version's after an activation
 * or a rollback): the result is drawn with its own card's horizons, kind and feature labels.
 */
export const caseModelDtoSchema = z.object({ card: modelCardSummarySchema, result: inferenceResultDtoSchema.nullable(), resultCard: modelCardSummarySchema.nullable() });
export type CaseModelDto = z.infer<typeof caseModelDtoSchema>;

export const caseInferenceDtoSchema = z.object({
  caseId: z.string(),
  models: z.array(caseModelDtoSchema),
  /** What the viewer may do (the server checks again). */
  can: z.object({ run: z.boolean(), review: z.boolean() }),
});
export type CaseInferenceDto = z.infer<typeof caseInferenceDtoSchema>;

export const modelVersionStatuses = ['DRAFT', 'VALIDATED', 'SHADOW', 'ACTIVE', 'RETIRED', 'REJECTED'] as const;
export type ModelVersionStatus = (typeof modelVersionStatuses)[number];

export const modelVersionStatsSchema = z.object({
  runs: z.number().int(),
  latencyP50Ms: z.number().nullable(),
  latencyP95Ms: z.number().nullable(),
  /** Shares of runs, 0..1. */
  notScoredShare: z.number().nullable(),
  flaggedShare: z.number().nullable(),
  failedShare: z.number().nullable(),
  lastRunAt: z.string().nullable(),
  /**
   * Agreement with board decisions: this version's outputs the board took into account in the
   * newest signed version of each decision, by the clinician's mark copied at signing
   * (docs/quality-dashboard.md). Shares of `consideredInDecisions`, 0..1; null when none.
   */
  consideredInDecisions: z.number().int(),
  markedConsideredShare: z.number().nullable(),
  markedDisagreeShare: z.number().nullable(),
});

export const modelVersionDtoSchema = z.object({
  id: z.string(),
  modelKey: z.string(),
  semver: z.string(),
  name: z.string(),
  status: z.enum(modelVersionStatuses),
  statusReason: z.string().nullable(),
  entities: z.array(z.string()),
  fileSha256: z.string(),
  fileSizeBytes: z.number().int(),
  uploadedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
  validatedAt: z.string().nullable(),
  shadowSince: z.string().nullable(),
  activatedAt: z.string().nullable(),
  retiredAt: z.string().nullable(),
  /** The version that was active when this one was activated (a rollback returns to it). */
  replacesVersionId: z.string().nullable(),
  /** Optimistic concurrency: send it back as expectedVersion. */
  version: z.number().int(),
  stats: modelVersionStatsSchema,
});
export type ModelVersionDto = z.infer<typeof modelVersionDtoSchema>;

/** For the admin registry's detail view: the validated card and what validation found. */
export const modelVersionDetailDtoSchema = modelVersionDtoSchema.extend({ card: z.unknown(), validationReport: z.unknown() });
export type ModelVersionDetailDto = z.infer<typeof modelVersionDetailDtoSchema>;

/** A refused upload: every reason, each with a code and, for card problems, the path. */
export const modelRejectionSchema = z.object({ code: z.string(), message: z.string(), path: z.string().nullable() });
export type ModelRejection = z.infer<typeof modelRejectionSchema>;

/**
 * Shadow vs active on the same case, for admins judging a shadow version. Admins hold no
 * clinical permission, so this carries no patient identity and no inputs: case id, when,
 * statuses, outputs and flag codes only (each read is still audited with the patient).
 */
export const shadowComparisonDtoSchema = z.object({
  caseId: z.string(),
  shadow: z.object({ resultId: z.string(), createdAt: z.string(), status: z.enum(inferenceStatuses), outputs: z.record(z.string(), z.array(z.number())).nullable(), flagCodes: z.array(z.enum(flagCodes)) }),
  active: z
    .object({ resultId: z.string(), modelVersionId: z.string(), semver: z.string(), createdAt: z.string(), status: z.enum(inferenceStatuses), outputs: z.record(z.string(), z.array(z.number())).nullable(), flagCodes: z.array(z.enum(flagCodes)) })
    .nullable(),
  /** Largest absolute difference over the outputs both scored; null unless both scored. */
  maxAbsDifference: z.number().nullable(),
});
export type ShadowComparisonDto = z.infer<typeof shadowComparisonDtoSchema>;
