import { expect, test } from '@playwright/test';
import { e2eDb } from './fixtures/db';
import { createE2eUser } from './fixtures/users';
import { SignInPage } from './pages/sign-in-page';

// The e2e stack trusts one proxy hop (TRUSTED_PROXY_HOPS=1) and the specs play
// that proxy: each test sets X-Forwarded-For to its own client address, so the
// per-address counter of one test never blocks the others (all from 127.0.0.1).
const address = () => `192.0.2.${Math.floor(Math.random() * 250) + 1}`;

test('five wrong passwords lock the account, even against the right one', async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': address() } });
  const page = await context.newPage();
  const user = await createE2eUser({ roles: ['CLINICIAN'] });
  const signIn = new SignInPage(page);
  await signIn.goto();
  for (let i = 0; i < 5; i++) {
    await signIn.signIn(user.email, `wrong-${i}`);
    await signIn.expectFormReset(user.email);
    await expect(signIn.error()).toHaveText('E-mail or password is not correct, or the account is not active.');
    expect(await e2eDb().loginAttempt.count({ where: { email: user.email } })).toBe(i + 1);
  }
  await signIn.signIn(user.email, user.password);
  await expect(signIn.error()).toContainText('Too many failed attempts');
  await expect(page).toHaveURL(/\/signin/);
  const limited = await e2eDb().auditEvent.count({ where: { action: 'auth.signin_failed', detail: { path: ['reason'], equals: 'rate_limited' }, entityId: user.id } });
  expect(limited).toBe(1);
  await context.close();
});

test('twenty failures from one address block that address for every account', async ({ browser }) => {
  const ip = address();
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': ip } });
  const page = await context.newPage();
  // Fast-forward: 20 recent failures from this address, as a password-spraying run leaves them.
  await e2eDb().loginAttempt.createMany({
    data: Array.from({ length: 20 }, (_, i) => ({ email: `spray-${i}@e2e.konsil`, ipAddress: ip, succeeded: false })),
  });
  const user = await createE2eUser({ roles: ['COORDINATOR'] });
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(user.email, user.password);
  await expect(signIn.error()).toContainText('Too many failed attempts');

  const elsewhere = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': address() } });
  const other = new SignInPage(await elsewhere.newPage());
  await other.goto();
  await other.signIn(user.email, user.password);
  await expect(elsewhere.pages()[0]!).toHaveURL(/\/$/);
  await context.close();
  await elsewhere.close();
});
