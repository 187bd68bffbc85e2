import { describe, expect, it } from 'vitest';
import { evaluateExtractor } from './evaluate';
import { extractReportFacts } from './extract-report-facts';
import { LABELLED_SENTENCES } from './labelled-sentences';
import { FACT_KINDS, type ExtractedFact } from './types';

describe('the labelled set', () => {
  it('is large and varied enough to mean something', () => {
    const facts = LABELLED_SENTENCES.flatMap((s) => s.facts);
    expect(LABELLED_SENTENCES.length).toBeGreaterThanOrEqual(80);
    expect(new Set(LABELLED_SENTENCES.map((s) => s.id)).size).toBe(LABELLED_SENTENCES.length);
    expect(new Set(LABELLED_SENTENCES.map((s) => s.text)).size).toBe(LABELLED_SENTENCES.length);
    for (const kind of FACT_KINDS) expect(LABELLED_SENTENCES.filter((s) => s.facts.some((f) => f.kind === kind)).length, kind).toBeGreaterThanOrEqual(3);
    expect(facts.filter((f) => f.assertion === 'negated').length).toBeGreaterThanOrEqual(15);
    expect(facts.filter((f) => f.assertion === 'possible').length).toBeGreaterThanOrEqual(8);
    expect(LABELLED_SENTENCES.filter((s) => s.facts.length === 0).length).toBeGreaterThanOrEqual(10);
    for (const f of facts) if (f.kind === 'MUTATION') expect(f.label, JSON.stringify(f)).toBeDefined();
  });
});

describe('evaluation against the labelled set', () => {
  const evaluation = evaluateExtractor(LABELLED_SENTENCES);

  it('reaches micro precision and recall of at least 0.9', () => {
    expect(evaluation.micro.precision).toBeGreaterThanOrEqual(0.9);
    expect(evaluation.micro.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('misses only the sentences marked as known limits', () => {
    const unexplained = evaluation.misses.filter((m) => !LABELLED_SENTENCES.find((s) => s.id === m.id)?.limit);
    expect(unexplained).toEqual([]);
  });
});

describe('evaluateExtractor', () => {
  const set = [
    { id: 'a', source: 'radiology' as const, text: 'No evidence of distant metastasis.', facts: [{ kind: 'METASTASIS' as const, value: 'distant', assertion: 'negated' as const }] },
    { id: 'b', source: 'pathology' as const, text: 'HER2 negative (IHC 1+), G2.', facts: [{ kind: 'HER2' as const, value: 'negative (IHC 1+)', assertion: 'present' as const }] },
  ];

  it('counts an unexpected fact as a false positive, and gives an empty extractor no recall', () => {
    expect(evaluateExtractor(set).micro).toMatchObject({ tp: 2, fp: 1, fn: 0, recall: 1 });
    expect(evaluateExtractor(set, () => []).micro).toMatchObject({ tp: 0, fp: 0, fn: 2, precision: null, recall: 0 });
  });

  it('counts a wrong assertion as a false positive and a false negative, and in the assertion accuracy', () => {
    const flipped = (text: string): ExtractedFact[] => extractReportFacts(text).map((f) => ({ ...f, assertion: f.assertion === 'negated' ? 'present' : f.assertion }));
    const evaluation = evaluateExtractor(set, flipped);
    expect(evaluation.perKind.METASTASIS).toMatchObject({ tp: 0, fp: 1, fn: 1 });
    expect(evaluation.assertion).toEqual({ located: 2, correct: 1, accuracy: 0.5 });
    expect(evaluation.misses[0]?.wrongAssertion).toEqual([{ expected: set[0]!.facts[0], found: 'present' }]);
  });

  it('fails the 0.9 bar when the extractor loses a family', () => {
    const withoutMutations = (text: string) => extractReportFacts(text).filter((f) => f.kind !== 'MUTATION');
    expect(evaluateExtractor(LABELLED_SENTENCES, withoutMutations).micro.recall).toBeLessThan(0.9);
  });
});
