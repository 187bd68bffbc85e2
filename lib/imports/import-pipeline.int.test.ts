// The doors around the importers: multipart upload → staging → job row → queue →
// worker → outcome, the synchronous FHIR endpoint, the size limit and junk input.
// Everything runs against the real PostgreSQL and the real pg-boss queue.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/authz/actor';
import { db } from '@/lib/db/client';
import { createImportJob, unsafeGetImportJob } from '@/lib/db/import-jobs';
import { resetEnvCache } from '@/lib/env';
import { handleFhirPost } from '@/lib/fhir-api/handle-fhir-post';
import { enqueueImport, stopBoss } from '@/lib/jobs/boss';
import { startImportWorker } from '@/lib/jobs/import-worker';
import { createTestActor } from '@/lib/test/create-test-actor';
import { receiveUpload } from './receive-upload';
import { runImportJob } from './run-import-job';
import { sweepStaging } from './sweep-staging';

let coordinator: Actor;
let storage: string;

function patientBundle(mrn: string, type: 'transaction' | 'batch' = 'transaction') {
  const patientUrl = `urn:uuid:${randomUUID()}`;
  return {
    resourceType: 'Bundle',
    type,
    entry: [
      {
        fullUrl: patientUrl,
        resource: {
          resourceType: 'Patient',
          identifier: [{ type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }] }, system: 'urn:test:mrn', value: mrn }],
          name: [{ family: 'Pipeline', given: ['Test'] }],
          gender: 'female',
          birthDate: '1961-02-03',
        },
        request: { method: 'POST', url: 'Patient' },
      },
      {
        fullUrl: `urn:uuid:${randomUUID()}`,
        resource: {
          resourceType: 'Observation',
          identifier: [{ system: 'urn:test:obs', value: `${mrn}-hb` }],
          status: 'final',
          category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] }],
          code: { coding: [{ system: 'http://loinc.org', code: '718-7', display: 'Hemoglobin [Mass/volume] in Blood' }] },
          subject: { reference: patientUrl },
          effectiveDateTime: '2026-10-01T08:00:00Z',
          valueQuantity: { value: 11.2, unit: 'g/dL', system: 'http://unitsofmeasure.org', code: 'g/dL' },
          referenceRange: [{ low: { value: 12, unit: 'g/dL' }, high: { value: 16, unit: 'g/dL' } }],
        },
        request: { method: 'POST', url: 'Observation' },
      },
    ],
  };
}

function uploadRequest(kind: string, files: Array<{ name: string; body: BlobPart }>): Request {
  const form = new FormData();
  form.append('kind', kind);
  for (const file of files) form.append('files', new Blob([file.body]), file.name);
  return new Request('http://localhost/api/imports', { method: 'POST', body: form });
}

async function uploadAndRun(kind: string, files: Array<{ name: string; body: BlobPart }>) {
  const upload = await receiveUpload(uploadRequest(kind, files));
  const job = await createImportJob({ id: upload.jobId, actor: coordinator, kind: upload.kind, channel: 'ui', sourceName: 'test', bytes: upload.bytes, totalItems: upload.files.length });
  await runImportJob(job.id);
  return (await unsafeGetImportJob(job.id))!;
}

beforeAll(async () => {
  storage = await mkdtemp(path.join(tmpdir(), 'konsil-pipeline-'));
  process.env.KONSIL_STORAGE_DIR = storage;
  process.env.IMPORT_MAX_UPLOAD_MB = '150';
  resetEnvCache();
  coordinator = await createTestActor({ role: 'COORDINATOR' });
});

afterAll(async () => {
  await stopBoss();
  delete process.env.IMPORT_MAX_UPLOAD_MB;
  resetEnvCache();
});

