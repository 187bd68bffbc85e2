// A result's outputs in one line, for the admin's shadow comparison: the probability as a
// percentage, survival per horizon, the hazard ratio as a number. Pure.
import { formatNumber, formatPercent } from './format';

export function formatOutputs(outputs: Record<string, number[]> | null, horizonsMonths: readonly number[] | null): string {
  if (!outputs) return '—';
  const parts: string[] = [];
  for (const [name, values] of Object.entries(outputs).sort(([a], [b]) => a.localeCompare(b))) {
    if (name === 'contributions') continue;
    if (name === 'probability') parts.push(`probability ${formatPercent(values[0] ?? Number.NaN)}`);
    else if (name === 'survival' && horizonsMonths && horizonsMonths.length === values.length) {
      parts.push(`survival ${values.map((v, i) => `${horizonsMonths[i]} mo ${formatPercent(v)}`).join(', ')}`);
    } else if (name === 'hazard_ratio') parts.push(`hazard ratio ${formatNumber(values[0] ?? Number.NaN, 3)}`);
    else parts.push(`${name} ${values.map((v) => formatNumber(v)).join(', ')}`);
  }
  return parts.join('; ') || '—';
}
