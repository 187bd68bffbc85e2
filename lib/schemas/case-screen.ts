// What the case screen (/cases/[caseId]) shows, panel by panel. lib/db/case-screen/*
// builds these from the database; nothing else (no raw row) reaches the client.
// Dates are ISO strings in UTC; the UI formats them in the hospital's time zone.
import type { CaseStatus } from './case';
import type { CaseKeyImageDto, CaseMeasurementDto } from './case-annotation';

export interface CodedValueDto {
  value: string;
  /** Where the value came from, so the header can say it ("pathology report 2026-03-01, confirmed by Dr. X"). */
  source: { kind: 'observation' | 'condition' | 'confirmed-fact'; date: string | null; reportId?: string; reportTitle?: string; confirmedBy?: string };
}

export interface CaseHeaderDto {
  caseId: string;
  patient: {
    id: string;
    displayName: string;
    pseudonym: string;
    mrn: string;
    birthDate: string | null;
    /** Whole years at the time of loading; null when the birth date is unknown. */
    ageYears: number | null;
    sex: 'FEMALE' | 'MALE' | 'OTHER' | 'UNKNOWN';
    isSynthetic: boolean;
  };
  entity: string;
  icd10: { code: string; display: string | null } | null;
  icdO3: { morphology: string | null; topography: string | null } | null;
  /** Newest of the structured staging observations and confirmed report facts. */
  tnm: CodedValueDto | null;
  stageGroup: CodedValueDto | null;
  ecog: CodedValueDto | null;
  /** Other confirmed report facts (receptor status, mutations…), newest per kind. */
  confirmedFacts: { kind: string; label: string; value: string; assertion: string; reportId: string; reportTitle: string; confirmedAt: string }[];
  question: string;
  status: CaseStatus;
  statusReason: string | null;
  urgency: 'ROUTINE' | 'URGENT';
  board: { id: string; name: string; slug: string };
  referredBy: { id: string; name: string };
  nextMeeting: { id: string; startsAt: string; location: string | null } | null;
  /** What the viewing actor may do here (the server checks again on every action). */
  can: { annotate: boolean };
}

export type TimelineItemKind = 'diagnosis' | 'procedure' | 'systemic-therapy' | 'radiotherapy' | 'report' | 'imaging' | 'lab';

/** One item on the case's time axis; `target` says which panel opens it. */
export interface TimelineItemDto {
  id: string;
  kind: TimelineItemKind;
  /** Start (or only) date. */
  date: string;
  endDate: string | null;
  title: string;
  detail: string | null;
  target:
    | { panel: 'reports'; reportId: string }
    | { panel: 'imaging'; studyInstanceUid: string }
    | { panel: 'labs'; loincCode: string }
    | { panel: 'none' };
}

export interface LabValueDto {
  id: string;
  effectiveAt: string;
  value: number | null;
  valueText: string | null;
  interpretation: 'H' | 'L' | 'HH' | 'LL' | 'N' | 'A' | null;
}

/** One analyte (LOINC code or local code) with its values over time, oldest first. */
export interface LabSeriesDto {
  code: string;
  loincCode: string | null;
  display: string;
  unit: string | null;
  /** The newest reference range sent with the values. */
  referenceLow: number | null;
  referenceHigh: number | null;
  referenceText: string | null;
  /** Panel it is grouped under in the table (e.g. "Blood count", "Liver", "Tumor markers"). */
  panel: string;
  /** True for the tumor markers that matter for this case's entity (shown first). */
  isTumorMarker: boolean;
  values: LabValueDto[];
}

/** A period of therapy drawn on the lab charts. */
export interface TherapyPeriodDto {
  id: string;
  kind: 'systemic-therapy' | 'radiotherapy' | 'surgery';
  label: string;
  start: string;
  end: string | null;
}

export interface CaseLabsDto {
  series: LabSeriesDto[];
  therapies: TherapyPeriodDto[];
}

export interface FactReviewDto {
  factKey: string;
  status: 'CONFIRMED' | 'REJECTED';
  reviewedBy: string;
  reviewedAt: string;
}

export interface CaseReportDto {
  id: string;
  type: 'RADIOLOGY' | 'PATHOLOGY' | 'MOLECULAR' | 'CLINICAL_NOTE' | 'SURGICAL' | 'OTHER';
  title: string;
  /** Plain text; rendered as text nodes only, never as HTML. */
  text: string;
  conclusion: string | null;
  status: string;
  authorName: string | null;
  issuedAt: string;
  /** Clinicians' verdicts on facts extracted from this report (the facts themselves are extracted on render). */
  reviews: FactReviewDto[];
}

export interface CaseImagingInstanceDto {
  sopInstanceUid: string;
  instanceNumber: number | null;
  numberOfFrames: number;
  isImage: boolean;
}

export interface CaseImagingSeriesDto {
  id: string;
  seriesInstanceUid: string;
  modality: string;
  seriesNumber: number | null;
  description: string | null;
  frameOfReferenceUid: string | null;
  /** Image instances in display order (slice position along the normal, else instance number). */
  instances: CaseImagingInstanceDto[];
  /** Objects that are not images (SR, RTSTRUCT, SEG…): listed, not rendered. */
  nonImageCount: number;
}

export interface CaseImagingStudyDto {
  id: string;
  studyInstanceUid: string;
  studyDate: string | null;
  description: string | null;
  modalities: string[];
  accessionNumber: string | null;
  series: CaseImagingSeriesDto[];
}

export interface CaseImagingDto {
  studies: CaseImagingStudyDto[];
  measurements: CaseMeasurementDto[];
  keyImages: CaseKeyImageDto[];
}
