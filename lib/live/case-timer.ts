// The per-case timer: time spent on the case now under discussion against its budget.

export type TimerTone = 'ok' | 'amber' | 'red';

export interface CaseTimer {
  elapsedSeconds: number;
  budgetSeconds: number;
  tone: TimerTone;
}

/** Amber from 80 % of the budget (time to wrap up), red once it is overrun. */
export function caseTimer(options: { startedAt: string | null; endedAt: string | null; minutesAllotted: number; now: number }): CaseTimer | null {
  if (!options.startedAt) return null;
  const end = options.endedAt ? Date.parse(options.endedAt) : options.now;
  const elapsedSeconds = Math.max(0, Math.floor((end - Date.parse(options.startedAt)) / 1000));
  const budgetSeconds = options.minutesAllotted * 60;
  const tone: TimerTone = elapsedSeconds > budgetSeconds ? 'red' : elapsedSeconds >= budgetSeconds * 0.8 ? 'amber' : 'ok';
  return { elapsedSeconds, budgetSeconds, tone };
}

export function formatClock(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}
