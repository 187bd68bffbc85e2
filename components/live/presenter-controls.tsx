'use client';
// The presenter's controls. Shown only to those with presenter rights (the page and the live
// state decide); the server actions check the rights again and refuse everyone else.
import { useId, useState } from 'react';
import type { ActionResult } from '@/lib/actions/action-result';
import type { LiveState } from '@/lib/live/live-state';
import { Button } from '@/components/ui/button';

export interface PresenterCommands {
  start: () => Promise<ActionResult<LiveState>>;
  move: (direction: 'next' | 'previous') => Promise<ActionResult<LiveState>>;
  mark: (mark: 'DISCUSSED' | 'DEFERRED', reason?: string) => Promise<ActionResult<LiveState>>;
  end: () => Promise<ActionResult<LiveState>>;
}

export function PresenterControls(props: { state: LiveState; leadsBoard: boolean; busy: boolean; run: (command: () => Promise<ActionResult<LiveState>>) => void; commands: PresenterCommands }) {
  const { state, leadsBoard, busy, run, commands } = props;
  const [deferring, setDeferring] = useState(false);
  const [reason, setReason] = useState('');
  const reasonId = useId();
  const live = state.meetingStatus === 'LIVE';

  if (!live) {
    if (!leadsBoard || state.meetingStatus === 'CLOSED' || state.meetingStatus === 'CANCELLED') return null;
    return (
      <div className="flex flex-wrap gap-2" data-testid="presenter-controls">
        <Button onClick={() => run(commands.start)} disabled={busy}>
          Start the meeting
        </Button>
      </div>
    );
  }
  return (
    <div className="space-y-2" data-testid="presenter-controls">
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={() => run(() => commands.move('previous'))} disabled={busy}>
          Previous case
        </Button>
        <Button onClick={() => run(() => commands.move('next'))} disabled={busy}>
          Next case
        </Button>
        <Button variant="secondary" onClick={() => run(() => commands.mark('DISCUSSED'))} disabled={busy || !state.currentItemId}>
          Mark discussed
        </Button>
        <Button variant="secondary" onClick={() => setDeferring((v) => !v)} disabled={busy || !state.currentItemId} aria-expanded={deferring}>
          Defer…
        </Button>
        {leadsBoard && (
          <Button variant="danger" onClick={() => run(commands.end)} disabled={busy}>
            End the meeting
          </Button>
        )}
      </div>
      {deferring && (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            run(async () => {
              const result = await commands.mark('DEFERRED', reason);
              if (result.ok) {
                setDeferring(false);
                setReason('');
              }
              return result;
            });
          }}
        >
          <div className="min-w-64 flex-1">
            <label htmlFor={reasonId} className="block text-sm font-medium text-slate-800">
              Why is the case deferred?
            </label>
            <input id={reasonId} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} required className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
          </div>
          <Button type="submit" disabled={busy}>
            Defer the case
          </Button>
        </form>
      )}
    </div>
  );
}
