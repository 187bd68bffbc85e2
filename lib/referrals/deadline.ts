// The submission deadline rule: a referral goes to the first meeting of its board that
// has not been cancelled and whose deadline (start minus the board's submission deadline)
// has not passed when the referral was submitted. A referral exactly at the deadline still
// makes it; one a millisecond later goes to the next meeting. The coordinator may override
// the choice with any other non-cancelled meeting of the board that has not started yet.
// Pure: no database, no clock (the caller passes `referredAt` / `now`).

export interface DeadlineMeeting {
  id: string;
  startsAt: Date;
  status: string;
}

export interface MeetingChoice {
  meetingId: string;
  startsAt: Date;
  /** startsAt − submissionDeadlineHours: the last moment a referral makes this meeting. */
  deadline: Date;
  /** Earlier meetings whose deadline had already passed (the referral was late for them). */
  missed: { meetingId: string; startsAt: Date; deadline: Date }[];
  /** People's words for the choice, shown on the form and in the inbox. */
  reason: string;
}

const HOUR_MS = 3_600_000;

export function deadlineOf(startsAt: Date, submissionDeadlineHours: number): Date {
  return new Date(startsAt.getTime() - submissionDeadlineHours * HOUR_MS);
}

/** The meeting the rule picks, or null when the board has no open meeting late enough. */
export function chooseTargetMeeting(input: { meetings: readonly DeadlineMeeting[]; submissionDeadlineHours: number; referredAt: Date }): MeetingChoice | null {
  const { submissionDeadlineHours, referredAt } = input;
  const open = input.meetings.filter((m) => m.status !== 'CANCELLED' && m.startsAt.getTime() > referredAt.getTime());
  const sorted = [...open].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const missed: MeetingChoice['missed'] = [];
  for (const meeting of sorted) {
    const deadline = deadlineOf(meeting.startsAt, submissionDeadlineHours);
    if (deadline.getTime() >= referredAt.getTime()) {
      const reason =
        missed.length === 0
          ? `The first meeting whose submission deadline (${submissionDeadlineHours} h before it starts) has not passed.`
          : `The submission deadline (${submissionDeadlineHours} h before it starts) of the earlier meeting${missed.length > 1 ? 's' : ''} has passed, so the referral goes to the next meeting.`;
      return { meetingId: meeting.id, startsAt: meeting.startsAt, deadline, missed, reason };
    }
    missed.push({ meetingId: meeting.id, startsAt: meeting.startsAt, deadline });
  }
  return null;
}

/**
 * Whether a coordinator may put a case on `meetingId` instead of the rule's choice: any meeting
 * of the board that is not cancelled, closed or already started. Returns why not, or null.
 */
export function overrideRefusal(input: { meetings: readonly DeadlineMeeting[]; meetingId: string; now: Date }): string | null {
  const meeting = input.meetings.find((m) => m.id === input.meetingId);
  if (!meeting) return 'The chosen meeting does not belong to the case’s board.';
  if (meeting.status === 'CANCELLED') return 'The chosen meeting was cancelled.';
  if (meeting.status === 'CLOSED' || meeting.status === 'LIVE') return 'The chosen meeting is already under way or over.';
  if (meeting.startsAt.getTime() <= input.now.getTime()) return 'The chosen meeting has already started.';
  return null;
}
