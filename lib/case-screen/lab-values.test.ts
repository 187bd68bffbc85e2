import { describe, expect, it } from 'vitest';
import type { LabValueDto } from '@/lib/schemas/case-screen';
import { formatLabNumber, formatLabValue, formatLabValueWithUnit, formatReferenceRange, labFlag, latestLabValue } from './lab-values';

const value = (v: number | null, interpretation: LabValueDto['interpretation'] = null, valueText: string | null = null): LabValueDto => ({
  id: 'v',
  effectiveAt: '2026-01-01T09:00:00Z',
  value: v,
  valueText,
  interpretation,
});
const range = (referenceLow: number | null, referenceHigh: number | null) => ({ referenceLow, referenceHigh });

describe('labFlag', () => {
  it("uses the laboratory's interpretation, with words and an arrow", () => {
    expect(labFlag(value(9, 'H'), range(null, 5))).toMatchObject({ code: 'H', label: 'High', symbol: '↑', derived: false });
    expect(labFlag(value(99, 'HH'), range(null, 5))).toMatchObject({ code: 'HH', label: 'Critically high', tone: 'danger' });
    expect(labFlag(value(1, 'L'), range(4, 10))).toMatchObject({ code: 'L', label: 'Low', symbol: '↓' });
    expect(labFlag(value(0.1, 'LL'), range(4, 10))).toMatchObject({ code: 'LL', label: 'Critically low' });
    expect(labFlag(value(null, 'A', 'positive'), range(null, null))).toMatchObject({ code: 'A', label: 'Abnormal' });
  });

  it('shows no flag for N even when the value is outside our range (the laboratory knows its method)', () => {
    expect(labFlag(value(6, 'N'), range(null, 5))).toBeNull();
  });

  it('derives H/L from the reference range when no interpretation was sent, never HH/LL', () => {
    expect(labFlag(value(6), range(null, 5))).toMatchObject({ code: 'H', derived: true });
    expect(labFlag(value(3), range(4, 10))).toMatchObject({ code: 'L', derived: true });
    expect(labFlag(value(5), range(null, 5))).toBeNull(); // the bound itself is inside
    expect(labFlag(value(500), range(null, null))).toBeNull();
    expect(labFlag(value(null, null, 'pending'), range(1, 2))).toBeNull();
  });
});

describe('formatting', () => {
  it('prints numbers without float noise or trailing zeros', () => {
    expect(formatLabNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatLabNumber(5)).toBe('5');
    expect(formatLabNumber(12.45)).toBe('12.45');
    expect(formatLabNumber(0.012)).toBe('0.012');
    expect(formatLabNumber(255000)).toBe('255000');
    expect(formatLabNumber(-1.5)).toBe('-1.5');
  });

  it('prints text results and units', () => {
    expect(formatLabValue(value(null, null, ' <0.01 '))).toBe('<0.01');
    expect(formatLabValue(value(null))).toBe('—');
    expect(formatLabValueWithUnit(value(7.4), 'ng/mL')).toBe('7.4 ng/mL');
    expect(formatLabValueWithUnit(value(7.4), null)).toBe('7.4');
    expect(formatLabValueWithUnit(value(null, null, 'positive'), 'ng/mL')).toBe('positive');
  });

  it('prints reference ranges with one or two bounds, or the laboratory text', () => {
    expect(formatReferenceRange({ referenceLow: 4, referenceHigh: 10, referenceText: null })).toBe('4–10');
    expect(formatReferenceRange({ referenceLow: null, referenceHigh: 5, referenceText: null })).toBe('≤ 5');
    expect(formatReferenceRange({ referenceLow: 60, referenceHigh: null, referenceText: null })).toBe('≥ 60');
    expect(formatReferenceRange({ referenceLow: null, referenceHigh: null, referenceText: 'negative' })).toBe('negative');
    expect(formatReferenceRange({ referenceLow: null, referenceHigh: null, referenceText: null })).toBeNull();
  });

  it('finds the newest value (values come oldest first)', () => {
    expect(latestLabValue({ values: [] })).toBeNull();
    expect(latestLabValue({ values: [{ ...value(1), id: 'a' }, { ...value(2), id: 'b' }] })?.id).toBe('b');
  });
});
