'use client';
// The owner's answer to "was the recommendation carried out?": an outcome, a coded reason when
// it was modified or not implemented (the select appears only then), and a note. The task's
// row version travels with it, so an answer given elsewhere meanwhile is a conflict, not lost.
import { useId, useState } from 'react';
import { ActionForm } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { Field, Select } from '@/components/ui/field';
import { completeFollowUpTask } from '@/lib/actions/follow-ups';
import { followUpOutcomes, followUpReasons, type FollowUpOutcome } from '@/lib/schemas/decision';
import { followUpReasonLabels, followUpStatusLabels, type FollowUpTaskDto } from '@/lib/schemas/follow-up';

export function CompleteFollowUpForm({ task }: { task: FollowUpTaskDto }) {
  const id = useId();
  const [outcome, setOutcome] = useState<FollowUpOutcome | null>(task.status === 'OPEN' ? null : task.status);
  const needsReason = outcome !== null && outcome !== 'IMPLEMENTED';
  return (
    <ActionForm action={completeFollowUpTask} label={`Outcome for ${task.pseudonym}`} className="space-y-3">
      {({ fieldErrors, pending }) => (
        <>
          <input type="hidden" name="taskId" value={task.id} />
          <input type="hidden" name="expectedVersion" value={task.version} />
          <fieldset className="space-y-1" aria-describedby={fieldErrors.outcome ? `${id}-outcome-error` : undefined}>
            <legend className="text-sm font-medium text-slate-800">Was the recommendation carried out?</legend>
            <div className="flex flex-wrap gap-4">
              {followUpOutcomes.map((value) => (
                <label key={value} className="inline-flex items-center gap-2 text-sm text-slate-900">
                  <input type="radio" name="outcome" value={value} checked={outcome === value} onChange={() => setOutcome(value)} required />
                  {followUpStatusLabels[value]}
                </label>
              ))}
            </div>
            {fieldErrors.outcome && (
              <p id={`${id}-outcome-error`} className="text-sm text-red-700">
                {fieldErrors.outcome.join(' ')}
              </p>
            )}
          </fieldset>
          {needsReason && (
            <Field id={`${id}-reason`} label="Reason" errors={fieldErrors.reason}>
              {(describedBy, invalid) => (
                <Select id={`${id}-reason`} name="reason" defaultValue={task.reason ?? ''} aria-describedby={describedBy} aria-invalid={invalid || undefined}>
                  <option value="">Choose a reason…</option>
                  {followUpReasons.map((reason) => (
                    <option key={reason} value={reason}>
                      {followUpReasonLabels[reason]}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          )}
          <Field id={`${id}-note`} label="Note (optional; required for “Other”)" errors={fieldErrors.note}>
            {(describedBy, invalid) => (
              <textarea
                id={`${id}-note`}
                name="note"
                rows={2}
                maxLength={2000}
                defaultValue={task.note ?? ''}
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
                className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm aria-invalid:border-red-600"
              />
            )}
          </Field>
          <Button type="submit" disabled={pending || outcome === null}>
            {task.status === 'OPEN' ? 'Record outcome' : 'Save correction'}
          </Button>
        </>
      )}
    </ActionForm>
  );
}
