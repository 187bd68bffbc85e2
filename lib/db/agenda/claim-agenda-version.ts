import 'server-only';
import { AppError } from '@/lib/errors';
import type { Tx } from '../client';

/**
 * The agenda's optimistic lock: bumps Meeting.agendaVersion only if it is still the version the
 * coordinator saw (UPDATE … WHERE "agendaVersion" = seen). The UPDATE takes the meeting's row lock,
 * so a concurrent change waits for this transaction; when it commits, the other one's WHERE no
 * longer matches and it gets the conflict instead of overwriting. `seen` undefined (a referral
 * accepted from the inbox, which shows no agenda) bumps whatever the version is.
 * Returns the new version.
 */
export async function claimAgendaVersion(tx: Tx, meetingId: string, seen: number | undefined): Promise<number> {
  const rows = await tx.$queryRaw<{ agendaVersion: number }[]>`
    UPDATE meetings SET "agendaVersion" = "agendaVersion" + 1, "updatedAt" = now()
    WHERE id = ${meetingId} AND (${seen ?? null}::int IS NULL OR "agendaVersion" = ${seen ?? null}::int)
      AND status IN ('SCHEDULED', 'PUBLISHED', 'LIVE')
    RETURNING "agendaVersion"`;
  if (rows[0]) return rows[0].agendaVersion;
  // A cancel (or close) that committed while this change waited for the row lock: the meeting
  // no longer takes cases, whatever version was seen.
  const [meeting] = await tx.$queryRaw<{ status: string }[]>`SELECT status::text FROM meetings WHERE id = ${meetingId}`;
  if (meeting && meeting.status !== 'SCHEDULED' && meeting.status !== 'PUBLISHED' && meeting.status !== 'LIVE') {
    throw new AppError('CONFLICT', `This meeting is ${meeting.status.toLowerCase()}; its agenda cannot change. Nothing was changed.`);
  }
  throw await agendaConflict(tx, meetingId);
}

/** "The agenda was changed by <name> at <time>; reload to see their changes." */
async function agendaConflict(tx: Tx, meetingId: string): Promise<AppError> {
  const [last] = await tx.$queryRaw<{ name: string | null; occurredAt: Date; timeZone: string }[]>`
    SELECT u.name, e."occurredAt", b."timeZone"
    FROM audit_events e
    LEFT JOIN users u ON u.id = e."actorId"
    JOIN meetings m ON m.id = e."entityId"
    JOIN boards b ON b.id = m."boardId"
    WHERE e."entityType" = 'Meeting' AND e."entityId" = ${meetingId} AND e.action LIKE 'agenda.%'
    ORDER BY e.id DESC LIMIT 1`;
  const who = last?.name ?? 'someone else';
  const when = last
    ? ` at ${new Intl.DateTimeFormat('en-GB', { timeZone: last.timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', day: '2-digit', month: 'short' }).format(last.occurredAt)}`
    : '';
  return new AppError('CONFLICT', `The agenda was changed by ${who}${when}; reload to see their changes. Nothing was changed.`);
}
