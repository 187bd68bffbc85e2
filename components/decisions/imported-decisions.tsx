// Board decisions imported from other systems (FHIR CarePlans), read-only and clearly apart from
// Konsil's own: nobody signed them here. The page loads them with listImportedDecisions
// (lib/db/protocols/imported-decisions.ts). Every value is rendered as text.
import { Badge } from '@/components/ui/badge';
import { formatDateTime } from '@/lib/format/date';
import { intentLabels } from '@/lib/decisions/decision-labels';
import { guidelineText, recommendationHeading, recommendationLines } from '@/lib/protocols/describe-decision';
import type { ImportedDecisionDto } from '@/lib/schemas/imported-decision';

export function ImportedDecisions({ decisions, timeZone }: { decisions: ImportedDecisionDto[]; timeZone: string }) {
  if (decisions.length === 0) return null;
  return (
    <section aria-label="Imported decisions" className="space-y-3">
      <h3 className="text-base font-semibold text-slate-900">Imported decisions</h3>
      {decisions.map((d) => (
        <article key={d.id} className="rounded border border-dashed border-slate-300 p-3 text-sm" data-testid="imported-decision">
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-medium">{d.title}</span>
            <Badge tone="warning">Imported from {d.source} — not signed in Konsil</Badge>
            {d.supersededByVersion !== null && <Badge tone="neutral">Superseded by imported version {d.supersededByVersion}</Badge>}
          </div>
          <p className="mt-1 text-slate-600">
            {d.signedBy ? `Signed by ${d.signedBy}` : 'Signer not stated'}
            {d.signedAt ? `, ${formatDateTime(d.signedAt, timeZone)}` : ''} · intent {d.content.intent ? intentLabels[d.content.intent] : 'not stated'}
          </p>
          <ol className="mt-2 list-decimal space-y-1 pl-5">
            {d.content.recommendations.map((r) => (
              <li key={r.id}>
                <span className="font-medium">{recommendationHeading(r)}</span>
                {recommendationLines(r).map((line, i) => (
                  <span key={i} className="block text-slate-700">
                    {line}
                  </span>
                ))}
              </li>
            ))}
          </ol>
          {d.content.guideline.basis && <p className="mt-2">Guideline: {guidelineText(d.content.guideline)}</p>}
          {d.content.rationale && <p className="mt-1">Rationale: {d.content.rationale}</p>}
        </article>
      ))}
    </section>
  );
}
