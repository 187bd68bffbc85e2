// Row-level scoping compiled into Prisma `where` clauses: a row outside the
// actor's scope is simply not found. Admins hold no clinical permission and so
// match nothing here (separation of duties).
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Actor } from './actor';
import { can } from './permissions';

const nothing = { id: { in: [] as string[] } };

/** Cases the actor referred, or that belong to a board the actor is a member of. */
export function caseScope(actor: Actor): Prisma.CaseWhereInput {
  if (!can(actor, 'cases.read')) return nothing;
  return { OR: [{ referringUserId: actor.id }, { board: { members: { some: { userId: actor.id } } } }] };
}

/** Meetings of boards the actor is a member of. */
export function meetingScope(actor: Actor): Prisma.MeetingWhereInput {
  if (!can(actor, 'meetings.read')) return nothing;
  return { board: { members: { some: { userId: actor.id } } } };
}
