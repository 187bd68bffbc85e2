'use client';
// The drawn step curve of predicted survival (recharts). A module of its own so the charting
// library loads only when a curve is drawn, after the case screen's first image
// (survival-score.tsx). Hidden from screen readers: the caption and table say the same.
import { CartesianGrid, Line, LineChart, XAxis, YAxis } from 'recharts';
import { survivalTicks, type SurvivalPoint } from '@/lib/decision-support/survival-curve';
import { SURVIVAL_COLOR, SURVIVAL_PLOT_HEIGHT } from './survival-curve-style';

export interface SurvivalCurvePlotProps {
  points: SurvivalPoint[];
}

function HorizonDot({ cx, cy, payload, last }: { cx?: number; cy?: number; payload?: SurvivalPoint; last: boolean }) {
  if (cx === undefined || cy === undefined || !payload?.predicted) return <g />;
  // Below the step that follows the dot (the line runs on to the right at this level and
  // came down from above), or to its left at the last horizon, so no label crosses the line.
  return (
    <g data-testid="survival-point" data-month={payload.month} data-survival={payload.survival}>
      <circle cx={cx} cy={cy} r={4} fill="#fff" stroke={SURVIVAL_COLOR} strokeWidth={2} />
      <text x={last ? cx - 8 : cx + 8} y={cy + 15} textAnchor={last ? 'end' : 'start'} fontSize={11} fill="#334155">
        {`${Math.round(payload.survival * 100)} %`}
      </text>
    </g>
  );
}

export default function SurvivalCurvePlot({ points }: SurvivalCurvePlotProps) {
  const ticks = survivalTicks(points);
  const last = ticks[ticks.length - 1] ?? 1;
  return (
    <div aria-hidden="true" className="w-full" data-testid="survival-plot">
      <LineChart data={points} responsive accessibilityLayer={false} style={{ width: '100%', height: SURVIVAL_PLOT_HEIGHT }} margin={{ top: 20, right: 24, bottom: 4, left: 4 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
        <XAxis dataKey="month" type="number" domain={[0, last]} ticks={ticks} tickFormatter={(m: number) => `${m} mo`} tick={{ fontSize: 11, fill: '#475569' }} />
        <YAxis domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} tickFormatter={(v: number) => `${Math.round(v * 100)} %`} width={56} tick={{ fontSize: 11, fill: '#475569' }} />
        {/* stepAfter: each predicted value holds until the next horizon, where the curve steps down. */}
        <Line
          dataKey="survival"
          type="stepAfter"
          stroke={SURVIVAL_COLOR}
          strokeWidth={2}
          isAnimationActive={false}
          dot={(props: { cx?: number; cy?: number; payload?: SurvivalPoint; index?: number }) => (
            <HorizonDot key={props.index} cx={props.cx} cy={props.cy} payload={props.payload} last={props.index === points.length - 1} />
          )}
          activeDot={false}
        />
      </LineChart>
    </div>
  );
}
