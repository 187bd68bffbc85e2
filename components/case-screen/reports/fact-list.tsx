'use client';
import { useId } from 'react';
import { Badge } from '@/components/ui/badge';
import { cn } from '@/components/ui/cn';
import { assertionLabels, groupFacts, type ReportFact } from '@/lib/case-screen/report-facts-view';
import { formatDateTime } from '@/lib/format/date';
import type { FactVerdict } from './use-fact-reviews';

interface FactListProps {
  facts: readonly ReportFact[];
  text: string;
  verdicts: ReadonlyMap<string, FactVerdict>;
  errors: ReadonlyMap<string, string>;
  canAnnotate: boolean;
  onReview: (factKey: string, status: FactVerdict['status']) => void;
  activeKey: string | null;
  onActivate: (key: string | null) => void;
  /** Focus (keyboard): highlight and scroll the source into view. */
  onReveal: (key: string) => void;
  timeZone: string;
}

/** The facts read from the report, grouped by kind, each with its assertion, evidence and verdict. */
export function FactList({ facts, ...rest }: FactListProps) {
  const headingId = useId();
  const groups = groupFacts(facts);
  return (
    <section aria-labelledby={headingId} className="space-y-3" data-testid="report-facts">
      <h4 id={headingId} className="text-sm font-semibold text-slate-900">
        Extracted facts
      </h4>
      {groups.length === 0 ? (
        <p className="text-sm text-slate-600">No facts recognised in this report.</p>
      ) : (
        groups.map((group) => (
          <div key={group.kind}>
            <h5 className="text-xs font-semibold uppercase tracking-wide text-slate-600">{group.heading}</h5>
            <ul className="mt-1 space-y-2">
              {group.facts.map((fact) => (
                <FactItem key={fact.key} fact={fact} mentions={group.mentions[fact.key] ?? 1} {...rest} />
              ))}
            </ul>
          </div>
        ))
      )}
      <p className="text-xs text-slate-600">Read from the text by rules; a clinician confirms a value before it counts.</p>
    </section>
  );
}

function FactItem({
  fact,
  text,
  verdicts,
  errors,
  canAnnotate,
  onReview,
  activeKey,
  onActivate,
  onReveal,
  timeZone,
  mentions,
}: Omit<FactListProps, 'facts'> & { fact: ReportFact; mentions: number }) {
  const verdict = verdicts.get(fact.key);
  const error = errors.get(fact.key);
  const assertion = assertionLabels[fact.assertion];
  const active = activeKey === fact.key;
  const evidence = text.slice(fact.span.start, fact.span.end);
  const describedBy = useId();
  return (
    <li
      data-testid="report-fact"
      data-fact-key={fact.key}
      data-fact-kind={fact.kind}
      data-assertion={fact.assertion}
      data-verdict={verdict?.status ?? 'NONE'}
      data-active={active ? 'true' : undefined}
      // Focusable so keyboard users can point at a fact and see its source in the text.
      tabIndex={0}
      aria-describedby={describedBy}
      onMouseEnter={() => onActivate(fact.key)}
      onMouseLeave={() => onActivate(null)}
      onFocus={() => onReveal(fact.key)}
      onBlur={() => onActivate(null)}
      className={cn('rounded-md border border-slate-200 p-2 text-sm', active && 'border-brand-600 bg-brand-50')}
    >
      <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
        <span className="font-medium text-slate-900">{fact.label}</span>{' '}
        <span data-testid="fact-value" className="text-slate-900">
          {fact.value}
        </span>{' '}
        <span title={assertion.explanation}>
          <Badge tone={assertion.tone}>
            <span data-testid="fact-assertion">{assertion.label}</span>
          </Badge>
        </span>
      </div>
      <div id={describedBy} className="mt-1 space-y-0.5 text-xs text-slate-600">
        {evidence !== fact.value && (
          <p>
            Text: <q className="text-slate-800">{evidence}</q>
          </p>
        )}
        {fact.cue && fact.assertion !== 'present' && (
          <p>
            {fact.assertion === 'negated' ? 'Negated by' : 'Hedged by'} <q className="text-slate-800">{fact.cue.text}</q>
          </p>
        )}
        {mentions > 1 && <p data-testid="fact-mentions">Mentioned {mentions} times in this report (first mention highlighted).</p>}
        <p title={`${assertion.explanation} The rule that found it: ${fact.rule}.`}>
          Rule <code className="text-slate-700">{fact.rule}</code>
        </p>
      </div>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <VerdictText verdict={verdict} timeZone={timeZone} />
        {canAnnotate && (
          <span className="ml-auto flex gap-1">
            <ReviewButton fact={fact} status="CONFIRMED" verdict={verdict} onReview={onReview} />
            <ReviewButton fact={fact} status="REJECTED" verdict={verdict} onReview={onReview} />
          </span>
        )}
      </div>
      {error && (
        <p role="alert" className="mt-2 rounded border border-red-300 bg-red-50 px-2 py-1 text-xs text-red-900">
          Not saved: {error}
        </p>
      )}
    </li>
  );
}

function VerdictText({ verdict, timeZone }: { verdict: FactVerdict | undefined; timeZone: string }) {
  if (!verdict) return <span data-testid="fact-verdict" className="text-xs text-slate-600">Not reviewed</span>;
  const confirmed = verdict.status === 'CONFIRMED';
  return (
    <span data-testid="fact-verdict" className="flex flex-wrap items-center gap-1 text-xs text-slate-600">
      <Badge tone={confirmed ? 'success' : 'danger'}>
        <span aria-hidden="true" className="mr-1">{confirmed ? '✓ ' : '✕ '}</span>
        {confirmed ? 'Confirmed' : 'Rejected'}
      </Badge>{' '}
      {verdict.pending ? (
        <span>saving…</span>
      ) : (
        <span>
          by {verdict.reviewedBy}, <time dateTime={verdict.reviewedAt}>{formatDateTime(verdict.reviewedAt, timeZone)}</time>
        </span>
      )}
    </span>
  );
}

function ReviewButton({
  fact,
  status,
  verdict,
  onReview,
}: {
  fact: ReportFact;
  status: FactVerdict['status'];
  verdict: FactVerdict | undefined;
  onReview: FactListProps['onReview'];
}) {
  const confirm = status === 'CONFIRMED';
  const chosen = verdict?.status === status;
  return (
    <button
      type="button"
      aria-pressed={chosen}
      aria-label={`${confirm ? 'Confirm' : 'Reject'} ${fact.label} ${fact.value}`}
      disabled={verdict?.pending}
      onClick={() => onReview(fact.key, status)}
      className={cn(
        'rounded border px-2 py-0.5 text-xs font-medium disabled:cursor-wait disabled:opacity-60',
        chosen
          ? confirm
            ? 'border-green-700 bg-green-700 text-white'
            : 'border-red-700 bg-red-700 text-white'
          : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-100',
      )}
    >
      {confirm ? 'Confirm' : 'Reject'}
    </button>
  );
}
