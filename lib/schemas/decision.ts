// The board's decision: what a draft holds, what a signature requires, and the inputs of the
// decision actions. One content shape for the draft (decisions.draft), every signed version
// (decision_versions.content), the protocol PDFs and the FHIR export, so nothing is translated
// twice. A draft may be incomplete (it is autosaved while people talk); `signableDecisionSchema`
// adds what a signature needs. Dates are ISO strings.
import { z } from 'zod';
import { idSchema, versionSchema } from './common';

export const treatmentIntents = ['CURATIVE', 'PALLIATIVE', 'UNCLEAR'] as const;
export type TreatmentIntent = (typeof treatmentIntents)[number];

/** The recommendation's kind of treatment (the issue's list, in the order boards think of them). */
export const modalities = [
  'SURGERY',
  'SYSTEMIC_THERAPY',
  'RADIOTHERAPY',
  'RADIOCHEMOTHERAPY',
  'ACTIVE_SURVEILLANCE',
  'BEST_SUPPORTIVE_CARE',
  'FURTHER_DIAGNOSTICS',
  'CLINICAL_TRIAL',
  'SECOND_OPINION',
] as const;
export type Modality = (typeof modalities)[number];

/** Where the recommendation sits relative to the main (local) treatment. */
export const sequencings = ['NEOADJUVANT', 'ADJUVANT', 'DEFINITIVE', 'NOT_APPLICABLE'] as const;
export type Sequencing = (typeof sequencings)[number];

export const guidelineBases = ['NCCN', 'ESMO', 'S3', 'ASCO', 'INSTITUTIONAL', 'OTHER', 'NONE'] as const;
export type GuidelineBasis = (typeof guidelineBases)[number];

/** Code systems a recommendation may carry codes from (FHIR system URIs). */
export const CODE_SYSTEMS = {
  snomed: 'http://snomed.info/sct',
  atc: 'http://www.whocc.no/atc',
} as const;

const text = (max: number) => z.string().trim().max(max, `At most ${max} characters`);

/** A coded concept; `display` is what people read (and the text fallback's home when there is no code). */
export const codingSchema = z.object({
  system: z.enum([CODE_SYSTEMS.snomed, CODE_SYSTEMS.atc]),
  code: z.string().trim().regex(/^[A-Za-z0-9.]{1,20}$/, 'Not a valid code'),
  display: text(200).min(1),
});
export type DecisionCoding = z.infer<typeof codingSchema>;

export const recommendationSchema = z.object({
  /** Client-made id, stable across edits (FHIR activity ids and PDF order use it). */
  id: z.string().regex(/^[A-Za-z0-9-]{1,40}$/),
  modality: z.enum(modalities),
  sequencing: z.enum(sequencings).default('NOT_APPLICABLE'),
  /** Surgery / diagnostics: SNOMED CT procedure codes. Systemic therapy: ATC codes of the drugs. */
  codes: z.array(codingSchema).max(12).default([]),
  /** Free text: the regimen ("4× EC q3w → 12× paclitaxel weekly"), the operation, or anything uncoded. */
  details: text(1000).default(''),
  /** Radiotherapy / radiochemotherapy, when known. */
  totalDoseGy: z.number().positive().max(200).nullable().default(null),
  fractions: z.number().int().positive().max(100).nullable().default(null),
  /** Clinical trial referral: registry id (NCT…, EudraCT, DRKS). */
  trialId: text(60).default(''),
});
export type Recommendation = z.infer<typeof recommendationSchema>;

export const dissentSchema = z.object({
  /** The participant who dissented, when a Konsil user (else only the name). */
  userId: idSchema.nullable().default(null),
  name: text(200).min(1, 'Who dissented?'),
  statement: text(2000).min(1, 'What was the dissent?'),
});
export type Dissent = z.infer<typeof dissentSchema>;

export const decisionContentSchema = z.object({
  intent: z.enum(treatmentIntents).nullable().default(null),
  recommendations: z.array(recommendationSchema).max(20).default([]),
  guideline: z
    .object({
      basis: z.enum(guidelineBases).nullable().default(null),
      /** "S3-Leitlinie Mammakarzinom 4.4, 2021, Empfehlung 4.29" */
      reference: text(500).default(''),
      deviates: z.boolean().default(false),
      deviationReason: text(2000).default(''),
    })
    .default({ basis: null, reference: '', deviates: false, deviationReason: '' }),
  trial: z
    .object({ considered: z.boolean().default(false), id: text(60).default('') })
    .default({ considered: false, id: '' }),
  patientPreference: text(2000).default(''),
  rationale: text(5000).default(''),
  dissents: z.array(dissentSchema).max(20).default([]),
  /** Users present for this case (filled from the meeting's attendance, editable). */
  attendeeIds: z.array(idSchema).max(100).default([]),
  /** Inference results the board took into account (their marks are copied at signing). */
  consideredResultIds: z.array(idSchema).max(20).default([]),
  /** Who must confirm the recommendation was carried out; null = the referring clinician. */
  followUpOwnerId: idSchema.nullable().default(null),
  /** When the follow-up is due (YYYY-MM-DD); null = the default (lib/decisions/follow-up-due.ts). */
  followUpDueOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Give the date as YYYY-MM-DD.')
    // A real calendar day: "2026-02-31" would otherwise roll over to 3 March in the task.
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'Not a calendar date.')
    .nullable()
    .default(null),
});
export type DecisionContent = z.infer<typeof decisionContentSchema>;
export const emptyDecisionContent: DecisionContent = decisionContentSchema.parse({});

