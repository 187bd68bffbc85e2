import { describe, expect, it } from 'vitest';
import { filterReports, initialReportId, reportStatusInfo, reportTypeOptions, sortReportsNewestFirst } from './report-list';
import { report } from './test-fixtures';

const reports = [
  report('old-path', '2025-01-01T10:00:00Z'),
  report('new-rad', '2026-02-01T10:00:00Z', { type: 'RADIOLOGY' }),
  report('mid-mol', '2025-06-01T10:00:00Z', { type: 'MOLECULAR' }),
  report('new-path', '2026-02-01T10:00:00Z', { title: 'A pathology report' }),
];

describe('reports list', () => {
  it('sorts newest first, ties by title', () => {
    expect(sortReportsNewestFirst(reports).map((r) => r.id)).toEqual(['new-path', 'new-rad', 'mid-mol', 'old-path']);
  });

  it('counts the types present, in clinical order, after All', () => {
    expect(reportTypeOptions(reports)).toEqual([
      { value: 'ALL', label: 'All', count: 4 },
      { value: 'PATHOLOGY', label: 'Pathology', count: 2 },
      { value: 'RADIOLOGY', label: 'Radiology', count: 1 },
      { value: 'MOLECULAR', label: 'Molecular', count: 1 },
    ]);
    expect(reportTypeOptions([])).toEqual([{ value: 'ALL', label: 'All', count: 0 }]);
  });

  it('filters by type', () => {
    expect(filterReports(reports, 'PATHOLOGY').map((r) => r.id)).toEqual(['old-path', 'new-path']);
    expect(filterReports(reports, 'ALL')).toHaveLength(4);
    expect(filterReports(reports, 'SURGICAL')).toEqual([]);
  });

  it('calls out every status but final', () => {
    expect(reportStatusInfo('final')).toMatchObject({ label: 'Final', notable: false });
    expect(reportStatusInfo('preliminary')).toMatchObject({ label: 'Preliminary', tone: 'warning', notable: true });
    expect(reportStatusInfo('Amended')).toMatchObject({ label: 'Amended', notable: true });
    expect(reportStatusInfo('entered-in-error')).toMatchObject({ tone: 'danger' });
    expect(reportStatusInfo('weird')).toMatchObject({ label: 'weird', notable: true });
  });

  it('opens the requested report when it exists, else the newest', () => {
    const sorted = sortReportsNewestFirst(reports);
    expect(initialReportId(sorted, 'mid-mol')).toBe('mid-mol');
    expect(initialReportId(sorted, 'gone')).toBe('new-path');
    expect(initialReportId(sorted, null)).toBe('new-path');
    expect(initialReportId([], null)).toBeNull();
  });
});
