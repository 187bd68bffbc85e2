'use client';
// Autosave of a decision draft. Every change restarts a 1.5 s timer (and leaving a field saves
// at once); one save is in flight at a time, and a change made meanwhile is saved right after
// it. Each save carries the row version this editor last saved or loaded (`expectedVersion`;
// none for the very first save, which creates the draft). A CONFLICT stops autosaving: the
// editor shows the conflict view, and nothing is sent until the user chooses. `halt` stops it
// for good when the decision was signed (or its amendment cancelled) under the editor.
// A save that failed for a passing reason (network, server) is retried by itself with growing
// waits (autosave-retry.ts), and at once by `save`; a save unanswered for 15 s counts as failed
// (it is not cancelled), so "Saving…" never sits there for good. Leaving the page while text is
// unsaved asks first (beforeunload).
import { useCallback, useEffect, useRef, useState } from 'react';
import { saveDecisionDraft } from '@/lib/actions/decisions';
import type { ActionResult } from '@/lib/actions/action-result';
import type { SavedDraft } from '@/lib/db/decisions/save-decision-draft';
import type { FieldErrors } from '@/lib/errors';
import type { DecisionContent } from '@/lib/schemas/decision';
import { SAVE_TIMEOUT_MS, isTransient, retryDelay } from './autosave-retry';

export const AUTOSAVE_DELAY_MS = 1_500;

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  /** `retryInMs`: an automatic retry is scheduled (a passing failure); absent: waits for the user. */
  | { kind: 'error'; message: string; retryInMs?: number }
  | { kind: 'conflict'; message: string };

export interface DraftBase {
  /** The decision's row version this editor is based on; undefined = not created yet. */
  version: number | undefined;
  content: DecisionContent;
}

const same = (a: DecisionContent, b: DecisionContent) => JSON.stringify(a) === JSON.stringify(b);

