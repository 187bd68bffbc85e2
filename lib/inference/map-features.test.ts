import { describe, expect, it } from 'vitest';
import type { ModelFeature } from '@/lib/models/model-card';
import type { CaseFeatureData } from './case-feature-data';
import { createHash } from 'node:crypto';
import { canonicalJson } from '@/lib/fhir/source-hash';
import { inputHash } from './input-hash';
import { mapFeatures, toModelUnit } from './map-features';
import { testFeatures } from './test-support/linear-model';

const reference = new Date('2026-11-26T12:00:00Z');

function world(overrides: Partial<CaseFeatureData> = {}): CaseFeatureData {
  return {
    referenceDate: reference,
    patient: { birthDate: '1960-05-17', sex: 'FEMALE' },
    observations: [
      { loincCode: '29463-7', codeSystem: null, code: null, display: 'Body weight', value: 70, unit: 'kg', effectiveAt: new Date('2026-10-01T08:00:00Z') },
      { loincCode: '29463-7', codeSystem: null, code: null, display: 'Body weight', value: 90, unit: 'kg', effectiveAt: new Date('2026-01-01T08:00:00Z') },
    ],
    confirmedFacts: [{ kind: 'TUMOR_SIZE', value: '23 mm', detail: { mm: 23, dimensionsMm: '23 x 15' }, reportId: 'r1', reportIssuedAt: new Date('2026-10-10T00:00:00Z'), reviewedAt: new Date('2026-10-11T00:00:00Z') }],
    medications: [{ atcCode: 'L02BA01', display: 'Tamoxifen', fhirResourceType: 'MedicationStatement', status: 'active', startDate: new Date('2025-01-01T00:00:00Z') }],
    conditions: [{ icd10Code: 'E11.9', display: 'Type 2 diabetes mellitus', clinicalStatus: 'active' }],
    ...overrides,
  };
}

const byName = (features: ReturnType<typeof mapFeatures>['features'], name: string) => features.find((f) => f.name === name)!;

