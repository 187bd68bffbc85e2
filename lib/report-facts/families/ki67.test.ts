import { describe, expect, it } from 'vitest';
import { read, values } from '../test-helpers';

describe('Ki-67', () => {
  it('reads the percentage with its evidence', () => {
    expect(read('Invasive carcinoma, Ki-67 25%, G2.', 'KI67')).toMatchObject([{ label: 'Ki-67', value: '25%', evidence: 'Ki-67 25%' }]);
  });

  it('reads the usual spellings, approximations, comparators and ranges', () => {
    expect(values('Ki67: 30%', 'KI67')).toEqual(['30%']);
    expect(values('Ki-67 proliferation index approximately 15%', 'KI67')).toEqual(['15%']);
    expect(values('Ki-67: approx. 70%.', 'KI67')).toEqual(['70%']);
    expect(values('MIB-1 labelling index 40%', 'KI67')).toEqual(['40%']);
    expect(values('Ki-67 <5%', 'KI67')).toEqual(['<5%']);
    expect(values('Ki-67 10-20%', 'KI67')).toEqual(['10–20%']);
    expect(values('Ki-67 of 30%', 'KI67')).toEqual(['30%']);
  });

  it('ignores Ki-67 without a percentage and impossible values', () => {
    for (const text of ['Ki-67 could not be assessed.', 'Ki-67 high', 'Ki-67 150%', 'Ki-67 staining of 2 slides']) expect(read(text, 'KI67'), text).toEqual([]);
  });
});
