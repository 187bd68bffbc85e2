'use client';
// The case screen's decision panel: every decision on the case (one per meeting), each as
// the editor (draft / open amendment, for users who may edit), read-only (coordinators), or
// signed with its history; and "Record decision" for meetings that have none yet.
//
// Data: the page reads it on the server (readCaseDecisions, audited); react-query refetches
// GET /api/cases/[caseId]/decisions (lib/queries/case-decisions.ts) after a signature, an
// amendment or a conflicting save, and every 30 s. A refetch never unmounts an editor that holds
// unsaved text: when its decision was signed meanwhile, the editor stays and shows that text
// beside the signed version until the user discards it or amends (decision-editor.tsx).
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState, type ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { saveDecisionDraft } from '@/lib/actions/decisions';
import { formatDateTime } from '@/lib/format/date';
import { useCaseDecisions } from '@/lib/queries/case-decisions';
import { queryKeys } from '@/lib/queries/keys';
import { emptyDecisionContent } from '@/lib/schemas/decision';
import type { CaseDecisionsDto, DecisionDto } from '@/lib/schemas/decision-dto';
import type { CaseInferenceDto } from '@/lib/schemas/inference';
import { DecisionContentView } from './decision-content-view';
import { DecisionEditor } from './decision-editor';
import { DecisionHistory } from './decision-history';
import { DecisionStatusBadge } from './decision-status-badge';
import { SignedDecisionView } from './signed-decision-view';

export interface DecisionPanelProps {
  caseId: string;
  initialData: CaseDecisionsDto;
  /** The decision-support panel's data (null: the actor does not see model outputs). */
  inference: CaseInferenceDto | null;
  timeZone: string;
  /** Per signed decision (by id): e.g. its protocol downloads. Rendered inside the signed view. */
  decisionExtras?: Record<string, ReactNode>;
  /** Below the decisions: e.g. decisions imported from other systems. */
  children?: ReactNode;
}

function DecisionCard({ decision, data, inference, timeZone, extras }: { decision: DecisionDto; data: CaseDecisionsDto; inference: CaseInferenceDto | null; timeZone: string; extras?: ReactNode }) {
  const zone = decision.meeting?.timeZone ?? timeZone;
  // The open editor reports whether it holds text the server does not have; while it does, a
  // SIGNED status from a refetch keeps it mounted instead of swapping in the signed view.
  const [editorHoldsText, setEditorHoldsText] = useState(false);
  const onUnsavedWork = useCallback((unsaved: boolean) => setEditorHoldsText(unsaved), []);
  const editable = data.canEdit && (decision.status !== 'SIGNED' || editorHoldsText);
  return (
    <article className="space-y-3 rounded-md border border-slate-200 p-4" data-testid="decision" data-decision-id={decision.id} data-status={decision.status} aria-label="Board decision">
      <header className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-base font-semibold text-slate-900">
          {decision.meeting ? `${decision.meeting.boardName}, ${formatDateTime(decision.meeting.startsAt, zone)}` : 'Decision'}
        </h3>
        <DecisionStatusBadge decision={decision} />
      </header>
      {decision.status === 'SIGNED' && !editable ? (
        <SignedDecisionView decision={decision} people={data.people} referringUser={data.referringUser} canAmend={data.canEdit} timeZone={zone} extras={extras} />
      ) : editable && decision.meeting ? (
        <>
          {decision.status === 'AMENDING' && (
            <Alert tone="warning">Version {decision.versions[0]?.number} stays the valid decision until the chair signs this amendment.</Alert>
          )}
          <DecisionEditor
            key={decision.id}
            caseId={data.caseId}
            meetingId={decision.meeting.id}
            decision={decision}
            people={data.people}
            referringUser={data.referringUser}
            canSign={data.canSign}
            inference={inference}
            timeZone={zone}
            canAmend={data.canEdit}
            onUnsavedWork={onUnsavedWork}
          />
        </>
      ) : (
        <div className="space-y-2" data-testid="decision-read-only">
          <p className="text-sm text-slate-700">
            {decision.status === 'AMENDING' ? 'An amendment is being prepared; ' : 'Draft, not signed; '}
            last edited {decision.lastEditedBy ? `by ${decision.lastEditedBy.name}, ` : ''}
            <time dateTime={decision.updatedAt}>{formatDateTime(decision.updatedAt, zone)}</time>.
          </p>
          <DecisionContentView content={decision.draft} people={data.people} referringUser={data.referringUser} timeZone={zone} />
        </div>
      )}
      {decision.status === 'AMENDING' && <DecisionHistory versions={decision.versions} people={data.people} referringUser={data.referringUser} timeZone={zone} />}
    </article>
  );
}

export function DecisionPanel({ caseId, initialData, inference, timeZone, decisionExtras, children }: DecisionPanelProps) {
  const { data, isRefetchError } = useCaseDecisions(caseId, initialData);
  const queryClient = useQueryClient();
  const [starting, setStarting] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const start = async (meeting: CaseDecisionsDto['openMeetings'][number]) => {
    setStarting(meeting.id);
    setMessage(null);
    // The first save creates the draft, with the meeting's attendance as the attendees.
    const result = await saveDecisionDraft(null, { caseId, meetingId: meeting.id, content: { ...emptyDecisionContent, attendeeIds: meeting.attendeeIds } }).catch(() => ({
      ok: false as const,
      code: 'INTERNAL' as const,
      message: 'The server could not be reached.',
    }));
    if (!result.ok) setMessage(result.code === 'CONFLICT' ? 'Someone else started this decision a moment ago; it is shown now.' : result.message);
    await queryClient.invalidateQueries({ queryKey: queryKeys.caseDecisions(caseId) });
    setStarting(null);
  };

  return (
    <div className="space-y-4" data-testid="decisions">
      {isRefetchError && <Alert tone="warning">The decisions could not be refreshed; what is shown may be out of date.</Alert>}
      {message && <Alert tone="info">{message}</Alert>}
      {data.decisions.length === 0 && data.openMeetings.length === 0 && <p className="text-sm text-slate-600">No decision has been recorded for this case.</p>}
      {data.decisions.map((d) => (
        <DecisionCard key={d.id} decision={d} data={data} inference={inference} timeZone={timeZone} extras={decisionExtras?.[d.id]} />
      ))}
      {data.openMeetings.length > 0 &&
        (data.canEdit ? (
          <div className="flex flex-wrap gap-2">
            {data.openMeetings.map((m) => (
              <Button key={m.id} onClick={() => void start(m)} disabled={starting !== null}>
                Record decision for {m.boardName}, {formatDateTime(m.startsAt, m.timeZone)}
              </Button>
            ))}
          </div>
        ) : (
          <p className="text-sm text-slate-600">No decision has been recorded yet for the meeting{data.openMeetings.length > 1 ? 's' : ''} this case is on.</p>
        ))}
      {children}
    </div>
  );
}
