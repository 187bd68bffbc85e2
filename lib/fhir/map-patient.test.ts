import type { Identifier, Patient } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { nsclcTransaction, resourceAt } from './__fixtures__/load-fixture';
import { isSyntheticPatient, mapPatient, pseudonymFor } from './map-patient';

const path = 'Bundle.entry[0].resource';

describe('mapPatient', () => {
  it('maps the fixture patient: MR identifier, official name, sex, birth date, synthetic', () => {
    const { mapped, issues } = mapPatient(resourceAt<Patient>(nsclcTransaction(), 0), path);
    expect(issues).toEqual([]);
    expect(mapped?.row).toEqual({
      mrn: 'SYN-200001',
      mrnSystem: 'https://hospital.example.org/fhir/sid/mrn',
      familyName: 'Mustermann',
      givenName: 'Erika Maria',
      birthDate: '1957-04-12',
      sex: 'FEMALE',
      isSynthetic: true,
    });
    expect(mapped?.identifiers).toContainEqual({ system: 'http://fhir.de/sid/gkv/kvid-10', value: 'X123456789' });
  });

  it('never takes an identifier of another type (insurance, passport…) as the MRN', () => {
    const insured: Patient = {
      resourceType: 'Patient',
      identifier: [
        { type: { coding: [{ system: 'http://fhir.de/CodeSystem/identifier-type-de-basis', code: 'GKV' }] }, system: 'http://fhir.de/sid/gkv/kvid-10', value: 'X123456789' },
        { type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'PPN' }] }, system: 'urn:passport', value: 'C01X00T47' },
        { type: { text: 'Versichertennummer' }, system: 'urn:insurer', value: '77' },
      ],
      name: [{ family: 'Muster' }],
    };
    const { mapped, issues } = mapPatient(insured, path);
    expect(mapped).toBeUndefined();
    expect(issues).toEqual([
      expect.objectContaining({ severity: 'error', expression: [`${path}.identifier`], details: { text: expect.stringContaining('typed MR') } }),
    ]);
  });

  it('falls back to an untyped identifier, or one typed MRN-like (PI, MRT, text "MRN"), after the one typed MR', () => {
    const typed = (type: Identifier['type'], value: string): Identifier => ({ type, system: `urn:${value}`, value });
    const kvid = typed({ coding: [{ system: 'http://fhir.de/CodeSystem/identifier-type-de-basis', code: 'GKV' }] }, 'kvid');
    const mrnOf = (identifier: Identifier[]) => mapPatient({ resourceType: 'Patient', identifier, name: [{ family: 'X' }] }, path).mapped?.row.mrn;
    expect(mrnOf([kvid, { system: 'urn:untyped', value: 'untyped' }])).toBe('untyped');
    expect(mrnOf([kvid, typed({ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'PI' }] }, 'pi')])).toBe('pi');
    expect(mrnOf([kvid, typed({ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MRT' }] }, 'mrt')])).toBe('mrt');
    expect(mrnOf([kvid, typed({ text: 'MRN' }, 'text')])).toBe('text');
    expect(mrnOf([typed({ text: 'MRN' }, 'text'), typed({ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }] }, 'mr')])).toBe('mr');
  });

  it('takes the first identifier with a value when none is typed MR, and the first name when none is official', () => {
    const { mapped } = mapPatient(
      {
        resourceType: 'Patient',
        identifier: [{ system: 'urn:a', value: ' ' }, { system: 'urn:b', value: ' 42 ' }],
        name: [{ family: 'Muster', given: ['Max'] }],
        gender: 'male',
      },
      path,
    );
    expect(mapped?.row).toMatchObject({ mrn: '42', mrnSystem: 'urn:b', familyName: 'Muster', givenName: 'Max', sex: 'MALE', birthDate: null, isSynthetic: false });
  });

  it.each([
    ['male', 'MALE'],
    ['female', 'FEMALE'],
    ['other', 'OTHER'],
    ['unknown', 'UNKNOWN'],
    [undefined, 'UNKNOWN'],
  ] as const)('maps gender %s to %s', (gender, sex) => {
    const { mapped } = mapPatient({ resourceType: 'Patient', identifier: [{ value: '1' }], name: [{ family: 'X' }], ...(gender ? { gender } : {}) }, path);
    expect(mapped?.row.sex).toBe(sex);
  });

  it('refuses a patient without MRN or name, and an unknown gender code, naming the element', () => {
    const { mapped, issues } = mapPatient({ resourceType: 'Patient', gender: 'mal' as Patient['gender'] }, path);
    expect(mapped).toBeUndefined();
    expect(issues.map((i) => i.expression?.[0])).toEqual([`${path}.identifier`, `${path}.name`, `${path}.gender`]);
    expect(issues.every((i) => i.severity === 'error')).toBe(true);
  });

  it('keeps a text-only name whole and reads partial birth dates as the first day', () => {
    const { mapped } = mapPatient({ resourceType: 'Patient', identifier: [{ value: '1' }], name: [{ text: 'Erika Mustermann' }], birthDate: '1960-05' }, path);
    expect(mapped?.row).toMatchObject({ familyName: 'Erika Mustermann', givenName: '', birthDate: '1960-05-01' });
  });

  it('marks test data from meta.security HTEST or the Konsil synthetic tag, and only those', () => {
    const base: Patient = { resourceType: 'Patient' };
    expect(isSyntheticPatient({ ...base, meta: { security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'HTEST' }] } })).toBe(true);
    expect(isSyntheticPatient({ ...base, meta: { tag: [{ system: 'urn:konsil:tag', code: 'synthetic' }] } })).toBe(true);
    expect(isSyntheticPatient({ ...base, meta: { tag: [{ system: 'urn:other', code: 'synthetic' }] } })).toBe(false);
    expect(isSyntheticPatient({ ...base, meta: { security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R' }] } })).toBe(false);
  });

  it('derives a stable pseudonym from MRN system and MRN, keyed by the server secret', () => {
    expect(pseudonymFor('urn:mrn', '1', 'k1')).toMatch(/^P-[0-9a-f]{10}$/);
    expect(pseudonymFor('urn:mrn', '1', 'k1')).toBe(pseudonymFor('urn:mrn', '1', 'k1'));
    expect(pseudonymFor('urn:mrn', '1', 'k1')).not.toBe(pseudonymFor('urn:mrn', '2', 'k1'));
    expect(pseudonymFor(null, '1', 'k1')).not.toBe(pseudonymFor('urn:mrn', '1', 'k1'));
    // Without the key, the MRN list alone does not reveal who is who.
    expect(pseudonymFor('urn:mrn', '1', 'k1')).not.toBe(pseudonymFor('urn:mrn', '1', 'k2'));
  });
});
