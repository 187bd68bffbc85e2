// What the input mapper may read about a case: a typed snapshot built by
// lib/db/inference/load-case-feature-data.ts in one query. Only what model cards can ask
// for (lib/models/model-card.ts, featureSourceSchema) is in it, and only the kinds of data
// a card names are filled.
import type { FactDetail } from '@/lib/report-facts/types';

export interface CaseFeatureData {
  /** Ages, "latest" values and "before" therapies are taken at this instant (the run's time). */
  referenceDate: Date;
  patient: {
    /** YYYY-MM-DD, or null when the source did not say. */
    birthDate: string | null;
    sex: 'FEMALE' | 'MALE' | 'OTHER' | 'UNKNOWN';
  };
  /** The newest numeric observation per code asked for, effective at or before the reference date. */
  observations: FeatureObservation[];
  /** Report facts a clinician CONFIRMED on this case, with the extractor's structured detail. */
  confirmedFacts: ConfirmedFactData[];
  medications: FeatureMedication[];
  conditions: FeatureCondition[];
}

export interface FeatureObservation {
  loincCode: string | null;
  codeSystem: string | null;
  code: string | null;
  display: string;
  value: number;
  /** UCUM code when the sender coded it in UCUM, else the sender's unit text; null when none. */
  unit: string | null;
  effectiveAt: Date;
}

export interface ConfirmedFactData {
  kind: string;
  value: string;
  /** The structured parts the extractor found again in the stored report text; null when it no longer finds the fact. */
  detail: FactDetail | null;
  reportId: string;
  reportIssuedAt: Date;
  reviewedAt: Date;
}

export interface FeatureMedication {
  atcCode: string | null;
  display: string;
  /** MedicationStatement (given) or MedicationRequest (ordered). */
  fhirResourceType: string | null;
  status: string;
  startDate: Date | null;
}

export interface FeatureCondition {
  icd10Code: string | null;
  display: string;
  clinicalStatus: string | null;
}
