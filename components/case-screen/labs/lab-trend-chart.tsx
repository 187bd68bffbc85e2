'use client';
// The trend of one analyte: heading, the drawn plot, a caption that says in words what
// the plot shows, and every value as a table. The plot (recharts) is hidden from screen
// readers and loaded lazily, after the case screen's first image (see DeferredTrendPlot).
import dynamic from 'next/dynamic';
import { useId, useMemo } from 'react';
import { useAfterFirstImage } from '@/components/case-screen/imaging-first';
import { shortAnalyteName } from '@/lib/case-screen/lab-groups';
import { buildTrendModel, describeTrend, type TherapyBand } from '@/lib/case-screen/lab-trend';
import { formatLabValue, labFlag } from '@/lib/case-screen/lab-values';
import { formatDate } from '@/lib/format/date';
import type { LabSeriesDto, TherapyPeriodDto } from '@/lib/schemas/case-screen';
import { LabFlagBadge } from './lab-flag-badge';
import type { LabTrendPlotProps } from './lab-trend-plot';
import { TREND_PLOT_HEIGHT } from './lab-trend-style';

const therapyKindLabels: Record<TherapyPeriodDto['kind'], string> = {
  'systemic-therapy': 'Systemic therapy',
  radiotherapy: 'Radiotherapy',
  surgery: 'Surgery',
};

function PlotPlaceholder() {
  return <div aria-hidden="true" data-testid="lab-chart-pending" className="w-full animate-pulse rounded bg-slate-50" style={{ height: TREND_PLOT_HEIGHT }} />;
}

const LabTrendPlot = dynamic(() => import('./lab-trend-plot'), { ssr: false, loading: PlotPlaceholder });

/** The plot once the viewer has shown its first image (or has nothing to show). */
function DeferredTrendPlot(props: LabTrendPlotProps) {
  return useAfterFirstImage() ? <LabTrendPlot {...props} /> : <PlotPlaceholder />;
}

interface LabTrendChartProps {
  id: string;
  series: LabSeriesDto;
  therapies: TherapyPeriodDto[];
  timeZone: string;
}

export function LabTrendChart({ id, series, therapies, timeZone }: LabTrendChartProps) {
  const headingId = useId();
  const model = useMemo(() => buildTrendModel(series, therapies), [series, therapies]);
  const date = (iso: string) => formatDate(iso, timeZone);
  const name = shortAnalyteName(series);
  const summary = describeTrend(series, date);

  return (
    <figure id={id} data-testid="lab-chart" data-code={series.code} aria-labelledby={headingId} className="min-w-0 space-y-2">
      <div>
        <h3 id={headingId} className="text-base font-semibold text-slate-900">
          Trend: {name}
          {series.unit && <span className="text-sm font-normal text-slate-600"> ({series.unit})</span>}
        </h3>
        <p className="text-xs text-slate-600">
          {series.display}
          {series.loincCode && <> · LOINC {series.loincCode}</>}
        </p>
      </div>

      {model ? <DeferredTrendPlot model={model} unit={series.unit} timeZone={timeZone} /> : null}

      <figcaption className="text-sm text-slate-700">
        <p data-testid="lab-chart-summary">{summary}</p>
        {model && model.therapies.length > 0 && (
          <p className="mt-1 text-xs text-slate-600">
            Therapy periods shown:{' '}
            {model.therapies
              .map((b) => `${b.label} (${therapyKindLabels[b.kind].toLowerCase()}), ${therapyWhen(b, therapies, date)}`)
              .join('; ')}
            .
          </p>
        )}
      </figcaption>

      <details className="text-sm">
        <summary className="cursor-pointer text-brand-700 hover:text-brand-800">All {series.values.length} values as a table</summary>
        <table className="mt-2 w-full text-left text-sm">
          <caption className="sr-only">All values of {name}, oldest first</caption>
          <thead className="text-xs uppercase text-slate-600">
            <tr>
              <th scope="col" className="py-1 pr-2">Date</th>
              <th scope="col" className="pr-2">Value{series.unit ? ` (${series.unit})` : ''}</th>
              <th scope="col">Flag</th>
            </tr>
          </thead>
          <tbody>
            {series.values.map((v) => (
              <tr key={v.id} className="border-t border-slate-200">
                <td className="py-1 pr-2">
                  <time dateTime={v.effectiveAt}>{date(v.effectiveAt)}</time>
                </td>
                <td className="pr-2 tabular-nums">{formatLabValue(v)}</td>
                <td>
                  <LabFlagBadge flag={labFlag(v, series)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** "01 Feb 2025 – 10 Dec 2025", "since 01 Jan 2026", or a day for surgery; from the unclipped period. */
function therapyWhen(band: TherapyBand, therapies: TherapyPeriodDto[], date: (iso: string) => string): string {
  const period = therapies.find((t) => t.id === band.id);
  if (!period) return '';
  if (band.kind === 'surgery') return date(period.start);
  return period.end ? `${date(period.start)} – ${date(period.end)}` : `since ${date(period.start)}`;
}

