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

/**
 * Boards whose cases the actor may see some of: boards they belong to, and boards
 * they referred a case to. (What the case list offers as its board filter.)
 */
export function boardScope(actor: Actor): Prisma.BoardWhereInput {
  if (!can(actor, 'cases.read')) return nothing;
  return { OR: [{ members: { some: { userId: actor.id } } }, { cases: { some: { referringUserId: actor.id } } }] };
}

/** Meetings of boards the actor is a member of. */
export function meetingScope(actor: Actor): Prisma.MeetingWhereInput {
  if (!can(actor, 'meetings.read')) return nothing;
  return { board: { members: { some: { userId: actor.id } } } };
}

/**
 * Boards a coordinator administers: all of them. Setting up boards and their schedule is a
 * hospital-wide coordination duty, not tied to membership (a new board has no members yet).
 */
export function managedBoardScope(actor: Actor): Prisma.BoardWhereInput {
  return can(actor, 'boards.manage') ? {} : nothing;
}

/** Meetings whose schedule the actor may change (generate, move, cancel): those of every board. */
export function managedMeetingScope(actor: Actor): Prisma.MeetingWhereInput {
  return can(actor, 'meetings.manage') ? {} : nothing;
}
