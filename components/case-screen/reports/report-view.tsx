'use client';
import { useId, useMemo, useRef, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { reportStatusInfo, reportTypeLabels } from '@/lib/case-screen/report-list';
import { formatDateTime } from '@/lib/format/date';
import { extractReportFacts } from '@/lib/report-facts';
import type { CaseReportDto } from '@/lib/schemas/case-screen';
import { FactList } from './fact-list';
import { HighlightedText } from './highlighted-text';
import { useFactReviews } from './use-fact-reviews';

/**
 * One report: its text with the extracted facts highlighted, and the facts beside
 * it. Facts are extracted here from the same text the server re-checks when a
 * verdict is saved, so the keys agree.
 */
export function ReportView({
  id,
  report,
  caseId,
  canAnnotate,
  timeZone,
}: {
  id: string;
  report: CaseReportDto;
  caseId: string;
  canAnnotate: boolean;
  timeZone: string;
}) {
  const titleId = useId();
  const facts = useMemo(() => extractReportFacts(report.text), [report.text]);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const textRef = useRef<HTMLDivElement>(null);
  // A fact reached by keyboard shows its source even when the text box has scrolled past it.
  function revealFact(key: string) {
    setActiveKey(key);
    const box = textRef.current;
    const mark = [...(box?.querySelectorAll<HTMLElement>('mark[data-fact-key]') ?? [])].find((m) => m.dataset.factKey === key);
    if (!box || !mark) return;
    // Scroll the text box only (scrollIntoView would move the page away from the focused fact).
    const outer = box.getBoundingClientRect();
    const inner = mark.getBoundingClientRect();
    if (inner.top < outer.top || inner.bottom > outer.bottom) box.scrollTop += inner.top - outer.top - outer.height / 3;
  }
  const { verdicts, errors, review } = useFactReviews({ caseId, reportId: report.id, reviews: report.reviews });
  const status = reportStatusInfo(report.status);
  const conclusion = report.conclusion?.trim();
  // Most senders repeat the conclusion in the text; show it apart only when they do not.
  const showConclusion = conclusion && !report.text.includes(conclusion);

  return (
    <article id={id} aria-labelledby={titleId} data-testid="report-view" data-report-id={report.id} className="min-w-0 space-y-3">
      <header>
        <h3 id={titleId} className="text-base font-semibold text-slate-900">
          {report.title}
        </h3>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-600">
          <Badge>{reportTypeLabels[report.type]}</Badge>
          <Badge tone={status.tone}>{status.label}</Badge>
          <time dateTime={report.issuedAt}>{formatDateTime(report.issuedAt, timeZone)}</time>
          {report.authorName && <span>{report.authorName}</span>}
        </p>
      </header>
      <div className="grid gap-4 @3xl:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="min-w-0">
          <div
            ref={textRef}
            data-testid="report-text"
            className="max-h-[32rem] overflow-auto rounded-md border border-slate-200 bg-slate-50 p-3 font-mono text-[0.8125rem] leading-relaxed break-words whitespace-pre-wrap text-slate-900"
            // Scrollable, so keyboard users must be able to reach it.
            tabIndex={0}
            role="region"
            aria-label={`Text of ${report.title}`}
          >
            <HighlightedText text={report.text} facts={facts} activeKey={activeKey} onActivate={setActiveKey} />
          </div>
          {showConclusion && (
            <div className="mt-3">
              <h4 className="text-sm font-semibold text-slate-900">Conclusion</h4>
              <p className="text-sm whitespace-pre-wrap text-slate-900">{conclusion}</p>
            </div>
          )}
        </div>
        <FactList
          facts={facts}
          text={report.text}
          verdicts={verdicts}
          errors={errors}
          canAnnotate={canAnnotate}
          onReview={review}
          activeKey={activeKey}
          onActivate={setActiveKey}
          onReveal={revealFact}
          timeZone={timeZone}
        />
      </div>
    </article>
  );
}