describe('upload → staging → worker', () => {
  it('imports an uploaded FHIR bundle, records counts and audit, and removes the staged files', async () => {
    const mrn = `PIPE-${randomUUID().slice(0, 8)}`;
    const job = await uploadAndRun('fhir', [{ name: 'bundle.json', body: JSON.stringify(patientBundle(mrn)) }]);
    expect(job.status).toBe('SUCCEEDED');
    expect(job.createdCount).toBe(2);
    expect(job.processedItems).toBe(1);
    const patient = await db().patient.findUnique({ where: { mrn }, include: { observations: true } });
    expect(patient?.observations.map((o) => o.valueNumeric)).toEqual([11.2]);
    const actions = (await db().auditEvent.findMany({ where: { entityId: job.id }, orderBy: { occurredAt: 'asc' } })).map((e) => e.action);
    expect(actions).toEqual(['import.request', 'import.finish']);
    expect(existsSync(path.join(storage, 'staging', job.id))).toBe(false);
  });

  it('runs a queued job through pg-boss and the worker', async () => {
    const mrn = `QUEUE-${randomUUID().slice(0, 8)}`;
    const upload = await receiveUpload(uploadRequest('FHIR', [{ name: 'queued.json', body: JSON.stringify(patientBundle(mrn)) }]));
    const job = await createImportJob({ id: upload.jobId, actor: coordinator, kind: 'FHIR', channel: 'ui', sourceName: 'queued.json', bytes: upload.bytes, totalItems: 1 });
    await startImportWorker({ pollingIntervalSeconds: 0.5 });
    await enqueueImport(job.id);
    let status = 'QUEUED';
    for (let i = 0; i < 120 && !['SUCCEEDED', 'PARTIAL', 'FAILED'].includes(status); i++) {
      await new Promise((r) => setTimeout(r, 250));
      status = (await unsafeGetImportJob(job.id))!.status;
    }
    expect(status).toBe('SUCCEEDED');
    expect(await db().patient.count({ where: { mrn } })).toBe(1);
  });

  it('does not run an upload whose requester was deactivated before the worker got to it', async () => {
    const leaver = await createTestActor({ role: 'COORDINATOR' });
    const mrn = `LEAVER-${randomUUID().slice(0, 8)}`;
    const upload = await receiveUpload(uploadRequest('FHIR', [{ name: 'b.json', body: JSON.stringify(patientBundle(mrn)) }]));
    const job = await createImportJob({ id: upload.jobId, actor: leaver, kind: 'FHIR', channel: 'ui', sourceName: 'b.json', bytes: upload.bytes });
    await db().user.update({ where: { id: leaver.id }, data: { active: false } });
    await runImportJob(job.id);
    const after = (await unsafeGetImportJob(job.id))!;
    expect(after.status).toBe('FAILED');
    expect(after.error).toMatch(/may no longer import/);
    expect(await db().patient.count({ where: { mrn } })).toBe(0);
  });
});

describe('workers that die', () => {
  it('takes over a job whose worker died long ago, but not one that is still running', async () => {
    const mrn = `STALE-${randomUUID().slice(0, 8)}`;
    const upload = await receiveUpload(uploadRequest('FHIR', [{ name: 'stale.json', body: JSON.stringify(patientBundle(mrn)) }]));
    const job = await createImportJob({ id: upload.jobId, actor: coordinator, kind: 'FHIR', channel: 'ui', sourceName: 'stale.json', bytes: upload.bytes, totalItems: 1 });

    await db().importJob.update({ where: { id: job.id }, data: { status: 'RUNNING', startedAt: new Date() } });
    await runImportJob(job.id);
    expect((await unsafeGetImportJob(job.id))!.status).toBe('RUNNING');
    expect(await db().patient.count({ where: { mrn } })).toBe(0);

    await db().importJob.update({ where: { id: job.id }, data: { startedAt: new Date(Date.now() - 2 * 60 * 60 * 1000) } });
    await runImportJob(job.id);
    expect((await unsafeGetImportJob(job.id))!.status).toBe('SUCCEEDED');
    expect(await db().patient.count({ where: { mrn } })).toBe(1);
  });

  it('sweeps staged files of finished jobs and of uploads that never became a job, and keeps the rest', async () => {
    const staging = path.join(storage, 'staging');
    const old = new Date(Date.now() - 24 * 60 * 60 * 1000);
    const finished = await db().importJob.create({ data: { kind: 'FHIR', channel: 'ui', sourceName: 'done', status: 'SUCCEEDED' } });
    const queued = await db().importJob.create({ data: { kind: 'FHIR', channel: 'ui', sourceName: 'waiting', status: 'QUEUED' } });
    const orphan = randomUUID().replaceAll('-', '');
    const young = randomUUID().replaceAll('-', '');
    for (const id of [finished.id, queued.id, orphan, young]) await mkdir(path.join(staging, id, 'files'), { recursive: true });
    for (const id of [finished.id, queued.id, orphan]) await utimes(path.join(staging, id), old, old);

    await sweepStaging();
    const left = await readdir(staging);
    expect(left).toContain(queued.id);
    expect(left).toContain(young);
    expect(left).not.toContain(finished.id);
    expect(left).not.toContain(orphan);
  });
});

