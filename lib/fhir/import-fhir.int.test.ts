// The FHIR importer against the real database: what a Bundle becomes, row by row,
// and that importing it again changes nothing.
import { randomUUID } from 'node:crypto';
import type { Bundle, BundleEntry, Observation, Patient } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/authz/actor';
import { db } from '@/lib/db/client';
import { createTestActor } from '@/lib/test/create-test-actor';
import { nsclcTransaction, uniqueKey } from './__fixtures__/load-fixture';
import { importFhirPayload } from './import-fhir';

let coordinator: Actor;
let key: string;
let patientId: string;
let firstResult: Awaited<ReturnType<typeof importFhirPayload>>;
const progress: [number, number][] = [];

beforeAll(async () => {
  coordinator = await createTestActor({ role: 'COORDINATOR' });
  key = uniqueKey();
  firstResult = await importFhirPayload(nsclcTransaction({ key }), {
    actor: coordinator,
    channel: 'ui',
    jobId: `job-${key}`,
    onProgress: (processed, total) => {
      progress.push([processed, total]);
    },
  });
  patientId = (await db().patient.findUniqueOrThrow({ where: { mrn: `SYN-${key}` } })).id;
});

async function rowsOf(id: string) {
  const [conditions, observations, reports, procedures, medications, studies] = await Promise.all([
    db().condition.findMany({ where: { patientId: id }, orderBy: { sourceId: 'asc' } }),
    db().observation.findMany({ where: { patientId: id }, orderBy: { sourceId: 'asc' } }),
    db().report.findMany({ where: { patientId: id }, orderBy: { sourceId: 'asc' } }),
    db().procedure.findMany({ where: { patientId: id }, orderBy: { sourceId: 'asc' } }),
    db().medication.findMany({ where: { patientId: id }, orderBy: { sourceId: 'asc' } }),
    db().imagingStudy.findMany({ where: { patientId: id } }),
  ]);
  return { conditions, observations, reports, procedures, medications, studies };
}

