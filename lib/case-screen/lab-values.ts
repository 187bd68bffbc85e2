// How one lab value is shown: its number, its flag (with words, never colour
// alone), its reference range. Pure, so the table, the chart tooltip and the
// text alternative all say the same thing.
import type { LabSeriesDto, LabValueDto } from '@/lib/schemas/case-screen';

export type LabFlagCode = 'H' | 'L' | 'HH' | 'LL' | 'A';

export interface LabFlag {
  code: LabFlagCode;
  /** Words for the flag; shown next to the code and read by screen readers. */
  label: string;
  /** Arrow that repeats the direction for people who do not read the colour. */
  symbol: string;
  tone: 'danger' | 'warning';
  /** The laboratory sent no interpretation; the flag is ours, from the reference range. */
  derived: boolean;
}

const FLAGS: Record<LabFlagCode, Omit<LabFlag, 'derived'>> = {
  HH: { code: 'HH', label: 'Critically high', symbol: '↑↑', tone: 'danger' },
  H: { code: 'H', label: 'High', symbol: '↑', tone: 'warning' },
  L: { code: 'L', label: 'Low', symbol: '↓', tone: 'warning' },
  LL: { code: 'LL', label: 'Critically low', symbol: '↓↓', tone: 'danger' },
  A: { code: 'A', label: 'Abnormal', symbol: '!', tone: 'warning' },
};

/**
 * The flag of a value: the laboratory's interpretation when it sent one (N = no
 * flag); otherwise H/L against the series' reference range. Critical flags (HH/LL)
 * are never derived: only the laboratory knows its critical limits.
 */
export function labFlag(value: LabValueDto, range: Pick<LabSeriesDto, 'referenceLow' | 'referenceHigh'>): LabFlag | null {
  if (value.interpretation === 'N') return null;
  if (value.interpretation) return { ...FLAGS[value.interpretation], derived: false };
  if (value.value === null) return null;
  if (range.referenceHigh !== null && value.value > range.referenceHigh) return { ...FLAGS.H, derived: true };
  if (range.referenceLow !== null && value.value < range.referenceLow) return { ...FLAGS.L, derived: true };
  return null;
}

/** A number without float noise (0.30000000000000004 → 0.3) or trailing zeros. */
export function formatLabNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = Number(value.toPrecision(Math.abs(value) >= 1 ? 6 : 4));
  return new Intl.NumberFormat('en-GB', { maximumFractionDigits: 4, useGrouping: false }).format(rounded);
}

/** "12.4", or the text result ("positive", "<0.01") when there is no number. */
export function formatLabValue(value: Pick<LabValueDto, 'value' | 'valueText'>): string {
  if (value.value !== null) return formatLabNumber(value.value);
  return value.valueText?.trim() || '—';
}

/** "12.4 ng/mL"; units are always shown with values. */
export function formatLabValueWithUnit(value: Pick<LabValueDto, 'value' | 'valueText'>, unit: string | null): string {
  const text = formatLabValue(value);
  return value.value !== null && unit ? `${text} ${unit}` : text;
}

/**
 * The reference range as text: "4–10", "≤ 5", "≥ 60", else the laboratory's own
 * text, else null (none sent).
 */
export function formatReferenceRange(series: Pick<LabSeriesDto, 'referenceLow' | 'referenceHigh' | 'referenceText'>): string | null {
  const { referenceLow: low, referenceHigh: high } = series;
  if (low !== null && high !== null) return `${formatLabNumber(low)}–${formatLabNumber(high)}`;
  if (high !== null) return `≤ ${formatLabNumber(high)}`;
  if (low !== null) return `≥ ${formatLabNumber(low)}`;
  return series.referenceText?.trim() || null;
}

/** The newest value (values arrive oldest first), or null for an empty series. */
export function latestLabValue(series: Pick<LabSeriesDto, 'values'>): LabValueDto | null {
  return series.values.at(-1) ?? null;
}
