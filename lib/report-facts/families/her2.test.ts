import { describe, expect, it } from 'vitest';
import { extractReportFacts } from '../extract-report-facts';
import { read, values } from '../test-helpers';

describe('HER2', () => {
  it('reads "HER2 negative (IHC 1+)" as a present fact whose value is negative', () => {
    const text = 'Immunohistochemistry: HER2 negative (IHC 1+), Ki-67 25%.';
    const fact = extractReportFacts(text).find((f) => f.kind === 'HER2')!;
    expect(fact).toMatchObject({ value: 'negative (IHC 1+)', assertion: 'present', cue: null, rule: 'her2.stated' });
    expect(fact.detail).toEqual({ status: 'negative', statusSource: 'stated', ihc: '1+', fish: null, ratio: null });
    expect(text.slice(fact.span.start, fact.span.end)).toBe('HER2 negative (IHC 1+)');
  });

  it('derives the status from IHC or ISH when the report gives none (ASCO/CAP)', () => {
    expect(values('HER2 IHC 1+', 'HER2')).toEqual(['negative (IHC 1+)']);
    expect(values('HER2 2+', 'HER2')).toEqual(['equivocal (IHC 2+)']);
    expect(values('HER2 (IHC) 2+; ISH pending.', 'HER2')).toEqual(['equivocal (IHC 2+)']);
    expect(values('HER2 3+', 'HER2')).toEqual(['positive (IHC 3+)']);
    expect(values('HER2 0.', 'HER2')).toEqual(['negative (IHC 0)']);
    expect(values('HER2 not amplified.', 'HER2')).toEqual(['negative (not amplified)']);
    expect(read('HER2 amplified by FISH', 'HER2')).toMatchObject([{ value: 'positive (FISH amplified)', rule: 'her2.derived' }]);
  });

  it('lets ISH decide an equivocal IHC and keeps the ratio', () => {
    expect(values('HER2 IHC 2+ (equivocal), FISH amplified (HER2/CEP17 ratio 2.4).', 'HER2')).toEqual(['positive (IHC 2+, FISH amplified, ratio 2.4)']);
    expect(values('HER2 was equivocal by IHC (2+) and not amplified by FISH (ratio 1.3).', 'HER2')).toEqual(['negative (IHC 2+, FISH not amplified, ratio 1.3)']);
  });

  it('reads signs, hyphenated status and HER2-low', () => {
    expect(values('HR+/HER2- disease', 'HER2')).toEqual(['negative']);
    expect(values('HER2+ after TCHP', 'HER2')).toEqual(['positive']);
    expect(values('HER2-positive (IHC 3+)', 'HER2')).toEqual(['positive (IHC 3+)']);
    expect(values('HER2-low (IHC 1+)', 'HER2')).toEqual(['low (IHC 1+)']);
  });

  it('ignores HER2 without a result', () => {
    for (const text of ['HER2-directed therapy', 'HER2 testing is pending', 'trastuzumab for HER2 disease']) expect(read(text, 'HER2'), text).toEqual([]);
  });
});
