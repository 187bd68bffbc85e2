// A referral: what the clinician's form sends (referralCreateSchema), what the case stores
// in its `referral` JSON column (referralRecordSchema), and the coordinator's triage inputs.
// Shared by the form (field names and messages), the actions and lib/db.
import { z } from 'zod';
import { idSchema, optionalText, versionSchema } from './common';
import { tumorEntityLabels, type TumorEntity } from './case';

const tumorEntities = Object.keys(tumorEntityLabels) as [TumorEntity, ...TumorEntity[]];

/** Checkbox groups send nothing, one value or several; each must be an id. */
const idList = (what: string) =>
  z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(idSchema).max(100, `At most 100 ${what}`));

const optionalCode = (pattern: RegExp, message: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v.toUpperCase() : undefined))
    .refine((v) => v === undefined || pattern.test(v), message);

export const ecogGrades = ['0', '1', '2', '3', '4'] as const;

export const referralCreateSchema = z.object({
  patientId: idSchema,
  boardId: z.string({ error: 'Choose the board' }).trim().min(1, 'Choose the board').pipe(idSchema),
  question: z
    .string({ error: 'Write the question to the board' })
    .trim()
    .min(10, 'Write the question to the board (at least 10 characters)')
    .max(2000, 'At most 2000 characters'),
  entity: z.enum(tumorEntities, { error: 'Choose the tumor entity' }),
  icd10Code: optionalCode(/^[A-Z]\d{2}(\.\d{1,2})?$/, 'An ICD-10 code looks like C34.1'),
  icd10Display: optionalText(200),
  icdO3Morphology: optionalCode(/^\d{4}\/\d$/, 'An ICD-O-3 morphology code looks like 8140/3'),
  icdO3Topography: optionalCode(/^C\d{2}\.\d$/, 'An ICD-O-3 topography code looks like C34.1'),
  tnm: optionalText(80),
  stageGroup: optionalText(20),
  ecog: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || (ecogGrades as readonly string[]).includes(v), 'ECOG is a grade from 0 to 4'),
  urgency: z.enum(['ROUTINE', 'URGENT'], { error: 'Choose the urgency' }),
  imagingStudyIds: idList('imaging studies'),
  reportIds: idList('reports'),
  observationIds: idList('lab values'),
});
export type ReferralCreateInput = z.output<typeof referralCreateSchema>;

/** Where a prefilled value came from; `referrer` when the clinician typed another value. */
export const valueSourceSchema = z.object({
  kind: z.enum(['observation', 'condition', 'confirmed-fact', 'referrer']),
  date: z.string().nullable(),
  reportId: z.string().optional(),
  reportTitle: z.string().optional(),
  confirmedBy: z.string().optional(),
});
const sourcedValue = z.object({ value: z.string(), source: valueSourceSchema }).nullable();

export const informationRequestSchema = z.object({
  question: z.string(),
  askedAt: z.string(),
  askedById: z.string(),
  askedByName: z.string(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
});
export type InformationRequest = z.infer<typeof informationRequestSchema>;

/** The `cases.referral` JSON column. */
export const referralRecordSchema = z.object({
  tnm: sourcedValue,
  stageGroup: sourcedValue,
  ecog: sourcedValue,
  material: z.object({ imagingStudyIds: z.array(z.string()), reportIds: z.array(z.string()), observationIds: z.array(z.string()) }),
  /** What the deadline rule chose at submission, and why (the coordinator may override it). */
  rule: z.object({ meetingId: z.string().nullable(), reason: z.string() }),
  informationRequests: z.array(informationRequestSchema).default([]),
});
export type ReferralRecord = z.infer<typeof referralRecordSchema>;

const caseRef = { caseId: idSchema, version: versionSchema };

export const acceptReferralSchema = z.object({
  ...caseRef,
  /** Empty: the meeting the deadline rule chose. Another meeting of the board: an override. */
  meetingId: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(idSchema.optional()),
});
export const rejectReferralSchema = z.object({
  ...caseRef,
  reason: z.string({ error: 'Give the reason' }).trim().min(3, 'Give the reason (at least 3 characters)').max(500, 'At most 500 characters'),
});
export const requestInformationSchema = z.object({
  ...caseRef,
  question: z.string({ error: 'Write what you need' }).trim().min(3, 'Write what you need (at least 3 characters)').max(1000, 'At most 1000 characters'),
});
export const answerInformationSchema = z.object({
  ...caseRef,
  answer: z.string({ error: 'Write your answer' }).trim().min(3, 'Write your answer (at least 3 characters)').max(2000, 'At most 2000 characters'),
});
