// Where the real-world DICOM files from other software are (not in this repo:
// they are shared read-only beside it, at ../shared/testdata/dicom-external).
// KONSIL_EXTERNAL_DICOM_DIR overrides; a clone elsewhere falls back to /work/shared.
// Missing files fail the tests loudly; they are never skipped.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function externalDicomDir(): string {
  const candidates = [
    process.env.KONSIL_EXTERNAL_DICOM_DIR,
    path.resolve(repoRoot, '../shared/testdata/dicom-external'),
    '/work/shared/testdata/dicom-external',
  ].filter((c): c is string => Boolean(c));
  const found = candidates.find((dir) => existsSync(path.join(dir, 'CT_small.dcm')));
  if (!found) {
    throw new Error(`The shared real-world DICOM test files are missing (looked in ${candidates.join(', ')}). Set KONSIL_EXTERNAL_DICOM_DIR.`);
  }
  return found;
}
