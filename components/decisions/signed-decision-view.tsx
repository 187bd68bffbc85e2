'use client';
// A signed decision, read-only: the newest version in full, who signed it and when, its hash,
// the follow-up, and the whole version history. The only action is "Amend": nothing signed is
// edited in place (the database refuses it too; see docs/decisions.md).
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { startDecisionAmendment } from '@/lib/actions/decisions';
import { followUpStatusLabels } from '@/lib/decisions/decision-labels';
import { formatDate, formatDateTime } from '@/lib/format/date';
import { queryKeys } from '@/lib/queries/keys';
import type { DecisionDto, PersonDto } from '@/lib/schemas/decision-dto';
import { DecisionContentView } from './decision-content-view';
import { DecisionHistory } from './decision-history';

export function SignedDecisionView(props: { decision: DecisionDto; people: PersonDto[]; referringUser: PersonDto; canAmend: boolean; timeZone: string; extras?: ReactNode }) {
  const { decision, people, referringUser, canAmend, timeZone, extras } = props;
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const newest = decision.versions[0];
  if (!newest) return null;

  const amend = async () => {
    setBusy(true);
    setMessage(null);
    const result = await startDecisionAmendment(null, { decisionId: decision.id, expectedVersion: decision.version }).catch(() => ({ ok: false as const, message: 'The server could not be reached.' }));
    setBusy(false);
    if (!result.ok) setMessage(result.message);
    await queryClient.invalidateQueries({ queryKey: queryKeys.caseDecisions(decision.caseId) });
  };

  const followUp = decision.followUp;
  return (
    <div className="space-y-4" data-testid="signed-decision">
      <p className="text-sm text-slate-700" data-testid="signed-by">
        Signed by {newest.signedBy.name}, <time dateTime={newest.signedAt}>{formatDateTime(newest.signedAt, timeZone)}</time> ·{' '}
        <span className="font-mono text-xs" title={newest.contentSha256}>
          sha256 {newest.contentSha256.slice(0, 12)}…
        </span>
      </p>
      <DecisionContentView content={newest.content} consideredResults={newest.consideredResults} people={people} referringUser={referringUser} timeZone={timeZone} />
      {followUp && (
        <p className="text-sm text-slate-800" data-testid="follow-up-summary">
          Follow-up: {followUp.owner.name}, due {formatDate(`${followUp.dueOn}T12:00:00Z`, timeZone)} · {followUpStatusLabels[followUp.status]}
          {followUp.completedAt && ` (recorded ${formatDateTime(followUp.completedAt, timeZone)})`}
        </p>
      )}
      {/* Slot for the protocol downloads (and anything else per signed decision): filled by the server section. */}
      {extras}
      {message && <Alert tone="error">{message}</Alert>}
      {canAmend && (
        <Button variant="secondary" onClick={() => void amend()} disabled={busy}>
          Amend
        </Button>
      )}
      <DecisionHistory versions={decision.versions} people={people} referringUser={referringUser} timeZone={timeZone} />
    </div>
  );
}
