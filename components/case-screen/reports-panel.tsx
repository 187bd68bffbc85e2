'use client';
// The reports panel: the case's reports newest first, filterable by type; the
// open report's text with extracted facts highlighted and listed beside it,
// where a clinician confirms or rejects them (confirmed values feed the header).
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { filterReports, initialReportId as chooseInitialReport, reportTypeOptions, sortReportsNewestFirst, type ReportType } from '@/lib/case-screen/report-list';
import type { CaseReportDto } from '@/lib/schemas/case-screen';
import { ReportList } from './reports/report-list';
import { ReportTypeFilter } from './reports/report-type-filter';
import { ReportView } from './reports/report-view';

export interface ReportsPanelProps {
  caseId: string;
  reports: CaseReportDto[];
  canAnnotate: boolean;
  timeZone: string;
  /** Report to open first (from the timeline or ?report=). */
  initialReportId: string | null;
}

export function ReportsPanel({ caseId, reports, canAnnotate, timeZone, initialReportId }: ReportsPanelProps) {
  const viewId = useId();
  const sorted = useMemo(() => sortReportsNewestFirst(reports), [reports]);
  const [type, setType] = useState<ReportType | 'ALL'>('ALL');
  const [openId, setOpenId] = useState(() => chooseInitialReport(sorted, initialReportId));
  // The timeline can ask for another report while the panel is open (?report= changes).
  const [requested, setRequested] = useState(initialReportId);
  if (requested !== initialReportId) {
    setRequested(initialReportId);
    setType('ALL');
    setOpenId(chooseInitialReport(sorted, initialReportId));
  }
  const visible = filterReports(sorted, type);
  const open = sorted.find((r) => r.id === openId) ?? null;

  const viewRef = useRef<HTMLDivElement>(null);
  // A link or reload with ?report= shows the report; later changes come from the
  // timeline, which scrolls to this panel itself.
  useEffect(() => {
    if (initialReportId) viewRef.current?.scrollIntoView({ block: 'start' });
  }, []);

  if (sorted.length === 0) return <p className="text-sm text-slate-600">No reports for this patient.</p>;

  function changeType(next: ReportType | 'ALL') {
    setType(next);
    // Keep the open report when it is still listed, else open the newest of the type.
    const listed = filterReports(sorted, next);
    if (!listed.some((r) => r.id === openId)) setOpenId(listed[0]?.id ?? null);
  }

  return (
    <div className="@container space-y-4" data-testid="reports-panel">
      <ReportTypeFilter options={reportTypeOptions(sorted)} value={type} onChange={changeType} />
      <div className="grid gap-4 @4xl:grid-cols-[18rem_minmax(0,1fr)]">
        <ReportList reports={visible} openId={openId} onOpen={setOpenId} timeZone={timeZone} viewId={viewId} />
        <div ref={viewRef} className="min-w-0">
          {open && <ReportView key={open.id} id={viewId} report={open} caseId={caseId} canAnnotate={canAnnotate} timeZone={timeZone} />}
        </div>
      </div>
    </div>
  );
}
