// The agenda's time budget: when each case's slot starts (the meeting's start plus the
// minutes of the cases before it), the total against the meeting's length, and whether it
// overruns. Pure, shared by the agenda builder (recomputed while dragging) and the server.

export interface BudgetItem {
  id: string;
  minutesAllotted: number;
}

export interface TimeBudget {
  slots: { id: string; startsAt: Date; endsAt: Date }[];
  totalMinutes: number;
  meetingMinutes: number;
  /** Minutes over the meeting's length (0 when it fits). */
  overrunMinutes: number;
}

export function computeTimeBudget(input: { startsAt: Date; durationMinutes: number; items: readonly BudgetItem[] }): TimeBudget {
  let offset = 0;
  const slots = input.items.map((item) => {
    const startsAt = new Date(input.startsAt.getTime() + offset * 60_000);
    offset += item.minutesAllotted;
    return { id: item.id, startsAt, endsAt: new Date(input.startsAt.getTime() + offset * 60_000) };
  });
  return { slots, totalMinutes: offset, meetingMinutes: input.durationMinutes, overrunMinutes: Math.max(0, offset - input.durationMinutes) };
}

/** The ids with `id` moved from one index to another (what a drag or a keyboard move does). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  if (from < 0 || from >= next.length || to < 0 || to >= next.length) return next;
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved!);
  return next;
}
