// The CLI's way in: a file, a folder (read recursively), or DICOMDIR media
// (the DICOMDIR, then the files it lists, found case-insensitively because
// media written as "IMAGES/IM0001" are often mounted in lower case). Names are
// paths relative to the folder given, with "/" separators. Hidden files
// (".DS_Store") are skipped, and symbolic links are not followed, so a walk
// never leaves the folder it was given.
import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { isDicomDirName } from './dicomdir';
import type { DicomSource } from './import-types';
import { parseDicomFile } from './parse-dicom-file';

export async function* readDicomSourcesFromPath(fileOrDir: string): AsyncIterable<DicomSource> {
  const info = await lstat(fileOrDir);
  if (info.isDirectory()) {
    for await (const relative of walk(fileOrDir, '')) yield { name: relative, bytes: await readFile(path.join(fileOrDir, relative)) };
    return;
  }
  const name = path.basename(fileOrDir);
  const bytes = await readFile(fileOrDir);
  yield { name, bytes };
  if (!isDicomDirName(name)) return;
  const parsed = parseDicomFile(bytes, { timeZone: 'UTC' });
  if (parsed.kind !== 'directory') return;
  const root = path.dirname(fileOrDir);
  for (const file of parsed.index.files) {
    const found = await resolveMediaPath(root, file.path.split('/'));
    // A listed file that is missing is simply not yielded: the importer reports it.
    if (found) yield { name: file.path, bytes: await readFile(found) };
  }
}

async function* walk(root: string, relative: string): AsyncGenerator<string> {
  const entries = await readdir(path.join(root, relative), { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const child = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) yield* walk(root, child);
    else if (entry.isFile()) yield child;
  }
}

/** Finds root/A/B/C matching each component case-insensitively (and ignoring ISO 9660 ";1" suffixes). */
async function resolveMediaPath(root: string, components: string[]): Promise<string | null> {
  let current = root;
  for (const [i, component] of components.entries()) {
    const last = i === components.length - 1;
    let entries;
    try {
      entries = await readdir(current, { withFileTypes: true });
    } catch {
      return null;
    }
    const wanted = component.toLowerCase();
    const match =
      entries.find((e) => e.name === component) ??
      entries.find((e) => e.name.toLowerCase().replace(/;\d+$/, '').replace(/\.$/, '') === wanted);
    if (!match || (last ? !match.isFile() : !match.isDirectory())) return null;
    current = path.join(current, match.name);
  }
  return current;
}
