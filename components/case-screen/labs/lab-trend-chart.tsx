'use client';
// The trend of one analyte: its values over time, the reference range as a
// shaded band and therapy periods as shaded vertical bands. The chart itself is
// hidden from screen readers; the figure's caption says what it shows and the
// values are also offered as a table.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { CartesianGrid, Line, LineChart, Rectangle, ReferenceArea, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { TooltipContentProps } from 'recharts';
import { shortAnalyteName } from '@/lib/case-screen/lab-groups';
import { buildTrendModel, describeTrend, formatTick, layoutBandLabels, mergeSameDaySurgeries, timeTicks, type BandLabel, type TherapyBand, type TrendPoint } from '@/lib/case-screen/lab-trend';
import { formatLabNumber, formatLabValue, labFlag } from '@/lib/case-screen/lab-values';
import { formatDate } from '@/lib/format/date';
import type { LabSeriesDto, TherapyPeriodDto } from '@/lib/schemas/case-screen';
import { LabFlagBadge } from './lab-flag-badge';

const COLORS = {
  line: '#175668', // brand-700
  flagged: '#b91c1c', // red-700
  reference: '#16a34a', // green-600
  'systemic-therapy': '#7c3aed', // violet-600
  radiotherapy: '#d97706', // amber-600
  surgery: '#475569', // slate-600
} as const;

const therapyKindLabels: Record<TherapyPeriodDto['kind'], string> = {
  'systemic-therapy': 'Systemic therapy',
  radiotherapy: 'Radiotherapy',
  surgery: 'Surgery',
};

/** Room the y axis and the chart margins take from the chart's width. */
const Y_AXIS_WIDTH = 52;
const MARGIN = { top: 8, right: 16, bottom: 4, left: 4 };
/** Height of one row of therapy labels above the plot. */
const LABEL_ROW = 14;

/** The element's width, kept up to date (band labels are laid out in pixels). */
function useWidth<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(entry?.contentRect.width ?? 0));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

/** The shaded reference range, wrapped so tests (and people inspecting the DOM) can find it. */
function ReferenceBandShape(props: Record<string, unknown>) {
  return (
    <g data-testid="lab-reference-band">
      <Rectangle {...props} />
    </g>
  );
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
  const ticks = useMemo(() => (model ? timeTicks(model.xDomain) : null), [model]);
  const drawnTherapies = useMemo(() => (model ? mergeSameDaySurgeries(model.therapies) : []), [model]);
  const [plotRef, width] = useWidth<HTMLDivElement>();
  const labels = useMemo(
    () => new Map(model ? layoutBandLabels(drawnTherapies, { domain: model.xDomain, plotWidthPx: width - Y_AXIS_WIDTH - MARGIN.left - MARGIN.right }).map((l) => [l.id, l]) : []),
    [model, drawnTherapies, width],
  );
  const labelRows = Math.max(0, ...[...labels.values()].map((l) => l.row + 1));
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

      {model && ticks ? (
        // Hidden from assistive technology: the caption and the table below say the same.
        <div aria-hidden="true" className="w-full" ref={plotRef}>
          <LineChart
            data={model.points}
            responsive
            accessibilityLayer={false}
            style={{ width: '100%', height: 260 }}
            // Room above the plot for the rows of therapy labels in use.
            margin={{ ...MARGIN, top: MARGIN.top + labelRows * LABEL_ROW }}
          >
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis
              dataKey="t"
              type="number"
              domain={model.xDomain}
              ticks={ticks.ticks}
              tickFormatter={(t: number) => formatTick(t, ticks.unit, timeZone)}
              allowDataOverflow
              tick={{ fontSize: 11, fill: '#475569' }}
            />
            <YAxis
              domain={model.yDomain}
              tickFormatter={(v: number) => formatLabNumber(v)}
              allowDataOverflow
              width={Y_AXIS_WIDTH}
              tick={{ fontSize: 11, fill: '#475569' }}
            />
            {model.referenceBand && (
              <ReferenceArea
                y1={model.referenceBand.y1}
                y2={model.referenceBand.y2}
                ifOverflow="hidden"
                fill={COLORS.reference}
                fillOpacity={0.14}
                stroke="none"
                shape={ReferenceBandShape}
                label={{ value: 'Reference range', position: 'insideBottomRight', fontSize: 11, fill: '#166534' }}
              />
            )}
            {drawnTherapies.map((band) => (
              <TherapyMark key={band.id} band={band} label={labels.get(band.id) ?? null} />
            ))}
            <Tooltip content={(props: TooltipContentProps) => <TrendTooltip {...props} unit={series.unit} timeZone={timeZone} />} />
            <Line
              dataKey="value"
              type="linear"
              stroke={COLORS.line}
              strokeWidth={2}
              isAnimationActive={false}
              dot={(props: { cx?: number; cy?: number; payload?: TrendPoint; index?: number }) => (
                <TrendDot key={props.payload?.id ?? props.index} cx={props.cx} cy={props.cy} point={props.payload} />
              )}
              activeDot={{ r: 6 }}
            />
          </LineChart>
        </div>
      ) : null}

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

function TherapyMark({ band, label }: { band: TherapyBand; label: BandLabel | null }) {
  const color = COLORS[band.kind];
  // Rows of labels above the plot (row 0 nearest), laid out so they never overprint (layoutBandLabels).
  const text = label
    ? {
        position: 'insideTopLeft' as const,
        offset: 4,
        content: (props: { x?: number | string; y?: number | string }) => (
          <text x={Number(props.x)} y={Number(props.y) - 4 - (label.row + 1) * LABEL_ROW} dominantBaseline="hanging" fontSize={11} fill={color}>
            {label.text}
          </text>
        ),
      }
    : undefined;
  if (band.kind === 'surgery') {
    return <ReferenceLine x={band.x1} stroke={color} strokeDasharray="4 3" ifOverflow="hidden" label={text} />;
  }
  return <ReferenceArea x1={band.x1} x2={band.x2} ifOverflow="hidden" fill={color} fillOpacity={0.1} stroke="none" label={text} />;
}

function TrendDot({ cx, cy, point }: { cx?: number; cy?: number; point?: TrendPoint }) {
  if (cx === undefined || cy === undefined || !point) return <g />;
  const flagged = point.flag !== null;
  // Flagged values are larger and red; the tooltip and table say the flag in words.
  return <circle cx={cx} cy={cy} r={flagged ? 4.5 : 3} fill={flagged ? COLORS.flagged : '#fff'} stroke={flagged ? COLORS.flagged : COLORS.line} strokeWidth={2} />;
}

function TrendTooltip({ active, payload, unit, timeZone }: TooltipContentProps & { unit: string | null; timeZone: string }) {
  const point = active ? (payload?.[0]?.payload as TrendPoint | undefined) : undefined;
  if (!point) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow">
      <div className="text-slate-600">{formatDate(point.effectiveAt, timeZone)}</div>
      <div className="text-sm font-semibold text-slate-900 tabular-nums">
        {formatLabNumber(point.value)}
        {unit && <span className="font-normal text-slate-600"> {unit}</span>}
      </div>
      {point.flag && <LabFlagBadge flag={point.flag} className="mt-1" />}
    </div>
  );
}
