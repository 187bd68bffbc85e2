// The FHIR endpoint's HTTP answer to a batch in which nothing could be stored:
// FHIR answers a batch with 200 and a batch-response (per-entry statuses), never
// with an error for the whole request; the import job still records FAILED.
import { randomUUID } from 'node:crypto';
import type { Bundle } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/authz/actor';
import { unsafeGetImportJob } from '@/lib/db/import-jobs';
import { handleFhirPost } from '@/lib/fhir-api/handle-fhir-post';
import { createTestActor } from '@/lib/test/create-test-actor';

let actor: Actor;

beforeAll(async () => {
  actor = await createTestActor({ role: 'COORDINATOR' });
});

const post = (body: unknown) => {
  const text = JSON.stringify(body);
  return handleFhirPost(
    new Request('http://localhost/api/fhir', { method: 'POST', body: text, headers: { 'content-type': 'application/fhir+json', 'content-length': String(Buffer.byteLength(text)) } }),
    { actor },
  );
};

const observationWithoutDate = (subject: string) => ({
  resourceType: 'Observation',
  identifier: [{ system: 'urn:test:obs', value: randomUUID() }],
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '718-7' }] },
  subject: { reference: subject },
});

describe('POST /api/fhir with a batch whose every entry fails', () => {
  const bundle = (type: 'batch' | 'transaction') => ({
    resourceType: 'Bundle',
    type,
    entry: [
      { resource: observationWithoutDate('Patient/nobody-here'), request: { method: 'POST', url: 'Observation' } },
      { resource: { resourceType: 'Observation', status: 'final' }, request: { method: 'POST', url: 'Observation' } },
    ],
  });

  it('answers 200 with a batch-response carrying the per-entry statuses; the job is FAILED', async () => {
    const response = await post(bundle('batch'));

    expect(response.status).toBe(200);
    const body = (await response.json()) as Bundle;
    expect(body).toMatchObject({ resourceType: 'Bundle', type: 'batch-response' });
    expect(body.entry!.map((e) => e.response!.status)).toEqual(['400 Bad Request', '400 Bad Request']);
    expect(body.entry![0]!.response!.outcome!.issue!.length).toBeGreaterThan(0);
    const job = await unsafeGetImportJob(response.headers.get('x-konsil-import-job')!);
    expect(job).toMatchObject({ status: 'FAILED', failedCount: 2 });
  });

  it('still answers a refused transaction with 400 and an OperationOutcome', async () => {
    const response = await post(bundle('transaction'));

    expect(response.status).toBe(400);
    expect(((await response.json()) as { resourceType: string }).resourceType).toBe('OperationOutcome');
  });
});
