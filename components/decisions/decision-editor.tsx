'use client';
// The editable decision (a draft, or an open amendment of a signed one): the form, autosave
// with its status line, the conflict view, and the chair's signature. See docs/decisions.md.
//
// Typed text is never dropped by a refetch: the panel keeps this editor mounted while it holds
// unsaved work (onUnsavedWork), and when the decision turns SIGNED under it the form gives way
// to the "signed meanwhile" view with the user's text. While the sign dialog is open a
// colleague's newer save is not adopted, so the chair signs what the dialog shows; the server
// refuses that signature as stale, and the editor then shows the current content.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { z } from 'zod';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { cancelDecisionAmendment, signDecision, startDecisionAmendment } from '@/lib/actions/decisions';
import type { ActionResult } from '@/lib/actions/action-result';
import type { SavedDraft } from '@/lib/db/decisions/save-decision-draft';
import type { FieldErrors } from '@/lib/errors';
import { DRAFT_CONFLICT_MESSAGE } from '@/lib/decisions/draft-conflict';
import { fetchCaseDecisions } from '@/lib/queries/case-decisions';
import { queryKeys } from '@/lib/queries/keys';
import { signableDecisionSchema, type DecisionContent } from '@/lib/schemas/decision';
import type { CaseDecisionsDto, DecisionDto, PersonDto } from '@/lib/schemas/decision-dto';
import type { CaseInferenceDto } from '@/lib/schemas/inference';
import { DecisionConflictView } from './decision-conflict-view';
import { DecisionFormFields } from './decision-form-fields';
import { DecisionSignedMeanwhileView } from './decision-signed-meanwhile-view';
import { mergeUnsavedChanges } from './merge-unsaved-changes';
import { SaveStatusLine } from './save-status-line';
import { SignDecisionDialog } from './sign-decision-dialog';
import { useDecisionAutosave, type SaveStatus } from './use-decision-autosave';

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
  /** The user may open an amendment (decisions.edit): offered when the decision was signed under unsaved text. */
  canAmend: boolean;
  /** Told whether the editor holds text the server does not have (typed, saving, failed or in conflict). */
  onUnsavedWork: (unsaved: boolean) => void;
}

const UNSAVED_KINDS = new Set<SaveStatus['kind']>(['dirty', 'saving', 'error', 'conflict']);

