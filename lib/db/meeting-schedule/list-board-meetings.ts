import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { managedMeetingScope } from '@/lib/authz/scopes';
import type { ScheduledMeetingDto } from '@/lib/schemas/meeting-schedule';
import { db } from '../client';

/** A board's meetings from `from` on (cancelled ones included, to show where their cases went). Counts only, no patient data. */
export async function listBoardMeetings(options: { actor: Actor; boardId: string; from?: Date; take?: number }): Promise<ScheduledMeetingDto[]> {
  const { actor, boardId, from = new Date(Date.now() - 3 * 3_600_000), take = 30 } = options;
  assertCan(actor, 'meetings.manage');
  const rows = await db().meeting.findMany({
    where: { AND: [managedMeetingScope(actor), { boardId, startsAt: { gte: from } }] },
    orderBy: { startsAt: 'asc' },
    take,
    select: {
      id: true,
      startsAt: true,
      durationMinutes: true,
      status: true,
      cancelReason: true,
      movedToMeetingId: true,
      version: true,
      _count: { select: { agendaItems: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    startsAt: r.startsAt.toISOString(),
    durationMinutes: r.durationMinutes,
    status: r.status,
    cancelReason: r.cancelReason,
    movedToMeetingId: r.movedToMeetingId,
    caseCount: r._count.agendaItems,
    version: r.version,
  }));
}
