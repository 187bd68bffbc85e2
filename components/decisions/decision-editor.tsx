'use client';
// The editable decision (a draft, or an open amendment of a signed one): the form, autosave
// with its status line, the conflict view, and the chair's signature. See docs/decisions.md.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { z } from 'zod';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { cancelDecisionAmendment, signDecision } from '@/lib/actions/decisions';
import type { ActionResult } from '@/lib/actions/action-result';
import type { SavedDraft } from '@/lib/db/decisions/save-decision-draft';
import type { FieldErrors } from '@/lib/errors';
import { formatTimeOfDay } from '@/lib/format/date';
import { fetchCaseDecisions } from '@/lib/queries/case-decisions';
import { queryKeys } from '@/lib/queries/keys';
import { signableDecisionSchema, type DecisionContent } from '@/lib/schemas/decision';
import type { CaseDecisionsDto, DecisionDto, PersonDto } from '@/lib/schemas/decision-dto';
import type { CaseInferenceDto } from '@/lib/schemas/inference';
import { DecisionConflictView } from './decision-conflict-view';
import { DecisionFormFields } from './decision-form-fields';
import { SignDecisionDialog } from './sign-decision-dialog';
import { useDecisionAutosave, type SaveStatus } from './use-decision-autosave';

function SaveStatusLine({ status, timeZone }: { status: SaveStatus; timeZone: string }) {
  const text =
    status.kind === 'saving'
      ? 'Saving…'
      : status.kind === 'saved'
        ? `Saved ${formatTimeOfDay(status.at, timeZone)}`
        : status.kind === 'dirty'
          ? 'Unsaved changes…'
          : status.kind === 'error'
            ? `Not saved: ${status.message}`
            : status.kind === 'conflict'
              ? 'Not saved: someone else saved first (see below).'
              : 'All changes are saved automatically.';
  return (
    <p role="status" aria-live="polite" className={status.kind === 'error' || status.kind === 'conflict' ? 'text-sm font-medium text-red-700' : 'text-sm text-slate-700'} data-testid="decision-save-status" data-state={status.kind}>
      {text}
    </p>
  );
}

/** zod issue paths → "guideline.basis"-style keys, the same keys the form looks up. */
function issuesToFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.');
    out[key] = [...(out[key] ?? []), issue.message];
  }
  return out;
}

export interface DecisionEditorProps {
  caseId: string;
  meetingId: string;
  decision: DecisionDto;
  people: PersonDto[];
  referringUser: PersonDto;
  canSign: boolean;
  inference: CaseInferenceDto | null;
  timeZone: string;
}

