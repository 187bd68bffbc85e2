// Konsil's DICOM import: files in, objects stored and indexed, one outcome per
// file. The caller (upload worker, API, CLI, seed) owns the job record; this
// module owns parsing, validation, storage and indexing. See README.md.
import { assertCan } from '@/lib/authz/assert-can';
import { findPatientIdByMrn } from '@/lib/db/imaging-import';
import { AppError } from '@/lib/errors';
import { ImportRun } from './import-run';
import { parseLocalIssuers } from './local-issuers';
import type { DicomImportOptions, DicomImportResult, DicomSource } from './import-types';

export type { DicomFileOutcome, DicomImportOptions, DicomImportResult, DicomSource } from './import-types';
export { readDicomSourcesFromPath } from './read-dicom-sources-from-path';

/**
 * Imports DICOM files (Part 10, bare data sets, DICOMDIR media). Bad files are
 * outcomes (`rejected` with a reason), never exceptions. Throws only when the
 * actor may not import (FORBIDDEN), when `patientMrn` names no patient
 * (NOT_FOUND), or when the database cannot be reached at all.
 */
export async function importDicomSources(
  sources: DicomSource[] | AsyncIterable<DicomSource>,
  options: DicomImportOptions,
): Promise<DicomImportResult> {
  if (options.actor) assertCan(options.actor, 'imports.run');
  let overridePatientId: string | null = null;
  if (options.patientMrn !== undefined) {
    const mrn = options.patientMrn.trim();
    overridePatientId = mrn ? await findPatientIdByMrn({ actor: options.actor, mrn }) : null;
    if (!overridePatientId) {
      throw new AppError('NOT_FOUND', `No patient with MRN "${mrn.slice(0, 64)}" exists in Konsil: create the patient first, or import without choosing a patient.`);
    }
  }
  const run = new ImportRun({
    actor: options.actor,
    jobId: options.jobId,
    overridePatientId,
    pseudonymKey,
    timeZone: process.env.KONSIL_TIME_ZONE || 'Europe/Berlin',
    localIssuers: parseLocalIssuers(process.env.DICOM_LOCAL_ISSUERS),
  });
  const total = Array.isArray(sources) ? sources.length : null;
  for await (const source of sources) {
    await run.add(source);
    await options.onProgress?.(run.processed, total);
  }
  await run.flush();
  run.reportMissingFromDicomDirs();
  await options.onProgress?.(run.processed, total ?? run.processed);
  return run.result();
}

function pseudonymKey(): string {
  const key = process.env.AUTH_SECRET;
  if (!key) throw new AppError('INTERNAL', 'AUTH_SECRET is not set: it keys the pseudonyms of patients created from DICOM headers.');
  return key;
}
