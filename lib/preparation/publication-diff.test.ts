import { describe, expect, it } from 'vitest';
import type { PublishedAgenda } from '@/lib/schemas/published-agenda';
import { diffPublishedAgenda, summarizeAgendaChanges } from './publication-diff';

const snapshot: PublishedAgenda = {
  revision: 1,
  publishedAt: '2026-11-27T10:00:00.000Z',
  agendaVersion: 4,
  documentId: 'doc1',
  items: [
    { itemId: 'i1', caseId: 'a', position: 0, minutes: 5, status: 'PLANNED' },
    { itemId: 'i2', caseId: 'b', position: 1, minutes: 5, status: 'PLANNED' },
    { itemId: 'i3', caseId: 'c', position: 2, minutes: 10, status: 'PLANNED' },
  ],
};

describe('diffPublishedAgenda', () => {
  it('finds nothing without a snapshot or without changes', () => {
    expect(diffPublishedAgenda(null, [{ caseId: 'a', position: 0, minutes: 5, status: 'PLANNED' }])).toEqual([]);
    expect(diffPublishedAgenda(snapshot, snapshot.items.map((i) => ({ ...i, position: i.position * 10 })))).toEqual([]);
  });

  it('marks added and removed cases without calling the others moved', () => {
    const changes = diffPublishedAgenda(snapshot, [
      { caseId: 'x', position: 0, minutes: 5, status: 'PLANNED' },
      { caseId: 'a', position: 1, minutes: 5, status: 'PLANNED' },
      { caseId: 'c', position: 2, minutes: 10, status: 'PLANNED' },
    ]);
    expect(changes).toEqual([
      { caseId: 'x', kinds: ['added'] },
      { caseId: 'b', kinds: ['removed'] },
    ]);
  });

  it('marks moved, minutes and postponed, with before and after', () => {
    const changes = diffPublishedAgenda(snapshot, [
      { caseId: 'b', position: 0, minutes: 5, status: 'PLANNED' },
      { caseId: 'a', position: 1, minutes: 8, status: 'PLANNED' },
      { caseId: 'c', position: 2, minutes: 10, status: 'POSTPONED' },
    ]);
    expect(changes).toEqual([
      { caseId: 'b', kinds: ['moved'], fromPlace: 2, toPlace: 1 },
      { caseId: 'a', kinds: ['moved', 'minutes'], fromPlace: 1, toPlace: 2, fromMinutes: 5, toMinutes: 8 },
      { caseId: 'c', kinds: ['postponed'] },
    ]);
    expect(summarizeAgendaChanges(changes)).toBe('3 cases changed: 2 moved, 1 time changed, 1 postponed.');
  });

  it('does not report a case postponed before publication again', () => {
    const published: PublishedAgenda = { ...snapshot, items: [{ ...snapshot.items[0]!, status: 'POSTPONED' }] };
    expect(diffPublishedAgenda(published, [{ caseId: 'a', position: 0, minutes: 5, status: 'POSTPONED' }])).toEqual([]);
  });
});