export function DecisionEditor({ caseId, meetingId, decision, people, referringUser, canSign, inference, timeZone, canAmend, onUnsavedWork }: DecisionEditorProps) {
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
  const { content, update, save, flush, halt, status, adopt, base, dirty, latest } = autosave;

  // Set once React runs this editor in the browser: typing into the server-rendered form before
  // that could be undone by hydration. Tests wait for it (data-interactive) before they type.
  const [interactive, setInteractive] = useState(false);
  useEffect(() => setInteractive(true), []);

  const unsaved = UNSAVED_KINDS.has(status.kind);
  useEffect(() => onUnsavedWork(unsaved), [unsaved, onUnsavedWork]);

  // The panel only keeps this editor mounted on a SIGNED decision while it holds unsaved text:
  // nothing more may be saved, and the form gives way to the "signed meanwhile" view.
  const signedUnderMe = decision.status === 'SIGNED';
  useEffect(() => {
    if (signedUnderMe) halt();
  }, [signedUnderMe, halt]);
  // Signed versions when this editor opened: more now = signed under it, as many = amendment cancelled.
  const [versionsAtStart] = useState(decision.versions.length);

  // ── signature and amendment (state read by the adoption below) ──
  const [signOpen, setSignOpen] = useState(false);

  // A colleague's newer save arrives with a refetch: take it over when this editor has nothing
  // unsaved, and never while the sign dialog is open (the chair signs what the dialog shows).
  useEffect(() => {
    if (status.kind === 'conflict' || status.kind === 'saving' || signOpen || signedUnderMe) return;
    if (base.current.version !== undefined && decision.version > base.current.version && !dirty()) adopt({ version: decision.version, content: decision.draft }, false);
  }, [decision.version, decision.draft, status.kind, signOpen, signedUnderMe, base, dirty, adopt]);

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
  // "Theirs" is exactly what this editor holds (typically its own save that answered too late,
  // after a retry had been sent): nothing to choose, take its version and go on. Only for a
  // stale-version conflict on this same decision in the same state: a signature or a new
  // amendment meanwhile is news, and the other CONFLICT answers are not about versions.
  useEffect(() => {
    if (status.kind !== 'conflict' || status.message !== DRAFT_CONFLICT_MESSAGE || !theirs) return;
    const sameState = theirs.id === decision.id && theirs.status === decision.status && theirs.versions.length === decision.versions.length;
    if (sameState && JSON.stringify(theirs.draft) === JSON.stringify(latest.current)) {
      adopt({ version: theirs.version, content: theirs.draft }, true);
      setTheirs(null);
    }
  }, [status, theirs, decision.id, decision.status, decision.versions.length, adopt, latest]);
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
    // The version the dialog shows: adoption is paused while it is open, so this is what is summarised.
    const shownVersion = base.current.version!;
    let result: ActionResult<{ versionNumber: number }>;
    try {
      result = await signDecision(null, { decisionId: decision.id, expectedVersion: shownVersion, amendmentReason: amending ? reason.trim() : undefined });
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
    if (result.code === 'CONFLICT') {
      // Someone saved after the dialog opened: close it; with the dialog closed the adoption
      // above takes over the current content once the refetch brings it.
      const fresh = await queryClient.fetchQuery({ queryKey: key, queryFn: () => fetchCaseDecisions(caseId), staleTime: 0 }).catch(() => null);
      const current = fresh?.decisions.find((d) => d.id === decision.id);
      if (current && current.version !== shownVersion) {
        setSignOpen(false);
        setPanelMessage('The decision changed while you were signing; review it and sign again.');
        return;
      }
    }
    setSignMessage(result.message);
  };

  // ── signed (or amendment cancelled) under unsaved text ──
  const [amendBusy, setAmendBusy] = useState(false);
  const discardMine = () => {
    const signed = decision.versions[0]?.content ?? decision.draft;
    // Nothing unsaved any more: the panel shows the signed view in place of this editor.
    adopt({ version: decision.version, content: signed }, false);
  };
  const amendWithMine = async () => {
    setAmendBusy(true);
    setPanelMessage(null);
    const mine = latest.current;
    const mineBase = base.current.content;
    const signed = decision.versions[0]?.content ?? decision.draft;
    const result = await startDecisionAmendment(null, { decisionId: decision.id, expectedVersion: decision.version }).catch(() => ({
      ok: false as const,
      code: 'INTERNAL' as const,
      message: 'The server could not be reached. Your text is still here.',
    }));
    setAmendBusy(false);
    if (!result.ok) {
      setPanelMessage(result.message);
      await queryClient.invalidateQueries({ queryKey: key });
      return;
    }
    // The amendment starts from the signed content; the user's changed fields go on top and are
    // saved as usual. The cache learns of the amendment now, in the same render, so this
    // editor is never shown a SIGNED decision with no unsaved text in between.
    queryClient.setQueryData<CaseDecisionsDto>(key, (data) =>
      data ? { ...data, decisions: data.decisions.map((d) => (d.id === decision.id ? { ...d, status: 'AMENDING', version: result.data.version, draft: signed } : d)) } : data,
    );
    adopt({ version: result.data.version, content: signed }, false);
    update(mergeUnsavedChanges(mineBase, mine, signed));
    await queryClient.invalidateQueries({ queryKey: key });
  };

  const cancelAmendment = async () => {
    setPanelMessage(null);
    await flush();
    const result = await cancelDecisionAmendment(null, { decisionId: decision.id, expectedVersion: base.current.version! }).catch(() => ({ ok: false as const, code: 'INTERNAL' as const, message: 'The server could not be reached.' }));
    if (result.ok) await queryClient.invalidateQueries({ queryKey: key });
    else setPanelMessage(result.message);
  };

  const errors = { ...autosave.fieldErrors, ...signErrors };
  if (signedUnderMe) {
    return (
      <div className="space-y-4" data-testid="decision-editor" data-state="signed-meanwhile">
        <DecisionSignedMeanwhileView
          decision={decision}
          mine={content}
          people={people}
          timeZone={timeZone}
          cancelled={decision.versions.length <= versionsAtStart}
          canAmend={canAmend}
          busy={amendBusy}
          onDiscard={discardMine}
          onAmend={() => void amendWithMine()}
        />
        {panelMessage && <Alert tone="error">{panelMessage}</Alert>}
      </div>
    );
  }
  return (
    <div className="space-y-4" data-testid="decision-editor" data-interactive={interactive || undefined} onBlur={() => void save()}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <SaveStatusLine status={status} timeZone={timeZone} onRetry={() => void save()} />
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
