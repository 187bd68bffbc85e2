import { describe, expect, it } from 'vitest';
import type { InferenceInputDto, ModelCardSummary } from '@/lib/schemas/inference';
import { blockingInputs, notScoredHeadline, whatToDo } from './input-guidance';

type Feature = ModelCardSummary['features'][number];
const size: Feature = { name: 'tumor_size_mm', label: 'Tumour size', unit: 'mm', validRange: { min: 1, max: 120 }, source: { kind: 'reportFact', fact: 'TUMOR_SIZE', detail: 'mm' } };
const karnofsky: Feature = { name: 'karnofsky', label: 'Karnofsky score', unit: '{score}', validRange: { min: 50, max: 100 }, source: { kind: 'observation', loinc: '89243-0', display: 'Karnofsky Performance Status score' } };
const weight: Feature = { name: 'weight_loss_lb', label: 'Weight loss', unit: '[lb_av]', validRange: { min: -24, max: 68 }, source: { kind: 'codedObservation', system: 'urn:konsil:clinical', code: 'weight-loss-6-months', display: 'Weight loss in the last 6 months' } };
const age: Feature = { name: 'age_years', label: 'Age', unit: 'a', validRange: { min: 24, max: 90 }, source: { kind: 'patient', field: 'ageYears' } };

const input = (feature: Feature, status: InferenceInputDto['status'], extra: Partial<InferenceInputDto> = {}): InferenceInputDto => ({
  name: feature.name,
  label: feature.label,
  unit: feature.unit,
  value: status === 'ok' ? 1 : null,
  rawValue: null,
  rawUnit: null,
  source: 'somewhere',
  status,
  observedAt: null,
  note: status === 'ok' ? null : `${feature.label}: why`,
  ...extra,
});

describe('whatToDo', () => {
  it('asks to confirm a missing report fact in the report it comes from', () => {
    expect(whatToDo(size, input(size, 'missing'))).toBe('Confirm the tumour size in the pathology report (Reports panel): only facts a clinician confirmed are used.');
    expect(whatToDo(size, input(size, 'missing', { rawValue: 'multifocal' }))).toMatch(/stated as a number/);
  });

  it('names the code of a missing observation', () => {
    expect(whatToDo(karnofsky, input(karnofsky, 'missing'))).toContain('LOINC 89243-0');
    expect(whatToDo(weight, input(weight, 'missing'))).toContain('urn:konsil:clinical weight-loss-6-months');
    expect(whatToDo(age, input(age, 'missing'))).toBe("Record the patient's birth date.");
  });

  it('gives the trained range for an out-of-range value and the needed unit for an unknown one', () => {
    expect(whatToDo(age, input(age, 'out_of_range'))).toBe('Check the value: the model was trained on 24–90 years. If it is right, this model does not apply to the patient.');
    expect(whatToDo(weight, input(weight, 'unit_unknown', { rawUnit: 'stone' }))).toBe('The value is recorded in "stone", which the model cannot convert: record it in lb.');
    expect(whatToDo(age, input(age, 'ok'))).toBeNull();
  });
});

describe('blockingInputs and the headline', () => {
  it('lists only the inputs that kept the model from scoring, in card order, and names them', () => {
    const inputs = [input(age, 'ok'), input(size, 'missing'), input(karnofsky, 'out_of_range')];
    const blocking = blockingInputs(inputs, [age, size, karnofsky]);
    expect(blocking.map((b) => [b.name, b.status])).toEqual([
      ['tumor_size_mm', 'missing'],
      ['karnofsky', 'out_of_range'],
    ]);
    expect(blocking[0]!.todo).toMatch(/^Confirm the tumour size/);
    expect(notScoredHeadline(blocking)).toBe('Not scored: Tumour size is missing; Karnofsky score is out of range.');
    expect(notScoredHeadline([])).toBe('Not scored.');
  });
});
