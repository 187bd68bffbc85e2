// Where Konsil keeps files on disk. One root (KONSIL_STORAGE_DIR), two areas:
//   dicom/    DICOM Part 10 objects, content-addressed: dicom/ab/cd/<sha256>.dcm
//   staging/  uploads waiting for their import job; deleted when the job has read them
// Paths are only ever derived from hashes and generated ids, never from user input.
import path from 'node:path';

/** Absolute storage root; read from the environment on every call so tests can point it elsewhere. */
export function storageRoot(): string {
  return path.resolve(process.env.KONSIL_STORAGE_DIR || '.konsil/storage');
}

const SHA256 = /^[0-9a-f]{64}$/;

/** The file of a stored DICOM object, from its sha256 (refuses anything that is not a hash). */
export function dicomObjectPath(sha256: string): string {
  if (!SHA256.test(sha256)) throw new Error(`Not a sha256: ${JSON.stringify(sha256).slice(0, 80)}`);
  return path.join(storageRoot(), 'dicom', sha256.slice(0, 2), sha256.slice(2, 4), `${sha256}.dcm`);
}

const SAFE_ID = /^[a-z0-9]{8,40}$/;

/** The staging directory of one import job (job ids are cuids). */
export function stagingDir(jobId: string): string {
  if (!SAFE_ID.test(jobId)) throw new Error(`Not a job id: ${JSON.stringify(jobId).slice(0, 80)}`);
  return path.join(storageRoot(), 'staging', jobId);
}
