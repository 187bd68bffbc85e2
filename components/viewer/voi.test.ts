import { describe, expect, it } from 'vitest';
import { formatWindow, rangeToWindow, sanitizeVoiLutModule, windowPresets, windowToRange } from './voi';

describe('window/level', () => {
  it('converts a window to the range of values shown and back (DICOM linear function)', () => {
    for (const preset of windowPresets) {
      const window = rangeToWindow(windowToRange(preset));
      expect(window.width).toBeCloseTo(preset.width, 9);
      expect(window.center).toBeCloseTo(preset.center, 9);
    }
    expect(windowToRange({ width: 400, center: 40 })).toEqual({ lower: -160, upper: 239 });
  });

  it('prints a window as the overlay does', () => {
    expect(formatWindow({ width: 1500, center: -600 })).toBe('1500/-600');
    expect(formatWindow({ width: 399.6, center: 40.2 })).toBe('400/40');
  });

  it('has the five presets the board asked for', () => {
    expect(windowPresets.map((p) => [p.label, p.width, p.center])).toEqual([
      ['Soft tissue', 400, 40],
      ['Lung', 1500, -600],
      ['Bone', 1800, 400],
      ['Brain', 80, 40],
      ['Liver', 150, 30],
    ]);
  });
});

describe('sanitizeVoiLutModule', () => {
  it('keeps usable windows untouched', () => {
    const module = { windowWidth: [400, 1500], windowCenter: [40, -600], voiLUTFunction: 'LINEAR' };
    expect(sanitizeVoiLutModule(module)).toBe(module);
  });

  it('drops a window of width 0, negative or NaN so the image min/max is used', () => {
    for (const windowWidth of [[0], [-5], [Number.NaN], 0, [0.5]]) {
      const cleaned = sanitizeVoiLutModule({ windowWidth, windowCenter: [40], voiLUTSequence: ['kept'] });
      expect(cleaned).toEqual({ voiLUTSequence: ['kept'] });
    }
  });

  it('drops mismatched lists and a width without a centre', () => {
    expect(sanitizeVoiLutModule({ windowWidth: [400, 100], windowCenter: [40] })).toEqual({});
    expect(sanitizeVoiLutModule({ windowWidth: [400] })).toEqual({});
  });

  it('passes through a module without windows and a missing module', () => {
    expect(sanitizeVoiLutModule({ voiLUTFunction: 'SIGMOID' })).toEqual({ voiLUTFunction: 'SIGMOID' });
    expect(sanitizeVoiLutModule(undefined)).toBeUndefined();
  });
});
