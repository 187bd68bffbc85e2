'use client';
import { useEffect, useState } from 'react';
import { caseTimer, formatClock } from '@/lib/live/case-timer';
import type { LiveItemState } from '@/lib/live/live-state';
import { cn } from '@/components/ui/cn';

const toneClass = { ok: 'bg-slate-100 text-slate-800', amber: 'bg-amber-100 text-amber-900', red: 'bg-red-100 text-red-800' } as const;

/** Elapsed vs budget for one agenda item; ticks every second while the case is under discussion. */
export function CaseTimerBadge({ item }: { item: LiveItemState }) {
  const running = item.discussionStartedAt !== null && item.discussionEndedAt === null;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  const timer = caseTimer({ startedAt: item.discussionStartedAt, endedAt: item.discussionEndedAt, minutesAllotted: item.minutesAllotted, now });
  if (!timer) return <span className="text-xs text-slate-600">{item.minutesAllotted} min</span>;
  return (
    <span
      className={cn('rounded px-1.5 py-0.5 font-mono text-xs', toneClass[timer.tone])}
      data-testid="case-timer"
      data-tone={timer.tone}
      title={timer.tone === 'red' ? 'Over the time budget' : timer.tone === 'amber' ? 'Nearly at the time budget' : 'Within the time budget'}
    >
      {formatClock(timer.elapsedSeconds)} / {item.minutesAllotted}:00
      {timer.tone === 'red' && <span className="sr-only"> (over budget)</span>}
    </span>
  );
}
