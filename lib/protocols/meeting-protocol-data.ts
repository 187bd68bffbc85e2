// What the meeting protocol PDF shows, as plain values (loaded by
// lib/db/protocols/load-meeting-protocol.ts; the quorum by lib/live/quorum.ts, like the live view).
import type { Quorum } from '@/lib/live/quorum';
import type { DecisionContent } from '@/lib/schemas/decision';

export interface MeetingProtocolPerson {
  name: string;
  title: string | null;
  specialty: string | null;
}

export interface MeetingProtocolItem {
  position: number;
  patient: { displayName: string; mrn: string; isSynthetic: boolean };
  question: string;
  /** The agenda item's status (PLANNED, IN_DISCUSSION, DISCUSSED, DEFERRED, POSTPONED). */
  status: string;
  statusReason: string | null;
  /** The newest signed version of the case's decision at this meeting, if any. */
  decision: { number: number; content: Pick<DecisionContent, 'intent' | 'recommendations'>; signedBy: string; signedAt: string; contentSha256: string } | null;
}

export interface MeetingProtocolData {
  board: { name: string; timeZone: string };
  meeting: { id: string; startsAt: string; durationMinutes: number; location: string | null; status: string };
  chair: MeetingProtocolPerson | null;
  attendees: (MeetingProtocolPerson & { joinedAt: string })[];
  quorum: Quorum;
  items: MeetingProtocolItem[];
}
