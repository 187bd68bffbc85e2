'use client';
// The chair's confirmation before signing: the decision summarised once more, and for an
// amendment the reason, which is stored with the new version. Native <dialog>: focus moves
// into it, Escape closes it.
import { useEffect, useId, useRef } from 'react';
import { Button } from '@/components/ui/button';
import { describeRecommendation } from '@/lib/decisions/decision-diff';
import { guidelineLabels, intentLabels } from '@/lib/decisions/decision-labels';
import type { DecisionContent } from '@/lib/schemas/decision';
import { FieldMessages } from './field-errors';

export function SignDecisionDialog(props: {
  open: boolean;
  content: DecisionContent;
  amending: boolean;
  reason: string;
  reasonErrors: string[];
  busy: boolean;
  message: string | null;
  onReasonChange: (reason: string) => void;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { open, content: c, amending, reason, reasonErrors, busy, message, onReasonChange, onConfirm, onClose } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const ids = { title: useId(), reason: useId() };
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} aria-labelledby={ids.title} onClose={onClose} className="fixed inset-0 m-auto h-fit w-full max-w-xl rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40" data-testid="sign-dialog">
      <div className="space-y-3 p-5">
        <h4 id={ids.title} className="text-lg font-semibold text-slate-900">
          {amending ? 'Sign the amendment' : 'Sign the decision'}
        </h4>
        <dl className="space-y-1 text-sm">
          <div>
            <dt className="inline font-medium">Intent: </dt>
            <dd className="inline">{c.intent ? intentLabels[c.intent] : '—'}</dd>
          </div>
          <div>
            <dt className="font-medium">Recommendations:</dt>
            <dd>
              <ol className="list-decimal pl-5">
                {c.recommendations.map((r) => (
                  <li key={r.id} className="whitespace-pre-wrap">
                    {describeRecommendation(r)}
                  </li>
                ))}
              </ol>
            </dd>
          </div>
          <div>
            <dt className="inline font-medium">Guideline: </dt>
            <dd className="inline">
              {c.guideline.basis ? guidelineLabels[c.guideline.basis] : '—'}
              {c.guideline.deviates ? ' (deviates)' : ''}
            </dd>
          </div>
          <div>
            <dt className="font-medium">Rationale:</dt>
            <dd className="whitespace-pre-wrap">{c.rationale}</dd>
          </div>
        </dl>
        {amending && (
          <div className="space-y-1">
            <label htmlFor={ids.reason} className="block text-sm font-medium text-slate-800">
              Reason for the amendment
            </label>
            <textarea
              id={ids.reason}
              rows={3}
              maxLength={2000}
              className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm aria-invalid:border-red-600"
              value={reason}
              aria-invalid={reasonErrors.length > 0 || undefined}
              aria-describedby={reasonErrors.length ? `${ids.reason}-error` : undefined}
              onChange={(e) => onReasonChange(e.target.value)}
            />
            <FieldMessages id={`${ids.reason}-error`} messages={reasonErrors} />
          </div>
        )}
        <p className="text-sm text-slate-700">
          Signing makes this version permanent: it can be corrected only by an amendment, which keeps this version beside the new one.
        </p>
        {message && (
          <p role="alert" className="text-sm text-red-700">
            {message}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button onClick={onConfirm} disabled={busy}>
            {busy ? 'Signing…' : 'Sign now'}
          </Button>
        </div>
      </div>
    </dialog>
  );
}
