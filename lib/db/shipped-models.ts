import 'server-only';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { validateModelUpload } from '@/lib/models/validate-model-upload';
import { db } from './client';
import { insertVersion, lockModel, recordRejection } from './model-registration';
import { activateInTransaction } from './model-versions';

// The models shipped with Konsil (models/<modelKey>/<semver>/{model.onnx, card.json}), registered
// by the seed, `npm run models:register` and the bench through the same validation as an upload.
// Not imported by the web server: only scripts read the repository's models/ folder.

/** Where the models shipped with Konsil live: models/<modelKey>/<semver>/{model.onnx, card.json}. */
/** Scripts run from the repository root (npm scripts, vitest, tsx). */
export const SHIPPED_MODELS_DIR = path.join(process.cwd(), 'models');

export interface ShippedModelsOutcome {
  registered: string[];
  activated: string[];
  unchanged: string[];
}

/** models/<key>/<version>/ folders holding a model.onnx or a card.json (models/data/ holds neither). */
async function shippedFolders(dir: string): Promise<string[]> {
  const folders: string[] = [];
  for (const model of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    if (!model.isDirectory()) continue;
    for (const version of await readdir(path.join(dir, model.name), { withFileTypes: true })) {
      if (!version.isDirectory()) continue;
      const files = await readdir(path.join(dir, model.name, version.name));
      if (files.includes('model.onnx') || files.includes('card.json')) folders.push(path.join(dir, model.name, version.name));
    }
  }
  return folders.sort();
}

/**
 * Registers every model in models/ through the same validation as an upload, and activates
 * one when no version of its model is active. Idempotent: a version already registered with
 * the same file (modelKey + semver + sha256) is left alone; the same version with another file
 * is an error (a shipped file changed without a new version number). A system operation (seed,
 * `npm run models:register`): no actor, audited as such. Throws when any folder is refused,
 * after registering the others.
 */
export async function registerShippedModels(options: { dir?: string; log?: (line: string) => void } = {}): Promise<ShippedModelsOutcome> {
  const log = options.log ?? (() => {});
  const outcome: ShippedModelsOutcome = { registered: [], activated: [], unchanged: [] };
  const failures: string[] = [];
  for (const folder of await shippedFolders(options.dir ?? SHIPPED_MODELS_DIR)) {
    const label = path.relative(options.dir ?? SHIPPED_MODELS_DIR, folder);
    let bytes: Uint8Array;
    let cardText: string;
    try {
      [bytes, cardText] = await Promise.all([readFile(path.join(folder, 'model.onnx')), readFile(path.join(folder, 'card.json'), 'utf8')]);
    } catch (error) {
      failures.push(`${label}: ${(error as Error).message}`);
      continue;
    }
    const validation = await validateModelUpload({ bytes, card: cardText });
    if (!validation.ok) {
      await recordRejection(null, validation, 'shipped');
      failures.push(`${label}: ${validation.reasons.map((r) => r.message).join(' ')}`);
      continue;
    }
    const { card, report } = validation;
    const result = await db().$transaction(async (tx) => {
      await lockModel(tx, card.modelKey);
      const existing = await tx.modelVersion.findUnique({ where: { modelKey_semver: { modelKey: card.modelKey, semver: card.version } }, select: { fileSha256: true } });
      if (existing) {
        if (existing.fileSha256 !== report.fileSha256) throw new Error(`${label}: version ${card.version} of ${card.modelKey} is registered with file ${existing.fileSha256}, but models/ now holds ${report.fileSha256}. A changed model needs a new version number.`);
        return 'unchanged' as const;
      }
      const stored = await insertVersion(tx, null, validation, bytes, 'shipped');
      const active = await tx.modelVersion.count({ where: { modelKey: card.modelKey, status: 'ACTIVE' } });
      if (active > 0) return 'registered' as const;
      await activateInTransaction(tx, null, stored.id, stored.version, 'Shipped with Konsil; no version of this model was active.');
      return 'activated' as const;
    });
    const name = `${card.modelKey}@${card.version}`;
    if (result === 'unchanged') outcome.unchanged.push(name);
    else {
      outcome.registered.push(name);
      if (result === 'activated') outcome.activated.push(name);
    }
    log(`  ${name}: ${result}`);
  }
  if (failures.length > 0) throw new Error(`Shipped models refused:\n${failures.join('\n')}`);
  return outcome;
}
