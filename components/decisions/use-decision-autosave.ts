'use client';
// Autosave of a decision draft. Every change restarts a 1.5 s timer (and leaving a field saves
// at once); one save is in flight at a time, and a change made meanwhile is saved right after
// it. Each save carries the row version this editor last saved or loaded (`expectedVersion`;
// none for the very first save, which creates the draft). A CONFLICT stops autosaving: the
// editor shows the conflict view, and nothing is sent until the user chooses. `halt` stops it
// for good when the decision was signed (or its amendment cancelled) under the editor.
import { useCallback, useEffect, useRef, useState } from 'react';
import { saveDecisionDraft } from '@/lib/actions/decisions';
import type { ActionResult } from '@/lib/actions/action-result';
import type { SavedDraft } from '@/lib/db/decisions/save-decision-draft';
import type { FieldErrors } from '@/lib/errors';
import type { DecisionContent } from '@/lib/schemas/decision';

export const AUTOSAVE_DELAY_MS = 1_500;

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'error'; message: string }
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
  const again = useRef(false);
  const stopped = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const onSavedRef = useRef(onSaved);
  useEffect(() => {
    onSavedRef.current = onSaved;
  }, [onSaved]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const save = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    if (stopped.current) return;
    if (inFlight.current) {
      again.current = true;
      return inFlight.current;
    }
    const snapshot = latest.current;
    const expectedVersion = base.current.version;
    if (expectedVersion !== undefined && same(snapshot, base.current.content)) return;
    setStatus({ kind: 'saving' });
    const run = (async () => {
      let result: ActionResult<SavedDraft>;
      try {
        result = await saveDecisionDraft(null, { caseId, meetingId, expectedVersion, content: snapshot });
      } catch {
        result = { ok: false, code: 'INTERNAL', message: 'The server could not be reached.' };
      }
      if (result.ok) {
        base.current = { version: result.data.version, content: snapshot };
        setFieldErrors({});
        setStatus(same(latest.current, snapshot) ? { kind: 'saved', at: result.data.savedAt } : { kind: 'dirty' });
        onSavedRef.current(result.data, snapshot);
      } else if (result.code === 'CONFLICT') {
        stopped.current = true;
        setStatus({ kind: 'conflict', message: result.message });
      } else {
        setFieldErrors(result.fieldErrors ?? {});
        setStatus({ kind: 'error', message: result.message });
      }
    })();
    inFlight.current = run;
    await run;
    inFlight.current = null;
    // A change arrived while saving: save it now rather than waiting for another keystroke.
    if (!stopped.current && (again.current || !same(latest.current, base.current.content))) {
      again.current = false;
      if (!same(latest.current, base.current.content)) await save();
    }
  }, [caseId, meetingId]);

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
    again.current = false;
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
