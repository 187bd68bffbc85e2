'use client';
// The drawn part of a lab trend (recharts): values over time, the reference range as a
// shaded band, therapy periods as shaded vertical bands with labels that never overprint.
// A module of its own so the charting library is loaded only when a trend is drawn, and
// only after the case screen's first image (lab-trend-chart.tsx): the board looks at the
// image first, and recharts' JavaScript must not compete with the viewer's for the CPU.
import { useEffect, useMemo, useRef, useState } from 'react';
import { CartesianGrid, Line, LineChart, Rectangle, ReferenceArea, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { TooltipContentProps } from 'recharts';
import { formatTick, layoutBandLabels, mergeSameDaySurgeries, timeTicks, type BandLabel, type TherapyBand, type TrendModel, type TrendPoint } from '@/lib/case-screen/lab-trend';
import { formatLabNumber } from '@/lib/case-screen/lab-values';
import { formatDate } from '@/lib/format/date';
import { LabFlagBadge } from './lab-flag-badge';
import { TREND_COLORS as COLORS, TREND_PLOT_HEIGHT } from './lab-trend-style';

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

export interface LabTrendPlotProps {
  model: TrendModel;
  unit: string | null;
  timeZone: string;
}

export default function LabTrendPlot({ model, unit, timeZone }: LabTrendPlotProps) {
  const ticks = useMemo(() => timeTicks(model.xDomain), [model]);
  const drawnTherapies = useMemo(() => mergeSameDaySurgeries(model.therapies), [model]);
  const [plotRef, width] = useWidth<HTMLDivElement>();
  const labels = useMemo(
    () => new Map(layoutBandLabels(drawnTherapies, { domain: model.xDomain, plotWidthPx: width - Y_AXIS_WIDTH - MARGIN.left - MARGIN.right }).map((l) => [l.id, l])),
    [model, drawnTherapies, width],
  );
  const labelRows = Math.max(0, ...[...labels.values()].map((l) => l.row + 1));
  return (
        // Hidden from assistive technology: the figure's caption and table say the same.
        <div aria-hidden="true" className="w-full" ref={plotRef}>
          <LineChart
            data={model.points}
            responsive
            accessibilityLayer={false}
            style={{ width: '100%', height: TREND_PLOT_HEIGHT }}
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
            <Tooltip content={(props: TooltipContentProps) => <TrendTooltip {...props} unit={unit} timeZone={timeZone} />} />
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
  );
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
