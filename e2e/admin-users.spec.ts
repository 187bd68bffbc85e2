import { expect, test } from '@playwright/test';
import { e2eDb } from './fixtures/db';
import { signInViaApi } from './fixtures/sign-in-api';
import { createE2eUser } from './fixtures/users';
import { SignInPage } from './pages/sign-in-page';

test('an admin creates a user, gives them roles, and the new user can sign in with them', async ({ page, browser }) => {
  const admin = await createE2eUser({ roles: ['ADMIN'] });
  await signInViaApi(page.request, admin);
  await page.goto('/admin/users');

  const email = `new-${Date.now()}@e2e.konsil`;
  const form = page.getByRole('form', { name: 'Create user' });
  await form.getByLabel('Full name').fill('Dr. Nina Neu');
  await form.getByLabel('E-mail').fill(email);
  await form.getByLabel('Specialty (optional)').selectOption('PATHOLOGY');
  await form.getByLabel('Initial password').fill('initial-password-123');
  await form.getByLabel('Clinician').check();
  await form.getByRole('button', { name: 'Create user' }).click();
  await expect(form.getByText('User created.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Dr. Nina Neu' })).toBeVisible();

  await page.getByRole('link', { name: 'Dr. Nina Neu' }).click();
  const rolesForm = page.getByRole('form', { name: 'Roles' });
  await rolesForm.getByLabel('Coordinator').check();
  await rolesForm.getByRole('button', { name: 'Save roles' }).click();
  await expect(rolesForm.getByText(/Roles saved/)).toBeVisible();

  const context = await browser.newContext();
  const newcomer = await context.newPage();
  const signIn = new SignInPage(newcomer);
  await signIn.goto();
  await signIn.signIn(email, 'initial-password-123');
  await expect(newcomer.getByRole('heading', { name: 'My cases', level: 2 })).toBeVisible();
  await expect(newcomer.getByRole('heading', { name: 'Upcoming meetings', level: 2 })).toBeVisible();
  await context.close();
});

test('the create form explains every invalid field and creates nothing', async ({ page }) => {
  const admin = await createE2eUser({ roles: ['ADMIN'] });
  await signInViaApi(page.request, admin);
  await page.goto('/admin/users');
  const before = await e2eDb().user.count();
  const form = page.getByRole('form', { name: 'Create user' });
  await form.getByLabel('Full name').fill('X');
  await form.getByLabel('E-mail').fill('not-an-email');
  await form.getByLabel('Initial password').fill('short');
  await form.getByRole('button', { name: 'Create user' }).click();
  await expect(form.getByRole('alert').first()).toBeVisible();
  await expect(form.getByText('Enter the full name')).toBeVisible();
  await expect(form.getByText('Enter a valid e-mail address')).toBeVisible();
  await expect(form.getByText('At least 12 characters', { exact: true })).toBeVisible();
  await expect(form.getByText('Choose at least one role')).toBeVisible();
  await expect(form.getByLabel('E-mail')).toHaveAttribute('aria-invalid', 'true');
  expect(await e2eDb().user.count()).toBe(before);
});

test('two admins editing the same user: the second save is refused, not silently applied', async ({ browser }) => {
  const [adminA, adminB] = [await createE2eUser({ roles: ['ADMIN'] }), await createE2eUser({ roles: ['ADMIN'] })];
  const target = await createE2eUser({ roles: ['CLINICIAN'] });
  const pages = await Promise.all(
    [adminA, adminB].map(async (admin) => {
      const page = await (await browser.newContext()).newPage();
      await signInViaApi(page.request, admin);
      await page.goto(`/admin/users/${target.id}`);
      return page;
    }),
  );
  const [a, b] = pages as [typeof pages[0], typeof pages[0]];
  await a.getByRole('form', { name: 'Roles' }).getByLabel('Administrator').check();
  await a.getByRole('form', { name: 'Roles' }).getByRole('button', { name: 'Save roles' }).click();
  await expect(a.getByText(/Roles saved/)).toBeVisible();

  await b.getByRole('form', { name: 'Roles' }).getByLabel('Coordinator').check();
  await b.getByRole('form', { name: 'Roles' }).getByRole('button', { name: 'Save roles' }).click();
  await expect(b.getByRole('form', { name: 'Roles' }).getByRole('alert')).toContainText('was changed by someone else');
  expect((await e2eDb().user.findUniqueOrThrow({ where: { id: target.id } })).roles).toEqual(['CLINICIAN', 'ADMIN']);
});

test('a coordinator cannot open user administration', async ({ page }) => {
  const coordinator = await createE2eUser({ roles: ['COORDINATOR'] });
  await signInViaApi(page.request, coordinator);
  const response = await page.goto('/admin/users');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'Access denied (403)' })).toBeVisible();
  const denial = await e2eDb().auditEvent.findFirst({ where: { actorId: coordinator.id, action: 'access.denied' } });
  expect(denial?.detail).toMatchObject({ target: '/admin/users', permission: 'users.read' });
});
