import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signInViaApi } from './fixtures/sign-in-api';
import { createE2eUser } from './fixtures/users';

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary).toEqual([]);
}

test('the sign-in page is axe-clean and usable by keyboard alone', async ({ page }) => {
  const user = await createE2eUser({ roles: ['CLINICIAN'] });
  await page.goto('/signin');
  await expectNoAxeViolations(page);
  // Tab order: SSO button, e-mail, password, sign in.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: /Sign in with/ })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('E-mail')).toBeFocused();
  await page.keyboard.type(user.email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(user.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'My cases', level: 2 })).toBeVisible();
});

const pagesByRole = [
  { roles: ['CLINICIAN'], paths: ['/', '/cases', '/meetings'] },
  { roles: ['COORDINATOR'], paths: ['/', '/imports'] },
  { roles: ['ADMIN'], paths: ['/', '/admin/users', '/admin/audit', '/admin/models'] },
] as const;

for (const { roles, paths } of pagesByRole) {
  test(`${roles.join('+')} pages are axe-clean`, async ({ page }) => {
    const user = await createE2eUser({ roles: [...roles] });
    await signInViaApi(page.request, user);
    for (const path of paths) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectNoAxeViolations(page);
    }
  });
}

test('the 403 and 404 pages are axe-clean', async ({ page }) => {
  await signInViaApi(page.request, await createE2eUser({ roles: ['CLINICIAN'] }));
  await page.goto('/admin/users');
  await expectNoAxeViolations(page);
  await page.goto('/does-not-exist');
  await expectNoAxeViolations(page);
});

test('the skip link moves keyboard focus to the content', async ({ page }) => {
  await signInViaApi(page.request, await createE2eUser({ roles: ['ADMIN'] }));
  await page.goto('/admin/users');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
});
