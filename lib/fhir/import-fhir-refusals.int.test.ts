// What the FHIR importer refuses, and that a refusal stores nothing it should not.
import type { Bundle, BundleEntry, ImagingStudy, Observation, OperationOutcome, Patient } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/authz/actor';
import { db } from '@/lib/db/client';
import { createTestActor } from '@/lib/test/create-test-actor';
import { nsclcTransaction, uniqueKey } from './__fixtures__/load-fixture';
import { FhirInputError, importFhirPayload } from './import-fhir';

let actor: Actor;

beforeAll(async () => {
  actor = await createTestActor({ role: 'COORDINATOR' });
});

const issues = (result: { response: Bundle | OperationOutcome }) => (result.response as OperationOutcome).issue ?? [];
const statuses = (result: { response: Bundle | OperationOutcome }) => ((result.response as Bundle).entry ?? []).map((e: BundleEntry) => e.response?.status);

/** Rows in every table an import writes, to prove a refused import wrote none. */
async function tableCounts() {
  const d = db();
  return {
    patients: await d.patient.count(),
    conditions: await d.condition.count(),
    observations: await d.observation.count(),
    reports: await d.report.count(),
    procedures: await d.procedure.count(),
    medications: await d.medication.count(),
    imagingStudies: await d.imagingStudy.count(),
    auditEvents: await d.auditEvent.count({ where: { action: 'import.fhir_patient' } }),
  };
}

describe('a transaction with one invalid entry', () => {
  it('stores nothing and names the entry and the problem', async () => {
    const bundle = nsclcTransaction({ key: uniqueKey() });
    (bundle.entry![9]!.resource as unknown as Record<string, unknown>).valueQuantity = 'x';
    const before = await tableCounts();

    const result = await importFhirPayload(bundle, { actor, channel: 'api' });

    expect(result).toMatchObject({ status: 'FAILED', kind: 'transaction', counts: { created: 0, updated: 0, unchanged: 0, failed: 1, skipped: 3 }, patientIds: [] });
    expect(result.response.resourceType).toBe('OperationOutcome');
    expect(issues(result)[0]).toMatchObject({
      severity: 'error',
      expression: ['Bundle.entry[9].resource.valueQuantity'],
      details: { text: 'Wrong type: expected a JSON object, got a string' },
    });
    expect(await tableCounts()).toEqual(before);
  });

  it('stores nothing when a reference points to nothing', async () => {
    const bundle = nsclcTransaction({ key: uniqueKey() });
    (bundle.entry![3]!.resource as Observation).subject = { reference: 'Patient/no-such-patient' };
    const before = await tableCounts();

    const result = await importFhirPayload(bundle, { actor, channel: 'api' });

    expect(result.status).toBe('FAILED');
    expect(issues(result).filter((i) => i.severity === 'error')).toEqual([
      expect.objectContaining({
        code: 'not-found',
        expression: ['Bundle.entry[3].resource.subject'],
        details: { text: 'The subject cannot be resolved: Patient/no-such-patient is neither in this Bundle nor a patient Konsil has imported' },
      }),
    ]);
    expect(await tableCounts()).toEqual(before);
  });

  it('rolls back everything when storing meets a conflict (a Study Instance UID of another patient)', async () => {
    const other = nsclcTransaction({ key: uniqueKey() });
    expect((await importFhirPayload(other, { actor, channel: 'api' })).status).toBe('SUCCEEDED');
    const bundle = nsclcTransaction({ key: uniqueKey() });
    (bundle.entry![20]!.resource as ImagingStudy).identifier = (other.entry![20]!.resource as ImagingStudy).identifier;
    const before = await tableCounts();

    const result = await importFhirPayload(bundle, { actor, channel: 'api' });

    expect(result).toMatchObject({ status: 'FAILED', counts: { failed: 1, created: 0 } });
    expect(issues(result)[0]).toMatchObject({ code: 'conflict', expression: ['Bundle.entry[20].resource'], details: { text: expect.stringContaining('belongs to a different patient') } });
    expect(await tableCounts()).toEqual(before);
  });
});

