import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { meetingScope } from '@/lib/authz/scopes';
import { db } from './client';

export interface MeetingListItemDto {
  id: string;
  board: { id: string; name: string };
  startsAt: string;
  durationMinutes: number;
  location: string | null;
  status: string;
  caseCount: number;
  agendaPublished: boolean;
}

/** Upcoming meetings of the actor's boards. Carries counts only, no patient data. */
export async function listUpcomingMeetings(options: { actor: Actor; take?: number }): Promise<MeetingListItemDto[]> {
  const { actor, take = 20 } = options;
  assertCan(actor, 'meetings.read');
  const rows = await db().meeting.findMany({
    where: { AND: [meetingScope(actor), { startsAt: { gte: new Date(Date.now() - 3 * 60 * 60_000) } }, { status: { not: 'CANCELLED' } }] },
    orderBy: { startsAt: 'asc' },
    take,
    include: { board: { select: { id: true, name: true } }, _count: { select: { agendaItems: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    board: row.board,
    startsAt: row.startsAt.toISOString(),
    durationMinutes: row.durationMinutes,
    location: row.location,
    status: row.status,
    caseCount: row._count.agendaItems,
    agendaPublished: row.agendaPublishedAt !== null,
  }));
}
