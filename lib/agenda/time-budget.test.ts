import { describe, expect, it } from 'vitest';
import { computeTimeBudget, moveItem } from './time-budget';

describe('the agenda time budget', () => {
  const startsAt = new Date('2026-12-01T15:00:00Z');
  it('starts each slot after the minutes of the cases before it', () => {
    const budget = computeTimeBudget({ startsAt, durationMinutes: 30, items: [{ id: 'a', minutesAllotted: 5 }, { id: 'b', minutesAllotted: 10 }, { id: 'c', minutesAllotted: 5 }] });
    expect(budget.slots.map((s) => s.startsAt.toISOString())).toEqual(['2026-12-01T15:00:00.000Z', '2026-12-01T15:05:00.000Z', '2026-12-01T15:15:00.000Z']);
    expect(budget.slots[2]!.endsAt.toISOString()).toBe('2026-12-01T15:20:00.000Z');
    expect(budget).toMatchObject({ totalMinutes: 20, meetingMinutes: 30, overrunMinutes: 0 });
  });
  it('reports an overrun, and none when the agenda fills the meeting exactly', () => {
    expect(computeTimeBudget({ startsAt, durationMinutes: 20, items: [{ id: 'a', minutesAllotted: 20 }] }).overrunMinutes).toBe(0);
    expect(computeTimeBudget({ startsAt, durationMinutes: 20, items: [{ id: 'a', minutesAllotted: 15 }, { id: 'b', minutesAllotted: 10 }] }).overrunMinutes).toBe(5);
  });
});

describe('moving an agenda item', () => {
  it('moves down and up, and ignores an index outside the list', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moveItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 5)).toEqual(['a', 'b', 'c']);
  });
});
