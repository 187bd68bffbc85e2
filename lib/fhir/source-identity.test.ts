import type { Observation } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { canonicalJson, sourceHash } from './source-hash';
import { fhirSourceSystem, sourceIdentity } from './source-identity';

const observation: Observation = { resourceType: 'Observation', status: 'final', code: { text: 'x' } };

describe('sourceIdentity', () => {
  it('uses the first identifier with system and value', () => {
    const identified = { ...observation, id: 'o1', identifier: [{ value: 'no-system' }, { system: 'urn:lab', value: ' 77 ' }, { system: 'urn:other', value: '1' }] };
    expect(sourceIdentity(identified, 'urn:uuid:1')).toEqual({ sourceSystem: 'urn:lab', sourceId: '77' });
  });

  it('falls back to the logical id, qualified by meta.source without its fragment', () => {
    expect(sourceIdentity({ ...observation, id: 'o1' }, 'urn:uuid:1')).toEqual({ sourceSystem: 'fhir:default', sourceId: 'Observation/o1' });
    expect(sourceIdentity({ ...observation, id: 'o1', meta: { source: 'https://kis.example.org/fhir#req-1' } }, undefined)).toEqual({
      sourceSystem: 'fhir:https://kis.example.org/fhir',
      sourceId: 'Observation/o1',
    });
  });

  it('falls back to the fullUrl, and gives up without one', () => {
    expect(sourceIdentity(observation, 'urn:uuid:1')).toEqual({ sourceSystem: 'fhir:default', sourceId: 'urn:uuid:1' });
    expect(sourceIdentity(observation, undefined)).toBeUndefined();
  });

  it('names the FHIR source', () => {
    expect(fhirSourceSystem({ resourceType: 'Patient', meta: { source: 'urn:kis' } })).toBe('fhir:urn:kis');
  });
});

describe('sourceHash', () => {
  it('ignores key order and undefined, but not values', () => {
    expect(canonicalJson({ b: 1, a: [1, { d: null, c: 'x' }], u: undefined })).toBe('{"a":[1,{"c":"x","d":null}],"b":1}');
    expect(sourceHash({ a: 1, b: 2 })).toBe(sourceHash({ b: 2, a: 1 }));
    expect(sourceHash({ a: 1 })).not.toBe(sourceHash({ a: 2 }));
    expect(sourceHash({ a: 1 })).toMatch(/^[0-9a-f]{64}$/);
  });
});
