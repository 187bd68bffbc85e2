import type { Condition } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { nsclcTransaction, resourceAt } from './__fixtures__/load-fixture';
import { conditionKind } from './condition-kind';
import { mapCondition } from './map-condition';

const path = 'Bundle.entry[1].resource';

describe('mapCondition', () => {
  it('maps an mCODE primary cancer condition with ICD-10-GM, ICD-O-3 morphology and topography', () => {
    const { row, issues } = mapCondition(resourceAt<Condition>(nsclcTransaction(), 1), path);
    expect(issues).toEqual([]);
    expect(row).toEqual({
      kind: 'PRIMARY_CANCER',
      icd10Code: 'C34.1',
      display: 'Adenocarcinoma of the right upper lobe (NSCLC)',
      icdO3Morphology: '8140/3',
      icdO3Topography: 'C34.1',
      bodySite: 'Right upper lobe',
      onsetDate: '2024-02-20',
      clinicalStatus: 'active',
    });
  });

  it.each(['http://hl7.org/fhir/sid/icd-10', 'http://hl7.org/fhir/sid/icd-10-cm', 'http://fhir.de/CodeSystem/bfarm/icd-10-gm'])('reads ICD-10 from %s', (system) => {
    const { row } = mapCondition({ resourceType: 'Condition', subject: {}, code: { coding: [{ system, code: 'C50.4', display: 'Breast' }] } }, path);
    expect(row).toMatchObject({ icd10Code: 'C50.4', display: 'Breast', kind: 'PRIMARY_CANCER' });
  });

  it('ignores codes of other systems as ICD-10 but still shows their text', () => {
    const { row } = mapCondition(
      { resourceType: 'Condition', subject: {}, code: { coding: [{ system: 'http://snomed.info/sct', code: '254637007', display: 'Non-small cell lung cancer' }] } },
      path,
    );
    expect(row).toMatchObject({ icd10Code: null, display: 'Non-small cell lung cancer', kind: 'COMORBIDITY' });
  });

  it('warns when the histology is coded outside ICD-O-3, and keeps the condition', () => {
    const { row, issues } = mapCondition(
      {
        resourceType: 'Condition',
        subject: {},
        code: { text: 'NSCLC' },
        extension: [
          {
            url: 'http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-histology-morphology-behavior',
            valueCodeableConcept: { coding: [{ system: 'http://snomed.info/sct', code: '35917007', display: 'Adenocarcinoma' }] },
          },
        ],
      },
      path,
    );
    expect(row?.icdO3Morphology).toBeNull();
    expect(issues).toEqual([expect.objectContaining({ severity: 'warning', expression: [`${path}.extension`] })]);
  });

  it('takes the onset from onsetPeriod and refuses a condition without any code', () => {
    expect(mapCondition({ resourceType: 'Condition', subject: {}, code: { text: 'x' }, onsetPeriod: { start: '2023-11-02T10:00:00+01:00' } }, path).row?.onsetDate).toBe('2023-11-02');
    const { row, issues } = mapCondition({ resourceType: 'Condition', subject: {} }, path);
    expect(row).toBeUndefined();
    expect(issues[0]).toMatchObject({ severity: 'error', expression: [`${path}.code`] });
  });
});

describe('conditionKind', () => {
  const kind = (icd10Code: string | null, extra: Partial<Parameters<typeof conditionKind>[0]> = {}) =>
    conditionKind({ profiles: [], icd10Code, icdO3Morphology: null, ...extra });

  it('follows the mCODE profile before the code', () => {
    expect(kind('J44.9', { profiles: ['http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-primary-cancer-condition'] })).toBe('PRIMARY_CANCER');
    expect(kind('C34.1', { profiles: ['http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-secondary-cancer-condition|4.0.0'] })).toBe('SECONDARY_CANCER');
  });

  it('reads the ICD-10 ranges: C77–C79 secondary, other C, D00–D09 and D37–D48 primary, the rest comorbid', () => {
    expect(['C00.0', 'C34.1', 'C76.0', 'C80.9', 'C81.1', 'C97', 'D05.1', 'D09.9', 'D37.0', 'D46.9', 'D48.5'].map((c) => kind(c))).toEqual(Array(11).fill('PRIMARY_CANCER'));
    expect(['C77.1', 'C78.0', 'C79.5'].map((c) => kind(c))).toEqual(Array(3).fill('SECONDARY_CANCER'));
    expect(['D10.0', 'D36.9', 'D50.0', 'J44.9', 'I10', 'E11.9'].map((c) => kind(c))).toEqual(Array(6).fill('COMORBIDITY'));
  });

  it('uses the ICD-O-3 behaviour only without ICD-10', () => {
    expect(kind(null, { icdO3Morphology: '8140/6' })).toBe('SECONDARY_CANCER');
    expect(kind(null, { icdO3Morphology: '8500/2' })).toBe('PRIMARY_CANCER');
    expect(kind(null, { icdO3Morphology: '8140/0' })).toBe('COMORBIDITY');
    expect(kind('C34.1', { icdO3Morphology: '8140/6' })).toBe('PRIMARY_CANCER');
    expect(kind(null)).toBe('COMORBIDITY');
  });
});
