// The live meeting's state as every attendee receives it: small, complete, and free of patient
// data (ids, statuses, times, attendees' names). Each event carries all of it, so a client that
// missed events needs nothing but the newest one. Shared by the server (SSE) and the client.
import type { LiveView } from '@/lib/schemas/live-view';
import type { Quorum } from './quorum';

export type LiveItemStatus = 'PLANNED' | 'IN_DISCUSSION' | 'DISCUSSED' | 'DEFERRED' | 'POSTPONED';

export interface LiveItemState {
  id: string;
  caseId: string;
  position: number;
  minutesAllotted: number;
  status: LiveItemStatus;
  presenterId: string | null;
  discussionStartedAt: string | null;
  discussionEndedAt: string | null;
}

export interface LiveAttendee {
  userId: string;
  name: string;
  specialty: string | null;
  joinedAt: string;
}

export interface LiveState {
  meetingId: string;
  /** Grows with every change; also the SSE event id. 0 = never started. */
  seq: number;
  meetingStatus: 'SCHEDULED' | 'PUBLISHED' | 'LIVE' | 'CLOSED' | 'CANCELLED';
  currentItemId: string | null;
  currentCaseId: string | null;
  presenterId: string | null;
  view: LiveView | null;
  startedAt: string | null;
  endedAt: string | null;
  items: LiveItemState[];
  attendance: LiveAttendee[];
  quorum: Quorum;
}

/** What travels in the NOTIFY payload: just enough to know which meeting to re-read. */
export interface LiveNotice {
  meetingId: string;
  seq: number;
  kind: LiveChangeKind;
}

// 'attendance' and 'agenda' (a coordinator changed the order or minutes during the meeting)
// do not bump seq: they move nobody's screen, they only refresh what the state shows.
export type LiveChangeKind = 'start' | 'goto' | 'view' | 'mark' | 'end' | 'attendance' | 'agenda';

export const LIVE_CHANNEL = 'konsil_live';
