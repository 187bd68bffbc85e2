import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/authz/actor';
import { executeAction } from '@/lib/actions/create-action';
import { createUser } from '@/lib/actions/users';
import { db } from '@/lib/db/client';
import { createTestActor } from '@/lib/test/create-test-actor';
import { writeAuditEvent } from './write-audit-event';

let admin: Actor;
beforeAll(async () => {
  admin = await createTestActor({ role: 'ADMIN' });
  await db().$transaction((tx) => writeAuditEvent(tx, { actor: admin, action: 'auth.signout', detail: {} }));
});

describe('the audit table is append-only in the database itself', () => {
  it('refuses UPDATE', async () => {
    await expect(db().$executeRawUnsafe(`UPDATE audit_events SET action = 'tampered'`)).rejects.toThrow(/append-only/);
    expect(await db().auditEvent.count({ where: { action: 'tampered' } })).toBe(0);
  });
  it('refuses DELETE', async () => {
    const before = await db().auditEvent.count();
    await expect(db().$executeRawUnsafe(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
    expect(await db().auditEvent.count()).toBe(before);
  });
  it('refuses TRUNCATE', async () => {
    await expect(db().$executeRawUnsafe(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
    expect(await db().auditEvent.count()).toBeGreaterThan(0);
  });
  it('refuses changes through Prisma too', async () => {
    await expect(db().auditEvent.deleteMany({})).rejects.toThrow();
    await expect(db().auditEvent.updateMany({ data: { outcome: 'DENIED' } })).rejects.toThrow();
  });
});

describe('audit writes share the transaction of the change', () => {
  it('rolls the change back when its audit insert fails', async () => {
    // Make the database reject exactly this kind of audit row, as a full disk or a
    // broken constraint would. The user insert before it must disappear with it.
    await db().$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION test_reject_user_create_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.action = 'user.create' THEN RAISE EXCEPTION 'audit storage unavailable (test)'; END IF;
        RETURN NEW;
      END $$`);
    await db().$executeRawUnsafe(
      `CREATE TRIGGER test_reject_user_create_audit BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION test_reject_user_create_audit()`,
    );
    try {
      const email = `rollback-${Date.now()}@test.konsil`;
      const result = await executeAction(createUser.definition, admin, { email, name: 'Roll Back', roles: ['CLINICIAN'], password: 'long-enough-password' });
      expect(result).toMatchObject({ ok: false, code: 'INTERNAL' });
      expect(await db().user.count({ where: { email } })).toBe(0);
    } finally {
      await db().$executeRawUnsafe(`DROP TRIGGER test_reject_user_create_audit ON audit_events`);
      await db().$executeRawUnsafe(`DROP FUNCTION test_reject_user_create_audit()`);
    }
  });

  it('rolls the change back when the audit detail does not match its schema', async () => {
    const email = `bad-detail-${Date.now()}@test.konsil`;
    await expect(
      db().$transaction(async (tx) => {
        await tx.user.create({ data: { email, name: 'Bad Detail', roles: ['CLINICIAN'] } });
        // @ts-expect-error: the detail of user.create needs email and roles
        await writeAuditEvent(tx, { actor: admin, action: 'user.create', detail: { nonsense: true } });
      }),
    ).rejects.toThrow();
    expect(await db().user.count({ where: { email } })).toBe(0);
  });

  it('records who, what, when, from where and the outcome', async () => {
    const email = `audited-${Date.now()}@test.konsil`;
    const result = await executeAction(createUser.definition, admin, { email, name: 'Audited', roles: ['COORDINATOR'], password: 'long-enough-password' });
    expect(result.ok).toBe(true);
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: 'user.create', actorId: admin.id }, orderBy: { id: 'desc' } });
    expect(event).toMatchObject({
      actorEmail: admin.email,
      actorRoles: ['ADMIN'],
      entityType: 'User',
      outcome: 'SUCCESS',
      ipAddress: '203.0.113.10',
      userAgent: 'vitest',
      detail: { email, roles: ['COORDINATOR'] },
    });
    expect(Date.now() - event.occurredAt.getTime()).toBeLessThan(60_000);
  });
});
