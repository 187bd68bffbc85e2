import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { createTestActor } from '@/lib/test/create-test-actor';
import { authenticateWithPassword } from './authenticate-password';

const password = 'correct horse battery';
const from = (ipAddress: string) => ({ ipAddress, userAgent: 'vitest' });
const uniqueAddress = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}-${randomUUID().slice(0, 4)}`;

describe('password sign-in', () => {
  it('accepts the right password and audits the sign-in', async () => {
    const user = await createTestActor({ role: 'CLINICIAN', password });
    const result = await authenticateWithPassword({ email: user.email.toUpperCase(), password }, from(uniqueAddress()));
    expect(result).toEqual({ ok: true, user: { id: user.id, email: user.email, sessionVersion: 0 } });
    expect(await db().auditEvent.count({ where: { action: 'auth.signin', actorId: user.id } })).toBe(1);
  });

  it('gives the same answer for a wrong password, an unknown account and a deactivated account', async () => {
    const user = await createTestActor({ role: 'CLINICIAN', password });
    const inactive = await createTestActor({ role: 'CLINICIAN', password });
    await db().user.update({ where: { id: inactive.id }, data: { active: false } });
    const ip = uniqueAddress();
    expect(await authenticateWithPassword({ email: user.email, password: 'wrong' }, from(ip))).toEqual({ ok: false, reason: 'bad_credentials' });
    expect(await authenticateWithPassword({ email: 'nobody@test.konsil', password }, from(ip))).toEqual({ ok: false, reason: 'bad_credentials' });
    expect(await authenticateWithPassword({ email: inactive.email, password }, from(ip))).toEqual({ ok: false, reason: 'bad_credentials' });
    const failed = await db().auditEvent.findMany({ where: { action: 'auth.signin_failed', ipAddress: ip }, orderBy: { id: 'asc' } });
    expect(failed.map((e) => (e.detail as { reason: string }).reason)).toEqual(['bad_credentials', 'bad_credentials', 'inactive']);
    expect(JSON.stringify(failed.map((e) => e.detail))).not.toContain('wrong'); // never the password
  });

  it('rejects malformed input without touching the database', async () => {
    const before = await db().loginAttempt.count();
    expect(await authenticateWithPassword({ email: 'x'.repeat(5000), password: 1 }, from(uniqueAddress()))).toEqual({
      ok: false,
      reason: 'invalid_input',
    });
    expect(await db().loginAttempt.count()).toBe(before);
  });

  it('locks an account after 5 failures, even for the right password, from any address', async () => {
    const user = await createTestActor({ role: 'CLINICIAN', password });
    for (let i = 0; i < 5; i++) {
      expect(await authenticateWithPassword({ email: user.email, password: `wrong-${i}` }, from(uniqueAddress()))).toMatchObject({ ok: false, reason: 'bad_credentials' });
    }
    expect(await authenticateWithPassword({ email: user.email, password }, from(uniqueAddress()))).toEqual({ ok: false, reason: 'rate_limited' });
  });

  it('blocks an address after 20 failures, across accounts, without blocking other addresses', async () => {
    const ip = uniqueAddress();
    for (let i = 0; i < 20; i++) {
      await authenticateWithPassword({ email: `spray-${i}@test.konsil`, password: 'guess' }, from(ip));
    }
    const victim = await createTestActor({ role: 'CLINICIAN', password });
    expect(await authenticateWithPassword({ email: victim.email, password }, from(ip))).toEqual({ ok: false, reason: 'rate_limited' });
    expect(await authenticateWithPassword({ email: victim.email, password }, from(uniqueAddress()))).toMatchObject({ ok: true });
  });

  it('lets the account in again once the window has passed', async () => {
    const user = await createTestActor({ role: 'CLINICIAN', password });
    for (let i = 0; i < 5; i++) await authenticateWithPassword({ email: user.email, password: 'wrong' }, from(uniqueAddress()));
    expect(await authenticateWithPassword({ email: user.email, password }, from(uniqueAddress()))).toMatchObject({ reason: 'rate_limited' });
    await db().loginAttempt.updateMany({ where: { email: user.email }, data: { createdAt: new Date(Date.now() - 16 * 60_000) } });
    expect(await authenticateWithPassword({ email: user.email, password }, from(uniqueAddress()))).toMatchObject({ ok: true });
  });
});
