// What moved the result: a waterfall from the model's average patient to this patient, one
// signed bar per input (largest first, the smallest folded into one), each labelled with the
// patient's value. A table, so the numbers are text and screen readers read rows; the bars
// are drawn with plain elements positioned by lib/decision-support/waterfall.ts.
import { useId, type ReactNode } from 'react';
import { cn } from '@/components/ui/cn';
import { formatFeatureValue, formatNumber, formatPercent, formatSigned } from '@/lib/decision-support/format';
import { layoutWaterfall, waterfallScale } from '@/lib/decision-support/waterfall';
import type { InferenceResultDto, ModelCardSummary } from '@/lib/schemas/inference';

/** Bars shown one by one before the rest is folded. */
const TOP_FEATURES = 6;

function Track({ children, baselinePercent }: { children?: ReactNode; baselinePercent: number }) {
  return (
    <div className="relative h-5 min-w-40">
      {/* The average patient's position, repeated on every row so the eye can follow it. */}
      <div className="absolute inset-y-0 border-l border-dashed border-slate-400" style={{ left: `${baselinePercent}%` }} />
      {children}
    </div>
  );
}

export function ContributionWaterfall({ card, result }: { card: ModelCardSummary; result: InferenceResultDto }) {
  const headingId = useId();
  const scale = waterfallScale(card.kind, { probability: result.outputs?.probability?.[0], contributions: result.contributions });
  const layout = layoutWaterfall({ contributions: result.contributions, baseline: scale.baseline, top: TOP_FEATURES });
  const inputs = new Map(result.inputs.map((i) => [i.name, i]));
  const labels = new Map(result.contributions.map((c) => [c.feature, c.label]));
  const patientValue = (feature: string) => {
    const input = inputs.get(feature);
    return input ? formatFeatureValue(input.value ?? input.rawValue, input.value !== null ? input.unit : input.rawUnit) : '—';
  };
  const endpoint =
    card.kind === 'classifier'
      ? result.outputs?.probability?.[0] !== undefined
        ? `probability ${formatPercent(result.outputs.probability[0])}`
        : null
      : result.outputs?.hazard_ratio?.[0] !== undefined
        ? `hazard ratio ${formatNumber(result.outputs.hazard_ratio[0], 3)}`
        : null;

  return (
    <figure aria-labelledby={headingId} data-testid="contribution-waterfall" className="space-y-2">
      <h4 id={headingId} className="text-sm font-semibold text-slate-900">
        What moved this result
      </h4>
      <p className="text-xs text-slate-600">
        Each bar is one input&apos;s share on the {scale.scale} scale, starting from the average patient of the training data. A bar to the
        right {scale.rightMeans}; to the left, the opposite. The dashed line is the average patient.
      </p>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Contributions of the inputs, largest first, on the {scale.scale} scale</caption>
        <thead className="text-xs uppercase text-slate-600">
          <tr>
            <th scope="col" className="py-1 pr-3">Input (this patient)</th>
            <th scope="col" className="w-1/2 py-1 pr-3">
              <span className="sr-only">Bar</span>
            </th>
            <th scope="col" className="py-1 text-right">Share</th>
          </tr>
        </thead>
        <tbody>
          <tr className="border-t border-slate-200" data-testid="waterfall-baseline">
            <th scope="row" className="py-1 pr-3 font-normal text-slate-700">Average patient of the training data</th>
            <td className="py-1 pr-3" aria-hidden="true">
              <Track baselinePercent={layout.baselinePercent}>
                <div className="absolute inset-y-0 w-1 -translate-x-1/2 rounded bg-slate-500" style={{ left: `${layout.baselinePercent}%` }} />
              </Track>
            </td>
            <td className="py-1 text-right tabular-nums">{formatNumber(layout.baseline, 3)}</td>
          </tr>
          {layout.bars.map((bar) => (
            <tr key={bar.key} className="border-t border-slate-200" data-testid="waterfall-bar" data-feature={bar.key} data-direction={bar.direction} data-value={bar.value}>
              <th scope="row" className="py-1 pr-3 font-normal">
                <span className="text-slate-900">{bar.label}</span>
                <span className="block text-xs text-slate-600" data-testid="waterfall-patient-value">
                  {bar.key === 'other' ? bar.features.map((f) => labels.get(f) ?? f).join(', ') : patientValue(bar.key)}
                </span>
              </th>
              <td className="py-1 pr-3" aria-hidden="true">
                <Track baselinePercent={layout.baselinePercent}>
                  <div
                    className={cn('absolute inset-y-0.5 rounded-sm', bar.direction === 'up' ? 'bg-red-600' : bar.direction === 'down' ? 'bg-sky-600' : 'bg-slate-400')}
                    style={{ left: `${bar.leftPercent}%`, width: `max(${bar.widthPercent}%, 2px)` }}
                  />
                </Track>
              </td>
              <td className="py-1 text-right tabular-nums">
                {formatSigned(bar.value)}
                <span className="sr-only">{bar.direction === 'up' ? ` (${scale.rightMeans})` : bar.direction === 'down' ? ' (lowers it)' : ''}</span>
              </td>
            </tr>
          ))}
          <tr className="border-t-2 border-slate-300" data-testid="waterfall-total">
            <th scope="row" className="py-1 pr-3 font-medium text-slate-900">This patient{endpoint ? ` (${endpoint})` : ''}</th>
            <td className="py-1 pr-3" aria-hidden="true">
              <Track baselinePercent={layout.baselinePercent}>
                <div className="absolute inset-y-0 w-1 -translate-x-1/2 rounded bg-slate-900" style={{ left: `${layout.totalPercent}%` }} />
              </Track>
            </td>
            <td className="py-1 text-right font-medium tabular-nums">{formatNumber(layout.total, 3)}</td>
          </tr>
        </tbody>
      </table>
    </figure>
  );
}
