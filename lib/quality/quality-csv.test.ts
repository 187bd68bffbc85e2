import { describe, expect, it } from 'vitest';
import { qualityCsv } from './quality-csv';

describe('qualityCsv', () => {
  it('writes one row per metric, shares as fractions, empty cells for missing figures, quoting where needed', () => {
    const csv = qualityCsv({
      from: '2026-01-01',
      to: '2026-03-31',
      metrics: [
        { boardId: 'b', boardName: 'Lung, thorax', key: 'implementation_rate', label: 'x', unit: 'share', value: 2 / 3, numerator: 2, denominator: 3 },
        { boardId: 'b', boardName: '=cmd', key: 'referral_to_discussion_days_median', label: 'x', unit: 'days', value: null, numerator: null, denominator: 0 },
      ],
    });
    expect(csv.split('\r\n')).toEqual([
      'board,period_from,period_to,metric,unit,value,numerator,denominator',
      '"Lung, thorax",2026-01-01,2026-03-31,implementation_rate,share,0.666667,2,3',
      "'=cmd,2026-01-01,2026-03-31,referral_to_discussion_days_median,days,,,0",
      '',
    ]);
  });

  it('neutralises formulas hidden behind a tab, a carriage return or spaces', () => {
    const row = (name: string) =>
      qualityCsv({ from: '2026-01-01', to: '2026-01-31', metrics: [{ boardId: 'b', boardName: name, key: 'cases_discussed', label: 'x', unit: 'count', value: 1, numerator: null, denominator: null }] }).split('\r\n')[1]!;
    expect(row('\t=HYPERLINK("http://x")')).toMatch(/^"'\t=HYPERLINK/);
    expect(row('  @SUM(A1)')).toMatch(/^'  @SUM/);
    expect(row('\r-1+1')).toMatch(/^"'\r-1\+1/);
    expect(row('Lung board')).toBe('Lung board,2026-01-01,2026-01-31,cases_discussed,count,1,,');
  });
});
