// Every signed version of a decision, newest first: who signed, when, why (amendments), the
// content hash, and the content itself on demand. Older versions are marked superseded; none
// is ever changed or removed (decision_versions is append-only in the database).
import { Badge } from '@/components/ui/badge';
import { formatDateTime } from '@/lib/format/date';
import type { DecisionVersionDto, PersonDto } from '@/lib/schemas/decision-dto';
import { DecisionContentView } from './decision-content-view';

export function DecisionHistory(props: { versions: DecisionVersionDto[]; people: PersonDto[]; referringUser: PersonDto; timeZone: string }) {
  const { versions, people, referringUser, timeZone } = props;
  return (
    <section aria-label="Version history" className="space-y-2">
      <h4 className="text-sm font-semibold text-slate-900">Version history</h4>
      <ol className="space-y-2" data-testid="decision-history">
        {versions.map((v, i) => (
          <li key={v.number} className="rounded-md border border-slate-200 p-3 text-sm" data-testid="decision-version" data-number={v.number} data-superseded={i > 0 ? 'true' : 'false'}>
            <p className="flex flex-wrap items-center gap-2">
              <strong>Version {v.number}</strong>
              {i === 0 ? <Badge tone="success">valid</Badge> : <Badge tone="neutral">superseded</Badge>}
              <span>
                signed by {v.signedBy.name}, <time dateTime={v.signedAt}>{formatDateTime(v.signedAt, timeZone)}</time>
              </span>
              <span className="font-mono text-xs text-slate-600" title={v.contentSha256}>
                sha256 {v.contentSha256.slice(0, 12)}…
              </span>
            </p>
            {v.amendmentReason && (
              <p className="mt-1 whitespace-pre-wrap" data-testid="amendment-reason">
                Amendment reason: {v.amendmentReason}
              </p>
            )}
            <details className="mt-2">
              <summary className="cursor-pointer text-brand-800">Show version {v.number}</summary>
              <div className="mt-2">
                <DecisionContentView content={v.content} consideredResults={v.consideredResults} people={people} referringUser={referringUser} timeZone={timeZone} />
              </div>
            </details>
          </li>
        ))}
      </ol>
    </section>
  );
}
