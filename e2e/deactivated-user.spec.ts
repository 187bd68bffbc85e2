import { expect, test } from '@playwright/test';
import { signInViaApi } from './fixtures/sign-in-api';
import { createE2eUser } from './fixtures/users';
import { SignInPage } from './pages/sign-in-page';

test('an admin deactivates a signed-in clinician, who loses access on the next click', async ({ browser }) => {
  const admin = await createE2eUser({ roles: ['ADMIN'] });
  const clinician = await createE2eUser({ roles: ['CLINICIAN'] });

  const clinicianContext = await browser.newContext();
  const clinicianPage = await clinicianContext.newPage();
  await signInViaApi(clinicianPage.request, clinician);
  await clinicianPage.goto('/cases');
  await expect(clinicianPage.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();

  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await signInViaApi(adminPage.request, admin);
  await adminPage.goto(`/admin/users/${clinician.id}`);
  await adminPage.getByLabel('Reason (recorded in the audit log)').fill('Left the hospital');
  await adminPage.getByRole('button', { name: 'Deactivate user' }).click();
  await expect(adminPage.getByText('User deactivated. Their sessions have ended.')).toBeVisible();

  // The clinician's session cookie is still in the browser, but it no longer opens anything.
  await clinicianPage.goto('/cases');
  await expect(clinicianPage).toHaveURL(/\/signin/);

  // And the right password no longer signs them in.
  const signIn = new SignInPage(clinicianPage);
  await signIn.goto();
  await signIn.signIn(clinician.email, clinician.password);
  await expect(signIn.error()).toHaveText('E-mail or password is not correct, or the account is not active.');

  await clinicianContext.close();
  await adminContext.close();
});
