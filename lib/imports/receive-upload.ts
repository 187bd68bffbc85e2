// Streams a multipart upload (fields: kind, patientMrn?, files…) straight to the
// staging area, never holding it in memory, and enforces the size limit while
// reading: an oversized upload stops at the limit and leaves nothing behind.
import 'server-only';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import Busboy from 'busboy';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { importKindSchema } from '@/lib/schemas/import-job';
import { createStaging, removeStaging, stageFile, writeManifest, type StagedManifest } from './staging';

export interface ReceivedUpload {
  jobId: string;
  kind: 'FHIR' | 'DICOM';
  files: StagedManifest['files'];
  bytes: number;
  patientMrn?: string;
}

const MAX_FILES = 100_000;

export async function receiveUpload(request: Request): Promise<ReceivedUpload> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!contentType.startsWith('multipart/form-data') || !request.body) {
    throw new AppError('VALIDATION', 'Send the files as multipart/form-data (fields: kind, files).');
  }
  const maxBytes = getEnv().IMPORT_MAX_UPLOAD_MB * 1024 * 1024;
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBytes + 1024 * 1024) throw tooLarge(maxBytes);

  // Upload ids are random (not cuids): the row is created only once the upload is complete.
  const jobId = randomUUID().replaceAll('-', '');
  await createStaging(jobId);
  const fields: Record<string, string> = {};
  const files: StagedManifest['files'] = [];
  let total = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const source = Readable.fromWeb(request.body as never);
      const parser = Busboy({
        headers: { 'content-type': contentType },
        limits: { fileSize: maxBytes, files: MAX_FILES, fields: 20, fieldSize: 1024 },
        preservePath: true,
      });
      const writes: Promise<unknown>[] = [];
      let failed = false;
      const open = new Set<Readable>();
      // Stop reading at the first problem: nothing more is staged and the caller
      // removes what was. Pending writes settle on their own (their errors are caught).
      const fail = (error: unknown) => {
        if (failed) return;
        failed = true;
        source.unpipe(parser);
        source.destroy();
        // busboy itself is not destroyed (it fails on late callbacks); its open file streams are.
        for (const stream of open) stream.destroy();
        reject(error);
      };
      parser.on('field', (name, value) => (fields[name] = value));
      parser.on('file', (_field, stream, info) => {
        const index = files.length;
        const entry = { name: (info.filename || `file-${index + 1}`).slice(0, 500), bytes: 0 };
        files.push(entry);
        open.add(stream);
        stream.on('close', () => open.delete(stream));
        stream.on('data', (chunk: Buffer) => {
          total += chunk.length;
          if (total > maxBytes) fail(tooLarge(maxBytes));
        });
        stream.on('limit', () => fail(tooLarge(maxBytes)));
        writes.push(
          stageFile(jobId, index, stream).then(
            (bytes) => (entry.bytes = bytes),
            (error: unknown) => fail(error),
          ),
        );
      });
      parser.on('filesLimit', () => fail(new AppError('VALIDATION', `At most ${MAX_FILES} files per upload.`)));
      parser.on('error', fail);
      parser.on('close', () => void Promise.all(writes).then(() => (failed ? undefined : resolve())));
      source.on('error', fail).pipe(parser);
    });
    const kind = importKindSchema.safeParse((fields.kind ?? '').toUpperCase());
    if (!kind.success) throw new AppError('VALIDATION', 'Choose what you are importing: FHIR or DICOM.', { fieldErrors: { kind: ['Choose FHIR or DICOM.'] } });
    if (files.length === 0) throw new AppError('VALIDATION', 'Choose at least one file.', { fieldErrors: { files: ['Choose at least one file.'] } });
    const patientMrn = fields.patientMrn?.trim() || undefined;
    if (patientMrn && kind.data !== 'DICOM') throw new AppError('VALIDATION', 'A target patient applies only to DICOM imports.');
    if (patientMrn && !/^[\w.\-/]{1,64}$/.test(patientMrn)) throw new AppError('VALIDATION', 'That is not a valid MRN.', { fieldErrors: { patientMrn: ['Letters, digits, . - / only.'] } });
    await writeManifest(jobId, { files, patientMrn });
    return { jobId, kind: kind.data, files, bytes: total, patientMrn };
  } catch (error) {
    await removeStaging(jobId);
    if (error instanceof AppError) throw error;
    throw new AppError('VALIDATION', 'The upload was interrupted or malformed; nothing was imported.', { cause: error });
  }
}

function tooLarge(maxBytes: number): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', `The upload is larger than ${Math.round(maxBytes / 1024 / 1024)} MB; nothing was imported. Split it or ask an admin to raise IMPORT_MAX_UPLOAD_MB.`);
}
