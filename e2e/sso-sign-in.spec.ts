import { expect, test } from '@playwright/test';
import { e2eDb } from './fixtures/db';
import { Shell } from './pages/shell';
import { SignInPage } from './pages/sign-in-page';

// The local OIDC provider (scripts/oidc-test-provider.ts) stands in for the
// hospital's Keycloak; its users carry IdP roles mapped by OIDC_ROLE_MAP.
async function ssoLogin(page: import('@playwright/test').Page, login: string, password: string) {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.ssoButton().click();
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/interaction\//);
  await page.getByLabel('Username or e-mail').fill(login);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('a clinician signs in through SSO and gets the role the IdP grants', async ({ page }) => {
  await ssoLogin(page, 'sso-clinician', 'sso-clinician-pw');
  await expect(page).toHaveURL(/localhost:\d+\/$/);
  await new Shell(page).expectSignedInAs('Clara Clinician (SSO)');
  await expect(page.getByRole('heading', { name: 'My cases', level: 2 })).toBeVisible();
  const user = await e2eDb().user.findUniqueOrThrow({ where: { email: 'sso-clinician@example.org' }, include: { identities: true } });
  expect(user.roles).toEqual(['CLINICIAN']);
  expect(user.passwordHash).toBeNull();
  expect(user.identities[0]?.subject).toBe('sso-clinician');
});

test('an SSO admin lands on the admin start page', async ({ page }) => {
  await ssoLogin(page, 'sso-admin', 'sso-admin-pw');
  await expect(page.getByRole('heading', { name: 'Administration', level: 2 })).toBeVisible();
});

test('an SSO user without a Konsil role is turned away with an explanation', async ({ page }) => {
  await ssoLogin(page, 'sso-norole', 'sso-norole-pw');
  await expect(page).toHaveURL(/\/signin\?error=NoRole/);
  await expect(page.getByText('Your hospital account has no Konsil role.')).toBeVisible();
  expect(await e2eDb().user.count({ where: { email: 'sso-norole@example.org' } })).toBe(0);
});

test('a deactivated SSO user cannot get back in through SSO', async ({ page }) => {
  await ssoLogin(page, 'sso-coordinator', 'sso-coordinator-pw');
  await expect(page.getByRole('heading', { name: 'Upcoming meetings', level: 2 })).toBeVisible();
  await e2eDb().user.update({ where: { email: 'sso-coordinator@example.org' }, data: { active: false, sessionVersion: { increment: 1 } } });
  await page.goto('/meetings');
  await expect(page).toHaveURL(/\/signin/);
  await page.context().clearCookies();
  await ssoLogin(page, 'sso-coordinator', 'sso-coordinator-pw');
  await expect(page).toHaveURL(/\/signin\?error=AccessDenied/);
  await expect(page.getByText('Your account is not active.')).toBeVisible();
});
