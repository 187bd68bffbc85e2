import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { createTestActor } from '@/lib/test/create-test-actor';
import { resetEnvCache } from '@/lib/env';
import { seedUser } from '@/prisma/seed/users';
import { authenticateWithPassword } from './authenticate-password';

const password = 'correct horse battery';
const from = (ipAddress: string) => ({ ipAddress, userAgent: 'vitest' });
const uniqueAddress = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}-${randomUUID().slice(0, 4)}`;

describe('password sign-in', () => {
  it('accepts the right password and audits the sign-in', async () => {
    const user = await createTestActor({ role: 'CLINICIAN', password });
    const result = await authenticateWithPassword({ credentials: { email: user.email.toUpperCase(), password }, ...from(uniqueAddress()) });
    expect(result).toEqual({ ok: true, user: { id: user.id, email: user.email, sessionVersion: 0 } });
    expect(await db().auditEvent.count({ where: { action: 'auth.signin', actorId: user.id } })).toBe(1);
  });

  it('gives the same answer for a wrong password, an unknown account and a deactivated account', async () => {
    const user = await createTestActor({ role: 'CLINICIAN', password });
    const inactive = await createTestActor({ role: 'CLINICIAN', password });
    await db().user.update({ where: { id: inactive.id }, data: { active: false } });
    const ip = uniqueAddress();
    expect(await authenticateWithPassword({ credentials: { email: user.email, password: 'wrong' }, ...from(ip) })).toEqual({ ok: false, reason: 'bad_credentials' });
    expect(await authenticateWithPassword({ credentials: { email: 'nobody@test.konsil', password }, ...from(ip) })).toEqual({ ok: false, reason: 'bad_credentials' });
    expect(await authenticateWithPassword({ credentials: { email: inactive.email, password }, ...from(ip) })).toEqual({ ok: false, reason: 'bad_credentials' });
    const failed = await db().auditEvent.findMany({ where: { action: 'auth.signin_failed', ipAddress: ip }, orderBy: { id: 'asc' } });
    expect(failed.map((e) => (e.detail as { reason: string }).reason)).toEqual(['bad_credentials', 'bad_credentials', 'inactive']);
    expect(JSON.stringify(failed.map((e) => e.detail))).not.toContain('wrong'); // never the password
  });

  it('refuses demo accounts when demo mode is off, even with the right password', async () => {
    const email = `someone-${randomUUID().slice(0, 6)}@konsil.demo`;
    await db().$transaction((tx) => seedUser(tx, { email, name: 'Demo Person', roles: ['ADMIN'], password }));
    const previous = process.env.KONSIL_DEMO_MODE;
    try {
      process.env.KONSIL_DEMO_MODE = '0';
      resetEnvCache();
      expect(await authenticateWithPassword({ credentials: { email, password }, ...from(uniqueAddress()) })).toEqual({ ok: false, reason: 'bad_credentials' });
      process.env.KONSIL_DEMO_MODE = '1';
      resetEnvCache();
      expect(await authenticateWithPassword({ credentials: { email, password }, ...from(uniqueAddress()) })).toMatchObject({ ok: true });
    } finally {
      if (previous === undefined) delete process.env.KONSIL_DEMO_MODE;
      else process.env.KONSIL_DEMO_MODE = previous;
      resetEnvCache();
    }
    const refused = await db().auditEvent.findFirst({ where: { action: 'auth.signin_failed', detail: { path: ['email'], equals: email } } });
    expect(refused?.detail).toMatchObject({ reason: 'demo_account' });
  });

  it('cannot be raced: 30 concurrent wrong guesses let at most 5 reach the password check', async () => {
    const user = await createTestActor({ role: 'CLINICIAN', password });
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => authenticateWithPassword({ credentials: { email: user.email, password: `guess-${i}` }, ...from(uniqueAddress()) })),
    );
    const checked = results.filter((r) => !r.ok && r.reason === 'bad_credentials').length;
    expect(checked).toBeLessThanOrEqual(5);
    expect(results.filter((r) => !r.ok && r.reason === 'rate_limited').length).toBe(30 - checked);
  });

  it('rejects malformed input without touching the database', async () => {
    const before = await db().loginAttempt.count();
    expect(await authenticateWithPassword({ credentials: { email: 'x'.repeat(5000), password: 1 }, ...from(uniqueAddress()) })).toEqual({
      ok: false,
      reason: 'invalid_input',
    });
    expect(await db().loginAttempt.count()).toBe(before);
  });

  it('locks an account after 5 failures, even for the right password, from any address', async () => {
    const user = await createTestActor({ role: 'CLINICIAN', password });
    for (let i = 0; i < 5; i++) {
      expect(await authenticateWithPassword({ credentials: { email: user.email, password: `wrong-${i}` }, ...from(uniqueAddress()) })).toMatchObject({ ok: false, reason: 'bad_credentials' });
    }
    expect(await authenticateWithPassword({ credentials: { email: user.email, password }, ...from(uniqueAddress()) })).toEqual({ ok: false, reason: 'rate_limited' });
  });

  it('blocks an address after 20 failures, across accounts, without blocking other addresses', async () => {
    const ip = uniqueAddress();
    for (let i = 0; i < 20; i++) {
      await authenticateWithPassword({ credentials: { email: `spray-${i}@test.konsil`, password: 'guess' }, ...from(ip) });
    }
    const victim = await createTestActor({ role: 'CLINICIAN', password });
    expect(await authenticateWithPassword({ credentials: { email: victim.email, password }, ...from(ip) })).toEqual({ ok: false, reason: 'rate_limited' });
    expect(await authenticateWithPassword({ credentials: { email: victim.email, password }, ...from(uniqueAddress()) })).toMatchObject({ ok: true });
  });

  it('lets the account in again once the window has passed', async () => {
    const user = await createTestActor({ role: 'CLINICIAN', password });
    for (let i = 0; i < 5; i++) await authenticateWithPassword({ credentials: { email: user.email, password: 'wrong' }, ...from(uniqueAddress()) });
    expect(await authenticateWithPassword({ credentials: { email: user.email, password }, ...from(uniqueAddress()) })).toMatchObject({ reason: 'rate_limited' });
    await db().loginAttempt.updateMany({ where: { email: user.email }, data: { createdAt: new Date(Date.now() - 16 * 60_000) } });
    expect(await authenticateWithPassword({ credentials: { email: user.email, password }, ...from(uniqueAddress()) })).toMatchObject({ ok: true });
  });
});
