import type { Tx } from '@/lib/db/client';
import type { BoardRole, Specialty, TumorEntity } from '@/lib/generated/prisma/enums';

export interface SeedBoardInput {
  slug: string;
  name: string;
  description?: string;
  entityFocus: TumorEntity[];
  /** iCalendar RRULE subset of lib/boards/recurrence.ts, wall-clock time in `timeZone`. */
  recurrence: string;
  timeZone?: string;
  meetingDurationMinutes?: number;
  defaultMinutesPerCase?: number;
  requiredSpecialties: Specialty[];
}

export async function seedBoard(tx: Tx, input: SeedBoardInput) {
  const { slug, ...data } = input;
  return tx.board.upsert({ where: { slug }, create: { slug, ...data }, update: data });
}

export async function seedBoardMember(tx: Tx, input: { boardId: string; userId: string; role?: BoardRole }) {
  const role = input.role ?? 'MEMBER';
  return tx.boardMembership.upsert({
    where: { boardId_userId: { boardId: input.boardId, userId: input.userId } },
    create: { boardId: input.boardId, userId: input.userId, role },
    update: { role },
  });
}

/**
 * The next `count` weekly meetings on `weekday` (0 = Sunday) at hh:mm UTC, from `from` on.
 * Stored in UTC; shown in the board's time zone.
 */
export function nextWeeklyStarts(from: Date, weekday: number, hour: number, minute: number, count: number): Date[] {
  const first = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate(), hour, minute));
  const shift = (weekday - first.getUTCDay() + 7) % 7;
  first.setUTCDate(first.getUTCDate() + shift);
  if (first <= from) first.setUTCDate(first.getUTCDate() + 7);
  return Array.from({ length: count }, (_, i) => new Date(first.getTime() + i * 7 * 86_400_000));
}

export async function seedMeeting(tx: Tx, input: { boardId: string; startsAt: Date; durationMinutes: number; location?: string }) {
  return tx.meeting.upsert({
    where: { boardId_startsAt: { boardId: input.boardId, startsAt: input.startsAt } },
    create: input,
    update: {},
  });
}
