import type { Bundle, BundleEntry, Observation, Patient } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { nsclcTransaction } from './__fixtures__/load-fixture';
import { FhirInputError } from './fhir-input-error';
import type { FindKnownPatients } from './import-plan';
import { planImport } from './plan-import';

// No patient outside the payload: these tests are about the payload itself
// (lookups in Konsil's database are covered by the integration tests).
const nobodyElse: FindKnownPatients = async () => [];

function entries(bundle: Bundle): BundleEntry[] {
  return bundle.entry!;
}

describe('planImport', () => {
  it('plans the fixture: 22 ready entries in one patient group, Medication/Encounter/Practitioner skipped with warnings', async () => {
    const plan = await planImport(nsclcTransaction(), nobodyElse);
    expect(plan.kind).toBe('transaction');
    expect(plan.entries.filter((e) => e.state === 'ready')).toHaveLength(22);
    expect(plan.entries.filter((e) => e.state === 'skipped').map((e) => [e.resourceType, e.issues[0]?.severity, e.issues[0]?.details?.text])).toEqual([
      ['Medication', 'warning', expect.stringContaining('not imported on its own')],
      ['Encounter', 'warning', 'not imported: Konsil does not use Encounter'],
      ['Practitioner', 'warning', 'not imported: Konsil does not use Practitioner'],
    ]);
    expect(plan.groups).toEqual([{ key: 'entry:0', patientEntry: 0, clinicalEntries: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 22] }]);
  });

  it('accepts batch and collection Bundles and single resources; refuses other Bundle types and non-resources', async () => {
    for (const type of ['batch', 'collection'] as const) expect((await planImport({ ...nsclcTransaction(), type }, nobodyElse)).kind).toBe(type);
    const single = await planImport(entries(nsclcTransaction())[0]!.resource, nobodyElse);
    expect(single).toMatchObject({ kind: 'resource', entries: [{ state: 'ready', path: 'Patient' }] });

    await expect(planImport({ ...nsclcTransaction(), type: 'searchset' }, nobodyElse)).rejects.toThrow(/Bundle.type "searchset" is not accepted/);
    await expect(planImport({ ...nsclcTransaction(), type: 'document' }, nobodyElse)).rejects.toBeInstanceOf(FhirInputError);
    await expect(planImport([1, 2], nobodyElse)).rejects.toThrow(/not a FHIR resource/);
    await expect(planImport({ name: 'x' }, nobodyElse)).rejects.toThrow(/no resourceType/);
    await expect(planImport({ resourceType: 'Bundle', type: 'batch', entry: {} }, nobodyElse)).rejects.toThrow(/Bundle.entry must be an array/);
  });

  it('fails wrong shapes at the element, and the entries of a failed patient with it', async () => {
    const bundle = nsclcTransaction();
    (entries(bundle)[0]!.resource as Patient).birthDate = 'yesterday';
    (entries(bundle)[9]!.resource as unknown as Record<string, unknown>).valueQuantity = 'x';
    const plan = await planImport(bundle, nobodyElse);
    expect(plan.entries[0]).toMatchObject({ state: 'failed', issues: [expect.objectContaining({ expression: ['Bundle.entry[0].resource.birthDate'], details: { text: 'Invalid date format' } })] });
    expect(plan.entries[9]!.issues).toEqual([expect.objectContaining({ expression: ['Bundle.entry[9].resource.valueQuantity'] })]);
    expect(plan.entries[1]).toMatchObject({
      state: 'failed',
      issues: [expect.objectContaining({ details: { text: 'Not imported because its patient, Bundle.entry[0], could not be imported' } })],
    });
    expect(plan.entries.filter((e) => e.state === 'ready')).toHaveLength(0);
    expect(plan.groups).toEqual([]);
  });

  it('fails entries without resourceType, of non-FHIR types, with DELETE requests or without a resource', async () => {
    const bundle = nsclcTransaction();
    const list = entries(bundle);
    delete (list[1]!.resource as unknown as Record<string, unknown>).resourceType;
    (list[2]!.resource as unknown as Record<string, unknown>).resourceType = 'Tumor';
    list[3]!.request = { method: 'DELETE', url: 'Condition/1' };
    delete list[4]!.resource;
    const plan = await planImport(bundle, nobodyElse);
    expect([1, 2, 3, 4].map((i) => [plan.entries[i]!.state, plan.entries[i]!.issues[0]?.expression?.[0], plan.entries[i]!.issues[0]?.details?.text])).toEqual([
      ['failed', 'Bundle.entry[1].resource.resourceType', 'The resource has no resourceType'],
      ['failed', 'Bundle.entry[2].resource.resourceType', '"Tumor" is not a FHIR R4 resource type'],
      ['failed', 'Bundle.entry[3].request.method', expect.stringContaining('DELETE is not supported')],
      ['failed', 'Bundle.entry[4].resource', 'The entry has no resource'],
    ]);
    expect(plan.entries[5]!.state).toBe('ready');
  });

  it('fails references to nothing and to non-patients, naming the subject', async () => {
    const bundle = nsclcTransaction();
    (entries(bundle)[9]!.resource as Observation).subject = { reference: 'urn:uuid:00000000-0000-4000-8000-000000000000' };
    (entries(bundle)[10]!.resource as Observation).subject = { reference: entries(bundle)[24]!.fullUrl };
    const plan = await planImport(bundle, nobodyElse);
    expect(plan.entries[9]!.issues).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'not-found',
        expression: ['Bundle.entry[9].resource.subject'],
        details: { text: 'The subject cannot be resolved: no entry in this Bundle has fullUrl urn:uuid:00000000-0000-4000-8000-000000000000' },
      }),
    ]);
    expect(plan.entries[10]!.issues[0]?.details?.text).toContain('which is a Practitioner, not a Patient');
  });

  it('looks up references to patients outside the payload once, and fails them when Konsil has none', async () => {
    const queries: unknown[] = [];
    const observation = { ...(entries(nsclcTransaction())[9]!.resource as Observation) };
    const batch: Bundle = {
      resourceType: 'Bundle',
      type: 'batch',
      entry: [
        { resource: { ...observation, identifier: [{ system: 'urn:lab', value: '1' }], subject: { reference: 'Patient/elsewhere' } } },
        { resource: { ...observation, identifier: [{ system: 'urn:lab', value: '2' }], subject: { reference: 'Patient?identifier=urn:mrn|M-9' } } },
        { resource: { ...observation, identifier: [{ system: 'urn:lab', value: '3' }], subject: { reference: 'Patient/elsewhere' } } },
      ],
    };
    const plan = await planImport(batch, async (query) => {
      queries.push(query);
      return [];
    });
    expect(queries).toEqual([{ fhirIds: ['elsewhere'], mrns: ['M-9'] }]);
    expect(plan.entries.map((e) => e.issues[0]?.details?.text)).toEqual([
      'The subject cannot be resolved: Patient/elsewhere is neither in this Bundle nor a patient Konsil has imported',
      'The subject cannot be resolved: no Patient in this Bundle and no Konsil patient has identifier urn:mrn|M-9',
      'The subject cannot be resolved: Patient/elsewhere is neither in this Bundle nor a patient Konsil has imported',
    ]);
  });

  it('fails the second of two entries that would become the same row', async () => {
    const bundle = nsclcTransaction();
    const copy = structuredClone(entries(bundle)[9]!);
    copy.fullUrl = 'urn:uuid:6f1c2a9e-0000-4000-8000-999999999999';
    entries(bundle).push(copy);
    const patientCopy = structuredClone(entries(bundle)[0]!);
    patientCopy.fullUrl = 'urn:uuid:6f1c2a9e-0000-4000-8000-999999999998';
    entries(bundle).push(patientCopy);
    const plan = await planImport(bundle, nobodyElse);
    expect(plan.entries[25]!.issues).toEqual([expect.objectContaining({ code: 'duplicate', details: { text: expect.stringMatching(/^Duplicate: Bundle.entry\[9\] already imports/) } })]);
    expect(plan.entries[26]!.issues[0]?.details?.text).toBe('Duplicate: Bundle.entry[0] already imports a patient with MRN SYN-200001');
    expect(plan.entries[9]!.state).toBe('ready');
  });

  it('fails a repeated fullUrl', async () => {
    const bundle = nsclcTransaction();
    entries(bundle)[2]!.fullUrl = entries(bundle)[1]!.fullUrl;
    const plan = await planImport(bundle, nobodyElse);
    expect(plan.entries[2]!.issues[0]).toMatchObject({ code: 'duplicate', expression: ['Bundle.entry[2].fullUrl'] });
  });
});