describe('importing the NSCLC transaction Bundle', () => {
  it('answers with a transaction-response: 22 created, 3 skipped with warnings', () => {
    expect(firstResult).toMatchObject({
      status: 'SUCCEEDED',
      kind: 'transaction',
      counts: { created: 22, updated: 0, unchanged: 0, failed: 0, skipped: 3 },
      patientIds: [patientId],
    });
    expect(firstResult.byResourceType).toMatchObject({
      Patient: { created: 1 },
      Condition: { created: 3 },
      Observation: { created: 11 },
      DiagnosticReport: { created: 2 },
      Procedure: { created: 2 },
      MedicationStatement: { created: 1 },
      MedicationRequest: { created: 1 },
      ImagingStudy: { created: 1 },
      Encounter: { skipped: 1 },
    });
    const response = firstResult.response as Bundle;
    expect(response.type).toBe('transaction-response');
    expect(response.entry).toHaveLength(25);
    expect(response.entry![0]!.response!.status).toBe('201 Created');
    expect(response.entry![23]!.response).toMatchObject({
      status: '200 OK',
      outcome: { issue: [expect.objectContaining({ severity: 'warning', details: { text: 'not imported: Konsil does not use Encounter' } })] },
    });
    expect(progress.at(-1)).toEqual([25, 25]);
  });

  it('stores the patient: MRN and its system, names, birth date, sex, synthetic mark, pseudonym, FHIR source', async () => {
    const patient = await db().patient.findUniqueOrThrow({ where: { id: patientId } });
    expect(patient).toMatchObject({
      mrn: `SYN-${key}`,
      mrnSystem: 'https://hospital.example.org/fhir/sid/mrn',
      familyName: 'Mustermann',
      givenName: 'Erika Maria',
      birthDate: new Date('1957-04-12T00:00:00Z'),
      sex: 'FEMALE',
      isSynthetic: true,
      sourceSystem: 'fhir:https://kis.hospital.example.org/fhir',
      sourceId: `nsclc-${key}`,
      sourceHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(patient.pseudonym).toMatch(/^P-[0-9a-f]{10}$/);
  });

  it('stores conditions with kind, ICD-10, ICD-O-3, body site, onset and status', async () => {
    const { conditions } = await rowsOf(patientId);
    expect(conditions.map((c) => [c.kind, c.icd10Code, c.icdO3Morphology, c.icdO3Topography, c.bodySite, c.onsetDate?.toISOString().slice(0, 10), c.clinicalStatus])).toEqual([
      ['PRIMARY_CANCER', 'C34.1', '8140/3', 'C34.1', 'Right upper lobe', '2024-02-20', 'active'],
      ['SECONDARY_CANCER', 'C79.5', null, null, 'Os ilium links', '2024-03-05', 'active'],
      ['COMORBIDITY', 'J44.9', null, null, null, '2015-01-01', 'active'],
    ]);
    expect(conditions[0]).toMatchObject({ sourceSystem: 'https://hospital.example.org/fhir/sid/condition', sourceId: `COND-${key}-1`, display: 'Adenocarcinoma of the right upper lobe (NSCLC)' });
  });

  it('stores staging, ECOG, labs with reference ranges and vital signs', async () => {
    const { observations } = await rowsOf(patientId);
    expect(observations).toHaveLength(11);
    const byLoinc = (code: string) => observations.filter((o) => o.loincCode === code);
    expect(byLoinc('21905-5')[0]).toMatchObject({ category: 'STAGING', valueCode: 'cT2a', valueText: 'T2a', effectiveAt: new Date('2024-03-06T00:00:00Z') });
    expect(byLoinc('21908-9')[0]).toMatchObject({ category: 'STAGING', valueCode: 'IVA', valueText: 'Stage IVA' });
    expect(byLoinc('89247-1')[0]).toMatchObject({ category: 'PERFORMANCE_STATUS', valueNumeric: 1, effectiveAt: new Date('2024-03-06T08:30:00Z') });
    const [first, second] = byLoinc('718-7').sort((a, b) => a.effectiveAt.getTime() - b.effectiveAt.getTime());
    expect(first).toMatchObject({
      category: 'LABORATORY',
      display: 'Hemoglobin [Mass/volume] in Blood',
      status: 'final',
      valueNumeric: 11.8,
      unit: 'g/dL',
      referenceLow: 12,
      referenceHigh: 15.5,
      interpretation: 'L',
      effectiveAt: new Date('2024-03-04T06:45:00Z'),
      sourceSystem: 'https://hospital.example.org/fhir/sid/lab-result',
      sourceId: `LAB-${key}-10|718-7`,
    });
    expect(second).toMatchObject({ valueNumeric: 12.4, interpretation: 'N', effectiveAt: new Date('2024-04-02T06:10:00Z') });
    expect(byLoinc('2039-6')[0]).toMatchObject({ referenceLow: null, referenceHigh: 5, referenceText: '< 5.0 ng/mL (non-smokers)', interpretation: 'H' });
    expect(byLoinc('29463-7')[0]).toMatchObject({ category: 'VITAL_SIGN', valueNumeric: 61.5, unit: 'kg' });
  });

  it('stores reports as plain text: the pathology text as sent, the radiology HTML without markup', async () => {
    const { reports } = await rowsOf(patientId);
    const pathology = reports.find((r) => r.type === 'PATHOLOGY')!;
    expect(pathology).toMatchObject({
      title: 'Histopathologischer Befund',
      loincCode: '11526-1',
      status: 'final',
      authorName: 'Institut für Pathologie, Dr. med. E. Nowak',
      conclusion: 'Adenokarzinom der Lunge, PD-L1 TPS 60 %, EGFR/ALK/ROS1 negativ.',
      issuedAt: new Date('2024-02-28T13:05:00Z'),
    });
    expect(pathology.text).toContain('Immunhistochemie: TTF-1 positiv, Napsin A positiv, p40 negativ.');
    const radiology = reports.find((r) => r.type === 'RADIOLOGY')!;
    expect(radiology.title).toBe('Chest CT');
    expect(radiology.text).toContain('Beurteilung: cT2a cN2 cM1b – Stadium IVA.');
    expect(radiology.text).not.toMatch(/<|alert|color/);
  });

  it('stores procedures, medications and the imaging study', async () => {
    const { procedures, medications, studies } = await rowsOf(patientId);
    expect(procedures.map((p) => [p.category, p.codeSystem, p.code, p.performedStart.toISOString(), p.performedEnd?.toISOString() ?? null])).toEqual([
      ['BIOPSY', 'http://fhir.de/CodeSystem/bfarm/ops', '1-430.10', '2024-02-27T09:15:00.000Z', null],
      ['RADIOTHERAPY', 'http://snomed.info/sct', '1217123003', '2024-03-18T07:00:00.000Z', '2024-03-22T07:30:00.000Z'],
    ]);
    expect(medications.map((m) => [m.fhirResourceType, m.atcCode, m.display, m.status, m.startDate?.toISOString().slice(0, 10), m.endDate?.toISOString().slice(0, 10) ?? null])).toEqual([
      ['MedicationStatement', 'L01FF02', 'Pembrolizumab 200 mg q3w', 'active', '2024-03-25', null],
      ['MedicationRequest', 'L01XA02', 'carboplatin', 'completed', '2024-03-25', '2024-06-10'],
    ]);
    expect(studies).toEqual([
      expect.objectContaining({
        studyInstanceUid: `1.2.826.0.1.3680043.8.498.${key}`,
        accessionNumber: 'ACC-2024-33017',
        studyDate: new Date('2024-03-01T10:02:00Z'),
        description: 'CT Thorax/Abdomen mit KM',
        modalities: ['CT'],
        sourceSystem: 'urn:dicom:uid',
        sourceId: `urn:oid:1.2.826.0.1.3680043.8.498.${key}`,
        dicomPatientId: null,
      }),
    ]);
  });

  it('audits one import.fhir_patient event for the patient, by the actor, with the job and counts', async () => {
    const events = await db().auditEvent.findMany({ where: { action: 'import.fhir_patient', patientId } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: coordinator.id,
      entityType: 'Patient',
      entityId: patientId,
      outcome: 'SUCCESS',
      detail: {
        jobId: `job-${key}`,
        created: 22,
        updated: 0,
        unchanged: 0,
        resourceTypes: { Patient: 1, Condition: 3, Observation: 11, DiagnosticReport: 2, Procedure: 2, MedicationStatement: 1, MedicationRequest: 1, ImagingStudy: 1 },
      },
    });
  });
});

describe('importing again', () => {
  it('changes nothing: no created or updated rows, no updatedAt bump, no extra rows, no audit event', async () => {
    const before = await rowsOf(patientId);
    const patientBefore = await db().patient.findUniqueOrThrow({ where: { id: patientId } });
    const eventsBefore = await db().auditEvent.count({ where: { patientId } });

    const again = await importFhirPayload(nsclcTransaction({ key }), { actor: coordinator, channel: 'ui' });
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 22, failed: 0, skipped: 3 });
    expect((again.response as Bundle).entry!.slice(0, 23).map((e) => e.response!.status)).toEqual(Array(23).fill('200 OK'));

    expect(await rowsOf(patientId)).toEqual(before);
    expect(await db().patient.findUniqueOrThrow({ where: { id: patientId } })).toEqual(patientBefore);
    expect(await db().auditEvent.count({ where: { patientId } })).toBe(eventsBefore);
  });

  it('updates only what changed, and resolves Patient/<id> to the patient of the earlier import', async () => {
    const bundle = nsclcTransaction({ key });
    const hemoglobin = bundle.entry![9]!.resource as Observation;
    hemoglobin.valueQuantity!.value = 10.9;
    hemoglobin.subject = { reference: `Patient/nsclc-${key}` };
    hemoglobin.meta = { source: 'https://kis.hospital.example.org/fhir' };
    const before = await rowsOf(patientId);

    const result = await importFhirPayload({ resourceType: 'Bundle', type: 'batch', entry: [bundle.entry![9]] }, { actor: null, channel: 'cli', jobId: `job-update-${key}` });
    expect(result).toMatchObject({ status: 'SUCCEEDED', kind: 'batch', counts: { created: 0, updated: 1, unchanged: 0 }, patientIds: [patientId] });
    expect((result.response as Bundle).entry![0]!.response!.status).toBe('200 OK');

    const after = await rowsOf(patientId);
    const changed = after.observations.find((o) => o.sourceId === `LAB-${key}-10|718-7`)!;
    expect(changed.valueNumeric).toBe(10.9);
    expect(changed.id).toBe(before.observations.find((o) => o.sourceId === `LAB-${key}-10|718-7`)!.id);
    expect(after.observations.filter((o) => o.id !== changed.id)).toEqual(before.observations.filter((o) => o.id !== changed.id));
    expect(after.conditions).toEqual(before.conditions);

    const event = await db().auditEvent.findFirstOrThrow({ where: { action: 'import.fhir_patient', patientId, actorId: null }, orderBy: { id: 'desc' } });
    expect(event.detail).toEqual({ jobId: `job-update-${key}`, created: 0, updated: 1, unchanged: 0, resourceTypes: { Observation: 1 } });
  });

  it('imports a single resource as a batch of one, and updates the patient in place when demographics change', async () => {
    const patient = nsclcTransaction({ key }).entry![0]!.resource!;
    const result = await importFhirPayload({ ...patient, birthDate: '1957-04-13' }, { actor: coordinator, channel: 'api' });
    expect(result).toMatchObject({ status: 'SUCCEEDED', kind: 'resource', counts: { updated: 1 } });
    expect((result.response as Bundle).type).toBe('batch-response');
    const row = await db().patient.findUniqueOrThrow({ where: { id: patientId } });
    expect(row.birthDate).toEqual(new Date('1957-04-13T00:00:00Z'));
    expect(row.version).toBeGreaterThan(0);
  });
});

