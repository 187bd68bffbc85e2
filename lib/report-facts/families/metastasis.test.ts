import { describe, expect, it } from 'vitest';
import { read } from '../test-helpers';

const metastases = (text: string) => read(text, 'METASTASIS').map((f) => `${f.value} ${f.assertion}`);

describe('distant metastasis', () => {
  it('reads sites before and after the noun, with the evidence span', () => {
    expect(read('Two hepatic metastases in segment VII.', 'METASTASIS')).toMatchObject([{ value: 'liver', assertion: 'present', evidence: 'hepatic metastases', rule: 'metastasis.site-before' }]);
    expect(metastases('Metastases to the brain.')).toEqual(['brain present']);
    expect(metastases('Suspicious for osseous metastasis.')).toEqual(['bone possible']);
    expect(metastases('Peritoneal carcinomatosis.')).toEqual(['peritoneal present']);
    expect(metastases('a solitary liver metastasis (cM1b)')).toEqual(['liver present']);
  });

  it('gives one fact per listed site', () => {
    expect(read('No evidence of liver, adrenal or bone metastasis.', 'METASTASIS').map((f) => [f.value, f.evidence, f.assertion])).toEqual([
      ['liver', 'liver', 'negated'],
      ['adrenal', 'adrenal', 'negated'],
      ['bone', 'bone metastasis', 'negated'],
    ]);
  });

  it('reads distant and unspecified metastasis and metastatic disease', () => {
    expect(read('No evidence of distant metastasis.', 'METASTASIS')).toMatchObject([{ value: 'distant', assertion: 'negated', cue: 'No evidence of', evidence: 'distant metastasis' }]);
    expect(metastases('new, suspicious for metastasis')).toEqual(['unspecified possible']);
    expect(metastases('Metastatic breast cancer on letrozole.')).toEqual(['unspecified present']);
    expect(metastases('suspicious for an in-transit or distant metastasis')).toEqual(['distant possible']);
  });

  it('leaves out regional (nodal) metastases and treatment words', () => {
    for (const text of [
      'Lymph nodes: 2/14 with metastases (pN1b).',
      'Sentinel lymph nodes: 2/3 with macrometastases.',
      'Axillary node: metastasis of the carcinoma.',
      'enlarged, suspicious for a nodal metastasis',
      'sentinel node with a micrometastasis (0.8 mm)',
      'Lymph node station 7: metastatic adenocarcinoma.',
      'metastasis-directed radiotherapy',
      'metastases to the regional lymph nodes',
    ]) {
      expect(read(text, 'METASTASIS'), text).toEqual([]);
    }
  });
});
