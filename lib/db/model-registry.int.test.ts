// The model registry against the real database: registration through validation (refusals
// store nothing but their audit event), the lifecycle and its invariants, the upload route.
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/authz/actor';
import { buildLinearModel, makeTestSpec, sha256Hex, type LinearModelSpec } from '@/lib/inference/test-support/linear-model';
import { ModelRejectedError } from '@/lib/models/model-rejected-error';
import { createTestActor } from '@/lib/test/create-test-actor';
import { registerTestModel, uniqueModelKey } from '@/lib/test/create-test-model';
import { db } from './client';
import { registerModelVersion } from './model-registration';
import { registerShippedModels } from './shipped-models';
import { activateModelVersion, getModelVersion, listModelVersions, retireModelVersion, rollbackModelVersion, setModelVersionShadow } from './model-versions';

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock('@/lib/auth/get-actor', () => ({ getActor: async () => session.actor }));

let admin: Actor;
let clinician: Actor;

beforeAll(async () => {
  admin = await createTestActor({ role: 'ADMIN', name: 'Admin Registry' });
  clinician = await createTestActor({ role: 'CLINICIAN' });
});

const spec = (overrides: Parameters<typeof makeTestSpec>[0] = {}) => makeTestSpec({ modelKey: uniqueModelKey(), ...overrides });
const statusOf = async (id: string) => (await db().modelVersion.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
const transition = (versionId: string, expectedVersion: number, reason = 'test') => ({ actor: admin, versionId, expectedVersion, reason });

/** Files an admin might upload, each with the one reason it must be refused for. */
function foreignUploads(): { name: string; bytes: Uint8Array; card: unknown; codes: string[] }[] {
  const good = spec();
  const wrongVector = structuredClone(good.card);
  wrongVector.testVectors[0]!.expected.probability = [0.999];
  return [
    { name: 'not ONNX at all', bytes: new TextEncoder().encode('PK\u0003\u0004 a zip, not a model'), card: good.card, codes: ['onnx_decode'] },
    // Beyond the policy and beyond the runtime: both are said.
    { name: 'an opset the runtime does not know', bytes: buildLinearModel(good, { opset: 99 }), card: good.card, codes: ['onnx_version', 'onnx_runtime'] },
    { name: 'a newer opset the runtime knows', bytes: buildLinearModel(good, { opset: 17 }), card: good.card, codes: ['onnx_version'] },
    { name: 'input named otherwise', bytes: buildLinearModel(good, { inputName: 'x' }), card: good.card, codes: ['input_name'] },
    { name: 'input of the wrong width', bytes: buildLinearModel(good, { inputWidth: 4 }), card: good.card, codes: ['input_shape'] },
    // A double input into float arithmetic is also a graph onnxruntime refuses to load: both are said.
    { name: 'double input', bytes: buildLinearModel(good, { inputElemType: 11 }), card: good.card, codes: ['input_type', 'onnx_runtime'] },
    { name: 'an output the card declares is missing', bytes: buildLinearModel(good, { dropOutputs: ['contributions'] }), card: good.card, codes: ['output_missing'] },
    { name: 'a survival model under a classifier card', bytes: buildLinearModel(spec({ kind: 'survival' }), { embedCard: good.card }), card: good.card, codes: ['output_missing', 'output_undeclared', 'output_undeclared'] },
    { name: 'embedded card differs', bytes: buildLinearModel(good, { embedCard: { ...good.card, name: 'Something else' } }), card: good.card, codes: ['embedded_card'] },
    { name: 'no embedded card', bytes: buildLinearModel(good, { embedCard: false }), card: good.card, codes: ['embedded_card_missing'] },
    { name: 'test vector not reproduced', bytes: buildLinearModel(good, { embedCard: wrongVector }), card: wrongVector, codes: ['test_vector'] },
    { name: 'card without intended use', bytes: buildLinearModel(good), card: { ...good.card, intendedUse: '' }, codes: ['card_schema'] },
    // Its coefficients "live" in package.json (in the server's working directory): refused unread.
    { name: 'a tensor kept in another file', bytes: buildLinearModel(good, { externalData: 'package.json' }), card: good.card, codes: ['onnx_external_data'] },
    { name: 'card that is not JSON', bytes: buildLinearModel(good), card: '{"modelKey": "x",', codes: ['card_json'] },
  ];
}

describe('registerModelVersion', () => {
  it('stores a validated version with its bytes, card and report, audited in the same transaction', async () => {
    const s = spec();
    const bytes = buildLinearModel(s);
    const version = await registerModelVersion({ actor: admin, bytes, card: JSON.stringify(s.card) });
    expect(version).toMatchObject({ modelKey: s.card.modelKey, semver: '1.0.0', status: 'VALIDATED', entities: ['LUNG'], fileSha256: sha256Hex(bytes), fileSizeBytes: bytes.byteLength, uploadedBy: { id: admin.id, name: 'Admin Registry' }, version: 0 });
    const row = await db().modelVersion.findUniqueOrThrow({ where: { id: version.id } });
    expect(Buffer.from(row.fileBytes).equals(Buffer.from(bytes))).toBe(true);
    expect(row.validationReport).toMatchObject({ fileSha256: sha256Hex(bytes), irVersion: 8, testVectorTolerance: 1e-4 });
    const detail = await getModelVersion({ actor: admin, versionId: version.id });
    expect(detail.card).toMatchObject({ modelKey: s.card.modelKey });
    expect(await db().auditEvent.findFirst({ where: { action: 'model.register', entityId: version.id } })).toMatchObject({ actorId: admin.id, detail: { source: 'upload', fileSha256: sha256Hex(bytes) } });
  });

  it('refuses every foreign file with its exact reason, writes no version, and audits the refusal', async () => {
    for (const upload of foreignUploads()) {
      const versionsBefore = await db().modelVersion.count();
      const error = await registerModelVersion({ actor: admin, bytes: upload.bytes, card: typeof upload.card === 'string' ? upload.card : JSON.stringify(upload.card) }).catch((e: unknown) => e);
      expect(error, upload.name).toBeInstanceOf(ModelRejectedError);
      expect((error as ModelRejectedError).reasons.map((r) => r.code), upload.name).toEqual(upload.codes);
      expect(await db().modelVersion.count(), `${upload.name}: nothing stored`).toBe(versionsBefore);
      const audit = await db().auditEvent.findFirst({ where: { action: 'model.register_reject', actorId: admin.id }, orderBy: { id: 'desc' } });
      expect(audit, upload.name).toMatchObject({ outcome: 'FAILURE', detail: { fileSha256: sha256Hex(upload.bytes), reasons: upload.codes.map((code) => ({ code })) } });
    }
  });

  it('refuses a second file under a version number that is taken', async () => {
    const s = spec();
    await registerModelVersion({ actor: admin, bytes: buildLinearModel(s), card: s.card });
    const other: LinearModelSpec = { ...s, beta: s.beta.map((b) => b * 2) };
    other.card = makeTestSpec({ modelKey: s.card.modelKey, beta: other.beta }).card;
    const error = await registerModelVersion({ actor: admin, bytes: buildLinearModel(other), card: other.card }).catch((e: unknown) => e);
    expect((error as ModelRejectedError).reasons).toEqual([expect.objectContaining({ code: 'duplicate' })]);
    expect(await db().modelVersion.count({ where: { modelKey: s.card.modelKey } })).toBe(1);
  });

  it('is for admins only: a clinician is refused before anything is read or written', async () => {
    const s = spec();
    await expect(registerModelVersion({ actor: clinician, bytes: buildLinearModel(s), card: s.card })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await db().modelVersion.count({ where: { modelKey: s.card.modelKey } })).toBe(0);
  });
});

describe('the training branch’s foreign fixtures (lib/models/test-fixtures)', () => {
  // Each is the real WDBC model and card except for one thing (see that folder's README); the
  // card is submitted as an admin would, without the card file's fileSha256 (it names the real file).
  const fixtures: [file: string, codes: string[]][] = [
    ['opset-21.onnx', ['onnx_version']],
    ['opset-27.onnx', ['onnx_version', 'onnx_runtime']],
    // Its contributions output is [1, 7] too, against the card's [1, 10].
    ['wdbc-input-1x7.onnx', ['input_shape', 'output_shape']],
    ['truncated.onnx', ['onnx_decode']],
    ['wrong-test-vectors.onnx', ['test_vector']],
    ['no-card.onnx', ['embedded_card_missing']],
  ];

  it.each(fixtures)('refuses %s with its reason and stores nothing', async (file, codes) => {
    const folder = path.join(process.cwd(), 'lib/models/test-fixtures');
    const { fileSha256: _real, ...card } = JSON.parse(await readFile(path.join(process.cwd(), 'models/breast-malignancy-wdbc/1.0.0/card.json'), 'utf8')) as Record<string, unknown>;
    const bytes = new Uint8Array(await readFile(path.join(folder, file)));
    const before = await db().modelVersion.count();
    const error = await registerModelVersion({ actor: admin, bytes, card: JSON.stringify(card) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelRejectedError);
    // One reason per failing test vector: the distinct codes are the fixture's reason.
    expect([...new Set((error as ModelRejectedError).reasons.map((r) => r.code))]).toEqual(codes);
    expect(await db().modelVersion.count()).toBe(before);
    expect(await db().auditEvent.findFirst({ where: { action: 'model.register_reject', actorId: admin.id }, orderBy: { id: 'desc' } })).toMatchObject({ detail: { fileSha256: sha256Hex(bytes), modelKey: 'breast-malignancy-wdbc' } });
  });
});

describe('the lifecycle', () => {
  it('activation retires the previous active version; rollback restores it', async () => {
    const modelKey = uniqueModelKey('life');
    const v1 = (await registerTestModel({ admin, status: 'ACTIVE', spec: spec({ modelKey }) })).version;
    const v2 = (await registerTestModel({ admin, spec: spec({ modelKey, version: '1.1.0' }) })).version;
    const activated = await activateModelVersion(transition(v2.id, v2.version, 'better calibration'));
    expect(activated).toMatchObject({ status: 'ACTIVE', replacesVersionId: v1.id, statusReason: 'better calibration' });
    expect(await db().modelVersion.findUniqueOrThrow({ where: { id: v1.id } })).toMatchObject({ status: 'RETIRED', statusReason: 'Replaced by 1.1.0: better calibration' });
    const events = await db().auditEvent.findMany({ where: { action: 'model.status_change', entityId: { in: [v1.id, v2.id] } }, orderBy: { id: 'asc' } });
    expect(events.map((e) => (e.detail as { transition: string }).transition)).toEqual(['activate', 'replaced', 'activate']);

    const restored = await rollbackModelVersion(transition(v2.id, activated.version, 'worse on our cases'));
    expect(restored).toMatchObject({ id: v1.id, status: 'ACTIVE' });
    expect(await db().modelVersion.findUniqueOrThrow({ where: { id: v2.id } })).toMatchObject({ status: 'RETIRED', statusReason: 'Rolled back to 1.0.0: worse on our cases' });
    expect((await db().modelVersion.findMany({ where: { modelKey, status: 'ACTIVE' } })).map((v) => v.id)).toEqual([v1.id]);
  });

  it('refuses a stale version number (someone else changed it) and changes nothing', async () => {
    const v = (await registerTestModel({ admin })).version;
    await setModelVersionShadow(transition(v.id, v.version));
    await expect(activateModelVersion(transition(v.id, v.version))).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await statusOf(v.id)).toBe('SHADOW');
  });

  it('refuses transitions the lifecycle does not have', async () => {
    const v = (await registerTestModel({ admin, status: 'ACTIVE' })).version;
    await expect(setModelVersionShadow(transition(v.id, v.version))).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/is active and cannot be put in shadow mode/) });
    await expect(rollbackModelVersion(transition(v.id, v.version))).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/nothing to roll back to/) });
    const retired = await retireModelVersion(transition(v.id, v.version, 'withdrawn by the author'));
    expect(retired).toMatchObject({ status: 'RETIRED', statusReason: 'withdrawn by the author' });
    await expect(retireModelVersion(transition(v.id, retired.version))).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(retireModelVersion({ ...transition(v.id, retired.version), actor: clinician })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('the partial unique index refuses a second ACTIVE version of a model, whoever writes it', async () => {
    const modelKey = uniqueModelKey('index');
    await registerTestModel({ admin, status: 'ACTIVE', spec: spec({ modelKey }) });
    const second = (await registerTestModel({ admin, spec: spec({ modelKey, version: '2.0.0' }) })).version;
    await expect(db().$executeRawUnsafe(`UPDATE model_versions SET status = 'ACTIVE' WHERE id = '${second.id}'`)).rejects.toThrow(/model_versions_one_active_per_model/);
    expect(await db().modelVersion.count({ where: { modelKey, status: 'ACTIVE' } })).toBe(1);
  });

  it('a version’s file, card and identity cannot be changed in the database; its lifecycle can', async () => {
    const { version, bytes } = await registerTestModel({ admin, spec: spec() });
    const other = buildLinearModel(spec({ beta: [0.3, 0.3, 0.3, 0.3, 0.3] }));
    const fixed = /file, card and identity are fixed at upload/;
    await expect(db().modelVersion.update({ where: { id: version.id }, data: { fileBytes: Uint8Array.from(other), fileSha256: sha256Hex(other) } })).rejects.toThrow(fixed);
    await expect(db().$executeRawUnsafe(`UPDATE model_versions SET card = jsonb_set(card, '{intendedUse}', '"anything"') WHERE id = $1`, version.id)).rejects.toThrow(fixed);
    await expect(db().$executeRawUnsafe(`UPDATE model_versions SET entities = ARRAY['BREAST']::"TumorEntity"[] WHERE id = $1`, version.id)).rejects.toThrow(fixed);
    await expect(db().$executeRawUnsafe(`UPDATE model_versions SET semver = '9.9.9' WHERE id = $1`, version.id)).rejects.toThrow(fixed);
    const row = await db().modelVersion.findUniqueOrThrow({ where: { id: version.id } });
    expect(row.fileSha256).toBe(sha256Hex(bytes));
    // The lifecycle moves as before.
    const shadow = await setModelVersionShadow(transition(version.id, row.version));
    expect(shadow.status).toBe('SHADOW');
  });

  it('two admins activating two versions at once leave exactly one active', async () => {
    const modelKey = uniqueModelKey('race');
    const a = (await registerTestModel({ admin, spec: spec({ modelKey }) })).version;
    const b = (await registerTestModel({ admin, spec: spec({ modelKey, version: '1.0.1' }) })).version;
    await Promise.allSettled([activateModelVersion(transition(a.id, a.version)), activateModelVersion(transition(b.id, b.version))]);
    expect(await db().modelVersion.count({ where: { modelKey, status: 'ACTIVE' } })).toBe(1);
  });

  it('lists versions for admins (with statistics) but not for coordinators', async () => {
    const v = (await registerTestModel({ admin })).version;
    expect((await listModelVersions({ actor: admin })).find((x) => x.id === v.id)).toMatchObject({ status: 'VALIDATED', stats: { runs: 0, latencyP50Ms: null, notScoredShare: null } });
    const coordinator = await createTestActor({ role: 'COORDINATOR' });
    await expect(listModelVersions({ actor: coordinator })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('registerShippedModels', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  async function shipped(specs: LinearModelSpec[]): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), 'konsil-models-'));
    dirs.push(dir);
    await mkdir(path.join(dir, 'data'));
    await writeFile(path.join(dir, 'data', 'README.md'), 'not a model');
    for (const s of specs) {
      const folder = path.join(dir, s.card.modelKey, s.card.version);
      await mkdir(folder, { recursive: true });
      const bytes = buildLinearModel(s);
      await writeFile(path.join(folder, 'model.onnx'), bytes);
      await writeFile(path.join(folder, 'card.json'), JSON.stringify({ ...s.card, fileSha256: sha256Hex(bytes) }, null, 2));
    }
    return dir;
  }

  it('registers and activates through the same validation, idempotently', async () => {
    const modelKey = uniqueModelKey('shipped');
    const dir = await shipped([spec({ modelKey }), spec({ modelKey, version: '1.1.0' })]);
    const first = await registerShippedModels({ dir });
    expect(first).toEqual({ registered: [`${modelKey}@1.0.0`, `${modelKey}@1.1.0`], activated: [`${modelKey}@1.0.0`], unchanged: [] });
    const again = await registerShippedModels({ dir });
    expect(again).toEqual({ registered: [], activated: [], unchanged: [`${modelKey}@1.0.0`, `${modelKey}@1.1.0`] });
    const rows = await db().modelVersion.findMany({ where: { modelKey }, orderBy: { semver: 'asc' } });
    expect(rows.map((r) => [r.semver, r.status, r.uploadedById])).toEqual([['1.0.0', 'ACTIVE', null], ['1.1.0', 'VALIDATED', null]]);
    expect(await db().auditEvent.findFirst({ where: { action: 'model.register', entityId: rows[0]!.id } })).toMatchObject({ actorId: null, detail: { source: 'shipped' } });
  });

  it('fails loudly when a shipped file changed without a new version number', async () => {
    const modelKey = uniqueModelKey('changed');
    await registerShippedModels({ dir: await shipped([spec({ modelKey })]) });
    const changed = spec({ modelKey, beta: [0.2, 0.2, 0.2, 0.2, 0.2] });
    await expect(registerShippedModels({ dir: await shipped([changed]) })).rejects.toThrow(/A changed model needs a new version number/);
  });
});

