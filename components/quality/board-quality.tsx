'use client';
// One board's figures: the table (every metric with its numerator and denominator, the
// numbers of record) and a bar chart of the shares, loaded lazily.
import dynamic from 'next/dynamic';
import type { QualityMetric } from '@/lib/schemas/quality';

const QualityShareChart = dynamic(() => import('./quality-share-chart'), {
  ssr: false,
  loading: () => <div aria-hidden="true" className="h-48 w-full animate-pulse rounded bg-slate-50" />,
});

/** The headline shares drawn in the chart (the table has all of them). */
const charted = ['implementation_rate', 'modified_share', 'not_implemented_share', 'guideline_deviation_rate', 'postponement_rate', 'attendance_rate', 'quorum_rate'];

export function formatMetricValue(metric: Pick<QualityMetric, 'unit' | 'value'>): string {
  if (metric.value === null) return '—';
  switch (metric.unit) {
    case 'count':
      return String(metric.value);
    case 'share':
      return `${(metric.value * 100).toFixed(1)} %`;
    case 'days':
      return `${metric.value.toFixed(1)} days`;
    case 'hours':
      return `${metric.value.toFixed(1)} h`;
  }
}

function basis(metric: QualityMetric): string {
  if (metric.unit === 'share') return `${metric.numerator ?? 0} of ${metric.denominator ?? 0}`;
  if (metric.unit === 'days' || metric.unit === 'hours') return `n = ${metric.denominator ?? 0}`;
  return '';
}

export function BoardQuality({ metrics }: { metrics: QualityMetric[] }) {
  const bars = metrics.filter((m) => charted.includes(m.key) && m.value !== null).map((m) => ({ label: m.label, percent: Math.round(m.value! * 1000) / 10 }));
  return (
    <div className="space-y-4">
      {bars.length > 0 && <QualityShareChart bars={bars} />}
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-xs text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-4">Metric</th>
            <th scope="col" className="py-2 pr-4 text-right">Value</th>
            <th scope="col" className="py-2 pr-4 text-right">Basis</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {metrics.map((m) => (
            <tr key={m.key} data-testid="quality-metric" data-metric={m.key}>
              <th scope="row" className="py-1.5 pr-4 font-normal text-slate-800">
                {m.label}
              </th>
              <td className="py-1.5 pr-4 text-right tabular-nums" data-testid="quality-value">
                {formatMetricValue(m)}
              </td>
              <td className="py-1.5 pr-4 text-right tabular-nums text-slate-600">{basis(m)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