describe('a lab panel whose results all carry the order number as their identifier', () => {
  const accession = { system: 'urn:lab:accession', value: '' };
  const panelPatient = (mrn: string) => ({
    fullUrl: `urn:uuid:${randomUUID()}`,
    resource: { resourceType: 'Patient', identifier: [{ system: 'urn:test:mrn', value: mrn }], name: [{ family: 'Panel' }], gender: 'male' } as Patient,
  });
  const analyte = (patientUrl: string, loinc: string, value: number, unit: string): BundleEntry => ({
    resource: {
      resourceType: 'Observation',
      identifier: [accession],
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: loinc }] },
      subject: { reference: patientUrl },
      effectiveDateTime: '2024-05-02T07:00:00Z',
      valueQuantity: { value, unit, system: 'http://unitsofmeasure.org', code: unit },
    } as Observation,
  });
  const batch = (...entry: BundleEntry[]): Bundle => ({ resourceType: 'Bundle', type: 'batch', entry });

  it('stores each analyte as its own row, keyed by order number and LOINC, and finds them again on re-import', async () => {
    accession.value = `ACC-${uniqueKey()}`;
    const patient = panelPatient(`PANEL-${accession.value}`);
    const panel = () => batch(patient, analyte(patient.fullUrl, '718-7', 11.2, 'g/dL'), analyte(patient.fullUrl, '6690-2', 7.1, '10*3/uL'));

    const first = await importFhirPayload(panel(), { actor: coordinator, channel: 'api' });
    expect(first).toMatchObject({ status: 'SUCCEEDED', counts: { created: 3, failed: 0 } });
    const rows = await db().observation.findMany({ where: { patientId: first.patientIds[0] }, orderBy: { loincCode: 'asc' } });
    expect(rows.map((r) => [r.loincCode, r.valueNumeric, r.sourceSystem, r.sourceId])).toEqual([
      ['6690-2', 7.1, 'urn:lab:accession', `${accession.value}|6690-2`],
      ['718-7', 11.2, 'urn:lab:accession', `${accession.value}|718-7`],
    ]);

    expect((await importFhirPayload(panel(), { actor: coordinator, channel: 'api' })).counts).toMatchObject({ unchanged: 3, created: 0, updated: 0 });
  });

  it('does not let an analyte sent later under the same order number overwrite the earlier one', async () => {
    accession.value = `ACC-${uniqueKey()}`;
    const patient = panelPatient(`PANEL-${accession.value}`);
    const hb = await importFhirPayload(batch(patient, analyte(patient.fullUrl, '718-7', 11.2, 'g/dL')), { actor: coordinator, channel: 'api' });
    const wbc = await importFhirPayload(batch(patient, analyte(patient.fullUrl, '6690-2', 7.1, '10*3/uL')), { actor: coordinator, channel: 'api' });

    expect(wbc.counts).toMatchObject({ created: 1, unchanged: 1, updated: 0 });
    const rows = await db().observation.findMany({ where: { patientId: hb.patientIds[0] }, orderBy: { loincCode: 'asc' } });
    expect(rows.map((r) => [r.loincCode, r.valueNumeric, r.unit])).toEqual([
      ['6690-2', 7.1, '10*3/uL'],
      ['718-7', 11.2, 'g/dL'],
    ]);
  });

  it('finds a row stored before codes were part of the key (order number alone) by its code, and re-keys it instead of duplicating it', async () => {
    accession.value = `ACC-${uniqueKey()}`;
    const patient = panelPatient(`PANEL-${accession.value}`);
    const created = await importFhirPayload(batch(patient), { actor: coordinator, channel: 'api' });
    const patientId = created.patientIds[0]!;
    const old = await db().observation.create({
      data: { patientId, category: 'LABORATORY', loincCode: '718-7', display: '718-7', valueNumeric: 11.2, unit: 'g/dL', effectiveAt: new Date('2024-05-02T07:00:00Z'), sourceSystem: 'urn:lab:accession', sourceId: accession.value, sourceHash: 'former' },
    });

    const result = await importFhirPayload(batch(patient, analyte(patient.fullUrl, '718-7', 11.2, 'g/dL'), analyte(patient.fullUrl, '6690-2', 7.1, '10*3/uL')), { actor: coordinator, channel: 'api' });

    expect(result.counts).toMatchObject({ unchanged: 1, updated: 1, created: 1, failed: 0 });
    const rows = await db().observation.findMany({ where: { patientId }, orderBy: { loincCode: 'asc' } });
    expect(rows.map((r) => [r.loincCode, r.sourceId])).toEqual([
      ['6690-2', `${accession.value}|6690-2`],
      ['718-7', `${accession.value}|718-7`],
    ]);
    expect(rows[1]!.id).toBe(old.id);
  });
});

describe('who may import', () => {
  it('refuses clinicians (the data layer checks imports.run) and system imports through user-facing channels', async () => {
    const clinician = await createTestActor({ role: 'CLINICIAN' });
    await expect(importFhirPayload(nsclcTransaction({ key: uniqueKey() }), { actor: clinician, channel: 'ui' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(importFhirPayload(nsclcTransaction({ key: uniqueKey() }), { actor: null, channel: 'api' })).rejects.toThrow(/needs an actor/);
  });
});
