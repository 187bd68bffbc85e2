// What the mappers produce: one row for one Konsil table, in plain JSON values
// (dates as ISO strings) so the source hash is computed over exactly what is
// stored. lib/db/fhir-import turns them into Prisma inputs.
import type { DecisionContent } from '@/lib/schemas/decision';
import type { ConditionKind, ObservationCategory, ProcedureCategory, ReportType, Sex } from '@/lib/generated/prisma/enums';

export interface PatientRow {
  mrn: string;
  mrnSystem: string | null;
  familyName: string;
  givenName: string;
  /** YYYY-MM-DD */
  birthDate: string | null;
  sex: Sex;
  isSynthetic: boolean;
}

export interface ConditionRow {
  kind: ConditionKind;
  icd10Code: string | null;
  display: string;
  icdO3Morphology: string | null;
  icdO3Topography: string | null;
  bodySite: string | null;
  /** YYYY-MM-DD */
  onsetDate: string | null;
  clinicalStatus: string | null;
}

export interface ObservationRow {
  category: ObservationCategory;
  loincCode: string | null;
  codeSystem: string | null;
  code: string | null;
  display: string;
  status: string;
  valueNumeric: number | null;
  valueText: string | null;
  valueCode: string | null;
  unit: string | null;
  referenceLow: number | null;
  referenceHigh: number | null;
  referenceText: string | null;
  interpretation: string | null;
  /** ISO instant */
  effectiveAt: string;
}

export interface ReportRow {
  type: ReportType;
  title: string;
  text: string;
  conclusion: string | null;
  loincCode: string | null;
  status: string;
  authorName: string | null;
  /** ISO instant */
  issuedAt: string;
}

export interface ProcedureRow {
  category: ProcedureCategory;
  codeSystem: string | null;
  code: string | null;
  display: string;
  /** ISO instant */
  performedStart: string;
  performedEnd: string | null;
  status: string;
}

export interface MedicationRow {
  atcCode: string | null;
  display: string;
  regimen: string | null;
  status: string;
  fhirResourceType: 'MedicationStatement' | 'MedicationRequest';
  /** YYYY-MM-DD */
  startDate: string | null;
  endDate: string | null;
}

export interface ImagingStudyRow {
  studyInstanceUid: string;
  accessionNumber: string | null;
  /** ISO instant */
  studyDate: string | null;
  description: string | null;
  modalities: string[];
}

/** A CarePlan read as a board decision (lib/fhir/map-care-plan.ts); never a Konsil decision. */
export interface ImportedDecisionRow {
  intent: string | null;
  title: string;
  content: DecisionContent;
  signedBy: string | null;
  /** ISO instant */
  signedAt: string | null;
}

export interface ClinicalRows {
  condition: ConditionRow;
  observation: ObservationRow;
  report: ReportRow;
  procedure: ProcedureRow;
  medication: MedicationRow;
  imagingStudy: ImagingStudyRow;
  importedDecision: ImportedDecisionRow;
}

export type ClinicalTable = keyof ClinicalRows;

/** Where a row came from: (sourceSystem, sourceId) is unique per table. */
export interface SourceIdentity {
  sourceSystem: string;
  sourceId: string;
}
