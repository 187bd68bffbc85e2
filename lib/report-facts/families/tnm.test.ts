import { describe, expect, it } from 'vitest';
import { read, values } from '../test-helpers';

describe('TNM', () => {
  it('reads separated, compact and prefixed forms with their evidence', () => {
    expect(read('Staging pT2 pN1a M0, G2.', 'TNM')).toMatchObject([{ value: 'pT2 pN1a M0', evidence: 'pT2 pN1a M0', rule: 'tnm.separated' }]);
    expect(read('T2N1M0 squamous cell carcinoma.', 'TNM')).toMatchObject([{ value: 'T2 N1 M0', evidence: 'T2N1M0', rule: 'tnm.compact' }]);
    expect(values('cT3 cN2 cM1b', 'TNM')).toEqual(['cT3 cN2 cM1b']);
    expect(values('ypT1c ypN0 after neoadjuvant therapy', 'TNM')).toEqual(['ypT1c ypN0']);
    expect(values('rpT2 N0 M0 recurrence', 'TNM')).toEqual(['rpT2 N0 M0']);
  });

  it('keeps 8th-edition suffixes and multiplicity', () => {
    expect(values('pT1b(m) pN1mi(sn) cM0', 'TNM')).toEqual(['pT1b(m) pN1mi(sn) cM0']);
    expect(values('pN1mi (sn)', 'TNM')).toEqual(['pN1mi(sn)']);
    expect(values('cM1a, cM1c', 'TNM')).toEqual(['cM1a', 'cM1c']);
    expect(values('pTis (DCIS), pNX', 'TNM')).toEqual(['pTis pNX']);
    expect(values('pTx pNx cMx', 'TNM')).toEqual(['pTX pNX cMX']);
  });

  it('accepts commas and slashes between categories, and a node count in parentheses', () => {
    expect(values('cT3, cN2, cM1b', 'TNM')).toEqual(['cT3 cN2 cM1b']);
    expect(values('pT2/pN0/cM0', 'TNM')).toEqual(['pT2 pN0 cM0']);
    expect(read('pT3 pN1b (2/14) cM0', 'TNM')[0]).toMatchObject({ value: 'pT3 pN1b cM0', evidence: 'pT3 pN1b (2/14) cM0' });
  });

  it('fills the structured parts', async () => {
    const { extractReportFacts } = await import('../extract-report-facts');
    expect(extractReportFacts('ypT1b(m) ypN0(sn) cM0')[0]?.detail).toEqual({ prefixT: 'yp', t: 'T1b', tSuffix: '(m)', prefixN: 'yp', n: 'N0', nSuffix: '(sn)', prefixM: 'c', m: 'M0', mSuffix: null });
  });

  it('starts a new classification when the categories restart or the gap is long', () => {
    expect(values('cT2 cN0 before, ypT0 ypN0 after therapy', 'TNM')).toEqual(['cT2 cN0', 'ypT0 ypN0']);
  });

  it('ignores things that look like a category', () => {
    for (const text of ['T2-weighted images', 'vertebra T12 and T7', 'EGFR T790M', 'KRAS G12C', 'L1 V0 Pn0', 'MRI of the pelvis', 'HER2 negative', 'PMMR', 'Tamoxifen']) {
      expect(read(text, 'TNM'), text).toEqual([]);
    }
  });
});
