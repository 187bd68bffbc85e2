// How the decision-support panel writes numbers, units and statuses. Pure, so the panel,
// its plots and their text alternatives all say the same thing, and tests can pin it.
import type { FeatureStatus, InferenceStatus } from '@/lib/schemas/inference';

/** A number for people: up to 4 significant digits, no trailing zeros, a real minus sign. */
export function formatNumber(value: number, significant = 4): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const abs = Math.abs(value);
  // Integers up to 99 999 are shown whole (an area of 1322.3 keeps its decimal, 60 months stay 60).
  const text = Number.isInteger(value) && abs < 100_000 ? String(abs) : String(Number(abs.toPrecision(significant)));
  // toPrecision can fall back to exponent notation for very small or large values: keep it readable.
  const plain = /e/i.test(text) ? abs.toExponential(2) : text;
  return value < 0 ? `−${plain}` : plain;
}

/** A card metric as the card states it (cards round to 4 decimals; 1.0386 stays 1.0386). */
export const formatMetric = (value: number) => formatNumber(value, 6);

/** "+0.42" / "−0.31" / "0": the sign always shown, for contributions. */
export function formatSigned(value: number, digits = 2): string {
  const rounded = Number(value.toFixed(digits));
  if (rounded === 0) return (0).toFixed(digits);
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded).toFixed(digits)}`;
}

/** A probability 0..1 as a percentage: "83.2 %", "< 0.1 %", "> 99.9 %". */
export function formatPercent(probability: number): string {
  const percent = probability * 100;
  if (percent > 0 && percent < 0.1) return '< 0.1 %';
  if (percent < 100 && percent > 99.9) return '> 99.9 %';
  return `${percent.toFixed(1)} %`;
}

/**
 * A model unit (UCUM, as on the card) for people: "a" is years, "[lb_av]" pounds; unity ("1")
 * and pure annotations ("{score}") have no unit to show; "{bool}" is handled by formatFeatureValue.
 */
export function displayUnit(unit: string | null): string {
  if (unit === null) return '';
  const known: Record<string, string> = { a: 'years', '[lb_av]': 'lb', '1': '', '{score}': '', '{bool}': '' };
  if (unit in known) return known[unit]!;
  const annotation = /^\{([^{}]*)\}$/.exec(unit);
  return annotation ? annotation[1]! : unit;
}

/** A feature's value with its unit: "23 mm", "55 years", "yes (1)", "16.13 WDBC length unit". */
export function formatFeatureValue(value: number | string | null, unit: string | null): string {
  if (value === null) return '—';
  if (typeof value === 'string') return unit ? `${value} (${displayUnit(unit) || unit})` : value;
  if (unit === '{bool}') return value === 1 ? 'yes (1)' : value === 0 ? 'no (0)' : formatNumber(value);
  const shown = displayUnit(unit);
  if (!shown) return formatNumber(value);
  return shown === '%' ? `${formatNumber(value)} %` : `${formatNumber(value)} ${shown}`;
}

export const featureStatusLabels: Record<FeatureStatus, string> = {
  ok: 'OK',
  missing: 'Missing',
  out_of_range: 'Out of range',
  unit_unknown: 'Unit unknown',
  imputed: 'Imputed',
};

export const featureStatusTones: Record<FeatureStatus, 'success' | 'danger' | 'warning'> = {
  ok: 'success',
  missing: 'danger',
  out_of_range: 'danger',
  unit_unknown: 'danger',
  imputed: 'warning',
};

export const resultStatusLabels: Record<InferenceStatus, string> = {
  SCORED: 'Scored',
  SCORED_WITH_FLAGS: 'Scored with flags',
  NOT_SCORED: 'Not scored',
  FAILED: 'Failed',
};

/** The first `length` hex digits of a hash, for display beside the full value. */
export const shortHash = (hash: string, length = 12) => hash.slice(0, length);