const { POST, GET } = await import('@/app/api/admin/models/route');

describe('POST /api/admin/models', () => {
  const upload = (bytes: Uint8Array, card: string) => {
    const form = new FormData();
    form.append('model', new Blob([Buffer.from(bytes)]), 'model.onnx');
    form.append('card', card);
    return new Request('http://konsil.test/api/admin/models', { method: 'POST', body: form });
  };

  it('answers 201 with the version for an admin, 422 with every reason for a refused file, 403 for a clinician', async () => {
    const s = spec();
    session.actor = admin;
    const created = await POST(upload(buildLinearModel(s), JSON.stringify(s.card)), {});
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ modelKey: s.card.modelKey, status: 'VALIDATED' });

    const refused = await POST(upload(buildLinearModel(s, { inputName: 'x' }), JSON.stringify(s.card)), {});
    expect(refused.status).toBe(422);
    const body = (await refused.json()) as { reasons: { code: string }[] };
    expect(body.reasons.map((r) => r.code)).toEqual(['input_name']);

    const listed = await GET(new Request('http://konsil.test/api/admin/models'), {});
    expect(((await listed.json()) as { versions: { id: string }[] }).versions.length).toBeGreaterThan(0);

    session.actor = clinician;
    const denied = await POST(upload(buildLinearModel(s), JSON.stringify(s.card)), {});
    expect(denied.status).toBe(403);
  });

  it('refuses an upload without the card, or larger than the limit, storing nothing', async () => {
    session.actor = admin;
    const form = new FormData();
    form.append('model', new Blob([Buffer.from(buildLinearModel(spec()))]), 'model.onnx');
    const noCard = await POST(new Request('http://konsil.test/api/admin/models', { method: 'POST', body: form }), {});
    expect(noCard.status).toBe(400);
    const big = new Request('http://konsil.test/api/admin/models', { method: 'POST', body: 'x', headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(30 * 1024 * 1024) } });
    expect((await POST(big, {})).status).toBe(413);
  });
});
