import { describe, expect, it } from 'vitest';
import { pastMeetingStart } from './demo-past-meeting';

describe('pastMeetingStart', () => {
  const now = new Date('2026-11-27T12:28:00Z'); // a Friday, after a 12:00 meeting

  it('is a week before the next meeting when that one is days away', () => {
    expect(pastMeetingStart(new Date('2026-12-01T15:00:00Z'), now).toISOString()).toBe('2026-11-24T15:00:00.000Z');
  });

  it('goes back another week when a week before the next meeting is today or later (the meeting day, after its start)', () => {
    // Next meeting a full week away: a week before it is today 12:00, not over for a day and a half.
    expect(pastMeetingStart(new Date('2026-12-04T12:00:00Z'), now).toISOString()).toBe('2026-11-20T12:00:00.000Z');
    // And one that would start later today.
    expect(pastMeetingStart(new Date('2026-12-04T15:00:00Z'), now).toISOString()).toBe('2026-11-20T15:00:00.000Z');
  });

  it('signs its decisions before yesterday, so a follow-up due yesterday is never due before the signature', () => {
    for (let h = 0; h < 24 * 7; h += 1) {
      const next = new Date(now.getTime() + h * 3_600_000 + 60_000);
      const signedLatest = new Date(pastMeetingStart(next, now).getTime() + 2 * 3_600_000); // last case discussed, then signed
      const yesterday = new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
      expect(signedLatest.toISOString().slice(0, 10) <= yesterday, next.toISOString()).toBe(true);
    }
  });
});
