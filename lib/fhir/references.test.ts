import { describe, expect, it } from 'vitest';
import { BundleIndex, parseReference, resolvePatientInBundle } from './references';

const index = new BundleIndex([
  { index: 0, fullUrl: 'urn:uuid:p1', resourceType: 'Patient', id: '123', identifiers: [{ system: 'urn:mrn', value: 'A1' }] },
  { index: 1, fullUrl: 'https://kis.example.org/fhir/Patient/456', resourceType: 'Patient', id: '456', identifiers: [{ system: 'urn:mrn', value: 'B2' }] },
  { index: 2, fullUrl: 'urn:uuid:prac', resourceType: 'Practitioner', id: '9' },
  { index: 3, resourceType: 'Patient', identifiers: [{ system: 'urn:other', value: 'A1' }] },
]);
const resolve = (reference: string) => resolvePatientInBundle({ reference }, index, (i) => `Bundle.entry[${i}]`);

describe('parseReference', () => {
  it.each([
    ['urn:uuid:0a1b', { kind: 'fullUrl', url: 'urn:uuid:0a1b' }],
    ['urn:oid:1.2.3', { kind: 'fullUrl', url: 'urn:oid:1.2.3' }],
    ['Patient/123', { kind: 'literal', type: 'Patient', id: '123' }],
    ['https://kis.example.org/fhir/Patient/123/_history/2', { kind: 'literal', type: 'Patient', id: '123', url: 'https://kis.example.org/fhir/Patient/123/_history/2' }],
    ['Patient?identifier=urn:mrn|A1', { kind: 'identifier', type: 'Patient', system: 'urn:mrn', value: 'A1' }],
    ['Patient?identifier=A1', { kind: 'identifier', type: 'Patient', value: 'A1' }],
    ['#p1', { kind: 'contained', id: 'p1' }],
  ])('%s', (reference, parsed) => {
    expect(parseReference({ reference })).toEqual(parsed);
  });

  it('reads logical references and refuses searches other than by identifier', () => {
    expect(parseReference({ type: 'Patient', identifier: { system: 'urn:mrn', value: 'A1' } })).toEqual({ kind: 'identifier', type: 'Patient', system: 'urn:mrn', value: 'A1' });
    expect(parseReference({ reference: 'Patient?name=Muster' }).kind).toBe('invalid');
    expect(parseReference({ reference: 'not a reference' }).kind).toBe('invalid');
    expect(parseReference({ display: 'Erika' }).kind).toBe('invalid');
  });
});

describe('resolvePatientInBundle', () => {
  it('finds Patient entries by fullUrl, by Type/id, by absolute URL and by identifier', () => {
    expect(resolve('urn:uuid:p1')).toEqual({ kind: 'entry', index: 0 });
    expect(resolve('Patient/123')).toEqual({ kind: 'entry', index: 0 });
    expect(resolve('https://kis.example.org/fhir/Patient/456')).toEqual({ kind: 'entry', index: 1 });
    expect(resolve('https://other.example.org/fhir/Patient/456')).toEqual({ kind: 'entry', index: 1 });
    expect(resolve('Patient?identifier=urn:mrn|B2')).toEqual({ kind: 'entry', index: 1 });
    expect(resolve('Patient?identifier=urn:mrn|A1')).toEqual({ kind: 'entry', index: 0 });
  });

  it('asks for a lookup when the patient is not in the Bundle', () => {
    expect(resolve('Patient/789')).toEqual({ kind: 'byFhirId', id: '789' });
    expect(resolve('Patient?identifier=urn:mrn|C3')).toEqual({ kind: 'byMrn', system: 'urn:mrn', value: 'C3' });
  });

  it('refuses references to nothing, to non-patients, ambiguous and contained ones', () => {
    expect(resolve('urn:uuid:missing')).toEqual({ kind: 'error', text: 'no entry in this Bundle has fullUrl urn:uuid:missing' });
    expect(resolve('urn:uuid:prac')).toMatchObject({ kind: 'error', text: expect.stringContaining('Bundle.entry[2], which is a Practitioner') });
    expect(resolve('Group/1')).toMatchObject({ kind: 'error', text: 'the subject must be a Patient, not a Group' });
    expect(resolve('Patient?identifier=A1')).toMatchObject({ kind: 'error', text: expect.stringContaining('several Patient entries') });
    expect(resolve('#p')).toMatchObject({ kind: 'error' });
  });
});
