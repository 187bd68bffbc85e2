// A result that was not scored shows no number at all: which inputs stopped it, in the
// run's own words, and what would fill each one.
import { blockingInputs, notScoredHeadline } from '@/lib/decision-support/input-guidance';
import type { InferenceResultDto, ModelCardSummary } from '@/lib/schemas/inference';

export function NotScoredNotice({ card, result, canRun }: { card: ModelCardSummary; result: InferenceResultDto; canRun: boolean }) {
  const blocking = blockingInputs(result.inputs, card.features);
  return (
    <div data-testid="not-scored" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
      <p className="font-semibold" data-testid="not-scored-headline">
        {notScoredHeadline(blocking)}
      </p>
      <p>The model was not run on incomplete or unusable data, so there is no score to show.</p>
      {blocking.length > 0 && (
        <ul className="list-disc space-y-1 pl-5">
          {blocking.map((input) => (
            <li key={input.name} data-input={input.name}>
              {input.note ?? input.label}
              {input.todo && <span className="block">What to do: {input.todo}</span>}
            </li>
          ))}
        </ul>
      )}
      {canRun && <p>Then use “Run models now”.</p>}
    </div>
  );
}
