import { describe, expect, it } from 'vitest';
import type { FactReviewDto } from '@/lib/schemas/case-screen';
import { FACT_KINDS, extractReportFacts } from '@/lib/report-facts';
import { KIND_HEADINGS, KIND_ORDER, factKindHeading, groupFacts, verdictsByFact, type ReportFact } from './report-facts-view';

const fact = (key: string, kind: string, start: number): ReportFact => ({
  key,
  kind,
  label: kind,
  value: key,
  assertion: 'present',
  span: { start, end: start + 3 },
  cue: null,
  rule: `${kind.toLowerCase()}-rule`,
});

const review = (factKey: string, status: FactReviewDto['status'], reviewedAt: string): FactReviewDto => ({ factKey, status, reviewedBy: 'Dr. A', reviewedAt });

describe('groupFacts', () => {
  it('orders known kinds as a board reads them, unknown kinds by first appearance, facts in text order', () => {
    const groups = groupFacts([fact('k2', 'KI67', 50), fact('zz', 'ZETA', 10), fact('t2', 'TNM', 90), fact('t1', 'TNM', 5), fact('aa', 'ALPHA', 70), fact('er', 'ER', 40)]);
    expect(groups.map((g) => g.kind)).toEqual(['TNM', 'ER', 'KI67', 'ZETA', 'ALPHA']);
    expect(groups[0]!.facts.map((f) => f.key)).toEqual(['t1', 't2']);
    expect(groupFacts([])).toEqual([]);
  });

  it('knows every kind the extractor produces, and an ExtractedFact is a ReportFact', () => {
    for (const kind of FACT_KINDS) {
      expect(KIND_ORDER).toContain(kind);
      expect(KIND_HEADINGS[kind]).toBeTruthy();
    }
    const facts: ReportFact[] = extractReportFacts('Invasive carcinoma, pT2 pN1a (2/3) G2 R0; ER positive (90%), Ki-67 20%. ECOG 1.');
    expect(groupFacts(facts).map((g) => g.kind)).toEqual(['TNM', 'ECOG', 'GRADE', 'ER', 'KI67', 'NODES', 'MARGIN']);
  });

  it('lists a finding the report repeats once, at its first mention, with the count', () => {
    const text = 'Findings: adrenal nodule 16 mm, suspicious for metastasis. Impression: adrenal nodule 16 mm, suspicious for metastasis. No bone metastasis.';
    const groups = groupFacts(extractReportFacts(text));
    const metastases = groups.find((g) => g.kind === 'METASTASIS')!;
    const possible = metastases.facts.filter((f) => f.assertion === 'possible');
    expect(possible).toHaveLength(1);
    expect(metastases.mentions[possible[0]!.key]).toBe(2);
    expect(text.indexOf('metastasis')).toBe(possible[0]!.span.start);
    // A different assertion is a different finding, listed on its own.
    expect(metastases.facts.some((f) => f.assertion === 'negated')).toBe(true);
  });

  it('names kinds in words', () => {
    expect(factKindHeading('ECOG')).toBe('ECOG performance status');
    expect(factKindHeading('stage-group')).toBe('Stage group');
    expect(factKindHeading('BRAF_V600E')).toBe('BRAF V600E');
  });
});

describe('verdictsByFact', () => {
  it("takes the server's reviews, overridden by newer verdicts given here", () => {
    const server = [review('a', 'CONFIRMED', '2026-01-01T10:00:00Z'), review('b', 'REJECTED', '2026-01-01T10:00:00Z')];
    const local = new Map([['a', review('a', 'REJECTED', '2026-01-02T10:00:00Z')]]);
    const verdicts = verdictsByFact(server, local);
    expect(verdicts.get('a')?.status).toBe('REJECTED');
    expect(verdicts.get('b')?.status).toBe('REJECTED');
    expect(verdicts.get('c')).toBeUndefined();
  });

  it("keeps a colleague's later verdict that arrived with fresh server data", () => {
    const local = new Map([['a', review('a', 'CONFIRMED', '2026-01-01T10:00:00Z')]]);
    expect(verdictsByFact([review('a', 'REJECTED', '2026-01-03T10:00:00Z')], local).get('a')?.status).toBe('REJECTED');
  });
});
