// The importer's plan: every entry of the payload with what it becomes (or why
// not), and the entries grouped by the patient they belong to. Built without
// writing anything (plan-import.ts), then stored group by group (lib/db/fhir-import).
import type { OperationOutcomeIssue } from '@medplum/fhirtypes';
import type { ClinicalRows, ClinicalTable, PatientRow, SourceIdentity } from './mapped-rows';
import type { PayloadKind } from './read-payload';

export interface PlannedPatient {
  row: PatientRow;
  /** `fhir:<meta.source>`; with sourceId the logical id, so later `Patient/<id>` references find the patient. */
  sourceSystem: string;
  sourceId: string | null;
  identifiers: { system?: string; value: string }[];
}

export type PlannedClinical = {
  [T in ClinicalTable]: {
    table: T;
    row: ClinicalRows[T];
    identity: SourceIdentity;
    /** The key an earlier MAPPING_VERSION gave this resource (Observations: identifier without the code); see observationIdentity. */
    formerIdentity?: SourceIdentity;
  };
}[ClinicalTable];

export interface PlannedEntry {
  index: number;
  /** FHIRPath of the resource in the payload, for issue expressions. */
  path: string;
  resourceType: string | undefined;
  state: 'ready' | 'skipped' | 'failed';
  /** Warnings, and for failed entries the errors. */
  issues: OperationOutcomeIssue[];
  /** For failed entries: 409 when it clashed with data Konsil already has, else 400. */
  conflict?: boolean;
  patient?: PlannedPatient;
  clinical?: PlannedClinical;
  /** Key of the patient group ("entry:<index>" or "patient:<Konsil id>"). */
  group?: string;
}

/** One patient and the entries that belong to them; stored (and audited) together. */
export interface PatientGroup {
  key: string;
  /** The Patient entry in the payload, when there is one. */
  patientEntry?: number;
  /** The Konsil patient, when the entries reference one imported before. */
  knownPatientId?: string;
  clinicalEntries: number[];
}

export interface ImportPlan {
  kind: PayloadKind;
  entries: PlannedEntry[];
  groups: PatientGroup[];
}

/** A Konsil patient found for a reference to something outside the payload. */
export interface KnownPatient {
  id: string;
  mrn: string;
  mrnSystem: string | null;
  sourceSystem: string | null;
  sourceId: string | null;
}

export type FindKnownPatients = (query: { fhirIds: string[]; mrns: string[] }) => Promise<KnownPatient[]>;

/** What storing one ready entry did. */
export type EntryWriteResult =
  | { outcome: 'created' | 'updated' | 'unchanged'; patientId: string }
  | { outcome: 'failed'; conflict: boolean; issue: OperationOutcomeIssue };
