'use server';
// The coordinator's meeting schedule: generate meetings from a board's recurrence, move one,
// cancel one (its cases go to the next meeting). Each names the meeting version it saw.
import { createAction } from './create-action';
import { cancelMeetingSchema, generateMeetingsSchema, moveMeetingSchema } from '@/lib/schemas/meeting-schedule';
import { cancelMeeting as cancelMeetingRecord } from '@/lib/db/meeting-schedule/cancel-meeting';
import { generateMeetings as generateMeetingsRecord } from '@/lib/db/meeting-schedule/generate-meetings';
import { moveMeeting as moveMeetingRecord } from '@/lib/db/meeting-schedule/move-meeting';

const WEEK_MS = 7 * 86_400_000;

export const generateMeetings = createAction({
  name: 'meetings.generate',
  permission: 'meetings.manage',
  input: generateMeetingsSchema,
  handler: ({ actor, input }) => generateMeetingsRecord({ actor, boardId: input.boardId, until: new Date(Date.now() + input.weeks * WEEK_MS) }),
  revalidate: ({ input }) => [`/boards/${input.boardId}`, '/meetings'],
  successMessage: 'Meetings generated.',
});

export const moveMeeting = createAction({
  name: 'meetings.move',
  permission: 'meetings.manage',
  input: moveMeetingSchema,
  handler: ({ actor, input }) =>
    moveMeetingRecord({ actor, meetingId: input.meetingId, expectedVersion: input.expectedVersion, newStart: { localDateTime: input.localStart } }),
  revalidate: ({ result }) => [`/boards/${result.boardId}`, '/meetings'],
  successMessage: 'Meeting moved.',
});

export const cancelMeeting = createAction({
  name: 'meetings.cancel',
  permission: 'meetings.manage',
  input: cancelMeetingSchema,
  handler: ({ actor, input }) => cancelMeetingRecord({ actor, ...input }),
  revalidate: ({ result }) => [`/boards/${result.boardId}`, '/meetings'],
  successMessage: 'Meeting cancelled; its cases moved to the next meeting.',
});
