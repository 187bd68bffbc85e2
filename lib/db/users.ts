import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import type { Role } from '@/lib/authz/roles';
import { writeAuditEvent } from '@/lib/audit/write-audit-event';
import { hashPassword } from '@/lib/auth/password';
import { AppError, conflict, notFound } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Specialty, UserDto } from '@/lib/schemas/user';
import { db, type Tx } from './client';

const userSelect = {
  id: true,
  email: true,
  name: true,
  title: true,
  specialty: true,
  roles: true,
  active: true,
  passwordHash: true,
  lastLoginAt: true,
  createdAt: true,
  version: true,
  _count: { select: { identities: true } },
} as const satisfies Prisma.UserSelect;

type UserRow = Prisma.UserGetPayload<{ select: typeof userSelect }>;

function toDto(row: UserRow): UserDto {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    title: row.title,
    specialty: row.specialty,
    roles: row.roles,
    active: row.active,
    hasPassword: row.passwordHash !== null,
    ssoLinked: row._count.identities > 0,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}

export async function listUsers(options: {
  actor: Actor;
  q?: string;
  status?: 'active' | 'inactive' | 'all';
}): Promise<UserDto[]> {
  const { actor, q, status = 'all' } = options;
  assertCan(actor, 'users.read');
  const where: Prisma.UserWhereInput = {
    ...(status === 'all' ? {} : { active: status === 'active' }),
    ...(q
      ? { OR: [{ email: { contains: q, mode: 'insensitive' } }, { name: { contains: q, mode: 'insensitive' } }] }
      : {}),
  };
  return db().$transaction(async (tx) => {
    const rows = await tx.user.findMany({ where, select: userSelect, orderBy: [{ active: 'desc' }, { name: 'asc' }], take: 500 });
    await writeAuditEvent(tx, { actor, action: 'user.list', entityType: 'User', detail: { count: rows.length } });
    return rows.map(toDto);
  });
}

export async function getUser(options: { actor: Actor; userId: string }): Promise<UserDto> {
  assertCan(options.actor, 'users.read');
  const row = await db().user.findUnique({ where: { id: options.userId }, select: userSelect });
  if (!row) throw notFound('The user');
  return toDto(row);
}

export async function createUser(options: {
  actor: Actor;
  email: string;
  name: string;
  title?: string;
  specialty?: Specialty;
  roles: Role[];
  password: string;
}): Promise<UserDto> {
  const { actor, password, ...fields } = options;
  assertCan(actor, 'users.manage');
  const passwordHash = await hashPassword(password);
  return db().$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: fields.email }, select: { id: true } })) {
      throw new AppError('CONFLICT', 'A user with this e-mail address already exists.', {
        fieldErrors: { email: ['Already in use'] },
      });
    }
    const row = await tx.user.create({ data: { ...fields, passwordHash }, select: userSelect });
    await writeAuditEvent(tx, {
      actor,
      action: 'user.create',
      entityType: 'User',
      entityId: row.id,
      detail: { email: row.email, roles: row.roles },
    });
    return toDto(row);
  });
}

/**
 * Applies `data` only if the row still has the version the admin saw, so two
 * admins editing the same user never silently overwrite each other.
 */
async function updateUserAtVersion(
  tx: Tx,
  userId: string,
  version: number,
  data: Prisma.UserUpdateManyMutationInput,
): Promise<UserRow> {
  const { count } = await tx.user.updateMany({ where: { id: userId, version }, data: { ...data, version: { increment: 1 } } });
  if (count === 0) {
    const exists = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    throw exists ? conflict('This user') : notFound('The user');
  }
  return tx.user.findUniqueOrThrow({ where: { id: userId }, select: userSelect });
}

async function loadForChange(tx: Tx, userId: string) {
  const row = await tx.user.findUnique({ where: { id: userId }, select: userSelect });
  if (!row) throw notFound('The user');
  return row;
}

/**
 * Refuses a change that would leave nobody able to administer Konsil. The
 * transaction-scoped advisory lock serialises every change that can remove an
 * admin, so two admins deactivating each other at the same moment cannot both win.
 */
