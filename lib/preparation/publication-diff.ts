// What changed on an agenda since it was published: per case added, removed, moved
// (its place in the order changed), minutes changed, postponed. Cases are the key (a
// case is on a meeting's agenda at most once). Pure; the meeting page highlights the
// result and the republish notification lists it.
import type { PublishedAgenda } from '@/lib/schemas/published-agenda';

export interface CurrentAgendaItem {
  caseId: string;
  position: number;
  minutes: number;
  status: string;
}

export type AgendaChangeKind = 'added' | 'removed' | 'moved' | 'minutes' | 'postponed';

export interface AgendaChange {
  caseId: string;
  kinds: AgendaChangeKind[];
  /** For moved: 1-based places; for minutes: the published and current minutes. */
  fromPlace?: number;
  toPlace?: number;
  fromMinutes?: number;
  toMinutes?: number;
}

/** 1-based place of each case in an order given by position (ties by case id, so it is stable). */
function places(items: { caseId: string; position: number }[]): Map<string, number> {
  const sorted = [...items].sort((a, b) => a.position - b.position || a.caseId.localeCompare(b.caseId));
  return new Map(sorted.map((item, i) => [item.caseId, i + 1]));
}

export function diffPublishedAgenda(published: PublishedAgenda | null, current: CurrentAgendaItem[]): AgendaChange[] {
  if (!published) return [];
  const before = new Map(published.items.map((i) => [i.caseId, i]));
  const now = new Map(current.map((i) => [i.caseId, i]));
  // Compare places among the cases on both agendas: adding or removing one case does not
  // make every case after it "moved".
  const kept = (items: { caseId: string; position: number }[], other: Map<string, unknown>) => items.filter((i) => other.has(i.caseId));
  const placeBefore = places(kept(published.items, now));
  const placeNow = places(kept(current, before));
  const changes: AgendaChange[] = [];
  for (const item of current) {
    const old = before.get(item.caseId);
    if (!old) {
      changes.push({ caseId: item.caseId, kinds: ['added'] });
      continue;
    }
    const change: AgendaChange = { caseId: item.caseId, kinds: [] };
    const from = placeBefore.get(item.caseId)!;
    const to = placeNow.get(item.caseId)!;
    if (from !== to) Object.assign(change, { fromPlace: from, toPlace: to }).kinds.push('moved');
    if (old.minutes !== item.minutes) Object.assign(change, { fromMinutes: old.minutes, toMinutes: item.minutes }).kinds.push('minutes');
    if (item.status === 'POSTPONED' && old.status !== 'POSTPONED') change.kinds.push('postponed');
    if (change.kinds.length > 0) changes.push(change);
  }
  for (const old of published.items) if (!now.has(old.caseId)) changes.push({ caseId: old.caseId, kinds: ['removed'] });
  return changes;
}

/** One line per change, for the AGENDA_CHANGED notification ("3 changes: 1 added, …"). */
export function summarizeAgendaChanges(changes: AgendaChange[]): string {
  if (changes.length === 0) return 'No changes to the cases since the last publication.';
  const counts = new Map<AgendaChangeKind, number>();
  for (const c of changes) for (const k of c.kinds) counts.set(k, (counts.get(k) ?? 0) + 1);
  const words: Record<AgendaChangeKind, string> = { added: 'added', removed: 'removed', moved: 'moved', minutes: 'time changed', postponed: 'postponed' };
  const parts = (['added', 'removed', 'moved', 'minutes', 'postponed'] as const).filter((k) => counts.has(k)).map((k) => `${counts.get(k)} ${words[k]}`);
  return `${changes.length} case${changes.length === 1 ? '' : 's'} changed: ${parts.join(', ')}.`;
}
