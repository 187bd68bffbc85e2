'use client';
// The live view's client half: follows the presenter. On every state it receives, a screen
// that is following and shows another case than the presenter's asks the server for the page
// again (router.refresh), which renders the presenter's case in the middle. A detached screen
// (the URL names a case: ?item=) stays where it is and offers to rejoin.
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition, type ReactNode } from 'react';
import { endLiveMeeting, goToAgendaItem, markLiveItem, startLiveMeeting } from '@/lib/actions/live-meeting';
import type { ActionResult } from '@/lib/actions/action-result';
import type { LiveMeetingDto } from '@/lib/db/live/load-live-meeting';
import type { LiveState } from '@/lib/live/live-state';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { LiveAgenda } from './live-agenda';
import { LiveAttendance } from './live-attendance';
import { PresenterControls, type PresenterCommands } from './presenter-controls';
import { useLiveState } from './use-live-state';

const statusText = { SCHEDULED: 'Not started', PUBLISHED: 'Not started', LIVE: 'Live', CLOSED: 'Ended', CANCELLED: 'Cancelled' } as const;

export function LiveMeetingView(props: {
  meeting: Omit<LiveMeetingDto, 'state'>;
  serverState: LiveState;
  actorId: string;
  canPresent: boolean;
  /** The agenda item whose case the server rendered in `children`. */
  shownItemId: string | null;
  detached: boolean;
  timeZone: string;
  children: ReactNode;
}) {
  const { meeting, serverState, actorId, canPresent, shownItemId, detached, timeZone, children } = props;
  const { meetingId } = meeting;
  const router = useRouter();
  const { state, connection, adopt } = useLiveState(meetingId, serverState);
  const [refreshing, startRefresh] = useTransition();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const requested = useRef<string | null>(null);

  // Follow: the presenter's case differs from the one on this screen → fetch the page again.
  useEffect(() => {
    if (detached || state.currentItemId === shownItemId) return;
    const key = `${state.seq}:${state.currentItemId}`;
    if (requested.current === key) return;
    requested.current = key;
    startRefresh(() => router.refresh());
  }, [detached, state.seq, state.currentItemId, shownItemId, router]);

  const currentItem = state.items.find((i) => i.id === state.currentItemId) ?? null;
  const drives = canPresent && (meeting.leadsBoard || currentItem?.presenterId === actorId);
  const presenterEntry = meeting.agenda.find((a) => a.itemId === state.currentItemId) ?? null;

  const run = (command: () => Promise<ActionResult<LiveState>>) => {
    setBusy(true);
    setMessage(null);
    void command()
      .then((result) => {
        if (result.ok) adopt(result.data);
        else setMessage(result.message);
      })
      .catch(() => setMessage('The server could not be reached. Try again.'))
      .finally(() => setBusy(false));
  };
  const commands: PresenterCommands = {
    start: () => startLiveMeeting(null, { meetingId }),
    move: (direction) => goToAgendaItem(null, { meetingId, expectedSeq: state.seq, direction }),
    mark: (mark, reason) => markLiveItem(null, { meetingId, expectedSeq: state.seq, mark, reason }),
    end: () => endLiveMeeting(null, { meetingId, expectedSeq: state.seq }),
  };
  const jump = (itemId: string) => run(() => goToAgendaItem(null, { meetingId, expectedSeq: state.seq, direction: 'jump', itemId }));
  const rejoin = () => router.push(`/meetings/${meetingId}/live`);

  return (
    <div className="grid gap-4 xl:grid-cols-[18rem_minmax(0,1fr)]" data-testid="live-meeting" data-seq={state.seq} data-following={detached ? 'false' : 'true'}>
      <aside className="space-y-4">
        <div>
          <h1 className="text-lg font-semibold text-slate-900">{meeting.boardName}</h1>
          <p className="text-sm text-slate-700">
            <span data-testid="live-status" data-status={state.meetingStatus}>
              {statusText[state.meetingStatus]}
            </span>
            {' · '}
            <span data-testid="live-connection" data-connection={connection}>
              {connection === 'open' ? 'connected' : connection === 'connecting' ? 'connecting…' : 'reconnecting…'}
            </span>
          </p>
        </div>
        <LiveAgenda meetingId={meetingId} agenda={meeting.agenda} state={state} shownItemId={shownItemId} canJump={drives} onJump={jump} busy={busy} />
        <LiveAttendance state={state} timeZone={timeZone} />
      </aside>
      <section aria-label="Case on screen" className="min-w-0 space-y-3">
        {drives && <PresenterControls state={state} leadsBoard={meeting.leadsBoard} busy={busy} run={run} commands={commands} />}
        {message && <Alert tone="error">{message}</Alert>}
        {detached && (
          <div className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-950" data-testid="rejoin-prompt" role="status">
            <span>
              You are looking at another case.
              {presenterEntry && state.currentItemId !== shownItemId ? ` The presenter is on ${presenterEntry.patientName}.` : ''}
            </span>
            <Button onClick={rejoin}>Rejoin the presenter</Button>
          </div>
        )}
        <div data-testid="live-case" data-item-id={shownItemId ?? ''} aria-busy={refreshing}>
          {children}
        </div>
      </section>
    </div>
  );
}
