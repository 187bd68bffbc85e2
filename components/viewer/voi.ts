// Window/level: the presets the toolbar offers and the rules for the values a file
// carries. Pure (no cornerstone import) so it is unit-tested and shared by the
// metadata provider and the overlay.

export interface WindowLevel {
  width: number;
  center: number;
}

export const windowPresets = [
  { id: 'soft-tissue', label: 'Soft tissue', width: 400, center: 40 },
  { id: 'lung', label: 'Lung', width: 1500, center: -600 },
  { id: 'bone', label: 'Bone', width: 1800, center: 400 },
  { id: 'brain', label: 'Brain', width: 80, center: 40 },
  { id: 'liver', label: 'Liver', width: 150, center: 30 },
] as const;

export type WindowPresetId = (typeof windowPresets)[number]['id'];

/** DICOM's linear VOI function (PS3.3 C.11.2.1.2): the range of stored values shown from black to white. */
export function windowToRange({ width, center }: WindowLevel): { lower: number; upper: number } {
  return { lower: center - 0.5 - (width - 1) / 2, upper: center - 0.5 + (width - 1) / 2 };
}

export function rangeToWindow({ lower, upper }: { lower: number; upper: number }): WindowLevel {
  const width = upper - lower + 1;
  return { width, center: lower + 0.5 + (width - 1) / 2 };
}

/** "400/40": how the overlay and the data-voi attribute print a window. */
export function formatWindow(window: WindowLevel): string {
  return `${Math.round(window.width)}/${Math.round(window.center)}`;
}

interface VoiLutModule {
  windowWidth?: number | number[];
  windowCenter?: number | number[];
  [key: string]: unknown;
}

/**
 * Drops window values a viewer cannot apply. Real files carry Window Width 0 (or
 * negative, or NaN): applied literally it shows a black image. Without a window the
 * image loader falls back to the image's own min/max. Other attributes (VOI LUT
 * sequence, function) are kept. Returns the module unchanged when it is fine.
 */
export function sanitizeVoiLutModule<T extends VoiLutModule | undefined>(module: T): T {
  if (!module) return module;
  const widths = toList(module.windowWidth);
  const centers = toList(module.windowCenter);
  if (widths.length === 0 && centers.length === 0) return module;
  const usable = widths.length > 0 && widths.length === centers.length && widths.every((w) => Number.isFinite(w) && w >= 1) && centers.every(Number.isFinite);
  if (usable) return module;
  const { windowWidth: _width, windowCenter: _center, ...rest } = module;
  return rest as T;
}

function toList(value: number | number[] | undefined): number[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map(Number);
}