describe('mapFeatures', () => {
  it('reads every source kind and converts kg to lb with the card’s conversion', () => {
    const mapping = mapFeatures(testFeatures, world());
    expect(mapping.flags).toEqual([]);
    expect(mapping.vector).toHaveLength(testFeatures.length);
    expect(byName(mapping.features, 'age')).toMatchObject({ value: 66, rawValue: 66, rawUnit: 'a', status: 'ok' });
    // The newest weight (70 kg, October), not the older 90 kg.
    const weight = byName(mapping.features, 'weight');
    expect(weight).toMatchObject({ rawValue: 70, rawUnit: 'kg', status: 'ok', observedAt: '2026-10-01T08:00:00.000Z' });
    expect(weight.value).toBeCloseTo(154.3236, 3);
    expect(weight.source).toContain('LOINC 29463-7');
    expect(byName(mapping.features, 'tumor_size')).toMatchObject({ value: 23, rawUnit: 'mm', status: 'ok' });
    expect(byName(mapping.features, 'hormonal_therapy')).toMatchObject({ value: 1, status: 'ok' });
    expect(byName(mapping.features, 'diabetes')).toMatchObject({ value: 1, status: 'ok' });
    expect(mapping.vector).toEqual(mapping.features.map((f) => f.value));
  });

  it('flags a value outside the valid range and does not score', () => {
    const mapping = mapFeatures(testFeatures, world({ patient: { birthDate: '2015-01-01', sex: 'FEMALE' } }));
    expect(byName(mapping.features, 'age')).toMatchObject({ value: null, rawValue: 11, status: 'out_of_range' });
    expect(mapping.flags).toEqual([expect.objectContaining({ code: 'out_of_range', feature: 'age', blocking: true })]);
    expect(mapping.flags[0]!.message).toMatch(/11 a is outside the range the model was trained on \(18–100 a\)/);
    expect(mapping.vector).toBeNull();
  });

  it('checks the range after conversion', () => {
    // 300 kg = 661 lb, above the card's 500 lb.
    const heavy = world({ observations: [{ loincCode: '29463-7', codeSystem: null, code: null, display: 'Body weight', value: 300, unit: 'kg', effectiveAt: new Date('2026-10-01T00:00:00Z') }] });
    expect(byName(mapFeatures(testFeatures, heavy).features, 'weight')).toMatchObject({ status: 'out_of_range', rawValue: 300 });
  });

  it('blocks on a missing value under the block policy, imputes under impute', () => {
    const mapping = mapFeatures(testFeatures, world({ confirmedFacts: [], observations: [] }));
    expect(byName(mapping.features, 'tumor_size')).toMatchObject({ value: null, status: 'missing' });
    expect(byName(mapping.features, 'weight')).toMatchObject({ value: 160, rawValue: null, status: 'imputed' });
    expect(mapping.flags.map((f) => [f.code, f.feature, f.blocking])).toEqual([
      ['imputed', 'weight', false],
      ['missing', 'tumor_size', true],
    ]);
    expect(mapping.vector).toBeNull();
  });

  it('scores with an imputed value when nothing blocks (flags stay)', () => {
    const mapping = mapFeatures(testFeatures, world({ observations: [] }));
    expect(mapping.vector).not.toBeNull();
    expect(mapping.vector![1]).toBe(160);
    expect(mapping.flags).toEqual([expect.objectContaining({ code: 'imputed', feature: 'weight', blocking: false })]);
  });

  it('never guesses a unit: no conversion declared → unit_unknown, even under impute', () => {
    const stones = world({ observations: [{ loincCode: '29463-7', codeSystem: null, code: null, display: 'Body weight', value: 11, unit: '[stone_av]', effectiveAt: new Date('2026-10-01T00:00:00Z') }] });
    const mapping = mapFeatures(testFeatures, stones);
    expect(byName(mapping.features, 'weight')).toMatchObject({ value: null, rawValue: 11, rawUnit: '[stone_av]', status: 'unit_unknown' });
    expect(mapping.flags).toEqual([expect.objectContaining({ code: 'unit_unknown', blocking: true })]);
    expect(mapping.vector).toBeNull();
  });

  it('treats a value without a unit as unknown unless the model unit is dimensionless', () => {
    const feature = { unit: 'mg/dL', conversions: [] };
    expect(toModelUnit(5, null, feature)).toBeNull();
    expect(toModelUnit(5, '', feature)).toBeNull();
    expect(toModelUnit(5, null, { unit: '1', conversions: [] })).toBe(5);
    // An ECOG score sent without a unit, for a model unit "{score}" (UCUM: an annotation equals 1).
    expect(toModelUnit(1, null, { unit: '{score}', conversions: [] })).toBe(1);
    expect(toModelUnit(1, '1', { unit: '{score}', conversions: [] })).toBe(1);
    expect(toModelUnit(1, '%', { unit: '{score}', conversions: [] })).toBeNull();
    expect(toModelUnit(1, null, { unit: 'mm', conversions: [] })).toBeNull();
    expect(toModelUnit(5, 'mg/dl', feature)).toBeNull(); // UCUM is case-sensitive: not the same unit
    expect(toModelUnit(37, 'Cel', { unit: '[degF]', conversions: [{ from: 'Cel', factor: 1.8, offset: 32 }] })).toBeCloseTo(98.6, 6);
  });

  it('uses only confirmed facts (the loader passes nothing else) and the newest report’s', () => {
    const facts = [
      { kind: 'TUMOR_SIZE', value: '40 mm', detail: { mm: 40 }, reportId: 'old', reportIssuedAt: new Date('2026-01-01T00:00:00Z'), reviewedAt: new Date('2026-11-01T00:00:00Z') },
      { kind: 'TUMOR_SIZE', value: '23 mm', detail: { mm: 23 }, reportId: 'new', reportIssuedAt: new Date('2026-10-10T00:00:00Z'), reviewedAt: new Date('2026-10-11T00:00:00Z') },
    ];
    expect(byName(mapFeatures(testFeatures, world({ confirmedFacts: facts })).features, 'tumor_size')).toMatchObject({ value: 23 });
    // Unconfirmed (or rejected) facts never reach the snapshot: with none confirmed the feature is missing.
    expect(byName(mapFeatures(testFeatures, world({ confirmedFacts: [] })).features, 'tumor_size')).toMatchObject({ status: 'missing', note: expect.stringMatching(/No TUMOR_SIZE fact confirmed/) });
  });

  it('says why a confirmed fact gives no number', () => {
    const ecog: ModelFeature = { name: 'ecog', label: 'ECOG', unit: '{score}', source: { kind: 'reportFact', fact: 'ECOG', detail: 'score' }, conversions: [], validRange: { min: 0, max: 4 }, missing: { policy: 'block' }, trainingMean: 1 };
    const range = world({ confirmedFacts: [{ kind: 'ECOG', value: 'ECOG 0-1', detail: { score: null, min: 0, max: 1, scale: 'ECOG' }, reportId: 'r', reportIssuedAt: reference, reviewedAt: reference }] });
    expect(mapFeatures([ecog], range).features[0]).toMatchObject({ status: 'missing', note: expect.stringMatching(/no numeric "score"/) });
    const gone = world({ confirmedFacts: [{ kind: 'ECOG', value: 'ECOG 1', detail: null, reportId: 'r', reportIssuedAt: reference, reviewedAt: reference }] });
    expect(mapFeatures([ecog], gone).features[0]).toMatchObject({ status: 'missing', note: expect.stringMatching(/no longer found/) });
    const one = world({ confirmedFacts: [{ kind: 'ECOG', value: 'ECOG 1', detail: { score: 1, min: 1, max: 1, scale: 'ECOG' }, reportId: 'r', reportIssuedAt: reference, reviewedAt: reference }] });
    expect(mapFeatures([ecog], one).features[0]).toMatchObject({ status: 'ok', value: 1, rawUnit: '{score}' });
  });

  it('counts only therapies given before the reference date, and conditions by ICD-10 prefix', () => {
    const later = world({
      medications: [
        { atcCode: 'L02BA01', display: 'Tamoxifen', fhirResourceType: 'MedicationStatement', status: 'active', startDate: new Date('2027-01-01T00:00:00Z') },
        { atcCode: 'L02BG04', display: 'Letrozole', fhirResourceType: 'MedicationRequest', status: 'active', startDate: new Date('2025-01-01T00:00:00Z') },
        { atcCode: 'L02BG03', display: 'Anastrozole', fhirResourceType: 'MedicationStatement', status: 'entered-in-error', startDate: new Date('2025-01-01T00:00:00Z') },
      ],
      conditions: [{ icd10Code: 'E66.0', display: 'Obesity', clinicalStatus: 'active' }],
    });
    const mapping = mapFeatures(testFeatures, later);
    expect(byName(mapping.features, 'hormonal_therapy')).toMatchObject({ value: 0, status: 'ok', source: expect.stringMatching(/^No Anti-estrogens/) });
    expect(byName(mapping.features, 'diabetes')).toMatchObject({ value: 0, status: 'ok' });
  });

  it('counts a current condition, not one recorded as resolved, inactive or in remission; one without a status counts', () => {
    const diabetes = (clinicalStatus: string | null) => world({ conditions: [{ icd10Code: 'E11.9', display: 'Type 2 diabetes mellitus', clinicalStatus }] });
    for (const status of ['active', 'recurrence', 'relapse', null]) expect(byName(mapFeatures(testFeatures, diabetes(status)).features, 'diabetes'), String(status)).toMatchObject({ value: 1, status: 'ok' });
    for (const status of ['resolved', 'inactive', 'remission']) {
      expect(byName(mapFeatures(testFeatures, diabetes(status)).features, 'diabetes'), status).toMatchObject({ value: 0, status: 'ok', source: expect.stringContaining(`is recorded as ${status}`) });
    }
  });

  it('reads sex as 0/1 and treats other/unknown as missing', () => {
    const sex: ModelFeature = { name: 'female', label: 'Female', unit: '{bool}', source: { kind: 'patient', field: 'sexFemale' }, conversions: [], validRange: { min: 0, max: 1 }, missing: { policy: 'block' }, trainingMean: 0.5 };
    expect(mapFeatures([sex], world()).vector).toEqual([1]);
    expect(mapFeatures([sex], world({ patient: { birthDate: null, sex: 'MALE' } })).vector).toEqual([0]);
    expect(mapFeatures([sex], world({ patient: { birthDate: null, sex: 'UNKNOWN' } })).features[0]!.status).toBe('missing');
  });

  it('ignores observations after the reference date', () => {
    const future = world({ observations: [{ loincCode: '29463-7', codeSystem: null, code: null, display: 'Body weight', value: 80, unit: 'kg', effectiveAt: new Date('2026-12-01T00:00:00Z') }] });
    expect(byName(mapFeatures(testFeatures, future).features, 'weight').status).toBe('imputed');
  });

  it('keeps coded observations of different system/code pairs apart, and skips an invalid date', () => {
    const feature: ModelFeature = { ...testFeatures.find((f) => f.name === 'weight')!, source: { kind: 'codedObservation', system: 'a', code: 'b|c', display: 'Weight' } };
    const coded = (system: string, code: string, value: number, effectiveAt: Date) => ({ loincCode: null, codeSystem: system, code, display: 'Weight', value, unit: 'kg', effectiveAt });
    const mapped = (observations: CaseFeatureData['observations']) => mapFeatures([feature], world({ observations })).features[0]!;
    // system "a|b" + code "c" is another pair than system "a" + code "b|c".
    expect(mapped([coded('a|b', 'c', 80, new Date('2026-10-01T00:00:00Z'))]).status).not.toBe('ok');
    expect(mapped([coded('a|b', 'c', 80, new Date('2026-10-01T00:00:00Z')), coded('a', 'b|c', 70, new Date('2026-09-01T00:00:00Z'))])).toMatchObject({ rawValue: 70 });
    expect(mapped([coded('a', 'b|c', 70, new Date('2026-09-01T00:00:00Z')), coded('a', 'b|c', 99, new Date('not a date'))])).toMatchObject({ rawValue: 70 });
  });

  it('takes the newest value on or before the reference date, the first listed of two at the same instant', () => {
    const at = (iso: string) => new Date(iso);
    const weight = (value: number, effectiveAt: Date) => ({ loincCode: '29463-7', codeSystem: null, code: null, display: 'Body weight', value, unit: 'kg', effectiveAt });
    const observations = [weight(60, at('2026-03-01T00:00:00Z')), weight(72, reference), weight(74, reference), weight(99, at('2026-11-27T00:00:00Z')), weight(65, at('2026-06-01T00:00:00Z'))];
    expect(byName(mapFeatures(testFeatures, world({ observations })).features, 'weight')).toMatchObject({ rawValue: 72, observedAt: reference.toISOString() });
  });
});

