// Content-addressed file storage for DICOM objects: each object is stored once,
// under the sha256 of its bytes. Writing is atomic (temp file + rename), so a
// crash never leaves a half-written object under a valid name, and two imports
// of the same file race harmlessly to the same name.
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { dicomObjectPath } from './paths';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Stores the bytes (if not already there) and returns their hash. */
export async function putDicomObject(bytes: Uint8Array): Promise<{ sha256: string; created: boolean }> {
  const sha256 = sha256Hex(bytes);
  const target = dicomObjectPath(sha256);
  const existing = await stat(target).catch(() => null);
  if (existing && existing.size === bytes.byteLength) return { sha256, created: false };
  await mkdir(path.dirname(target), { recursive: true });
  const temp = `${target}.${randomUUID()}.tmp`;
  await writeFile(temp, bytes);
  await rename(temp, target);
  return { sha256, created: true };
}

/** The stored bytes of an object; throws ENOENT when it is not there. */
export async function readDicomObject(sha256: string): Promise<Buffer> {
  return readFile(dicomObjectPath(sha256));
}

/**
 * Removes a stored object. Only through removeUnreferencedDicomFiles (lib/db/imaging-import.ts), which
 * holds the file's lock and has checked that no row references it.
 */
export async function removeDicomObject(sha256: string): Promise<void> {
  await unlink(dicomObjectPath(sha256)).catch(() => undefined);
}
