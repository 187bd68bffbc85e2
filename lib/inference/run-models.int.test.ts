import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/authz/actor';
import { executeAction } from '@/lib/actions/create-action';
import { reviewInferenceResult as reviewAction, runCaseModels } from '@/lib/actions/inference';
import { db } from '@/lib/db/client';
import { listCaseInference, reviewInferenceResult } from '@/lib/db/inference-results';
import { listShadowComparisons } from '@/lib/db/inference/shadow-comparisons';
import { listModelVersions } from '@/lib/db/model-versions';
import { enqueueCaseInference, stopBoss } from '@/lib/jobs/boss';
import { startInferenceWorker } from '@/lib/jobs/inference-worker';
import { makeTestSpec, sha256Hex } from '@/lib/inference/test-support/linear-model';
import type { ModelFeature } from '@/lib/models/model-card';
import { createTestActor } from '@/lib/test/create-test-actor';
import { createInferenceCase, registerTestModel, uniqueModelKey } from '@/lib/test/create-test-model';
import { inputHash } from './input-hash';
import { runModelsForCase, runModelsForCaseAsSystem } from './run-models-for-case';

let referrer: Actor;
let member: Actor;
let outsider: Actor;
let coordinator: Actor;
let admin: Actor;

beforeAll(async () => {
  referrer = await createTestActor({ role: 'CLINICIAN', name: 'Dr. Referrer' });
  member = await createTestActor({ role: 'CLINICIAN', name: 'Dr. Member' });
  outsider = await createTestActor({ role: 'CLINICIAN', name: 'Dr. Outsider' });
  coordinator = await createTestActor({ role: 'COORDINATOR' });
  admin = await createTestActor({ role: 'ADMIN' });
});

afterAll(async () => {
  await stopBoss();
});

const resultsOf = (caseId: string, modelVersionId: string) => db().inferenceResult.findMany({ where: { caseId, modelVersionId }, orderBy: { createdAt: 'asc' } });

