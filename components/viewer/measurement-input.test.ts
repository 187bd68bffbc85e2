import { describe, expect, it } from 'vitest';
import { measurementCreateSchema } from '@/lib/schemas/case-annotation';
import { describeMeasurement, kindForToolName, measurementValues, toolNameByKind } from './measurement-input';

describe('measurement values from cornerstone tool statistics', () => {
  it('maps tool names to kinds and back', () => {
    for (const [kind, tool] of Object.entries(toolNameByKind)) expect(kindForToolName(tool)).toBe(kind);
    expect(kindForToolName('Probe')).toBeNull();
  });

  it('takes a length in mm (and converts cm)', () => {
    expect(measurementValues('LENGTH', { length: 26.391, unit: 'mm' })).toEqual({ ok: true, values: { lengthMm: 26.39 } });
    expect(measurementValues('LENGTH', { length: 2.5, unit: 'cm' })).toEqual({ ok: true, values: { lengthMm: 25 } });
  });

  it('refuses pixels: without pixel spacing there are no millimetres', () => {
    const result = measurementValues('LENGTH', { length: 40, unit: 'px' });
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toMatch(/pixel spacing/);
    expect(measurementValues('ELLIPSE_ROI', { area: 10, areaUnit: 'px²' }).ok).toBe(false);
    expect(measurementValues('LENGTH', undefined).ok).toBe(false);
  });

  it('orders the bidirectional axes long then short', () => {
    expect(measurementValues('BIDIRECTIONAL', { length: 12.04, width: 30.1, unit: 'mm' })).toEqual({ ok: true, values: { longAxisMm: 30.1, shortAxisMm: 12.04 } });
  });

  it('keeps HU statistics of a CT region without a unit, and names the unit otherwise', () => {
    const ct = measurementValues('ELLIPSE_ROI', { area: 412.345, areaUnit: 'mm²', mean: 45.26, stdDev: 12.12, min: -3, max: 99, modalityUnit: 'HU' });
    expect(ct).toEqual({ ok: true, values: { areaMm2: 412.3, meanHu: 45.3, sdHu: 12.1, minHu: -3, maxHu: 99 } });
    const mr = measurementValues('RECTANGLE_ROI', { area: 100, areaUnit: 'mm²', mean: 812.44, stdDev: 40, modalityUnit: '' });
    expect(mr).toEqual({ ok: true, values: { areaMm2: 100, meanHu: 812.4, sdHu: 40, unit: 'a.u.' } });
  });

  it('produces input the server schema accepts', () => {
    const result = measurementValues('RECTANGLE_ROI', { area: [55.5], areaUnit: 'mm²', mean: [10], stdDev: [2], modalityUnit: 'HU' });
    if (!result.ok) throw new Error(result.reason);
    const parsed = measurementCreateSchema.safeParse({
      caseId: 'c1',
      studyInstanceUid: '1.2.3',
      seriesInstanceUid: '1.2.3.4',
      sopInstanceUid: '1.2.3.4.5',
      frameNumber: 1,
      kind: 'RECTANGLE_ROI',
      values: result.values,
      geometry: { points: [[0, 0, 0], [1, 0, 0], [0, 1, 0], [1, 1, 0]] },
    });
    expect(parsed.success).toBe(true);
  });

  it('describes a measurement in one line', () => {
    expect(describeMeasurement('LENGTH', { lengthMm: 26.39 })).toBe('26.4 mm');
    expect(describeMeasurement('BIDIRECTIONAL', { longAxisMm: 30.1, shortAxisMm: 12 })).toBe('30.1 × 12.0 mm');
    expect(describeMeasurement('ELLIPSE_ROI', { areaMm2: 412.3, meanHu: 45.3, sdHu: 12.1 })).toBe('412 mm² · 45.3 ± 12.1 HU');
    expect(describeMeasurement('RECTANGLE_ROI', { areaMm2: 100, meanHu: 812.4, unit: 'a.u.' })).toBe('100 mm² · 812.4 a.u.');
  });
});
