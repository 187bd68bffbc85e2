'use client';
// The labs panel: newest value per analyte grouped by panel (the entity's tumor
// markers first), and the trend chart of the chosen analyte with its reference
// range and the therapy periods.
//
// Data: the page loads it on the server (audited) and passes it in. There is no
// labs endpoint yet, so it is shown as loaded; a react-query hook (lib/queries)
// can take `labs` as initialData once one exists.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { groupLabSeries, initialLabCode, shortAnalyteName } from '@/lib/case-screen/lab-groups';
import type { CaseLabsDto } from '@/lib/schemas/case-screen';
import { LabTable } from './labs/lab-table';
import { LabTrendChart } from './labs/lab-trend-chart';

export interface LabsPanelProps {
  caseId: string;
  labs: CaseLabsDto;
  entity: string;
  timeZone: string;
  /** Analyte to open first (from the timeline or ?lab=). */
  initialCode: string | null;
}

export function LabsPanel({ labs, entity, timeZone, initialCode }: LabsPanelProps) {
  const chartId = useId();
  const groups = useMemo(() => groupLabSeries(labs.series, entity), [labs.series, entity]);
  const [selected, setSelected] = useState(() => initialLabCode(groups, initialCode));
  // The timeline can ask for another analyte while the panel is open (?lab= changes).
  const [requested, setRequested] = useState(initialCode);
  if (requested !== initialCode) {
    setRequested(initialCode);
    setSelected(initialLabCode(groups, initialCode));
  }
  const series = labs.series.find((s) => s.code === selected) ?? null;

  const chartRef = useRef<HTMLDivElement>(null);
  // A link or reload with ?lab= shows the chart; later changes come from the
  // timeline, which scrolls to this panel itself.
  useEffect(() => {
    if (initialCode) chartRef.current?.scrollIntoView({ block: 'nearest' });
  }, []);

  if (groups.length === 0) return <p className="text-sm text-slate-600">No laboratory values for this patient.</p>;

  return (
    <div className="@container" data-testid="labs-panel">
      <div className="grid gap-6 @4xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <div className="min-w-0 overflow-x-auto">
          <LabTable groups={groups} selectedCode={selected} onSelect={setSelected} timeZone={timeZone} chartId={chartId} />
        </div>
        <div ref={chartRef} className="min-w-0">
          <p className="sr-only" aria-live="polite">
            {series ? `Showing the trend of ${shortAnalyteName(series)}.` : ''}
          </p>
          {series && <LabTrendChart id={chartId} series={series} therapies={labs.therapies} timeZone={timeZone} />}
        </div>
      </div>
    </div>
  );
}
