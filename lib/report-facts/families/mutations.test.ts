import { describe, expect, it } from 'vitest';
import { extractReportFacts } from '../extract-report-facts';
import { read } from '../test-helpers';

const mutations = (text: string) => read(text, 'MUTATION').map((f) => `${f.label} ${f.value} ${f.assertion}`);

describe('driver mutations', () => {
  it('reads specific variants with the gene as label and the evidence span', () => {
    const text = 'Result: EGFR exon 19 deletion detected (p.E746_A750del), VAF 28%.';
    expect(read(text, 'MUTATION')).toMatchObject([{ label: 'EGFR', value: 'exon 19 deletion', assertion: 'present', evidence: 'EGFR exon 19 deletion', rule: 'mutation.exon-event' }]);
    expect(mutations('KRAS G12C (c.34G>T, p.Gly12Cys) detected')).toEqual(['KRAS G12C present']);
    expect(mutations('KRAS p.Gly12Asp detected')).toEqual(['KRAS G12D present']);
    expect(mutations('BRAF V600E mutation')).toEqual(['BRAF V600E present']);
    expect(mutations('EGFR exon 21 L858R mutation')).toEqual(['EGFR L858R present']);
    expect(mutations('EGFR exon 20 insertion')).toEqual(['EGFR exon 20 insertion present']);
    expect(mutations('PIK3CA p.H1047R')).toEqual(['PIK3CA H1047R present']);
    expect(mutations('pathogenic BRCA2 variant (c.5946delT)')).toEqual(['BRCA2 c.5946delT present']);
  });

  it('keeps the protein change in parentheses as a description and a listed one as a second finding', () => {
    expect(extractReportFacts('KRAS G12C (c.34G>T, p.Gly12Cys)')[0]?.detail.hgvs).toBe('c.34G>T, G12C');
    expect(read('EGFR L858R and T790M detected.', 'MUTATION').map((f) => [f.value, f.evidence])).toEqual([
      ['L858R', 'EGFR L858R'],
      ['T790M', 'T790M'],
    ]);
  });

  it('reads MET exon 14 skipping, amplification and fusions', () => {
    expect(mutations('No MET exon 14 skipping.')).toEqual(['MET exon 14 skipping negated']);
    expect(mutations('High-level MET amplification (MET/CEP7 ratio 6.1)')).toEqual(['MET amplification present']);
    expect(read('EML4-ALK fusion identified', 'MUTATION')).toMatchObject([{ label: 'ALK', value: 'fusion', evidence: 'EML4-ALK fusion' }]);
    expect(extractReportFacts('EML4-ALK fusion')[0]?.detail.partner).toBe('EML4');
    expect(mutations('ROS1 rearrangement')).toEqual(['ROS1 fusion present']);
    expect(mutations('ALK-positive NSCLC')).toEqual(['ALK fusion present']);
    expect(mutations('RET fusion (KIF5B-RET) detected')).toEqual(['RET fusion present']);
  });

  it('reads "wild-type" as a negated fact whose cue is that word', () => {
    const text = 'KRAS wild-type.';
    expect(read(text, 'MUTATION')).toMatchObject([{ label: 'KRAS', value: 'wild-type', assertion: 'negated', cue: 'wild-type', evidence: 'KRAS wild-type', rule: 'mutation.wild-type' }]);
    expect(mutations('KRAS exons 2–4 wild-type, NRAS exons 2–4 wild-type')).toEqual(['KRAS wild-type negated', 'NRAS wild-type negated']);
    expect(mutations('RAS/BRAF wild-type')).toEqual(['BRAF wild-type negated']);
    expect(mutations('BRCA1/2 wild-type')).toEqual(['BRCA1 wild-type negated', 'BRCA2 wild-type negated']);
  });

  it('reads "no ... detected" and "<gene> negative" as negated, with the gene\'s usual alteration', () => {
    expect(mutations('No EGFR mutation detected.')).toEqual(['EGFR mutation negated']);
    expect(mutations('No ALK, ROS1, RET or NTRK fusion detected.')).toEqual(['ALK fusion negated', 'ROS1 fusion negated', 'RET fusion negated', 'NTRK fusion negated']);
    expect(read('No ALK, ROS1 or RET fusion detected.', 'MUTATION').map((f) => f.evidence)).toEqual(['ALK', 'ROS1', 'RET fusion']);
    expect(mutations('EGFR/ALK/ROS1 negative')).toEqual(['EGFR mutation negated', 'ALK fusion negated', 'ROS1 fusion negated']);
    expect(read('ALK (D5F3) negative.', 'MUTATION')).toMatchObject([{ value: 'fusion', assertion: 'negated', cue: 'negative', evidence: 'ALK (D5F3) negative' }]);
    expect(mutations('no pathogenic BRCA1, BRCA2 or ATM variant detected')).toEqual(['BRCA1 mutation negated', 'BRCA2 mutation negated']);
    expect(mutations('NTRK1/2/3 fusions were not detected.')).toEqual(['NTRK fusion negated']);
  });

  it('reads unspecified alterations', () => {
    expect(mutations('EGFR-mutant lung adenocarcinoma')).toEqual(['EGFR mutation present']);
    expect(mutations('EGFR-mutant (exon 19 deletion) disease')).toEqual(['EGFR exon 19 deletion present']);
  });

  it('ignores drug classes, genes outside the list and genes without a result', () => {
    for (const text of ['KRAS G12C inhibitor is an option.', 'anti-EGFR therapy', 'EGFR tyrosine kinase inhibitor therapy', 'BRAF/MEK inhibition', 'TP53 p.R273H detected', 'STK11 wild-type', 'TMPRSS2-ERG fusion detected', 'Testing for EGFR, ALK and ROS1 was requested.']) {
      expect(read(text, 'MUTATION'), text).toEqual([]);
    }
  });
});