describe('inputHash', () => {
  it('is stable across feature order and changes with any value', () => {
    const a = inputHash([{ name: 'age', value: 66 }, { name: 'weight', value: 154.3 }]);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(inputHash([{ name: 'weight', value: 154.3 }, { name: 'age', value: 66 }])).toBe(a);
    expect(inputHash([{ name: 'age', value: 67 }, { name: 'weight', value: 154.3 }])).not.toBe(a);
    expect(inputHash([{ name: 'age', value: null }, { name: 'weight', value: 154.3 }])).not.toBe(a);
    // Pinned: the hash is provenance stored with every result, so its definition must not drift.
    expect(inputHash([{ name: 'b', value: 2 }, { name: 'a', value: 1.5 }])).toBe('0d3dca5cdef44c0cd2d025eed57a39b476c4975913d96266f4992fc53fdc3d61'); // sha256 of {"a":1.5,"b":2}
  });

  it('hashes exactly the canonical JSON of name → value (the definition stored results were hashed with)', () => {
    const names = ['age', 'Weight', 'ki67', 'er_pct', '10', '2', 'größe', 'a"b', 'z'];
    for (let seed = 1; seed <= 50; seed++) {
      const features = names.map((name, i) => ({ name, value: (seed * (i + 3)) % 7 === 0 ? null : ((seed * 7919 + i * 104729) % 100003) / 97 - 400 }));
      const vector = Object.fromEntries(features.map((f) => [f.name, f.value]));
      expect(inputHash(features)).toBe(createHash('sha256').update(canonicalJson(vector)).digest('hex'));
    }
  });
});
