// Measurements, key images and report-fact verdicts a clinician records on a case.
// Shared by the viewer and reports panel (inputs) and lib/db/case-annotations.ts.
import { z } from 'zod';

const uid = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[0-9.]+$/, 'A DICOM UID has digits and dots only.');
const id = z.string().trim().min(1).max(40);
const millimetres = z.number().finite().nonnegative().max(10_000);
/** A point in patient coordinates (DICOM LPS, mm). */
const worldPoint = z.tuple([z.number().finite(), z.number().finite(), z.number().finite()]);

export const measurementKinds = ['LENGTH', 'BIDIRECTIONAL', 'ELLIPSE_ROI', 'RECTANGLE_ROI'] as const;
export type MeasurementKind = (typeof measurementKinds)[number];

export const measurementKindLabels: Record<MeasurementKind, string> = {
  LENGTH: 'Length',
  BIDIRECTIONAL: 'Bidirectional',
  ELLIPSE_ROI: 'Ellipse ROI',
  RECTANGLE_ROI: 'Rectangle ROI',
};

/** Figures the viewer computed from the DICOM geometry and pixel values. */
export const measurementValuesSchema = z
  .object({
    lengthMm: millimetres.optional(),
    longAxisMm: millimetres.optional(),
    shortAxisMm: millimetres.optional(),
    areaMm2: z.number().finite().nonnegative().max(1e8).optional(),
    meanHu: z.number().finite().optional(),
    sdHu: z.number().finite().nonnegative().optional(),
    minHu: z.number().finite().optional(),
    maxHu: z.number().finite().optional(),
    /** Modality unit of mean/SD when not HU (e.g. MR signal has none). */
    unit: z.string().max(20).optional(),
  })
  .strict();
export type MeasurementValues = z.infer<typeof measurementValuesSchema>;

export const measurementGeometrySchema = z.object({ points: z.array(worldPoint).min(2).max(8) }).strict();

const imageRef = {
  caseId: id,
  studyInstanceUid: uid,
  seriesInstanceUid: uid,
  sopInstanceUid: uid,
  frameNumber: z.coerce.number().int().min(1).max(10_000).default(1),
};

export const measurementCreateSchema = z
  .object({
    ...imageRef,
    kind: z.enum(measurementKinds),
    label: z.string().trim().max(120).optional(),
    values: measurementValuesSchema,
    geometry: measurementGeometrySchema,
  })
  .superRefine((input, ctx) => {
    // The figure that defines each kind must be there, or the list would show a blank.
    const required: Record<MeasurementKind, (keyof MeasurementValues)[]> = {
      LENGTH: ['lengthMm'],
      BIDIRECTIONAL: ['longAxisMm', 'shortAxisMm'],
      ELLIPSE_ROI: ['areaMm2'],
      RECTANGLE_ROI: ['areaMm2'],
    };
    for (const key of required[input.kind]) {
      if (input.values[key] === undefined) ctx.addIssue({ code: 'custom', path: ['values', key], message: `A ${measurementKindLabels[input.kind].toLowerCase()} measurement needs ${key}.` });
    }
  });
export type MeasurementCreateInput = z.input<typeof measurementCreateSchema>;

export const measurementRemoveSchema = z.object({ caseId: id, measurementId: id });

export const keyImageMarkSchema = z.object({ ...imageRef, note: z.string().trim().max(500).optional() });
export type KeyImageMarkInput = z.input<typeof keyImageMarkSchema>;

export const keyImageUnmarkSchema = z.object({ caseId: id, keyImageId: id });

/**
 * A verdict on an extracted fact. The server re-runs the extractor on the stored report
 * text and only accepts a factKey it finds there, so a client cannot confirm a value the
 * report does not contain.
 */
export const factReviewSchema = z.object({
  caseId: id,
  reportId: id,
  factKey: z.string().min(1).max(300),
  status: z.enum(['CONFIRMED', 'REJECTED']),
});
export type FactReviewInput = z.input<typeof factReviewSchema>;

export interface CaseMeasurementDto {
  id: string;
  kind: MeasurementKind;
  label: string | null;
  studyInstanceUid: string;
  seriesInstanceUid: string;
  sopInstanceUid: string;
  frameNumber: number;
  values: MeasurementValues;
  geometry: { points: [number, number, number][] };
  createdBy: { id: string; name: string };
  createdAt: string;
}

export interface CaseKeyImageDto {
  id: string;
  studyInstanceUid: string;
  seriesInstanceUid: string;
  sopInstanceUid: string;
  frameNumber: number;
  note: string | null;
  markedBy: { id: string; name: string };
  createdAt: string;
}
