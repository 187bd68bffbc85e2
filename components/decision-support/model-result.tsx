'use client';
// One model on the case: what it is (name, version, disclaimer, intended use, card), and its
// newest result: the score only when it was scored, otherwise why not and what to do.
import { useId } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { resultStatusLabels } from '@/lib/decision-support/format';
import type { CaseInferenceDto, CaseModelDto, InferenceResultDto, InferenceStatus } from '@/lib/schemas/inference';
import { ClassifierScore } from './classifier-score';
import { ContributionWaterfall } from './contribution-waterfall';
import { InputCompleteness } from './input-completeness';
import { ModelCardDetails } from './model-card-details';
import { NotScoredNotice } from './not-scored-notice';
import { ResultProvenance } from './result-provenance';
import { ResultReview } from './result-review';
import { SurvivalScore } from './survival-score';

const statusTones: Record<InferenceStatus, 'success' | 'warning' | 'danger'> = {
  SCORED: 'success',
  SCORED_WITH_FLAGS: 'warning',
  NOT_SCORED: 'warning',
  FAILED: 'danger',
};

interface ModelResultProps {
  caseId: string;
  model: CaseModelDto;
  can: CaseInferenceDto['can'];
  timeZone: string;
}

export function ModelResult({ caseId, model, can, timeZone }: ModelResultProps) {
  const { card, result } = model;
  const headingId = useId();
  return (
    <article
      aria-labelledby={headingId}
      data-testid="model-result"
      data-model-key={card.modelKey}
      data-status={result?.status ?? 'NOT_RUN'}
      className="min-w-0 space-y-4 rounded-md border border-slate-200 p-4"
    >
      <header className="space-y-2">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h3 id={headingId} className="text-base font-semibold text-slate-900">
            {card.name} <span className="whitespace-nowrap text-sm font-normal text-slate-600">version {card.version}</span>
          </h3>
          {result && <Badge tone={statusTones[result.status]}>{resultStatusLabels[result.status]}</Badge>}
        </div>
        {/* Always visible, whatever the result: these models are not medical devices. */}
        <div data-testid="model-disclaimer" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          <p className="font-semibold">Research use only — not a medical device.</p>
          <p className="text-xs">{card.disclaimer}</p>
        </div>
        <p className="text-sm text-slate-700">
          <span className="font-medium text-slate-900">Intended use: </span>
          {card.intendedUse}
        </p>
      </header>

      {result ? (
        <ResultBody caseId={caseId} card={model.resultCard ?? card} activeCard={card} result={result} can={can} timeZone={timeZone} />
      ) : (
        <p className="text-sm text-slate-600" data-testid="model-not-run">
          This model has not run on this case yet.{can.run ? ' “Run models now” runs it on the case’s current data.' : ''}
        </p>
      )}

      <ModelCardDetails card={card} />
    </article>
  );
}

/** `card` is the card of the version that gave the result (its horizons, kind, labels); `activeCard` the version now active. */
function ResultBody({ caseId, card, activeCard, result, can, timeZone }: { caseId: string; card: CaseModelDto['card']; activeCard: CaseModelDto['card']; result: InferenceResultDto; can: CaseInferenceDto['can']; timeZone: string }) {
  const scored = (result.status === 'SCORED' || result.status === 'SCORED_WITH_FLAGS') && result.outputs !== null;
  const otherVersion = result.modelVersionId !== activeCard.modelVersionId;
  const nonBlocking = result.flags.filter((f) => !f.blocking);
  return (
    <div className="space-y-4">
      {otherVersion && (
        <Alert tone="info">
          This result is from version {result.semver} (shown with that version&rsquo;s card); version {activeCard.version} is now active. Run the models again to see its result.
        </Alert>
      )}
      {scored ? (
        <>
          {card.kind === 'classifier' ? <ClassifierScore card={card} outputs={result.outputs!} /> : <SurvivalScore card={card} outputs={result.outputs!} />}
          {nonBlocking.length > 0 && (
            <Alert tone="warning">
              <p className="font-medium">Scored with flags:</p>
              <ul className="list-disc pl-5">
                {nonBlocking.map((flag, i) => (
                  <li key={`${flag.code}-${flag.feature ?? i}`}>{flag.message}</li>
                ))}
              </ul>
            </Alert>
          )}
          {result.contributions.length > 0 && <ContributionWaterfall card={card} result={result} />}
        </>
      ) : result.status === 'FAILED' ? (
        <Alert tone="error">
          <span data-testid="model-failed">
            The model failed on this case; no score is shown. {result.flags.find((f) => f.code === 'runtime_error')?.message ?? ''}
          </span>
        </Alert>
      ) : (
        <NotScoredNotice card={card} result={result} canRun={can.run} />
      )}
      <InputCompleteness inputs={result.inputs} timeZone={timeZone} openByDefault={!scored || result.inputs.some((i) => i.status !== 'ok')} />
      <ResultProvenance result={result} timeZone={timeZone} />
      {can.review && <ResultReview caseId={caseId} result={result} timeZone={timeZone} />}
      {!can.review && result.review && <p className="text-sm text-slate-600">Marked {result.review.mark === 'CONSIDERED' ? 'considered' : 'disagree'} by {result.review.reviewedBy.name}.</p>}
    </div>
  );
}
