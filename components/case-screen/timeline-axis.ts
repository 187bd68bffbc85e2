// Maps dates onto the timeline's 0..1 axis, with year (or month) ticks. Pure.
import type { TimelineItemDto } from '@/lib/schemas/case-screen';

export interface TimeAxis {
  /** 0 at the earliest item, 1 at "now" (or the latest item, whichever is later). */
  position: (iso: string) => number;
  ticks: { label: string; at: number }[];
}

const DAY = 86_400_000;

export function timeAxis(items: Pick<TimelineItemDto, 'date' | 'endDate'>[], now: Date): TimeAxis {
  const times = items.flatMap((i) => [Date.parse(i.date), ...(i.endDate ? [Date.parse(i.endDate)] : [])]).filter(Number.isFinite);
  const end = Math.max(now.getTime(), ...times);
  // A little room on both sides so the first and last dots are not cut in half.
  const rawStart = times.length ? Math.min(...times) : end - 365 * DAY;
  const span = Math.max(end - rawStart, 30 * DAY);
  const start = rawStart - span * 0.02;
  const total = end + span * 0.02 - start;
  const position = (iso: string) => Math.min(1, Math.max(0, (Date.parse(iso) - start) / total));

  const ticks: { label: string; at: number }[] = [];
  const startDate = new Date(start);
  const byMonth = total < 2 * 365 * DAY;
  const cursor = byMonth ? new Date(Date.UTC(startDate.getUTCFullYear(), startDate.getUTCMonth() + 1, 1)) : new Date(Date.UTC(startDate.getUTCFullYear() + 1, 0, 1));
  const step = byMonth ? (total < 365 * DAY ? 1 : 3) : 1;
  while (cursor.getTime() < start + total) {
    const at = (cursor.getTime() - start) / total;
    const label = byMonth ? cursor.toLocaleDateString('en-GB', { month: 'short', year: '2-digit', timeZone: 'UTC' }) : String(cursor.getUTCFullYear());
    ticks.push({ label, at });
    if (byMonth) cursor.setUTCMonth(cursor.getUTCMonth() + step);
    else cursor.setUTCFullYear(cursor.getUTCFullYear() + step);
  }
  return { position, ticks };
}
