// The quality figures as CSV (RFC 4180): one row per metric and board. Pure, so the route and
// the tests share it. Shares are written as fractions (0.75), not percentages, so a spreadsheet
// can compute with them; empty cells mean "nothing to measure".
import type { QualityMetric } from '@/lib/schemas/quality';

const header = ['board', 'period_from', 'period_to', 'metric', 'unit', 'value', 'numerator', 'denominator'];

function cell(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(Math.round(value * 1e6) / 1e6) : value;
  // A leading =, +, - or @ in a name (also after a tab, carriage return or spaces, which
  // spreadsheets skip) would make a spreadsheet run it as a formula (OWASP CSV injection).
  const safe = typeof value === 'string' && /^[\s]*[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function qualityCsv(options: { from: string; to: string; metrics: QualityMetric[] }): string {
  const lines = [header.join(',')];
  for (const m of options.metrics) {
    lines.push([m.boardName, options.from, options.to, m.key, m.unit, m.value, m.numerator, m.denominator].map(cell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
