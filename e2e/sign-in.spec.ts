import { expect, test } from '@playwright/test';
import { e2eDb } from './fixtures/db';
import { createE2eUser } from './fixtures/users';
import { Shell } from './pages/shell';
import { SignInPage } from './pages/sign-in-page';

// What each role sees after signing in: its own start page and only the navigation it may use.
const expectations = [
  { roles: ['CLINICIAN'], nav: ['Start', 'Cases', 'Meetings', 'Referrals', 'Follow-ups'], sections: ['My cases'], absent: ['Administration', 'Upcoming meetings'] },
  { roles: ['COORDINATOR'], nav: ['Start', 'Cases', 'Meetings', 'Boards', 'Referrals', 'Follow-ups', 'Quality', 'Import data'], sections: ['Upcoming meetings'], absent: ['My cases', 'Administration'] },
  { roles: ['ADMIN'], nav: ['Start', 'Quality', 'Import data', 'Users', 'Models', 'Audit log'], sections: ['Administration'], absent: ['My cases', 'Upcoming meetings'] },
] as const;

for (const { roles, nav, sections, absent } of expectations) {
  test(`a ${roles.join('+')} signs in, sees their start page and signs out`, async ({ page }) => {
    const user = await createE2eUser({ roles: [...roles] });
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(user.email, user.password);
    await expect(page).toHaveURL(/\/$/);
    const shell = new Shell(page);
    await shell.expectSignedInAs(user.name);
    expect(await shell.navLabels()).toEqual(nav);
    for (const name of sections) await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
    for (const name of absent) await expect(page.getByRole('heading', { name, level: 2 })).toHaveCount(0);

    await shell.signOut();
    await page.goto('/');
    await expect(page).toHaveURL(/\/signin/);
    const trail = await e2eDb().auditEvent.findMany({ where: { actorId: user.id, action: { in: ['auth.signin', 'auth.signout'] } }, orderBy: { id: 'asc' } });
    expect(trail.map((e) => e.action)).toEqual(['auth.signin', 'auth.signout']);
  });
}

test('a wrong password is refused with a message that does not say which part was wrong', async ({ page }) => {
  const user = await createE2eUser({ roles: ['CLINICIAN'] });
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(user.email, 'not-the-password');
  await expect(signIn.error()).toHaveText('E-mail or password is not correct, or the account is not active.');
  await expect(page).toHaveURL(/\/signin/);
});

test('a protected page sends an anonymous visitor to sign-in and back afterwards', async ({ page }) => {
  const user = await createE2eUser({ roles: ['ADMIN'] });
  await page.goto('/admin/audit?action=auth.signin');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await new SignInPage(page).signIn(user.email, user.password);
  await expect(page).toHaveURL(/\/admin\/audit\?action=auth\.signin$/);
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
});

test('a user with several roles gets the union of their start pages', async ({ page }) => {
  const user = await createE2eUser({ roles: ['CLINICIAN', 'ADMIN'] });
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(user.email, user.password);
  await expect(page.getByRole('heading', { name: 'My cases', level: 2 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Administration', level: 2 })).toBeVisible();
});

test('the session cookie is httpOnly, same-site and expires after the configured 8 hours', async ({ page, context }) => {
  const user = await createE2eUser({ roles: ['COORDINATOR'] });
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(user.email, user.password);
  await expect(page.getByRole('heading', { name: 'Upcoming meetings', level: 2 })).toBeVisible();
  const cookie = (await context.cookies()).find((c) => c.name.endsWith('authjs.session-token'));
  expect(cookie).toBeDefined();
  expect(cookie!.httpOnly).toBe(true);
  expect(cookie!.sameSite).toBe('Lax');
  const hoursLeft = (cookie!.expires * 1000 - Date.now()) / 3_600_000;
  expect(hoursLeft).toBeGreaterThan(7.9);
  expect(hoursLeft).toBeLessThanOrEqual(8.01);
});