describe('bad input stores nothing', () => {
  it('refuses an upload over the size limit while reading it, leaving no staged files', async () => {
    process.env.IMPORT_MAX_UPLOAD_MB = '1';
    resetEnvCache();
    const stagedNow = async () => (existsSync(path.join(storage, 'staging')) ? (await readdir(path.join(storage, 'staging'))).sort() : []);
    const before = await stagedNow();
    try {
      await expect(receiveUpload(uploadRequest('DICOM', [{ name: 'big.bin', body: new Uint8Array(2 * 1024 * 1024) }]))).rejects.toMatchObject({
        code: 'PAYLOAD_TOO_LARGE',
      });
      expect(await stagedNow()).toEqual(before);
    } finally {
      process.env.IMPORT_MAX_UPLOAD_MB = '150';
      resetEnvCache();
    }
  });

  it('refuses an upload without a kind or without files', async () => {
    await expect(receiveUpload(uploadRequest('XML', [{ name: 'a.json', body: '{}' }]))).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(receiveUpload(uploadRequest('FHIR', []))).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('answers a 100 MB junk upload with a clear failure as FHIR and as DICOM, storing nothing', async () => {
    const junk = new Uint8Array(100 * 1024 * 1024);
    for (let i = 0; i < junk.length; i += 4096) junk[i] = (i * 7919) & 0xff;
    const patientsBefore = await db().patient.count();
    const instancesBefore = await db().imagingInstance.count();

    const asFhir = await uploadAndRun('FHIR', [{ name: 'junk.json', body: junk }]);
    expect(asFhir.status).toBe('FAILED');
    expect(JSON.stringify(asFhir.outcome)).toMatch(/JSON/i);

    const asDicom = await uploadAndRun('DICOM', [{ name: 'junk.dcm', body: junk }]);
    expect(asDicom.status).toBe('FAILED');
    expect(JSON.stringify(asDicom.outcome)).toMatch(/not (a )?DICOM/i);

    expect(await db().patient.count()).toBe(patientsBefore);
    expect(await db().imagingInstance.count()).toBe(instancesBefore);
    expect(existsSync(path.join(storage, 'dicom')) ? await readdir(path.join(storage, 'dicom')) : []).toEqual([]);
  }, 120_000);
});

describe('FHIR endpoint', () => {
  const post = (body: string, headers: Record<string, string> = {}, resourceType?: string) =>
    handleFhirPost(
      new Request('http://localhost/api/fhir', { method: 'POST', body, headers: { 'content-type': 'application/fhir+json', 'content-length': String(Buffer.byteLength(body)), ...headers } }),
      { actor: coordinator, resourceType },
    );

  it('imports a transaction bundle while the client waits and answers the transaction-response', async () => {
    const response = await post(JSON.stringify(patientBundle(`API-${randomUUID().slice(0, 8)}`)));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/fhir+json');
    const body = (await response.json()) as { resourceType: string; type: string };
    expect(body).toMatchObject({ resourceType: 'Bundle', type: 'transaction-response' });
  });

  it('answers a refused transaction with 400 and an OperationOutcome naming the entry', async () => {
    const bundle = patientBundle(`BAD-${randomUUID().slice(0, 8)}`);
    (bundle.entry[1]!.resource as Record<string, unknown>).valueQuantity = 'eleven';
    const response = await post(JSON.stringify(bundle));
    expect(response.status).toBe(400);
    const outcome = (await response.json()) as { resourceType: string; issue: Array<{ expression?: string[] }> };
    expect(outcome.resourceType).toBe('OperationOutcome');
    expect(JSON.stringify(outcome.issue)).toContain('entry[1]');
  });

  it('answers invalid JSON, the wrong content type and a mismatched type clearly', async () => {
    const invalid = await post('{"resourceType": "Bundle", ');
    expect(invalid.status).toBe(400);
    expect(JSON.stringify(await invalid.json())).toMatch(/JSON/);
    const xml = await handleFhirPost(new Request('http://localhost/api/fhir', { method: 'POST', body: '<Bundle/>', headers: { 'content-type': 'application/fhir+xml' } }), { actor: coordinator });
    expect(xml.status).toBe(415);
    const mismatch = await post(JSON.stringify({ resourceType: 'Observation' }), {}, 'Patient');
    expect(mismatch.status).toBe(400);
  });

  it('queues a post that asks for asynchronous processing and answers 202 with the job', async () => {
    const response = await post(JSON.stringify(patientBundle(`ASYNC-${randomUUID().slice(0, 8)}`)), { prefer: 'respond-async' });
    expect(response.status).toBe(202);
    const location = response.headers.get('content-location');
    expect(location).toMatch(/^\/api\/imports\/[a-z0-9]+$/);
    const job = await unsafeGetImportJob(location!.split('/').pop()!);
    expect(job?.channel).toBe('api');
  });
});