describe('running the models on a case', () => {
  it('stores the result with its provenance (version, file sha256, inputs, input hash, trigger, user) and audits it in the same transaction', async () => {
    const { version, bytes, spec } = await registerTestModel({ admin, status: 'ACTIVE' });
    const world = await createInferenceCase({ referrer, boardMembers: [member] });
    const stored = await runModelsForCase({ actor: member, caseId: world.caseId, now: new Date('2026-11-26T12:00:00Z') });
    const mine = stored.find((r) => r.modelVersionId === version.id)!;
    expect(mine).toMatchObject({ modelKey: spec.card.modelKey, semver: '1.0.0', status: 'SCORED', shadow: false });

    const [row] = await resultsOf(world.caseId, version.id);
    expect(row).toMatchObject({ status: 'SCORED', trigger: 'ON_DEMAND', shadow: false, triggeredById: member.id, modelFileSha256: sha256Hex(bytes) });
    const inputs = row!.inputs as { name: string; value: number; status: string }[];
    expect(inputs.map((i) => [i.name, i.status])).toEqual([['age', 'ok'], ['weight', 'ok'], ['tumor_size', 'ok'], ['hormonal_therapy', 'ok'], ['diabetes', 'ok']]);
    expect(inputs[1]!.value).toBeCloseTo(70 * 2.20462262185, 6);
    expect(row!.inputHash).toBe(inputHash(inputs));
    const outputs = row!.outputs as { probability: number[] };
    expect(outputs.probability[0]).toBeGreaterThan(0);
    // jsonb keeps keys in its own order; the set is what matters.
    expect(Object.keys(row!.contributions as object).sort()).toEqual(spec.card.features.map((f) => f.name).sort());
    expect(row!.durationMs).toBeGreaterThan(0);

    const audit = await db().auditEvent.findFirst({ where: { action: 'inference.run', entityId: row!.id } });
    expect(audit).toMatchObject({ actorId: member.id, patientId: world.patientId, outcome: 'SUCCESS', detail: { resultId: row!.id, modelVersionId: version.id, status: 'SCORED', trigger: 'ON_DEMAND', shadow: false, inputHash: row!.inputHash } });
  });

  it('does not score an input outside the valid range: NOT_SCORED, flags, no outputs', async () => {
    const { version } = await registerTestModel({ admin, status: 'ACTIVE' });
    const world = await createInferenceCase({ referrer, weightKg: 400 }); // 882 lb > 500
    await runModelsForCase({ actor: referrer, caseId: world.caseId });
    const [row] = await resultsOf(world.caseId, version.id);
    expect(row).toMatchObject({ status: 'NOT_SCORED', outputs: null, contributions: null });
    expect(row!.flags).toEqual([expect.objectContaining({ code: 'out_of_range', feature: 'weight', blocking: true })]);
    const panel = await listCaseInference({ actor: referrer, caseId: world.caseId });
    const model = panel.models.find((m) => m.card.modelVersionId === version.id)!;
    expect(model.result).toMatchObject({ status: 'NOT_SCORED', outputs: null, contributions: [] });
    expect(model.result!.inputs.find((i) => i.name === 'weight')).toMatchObject({ status: 'out_of_range', rawValue: 400, rawUnit: 'kg', value: null, label: 'Body weight', unit: '[lb_av]' });
  });

  it('uses only confirmed report facts: an unconfirmed one is missing', async () => {
    const { version } = await registerTestModel({ admin, status: 'ACTIVE' });
    const world = await createInferenceCase({ referrer, confirmSize: false });
    await runModelsForCase({ actor: referrer, caseId: world.caseId });
    const [row] = await resultsOf(world.caseId, version.id);
    expect(row!.status).toBe('NOT_SCORED');
    expect(row!.flags).toEqual([expect.objectContaining({ code: 'missing', feature: 'tumor_size' })]);
  });

  it('imputes under the card’s impute policy and flags the result', async () => {
    const features: ModelFeature[] = makeTestSpec().card.features.map((f) =>
      f.name === 'tumor_size' ? { ...f, source: { kind: 'reportFact', fact: 'KI67', detail: 'percent' }, unit: '%', missing: { policy: 'impute', value: 25 } } : f,
    );
    const { version } = await registerTestModel({ admin, status: 'ACTIVE', spec: makeTestSpec({ modelKey: uniqueModelKey(), features }) });
    const world = await createInferenceCase({ referrer });
    await runModelsForCase({ actor: referrer, caseId: world.caseId });
    const [row] = await resultsOf(world.caseId, version.id);
    expect(row!.status).toBe('SCORED_WITH_FLAGS');
    expect(row!.flags).toEqual([expect.objectContaining({ code: 'imputed', feature: 'tumor_size', blocking: false })]);
  });

  it('runs models only for the case’s entity, and refuses cases outside the actor’s scope', async () => {
    const { version } = await registerTestModel({ admin, status: 'ACTIVE', spec: makeTestSpec({ modelKey: uniqueModelKey(), entities: ['BREAST'] }) });
    const world = await createInferenceCase({ referrer }); // a LUNG case
    const stored = await runModelsForCase({ actor: referrer, caseId: world.caseId });
    expect(stored.map((r) => r.modelVersionId)).not.toContain(version.id);
    await expect(runModelsForCase({ actor: outsider, caseId: world.caseId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(listCaseInference({ actor: outsider, caseId: world.caseId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(listCaseInference({ actor: coordinator, caseId: world.caseId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(runModelsForCase({ actor: admin, caseId: world.caseId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('shadow versions', () => {
  it('run beside the active version, are hidden from clinicians, and admins compare them without patient data', async () => {
    const modelKey = uniqueModelKey('shadow');
    const active = await registerTestModel({ admin, status: 'ACTIVE', spec: makeTestSpec({ modelKey }) });
    const shadowSpec = makeTestSpec({ modelKey, version: '1.1.0', beta: [0.1, -0.1, 0.1, -0.1, 0.1] });
    const shadow = await registerTestModel({ admin, status: 'SHADOW', spec: shadowSpec });
    const world = await createInferenceCase({ referrer });

    const stored = await runModelsForCaseAsSystem({ caseId: world.caseId });
    expect(stored.filter((r) => r.modelKey === modelKey).map((r) => [r.semver, r.shadow])).toEqual([
      ['1.0.0', false],
      ['1.1.0', true],
    ]);
    const shadowRow = (await resultsOf(world.caseId, shadow.version.id))[0]!;
    expect(shadowRow).toMatchObject({ shadow: true, trigger: 'AUTO_PREPARE', triggeredById: null });

    // Clinicians: the active version's card and result only.
    const panel = await listCaseInference({ actor: referrer, caseId: world.caseId });
    const models = panel.models.filter((m) => m.card.modelKey === modelKey);
    expect(models).toHaveLength(1);
    expect(models[0]).toMatchObject({ card: { modelVersionId: active.version.id, version: '1.0.0', disclaimer: expect.stringMatching(/research use only/i) }, result: { modelVersionId: active.version.id, trigger: 'AUTO_PREPARE', triggeredBy: null } });
    expect(JSON.stringify(panel)).not.toContain(shadowRow.id);
    await expect(reviewInferenceResult({ actor: referrer, input: { resultId: shadowRow.id, mark: 'CONSIDERED' } })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    // Admins: shadow beside active, no inputs or identity, the read audited per patient.
    const comparisons = await listShadowComparisons({ actor: admin, modelVersionId: shadow.version.id });
    expect(comparisons).toHaveLength(1);
    expect(comparisons[0]).toMatchObject({ caseId: world.caseId, shadow: { resultId: shadowRow.id, status: 'SCORED' }, active: { semver: '1.0.0', status: 'SCORED' } });
    expect(comparisons[0]!.maxAbsDifference).toBeGreaterThan(0);
    expect(JSON.stringify(comparisons)).not.toMatch(/Testperson|inputs|weight/);
    expect(await db().auditEvent.findFirst({ where: { action: 'inference.shadow_compare', actorId: admin.id, patientId: world.patientId } })).toMatchObject({ detail: { caseIds: [world.caseId] } });
    await expect(listShadowComparisons({ actor: referrer, modelVersionId: shadow.version.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('a version that cannot be loaded', () => {
  it('fails alone: stored FAILED with the reason and audited as a failure, while the active version beside it is scored', async () => {
    const modelKey = uniqueModelKey('broken');
    const active = await registerTestModel({ admin, status: 'ACTIVE', spec: makeTestSpec({ modelKey }) });
    const shadow = await registerTestModel({ admin, status: 'SHADOW', spec: makeTestSpec({ modelKey, version: '1.1.0' }) });
    // The stored file is damaged (as storage corruption would): bypassing the trigger that keeps
    // files fixed, which only a superuser can, as the tests' database user is.
    await db().$transaction([
      db().$executeRawUnsafe(`SET LOCAL session_replication_role = replica`),
      db().$executeRawUnsafe(`UPDATE model_versions SET "fileBytes" = substring("fileBytes" from 1 for 40) WHERE id = $1`, shadow.version.id),
    ]);
    const world = await createInferenceCase({ referrer, boardMembers: [member] });

    const stored = await runModelsForCase({ actor: member, caseId: world.caseId });
    expect(stored.filter((r) => r.modelKey === modelKey).map((r) => [r.semver, r.status])).toEqual([
      ['1.0.0', 'SCORED'],
      ['1.1.0', 'FAILED'],
    ]);
    const [failed] = await resultsOf(world.caseId, shadow.version.id);
    expect(failed).toMatchObject({ status: 'FAILED', outputs: null, contributions: null });
    expect(failed!.flags).toEqual([expect.objectContaining({ code: 'runtime_error', blocking: true, message: expect.stringMatching(/^The model could not be loaded: .*sha256/) })]);
    expect(await db().auditEvent.findFirst({ where: { action: 'inference.run', entityId: failed!.id } })).toMatchObject({ outcome: 'FAILURE' });
    expect((await resultsOf(world.caseId, active.version.id))[0]).toMatchObject({ status: 'SCORED' });
  });
});

describe('reading and reviewing results', () => {
  it('lists the newest result per model with contributions by size, audits the read, and keeps the review history', async () => {
    const { version } = await registerTestModel({ admin, status: 'ACTIVE' });
    const world = await createInferenceCase({ referrer, boardMembers: [member] });
    await runModelsForCase({ actor: referrer, caseId: world.caseId });
    await runModelsForCase({ actor: member, caseId: world.caseId });
    const panel = await listCaseInference({ actor: member, caseId: world.caseId });
    const model = panel.models.find((m) => m.card.modelVersionId === version.id)!;
    const rows = await resultsOf(world.caseId, version.id);
    expect(rows).toHaveLength(2);
    expect(model.result!.id).toBe(rows[1]!.id); // the newer one
    expect(model.result!.triggeredBy).toEqual({ id: member.id, name: 'Dr. Member' });
    const sizes = model.result!.contributions.map((c) => Math.abs(c.value));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(model.card.features.map((f) => f.label)).toContain('Body weight');
    expect(panel.can).toEqual({ run: true, review: true });
    expect(await db().auditEvent.findFirst({ where: { action: 'case.view', actorId: member.id, entityId: world.caseId }, orderBy: { id: 'desc' } })).toMatchObject({ detail: { panel: 'decision-support' } });

    const resultId = model.result!.id;
    const first = await reviewInferenceResult({ actor: member, input: { resultId, mark: 'CONSIDERED', expectedVersion: 0 } });
    expect(first).toMatchObject({ version: 1, mark: 'CONSIDERED', reason: null });
    // A clinician who saw no review yet now conflicts; nothing is written.
    await expect(reviewInferenceResult({ actor: referrer, input: { resultId, mark: 'DISAGREE', reason: 'ECOG 3 not reflected', expectedVersion: 0 } })).rejects.toMatchObject({ code: 'CONFLICT' });
    const second = await reviewInferenceResult({ actor: referrer, input: { resultId, mark: 'DISAGREE', reason: 'ECOG 3 not reflected', expectedVersion: 1 } });
    expect(second.version).toBe(2);
    const after = (await listCaseInference({ actor: member, caseId: world.caseId })).models.find((m) => m.card.modelVersionId === version.id)!;
    expect(after.result!.review).toMatchObject({ version: 2, mark: 'DISAGREE', reason: 'ECOG 3 not reflected', reviewedBy: { name: 'Dr. Referrer' } });
    expect(after.result!.reviewHistory.map((r) => r.mark)).toEqual(['DISAGREE', 'CONSIDERED']);
    expect(await db().auditEvent.findFirst({ where: { action: 'inference.review', actorId: referrer.id, entityId: resultId } })).toMatchObject({ patientId: world.patientId, detail: { number: 2, mark: 'DISAGREE', previous: 'CONSIDERED' } });
  });

  it('after a new version is activated, shows the older result with the card of the version that gave it', async () => {
    const modelKey = uniqueModelKey('handover');
    const first = await registerTestModel({ admin, status: 'ACTIVE', spec: makeTestSpec({ modelKey, kind: 'survival' }) });
    const world = await createInferenceCase({ referrer, boardMembers: [member] });
    await runModelsForCase({ actor: member, caseId: world.caseId });
    const second = await registerTestModel({ admin, status: 'ACTIVE', spec: makeTestSpec({ modelKey, version: '2.0.0', kind: 'classifier' }) });

    const model = (await listCaseInference({ actor: member, caseId: world.caseId })).models.find((m) => m.card.modelKey === modelKey)!;
    expect(model.card).toMatchObject({ modelVersionId: second.version.id, version: '2.0.0', kind: 'classifier' });
    expect(model.result).toMatchObject({ modelVersionId: first.version.id, semver: '1.0.0' });
    // The survival result is drawn with its own survival card (horizons), not the classifier now active.
    expect(model.resultCard).toMatchObject({ modelVersionId: first.version.id, version: '1.0.0', kind: 'survival', horizonsMonths: [12, 24, 60] });
  });

  it('requires a reason to disagree (action and database), at most 2000 characters', async () => {
    const { version } = await registerTestModel({ admin, status: 'ACTIVE' });
    const world = await createInferenceCase({ referrer });
    await runModelsForCase({ actor: referrer, caseId: world.caseId });
    const [row] = await resultsOf(world.caseId, version.id);
    expect(await executeAction(reviewAction.definition, referrer, { resultId: row!.id, mark: 'DISAGREE' })).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { reason: ['Say why you disagree.'] } });
    expect(await executeAction(reviewAction.definition, referrer, { resultId: row!.id, mark: 'DISAGREE', reason: 'x'.repeat(2001) })).toMatchObject({ ok: false, code: 'VALIDATION' });
    await expect(db().inferenceReview.create({ data: { resultId: row!.id, number: 1, mark: 'DISAGREE', reason: '  ', reviewedById: referrer.id } })).rejects.toThrow(/inference_reviews_reason_check/);
    expect(await db().inferenceReview.count({ where: { resultId: row!.id } })).toBe(0);
  });

  it('returns the fresh panel from the runCaseModels action', async () => {
    const { version } = await registerTestModel({ admin, status: 'ACTIVE' });
    const world = await createInferenceCase({ referrer });
    const result = await executeAction(runCaseModels.definition, referrer, { caseId: world.caseId });
    expect(result.ok).toBe(true);
    const data = (result as { data: Awaited<ReturnType<typeof listCaseInference>> }).data;
    expect(data.models.find((m) => m.card.modelVersionId === version.id)?.result?.status).toBe('SCORED');
  });
});

describe('inference results are immutable in the database', () => {
  it('refuses UPDATE, DELETE and TRUNCATE of results and reviews', async () => {
    const { version } = await registerTestModel({ admin, status: 'ACTIVE' });
    const world = await createInferenceCase({ referrer });
    await runModelsForCase({ actor: referrer, caseId: world.caseId });
    const [row] = await resultsOf(world.caseId, version.id);
    await reviewInferenceResult({ actor: referrer, input: { resultId: row!.id, mark: 'CONSIDERED' } });
    await expect(db().$executeRawUnsafe(`UPDATE inference_results SET status = 'SCORED', outputs = '{}' WHERE id = '${row!.id}'`)).rejects.toThrow(/append-only/);
    await expect(db().inferenceResult.delete({ where: { id: row!.id } })).rejects.toThrow();
    await expect(db().$executeRawUnsafe(`TRUNCATE inference_results CASCADE`)).rejects.toThrow(/append-only/);
    await expect(db().$executeRawUnsafe(`UPDATE inference_reviews SET mark = 'DISAGREE'`)).rejects.toThrow(/append-only/);
    await expect(db().$executeRawUnsafe(`DELETE FROM inference_reviews`)).rejects.toThrow(/append-only/);
    expect(await db().inferenceResult.findUnique({ where: { id: row!.id } })).toMatchObject({ outputs: row!.outputs, status: row!.status });
  });

  it('stores nothing when the audit write fails (same transaction)', async () => {
    const { version } = await registerTestModel({ admin, status: 'ACTIVE' });
    const world = await createInferenceCase({ referrer });
    await db().$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION test_reject_inference_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.action = 'inference.run' THEN RAISE EXCEPTION 'audit storage unavailable (test)'; END IF;
        RETURN NEW;
      END $$`);
    await db().$executeRawUnsafe(`CREATE TRIGGER test_reject_inference_audit BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION test_reject_inference_audit()`);
    try {
      await expect(runModelsForCase({ actor: referrer, caseId: world.caseId })).rejects.toThrow(/audit storage unavailable/);
      expect(await resultsOf(world.caseId, version.id)).toEqual([]);
    } finally {
      await db().$executeRawUnsafe(`DROP TRIGGER test_reject_inference_audit ON audit_events`);
      await db().$executeRawUnsafe(`DROP FUNCTION test_reject_inference_audit()`);
    }
  });
});

describe('registry statistics', () => {
  it('counts runs, latency percentiles and the shares of not-scored and flagged runs', async () => {
    const { version } = await registerTestModel({ admin, status: 'ACTIVE' });
    const scored = await createInferenceCase({ referrer });
    const blocked = await createInferenceCase({ referrer, weightKg: 400 });
    for (const world of [scored, scored, scored, blocked]) await runModelsForCase({ actor: referrer, caseId: world.caseId });
    const listed = (await listModelVersions({ actor: admin })).find((v) => v.id === version.id)!;
    expect(listed.stats).toMatchObject({ runs: 4, notScoredShare: 0.25, flaggedShare: 0, failedShare: 0 });
    expect(listed.stats.latencyP50Ms).toBeGreaterThan(0);
    expect(listed.stats.latencyP95Ms).toBeGreaterThanOrEqual(listed.stats.latencyP50Ms!);
  });
});

describe('the inference.run-case job', () => {
  it('runs the models of a case queued by enqueueCaseInference (AUTO_PREPARE, no user)', async () => {
    const { version } = await registerTestModel({ admin, status: 'ACTIVE' });
    const world = await createInferenceCase({ referrer });
    await startInferenceWorker({ pollingIntervalSeconds: 0.5 });
    await enqueueCaseInference(world.caseId);
    let rows = await resultsOf(world.caseId, version.id);
    for (let i = 0; i < 120 && rows.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 250));
      rows = await resultsOf(world.caseId, version.id);
    }
    expect(rows).toEqual([expect.objectContaining({ status: 'SCORED', trigger: 'AUTO_PREPARE', triggeredById: null, shadow: false })]);
    expect(await db().auditEvent.findFirst({ where: { action: 'inference.run', entityId: rows[0]!.id } })).toMatchObject({ actorId: null, patientId: world.patientId });
  });
});