describe('a batch with some invalid entries', () => {
  it('stores the valid ones and answers per entry', async () => {
    const bundle: Bundle = { ...nsclcTransaction({ key: uniqueKey() }), type: 'batch' };
    delete (bundle.entry![9]!.resource as Observation).effectiveDateTime;
    (bundle.entry![10]!.resource as Observation).subject = { reference: 'urn:uuid:00000000-0000-4000-8000-00000000dead' };
    const before = await tableCounts();

    const result = await importFhirPayload(bundle, { actor, channel: 'ui' });

    expect(result).toMatchObject({ status: 'PARTIAL', kind: 'batch', counts: { created: 20, failed: 2, skipped: 3 } });
    const response = result.response as Bundle;
    expect(response.type).toBe('batch-response');
    expect(statuses(result)[9]).toBe('400 Bad Request');
    expect(response.entry![9]!.response!.outcome!.issue![0]).toMatchObject({ expression: ['Bundle.entry[9].resource.effective[x]'] });
    expect(response.entry![10]!.response!.outcome!.issue![0]).toMatchObject({ expression: ['Bundle.entry[10].resource.subject'] });
    expect(statuses(result).filter((s) => s === '201 Created')).toHaveLength(20);
    const after = await tableCounts();
    expect(after.observations - before.observations).toBe(9);
    expect(after.patients - before.patients).toBe(1);
  });

  it('fails every entry of a patient whose Patient entry is invalid: nothing stored, FAILED', async () => {
    const bundle: Bundle = { ...nsclcTransaction({ key: uniqueKey() }), type: 'collection' };
    (bundle.entry![0]!.resource as Patient).birthDate = 'yesterday';
    const before = await tableCounts();

    const result = await importFhirPayload(bundle, { actor, channel: 'ui' });

    expect(result).toMatchObject({ status: 'FAILED', kind: 'collection', counts: { failed: 22, skipped: 3, created: 0 } });
    expect(issues(result)[0]).toMatchObject({ expression: ['Bundle.entry[0].resource.birthDate'], details: { text: 'Invalid date format' } });
    expect(issues(result).filter((i) => i.details?.text?.includes('its patient, Bundle.entry[0], could not be imported'))).toHaveLength(21);
    expect(await tableCounts()).toEqual(before);
  });

  it('refuses to move a resource to another patient (409), and stores the rest', async () => {
    const key = uniqueKey();
    expect((await importFhirPayload(nsclcTransaction({ key }), { actor, channel: 'api' })).status).toBe('SUCCEEDED');
    const other = nsclcTransaction({ key: uniqueKey() });
    const moved = nsclcTransaction({ key }).entry![9]!;
    (moved.resource as Observation).subject = { reference: other.entry![0]!.fullUrl };
    const batch: Bundle = { resourceType: 'Bundle', type: 'batch', entry: [other.entry![0]!, moved] };

    const result = await importFhirPayload(batch, { actor, channel: 'api' });

    expect(result).toMatchObject({ status: 'PARTIAL', counts: { created: 1, failed: 1 } });
    expect(statuses(result)).toEqual(['201 Created', '409 Conflict']);
  });
});

describe('a patient whose MRN value is already taken by a patient from another MRN system', () => {
  const patientFrom = (system: string | undefined, mrn: string, family: string): Patient => ({
    resourceType: 'Patient',
    identifier: [{ type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }] }, ...(system ? { system } : {}), value: mrn }],
    name: [{ family, given: ['Erika'] }],
    gender: 'female',
  });

  it('is refused as a conflict (409) naming both systems; the existing patient is not touched', async () => {
    const mrn = `X-${uniqueKey()}`;
    const first = await importFhirPayload(patientFrom('urn:hospital-a:mrn', mrn, 'Alpha'), { actor, channel: 'api' });
    expect(first.counts.created).toBe(1);
    const before = await db().patient.findUniqueOrThrow({ where: { mrn } });

    const result = await importFhirPayload({ resourceType: 'Bundle', type: 'batch', entry: [{ resource: patientFrom('urn:hospital-b:mrn', mrn, 'Beta') }] }, { actor, channel: 'api' });

    expect(result).toMatchObject({ status: 'FAILED', counts: { failed: 1, created: 0, updated: 0 } });
    const entry = (result.response as Bundle).entry![0]!.response!;
    expect(entry.status).toBe('409 Conflict');
    expect(entry.outcome!.issue![0]).toMatchObject({ severity: 'error', code: 'conflict', expression: ['Bundle.entry[0].resource'] });
    expect(entry.outcome!.issue![0]!.details!.text).toEqual(expect.stringContaining('urn:hospital-a:mrn'));
    expect(entry.outcome!.issue![0]!.details!.text).toEqual(expect.stringContaining('urn:hospital-b:mrn'));
    expect(await db().patient.findUniqueOrThrow({ where: { mrn } })).toEqual(before);
  });

  it('still updates the patient when one side does not know its MRN system', async () => {
    const mrn = `X-${uniqueKey()}`;
    await importFhirPayload(patientFrom(undefined, mrn, 'Alpha'), { actor, channel: 'api' });

    const result = await importFhirPayload(patientFrom('urn:hospital-a:mrn', mrn, 'Alpha-Beta'), { actor, channel: 'api' });

    expect(result).toMatchObject({ status: 'SUCCEEDED', counts: { updated: 1 } });
    expect(await db().patient.findUniqueOrThrow({ where: { mrn } })).toMatchObject({ mrnSystem: 'urn:hospital-a:mrn', familyName: 'Alpha-Beta' });
  });
});

