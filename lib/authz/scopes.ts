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
 * Boards the actor coordinates: those where they hold the board role COORDINATOR. Everything a
 * coordinator changes on a board (settings, members, schedule, referrals, agenda, publication)
 * is limited to these. Board membership is also what decides which patients one sees
 * (caseScope), so a coordinator must not be able to reach another board and add themselves:
 * membership changes come from that board's coordinators (or the board's creator, who becomes
 * its first coordinator).
 */
export function coordinatedBoardScope(actor: Actor): Prisma.BoardWhereInput {
  if (!can(actor, 'meetings.manage') && !can(actor, 'referrals.triage') && !can(actor, 'boards.manage')) return nothing;
  return { members: { some: { userId: actor.id, role: 'COORDINATOR' } } };
}

/** Meetings of the boards the actor coordinates (agenda changes, postponing, publishing, reminders). */
export function coordinatedMeetingScope(actor: Actor): Prisma.MeetingWhereInput {
  if (!can(actor, 'meetings.manage')) return nothing;
  return { board: coordinatedBoardScope(actor) };
}

/** Boards whose settings and members the actor administers: the ones they coordinate. */
export function managedBoardScope(actor: Actor): Prisma.BoardWhereInput {
  return can(actor, 'boards.manage') ? coordinatedBoardScope(actor) : nothing;
}

/** Meetings whose schedule the actor may change (generate, move, cancel): their boards' meetings. */
export function managedMeetingScope(actor: Actor): Prisma.MeetingWhereInput {
  return coordinatedMeetingScope(actor);
}

/**
 * Boards whose quality figures the actor may see (lib/db/quality/): the ones they coordinate;
 * admins every board. The figures are aggregates without patient rows, so this grants no
 * clinical access.
 */
export function qualityBoardScope(actor: Actor): Prisma.BoardWhereInput {
  if (!can(actor, 'quality.read')) return nothing;
  if (actor.roles.includes('ADMIN')) return {};
  return coordinatedBoardScope(actor);
}
