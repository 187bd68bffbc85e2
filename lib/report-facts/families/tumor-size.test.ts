import { describe, expect, it } from 'vitest';
import { extractReportFacts } from '../extract-report-facts';
import { read, values } from '../test-helpers';

describe('tumour size', () => {
  it('gives the largest dimension in mm with the measurement as evidence', () => {
    const text = 'Mass in the right upper lobe measuring 2.3 x 1.8 cm.';
    expect(read(text, 'TUMOR_SIZE')).toMatchObject([{ value: '23 mm', evidence: '2.3 x 1.8 cm' }]);
    expect(extractReportFacts(text)[0]?.detail).toEqual({ mm: 23, dimensionsMm: '23 x 18' });
  });

  it('takes in the craniocaudal extent of a CT measurement', () => {
    expect(read('Nodule measuring 14 x 12 mm (axial), 16 mm craniocaudal.', 'TUMOR_SIZE')).toMatchObject([{ value: '16 mm', evidence: '14 x 12 mm (axial), 16 mm craniocaudal' }]);
  });

  it('reads a lesion word before or after the number', () => {
    expect(values('Tumor: invasive carcinoma NST, 26 mm, G2.', 'TUMOR_SIZE')).toEqual(['26 mm']);
    expect(values('2.1 cm spiculated nodule', 'TUMOR_SIZE')).toEqual(['21 mm']);
    expect(values('Lesion in segment IV measuring 2,4 x 1,9 cm.', 'TUMOR_SIZE')).toEqual(['24 mm']);
    expect(values('Tumor size 1.7 cm; grade 1.', 'TUMOR_SIZE')).toEqual(['17 mm']);
  });

  it('keeps the current size when the previous one is given', () => {
    expect(values('The mass has decreased from 4.2 cm to 3.1 cm.', 'TUMOR_SIZE')).toEqual(['31 mm']);
    expect(values('Mass measuring 20 x 17 mm (previously 14 x 12 mm).', 'TUMOR_SIZE')).toEqual(['20 mm']);
  });

  it('ignores millimetres that are not a tumour size', () => {
    for (const text of [
      'Margins: free, closest margin 4 mm.',
      'Breslow thickness 2.6 mm.',
      'Extramural depth of invasion 4 mm.',
      'Axial CT with 5.0 mm slices.',
      'Subcarinal lymph node 22 mm.',
      'Lymph node in the left axilla measuring 18 x 16 mm.',
      'A 12 mm lymph node in the axilla.',
      'Sum of long axes 46 mm vs. 21 mm.',
      'Tumor from 6 to 10 cm from the anal verge.',
      'Sentinel node with a micrometastasis (0.8 mm).',
      'Four nodes involved, largest deposit 14 mm.',
      'CRM 7 mm, R0.',
      'Mitotic rate 6/mm2.',
    ]) {
      expect(read(text, 'TUMOR_SIZE'), text).toEqual([]);
    }
  });
});
