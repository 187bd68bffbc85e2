// Writes one trained model as models/<key>/<version>/{model.onnx, card.json, card.md}.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cardFileSchema, type CardFile } from '@/lib/models/model-card';
import { renderCardMarkdown } from './card-markdown';
import { MODELS_DIR } from './paths';
import type { TrainedModel } from './trained-model';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function modelDir(card: { modelKey: string; version: string }): string {
  return `${MODELS_DIR}/${card.modelKey}/${card.version}`;
}

export function cardFileFor(model: TrainedModel): CardFile {
  return cardFileSchema.parse({ ...model.card, fileSha256: sha256(model.onnx) });
}

/** card.json exactly as written: 2-space JSON and a final newline. */
export function cardJsonText(card: CardFile): string {
  return `${JSON.stringify(card, null, 2)}\n`;
}

export function writeModel(model: TrainedModel): { dir: string; sha256: string } {
  const dir = modelDir(model.card);
  mkdirSync(dir, { recursive: true });
  const card = cardFileFor(model);
  writeFileSync(`${dir}/model.onnx`, model.onnx);
  writeFileSync(`${dir}/card.json`, cardJsonText(card));
  writeFileSync(`${dir}/card.md`, renderCardMarkdown(card));
  return { dir, sha256: card.fileSha256 };
}
