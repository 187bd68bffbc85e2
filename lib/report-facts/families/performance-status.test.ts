import { describe, expect, it } from 'vitest';
import { read, values } from '../test-helpers';

describe('performance status', () => {
  it('reads ECOG in its usual spellings', () => {
    expect(read('Patient fit, ECOG 1.', 'ECOG')).toMatchObject([{ value: 'ECOG 1', evidence: 'ECOG 1', label: 'ECOG' }]);
    expect(values('ECOG PS 2', 'ECOG')).toEqual(['ECOG 2']);
    expect(values('ECOG performance status of 0', 'ECOG')).toEqual(['ECOG 0']);
    expect(values('ECOG now 2.', 'ECOG')).toEqual(['ECOG 2']);
    expect(values('ECOG 0-1', 'ECOG')).toEqual(['ECOG 0-1']);
  });

  it('reads the WHO scale and a bare PS as ECOG', () => {
    expect(read('WHO performance status 1', 'ECOG')).toMatchObject([{ value: 'ECOG 1', rule: 'ecog.who' }]);
    expect(values('PS 2, weight loss', 'ECOG')).toEqual(['ECOG 2']);
    expect(values('performance status: 3', 'ECOG')).toEqual(['ECOG 3']);
  });

  it('reads Karnofsky', () => {
    expect(read('Karnofsky 80%', 'ECOG')).toMatchObject([{ label: 'Karnofsky', value: 'KPS 80%' }]);
    expect(values('KPS 70', 'ECOG')).toEqual(['KPS 70%']);
  });

  it('ignores WHO grades, PSA and out-of-range numbers', () => {
    for (const text of ['WHO grade 2 astrocytoma', 'PSA 4.2 ng/mL', 'PSMA PET', 'ECOG 5', 'ECOG 1.5', 'KPS 85']) expect(read(text, 'ECOG'), text).toEqual([]);
  });
});
