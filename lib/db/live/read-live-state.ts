import 'server-only';
// Reads a meeting's live state as attendees receive it (lib/live/live-state.ts). The unscoped
// read is what the fan-out hub uses after a NOTIFY: every subscriber's scope was checked when
// their stream opened (loadLiveState), and the state carries no patient data.
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { meetingScope } from '@/lib/authz/scopes';
import { notFound } from '@/lib/errors';
import { computeQuorum } from '@/lib/live/quorum';
import type { LiveState } from '@/lib/live/live-state';
import { parseStoredLiveView } from '@/lib/schemas/live-view';
import { db, type Tx } from '../client';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function unsafeReadLiveState(meetingId: string, client: Tx = db()): Promise<LiveState | null> {
  const meeting = await client.meeting.findUnique({
    where: { id: meetingId },
    select: {
      id: true,
      status: true,
      board: { select: { requiredSpecialties: true } },
      liveState: true,
      agendaItems: {
        orderBy: { position: 'asc' },
        select: { id: true, caseId: true, position: true, minutesAllotted: true, status: true, presenterId: true, discussionStartedAt: true, discussionEndedAt: true },
      },
      attendance: { orderBy: { joinedAt: 'asc' }, select: { userId: true, specialty: true, joinedAt: true, user: { select: { name: true } } } },
    },
  });
  if (!meeting) return null;
  const live = meeting.liveState;
  const currentItem = meeting.agendaItems.find((i) => i.id === live?.currentItemId) ?? null;
  return {
    meetingId: meeting.id,
    seq: live?.seq ?? 0,
    meetingStatus: meeting.status,
    currentItemId: currentItem?.id ?? null,
    currentCaseId: currentItem?.caseId ?? null,
    presenterId: live?.presenterId ?? null,
    view: live ? parseStoredLiveView(live.view) : null,
    startedAt: iso(live?.startedAt ?? null),
    endedAt: iso(live?.endedAt ?? null),
    items: meeting.agendaItems.map((i) => ({ ...i, discussionStartedAt: iso(i.discussionStartedAt), discussionEndedAt: iso(i.discussionEndedAt) })),
    attendance: meeting.attendance.map((a) => ({ userId: a.userId, name: a.user.name, specialty: a.specialty, joinedAt: a.joinedAt.toISOString() })),
    quorum: computeQuorum(meeting.board.requiredSpecialties, meeting.attendance.map((a) => a.specialty)),
  };
}

/** The live state of a meeting in the actor's scope; outside it, not found. */
export async function loadLiveState(options: { actor: Actor; meetingId: string }): Promise<LiveState> {
  const { actor, meetingId } = options;
  assertCan(actor, 'meetings.attend');
  const inScope = await db().meeting.findFirst({ where: { AND: [{ id: meetingId }, meetingScope(actor)] }, select: { id: true } });
  if (!inScope) throw notFound('The meeting');
  const state = await unsafeReadLiveState(meetingId);
  if (!state) throw notFound('The meeting');
  return state;
}
