// Files on disk for the CLI: a file, or every file under a folder (recursively),
// named relative to the folder so DICOMDIR references resolve. Read lazily.
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ImportFile } from './import-file';

export async function collectFiles(target: string): Promise<ImportFile[]> {
  const info = await stat(target);
  if (info.isFile()) return [fileAt(target, path.basename(target), info.size)];
  const entries = await readdir(target, { recursive: true, withFileTypes: true });
  const files: ImportFile[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || entry.name.startsWith('.')) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.push(fileAt(full, path.relative(target, full), (await stat(full)).size));
  }
  return files.sort((a, b) => a.name.localeCompare(b.name));
}

function fileAt(full: string, name: string, bytes: number): ImportFile {
  return { name: name.split(path.sep).join('/'), bytes, read: () => readFile(full) };
}

/** FHIR arrives as JSON; everything else in a folder is offered to the DICOM importer. */
export function isFhirFileName(name: string): boolean {
  return /\.json$/i.test(name);
}
