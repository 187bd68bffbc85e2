// Which agenda item "next", "previous" and "jump" lead to. Postponed items have left the
// meeting (they moved to another one) and are skipped.
import { AppError } from '@/lib/errors';

export interface NavigableItem {
  id: string;
  position: number;
  status: string;
}

export type Direction = { direction: 'next' } | { direction: 'previous' } | { direction: 'jump'; itemId: string };

export function targetItemId(items: readonly NavigableItem[], currentItemId: string | null, move: Direction): string {
  const open = [...items].filter((i) => i.status !== 'POSTPONED').sort((a, b) => a.position - b.position);
  if (move.direction === 'jump') {
    if (!open.some((i) => i.id === move.itemId)) throw new AppError('NOT_FOUND', 'That case is not on this meeting’s agenda.');
    return move.itemId;
  }
  const index = currentItemId === null ? -1 : open.findIndex((i) => i.id === currentItemId);
  const target = move.direction === 'next' ? open[index + 1] : index > 0 ? open[index - 1] : undefined;
  if (!target) {
    throw new AppError('CONFLICT', move.direction === 'next' ? 'This is the last case on the agenda.' : 'This is the first case on the agenda.');
  }
  return target.id;
}
