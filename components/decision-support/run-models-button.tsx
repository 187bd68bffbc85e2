'use client';
// "Run models now": every applicable model on the case's current data (action runCaseModels,
// ON_DEMAND). The action answers with the panel's fresh state, which replaces what is shown.
import { useQueryClient } from '@tanstack/react-query';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/actions/action-result';
import { runCaseModels } from '@/lib/actions/inference';
import { queryKeys } from '@/lib/queries/keys';
import type { CaseInferenceDto } from '@/lib/schemas/inference';

export function RunModelsButton({ caseId }: { caseId: string }) {
  const queryClient = useQueryClient();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  function run() {
    setOutcome(null);
    startTransition(async () => {
      let result: ActionResult<CaseInferenceDto>;
      try {
        result = await runCaseModels(null, { caseId });
      } catch {
        result = { ok: false, code: 'INTERNAL', message: 'The server could not be reached. Nothing was run; please try again.' };
      }
      if (result.ok) queryClient.setQueryData(queryKeys.caseInference(caseId), result.data);
      setOutcome({ ok: result.ok, text: result.ok ? (result.message ?? 'The models ran.') : result.message });
    });
  }

  return (
    <div className="flex flex-col items-end gap-1">
      <Button onClick={run} disabled={pending} aria-describedby="run-models-status" data-testid="run-models">
        {pending ? 'Running models…' : 'Run models now'}
      </Button>
      <p id="run-models-status" role="status" className={outcome && !outcome.ok ? 'text-sm text-red-700' : 'text-sm text-slate-600'}>
        {pending ? 'Running the models on the case’s current data…' : (outcome?.text ?? '')}
      </p>
    </div>
  );
}
