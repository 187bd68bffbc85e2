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
import { Prisma } from '@/lib/generated/prisma/client';
import { db, PREPARED, type Tx } from '../client';

// One statement (the hub runs it once per change per server process, on the hot path of every
// attendee's update): PostgreSQL builds the whole state as JSON, times as UTC ISO strings.
const utc = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const LIVE_STATE_SQL = `
  SELECT json_build_object(
    'meetingId', m.id,
    'meetingStatus', m.status,
    'required', to_json(b."requiredSpecialties"),
    'seq', l.seq,
    'currentItemId', l."currentItemId",
    'presenterId', l."presenterId",
    'view', l.view,
    'startedAt', ${utc('l."startedAt"')},
    'endedAt', ${utc('l."endedAt"')},
    'items', COALESCE((
      SELECT json_agg(json_build_object(
        'id', i.id, 'caseId', i."caseId", 'position', i.position, 'minutesAllotted', i."minutesAllotted",
        'status', i.status, 'presenterId', i."presenterId",
        'discussionStartedAt', ${utc('i."discussionStartedAt"')}, 'discussionEndedAt', ${utc('i."discussionEndedAt"')}
      ) ORDER BY i.position, i.id)
      FROM agenda_items i WHERE i."meetingId" = m.id), '[]'::json),
    'attendance', COALESCE((
      SELECT json_agg(json_build_object('userId', a."userId", 'name', u.name, 'specialty', a.specialty, 'joinedAt', ${utc('a."joinedAt"')}) ORDER BY a."joinedAt", a.id)
      FROM meeting_attendance a JOIN users u ON u.id = a."userId" WHERE a."meetingId" = m.id), '[]'::json)
  ) AS state
  FROM meetings m
  JOIN boards b ON b.id = m."boardId"
  LEFT JOIN meeting_live_states l ON l."meetingId" = m.id`;

interface StateRow {
  meetingId: string;
  meetingStatus: LiveState['meetingStatus'];
  required: string[];
  seq: number | null;
  currentItemId: string | null;
  presenterId: string | null;
  view: unknown;
  startedAt: string | null;
  endedAt: string | null;
  items: LiveState['items'];
  attendance: LiveState['attendance'];
}

export async function unsafeReadLiveState(meetingId: string, client: Tx = db()): Promise<LiveState | null> {
  const rows = await client.$queryRaw<{ state: StateRow }[]>`${PREPARED}${Prisma.raw(LIVE_STATE_SQL)} WHERE m.id = ${meetingId}`;
  const row = rows[0]?.state;
  if (!row) return null;
  const live = row.seq !== null;
  const currentItem = row.items.find((i) => i.id === row.currentItemId) ?? null;
  return {
    meetingId: row.meetingId,
    seq: row.seq ?? 0,
    meetingStatus: row.meetingStatus,
    currentItemId: currentItem?.id ?? null,
    currentCaseId: currentItem?.caseId ?? null,
    presenterId: row.presenterId,
    view: live ? parseStoredLiveView(row.view) : null,
    startedAt: live ? row.startedAt : null,
    endedAt: row.endedAt,
    items: row.items,
    attendance: row.attendance,
    quorum: computeQuorum(row.required, row.attendance.map((a) => a.specialty)),
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
