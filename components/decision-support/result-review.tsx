'use client';
// A clinician's mark on a result: "Considered", or "Disagree" with a reason. Every mark is
// kept (the history below), each sent with the number of the mark the clinician saw, so a
// colleague's newer mark is a conflict to look at, never silently buried.
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/actions/action-result';
import { reviewInferenceResult } from '@/lib/actions/inference';
import { formatDateTime } from '@/lib/format/date';
import { queryKeys } from '@/lib/queries/keys';
import type { CaseInferenceDto, InferenceResultDto, InferenceReviewDto, ReviewMark } from '@/lib/schemas/inference';

/** Mirrors inferenceReviewSchema's limit; the server checks again. */
const REASON_MAX = 2000;

const markWords: Record<ReviewMark, string> = { CONSIDERED: 'Considered', DISAGREE: 'Disagree' };

/** The cached panel with this result's new mark on top of its history. */
function withReview(data: CaseInferenceDto | undefined, resultId: string, review: InferenceReviewDto): CaseInferenceDto | undefined {
  if (!data) return data;
  return {
    ...data,
    models: data.models.map((m) =>
      m.result?.id === resultId ? { ...m, result: { ...m.result, review, reviewHistory: [review, ...m.result.reviewHistory.filter((r) => r.version !== review.version)] } } : m,
    ),
  };
}

function ReviewLine({ review, timeZone }: { review: InferenceReviewDto; timeZone: string }) {
  return (
    <>
      <strong>{markWords[review.mark]}</strong> by {review.reviewedBy.name}, <time dateTime={review.reviewedAt}>{formatDateTime(review.reviewedAt, timeZone)}</time>
      {review.reason && <span className="mt-1 block whitespace-pre-wrap text-slate-700">“{review.reason}”</span>}
    </>
  );
}

export function ResultReview({ caseId, result, timeZone }: { caseId: string; result: InferenceResultDto; timeZone: string }) {
  const queryClient = useQueryClient();
  const ids = { heading: useId(), reason: useId(), reasonHint: useId(), reasonError: useId() };
  const [disagreeing, setDisagreeing] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: 'error' | 'success' | 'warning'; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const current = result.review;
  const key = queryKeys.caseInference(caseId);

  function submit(mark: ReviewMark) {
    setMessage(null);
    setReasonError(null);
    const trimmed = reason.trim();
    if (mark === 'DISAGREE') {
      if (!trimmed) return setReasonError('Say why you disagree.');
      if (trimmed.length > REASON_MAX) return setReasonError(`At most ${REASON_MAX} characters (now ${trimmed.length}).`);
    }
    startTransition(async () => {
      let outcome: ActionResult<InferenceReviewDto>;
      try {
        outcome = await reviewInferenceResult(null, { resultId: result.id, mark, reason: mark === 'DISAGREE' ? trimmed : undefined, expectedVersion: current?.version ?? 0 });
      } catch {
        outcome = { ok: false, code: 'INTERNAL', message: 'The server could not be reached. Nothing was saved; please try again.' };
      }
      if (outcome.ok) {
        const saved = outcome.data;
        queryClient.setQueryData<CaseInferenceDto>(key, (data) => withReview(data, result.id, saved));
        setDisagreeing(false);
        setReason('');
        setMessage({ tone: 'success', text: `Saved: ${markWords[saved.mark].toLowerCase()}.` });
      } else if (outcome.code === 'CONFLICT') {
        // Someone marked the result meanwhile: show theirs before anything else is sent.
        setMessage({ tone: 'warning', text: 'Someone else marked this result meanwhile. Their mark is shown now; look at it, then mark again if you still want to.' });
        await queryClient.invalidateQueries({ queryKey: key });
      } else {
        setReasonError(outcome.fieldErrors?.reason?.join(' ') ?? null);
        setMessage({ tone: 'error', text: outcome.message });
      }
    });
  }

  return (
    <section aria-labelledby={ids.heading} className="space-y-2 border-t border-slate-200 pt-3 text-sm" data-testid="result-review">
      <h4 id={ids.heading} className="font-semibold text-slate-900">
        Your review
      </h4>
      <p data-testid="current-review" data-mark={current?.mark ?? 'NONE'}>
        {current ? <ReviewLine review={current} timeZone={timeZone} /> : <span className="text-slate-600">Nobody has marked this result yet.</span>}
      </p>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {disagreeing ? (
        <div className="space-y-2">
          <label htmlFor={ids.reason} className="block font-medium text-slate-800">
            Why do you disagree?
          </label>
          <textarea
            id={ids.reason}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            rows={3}
            // The field appears because the clinician asked for it: typing goes there.
            autoFocus
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={[ids.reasonHint, reasonError ? ids.reasonError : null].filter(Boolean).join(' ')}
            className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm aria-invalid:border-red-600"
          />
          <p id={ids.reasonHint} className="text-xs text-slate-600">
            Required; at most {REASON_MAX} characters ({reason.trim().length} used). Kept with the result for the board and the audit trail.
          </p>
          {reasonError && (
            <p id={ids.reasonError} className="text-sm text-red-700">
              {reasonError}
            </p>
          )}
          <div className="flex flex-wrap gap-2">
            <Button variant="danger" onClick={() => submit('DISAGREE')} disabled={pending}>
              {pending ? 'Saving…' : 'Record disagreement'}
            </Button>
            <Button
              variant="secondary"
              onClick={() => {
                setDisagreeing(false);
                setReasonError(null);
              }}
              disabled={pending}
            >
              Cancel
            </Button>
          </div>
        </div>
      ) : (
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" onClick={() => submit('CONSIDERED')} disabled={pending}>
            Considered
          </Button>
          <Button variant="secondary" onClick={() => setDisagreeing(true)} disabled={pending}>
            Disagree…
          </Button>
        </div>
      )}
      {result.reviewHistory.length > 1 && (
        <details data-testid="review-history">
          <summary className="cursor-pointer text-brand-700 hover:text-brand-800">Earlier marks ({result.reviewHistory.length - 1})</summary>
          <ol className="mt-1 space-y-1">
            {result.reviewHistory.slice(1).map((review) => (
              <li key={review.version} data-mark={review.mark}>
                <ReviewLine review={review} timeZone={timeZone} />
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