export function DecisionEditor({ caseId, meetingId, decision, people, referringUser, canSign, inference, timeZone }: DecisionEditorProps) {
  const queryClient = useQueryClient();
  const key = queryKeys.caseDecisions(caseId);
  const amending = decision.status === 'AMENDING';

  // Our own save goes into the cache, so the panel's refetches see it as current, not as news.
  const onSaved = useCallback(
    (saved: SavedDraft, content: DecisionContent) => {
      queryClient.setQueryData<CaseDecisionsDto>(queryKeys.caseDecisions(caseId), (data) =>
        data ? { ...data, decisions: data.decisions.map((d) => (d.id === saved.decisionId ? { ...d, draft: content, version: saved.version, status: saved.status, updatedAt: saved.savedAt } : d)) } : data,
      );
    },
    [queryClient, caseId],
  );
  const autosave = useDecisionAutosave({ caseId, meetingId, initial: { version: decision.version, content: decision.draft }, onSaved });
  const { content, update, save, flush, status, adopt, base, dirty } = autosave;

  // A colleague's newer save arrives with a refetch: take it over when this editor has nothing unsaved.
  useEffect(() => {
    if (status.kind === 'conflict' || status.kind === 'saving') return;
    if (base.current.version !== undefined && decision.version > base.current.version && !dirty()) adopt({ version: decision.version, content: decision.draft }, false);
  }, [decision.version, decision.draft, status.kind, base, dirty, adopt]);

  // ── conflict ──
  const [theirs, setTheirs] = useState<DecisionDto | null>(null);
  const [loadingTheirs, setLoadingTheirs] = useState(false);
  const loadTheirs = useCallback(async () => {
    setLoadingTheirs(true);
    try {
      const fresh = await queryClient.fetchQuery({ queryKey: queryKeys.caseDecisions(caseId), queryFn: () => fetchCaseDecisions(caseId), staleTime: 0 });
      setTheirs(fresh.decisions.find((d) => d.meeting?.id === meetingId) ?? null);
    } finally {
      setLoadingTheirs(false);
    }
  }, [queryClient, caseId, meetingId]);
  useEffect(() => {
    if (status.kind === 'conflict') void loadTheirs();
  }, [status.kind, loadTheirs]);
  const useTheirs = () => {
    if (!theirs) return;
    adopt({ version: theirs.version, content: theirs.draft }, false);
    setTheirs(null);
  };
  const keepMine = () => {
    if (!theirs) return;
    adopt({ version: theirs.version, content: theirs.draft }, true);
    setTheirs(null);
    void save();
  };

  // ── signature and amendment ──
  const [signErrors, setSignErrors] = useState<FieldErrors>({});
  const [signOpen, setSignOpen] = useState(false);
  const [signBusy, setSignBusy] = useState(false);
  const [signMessage, setSignMessage] = useState<string | null>(null);
  const [panelMessage, setPanelMessage] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [reasonErrors, setReasonErrors] = useState<string[]>([]);

  const startSigning = async () => {
    setPanelMessage(null);
    const check = signableDecisionSchema.safeParse(content);
    if (!check.success) {
      setSignErrors(issuesToFieldErrors(check.error));
      setPanelMessage('The decision is not complete enough to sign. The fields that need attention are marked.');
      return;
    }
    setSignErrors({});
    if (!(await flush())) {
      setPanelMessage('The latest changes are not saved yet; signing waits until they are.');
      return;
    }
    setSignMessage(null);
    setReasonErrors([]);
    setSignOpen(true);
  };

  const confirmSign = async () => {
    setSignBusy(true);
    setSignMessage(null);
    let result: ActionResult<{ versionNumber: number }>;
    try {
      result = await signDecision(null, { decisionId: decision.id, expectedVersion: base.current.version!, amendmentReason: amending ? reason.trim() : undefined });
    } catch {
      result = { ok: false, code: 'INTERNAL', message: 'The server could not be reached. Nothing was signed.' };
    }
    setSignBusy(false);
    if (result.ok) {
      setSignOpen(false);
      await queryClient.invalidateQueries({ queryKey: key });
      return;
    }
    if (result.code === 'VALIDATION' && result.fieldErrors?.amendmentReason) {
      setReasonErrors(result.fieldErrors.amendmentReason);
      return;
    }
    if (result.code === 'VALIDATION') {
      setSignOpen(false);
      setSignErrors(result.fieldErrors ?? {});
      setPanelMessage(result.message);
      return;
    }
    setSignMessage(result.message);
  };

  const cancelAmendment = async () => {
    setPanelMessage(null);
    await flush();
    const result = await cancelDecisionAmendment(null, { decisionId: decision.id, expectedVersion: base.current.version! }).catch(() => ({ ok: false as const, code: 'INTERNAL' as const, message: 'The server could not be reached.' }));
    if (result.ok) await queryClient.invalidateQueries({ queryKey: key });
    else setPanelMessage(result.message);
  };

  const errors = { ...autosave.fieldErrors, ...signErrors };
  return (
    <div className="space-y-4" data-testid="decision-editor" onBlur={() => void save()}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <SaveStatusLine status={status} timeZone={timeZone} />
        {amending && (
          <Button variant="secondary" onClick={() => void cancelAmendment()}>
            Cancel amendment
          </Button>
        )}
      </div>
      {status.kind === 'conflict' && (
        <DecisionConflictView theirs={theirs} mine={content} people={people} timeZone={timeZone} loading={loadingTheirs} onUseTheirs={useTheirs} onKeepMine={keepMine} />
      )}
      <DecisionFormFields content={content} errors={errors} people={people} referringUser={referringUser} inference={inference} timeZone={timeZone} onChange={update} />
      {panelMessage && <Alert tone="error">{panelMessage}</Alert>}
      <div className="border-t border-slate-200 pt-3">
        {canSign ? (
          <Button onClick={() => void startSigning()} disabled={status.kind === 'conflict'}>
            {amending ? 'Sign amendment as chair' : 'Sign as chair'}
          </Button>
        ) : (
          <p className="text-sm text-slate-700" data-testid="chair-signs-note">
            Only the board&apos;s chair signs. The draft is saved for them as you type.
          </p>
        )}
      </div>
      {canSign && (
        <SignDecisionDialog
          open={signOpen}
          content={content}
          amending={amending}
          reason={reason}
          reasonErrors={reasonErrors}
          busy={signBusy}
          message={signMessage}
          onReasonChange={setReason}
          onConfirm={() => void confirmSign()}
          onClose={() => setSignOpen(false)}
        />
      )}
    </div>
  );
}
