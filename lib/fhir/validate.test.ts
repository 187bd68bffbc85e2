import { describe, expect, it } from 'vitest';
import { isR4ResourceType, validateFhirResource } from './validate';

describe('validateFhirResource', () => {
  it('accepts valid R4 and names what is wrong in invalid R4', () => {
    expect(validateFhirResource({ resourceType: 'Patient', birthDate: '1960-01-01' })).toEqual([]);
    expect(validateFhirResource({ resourceType: 'Patient', birthDate: 'yesterday' })).toEqual([
      expect.objectContaining({ severity: 'error', details: { text: 'Invalid date format' }, expression: ['Patient.birthDate'] }),
    ]);
    expect(validateFhirResource({ resourceType: 'Observation', code: { text: 'x' } })).toEqual([
      expect.objectContaining({ details: { text: 'Missing required property status' }, expression: ['Observation.status'] }),
    ]);
  });

  it('reports a string where an object belongs once, at the element as sent', () => {
    const issues = validateFhirResource({ resourceType: 'Observation', status: 'final', code: { text: 'x' }, valueQuantity: 'abc' });
    expect(issues).toEqual([expect.objectContaining({ details: { text: 'Wrong type: expected a JSON object, got a string' }, expression: ['Observation.valueQuantity'] })]);
  });

  it('says so when a property built in code is undefined', () => {
    // (The validator itself only minds undefined at the top level of a resource.)
    expect(validateFhirResource({ resourceType: 'Observation', status: 'final', code: { text: 'x', coding: [{ display: undefined }] }, effectiveDateTime: undefined })).toEqual([
      expect.objectContaining({ details: { text: 'effectiveDateTime is undefined: leave the property out instead' }, expression: ['Observation.effectiveDateTime'] }),
    ]);
  });

  it('checks the id format and unknown properties', () => {
    expect(validateFhirResource({ resourceType: 'Patient', id: 'a b' })[0]?.expression).toEqual(['Patient.id']);
    expect(validateFhirResource({ resourceType: 'Patient', nickname: 'x' })[0]?.expression).toEqual(['Patient.nickname']);
  });
});

describe('isR4ResourceType', () => {
  it('knows R4 resource types', () => {
    expect(isR4ResourceType('Encounter')).toBe(true);
    expect(isR4ResourceType('Patient')).toBe(true);
    expect(isR4ResourceType('Foo')).toBe(false);
    expect(isR4ResourceType('HumanName')).toBe(false);
  });
});
