// A decision's content, read-only: the signed view, every version in the history, and the
// draft as coordinators see it. Patient text is React text (never HTML); codes are shown with
// their system, code and display.
import type { ReactNode } from 'react';
import { guidelineLabels, intentLabels, modalityLabels, sequencingLabels } from '@/lib/decisions/decision-labels';
import { systemLabel } from '@/lib/decisions/value-sets';
import { formatDate } from '@/lib/format/date';
import type { DecisionContent } from '@/lib/schemas/decision';
import type { ConsideredResultDto, PersonDto } from '@/lib/schemas/decision-dto';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 sm:grid-cols-[12rem_minmax(0,1fr)]">
      <dt className="text-sm font-medium text-slate-700">{label}</dt>
      <dd className="whitespace-pre-wrap text-sm text-slate-900">{children}</dd>
    </div>
  );
}

const markWords = { CONSIDERED: 'considered', DISAGREE: 'disagree' } as const;

export function DecisionContentView(props: {
  content: DecisionContent;
  people: PersonDto[];
  referringUser: PersonDto;
  timeZone: string;
  /** Signed versions: the outputs with the marks copied at signing. Drafts: only the ids. */
  consideredResults?: ConsideredResultDto[];
}) {
  const { content: c, people, referringUser, timeZone, consideredResults } = props;
  const nameOf = (id: string) => people.find((p) => p.id === id)?.name ?? 'a former board member';
  return (
    <dl className="space-y-2" data-testid="decision-content">
      <Row label="Treatment intent">{c.intent ? intentLabels[c.intent] : '—'}</Row>
      <Row label="Recommendations">
        {c.recommendations.length === 0 ? (
          '—'
        ) : (
          <ol className="list-decimal space-y-2 pl-5">
            {c.recommendations.map((r) => (
              <li key={r.id} data-testid="recommendation-view">
                <span className="font-medium">{modalityLabels[r.modality]}</span>
                {r.sequencing !== 'NOT_APPLICABLE' && <span> · {sequencingLabels[r.sequencing]}</span>}
                {r.codes.length > 0 && (
                  <ul className="mt-1 space-y-0.5">
                    {r.codes.map((code) => (
                      <li key={`${code.system}|${code.code}`} data-testid="code-view" data-code={code.code}>
                        {code.display} <span className="text-xs text-slate-600">({systemLabel(code.system)} {code.code})</span>
                      </li>
                    ))}
                  </ul>
                )}
                {r.totalDoseGy !== null && (
                  <span className="block">
                    {r.totalDoseGy} Gy{r.fractions !== null ? ` in ${r.fractions} fractions` : ''}
                  </span>
                )}
                {r.trialId && <span className="block">Trial: {r.trialId}</span>}
                {r.details && <span className="block text-slate-800">{r.details}</span>}
              </li>
            ))}
          </ol>
        )}
      </Row>
      <Row label="Guideline">
        {c.guideline.basis ? guidelineLabels[c.guideline.basis] : '—'}
        {c.guideline.reference && ` · ${c.guideline.reference}`}
        {c.guideline.deviates && `\nDeviates from the guideline: ${c.guideline.deviationReason}`}
      </Row>
      <Row label="Clinical trial considered">{c.trial.considered ? `Yes${c.trial.id ? `: ${c.trial.id}` : ''}` : 'No'}</Row>
      <Row label="Patient preference">{c.patientPreference || '—'}</Row>
      <Row label="Rationale">
        <span data-testid="decision-rationale">{c.rationale || '—'}</span>
      </Row>
      <Row label="Dissents">
        {c.dissents.length === 0 ? 'None' : c.dissents.map((d, i) => <span key={i} className="block">{`${d.userId ? nameOf(d.userId) : d.name}: ${d.statement}`}</span>)}
      </Row>
      <Row label="Attendees">{c.attendeeIds.length ? c.attendeeIds.map(nameOf).join(', ') : '—'}</Row>
      <Row label="Model outputs considered">
        {consideredResults
          ? consideredResults.length === 0
            ? 'None'
            : consideredResults.map((r) => (
                <span key={r.resultId} className="block" data-testid="considered-result">
                  {r.modelName} {r.modelVersion} · {r.mark ? `marked ${markWords[r.mark]}` : 'not marked'}
                  {r.reason && `: “${r.reason}”`}
                </span>
              ))
          : c.consideredResultIds.length
            ? `${c.consideredResultIds.length} selected`
            : 'None'}
      </Row>
      <Row label="Follow-up">
        {c.followUpOwnerId ? nameOf(c.followUpOwnerId) : `${referringUser.name} (referring clinician)`}
        {' · due '}
        {c.followUpDueOn ? formatDate(`${c.followUpDueOn}T12:00:00Z`, timeZone) : '6 weeks after signing'}
      </Row>
    </dl>
  );
}
