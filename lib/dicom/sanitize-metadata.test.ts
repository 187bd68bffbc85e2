import { describe, expect, it } from 'vitest';
import type { DicomJsonDataset } from './dicom-json';
import { sanitizeMetadata } from './sanitize-metadata';

const voi = (center: (number | null)[], width: (number | null)[]): DicomJsonDataset => ({
  '00281050': { vr: 'DS', Value: center },
  '00281051': { vr: 'DS', Value: width },
  '00281055': { vr: 'LO', Value: ['WINDOW1'] },
});

describe('sanitizeMetadata', () => {
  it.each([
    [[40], [0], 'Window Width (0028,1051) is 0: Window Center/Width were left out so viewers use the pixel range'],
    [[40, 300], [400, -1], 'Window Width (0028,1051) is 400\\-1: Window Center/Width were left out so viewers use the pixel range'],
    [[40], [null], 'Window Width (0028,1051) is empty: Window Center/Width were left out so viewers use the pixel range'],
  ])('drops VOI window center %j / width %j', (center, width, warning) => {
    const dataset = voi(center, width);
    const warnings: string[] = [];
    sanitizeMetadata(dataset, warnings);
    expect(dataset).toEqual({});
    expect(warnings).toEqual([warning]);
  });

  it('keeps a usable window', () => {
    const dataset = voi([40], [400]);
    const warnings: string[] = [];
    sanitizeMetadata(dataset, warnings);
    expect(dataset['00281051']).toEqual({ vr: 'DS', Value: [400] });
    expect(warnings).toEqual([]);
  });

  it('repairs per-frame functional groups of enhanced objects too', () => {
    const frame = () => ({ '00289132': { vr: 'SQ', Value: [voi([40], [0])] } });
    const frames = [frame(), frame()];
    const dataset: DicomJsonDataset = { '52009230': { vr: 'SQ', Value: frames } };
    const warnings: string[] = [];
    sanitizeMetadata(dataset, warnings);
    expect(frames.map((f) => f['00289132'].Value[0])).toEqual([{}, {}]);
    expect(warnings.length).toBe(2);
  });

  it('drops a zero rescale slope and non-positive pixel spacing', () => {
    const dataset: DicomJsonDataset = {
      '00280030': { vr: 'DS', Value: [0, 0.7] },
      '00281052': { vr: 'DS', Value: [-1024] },
      '00281053': { vr: 'DS', Value: [0] },
    };
    const warnings: string[] = [];
    sanitizeMetadata(dataset, warnings);
    expect(dataset).toEqual({});
    expect(warnings).toEqual([
      'Rescale Slope (0028,1053) is 0: Rescale Slope/Intercept were left out so stored pixel values are shown',
      'Pixel Spacing (0028,0030) is 0\\0.7: it was left out (distances cannot be measured)',
    ]);
  });

  it('does not trip over odd shapes (no values, strings where numbers belong)', () => {
    const dataset: DicomJsonDataset = {
      '00281050': { vr: 'DS' },
      '00280030': { vr: 'DS', Value: ['x' as unknown as number] },
      '00081140': { vr: 'SQ', Value: [null as unknown as DicomJsonDataset] },
    };
    expect(() => sanitizeMetadata(dataset, [])).not.toThrow();
    expect(dataset['00281050']).toBeUndefined();
    expect(dataset['00280030']).toBeUndefined();
  });
});
