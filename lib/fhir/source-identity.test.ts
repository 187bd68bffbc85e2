import type { Observation } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { canonicalJson, sourceHash } from './source-hash';
import { fhirSourceSystem, observationCodeKey, observationIdentity, sourceIdentity } from './source-identity';

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

describe('observationIdentity', () => {
  const code = { loincCode: '718-7', codeSystem: null, code: null, display: 'Hemoglobin' };
  const shared = { ...observation, id: 'o1', identifier: [{ system: 'urn:lab:order', value: 'ACC-1' }] };

  it('keys an observation with a business identifier by identifier value and code, so panel results sharing an order number stay apart', () => {
    expect(observationIdentity(shared, undefined, code)).toEqual({
      identity: { sourceSystem: 'urn:lab:order', sourceId: 'ACC-1|718-7' },
      formerIdentity: { sourceSystem: 'urn:lab:order', sourceId: 'ACC-1' },
    });
    expect(observationIdentity(shared, undefined, { ...code, loincCode: '6690-2' }).identity).toEqual({ sourceSystem: 'urn:lab:order', sourceId: 'ACC-1|6690-2' });
  });

  it('uses system|code without LOINC, the text without any code', () => {
    expect(observationCodeKey({ loincCode: null, codeSystem: 'http://snomed.info/sct', code: '363808001', display: 'Body weight' })).toBe('http://snomed.info/sct|363808001');
    expect(observationCodeKey({ loincCode: null, codeSystem: null, code: null, display: 'Hb' })).toBe('Hb');
  });

  it('keeps the logical id or fullUrl as they are: they name one resource already', () => {
    expect(observationIdentity({ ...observation, id: 'o1' }, 'urn:uuid:1', code)).toEqual({ identity: { sourceSystem: 'fhir:default', sourceId: 'Observation/o1' } });
    expect(observationIdentity(observation, undefined, code)).toEqual({});
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
