import { describe, expect, it } from 'vitest';
import { read, values } from '../test-helpers';

describe('ER and PR', () => {
  it('reads status with percentage and its evidence', () => {
    expect(read('ER positive (90%), PR negative (<1%).')).toMatchObject([
      { kind: 'ER', value: 'positive (90%)', evidence: 'ER positive (90%)' },
      { kind: 'PR', value: 'negative (<1%)', evidence: 'PR negative (<1%)' },
    ]);
  });

  it('keeps a bare percentage as it is (status is not derived)', () => {
    expect(values('ER 90%', 'ER')).toEqual(['90%']);
    expect(values('Estrogen receptor: 95% of tumor cells', 'ER')).toEqual(['95%']);
    expect(values('Progesterone receptor expression 60%.', 'PR')).toEqual(['60%']);
  });

  it('reads Allred scores, signs, hyphenated and low positive forms', () => {
    expect(values('ER positive (Allred 8/8)', 'ER')).toEqual(['positive (Allred 8)']);
    expect(values('ER+/PR-/HER2-', 'ER')).toEqual(['positive']);
    expect(values('ER+/PR-/HER2-', 'PR')).toEqual(['negative']);
    expect(values('ER-positive breast cancer', 'ER')).toEqual(['positive']);
    expect(values('ER weakly positive (5%)', 'ER')).toEqual(['low positive (5%)']);
    expect(values('Oestrogen receptor positive (Allred score 7)', 'ER')).toEqual(['positive (Allred 7)']);
  });

  it('shares a status across "ER/PR" and "ER and PR"', () => {
    expect(read('ER/PR positive.')).toMatchObject([
      { kind: 'ER', value: 'positive', evidence: 'ER' },
      { kind: 'PR', value: 'positive', evidence: 'PR positive' },
    ]);
    expect(read('ER and PR negative').map((f) => `${f.kind} ${f.value}`)).toEqual(['ER negative', 'PR negative']);
  });

  it('ignores ER and PR without a result', () => {
    for (const text of ['Assessment of ER, PR and HER2 is pending.', 'PR after three cycles', 'seen in the ER yesterday']) expect(read(text).filter((f) => f.kind === 'ER' || f.kind === 'PR'), text).toEqual([]);
  });
});
