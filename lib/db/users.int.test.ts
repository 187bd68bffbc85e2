import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/authz/actor';
import { executeAction } from '@/lib/actions/create-action';
import { createUser, deactivateUser, setUserRoles } from '@/lib/actions/users';
import { createTestActor } from '@/lib/test/create-test-actor';
import { db } from './client';

let admin: Actor;
beforeAll(async () => {
  admin = await createTestActor({ role: 'ADMIN' });
});

const snapshot = () => db().user.findMany({ orderBy: { id: 'asc' } });

describe('user administration: bad input changes nothing', () => {
  it('rejects malformed form data with field errors', async () => {
    const before = await snapshot();
    const fd = new FormData();
    fd.append('email', 'not-an-email');
    fd.append('name', 'A');
    fd.append('password', 'short');
    fd.append('roles', 'SUPERUSER');
    const result = await executeAction(createUser.definition, admin, fd);
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION' });
    if (result.ok) throw new Error('unreachable');
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(['email', 'name', 'password', 'roles']);
    expect(await snapshot()).toEqual(before);
  });

  it('rejects oversized values with a clear message', async () => {
    const before = await snapshot();
    const result = await executeAction(createUser.definition, admin, {
      email: 'big@test.konsil',
      name: 'x'.repeat(10_000),
      roles: ['CLINICIAN'],
      password: 'p'.repeat(100_000),
    });
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION' });
    if (result.ok) throw new Error('unreachable');
    expect(result.fieldErrors?.name).toEqual(['At most 200 characters']);
    expect(result.fieldErrors?.password).toEqual(['At most 256 characters']);
    expect(await snapshot()).toEqual(before);
  });

  it('answers NOT_FOUND for unknown ids and VALIDATION for ids that are not ids', async () => {
    const before = await snapshot();
    const unknown = await executeAction(setUserRoles.definition, admin, { userId: 'c'.repeat(25), version: 0, roles: ['ADMIN'] });
    expect(unknown).toMatchObject({ ok: false, code: 'NOT_FOUND', message: 'The user was not found.' });
    const garbage = await executeAction(setUserRoles.definition, admin, { userId: "1'; DROP TABLE users;--", version: 0, roles: ['ADMIN'] });
    expect(garbage).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a duplicate e-mail', async () => {
    const input = { email: `dup-${Date.now()}@test.konsil`, name: 'Dup Licate', roles: ['CLINICIAN'], password: 'long-enough-password' };
    expect(await executeAction(createUser.definition, admin, input)).toMatchObject({ ok: true });
    const again = await executeAction(createUser.definition, admin, { ...input, email: input.email.toUpperCase() });
    expect(again).toMatchObject({ ok: false, code: 'CONFLICT', fieldErrors: { email: ['Already in use'] } });
    expect(await db().user.count({ where: { email: input.email } })).toBe(1);
  });
});

describe('user administration: concurrency and safety', () => {
  it('never lets a stale edit overwrite a newer one', async () => {
    const target = await createTestActor({ role: 'CLINICIAN' });
    const first = await executeAction(setUserRoles.definition, admin, { userId: target.id, version: 0, roles: ['COORDINATOR'] });
    expect(first).toMatchObject({ ok: true, data: { roles: ['COORDINATOR'], version: 1 } });
    const stale = await executeAction(setUserRoles.definition, admin, { userId: target.id, version: 0, roles: ['ADMIN'] });
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect((await db().user.findUniqueOrThrow({ where: { id: target.id } })).roles).toEqual(['COORDINATOR']);
  });

  it('ends every session of a deactivated user and records who did it, in the same transaction', async () => {
    const target = await createTestActor({ role: 'CLINICIAN' });
    const result = await executeAction(deactivateUser.definition, admin, { userId: target.id, version: 0, reason: 'left' });
    expect(result).toMatchObject({ ok: true, data: { active: false } });
    const row = await db().user.findUniqueOrThrow({ where: { id: target.id } });
    expect(row.sessionVersion).toBe(1);
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: 'user.deactivate', entityId: target.id } });
    expect(event).toMatchObject({ actorId: admin.id, outcome: 'SUCCESS', detail: { reason: 'left' } });
  });

  it('does not let an admin deactivate themselves or remove the last admin', async () => {
    const self = await executeAction(deactivateUser.definition, admin, { userId: admin.id, version: 0 });
    expect(self).toMatchObject({ ok: false, code: 'CONFLICT' });
    // Make `admin` the only active admin for a moment, then try to drop its ADMIN role.
    const others = await db().user.findMany({ where: { id: { not: admin.id }, active: true, roles: { has: 'ADMIN' } }, select: { id: true } });
    await db().user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { active: false } });
    try {
      const current = await db().user.findUniqueOrThrow({ where: { id: admin.id } });
      const demote = await executeAction(setUserRoles.definition, admin, { userId: admin.id, version: current.version, roles: ['CLINICIAN'] });
      expect(demote).toMatchObject({ ok: false, code: 'CONFLICT', message: 'Konsil needs at least one active administrator.' });
      expect((await db().user.findUniqueOrThrow({ where: { id: admin.id } })).roles).toEqual(['ADMIN']);
    } finally {
      await db().user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { active: true } });
    }
  });

  it('lets exactly one of two admins who deactivate each other at the same moment succeed', async () => {
    const a = await createTestActor({ role: 'ADMIN' });
    const b = await createTestActor({ role: 'ADMIN' });
    const others = await db().user.findMany({ where: { id: { notIn: [a.id, b.id] }, active: true, roles: { has: 'ADMIN' } }, select: { id: true } });
    await db().user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { active: false } });
    try {
      const results = await Promise.all([
        executeAction(deactivateUser.definition, a, { userId: b.id, version: 0 }),
        executeAction(deactivateUser.definition, b, { userId: a.id, version: 0 }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(await db().user.count({ where: { id: { in: [a.id, b.id] }, active: true } })).toBe(1);
    } finally {
      await db().user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { active: true } });
    }
  });
});
