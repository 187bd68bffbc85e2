import { describe, expect, it } from 'vitest';
import { targetItemId } from './agenda-navigation';
import { caseTimer, formatClock } from './case-timer';
import { computeQuorum } from './quorum';
import { createSseParser, sseState } from './sse-format';
import type { LiveState } from './live-state';
import { liveViewSchema, parseStoredLiveView } from '@/lib/schemas/live-view';
import { markLiveItemSchema, goToAgendaItemSchema } from '@/lib/schemas/live-meeting';

const items = [
  { id: 'a', position: 0, status: 'DISCUSSED' },
  { id: 'b', position: 1, status: 'POSTPONED' },
  { id: 'c', position: 2, status: 'PLANNED' },
  { id: 'd', position: 3, status: 'PLANNED' },
];

describe('agenda navigation', () => {
  it('next and previous skip postponed items; the ends are conflicts', () => {
    expect(targetItemId(items, 'a', { direction: 'next' })).toBe('c');
    expect(targetItemId(items, 'c', { direction: 'previous' })).toBe('a');
    expect(targetItemId(items, null, { direction: 'next' })).toBe('a');
    expect(() => targetItemId(items, 'd', { direction: 'next' })).toThrow(/last case/);
    expect(() => targetItemId(items, 'a', { direction: 'previous' })).toThrow(/first case/);
  });
  it('jump goes to any open item of the agenda, not to a postponed or foreign one', () => {
    expect(targetItemId(items, 'a', { direction: 'jump', itemId: 'd' })).toBe('d');
    expect(() => targetItemId(items, 'a', { direction: 'jump', itemId: 'b' })).toThrow(/not on this meeting/);
    expect(() => targetItemId(items, 'a', { direction: 'jump', itemId: 'zz' })).toThrow(/not on this meeting/);
  });
});

describe('quorum', () => {
  it('lists present and missing required specialties', () => {
    expect(computeQuorum(['SURGERY', 'RADIOLOGY', 'PATHOLOGY'], ['SURGERY', null, 'UROLOGY', 'SURGERY'])).toEqual({
      required: ['SURGERY', 'RADIOLOGY', 'PATHOLOGY'],
      present: ['SURGERY'],
      missing: ['RADIOLOGY', 'PATHOLOGY'],
      met: false,
    });
    expect(computeQuorum(['SURGERY'], ['SURGERY']).met).toBe(true);
    expect(computeQuorum([], []).met).toBe(true);
  });
});

describe('case timer', () => {
  const start = '2026-11-27T10:00:00.000Z';
  const at = (s: number) => Date.parse(start) + s * 1000;
  it('is ok, then amber from 80 % of the budget, then red when overrun', () => {
    expect(caseTimer({ startedAt: start, endedAt: null, minutesAllotted: 5, now: at(60) })).toEqual({ elapsedSeconds: 60, budgetSeconds: 300, tone: 'ok' });
    expect(caseTimer({ startedAt: start, endedAt: null, minutesAllotted: 5, now: at(240) })?.tone).toBe('amber');
    expect(caseTimer({ startedAt: start, endedAt: null, minutesAllotted: 5, now: at(301) })?.tone).toBe('red');
    expect(caseTimer({ startedAt: null, endedAt: null, minutesAllotted: 5, now: at(1) })).toBeNull();
    expect(caseTimer({ startedAt: start, endedAt: '2026-11-27T10:02:00.000Z', minutesAllotted: 5, now: at(999) })?.elapsedSeconds).toBe(120);
    expect(formatClock(125)).toBe('2:05');
  });
});

describe('live view schema', () => {
  it('accepts a series, slice and window; refuses bad input with field messages', () => {
    expect(liveViewSchema.parse({ seriesInstanceUid: '1.2.840.1', sliceIndex: '3', windowWidth: 400, windowCenter: -600 })).toEqual({
      seriesInstanceUid: '1.2.840.1',
      sliceIndex: 3,
      windowWidth: 400,
      windowCenter: -600,
    });
    const bad = liveViewSchema.safeParse({ seriesInstanceUid: '<script>', sliceIndex: -1, windowWidth: 0 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path[0]).sort()).toEqual(['seriesInstanceUid', 'sliceIndex', 'windowWidth']);
    expect(parseStoredLiveView({ nonsense: true })).toBeNull();
    expect(parseStoredLiveView(null)).toBeNull();
  });
  it('a deferral needs a reason; a jump needs an item', () => {
    const id = 'c'.repeat(25);
    expect(markLiveItemSchema.safeParse({ meetingId: id, expectedSeq: 1, mark: 'DEFERRED', reason: ' ' }).success).toBe(false);
    expect(markLiveItemSchema.safeParse({ meetingId: id, expectedSeq: 1, mark: 'DEFERRED', reason: 'awaiting PET' }).success).toBe(true);
    expect(goToAgendaItemSchema.safeParse({ meetingId: id, expectedSeq: 1, direction: 'jump' }).success).toBe(false);
  });
});

describe('SSE framing', () => {
  it('round-trips a state through the parser, across arbitrary chunk boundaries, ignoring comments', () => {
    const state = { meetingId: 'm', seq: 7, items: [] } as unknown as LiveState;
    const text = `retry: 2000\n\n: heartbeat\n\n${sseState(state)}${sseState({ ...state, seq: 8 })}`;
    const parse = createSseParser();
    const events = [];
    for (let i = 0; i < text.length; i += 5) events.push(...parse(text.slice(i, i + 5)));
    expect(events.map((e) => [e.id, e.event, (JSON.parse(e.data) as LiveState).seq])).toEqual([
      ['7', 'state', 7],
      ['8', 'state', 8],
    ]);
  });
});