export function useDecisionAutosave(options: { caseId: string; meetingId: string; initial: DraftBase; onSaved: (saved: SavedDraft, content: DecisionContent) => void }) {
  const { caseId, meetingId, onSaved } = options;
  const [content, setContent] = useState<DecisionContent>(options.initial.content);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const latest = useRef(options.initial.content);
  const base = useRef<DraftBase>(options.initial);
  const inFlight = useRef<Promise<void> | null>(null);
  const stopped = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const retries = useRef(0);
  const onSavedRef = useRef(onSaved);
  useEffect(() => {
    onSavedRef.current = onSaved;
  }, [onSaved]);
  // Unmounted (the user left the case): no retry, no late answer is applied. Set again on mount,
  // so React's development double mount does not leave the editor stopped.
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      clearTimeout(timer.current);
    };
  }, []);
  const saveRef = useRef<() => Promise<void>>(async () => {});
  // Closing the tab, reloading or typing another address while the editor holds text the server
  // has not stored (waiting for the autosave timer, saving, failed, in conflict, or signed under
  // the editor) asks first, with the browser's own "Leave site?" prompt. Navigating inside Konsil
  // does not unload the page, and clicking a link leaves the field, which saves at once.
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (same(latest.current, base.current.content)) return;
      event.preventDefault();
      event.returnValue = ''; // browsers that still want it set to show the prompt
      // If the user stays, the text is on its way already (no wait for the timer or a retry).
      void saveRef.current();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);

  const save = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    if (stopped.current || !mounted.current) return;
    // One save at a time: a change made meanwhile is saved when this one ends (below).
    if (inFlight.current) return inFlight.current;
    const snapshot = latest.current;
    const expectedVersion = base.current.version;
    if (expectedVersion !== undefined && same(snapshot, base.current.content)) return;
    setStatus({ kind: 'saving' });
    let againstNewBase = false;
    const run = (async () => {
      // A server action cannot be cancelled, and one whose request failed may never settle
      // (Next keeps it pending): past SAVE_TIMEOUT_MS the editor stops waiting for it, says so,
      // and tries again later. If that answer still arrives and nothing was saved since, it is
      // taken as this editor's save (its version becomes the base), so the retry does not
      // collide with the editor's own earlier save.
      const answer = saveDecisionDraft(null, { caseId, meetingId, expectedVersion, content: snapshot }).catch(
        (): ActionResult<SavedDraft> => ({ ok: false, code: 'INTERNAL', message: 'The server could not be reached.' }),
      );
      let timeout: ReturnType<typeof setTimeout> | undefined;
      const timedOut = new Promise<null>((resolve) => {
        timeout = setTimeout(() => resolve(null), SAVE_TIMEOUT_MS);
      });
      const first = await Promise.race([answer, timedOut]);
      clearTimeout(timeout);
      const result: ActionResult<SavedDraft> = first ?? { ok: false, code: 'INTERNAL', message: `The server has not answered for ${SAVE_TIMEOUT_MS / 1000} s.` };
      if (first === null) {
        void answer.then((late) => {
          if (!late.ok || stopped.current || !mounted.current || base.current.version !== expectedVersion) return;
          base.current = { version: late.data.version, content: snapshot };
          onSavedRef.current(late.data, snapshot);
          if (same(latest.current, snapshot) && !inFlight.current) {
            clearTimeout(timer.current);
            retries.current = 0;
            setFieldErrors({});
            setStatus({ kind: 'saved', at: late.data.savedAt });
          }
        });
      }
      if (result.ok) {
        retries.current = 0;
        base.current = { version: result.data.version, content: snapshot };
        setFieldErrors({});
        setStatus(same(latest.current, snapshot) ? { kind: 'saved', at: result.data.savedAt } : { kind: 'dirty' });
        onSavedRef.current(result.data, snapshot);
      } else if (result.code === 'CONFLICT' && base.current.version !== expectedVersion) {
        // Stale against this editor's own earlier save, whose answer came late (Next sends
        // server actions one at a time, so this one went out after it): not someone else's
        // change. Saved again below against the version that save made.
        againstNewBase = true;
      } else if (result.code === 'CONFLICT') {
        stopped.current = true;
        setStatus({ kind: 'conflict', message: result.message });
      } else if (isTransient(result.code) && !stopped.current && mounted.current) {
        // Try again by itself, later each time; typing or "Try again now" saves sooner.
        const wait = retryDelay(retries.current);
        retries.current += 1;
        setFieldErrors({});
        setStatus({ kind: 'error', message: result.message, retryInMs: wait });
        clearTimeout(timer.current);
        timer.current = setTimeout(() => void saveRef.current(), wait);
      } else {
        // Refused (e.g. invalid): nothing is sent again until the text changes.
        setFieldErrors(result.fieldErrors ?? {});
        setStatus({ kind: 'error', message: result.message });
      }
    })();
    inFlight.current = run;
    await run;
    inFlight.current = null;
    // A change arrived while saving: save it now rather than waiting for another keystroke.
    // (Only a change: text a failed save could not store is retried by the timer above, or not
    // at all when the server refused it; re-sending it at once would loop.)
    if (!stopped.current && (!same(latest.current, snapshot) || (againstNewBase && !same(latest.current, base.current.content)))) await save();
  }, [caseId, meetingId]);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const update = useCallback(
    (next: DecisionContent) => {
      latest.current = next;
      setContent(next);
      if (stopped.current) return;
      setStatus((s) => (s.kind === 'saving' ? s : { kind: 'dirty' }));
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    },
    [save],
  );

  /** Adopt a version from the server as the new base (their version, or a reload). */
  const adopt = useCallback((next: DraftBase, keepMine: boolean) => {
    base.current = next;
    if (!keepMine) {
      latest.current = next.content;
      setContent(next.content);
    }
    stopped.current = false;
    setStatus({ kind: 'idle' });
  }, []);

  /** Stops autosaving for good (the decision was signed under this editor); the typed content stays. */
  const halt = useCallback(() => {
    stopped.current = true;
    clearTimeout(timer.current);
  }, []);

  /** Saves until nothing is unsaved (before signing). False when a conflict or an error stopped it. */
  const flush = useCallback(async (): Promise<boolean> => {
    for (let i = 0; i < 5; i++) {
      if (stopped.current) return false;
      if (inFlight.current) {
        await inFlight.current;
        continue;
      }
      if (base.current.version !== undefined && same(latest.current, base.current.content)) return true;
      await save();
      if (inFlight.current === null && base.current.version !== undefined && !same(latest.current, base.current.content)) return false;
    }
    return false;
  }, [save]);

  const dirty = () => base.current.version === undefined || !same(latest.current, base.current.content);

  return { content, update, save, flush, halt, status, fieldErrors, adopt, base, dirty, latest };
}
