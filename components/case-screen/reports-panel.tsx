'use client';
// Placeholder until the reports panel lands.
import type { CaseReportDto } from '@/lib/schemas/case-screen';

export interface ReportsPanelProps {
  caseId: string;
  reports: CaseReportDto[];
  canAnnotate: boolean;
  timeZone: string;
  /** Report to open first (from the timeline or ?report=). */
  initialReportId: string | null;
}

export function ReportsPanel({ reports }: ReportsPanelProps) {
  return <p className="text-sm text-slate-600">{reports.length} reports.</p>;
}
