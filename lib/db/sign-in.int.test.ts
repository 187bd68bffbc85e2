import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTestActor } from '@/lib/test/create-test-actor';
import { db } from './client';
import { unsafeProvisionSsoUser } from './sign-in';

const issuer = 'https://idp.test.konsil';
const context = { ipAddress: '203.0.113.50', userAgent: 'vitest' };
const sso = (overrides: Partial<Parameters<typeof unsafeProvisionSsoUser>[0]>) =>
  unsafeProvisionSsoUser({
    issuer,
    subject: `sub-${randomUUID()}`,
    email: `sso-${randomUUID().slice(0, 8)}@test.konsil`,
    emailVerified: true,
    name: 'SSO Person',
    roles: ['CLINICIAN'],
    ...context,
    ...overrides,
  });

describe('SSO provisioning', () => {
  it('creates a user on first sign-in and finds them again by subject', async () => {
    const subject = `sub-${randomUUID()}`;
    const first = await sso({ subject, email: `first-${subject}@test.konsil` });
    expect(first.ok).toBe(true);
    const again = await sso({ subject, email: `first-${subject}@test.konsil`, roles: ['CLINICIAN'] });
    expect(again).toEqual(first);
    expect(await db().externalIdentity.count({ where: { issuer, subject } })).toBe(1);
  });

  it('links a local account by e-mail only when the IdP verified the e-mail', async () => {
    const local = await createTestActor({ role: 'CLINICIAN', password: 'local-password-1' });
    expect(await sso({ email: local.email, emailVerified: false })).toEqual({ ok: false, reason: 'email_conflict' });
    expect(await db().externalIdentity.count({ where: { userId: local.id } })).toBe(0);
    const linked = await sso({ email: local.email, emailVerified: true });
    expect(linked).toMatchObject({ ok: true, id: local.id });
  });

  it('refuses a second IdP subject claiming an already linked account', async () => {
    const owner = await sso({});
    if (!owner.ok) throw new Error('setup');
    const { email } = await db().user.findUniqueOrThrow({ where: { id: owner.id } });
    expect(await sso({ email, subject: `other-${randomUUID()}` })).toEqual({ ok: false, reason: 'email_conflict' });
  });

  it('takes the roles away and ends sessions when the IdP stops granting any', async () => {
    const subject = `sub-${randomUUID()}`;
    const email = `revoked-${subject}@test.konsil`;
    const granted = await sso({ subject, email, roles: ['COORDINATOR'] });
    if (!granted.ok) throw new Error('setup');
    expect(await sso({ subject, email, roles: [] })).toEqual({ ok: false, reason: 'no_role' });
    const user = await db().user.findUniqueOrThrow({ where: { id: granted.id } });
    expect(user.roles).toEqual([]);
    expect(user.sessionVersion).toBeGreaterThan(granted.sessionVersion);
  });

  it('refuses deactivated users', async () => {
    const subject = `sub-${randomUUID()}`;
    const created = await sso({ subject });
    if (!created.ok) throw new Error('setup');
    await db().user.update({ where: { id: created.id }, data: { active: false } });
    expect(await sso({ subject })).toEqual({ ok: false, reason: 'inactive' });
  });
});
