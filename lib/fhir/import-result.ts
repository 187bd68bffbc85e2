import type { Bundle, OperationOutcome } from '@medplum/fhirtypes';
import type { PayloadKind } from './read-payload';

export interface FhirImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  skipped: number;
}

export interface FhirImportResult {
  /** SUCCEEDED: nothing failed. PARTIAL: some entries stored, some failed. FAILED: nothing stored. */
  status: 'SUCCEEDED' | 'PARTIAL' | 'FAILED';
  kind: PayloadKind;
  /** One count per payload entry (a refused transaction counts its invalid entries as failed and stores nothing). */
  counts: FhirImportCounts;
  byResourceType: Record<string, FhirImportCounts>;
  /**
   * transaction-response or batch-response Bundle (one entry per payload entry, in order), or an
   * OperationOutcome when FAILED, except for a batch: it always gets its batch-response.
   */
  response: Bundle | OperationOutcome;
  /** Konsil patients whose data this import stored or found unchanged. */
  patientIds: string[];
}
