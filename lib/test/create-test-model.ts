// Integration-test helpers for decision support: a registered model version (a real ONNX
// file written with onnx-proto, registered through the real validation) in the status a test
// needs, and a case whose data fills every feature of the test model's card.
import { randomUUID } from 'node:crypto';
import type { Actor } from '@/lib/authz/actor';
import { db } from '@/lib/db/client';
import { registerModelVersion } from '@/lib/db/model-registration';
import { activateModelVersion, setModelVersionShadow } from '@/lib/db/model-versions';
import { reviewReportFact } from '@/lib/db/report-fact-reviews';
import { buildLinearModel, makeTestSpec, sha256Hex, type LinearModelSpec } from '@/lib/inference/test-support/linear-model';
import { extractReportFacts } from '@/lib/report-facts';
import type { ModelVersionDto } from '@/lib/schemas/inference';
import { createTestCase, type TestCase } from './create-test-case';

/** A model key no other test uses (one ACTIVE version per key is enforced across the run's database). */
export const uniqueModelKey = (prefix = 'test') => `${prefix}-${randomUUID().slice(0, 8)}`;

export async function registerTestModel(options: {
  admin: Actor;
  spec?: LinearModelSpec;
  status?: 'VALIDATED' | 'SHADOW' | 'ACTIVE';
}): Promise<{ version: ModelVersionDto; spec: LinearModelSpec; bytes: Uint8Array }> {
  const spec = options.spec ?? makeTestSpec({ modelKey: uniqueModelKey() });
  const bytes = buildLinearModel(spec);
  let version = await registerModelVersion({ actor: options.admin, bytes, card: JSON.stringify(spec.card) });
  if (options.status === 'SHADOW') version = await setModelVersionShadow({ actor: options.admin, versionId: version.id, expectedVersion: version.version, reason: 'test: shadow run' });
  if (options.status === 'ACTIVE') version = await activateModelVersion({ actor: options.admin, versionId: version.id, expectedVersion: version.version, reason: 'test: go live' });
  return { version, spec, bytes };
}

export const INFERENCE_REPORT = 'Invasive ductal carcinoma, tumour size 23 mm, G2. 2/14 lymph nodes positive.';

/**
 * A LUNG case (createTestCase) whose patient has what lib/inference/test-support's features read:
 * age 66 (born 1960-05-17), weight 70 kg (newest of two), a CONFIRMED tumour size of 23 mm, tamoxifen
 * since 2025 (ATC L02BA01) and type 2 diabetes (E11.9).
 */
export async function createInferenceCase(options: { referrer: Actor; boardMembers?: Actor[]; weightKg?: number; confirmSize?: boolean }): Promise<TestCase> {
  const world = await createTestCase({ referrer: options.referrer, boardMembers: options.boardMembers, reportTexts: [INFERENCE_REPORT], slices: 1 });
  await db().observation.createMany({
    data: [
      { patientId: world.patientId, category: 'VITAL_SIGN', loincCode: '29463-7', display: 'Body weight', valueNumeric: 90, unit: 'kg', effectiveAt: new Date('2026-01-05T08:00:00Z') },
      { patientId: world.patientId, category: 'VITAL_SIGN', loincCode: '29463-7', display: 'Body weight', valueNumeric: options.weightKg ?? 70, unit: 'kg', effectiveAt: new Date('2026-10-05T08:00:00Z') },
    ],
  });
  await db().medication.create({
    data: { patientId: world.patientId, atcCode: 'L02BA01', display: 'Tamoxifen', fhirResourceType: 'MedicationStatement', status: 'active', startDate: new Date('2025-03-01T00:00:00Z') },
  });
  await db().condition.create({ data: { patientId: world.patientId, kind: 'COMORBIDITY', icd10Code: 'E11.9', display: 'Type 2 diabetes mellitus' } });
  if (options.confirmSize ?? true) {
    const fact = extractReportFacts(INFERENCE_REPORT).find((f) => f.kind === 'TUMOR_SIZE')!;
    await reviewReportFact({ actor: options.referrer, input: { caseId: world.caseId, reportId: world.reportIds[0]!, factKey: fact.key, status: 'CONFIRMED' } });
  }
  return world;
}

/**
 * A version row written straight to the table (no validation, no audit event), for tests
 * that must not leave audit rows behind, such as the action matrix's fixtures.
 */
export async function insertTestModelVersion(options: { status: 'VALIDATED' | 'SHADOW' | 'ACTIVE' | 'RETIRED'; modelKey?: string; semver?: string; name?: string; replacesVersionId?: string }) {
  const spec = makeTestSpec({ modelKey: options.modelKey ?? uniqueModelKey('row'), version: options.semver ?? '1.0.0' });
  const bytes = buildLinearModel(spec);
  return db().modelVersion.create({
    data: {
      modelKey: spec.card.modelKey,
      semver: spec.card.version,
      name: options.name ?? spec.card.name,
      status: options.status,
      entities: ['LUNG'],
      fileSha256: sha256Hex(bytes),
      fileSizeBytes: bytes.byteLength,
      fileBytes: Uint8Array.from(bytes),
      card: spec.card,
      replacesVersionId: options.replacesVersionId ?? null,
    },
    select: { id: true, version: true, modelKey: true },
  });
}
