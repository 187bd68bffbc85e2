'use client';
// The agenda down the side: each case's status and timer, the presenter's current case
// highlighted. Opening a case here detaches this screen from the presenter (the URL names the
// case); presenters also get "Present" to move everyone there.
import Link from 'next/link';
import type { LiveAgendaEntry } from '@/lib/db/live/load-live-meeting';
import type { LiveState } from '@/lib/live/live-state';
import { Badge } from '@/components/ui/badge';
import { cn } from '@/components/ui/cn';
import { CaseTimerBadge } from './case-timer-badge';

const statusLabel = { PLANNED: 'Planned', IN_DISCUSSION: 'In discussion', DISCUSSED: 'Discussed', DEFERRED: 'Deferred', POSTPONED: 'Postponed' } as const;
const statusTone = { PLANNED: 'neutral', IN_DISCUSSION: 'brand', DISCUSSED: 'success', DEFERRED: 'warning', POSTPONED: 'neutral' } as const;

export function LiveAgenda(props: {
  meetingId: string;
  agenda: LiveAgendaEntry[];
  state: LiveState;
  shownItemId: string | null;
  canJump: boolean;
  onJump: (itemId: string) => void;
  busy: boolean;
}) {
  const { meetingId, agenda, state, shownItemId, canJump, onJump, busy } = props;
  const live = new Map(state.items.map((i) => [i.id, i]));
  return (
    <nav aria-label="Agenda" data-testid="live-agenda">
      <ol className="space-y-2">
        {agenda.map((entry, index) => {
          const item = live.get(entry.itemId);
          const status = item?.status ?? 'PLANNED';
          const current = state.currentItemId === entry.itemId;
          const shown = shownItemId === entry.itemId;
          return (
            <li
              key={entry.itemId}
              data-testid="live-agenda-item"
              data-item-id={entry.itemId}
              data-status={status}
              data-current={current ? 'true' : 'false'}
              aria-current={current ? 'step' : undefined}
              className={cn('rounded-md border p-2 text-sm', current ? 'border-brand-700 bg-brand-50' : 'border-slate-200 bg-white', shown && !current && 'ring-2 ring-slate-400')}
            >
              <div className="flex items-start justify-between gap-2">
                <Link href={`/meetings/${meetingId}/live?item=${entry.itemId}`} className="font-medium text-slate-900 underline-offset-2 hover:underline" data-testid="live-agenda-open">
                  {index + 1}. {entry.patientName}
                </Link>
                {item && <CaseTimerBadge item={item} />}
              </div>
              <p className="line-clamp-2 text-xs text-slate-700">{entry.question}</p>
              <div className="mt-1 flex flex-wrap items-center gap-2">
                <Badge tone={statusTone[status]}>{statusLabel[status]}</Badge>
                {current && <span className="text-xs font-semibold text-brand-800">On screen</span>}
                {canJump && !current && status !== 'POSTPONED' && state.meetingStatus === 'LIVE' && (
                  <button type="button" className="text-xs text-brand-800 underline" disabled={busy} onClick={() => onJump(entry.itemId)}>
                    Present this case<span className="sr-only">: {entry.patientName}</span>
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
