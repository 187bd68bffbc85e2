// Repairs values in the stored metadata that would make a viewer draw nonsense.
// The file itself stays byte-identical; only the JSON that QIDO/WADO-RS serve
// changes, and every change becomes an import warning. Applied at every level
// (enhanced multi-frame objects keep VOI and pixel measures in functional group
// sequences):
// - Window Width (0028,1051) missing a number, 0 or negative → Window Center,
//   Width and their explanation are dropped, so viewers fall back to the pixel
//   range (cornerstone applies a width of 0 literally and shows a black image);
// - Rescale Slope (0028,1053) of 0 → slope and intercept dropped (every pixel
//   would map to the same value);
// - Pixel Spacing / Imager Pixel Spacing with a value ≤ 0 → dropped (measurements
//   would be wrong, viewers divide by it).
import type { DicomJsonDataset } from './dicom-json';
import { numbers } from './dicom-json';
import { tags } from './tags';

export function sanitizeMetadata(dataset: DicomJsonDataset, warnings: string[]): void {
  sanitizeLevel(dataset, warnings, 0);
}

function sanitizeLevel(dataset: DicomJsonDataset, warnings: string[], depth: number): void {
  const width = dataset[tags.WindowWidth];
  if (width) {
    const widths = numbers(dataset, tags.WindowWidth);
    const center = numbers(dataset, tags.WindowCenter);
    if (widths.length === 0 || widths.some((w) => w <= 0) || center.length === 0) {
      const shown = (width.Value ?? []).map((v) => (v === null ? 'empty' : String(v))).join('\\') || 'empty';
      warnings.push(`Window Width (0028,1051) is ${shown}: Window Center/Width were left out so viewers use the pixel range`);
      delete dataset[tags.WindowWidth];
      delete dataset[tags.WindowCenter];
      delete dataset[tags.WindowCenterWidthExplanation];
    }
  } else if (dataset[tags.WindowCenter]) {
    warnings.push('Window Center (0028,1050) has no Window Width: it was left out');
    delete dataset[tags.WindowCenter];
    delete dataset[tags.WindowCenterWidthExplanation];
  }

  const slope = dataset[tags.RescaleSlope];
  if (slope && numbers(dataset, tags.RescaleSlope).some((s) => s === 0)) {
    warnings.push('Rescale Slope (0028,1053) is 0: Rescale Slope/Intercept were left out so stored pixel values are shown');
    delete dataset[tags.RescaleSlope];
    delete dataset[tags.RescaleIntercept];
  }

  for (const [tag, name] of [
    [tags.PixelSpacing, 'Pixel Spacing (0028,0030)'],
    [tags.ImagerPixelSpacing, 'Imager Pixel Spacing (0018,1164)'],
  ] as const) {
    const element = dataset[tag];
    if (!element?.Value) continue;
    const values = numbers(dataset, tag);
    if (values.length !== element.Value.length || values.some((v) => v <= 0)) {
      warnings.push(`${name} is ${element.Value.map((v) => (v === null ? 'empty' : String(v))).join('\\')}: it was left out (distances cannot be measured)`);
      delete dataset[tag];
    }
  }

  if (depth > 8) return;
  for (const element of Object.values(dataset)) {
    if (element.vr !== 'SQ' || !element.Value) continue;
    for (const item of element.Value) {
      if (item && typeof item === 'object') sanitizeLevel(item as DicomJsonDataset, warnings, depth + 1);
    }
  }
}