describe('payloads that are not importable at all', () => {
  it('throws FhirInputError with an OperationOutcome for a missing resourceType or a wrong Bundle type', async () => {
    const missing = importFhirPayload({ id: 'x', birthDate: '1960-01-01' }, { actor, channel: 'api' });
    await expect(missing).rejects.toBeInstanceOf(FhirInputError);
    await expect(missing).rejects.toMatchObject({ outcome: { resourceType: 'OperationOutcome', issue: [expect.objectContaining({ severity: 'error' })] } });
    await expect(importFhirPayload({ resourceType: 'Bundle', type: 'history', entry: [] }, { actor, channel: 'api' })).rejects.toThrow(/Bundle.type "history" is not accepted/);
  });

  it('answers a single unknown-but-valid resource with a warning and stores nothing', async () => {
    const before = await tableCounts();
    const result = await importFhirPayload({ resourceType: 'Encounter', status: 'finished', class: { code: 'AMB' } }, { actor, channel: 'api' });
    expect(result).toMatchObject({ status: 'SUCCEEDED', counts: { skipped: 1 } });
    expect((result.response as Bundle).entry![0]!.response!.outcome!.issue![0]).toMatchObject({ severity: 'warning', details: { text: 'not imported: Konsil does not use Encounter' } });
    expect(await tableCounts()).toEqual(before);
  });
});

describe('an ImagingStudy the DICOM importer indexed first', () => {
  it('attaches its source key and fills only empty fields', async () => {
    const key = uniqueKey();
    const bundle = nsclcTransaction({ key });
    const uid = `1.2.826.0.1.3680043.8.498.${key}`;
    const patient = await db().patient.create({
      data: { mrn: `SYN-${key}`, familyName: 'Mustermann', givenName: 'Erika', sex: 'FEMALE', pseudonym: `P-dicom-${key}`, sourceSystem: 'dicom' },
    });
    await db().imagingStudy.create({
      data: { patientId: patient.id, studyInstanceUid: uid, description: 'THORAX^01_CT', modalities: ['CT', 'SR'], dicomPatientId: `SYN-${key}` },
    });
    const batch: Bundle = { resourceType: 'Bundle', type: 'batch', entry: [bundle.entry![0]!, bundle.entry![20]!] };

    const result = await importFhirPayload(batch, { actor, channel: 'api' });

    expect(result).toMatchObject({ status: 'SUCCEEDED', counts: { updated: 2, created: 0 } });
    const study = await db().imagingStudy.findUniqueOrThrow({ where: { studyInstanceUid: uid } });
    expect(study).toMatchObject({
      patientId: patient.id,
      description: 'THORAX^01_CT',
      modalities: ['CT', 'SR'],
      studyDate: new Date('2024-03-01T10:02:00Z'),
      accessionNumber: 'ACC-2024-33017',
      sourceSystem: 'urn:dicom:uid',
      sourceId: `urn:oid:${uid}`,
    });
    const again = await importFhirPayload(batch, { actor, channel: 'api' });
    expect(again.counts).toMatchObject({ unchanged: 2, updated: 0 });
  });
});
