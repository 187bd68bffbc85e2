import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/authz/actor';
import { runModelsForCase } from '@/lib/inference/run-models-for-case';
import { makeTestSpec } from '@/lib/inference/test-support/linear-model';
import { createTestActor } from '@/lib/test/create-test-actor';
import { createInferenceCase, registerTestModel, uniqueModelKey } from '@/lib/test/create-test-model';
import { caseScopeSql } from '../case-scope-lookup';
import { db } from '../client';
import { storeInferenceResults, type NewInferenceResult } from './store-inference-results';

// The write of a model run: every result and its audit event in one statement. (That a failing
// audit insert stores nothing is tested in lib/inference/run-models.int.test.ts.)

let referrer: Actor;
let outsider: Actor;
let admin: Actor;

beforeAll(async () => {
  referrer = await createTestActor({ role: 'CLINICIAN' });
  outsider = await createTestActor({ role: 'CLINICIAN' });
  admin = await createTestActor({ role: 'ADMIN' });
});

const result = (modelVersionId: string): NewInferenceResult => ({
  modelVersionId,
  modelKey: 'm',
  semver: '1.0.0',
  fileSha256: 'f'.repeat(64),
  shadow: false,
  status: 'NOT_SCORED',
  inputs: [],
  inputHash: 'h'.repeat(64),
  outputs: null,
  contributions: null,
  flags: [],
  durationMs: 0.1,
});

describe('storeInferenceResults', () => {
  it('stores one result and one inference.run audit event per version, in one transaction', async () => {
    const modelKey = uniqueModelKey('store');
    const active = await registerTestModel({ admin, status: 'ACTIVE', spec: makeTestSpec({ modelKey, entities: ['PROSTATE'] }) });
    const shadow = await registerTestModel({ admin, status: 'SHADOW', spec: makeTestSpec({ modelKey, version: '1.1.0', entities: ['PROSTATE'] }) });
    const world = await createInferenceCase({ referrer });
    await db().case.update({ where: { id: world.caseId }, data: { entity: 'PROSTATE' } });

    const stored = await runModelsForCase({ actor: referrer, caseId: world.caseId });
    expect(stored.map((r) => [r.modelVersionId, r.shadow, r.status])).toEqual([
      [active.version.id, false, 'SCORED'],
      [shadow.version.id, true, 'SCORED'],
    ]);
    const rows = await db().inferenceResult.findMany({ where: { caseId: world.caseId }, orderBy: { shadow: 'asc' } });
    expect(rows.map((r) => r.id)).toEqual(stored.map((r) => r.resultId));
    const audits = await db().auditEvent.findMany({ where: { action: 'inference.run', patientId: world.patientId }, orderBy: { id: 'asc' } });
    expect(audits.map((a) => a.entityId)).toEqual(stored.map((r) => r.resultId));
    for (const [i, audit] of audits.entries()) {
      expect(audit).toMatchObject({ actorId: referrer.id, actorEmail: referrer.email, actorRoles: ['CLINICIAN'], entityType: 'InferenceResult', outcome: 'SUCCESS', ipAddress: referrer.ipAddress, userAgent: referrer.userAgent });
      expect(audit.detail).toEqual({ resultId: rows[i]!.id, modelVersionId: rows[i]!.modelVersionId, modelKey, semver: i === 0 ? '1.0.0' : '1.1.0', status: 'SCORED', trigger: 'ON_DEMAND', shadow: i === 1, inputHash: rows[i]!.inputHash });
      // now() is the transaction's start: the same instant on every row means one transaction.
      expect(audit.occurredAt).toEqual(rows[0]!.createdAt);
      expect(rows[i]!.createdAt).toEqual(rows[0]!.createdAt);
    }
  });

  it('stores an unscored result with SQL NULL outputs (not JSON null) and audits a FAILED one as a failure', async () => {
    const world = await createInferenceCase({ referrer });
    const version = await registerTestModel({ admin, status: 'VALIDATED', spec: makeTestSpec({ modelKey: uniqueModelKey('store-null') }) });
    const flags = [{ code: 'runtime_error' as const, feature: null, message: 'The model could not be run: boom', blocking: true }];
    const stored = await storeInferenceResults(db(), {
      caseId: world.caseId,
      patientId: world.patientId,
      scope: caseScopeSql(referrer, 'c'),
      actor: referrer,
      trigger: 'ON_DEMAND',
      results: [result(version.version.id), { ...result(version.version.id), status: 'FAILED', flags, durationMs: null }],
    });
    const rows = await db().$queryRaw<{ id: string; nullOutputs: boolean; nullContributions: boolean; durationMs: number | null; flags: unknown }[]>`
      SELECT id, outputs IS NULL AS "nullOutputs", contributions IS NULL AS "nullContributions", "durationMs", flags FROM inference_results WHERE "caseId" = ${world.caseId}`;
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toMatchObject({ nullOutputs: true, nullContributions: true });
    const failed = rows.find((r) => r.id === stored[1]!.resultId)!;
    expect(failed).toMatchObject({ durationMs: null, flags });
    const audits = await db().auditEvent.findMany({ where: { action: 'inference.run', entityId: { in: stored.map((r) => r.resultId) } }, orderBy: { id: 'asc' } });
    expect(audits.map((a) => [a.entityId, a.outcome])).toEqual([
      [stored[0]!.resultId, 'SUCCESS'],
      [stored[1]!.resultId, 'FAILURE'],
    ]);
  });

  it('stores nothing for a case outside the scope it is given (checked again at the write)', async () => {
    const { version } = await registerTestModel({ admin, status: 'VALIDATED', spec: makeTestSpec({ modelKey: uniqueModelKey('scope') }) });
    const world = await createInferenceCase({ referrer });
    const before = await db().auditEvent.count({ where: { action: 'inference.run' } });
    await expect(
      storeInferenceResults(db(), { caseId: world.caseId, patientId: world.patientId, scope: caseScopeSql(outsider, 'c'), actor: outsider, trigger: 'ON_DEMAND', results: [result(version.id)] }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await db().inferenceResult.count({ where: { caseId: world.caseId } })).toBe(0);
    expect(await db().auditEvent.count({ where: { action: 'inference.run' } })).toBe(before);
  });

  it('stores none of the results, and no audit event, when one row fails', async () => {
    const { version } = await registerTestModel({ admin, status: 'VALIDATED', spec: makeTestSpec({ modelKey: uniqueModelKey('fk') }) });
    const world = await createInferenceCase({ referrer });
    const before = await db().auditEvent.count({ where: { action: 'inference.run' } });
    await expect(
      storeInferenceResults(db(), { caseId: world.caseId, patientId: world.patientId, scope: caseScopeSql(referrer, 'c'), actor: referrer, trigger: 'ON_DEMAND', results: [result(version.id), result('cnosuchversion00000000000')] }),
    ).rejects.toThrow(/foreign key/i);
    expect(await db().inferenceResult.count({ where: { caseId: world.caseId } })).toBe(0);
    expect(await db().auditEvent.count({ where: { action: 'inference.run' } })).toBe(before);
  });
});
