import { describe, expect, it } from 'vitest';
import { extractReportFacts } from './index';

const REPORT = [
  'HISTOPATHOLOGY: BREAST-CONSERVING SURGERY',
  'Tumor: invasive carcinoma NST, 26 mm, G2. No lymphovascular invasion.',
  'Margins: free, closest margin 4 mm (dorsal).',
  'Sentinel lymph nodes: 2/3 with macrometastases (largest 6 mm).',
  'Conclusion:',
  'pT2 pN1a (2/3 sn) G2 R0; ER positive (90%), PR positive (40%), HER2 negative (IHC 1+), Ki-67 25%.',
  'No evidence of distant metastasis.',
].join('\n');

describe('extractReportFacts', () => {
  const facts = extractReportFacts(REPORT);

  it('finds the facts of a report, sorted by position', () => {
    expect(facts.map((f) => `${f.kind} ${f.value} ${f.assertion}`)).toEqual([
      'TUMOR_SIZE 26 mm present',
      'GRADE G2 present',
      'MARGIN free present',
      'MARGIN closest 4 mm present',
      'NODES 2/3 present',
      'TNM pT2 pN1a present',
      'NODES 2/3 present',
      'GRADE G2 present',
      'MARGIN R0 present',
      'ER positive (90%) present',
      'PR positive (40%) present',
      'HER2 negative (IHC 1+) present',
      'KI67 25% present',
      'METASTASIS distant negated',
    ]);
    for (let i = 1; i < facts.length; i++) expect(facts[i]!.span.start).toBeGreaterThanOrEqual(facts[i - 1]!.span.start);
  });

  it('gives each fact a stable key of kind, span and value', () => {
    for (const f of facts) expect(f.key).toBe(`${f.kind}:${f.span.start}-${f.span.end}:${f.value}`);
    expect(new Set(facts.map((f) => f.key)).size).toBe(facts.length);
    expect(extractReportFacts(REPORT).map((f) => f.key)).toEqual(facts.map((f) => f.key));
  });

  it('points every span at its evidence and every sentence span around it', () => {
    const evidence = facts.map((f) => REPORT.slice(f.span.start, f.span.end));
    expect(evidence).toContain('HER2 negative (IHC 1+)');
    expect(evidence).toContain('distant metastasis');
    for (const f of facts) {
      expect(f.sentence.start).toBeLessThanOrEqual(f.span.start);
      expect(f.sentence.end).toBeGreaterThanOrEqual(f.span.end);
      if (f.cue) expect(REPORT.slice(f.cue.span.start, f.cue.span.end)).toBe(f.cue.text);
    }
    const metastasis = facts.find((f) => f.kind === 'METASTASIS')!;
    expect(REPORT.slice(metastasis.sentence.start, metastasis.sentence.end)).toBe('No evidence of distant metastasis.');
  });

  it('never returns two overlapping facts of the same kind and label', () => {
    const all = extractReportFacts(`${REPORT}\nModerately differentiated adenocarcinoma (G2), pT3 pN1b (2/14) cM0, grade 2.`);
    for (const a of all) {
      for (const b of all) {
        if (a === b || a.kind !== b.kind || a.label !== b.label) continue;
        expect(a.span.start < b.span.end && b.span.start < a.span.end, `${a.key} overlaps ${b.key}`).toBe(false);
      }
    }
  });

  it('gives the same facts for a report and for its sentences one by one', () => {
    const oneByOne = REPORT.split('\n').flatMap((line) => extractReportFacts(line).map((f) => `${f.kind} ${f.value} ${f.assertion}`));
    expect(facts.map((f) => `${f.kind} ${f.value} ${f.assertion}`)).toEqual(oneByOne);
  });

  it('copes with empty, fact-free and unusual text', () => {
    expect(extractReportFacts('')).toEqual([]);
    expect(extractReportFacts('Patient seen in clinic. Follow-up in 3 months.')).toEqual([]);
    expect(extractReportFacts('ER positive (90%) 🙂 HER2 negative (IHC 1+)').map((f) => f.kind)).toEqual(['ER', 'HER2']);
    const long = 'No evidence of distant metastasis. '.repeat(2000);
    expect(extractReportFacts(long)).toHaveLength(2000);
  });
});
