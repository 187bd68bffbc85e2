import 'server-only';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { writeAuditEvent } from '@/lib/audit/write-audit-event';
import { ModelRejectedError } from '@/lib/models/model-rejected-error';
import { validateModelUpload, type ModelUploadValidation } from '@/lib/models/validate-model-upload';
import type { ModelRejection, ModelVersionDto } from '@/lib/schemas/inference';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db, type Tx } from './client';
import { activateInTransaction, getModelVersion } from './model-versions';

// Registering a model version: validation first (lib/models/validate-model-upload.ts: the
// file, the card, the runtime, the test vectors), and only a version that passes is stored,
// VALIDATED, with its bytes, card and validation report, in one transaction with its audit
// event. A refused upload stores nothing but the audit event of the refusal.

type Source = 'upload' | 'shipped';
type Rejected = Extract<ModelUploadValidation, { ok: false }>;
type Accepted = Extract<ModelUploadValidation, { ok: true }>;

async function recordRejection(actor: Actor | null, rejected: Rejected, source: Source): Promise<void> {
  await db().$transaction((tx) =>
    writeAuditEvent(tx, {
      actor,
      action: 'model.register_reject',
      outcome: 'FAILURE',
      entityType: 'ModelVersion',
      detail: {
        modelKey: rejected.modelKey?.slice(0, 200) ?? null,
        semver: rejected.semver?.slice(0, 50) ?? null,
        fileSha256: rejected.fileSha256,
        bytes: rejected.fileSizeBytes,
        source,
        reasons: rejected.reasons.slice(0, 50).map((r) => ({ code: r.code, message: r.message.slice(0, 1000) })),
      },
    }),
  );
}

async function lockModel(tx: Tx, modelKey: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`konsil.model-registry:${modelKey}`}))`;
}

async function insertVersion(tx: Tx, actor: Actor | null, accepted: Accepted, bytes: Uint8Array, source: Source): Promise<{ id: string; version: number }> {
  const { card, report, entities } = accepted;
  const row = await tx.modelVersion.create({
    data: {
      modelKey: card.modelKey,
      semver: card.version,
      name: card.name,
      status: 'VALIDATED',
      entities,
      fileSha256: report.fileSha256,
      fileSizeBytes: report.fileSizeBytes,
      // A copy on a plain ArrayBuffer (what Prisma's Bytes takes); the file is kilobytes.
      fileBytes: Uint8Array.from(bytes),
      card,
      validationReport: JSON.parse(JSON.stringify(report)) as Prisma.InputJsonObject,
      uploadedById: actor?.id ?? null,
      validatedAt: new Date(report.validatedAt),
      statusReason: source === 'shipped' ? 'Shipped with Konsil (models/).' : null,
    },
    select: { id: true, version: true },
  });
  await writeAuditEvent(tx, {
    actor,
    action: 'model.register',
    entityType: 'ModelVersion',
    entityId: row.id,
    detail: { modelKey: card.modelKey, semver: card.version, fileSha256: report.fileSha256, bytes: report.fileSizeBytes, source },
  });
  return row;
}

const duplicate = (modelKey: string, semver: string): ModelRejection => ({
  code: 'duplicate',
  message: `Version ${semver} of ${modelKey} is already registered. Give the new file a new version number in its card.`,
  path: 'version',
});

/**
 * An admin's upload. Throws ModelRejectedError with every reason when the file or card does not
 * pass (nothing stored; the refusal is audited); returns the VALIDATED version otherwise.
 */
export async function registerModelVersion(options: { actor: Actor; bytes: Uint8Array; card: unknown }): Promise<ModelVersionDto> {
  const { actor, bytes } = options;
  assertCan(actor, 'models.manage');
  const validation = await validateModelUpload({ bytes, card: options.card });
  if (!validation.ok) {
    await recordRejection(actor, validation, 'upload');
    throw new ModelRejectedError(validation.reasons);
  }
  const { card } = validation;
  const stored = await db().$transaction(async (tx) => {
    await lockModel(tx, card.modelKey);
    const existing = await tx.modelVersion.findUnique({ where: { modelKey_semver: { modelKey: card.modelKey, semver: card.version } }, select: { id: true } });
    if (existing) return null;
    return insertVersion(tx, actor, validation, bytes, 'upload');
  });
  if (!stored) {
    const rejected: Rejected = { ok: false, fileSha256: validation.report.fileSha256, fileSizeBytes: bytes.byteLength, modelKey: card.modelKey, semver: card.version, reasons: [duplicate(card.modelKey, card.version)] };
    await recordRejection(actor, rejected, 'upload');
    throw new ModelRejectedError(rejected.reasons);
  }
  return getModelVersion({ actor, versionId: stored.id });
}

/** Where the models shipped with Konsil live: models/<modelKey>/<semver>/{model.onnx, card.json}. */
export const SHIPPED_MODELS_DIR = fileURLToPath(new URL('../../models', import.meta.url));

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
