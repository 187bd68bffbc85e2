// The shared core of meeting generation, used by the coordinator's "generate", by cancelling
// (which may need the next meeting to exist) and by the demo seed. No actor and no audit here:
// callers check permissions and write their own audit event in the same transaction. No
// 'server-only' mark: prisma/seed/demo-world.ts uses it, and scripts/start-demo.ts imports that
// file under plain tsx (the mark throws outside the react-server condition).
import { nextOccurrences, occurrencesBetween, parseRecurrence, type Recurrence } from '@/lib/boards/recurrence';
import { AppError } from '@/lib/errors';
import type { Tx } from '../client';

export interface SchedulableBoard {
  id: string;
  timeZone: string;
  recurrence: string | null;
  meetingDurationMinutes: number;
}

/** The board's recurrence, or a clear refusal when it has none or it is not one Konsil can follow. */
export function boardRecurrence(board: SchedulableBoard): Recurrence {
  if (!board.recurrence) {
    throw new AppError('CONFLICT', 'This board has no recurrence, so Konsil cannot schedule its meetings. Set one in the board settings first.');
  }
  const parsed = parseRecurrence(board.recurrence);
  if (!parsed.ok) throw new AppError('CONFLICT', `The board's recurrence cannot be used: ${parsed.message}`);
  return parsed.recurrence;
}

/**
 * Slots a moved meeting left: generation must not put a meeting back there. The audit trail is
 * where a move is recorded (append-only), so it is the record read here.
 */
async function vacatedSlots(tx: Tx, boardId: string): Promise<Set<number>> {
  const moves = await tx.auditEvent.findMany({
    where: { action: 'meeting.move', detail: { path: ['boardId'], equals: boardId } },
    select: { detail: true },
  });
  return new Set(moves.map((m) => Date.parse(String((m.detail as { from?: unknown }).from))).filter((t) => !Number.isNaN(t)));
}

/**
 * Creates the meetings of the recurrence in [from, until] that do not exist yet. Idempotent: the
 * unique (boardId, startsAt) key makes existing meetings (cancelled ones included) a no-op, and
 * existing rows are never updated. Returns only the meetings it created.
 */
export async function insertScheduledMeetings(tx: Tx, options: { board: SchedulableBoard; from: Date; until: Date; location?: string }) {
  const { board, from, until, location } = options;
  const recurrence = boardRecurrence(board);
  const vacated = await vacatedSlots(tx, board.id);
  const starts = occurrencesBetween({ recurrence, timeZone: board.timeZone, from, until, limit: 500 }).filter((s) => !vacated.has(s.getTime()));
  if (starts.length === 0) return [];
  return tx.meeting.createManyAndReturn({
    data: starts.map((startsAt) => ({ boardId: board.id, startsAt, durationMinutes: board.meetingDurationMinutes, location: location ?? null })),
    skipDuplicates: true,
    select: { id: true, startsAt: true },
  });
}

/**
 * The first slot of the recurrence after `after` that holds no meeting yet (nor was vacated by a
 * move), created now. For cancelling when the board has no later meeting.
 */
export async function createNextScheduledMeeting(tx: Tx, options: { board: SchedulableBoard; after: Date }) {
  const { board, after } = options;
  const recurrence = boardRecurrence(board);
  const vacated = await vacatedSlots(tx, board.id);
  const candidates = nextOccurrences({ recurrence, timeZone: board.timeZone, from: new Date(after.getTime() + 1), count: 60 });
  const taken = await tx.meeting.findMany({ where: { boardId: board.id, startsAt: { in: candidates } }, select: { startsAt: true } });
  const takenTimes = new Set(taken.map((t) => t.startsAt.getTime()));
  const startsAt = candidates.find((c) => !takenTimes.has(c.getTime()) && !vacated.has(c.getTime()));
  if (!startsAt) throw new AppError('CONFLICT', 'The board\'s recurrence has no free date in the coming months to move the cases to.');
  return tx.meeting.create({ data: { boardId: board.id, startsAt, durationMinutes: board.meetingDurationMinutes }, select: { id: true, startsAt: true } });
}
