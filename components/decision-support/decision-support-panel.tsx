'use client';
// The case screen's decision-support panel: every model that applies to the case's tumour
// entity, each with its newest result (score, explanation, inputs, provenance, review).
//
// Data: the page loads it on the server (listCaseInference, audited) and react-query
// refreshes it by polling GET /api/cases/[caseId]/inference (lib/queries/case-inference.ts),
// so an automatic run or a colleague's mark shows up while the screen is open. A run or a
// review from this screen puts the server's answer into the same cache.
import { Alert } from '@/components/ui/alert';
import { useCaseInference } from '@/lib/queries/case-inference';
import type { CaseInferenceDto } from '@/lib/schemas/inference';
import { ModelResult } from './model-result';
import { RunModelsButton } from './run-models-button';

export interface DecisionSupportPanelProps {
  caseId: string;
  initialData: CaseInferenceDto;
  timeZone: string;
}

export function DecisionSupportPanel({ caseId, initialData, timeZone }: DecisionSupportPanelProps) {
  const { data, isRefetchError } = useCaseInference(caseId, initialData);
  return (
    <div className="space-y-4" data-testid="decision-support">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <p className="max-w-3xl text-sm text-slate-700">
          Research models that apply to this case&apos;s tumour entity, run on the case&apos;s own data. They are aids for
          discussion, not recommendations: each says what it was trained on and where it stops.
        </p>
        {data.can.run && data.models.length > 0 && <RunModelsButton caseId={caseId} />}
      </div>
      {isRefetchError && <Alert tone="warning">The results could not be refreshed; what is shown may be out of date.</Alert>}
      {data.models.length === 0 ? (
        <p className="text-sm text-slate-600">No decision-support model applies to this case&apos;s tumour entity.</p>
      ) : (
        <div className="grid gap-4 2xl:grid-cols-2">
          {data.models.map((model) => (
            <ModelResult key={model.card.modelKey} caseId={caseId} model={model} can={data.can} timeZone={timeZone} />
          ))}
        </div>
      )}
    </div>
  );
}
