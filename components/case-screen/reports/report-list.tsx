'use client';
import { Badge } from '@/components/ui/badge';
import { cn } from '@/components/ui/cn';
import { reportStatusInfo, reportTypeLabels } from '@/lib/case-screen/report-list';
import { formatDate } from '@/lib/format/date';
import type { CaseReportDto } from '@/lib/schemas/case-screen';

/** The reports (already sorted and filtered); choosing one opens it beside the list. */
export function ReportList({
  reports,
  openId,
  onOpen,
  timeZone,
  viewId,
}: {
  reports: CaseReportDto[];
  openId: string | null;
  onOpen: (id: string) => void;
  timeZone: string;
  viewId: string;
}) {
  if (reports.length === 0) return <p className="text-sm text-slate-600">No reports of this type.</p>;
  return (
    <ul aria-label="Reports, newest first" className="divide-y divide-slate-200 rounded-md border border-slate-200">
      {reports.map((report) => {
        const status = reportStatusInfo(report.status);
        const open = report.id === openId;
        return (
          <li key={report.id} data-testid="report-item" data-report-id={report.id} data-type={report.type}>
            <button
              type="button"
              onClick={() => onOpen(report.id)}
              aria-current={open ? 'true' : undefined}
              aria-controls={viewId}
              className={cn('block w-full px-3 py-2 text-left hover:bg-slate-50', open && 'bg-brand-50 shadow-[inset_3px_0_0] shadow-brand-600')}
            >
              <span className="block text-sm font-medium text-slate-900">{report.title}</span>
              <span className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-600">
                <Badge>{reportTypeLabels[report.type]}</Badge>
                {status.notable && <Badge tone={status.tone}>{status.label}</Badge>}
                <time dateTime={report.issuedAt}>{formatDate(report.issuedAt, timeZone)}</time>
                {report.authorName && <span>{report.authorName}</span>}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