async function assertAnotherActiveAdmin(tx: Tx, userId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('konsil.last-active-admin'))`;
  const others = await tx.user.count({ where: { id: { not: userId }, active: true, roles: { has: 'ADMIN' } } });
  if (others === 0) throw new AppError('CONFLICT', 'Konsil needs at least one active administrator.');
}

export async function setUserRoles(options: { actor: Actor; userId: string; version: number; roles: Role[] }): Promise<UserDto> {
  const { actor, userId, version, roles } = options;
  assertCan(actor, 'users.manage');
  return db().$transaction(async (tx) => {
    const before = await loadForChange(tx, userId);
    if (before.roles.includes('ADMIN') && !roles.includes('ADMIN')) await assertAnotherActiveAdmin(tx, userId);
    // New roles apply on the user's next request; bumping sessionVersion also signs them out
    // everywhere so no open tab keeps showing what they may no longer see.
    const row = await updateUserAtVersion(tx, userId, version, { roles, sessionVersion: { increment: 1 } });
    await writeAuditEvent(tx, {
      actor,
      action: 'user.roles_change',
      entityType: 'User',
      entityId: userId,
      detail: { before: before.roles, after: row.roles },
    });
    return toDto(row);
  });
}

export async function updateUserProfile(options: {
  actor: Actor;
  userId: string;
  version: number;
  name: string;
  title?: string;
  specialty?: Specialty;
}): Promise<UserDto> {
  const { actor, userId, version, name, title, specialty } = options;
  assertCan(actor, 'users.manage');
  return db().$transaction(async (tx) => {
    const before = await loadForChange(tx, userId);
    const row = await updateUserAtVersion(tx, userId, version, { name, title: title ?? null, specialty: specialty ?? null });
    const fields = (['name', 'title', 'specialty'] as const).filter((f) => before[f] !== row[f]);
    await writeAuditEvent(tx, { actor, action: 'user.profile_change', entityType: 'User', entityId: userId, detail: { fields } });
    return toDto(row);
  });
}

export async function deactivateUser(options: { actor: Actor; userId: string; version: number; reason?: string }): Promise<UserDto> {
  const { actor, userId, version, reason } = options;
  assertCan(actor, 'users.manage');
  if (userId === actor.id) throw new AppError('CONFLICT', 'You cannot deactivate your own account.');
  return db().$transaction(async (tx) => {
    const before = await loadForChange(tx, userId);
    if (!before.active) throw new AppError('CONFLICT', 'This user is already deactivated.');
    if (before.roles.includes('ADMIN')) await assertAnotherActiveAdmin(tx, userId);
    const row = await updateUserAtVersion(tx, userId, version, {
      active: false,
      deactivatedAt: new Date(),
      sessionVersion: { increment: 1 },
    });
    await writeAuditEvent(tx, { actor, action: 'user.deactivate', entityType: 'User', entityId: userId, detail: { reason } });
    return toDto(row);
  });
}

export async function reactivateUser(options: { actor: Actor; userId: string; version: number }): Promise<UserDto> {
  const { actor, userId, version } = options;
  assertCan(actor, 'users.manage');
  return db().$transaction(async (tx) => {
    const before = await loadForChange(tx, userId);
    if (before.active) throw new AppError('CONFLICT', 'This user is already active.');
    const row = await updateUserAtVersion(tx, userId, version, { active: true, deactivatedAt: null });
    await writeAuditEvent(tx, { actor, action: 'user.reactivate', entityType: 'User', entityId: userId, detail: {} });
    return toDto(row);
  });
}

export async function resetUserPassword(options: { actor: Actor; userId: string; version: number; password: string }): Promise<UserDto> {
  const { actor, userId, version, password } = options;
  assertCan(actor, 'users.manage');
  const passwordHash = await hashPassword(password);
  return db().$transaction(async (tx) => {
    await loadForChange(tx, userId);
    const row = await updateUserAtVersion(tx, userId, version, { passwordHash, sessionVersion: { increment: 1 } });
    await writeAuditEvent(tx, { actor, action: 'user.password_reset', entityType: 'User', entityId: userId, detail: {} });
    return toDto(row);
  });
}
