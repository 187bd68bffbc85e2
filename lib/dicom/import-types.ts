// The DICOM importer's public types (see import-dicom.ts).
import type { Actor } from '@/lib/authz/actor';

/** One uploaded file. `name` is its relative path as uploaded ("disk1/DICOMDIR", "CT/IM0001"); it is only ever shown, never used as a path. */
export interface DicomSource {
  name: string;
  bytes: Uint8Array;
}

/**
 * stored: written and indexed. unchanged: the same bytes were already stored.
 * duplicate: other bytes were already stored under this SOP Instance UID (kept the first).
 * rejected: nothing stored; `reason` says why. skipped: read but not an object to
 * store (a DICOMDIR, whose listed files are imported instead).
 */
export type DicomFileStatus = 'stored' | 'unchanged' | 'duplicate' | 'rejected' | 'skipped';

export interface DicomFileOutcome {
  name: string;
  status: DicomFileStatus;
  reason?: string;
  warnings?: string[];
  sopInstanceUid?: string;
  seriesInstanceUid?: string;
  studyInstanceUid?: string;
  /** Konsil patient id the object is linked to. */
  patientId?: string;
}

export type ImportChannel = 'ui' | 'api' | 'cli' | 'seed';

export interface DicomImportOptions {
  /** Null for system imports (CLI, seed). Otherwise needs `imports.run`. */
  actor: Actor | null;
  channel: ImportChannel;
  jobId?: string;
  /** Link every object to this existing Konsil patient instead of the patient its Patient ID names. */
  patientMrn?: string;
  /** Called after each file is read; `total` is null when the sources are a stream. */
  onProgress?: (processed: number, total: number | null) => void | Promise<void>;
}

export interface DicomImportCounts {
  stored: number;
  unchanged: number;
  duplicate: number;
  rejected: number;
  /** Distinct studies and series that stored or unchanged files belong to. */
  studies: number;
  series: number;
  patientsCreated: number;
}

export interface DicomImportResult {
  /** SUCCEEDED: nothing rejected. PARTIAL: some files rejected. FAILED: no file stored or already there. */
  status: 'SUCCEEDED' | 'PARTIAL' | 'FAILED';
  files: DicomFileOutcome[];
  counts: DicomImportCounts;
  /** Konsil patients the imported objects are linked to. */
  patientIds: string[];
}
