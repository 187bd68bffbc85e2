// A version's run statistics: how often it ran, how fast (scored runs), and how often it
// could not score, was flagged or failed (shares of all its runs), and how its outputs fared in
// signed board decisions (marked considered / disagree, of the outputs the board took into account).
import { formatDateTime } from '@/lib/format/date';
import type { ModelVersionDto } from '@/lib/schemas/inference';

const ms = (v: number | null) => (v === null ? '—' : `${v < 1 ? v.toFixed(3) : v.toFixed(1)} ms`);
const share = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)} %`);

export function ModelVersionStats({ stats, timeZone }: { stats: ModelVersionDto['stats']; timeZone: string }) {
  const items: [string, string][] = [
    ['Runs', String(stats.runs)],
    ['Latency p50 / p95', `${ms(stats.latencyP50Ms)} / ${ms(stats.latencyP95Ms)}`],
    ['Not scored', share(stats.notScoredShare)],
    ['Scored with flags', share(stats.flaggedShare)],
    ['Failed', share(stats.failedShare)],
    ['Last run', stats.lastRunAt ? formatDateTime(stats.lastRunAt, timeZone) : 'never'],
    [
      'Agreement with board decisions',
      stats.consideredInDecisions === 0
        ? 'not yet in a signed decision'
        : `${share(stats.markedConsideredShare)} considered, ${share(stats.markedDisagreeShare)} disagree (${stats.consideredInDecisions} in decisions)`,
    ],
  ];
  return (
    <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-3 xl:grid-cols-6" data-testid="model-stats">
      {items.map(([label, value]) => (
        <div key={label}>
          <dt className="text-xs text-slate-600">{label}</dt>
          <dd className="tabular-nums text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
