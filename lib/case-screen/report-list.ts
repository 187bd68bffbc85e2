// The reports list: newest first, filtered by type, with counts per type and
// the report's status in words.
import type { CaseReportDto } from '@/lib/schemas/case-screen';

export type ReportType = CaseReportDto['type'];

export const reportTypeLabels: Record<ReportType, string> = {
  PATHOLOGY: 'Pathology',
  RADIOLOGY: 'Radiology',
  MOLECULAR: 'Molecular',
  SURGICAL: 'Surgical',
  CLINICAL_NOTE: 'Clinical note',
  OTHER: 'Other',
};

const TYPE_ORDER: readonly ReportType[] = ['PATHOLOGY', 'RADIOLOGY', 'MOLECULAR', 'SURGICAL', 'CLINICAL_NOTE', 'OTHER'];

/** Newest first; same instant → title, so the order is stable. */
export function sortReportsNewestFirst<T extends Pick<CaseReportDto, 'issuedAt' | 'title' | 'id'>>(reports: readonly T[]): T[] {
  return reports.toSorted(
    (a, b) => Date.parse(b.issuedAt) - Date.parse(a.issuedAt) || a.title.localeCompare(b.title) || a.id.localeCompare(b.id),
  );
}

export interface ReportTypeOption {
  value: ReportType | 'ALL';
  label: string;
  count: number;
}

/** "All" and each type present, in a fixed clinical order, with their counts. */
export function reportTypeOptions(reports: readonly Pick<CaseReportDto, 'type'>[]): ReportTypeOption[] {
  const counts = new Map<ReportType, number>();
  for (const r of reports) counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
  return [
    { value: 'ALL', label: 'All', count: reports.length },
    ...TYPE_ORDER.filter((t) => counts.has(t)).map((t) => ({ value: t, label: reportTypeLabels[t], count: counts.get(t) ?? 0 })),
  ];
}

export function filterReports<T extends Pick<CaseReportDto, 'type'>>(reports: readonly T[], type: ReportType | 'ALL'): T[] {
  return type === 'ALL' ? [...reports] : reports.filter((r) => r.type === type);
}

export interface ReportStatusInfo {
  label: string;
  tone: 'neutral' | 'warning' | 'brand' | 'danger';
  /** Final reports need no badge; everything else is called out. */
  notable: boolean;
}

const STATUSES: Record<string, ReportStatusInfo> = {
  final: { label: 'Final', tone: 'neutral', notable: false },
  preliminary: { label: 'Preliminary', tone: 'warning', notable: true },
  partial: { label: 'Partial', tone: 'warning', notable: true },
  registered: { label: 'Registered', tone: 'warning', notable: true },
  amended: { label: 'Amended', tone: 'brand', notable: true },
  corrected: { label: 'Corrected', tone: 'brand', notable: true },
  appended: { label: 'Appended', tone: 'brand', notable: true },
  cancelled: { label: 'Cancelled', tone: 'danger', notable: true },
  'entered-in-error': { label: 'Entered in error', tone: 'danger', notable: true },
};

/** FHIR DiagnosticReport.status in words (unknown codes are shown as sent). */
export function reportStatusInfo(status: string): ReportStatusInfo {
  const code = status.trim().toLowerCase();
  return STATUSES[code] ?? { label: status.trim() || 'Unknown', tone: 'neutral', notable: true };
}

/**
 * The report to open first: the one asked for (?report= / timeline) when it is
 * in the list, else the newest; null without reports.
 */
export function initialReportId(sortedReports: readonly Pick<CaseReportDto, 'id'>[], requested: string | null): string | null {
  if (requested && sortedReports.some((r) => r.id === requested)) return requested;
  return sortedReports[0]?.id ?? null;
}
