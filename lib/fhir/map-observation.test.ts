import type { Observation } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { nsclcTransaction, resourceAt } from './__fixtures__/load-fixture';
import { mapObservation } from './map-observation';

const path = 'Bundle.entry[9].resource';
const lab = (overrides: Partial<Observation>): Observation => ({
  resourceType: 'Observation',
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '718-7', display: 'Hemoglobin' }] },
  effectiveDateTime: '2024-03-04T07:45:00+01:00',
  ...overrides,
});

describe('mapObservation', () => {
  it('maps a lab: LOINC, UCUM quantity, reference range, interpretation, effective time in UTC', () => {
    const { row, issues } = mapObservation(resourceAt<Observation>(nsclcTransaction(), 9), path);
    expect(issues).toEqual([]);
    expect(row).toEqual({
      category: 'LABORATORY',
      loincCode: '718-7',
      codeSystem: null,
      code: null,
      display: 'Hemoglobin [Mass/volume] in Blood',
      status: 'final',
      valueNumeric: 11.8,
      valueText: null,
      valueCode: null,
      unit: 'g/dL',
      referenceLow: 12,
      referenceHigh: 15.5,
      referenceText: null,
      interpretation: 'L',
      effectiveAt: '2024-03-04T06:45:00.000Z',
    });
  });

  it('maps TNM categories and stage groups as STAGING with code and display', () => {
    const bundle = nsclcTransaction();
    const rows = [4, 5, 6, 7].map((i) => mapObservation(resourceAt<Observation>(bundle, i), path).row!);
    expect(rows.map((r) => [r.category, r.loincCode, r.valueCode, r.valueText])).toEqual([
      ['STAGING', '21905-5', 'cT2a', 'T2a'],
      ['STAGING', '21906-3', 'cN2', 'N2'],
      ['STAGING', '21907-1', 'cM1b', 'M1b'],
      ['STAGING', '21908-9', 'IVA', 'Stage IVA'],
    ]);
  });

  it.each(['21899-0', '21900-6', '21901-4', '21902-2', '21914-7'])('counts pathological/other staging code %s as STAGING', (code) => {
    expect(mapObservation(lab({ code: { coding: [{ system: 'http://loinc.org', code }] } }), path).row?.category).toBe('STAGING');
  });

  it('maps ECOG given as an integer (with its LOINC answer as text) and as a coded answer', () => {
    const ecog = mapObservation(resourceAt<Observation>(nsclcTransaction(), 8), path).row!;
    expect(ecog).toMatchObject({ category: 'PERFORMANCE_STATUS', loincCode: '89247-1', valueNumeric: 1, valueText: expect.stringMatching(/^Restricted/) });
    const coded = mapObservation(
      lab({
        code: { coding: [{ system: 'http://loinc.org', code: '89247-1' }] },
        valueCodeableConcept: { coding: [{ system: 'http://loinc.org', code: 'LA9624-3', display: 'Ambulatory and capable of all selfcare' }] },
      }),
      path,
    ).row!;
    expect(coded).toMatchObject({ category: 'PERFORMANCE_STATUS', valueNumeric: 2, valueCode: 'LA9624-3', valueText: 'Ambulatory and capable of all selfcare' });
    const karnofsky = mapObservation(lab({ code: { coding: [{ system: 'http://loinc.org', code: '89243-0' }] }, valueInteger: 70 }), path).row!;
    expect(karnofsky).toMatchObject({ category: 'PERFORMANCE_STATUS', valueNumeric: 70 });
  });

  it('categorises vital signs, other observations, and keeps non-LOINC codes with their system', () => {
    expect(mapObservation(resourceAt<Observation>(nsclcTransaction(), 14), path).row?.category).toBe('VITAL_SIGN');
    const other = mapObservation(lab({ code: { coding: [{ system: 'http://snomed.info/sct', code: '363808001', display: 'Body weight measure' }] } }), path).row!;
    expect(other).toMatchObject({ category: 'OTHER', loincCode: null, codeSystem: 'http://snomed.info/sct', code: '363808001', display: 'Body weight measure' });
  });

  it('uses effectivePeriod.start, and refuses an observation without any date', () => {
    expect(mapObservation(lab({ effectiveDateTime: undefined, effectivePeriod: { start: '2024-04-02T08:10:00+02:00' } }), path).row?.effectiveAt).toBe('2024-04-02T06:10:00.000Z');
    const { row, issues } = mapObservation(lab({ effectiveDateTime: undefined }), path);
    expect(row).toBeUndefined();
    expect(issues).toEqual([expect.objectContaining({ severity: 'error', expression: [`${path}.effective[x]`] })]);
  });

  it('keeps comparators, strings, components and absent-data reasons readable', () => {
    expect(mapObservation(lab({ valueQuantity: { value: 5, comparator: '<', unit: 'ng/mL' } }), path).row).toMatchObject({ valueNumeric: 5, valueText: '<5', unit: 'ng/mL' });
    expect(mapObservation(lab({ valueString: 'positiv' }), path).row?.valueText).toBe('positiv');
    const bp = mapObservation(
      lab({
        component: [
          { code: { text: 'Systolic' }, valueQuantity: { value: 120, unit: 'mm[Hg]' } },
          { code: { text: 'Diastolic' }, valueQuantity: { value: 80, unit: 'mm[Hg]' } },
        ],
      }),
      path,
    ).row;
    expect(bp?.valueText).toBe('Systolic 120 mm[Hg]; Diastolic 80 mm[Hg]');
    expect(mapObservation(lab({ dataAbsentReason: { text: 'Probe hämolysiert' } }), path).row?.valueText).toBe('Probe hämolysiert');
  });

  it('prefers the UCUM code over the printable unit, and falls back to the unit', () => {
    expect(mapObservation(lab({ valueQuantity: { value: 1, unit: 'Mikrogramm/l', system: 'http://unitsofmeasure.org', code: 'ug/L' } }), path).row?.unit).toBe('ug/L');
    expect(mapObservation(lab({ valueQuantity: { value: 1, unit: 'Zellen/µl' } }), path).row?.unit).toBe('Zellen/µl');
  });

  it('never stores a code that is not UCUM as the unit: a local code yields the printable unit, or nothing', () => {
    const local = { system: 'urn:lis:units', code: 'MMOLL' };
    expect(mapObservation(lab({ valueQuantity: { value: 1, unit: 'mmol/l', ...local } }), path).row?.unit).toBe('mmol/l');
    expect(mapObservation(lab({ valueQuantity: { value: 1, ...local } }), path).row?.unit).toBeNull();
    expect(mapObservation(lab({ valueQuantity: { value: 1, code: 'MMOLL' } }), path).row?.unit).toBeNull();
    expect(mapObservation(lab({ valueRange: { low: { value: 1, ...local }, high: { value: 3, ...local } } }), path).row).toMatchObject({ valueText: '1–3', unit: null });
    expect(mapObservation(lab({ valueRange: { low: { value: 1, unit: 'mmol/l', ...local } } }), path).row?.unit).toBe('mmol/l');
    expect(mapObservation(lab({ valueRange: { high: { value: 3, unit: 'Millimol/l', system: 'http://unitsofmeasure.org', code: 'mmol/L' } } }), path).row?.unit).toBe('mmol/L');
  });
});
