// Turns what a cornerstone measurement tool computed (its cachedStats, in the units
// it names) into Konsil's measurement values, and back into the tool that draws a
// saved one. Pure: the tool names are cornerstone's public static names, written
// out so this file needs no cornerstone import and is unit-tested.
import type { MeasurementKind, MeasurementValues } from '@/lib/schemas/case-annotation';

/** cornerstone3d tool names (LengthTool.toolName, …). */
export const toolNameByKind = {
  LENGTH: 'Length',
  BIDIRECTIONAL: 'Bidirectional',
  ELLIPSE_ROI: 'EllipticalROI',
  RECTANGLE_ROI: 'RectangleROI',
} as const satisfies Record<MeasurementKind, string>;

export type MeasurementToolName = (typeof toolNameByKind)[MeasurementKind];

export function kindForToolName(toolName: string): MeasurementKind | null {
  const entry = (Object.entries(toolNameByKind) as [MeasurementKind, string][]).find(([, name]) => name === toolName);
  return entry ? entry[0] : null;
}

/** The subset of a tool's cachedStats Konsil reads. */
export interface ToolStats {
  length?: unknown;
  width?: unknown;
  unit?: unknown;
  area?: unknown;
  areaUnit?: unknown;
  mean?: unknown;
  stdDev?: unknown;
  min?: unknown;
  max?: unknown;
  modalityUnit?: unknown;
}

export type MeasurementValuesResult = { ok: true; values: MeasurementValues } | { ok: false; reason: string };

const lengthScale: Record<string, number> = { mm: 1, cm: 10 };
const areaScale: Record<string, number> = { 'mm²': 1, 'cm²': 100 };

function finite(value: unknown): number | undefined {
  const n = Array.isArray(value) ? value[0] : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

const noSpacing = 'This image has no pixel spacing, so it cannot be measured in millimetres.';

/**
 * Values for one measurement, or why it cannot be saved (no pixel spacing: the tool
 * then measures in pixels, which Konsil does not store as millimetres). Mean/SD/min/max
 * are stored as *Hu fields; for a modality whose unit is not HU, `unit` says what they are.
 */
export function measurementValues(kind: MeasurementKind, stats: ToolStats | undefined): MeasurementValuesResult {
  if (!stats) return { ok: false, reason: 'The measurement has no figures yet; draw it again.' };
  if (kind === 'LENGTH' || kind === 'BIDIRECTIONAL') {
    const scale = typeof stats.unit === 'string' ? lengthScale[stats.unit] : undefined;
    if (scale === undefined) return { ok: false, reason: noSpacing };
    const length = finite(stats.length);
    if (length === undefined) return { ok: false, reason: 'The measurement has no length; draw it again.' };
    if (kind === 'LENGTH') return { ok: true, values: { lengthMm: round(length * scale, 2) } };
    const width = finite(stats.width);
    if (width === undefined) return { ok: false, reason: 'The measurement has no short axis; draw it again.' };
    return { ok: true, values: { longAxisMm: round(Math.max(length, width) * scale, 2), shortAxisMm: round(Math.min(length, width) * scale, 2) } };
  }
  const scale = typeof stats.areaUnit === 'string' ? areaScale[stats.areaUnit] : undefined;
  if (scale === undefined) return { ok: false, reason: noSpacing };
  const area = finite(stats.area);
  if (area === undefined) return { ok: false, reason: 'The region has no area; draw it again.' };
  const values: MeasurementValues = { areaMm2: round(area * scale, 1) };
  const mean = finite(stats.mean);
  const sd = finite(stats.stdDev);
  const min = finite(stats.min);
  const max = finite(stats.max);
  if (mean !== undefined) values.meanHu = round(mean, 1);
  if (sd !== undefined) values.sdHu = round(Math.abs(sd), 1);
  if (min !== undefined) values.minHu = round(min, 1);
  if (max !== undefined) values.maxHu = round(max, 1);
  const unit = typeof stats.modalityUnit === 'string' ? stats.modalityUnit : '';
  // MR and others have no physical unit for signal; say so rather than leave "HU" implied.
  if (unit !== 'HU' && (mean !== undefined || sd !== undefined)) values.unit = unit ? unit.slice(0, 20) : 'a.u.';
  return { ok: true, values };
}

/** "23.4 mm", "31.0 × 18.2 mm", "412 mm² · 45.3 ± 12.1 HU": one line for the list and the overlay. */
export function describeMeasurement(kind: MeasurementKind, values: MeasurementValues): string {
  const mm = (v: number | undefined) => (v === undefined ? '–' : v.toFixed(1));
  if (kind === 'LENGTH') return `${mm(values.lengthMm)} mm`;
  if (kind === 'BIDIRECTIONAL') return `${mm(values.longAxisMm)} × ${mm(values.shortAxisMm)} mm`;
  const area = values.areaMm2 === undefined ? '–' : values.areaMm2.toFixed(0);
  const parts = [`${area} mm²`];
  if (values.meanHu !== undefined) {
    const sd = values.sdHu === undefined ? '' : ` ± ${values.sdHu.toFixed(1)}`;
    parts.push(`${values.meanHu.toFixed(1)}${sd} ${values.unit ?? 'HU'}`);
  }
  return parts.join(' · ');
}
