import { describe, expect, it } from 'vitest';
import { read, values } from '../test-helpers';

describe('grade', () => {
  it('reads G codes, grade words and differentiation with their evidence', () => {
    expect(read('Adenocarcinoma, G2, R0.', 'GRADE')).toMatchObject([{ value: 'G2', evidence: 'G2', rule: 'grade.g-code' }]);
    expect(values('Invasive ductal carcinoma, grade 3', 'GRADE')).toEqual(['G3']);
    expect(values('Nottingham grade II (3+2+2)', 'GRADE')).toEqual(['G2']);
    expect(values('histological grade 1', 'GRADE')).toEqual(['G1']);
    expect(read('well differentiated adenocarcinoma', 'GRADE')).toMatchObject([{ value: 'G1', evidence: 'well differentiated' }]);
    expect(values('moderately differentiated', 'GRADE')).toEqual(['G2']);
    expect(values('poorly differentiated', 'GRADE')).toEqual(['G3']);
    expect(values('moderately to poorly differentiated', 'GRADE')).toEqual(['G3']);
  });

  it('states one grade once per sentence', () => {
    expect(values('Moderately differentiated adenocarcinoma (G2).', 'GRADE')).toEqual(['G2']);
  });

  it('reads Gleason scores and ISUP grade groups', () => {
    expect(read('Gleason score 4+3=7 (ISUP grade group 3).', 'GRADE').map((f) => [f.value, f.evidence])).toEqual([
      ['Gleason 4+3=7', 'Gleason score 4+3=7'],
      ['ISUP grade group 3', 'ISUP grade group 3'],
    ]);
    expect(values('Gleason 7 (3+4)', 'GRADE')).toEqual(['Gleason 3+4=7']);
    expect(values('pT3a, Gleason 4+3=7, ISUP 3.', 'GRADE')).toEqual(['Gleason 4+3=7', 'ISUP grade group 3']);
    expect(values('ISUP grade 2 clear cell renal cell carcinoma', 'GRADE')).toEqual(['ISUP grade 2']);
  });

  it('rejects a Gleason score whose sum is wrong', () => {
    expect(values('Gleason 4+3=8', 'GRADE')).toEqual([]);
  });

  it('ignores grades that are not the tumour grade', () => {
    for (const text of ['Tumour regression grade 3 (Dworak)', 'MERCURY grade 1', 'DCIS, high nuclear grade', 'Grade 3 neutropenia after docetaxel', 'low grade DCIS', 'KRAS G12C', 'BI-RADS 5', 'Clark level IV']) {
      expect(read(text, 'GRADE'), text).toEqual([]);
    }
  });
});
