import { describe, expect, it } from 'vitest';
import { chooseTargetMeeting, deadlineOf, overrideRefusal } from './deadline';

const at = (iso: string) => new Date(iso);
// Weekly Tuesday 16:00 UTC meetings, 48 h deadline → Sunday 16:00.
const meetings = [
  { id: 'm1', startsAt: at('2026-12-01T16:00:00Z'), status: 'SCHEDULED' },
  { id: 'm2', startsAt: at('2026-12-08T16:00:00Z'), status: 'SCHEDULED' },
  { id: 'm3', startsAt: at('2026-12-15T16:00:00Z'), status: 'PUBLISHED' },
];

describe('the deadline rule', () => {
  it('computes the deadline as start minus the board’s hours', () => {
    expect(deadlineOf(at('2026-12-01T16:00:00Z'), 48).toISOString()).toBe('2026-11-29T16:00:00.000Z');
  });

  it('puts an early referral on the first meeting', () => {
    const choice = chooseTargetMeeting({ meetings, submissionDeadlineHours: 48, referredAt: at('2026-11-27T09:00:00Z') });
    expect(choice).toMatchObject({ meetingId: 'm1', missed: [] });
    expect(choice!.reason).toMatch(/has not passed/);
  });

  it('accepts a referral exactly at the deadline for that meeting', () => {
    expect(chooseTargetMeeting({ meetings, submissionDeadlineHours: 48, referredAt: at('2026-11-29T16:00:00.000Z') })?.meetingId).toBe('m1');
  });

  it('sends a referral one millisecond after the deadline to the next meeting and says why', () => {
    const choice = chooseTargetMeeting({ meetings, submissionDeadlineHours: 48, referredAt: at('2026-11-29T16:00:00.001Z') });
    expect(choice).toMatchObject({ meetingId: 'm2', missed: [{ meetingId: 'm1' }] });
    expect(choice!.reason).toMatch(/has passed, so the referral goes to the next meeting/);
  });

  it('skips a cancelled meeting', () => {
    const withCancelled = [{ ...meetings[0]!, status: 'CANCELLED' }, ...meetings.slice(1)];
    expect(chooseTargetMeeting({ meetings: withCancelled, submissionDeadlineHours: 48, referredAt: at('2026-11-27T09:00:00Z') })?.meetingId).toBe('m2');
  });

  it('does not depend on the order the meetings come in', () => {
    expect(chooseTargetMeeting({ meetings: [...meetings].reverse(), submissionDeadlineHours: 48, referredAt: at('2026-11-27T09:00:00Z') })?.meetingId).toBe('m1');
  });

  it('answers null when no meeting is late enough', () => {
    expect(chooseTargetMeeting({ meetings, submissionDeadlineHours: 48, referredAt: at('2026-12-14T09:00:00Z') })).toBeNull();
    expect(chooseTargetMeeting({ meetings: [], submissionDeadlineHours: 48, referredAt: at('2026-12-14T09:00:00Z') })).toBeNull();
  });
});

describe('a coordinator’s override', () => {
  const now = at('2026-11-30T09:00:00Z'); // after m1's deadline, before it starts
  it('allows an earlier meeting than the rule chose (past its deadline but not started)', () => {
    expect(overrideRefusal({ meetings, meetingId: 'm1', now })).toBeNull();
  });
  it('allows a later meeting', () => {
    expect(overrideRefusal({ meetings, meetingId: 'm3', now })).toBeNull();
  });
  it('refuses a cancelled, started or foreign meeting', () => {
    expect(overrideRefusal({ meetings: [{ ...meetings[0]!, status: 'CANCELLED' }], meetingId: 'm1', now })).toMatch(/cancelled/);
    expect(overrideRefusal({ meetings, meetingId: 'm1', now: at('2026-12-01T16:00:00Z') })).toMatch(/started/);
    expect(overrideRefusal({ meetings, meetingId: 'other', now })).toMatch(/does not belong/);
  });
});
