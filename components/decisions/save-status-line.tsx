'use client';
// The autosave's one line of status above the decision form: what is saved, what is not and
// why, and while a failed save waits to be tried again, a button to try at once.
import { Button } from '@/components/ui/button';
import { formatTimeOfDay } from '@/lib/format/date';
import type { SaveStatus } from './use-decision-autosave';

function statusText(status: SaveStatus, timeZone: string): string {
  switch (status.kind) {
    case 'saving':
      return 'Saving…';
    case 'saved':
      return `Saved ${formatTimeOfDay(status.at, timeZone)}`;
    case 'dirty':
      return 'Unsaved changes…';
    case 'error':
      return status.retryInMs === undefined
        ? `Not saved: ${status.message}`
        : `Not saved: ${status.message} Your text stays here; trying again in ${Math.round(status.retryInMs / 1000)} s.`;
    case 'conflict':
      return 'Not saved: someone else saved first (see below).';
    case 'idle':
      return 'All changes are saved automatically.';
  }
}

export function SaveStatusLine({ status, timeZone, onRetry }: { status: SaveStatus; timeZone: string; onRetry: () => void }) {
  const failed = status.kind === 'error' || status.kind === 'conflict';
  return (
    <div className="flex flex-wrap items-center gap-2">
      <p role="status" aria-live="polite" className={failed ? 'text-sm font-medium text-red-700' : 'text-sm text-slate-700'} data-testid="decision-save-status" data-state={status.kind}>
        {statusText(status, timeZone)}
      </p>
      {status.kind === 'error' && status.retryInMs !== undefined && (
        <Button variant="secondary" onClick={onRetry}>
          Try again now
        </Button>
      )}
    </div>
  );
}
