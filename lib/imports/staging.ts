// Uploads wait on disk in staging/<jobId>/ until their import job has run:
//   files/<n>       the bytes of the n-th uploaded file, exactly as received
//   manifest.json   [{ name, bytes }] (name = the uploader's relative path; a label, never a path)
// Only the worker reads them; runImportJob deletes the directory when it is done.
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stagingDir } from '@/lib/storage/paths';
import type { ImportFile } from './import-file';

export interface StagedManifest {
  files: Array<{ name: string; bytes: number }>;
  /** DICOM only: link every object to this Konsil patient. */
  patientMrn?: string;
}

export async function createStaging(jobId: string): Promise<string> {
  const dir = stagingDir(jobId);
  await mkdir(path.join(dir, 'files'), { recursive: true });
  return dir;
}

/** Streams one uploaded file to disk; returns the bytes written. */
export async function stageFile(jobId: string, index: number, stream: Readable): Promise<number> {
  const target = path.join(stagingDir(jobId), 'files', String(index));
  let bytes = 0;
  stream.on('data', (chunk: Buffer) => (bytes += chunk.length));
  await pipeline(stream, createWriteStream(target));
  return bytes;
}

export async function writeManifest(jobId: string, manifest: StagedManifest): Promise<void> {
  await writeFile(path.join(stagingDir(jobId), 'manifest.json'), JSON.stringify(manifest));
}

export async function readStagedFiles(jobId: string): Promise<{ files: ImportFile[]; patientMrn?: string }> {
  const dir = stagingDir(jobId);
  const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as StagedManifest;
  return {
    patientMrn: manifest.patientMrn,
    files: manifest.files.map((file, index) => ({
      name: file.name,
      bytes: file.bytes,
      read: () => readFile(path.join(dir, 'files', String(index))),
    })),
  };
}

export async function removeStaging(jobId: string): Promise<void> {
  await rm(stagingDir(jobId), { recursive: true, force: true });
}
