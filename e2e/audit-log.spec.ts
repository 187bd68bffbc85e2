import { expect, test } from '@playwright/test';
import { signInViaApi } from './fixtures/sign-in-api';
import { createE2eUser } from './fixtures/users';
import { SignInPage } from './pages/sign-in-page';

test('an admin finds a failed sign-in in the audit log by filtering', async ({ page, browser }) => {
  const victim = await createE2eUser({ roles: ['CLINICIAN'] });
  const other = await (await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': '192.0.2.77' } })).newPage();
  const signIn = new SignInPage(other);
  await signIn.goto();
  await signIn.signIn(victim.email, 'wrong-password');
  await expect(signIn.error()).toBeVisible();

  const admin = await createE2eUser({ roles: ['ADMIN'] });
  await signInViaApi(page.request, admin);
  await page.goto('/admin/audit');
  await page.getByLabel('Action').selectOption('auth.signin_failed');
  await page.getByLabel('Outcome').selectOption('FAILURE');
  await page.getByLabel('Entity id').fill(victim.id);
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/action=auth\.signin_failed/);
  const rows = page.getByTestId('audit-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('192.0.2.77');
  await rows.first().getByText('detail').click();
  await expect(rows.first()).toContainText('"reason": "bad_credentials"');
  await expect(rows.first()).not.toContainText('wrong-password');
});

test('reading the audit log is itself audited, and clinicians cannot read it', async ({ page, browser }) => {
  const admin = await createE2eUser({ roles: ['ADMIN'] });
  await signInViaApi(page.request, admin);
  await page.goto('/admin/audit');
  await page.goto(`/admin/audit?actor=${encodeURIComponent(admin.email)}&action=audit.view`);
  await expect(page.getByTestId('audit-row').first()).toContainText('audit.view');

  const clinicianPage = await (await browser.newContext()).newPage();
  await signInViaApi(clinicianPage.request, await createE2eUser({ roles: ['CLINICIAN'] }));
  expect((await clinicianPage.goto('/admin/audit'))?.status()).toBe(403);
});
