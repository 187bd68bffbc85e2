import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { boardScope, managedBoardScope } from '@/lib/authz/scopes';
import { writeAuditEvent } from '@/lib/audit/write-audit-event';
import { AppError, conflict, notFound } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { BoardDetailDto, BoardFieldsInput, BoardSummaryDto } from '@/lib/schemas/board';
import { db, type Tx } from './client';

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

// ── Board administration (coordinators, `boards.manage`) ──

const detailSelect = {
  id: true,
  slug: true,
  name: true,
  description: true,
  entityFocus: true,
  timeZone: true,
  recurrence: true,
  meetingDurationMinutes: true,
  defaultMinutesPerCase: true,
  submissionDeadlineHours: true,
  requiredSpecialties: true,
  version: true,
  members: {
    select: { role: true, user: { select: { id: true, name: true, email: true, specialty: true } } },
    orderBy: { user: { name: 'asc' } },
  },
} as const satisfies Prisma.BoardSelect;

function toDetail(row: Prisma.BoardGetPayload<{ select: typeof detailSelect }>): BoardDetailDto {
  const { members, ...rest } = row;
  return {
    ...rest,
    members: members.map((m) => ({ userId: m.user.id, name: m.user.name, email: m.user.email, specialty: m.user.specialty, role: m.role })),
  };
}

/** Every board with its member count and next meeting (coordinators administer all boards). */
export async function listBoards(options: { actor: Actor; now?: Date }): Promise<BoardSummaryDto[]> {
  const { actor, now = new Date() } = options;
  assertCan(actor, 'boards.manage');
  const rows = await db().board.findMany({
    where: managedBoardScope(actor),
    orderBy: [{ active: 'desc' }, { name: 'asc' }],
    select: {
      id: true,
      name: true,
      entityFocus: true,
      timeZone: true,
      recurrence: true,
      active: true,
      _count: { select: { members: true } },
      meetings: { where: { startsAt: { gte: now }, status: { not: 'CANCELLED' } }, orderBy: { startsAt: 'asc' }, take: 1, select: { startsAt: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    entityFocus: r.entityFocus,
    timeZone: r.timeZone,
    recurrence: r.recurrence,
    active: r.active,
    memberCount: r._count.members,
    nextMeetingAt: r.meetings[0]?.startsAt.toISOString() ?? null,
  }));
}

export async function getBoard(options: { actor: Actor; boardId: string }): Promise<BoardDetailDto> {
  const { actor, boardId } = options;
  assertCan(actor, 'boards.manage');
  const row = await db().board.findFirst({ where: { AND: [{ id: boardId }, managedBoardScope(actor)] }, select: detailSelect });
  if (!row) throw notFound('The board');
  return toDetail(row);
}

export async function createBoard(options: { actor: Actor; fields: BoardFieldsInput }): Promise<BoardDetailDto> {
  const { actor, fields } = options;
  assertCan(actor, 'boards.manage');
  return db().$transaction(async (tx) => {
    const slug = await freeSlug(tx, fields.name);
    // The creator is the board's first coordinator: board changes are limited to a board's own
    // coordinators (lib/authz/scopes.ts), so a new board must have one.
    const created = await tx.board.create({
      data: { slug, ...fields, description: fields.description ?? null, members: { create: { userId: actor.id, role: 'COORDINATOR' } } },
      select: { id: true },
    });
    const row = await tx.board.findUniqueOrThrow({ where: { id: created.id }, select: detailSelect });
    await writeAuditEvent(tx, {
      actor,
      action: 'board.create',
      entityType: 'Board',
      entityId: row.id,
      detail: { slug, name: row.name, recurrence: row.recurrence, timeZone: row.timeZone },
    });
    await writeAuditEvent(tx, { actor, action: 'board.member_set', entityType: 'Board', entityId: row.id, detail: { userId: actor.id, role: 'COORDINATOR', previous: null } });
    return toDetail(row);
  });
}

/** Applies the edit only if the board still has the version the coordinator saw. */
export async function updateBoard(options: { actor: Actor; boardId: string; version: number; fields: BoardFieldsInput }): Promise<BoardDetailDto> {
  const { actor, boardId, version, fields } = options;
  assertCan(actor, 'boards.manage');
  return db().$transaction(async (tx) => {
    const before = await tx.board.findFirst({ where: { AND: [{ id: boardId }, managedBoardScope(actor)] }, select: detailSelect });
    if (!before) throw notFound('The board');
    const data = { ...fields, description: fields.description ?? null };
    const { count } = await tx.board.updateMany({ where: { id: boardId, version }, data: { ...data, version: { increment: 1 } } });
    if (count === 0) throw conflict('This board');
    const row = await tx.board.findUniqueOrThrow({ where: { id: boardId }, select: detailSelect });
    const changed = (Object.keys(data) as (keyof typeof data)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(row[k]));
    await writeAuditEvent(tx, { actor, action: 'board.update', entityType: 'Board', entityId: boardId, detail: { fields: changed, recurrence: row.recurrence, timeZone: row.timeZone } });
    return toDetail(row);
  });
}

/** A URL-safe slug from the name, with a number added while it is taken. */
async function freeSlug(tx: Tx, name: string): Promise<string> {
  const base = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'board';
  for (let n = 1; n < 100; n += 1) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await tx.board.findUnique({ where: { slug }, select: { id: true } }))) return slug;
  }
  throw new AppError('CONFLICT', 'Too many boards have this name; choose another.');
}
