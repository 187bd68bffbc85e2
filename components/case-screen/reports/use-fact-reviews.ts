'use client';
// A clinician's confirm/reject of extracted facts: shown at once (optimistic),
// then replaced by the verdict the server saved, or rolled back with the
// server's message. The action revalidates the case page, so the header (which
// shows confirmed facts) refreshes with it.
import { useOptimistic, useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/actions/action-result';
import { reviewReportFact } from '@/lib/actions/case-annotations';
import { verdictsByFact } from '@/lib/case-screen/report-facts-view';
import type { FactReviewDto } from '@/lib/schemas/case-screen';

export type FactVerdict = FactReviewDto & { pending?: boolean };

export function useFactReviews(options: { caseId: string; reportId: string; reviews: FactReviewDto[] }) {
  const { caseId, reportId, reviews } = options;
  const [saved, setSaved] = useState<ReadonlyMap<string, FactVerdict>>(new Map());
  const [optimistic, addOptimistic] = useOptimistic(saved, (state, verdict: FactVerdict) => new Map(state).set(verdict.factKey, verdict));
  const [errors, setErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const [, startTransition] = useTransition();

  function review(factKey: string, status: FactReviewDto['status']) {
    startTransition(async () => {
      addOptimistic({ factKey, status, reviewedBy: 'you', reviewedAt: new Date().toISOString(), pending: true });
      let result: ActionResult<FactReviewDto>;
      try {
        result = await reviewReportFact(null, { caseId, reportId, factKey, status });
      } catch {
        result = { ok: false, code: 'INTERNAL', message: 'The server could not be reached. Nothing was saved; please try again.' };
      }
      startTransition(() => {
        if (result.ok) setSaved((state) => new Map(state).set(factKey, result.data));
        setErrors((state) => {
          const next = new Map(state);
          if (result.ok) next.delete(factKey);
          else next.set(factKey, result.message);
          return next;
        });
      });
    });
  }

  return { verdicts: verdictsByFact(reviews, optimistic) as Map<string, FactVerdict>, errors, review };
}
