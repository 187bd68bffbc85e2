'use client';
// The board's shares as horizontal bars (recharts), 0–100 %. A module of its own so the
// charting library loads only on the dashboard. Hidden from screen readers: the table beside
// it carries the same numbers.
import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from 'recharts';

export interface QualityShareChartProps {
  bars: { label: string; percent: number }[];
}

export default function QualityShareChart({ bars }: QualityShareChartProps) {
  return (
    <div aria-hidden="true" className="w-full" data-testid="quality-chart">
      <BarChart data={bars} layout="vertical" responsive accessibilityLayer={false} style={{ width: '100%', height: 40 + bars.length * 32 }} margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" horizontal={false} />
        <XAxis type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tickFormatter={(v: number) => `${v} %`} tick={{ fontSize: 11, fill: '#475569' }} />
        <YAxis type="category" dataKey="label" width={220} tick={{ fontSize: 11, fill: '#334155' }} />
        <Bar dataKey="percent" fill="#1d4ed8" isAnimationActive={false} />
      </BarChart>
    </div>
  );
}
