import { describe, expect, it } from 'vitest';
import { extractReportFacts } from '../extract-report-facts';
import { read, values } from '../test-helpers';

describe('lymph nodes', () => {
  it('reads positive over examined with the node words as evidence', () => {
    const text = 'Axillary dissection: 2/14 lymph nodes with metastases.';
    expect(read(text, 'NODES')).toMatchObject([{ value: '2/14', evidence: '2/14 lymph nodes' }]);
    expect(extractReportFacts(text)[0]?.detail).toEqual({ positive: 2, examined: 14, sentinel: false });
  });

  it('reads "of", words, sentinel and TNM context', () => {
    expect(values('2 of 14 nodes positive', 'NODES')).toEqual(['2/14']);
    expect(values('Two of 3 sentinel lymph nodes positive.', 'NODES')).toEqual(['2/3']);
    expect(values('Lymph nodes: 0/18.', 'NODES')).toEqual(['0/18']);
    expect(read('pT2 pN1a (2/3 sn) G2', 'NODES')).toMatchObject([{ value: '2/3', evidence: '2/3 sn' }]);
    expect(extractReportFacts('(0/3 sn)')[0]?.detail.sentinel).toBe(true);
    expect(values('pT3 pN1b (2/14) L1 V0', 'NODES')).toEqual(['2/14']);
  });

  it('ignores fractions that are not node counts', () => {
    for (const text of ['Adenocarcinoma in 7 of 15 cores.', 'ER positive (Allred 8/8).', 'Mitotic rate 6/mm2.', 'Sentinel node negative; 4/12 biopsies positive.', 'Follow-up 3/2025.', '5/3 nodes']) {
      expect(read(text, 'NODES'), text).toEqual([]);
    }
  });
});
