// A classifier's probability: the number, large, and a bar from 0 to 100 % (the bar repeats
// the number for the eye; screen readers get the number and the card's description).
import { formatPercent } from '@/lib/decision-support/format';
import type { ModelCardSummary } from '@/lib/schemas/inference';

export function ClassifierScore({ card, outputs }: { card: ModelCardSummary; outputs: Record<string, number[]> }) {
  // The card's first output that is not the explanation is the score (WDBC: "probability").
  const output = card.outputs.find((o) => o.name !== 'contributions' && outputs[o.name]?.length);
  const probability = output ? outputs[output.name]![0]! : null;
  if (!output || probability === null) return <p className="text-sm text-slate-600">The result has no probability to show.</p>;
  const percent = Math.min(Math.max(probability, 0), 1) * 100;
  return (
    <div data-testid="classifier-score" className="space-y-2">
      <p className="text-sm text-slate-700">{output.description}</p>
      <p className="text-3xl font-semibold tabular-nums text-slate-900" data-testid="probability">
        {formatPercent(probability)}
      </p>
      <div aria-hidden="true">
        <div className="h-3 w-full overflow-hidden rounded bg-slate-100">
          <div className="h-3 rounded bg-brand-700" style={{ width: `${percent}%` }} />
        </div>
        <div className="mt-1 flex justify-between text-xs text-slate-600">
          <span>0 %</span>
          <span>50 %</span>
          <span>100 %</span>
        </div>
      </div>
    </div>
  );
}
