'use server';
// The presenter's controls in a meeting's live view. Each export is built by createAction
// (permission `meetings.present`); lib/db/live checks meeting scope and the row-level presenter
// rights again, bumps seq and NOTIFYs every attendee's stream in the same transaction.
// No revalidation: every open live view receives the new state over its event stream.
import { createAction } from './create-action';
import { endLiveMeetingSchema, goToAgendaItemSchema, markLiveItemSchema, setLiveViewSchema, startLiveMeetingSchema } from '@/lib/schemas/live-meeting';
import { endLiveMeeting as endLiveMeetingRecord } from '@/lib/db/live/end-live-meeting';
import { goToAgendaItem as goToAgendaItemRecord } from '@/lib/db/live/go-to-agenda-item';
import { markLiveItem as markLiveItemRecord } from '@/lib/db/live/mark-live-item';
import { setLiveView as setLiveViewRecord } from '@/lib/db/live/set-live-view';
import { startLiveMeeting as startLiveMeetingRecord } from '@/lib/db/live/start-live-meeting';

export const startLiveMeeting = createAction({
  name: 'live.start',
  permission: 'meetings.present',
  input: startLiveMeetingSchema,
  handler: ({ actor, input }) => startLiveMeetingRecord({ actor, meetingId: input.meetingId }),
  successMessage: 'The meeting is live.',
});

export const goToAgendaItem = createAction({
  name: 'live.goTo',
  permission: 'meetings.present',
  input: goToAgendaItemSchema,
  handler: ({ actor, input }) => goToAgendaItemRecord({ actor, input }),
});

export const setLiveView = createAction({
  name: 'live.setView',
  permission: 'meetings.present',
  input: setLiveViewSchema,
  handler: ({ actor, input }) => setLiveViewRecord({ actor, meetingId: input.meetingId, expectedSeq: input.expectedSeq, view: input.view }),
});

export const markLiveItem = createAction({
  name: 'live.markItem',
  permission: 'meetings.present',
  input: markLiveItemSchema,
  handler: ({ actor, input }) => markLiveItemRecord({ actor, meetingId: input.meetingId, expectedSeq: input.expectedSeq, mark: input.mark, reason: input.reason }),
  successMessage: 'Saved.',
});

export const endLiveMeeting = createAction({
  name: 'live.end',
  permission: 'meetings.present',
  input: endLiveMeetingSchema,
  handler: ({ actor, input }) => endLiveMeetingRecord({ actor, meetingId: input.meetingId, expectedSeq: input.expectedSeq }),
  successMessage: 'The meeting has ended.',
});
