'use client';
// A survival model's result: the predicted survival at the card's horizons as a step curve
// (recharts, loaded lazily after the case screen's first image, like the lab trend) and as a
// table, and the hazard ratio versus the average patient of the training data in words.
import dynamic from 'next/dynamic';
import { useId } from 'react';
import { useAfterFirstImage } from '@/components/case-screen/imaging-first';
import { formatNumber, formatPercent } from '@/lib/decision-support/format';
import { describeSurvival, monthsLabel, survivalCurvePoints } from '@/lib/decision-support/survival-curve';
import type { ModelCardSummary } from '@/lib/schemas/inference';
import type { SurvivalCurvePlotProps } from './survival-curve-plot';
import { SURVIVAL_PLOT_HEIGHT } from './survival-curve-style';

function PlotPlaceholder() {
  return <div aria-hidden="true" data-testid="survival-plot-pending" className="w-full animate-pulse rounded bg-slate-50" style={{ height: SURVIVAL_PLOT_HEIGHT }} />;
}

const SurvivalCurvePlot = dynamic(() => import('./survival-curve-plot'), { ssr: false, loading: PlotPlaceholder });

function DeferredSurvivalPlot(props: SurvivalCurvePlotProps) {
  return useAfterFirstImage() ? <SurvivalCurvePlot {...props} /> : <PlotPlaceholder />;
}

/** "42 % higher hazard" / "18 % lower hazard" / "the same hazard". */
function hazardWords(hr: number): string {
  const change = Math.round(Math.abs(hr - 1) * 100);
  if (change === 0) return 'about the same hazard as the average patient';
  return `${change} % ${hr > 1 ? 'higher' : 'lower'} hazard than the average patient`;
}

export function SurvivalScore({ card, outputs }: { card: ModelCardSummary; outputs: Record<string, number[]> }) {
  const headingId = useId();
  const points = survivalCurvePoints(card.horizonsMonths, outputs.survival);
  const hazardRatio = outputs.hazard_ratio?.[0];
  const survivalOutput = card.outputs.find((o) => o.name === 'survival');
  const hazardOutput = card.outputs.find((o) => o.name === 'hazard_ratio');
  return (
    <div className="space-y-3" data-testid="survival-score">
      {points ? (
        <figure aria-labelledby={headingId} data-testid="survival-curve" className="space-y-2">
          <h4 id={headingId} className="text-sm font-semibold text-slate-900">
            Predicted survival
          </h4>
          <DeferredSurvivalPlot points={points} />
          <figcaption className="text-sm text-slate-700">
            <p data-testid="survival-summary">{describeSurvival(points)}</p>
            <p className="mt-1 text-xs text-slate-600">
              The model predicts at {points.filter((p) => p.predicted).map((p) => monthsLabel(p.month)).join(', ')} only; the steps join those values.
              {survivalOutput ? ` ${survivalOutput.description}` : ''}
            </p>
          </figcaption>
          <table className="w-full max-w-sm text-left text-sm" data-testid="survival-table">
            <caption className="sr-only">Predicted survival at each horizon</caption>
            <thead className="text-xs uppercase text-slate-600">
              <tr>
                <th scope="col" className="py-1 pr-4">After</th>
                <th scope="col" className="py-1">Predicted event-free</th>
              </tr>
            </thead>
            <tbody>
              {points
                .filter((p) => p.predicted)
                .map((p) => (
                  <tr key={p.month} data-month={p.month} className="border-t border-slate-200">
                    <th scope="row" className="py-1 pr-4 font-normal">{monthsLabel(p.month)}</th>
                    <td className="py-1 tabular-nums">{formatPercent(p.survival)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </figure>
      ) : (
        <p className="text-sm text-slate-600">The result has no survival values at the card&apos;s horizons.</p>
      )}
      {hazardRatio !== undefined && (
        <p className="text-sm text-slate-800" data-testid="hazard-ratio">
          Hazard ratio versus the average patient of the training data:{' '}
          <strong className="tabular-nums">{formatNumber(hazardRatio, 3)}</strong> ({hazardWords(hazardRatio)}).
          {hazardOutput && <span className="block text-xs text-slate-600">{hazardOutput.description}</span>}
        </p>
      )}
    </div>
  );
}
