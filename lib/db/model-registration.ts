import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { writeAuditEvent } from '@/lib/audit/write-audit-event';
import { ModelRejectedError } from '@/lib/models/model-rejected-error';
import { validateModelUpload, type ModelUploadValidation } from '@/lib/models/validate-model-upload';
import type { ModelRejection, ModelVersionDto } from '@/lib/schemas/inference';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db, type Tx } from './client';
import { getModelVersion } from './model-versions';

// Registering a model version: validation first (lib/models/validate-model-upload.ts: the
// file, the card, the runtime, the test vectors), and only a version that passes is stored,
// VALIDATED, with its bytes, card and validation report, in one transaction with its audit
// event. A refused upload stores nothing but the audit event of the refusal.

export type ModelSource = 'upload' | 'shipped';
type Rejected = Extract<ModelUploadValidation, { ok: false }>;
type Accepted = Extract<ModelUploadValidation, { ok: true }>;

export async function recordRejection(actor: Actor | null, rejected: Rejected, source: ModelSource): Promise<void> {
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

export async function lockModel(tx: Tx, modelKey: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`konsil.model-registry:${modelKey}`}))`;
}

export async function insertVersion(tx: Tx, actor: Actor | null, accepted: Accepted, bytes: Uint8Array, source: ModelSource): Promise<{ id: string; version: number }> {
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
