import { describe, expect, it } from 'vitest';
import { findCues } from './assertion';
import { read } from './test-helpers';

const metastasis = (text: string) => read(text, 'METASTASIS').map((f) => ({ value: f.value, assertion: f.assertion, cue: f.cue }));
const mutation = (text: string) => read(text, 'MUTATION').map((f) => `${f.label} ${f.value} ${f.assertion}`);

describe('negation', () => {
  it('reads pre-negation cues and reports the cue with its span', () => {
    expect(metastasis('No evidence of distant metastasis.')).toEqual([{ value: 'distant', assertion: 'negated', cue: 'No evidence of' }]);
    expect(metastasis('Free of distant metastases.')).toEqual([{ value: 'distant', assertion: 'negated', cue: 'Free of' }]);
    expect(metastasis('Negative for metastatic disease.')).toEqual([{ value: 'unspecified', assertion: 'negated', cue: 'Negative for' }]);
    expect(mutation('Without EGFR mutation.')).toEqual(['EGFR mutation negated']);
  });

  it('reads post-negation cues', () => {
    expect(mutation('BRAF V600E not detected.')).toEqual(['BRAF V600E negated']);
    expect(metastasis('Bone metastases were ruled out.')).toEqual([{ value: 'bone', assertion: 'negated', cue: 'were ruled out' }]);
    expect(metastasis('Liver metastases absent.')).toEqual([{ value: 'liver', assertion: 'negated', cue: 'absent' }]);
  });

  it('stops at a clause boundary: "but", ";" and an affirmation', () => {
    expect(metastasis('No pleural effusion but liver metastases.')).toEqual([{ value: 'liver', assertion: 'present', cue: null }]);
    expect(metastasis('No ascites; hepatic metastases.')).toEqual([{ value: 'liver', assertion: 'present', cue: null }]);
    expect(mutation('KRAS G12C detected, EGFR mutation not detected.')).toEqual(['KRAS G12C present', 'EGFR mutation negated']);
  });

  it('reaches a limited number of words', () => {
    expect(metastasis('No evidence of liver, adrenal or bone metastasis.').map((f) => f.assertion)).toEqual(['negated', 'negated', 'negated']);
    expect(metastasis('No pleural effusion is seen in the chest on this examination and liver metastases.')[0]?.assertion).toBe('present');
  });

  it('ignores pseudo-negations', () => {
    expect(metastasis('No change in the hepatic metastases.')).toEqual([{ value: 'liver', assertion: 'present', cue: null }]);
  });
});

describe('possibility', () => {
  it('reads pre- and post-possibility cues', () => {
    expect(metastasis('Suspicious for osseous metastasis.')).toEqual([{ value: 'bone', assertion: 'possible', cue: 'Suspicious for' }]);
    expect(metastasis('Brain metastasis cannot be excluded.')).toEqual([{ value: 'brain', assertion: 'possible', cue: 'cannot be excluded' }]);
    expect(metastasis('Probable adrenal metastasis.')[0]?.assertion).toBe('possible');
    expect(metastasis('Liver metastasis?')).toEqual([{ value: 'liver', assertion: 'possible', cue: '?' }]);
    expect(metastasis('?liver metastasis')).toEqual([{ value: 'liver', assertion: 'possible', cue: '?' }]);
    expect(mutation('ROS1 fusion is suspected.')).toEqual(['ROS1 fusion possible']);
  });

  it('prefers "cannot be excluded" over "excluded" and "not excluded" over "not"', () => {
    expect(metastasis('Metastasis is not excluded.')[0]?.assertion).toBe('possible');
    expect(metastasis('Metastasis was excluded.')[0]?.assertion).toBe('negated');
  });

  it('lets the nearer cue decide', () => {
    expect(metastasis('No evidence of recurrence, possible liver metastasis.')[0]).toEqual({ value: 'liver', assertion: 'possible', cue: 'possible' });
  });

  it('treats "consistent with" as affirming', () => {
    expect(metastasis('Lesion consistent with a known metastasis.')[0]?.assertion).toBe('present');
  });
});

describe('assertion policy per kind', () => {
  it('keeps a biomarker value present: "negative" is the value, not a negation', () => {
    expect(read('HER2 negative (IHC 1+).', 'HER2')).toMatchObject([{ value: 'negative (IHC 1+)', assertion: 'present', cue: null }]);
    expect(read('ER negative (0%), possibly PR positive (5%).', 'PR')[0]?.assertion).toBe('present');
  });

  it('does not let a "no" about a neighbour negate a classification', () => {
    expect(read('No lymphovascular invasion, G2, R0.').map((f) => `${f.value} ${f.assertion}`)).toEqual(['G2 present', 'R0 present']);
  });

  it('lets a classification be hedged', () => {
    expect(read('Stage IV disease is likely.', 'STAGE_GROUP')).toMatchObject([{ value: 'IV', assertion: 'possible', cue: 'is likely' }]);
  });

  it('keeps a measurement present next to a hedged finding', () => {
    expect(read('Probable left adrenal metastasis, 18 mm.').map((f) => `${f.kind} ${f.assertion}`)).toEqual(['METASTASIS possible', 'TUMOR_SIZE present']);
  });
});

describe('findCues', () => {
  it('finds cues on word boundaries only', () => {
    const text = 'Nodule without change, no nodes; not detected';
    const cues = findCues({ text, start: 100 }).map((c) => [c.text, c.definition.type, c.span.start - 100]);
    expect(cues).toEqual([
      ['without change', 'pseudo', 7],
      ['no', 'negation', 23],
      ['not detected', 'negation', 33],
    ]);
  });
});