/** What a signature needs on top of a draft. Messages name the field for the form. */
export const signableDecisionSchema = decisionContentSchema.superRefine((c, ctx) => {
  if (!c.intent) ctx.addIssue({ code: 'custom', path: ['intent'], message: 'Choose the treatment intent.' });
  if (c.recommendations.length === 0) ctx.addIssue({ code: 'custom', path: ['recommendations'], message: 'Add at least one recommendation.' });
  if (c.rationale.length < 3) ctx.addIssue({ code: 'custom', path: ['rationale'], message: 'Give the rationale.' });
  if (!c.guideline.basis) ctx.addIssue({ code: 'custom', path: ['guideline', 'basis'], message: 'Name the guideline basis (or "None").' });
  if (c.guideline.deviates && c.guideline.deviationReason.length < 3)
    ctx.addIssue({ code: 'custom', path: ['guideline', 'deviationReason'], message: 'Say why the recommendation deviates from the guideline.' });
  if (c.trial.considered && !c.trial.id && !c.recommendations.some((r) => r.modality === 'CLINICAL_TRIAL'))
    ctx.addIssue({ code: 'custom', path: ['trial', 'id'], message: 'Name the trial that was considered.' });
  c.recommendations.forEach((r, i) => {
    if (r.codes.length === 0 && r.details.length === 0)
      ctx.addIssue({ code: 'custom', path: ['recommendations', i, 'details'], message: 'Pick a code or describe the recommendation.' });
    if (r.modality === 'CLINICAL_TRIAL' && !r.trialId && !c.trial.id)
      ctx.addIssue({ code: 'custom', path: ['recommendations', i, 'trialId'], message: 'Name the trial.' });
  });
});

// ── inputs of actions ───────────────────────────────────────────────────────────────

/** Autosave: the whole draft plus the row version the editor started from. */
export const saveDecisionDraftSchema = z.object({
  caseId: idSchema,
  meetingId: idSchema,
  /** The decision's row version the client saw; omitted = create the draft (fails if one exists). */
  expectedVersion: versionSchema.optional(),
  content: decisionContentSchema,
});
export type SaveDecisionDraftInput = z.output<typeof saveDecisionDraftSchema>;

export const signDecisionSchema = z.object({
  decisionId: idSchema,
  expectedVersion: versionSchema,
  /** Required when signing an amendment (the decision has a signed version already). */
  amendmentReason: text(2000).optional().transform((v) => (v ? v : undefined)),
});
export type SignDecisionInput = Omit<z.output<typeof signDecisionSchema>, 'amendmentReason'> & { amendmentReason?: string };

export const decisionTransitionSchema = z.object({ decisionId: idSchema, expectedVersion: versionSchema });
export type DecisionTransitionInput = z.output<typeof decisionTransitionSchema>;

// ── follow-up ───────────────────────────────────────────────────────────────────────

export const followUpOutcomes = ['IMPLEMENTED', 'MODIFIED', 'NOT_IMPLEMENTED'] as const;
export const followUpReasons = ['PATIENT_WISH', 'COMORBIDITY_PERFORMANCE_STATUS', 'PROGRESSION', 'LOGISTICS', 'NEW_FINDINGS', 'OTHER'] as const;
export type FollowUpOutcome = (typeof followUpOutcomes)[number];
export type FollowUpReasonCode = (typeof followUpReasons)[number];

export const completeFollowUpSchema = z
  .object({
    taskId: idSchema,
    expectedVersion: versionSchema,
    outcome: z.enum(followUpOutcomes),
    reason: z.enum(followUpReasons).optional(),
    note: text(2000).optional().transform((v) => (v ? v : undefined)),
  })
  .superRefine((input, ctx) => {
    if (input.outcome !== 'IMPLEMENTED' && !input.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Choose why the recommendation was not carried out as signed.' });
    if (input.outcome === 'IMPLEMENTED' && input.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'An implemented recommendation needs no reason.' });
    if (input.reason === 'OTHER' && !input.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'Describe the other reason.' });
  });
export type CompleteFollowUpInput = z.output<typeof completeFollowUpSchema>;
