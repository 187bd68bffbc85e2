// Reads a model upload (multipart/form-data: a file part `model` with the .onnx, and the card
// as a text field or a file part `card`) into memory, enforcing the size limits while reading:
// models are kilobytes to a few megabytes, far below MODEL_MAX_BYTES.
import 'server-only';
import { Readable } from 'node:stream';
import Busboy from 'busboy';
import { AppError } from '@/lib/errors';
import { MODEL_MAX_BYTES } from './validate-model-upload';

const CARD_MAX_BYTES = 1024 * 1024;

export interface ReceivedModelUpload {
  bytes: Uint8Array;
  /** The card as JSON or YAML text (parsed and checked by validation). */
  card: string;
  fileName: string;
}

const tooLarge = (what: string, max: number) => new AppError('PAYLOAD_TOO_LARGE', `The ${what} is larger than ${Math.round(max / 1024 / 1024)} MB; nothing was stored.`);

export async function receiveModelUpload(request: Request): Promise<ReceivedModelUpload> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!contentType.startsWith('multipart/form-data') || !request.body) {
    throw new AppError('VALIDATION', 'Send the model as multipart/form-data: a file "model" (.onnx) and its card "card" (JSON or YAML).');
  }
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MODEL_MAX_BYTES + CARD_MAX_BYTES + 64 * 1024) throw tooLarge('upload', MODEL_MAX_BYTES);

  const parts: { model?: Buffer; card?: string; fileName: string } = { fileName: '' };
  await new Promise<void>((resolve, reject) => {
    const source = Readable.fromWeb(request.body as never);
    const parser = Busboy({ headers: { 'content-type': contentType }, limits: { files: 2, fields: 5, fileSize: MODEL_MAX_BYTES, fieldSize: CARD_MAX_BYTES } });
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      source.unpipe(parser);
      source.destroy();
      reject(error);
    };
    const pending: Promise<void>[] = [];
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) fail(tooLarge('model card', CARD_MAX_BYTES));
      else if (name === 'card') parts.card = value;
    });
    parser.on('file', (name, stream, info) => {
      const chunks: Buffer[] = [];
      const max = name === 'card' ? CARD_MAX_BYTES : MODEL_MAX_BYTES;
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > max) fail(tooLarge(name === 'card' ? 'model card' : 'model file', max));
        else chunks.push(chunk);
      });
      stream.on('limit', () => fail(tooLarge('model file', MODEL_MAX_BYTES)));
      pending.push(
        new Promise((done) =>
          stream.on('end', () => {
            const body = Buffer.concat(chunks);
            if (name === 'model') {
              parts.model = body;
              parts.fileName = (info.filename || 'model.onnx').slice(0, 200);
            } else if (name === 'card') parts.card = body.toString('utf8');
            done();
          }),
        ),
      );
    });
    parser.on('filesLimit', () => fail(new AppError('VALIDATION', 'Send one model file and one card.')));
    parser.on('error', fail);
    parser.on('close', () => void Promise.all(pending).then(() => (failed ? undefined : resolve())));
    source.on('error', fail).pipe(parser);
  }).catch((error: unknown) => {
    if (error instanceof AppError) throw error;
    throw new AppError('VALIDATION', 'The upload was interrupted or malformed; nothing was stored.', { cause: error });
  });
  if (!parts.model) throw new AppError('VALIDATION', 'Choose the model file (.onnx).', { fieldErrors: { model: ['Choose the model file (.onnx).'] } });
  if (!parts.card) throw new AppError('VALIDATION', 'Add the model card (JSON or YAML).', { fieldErrors: { card: ['Add the model card (JSON or YAML).'] } });
  return { bytes: new Uint8Array(parts.model), card: parts.card, fileName: parts.fileName };
}
