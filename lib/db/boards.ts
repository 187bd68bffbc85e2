import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { boardScope } from '@/lib/authz/scopes';
import { db } from './client';

export interface BoardOptionDto {
  id: string;
  name: string;
}

/** Boards whose cases the actor may see (names only, no patient data), by name. */
export async function listScopedBoards(options: { actor: Actor }): Promise<BoardOptionDto[]> {
  const { actor } = options;
  assertCan(actor, 'cases.read');
  return db().board.findMany({ where: boardScope(actor), select: { id: true, name: true }, orderBy: [{ name: 'asc' }, { id: 'asc' }] });
}
