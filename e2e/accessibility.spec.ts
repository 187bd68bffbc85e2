import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { e2eDb } from './fixtures/db';
import { seedBreastInferenceCase } from './fixtures/inference-case';
import { signInViaApi } from './fixtures/sign-in-api';
import { createE2eUser } from './fixtures/users';
import { CaseScreen } from './pages/case-screen';
import { DecisionSupportPanel } from './pages/decision-support-panel';

/** `within`: check only this part of the page (a panel), e.g. '#panel-decision-support'. */
async function expectNoAxeViolations(page: Page, within?: string) {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  const results = await (within ? builder.include(within) : builder).analyze();
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
  { roles: ['CLINICIAN'], paths: ['/', '/cases', '/meetings', '/follow-ups'] },
  { roles: ['COORDINATOR'], paths: ['/', '/imports', '/follow-ups', '/quality'] },
  { roles: ['ADMIN'], paths: ['/', '/admin/users', '/admin/audit', '/admin/models', '/quality'] },
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

test('the decision-support panel is axe-clean: scored, not scored, every disclosure and the review form open', async ({ page }) => {
  const scored = await seedBreastInferenceCase();
  const notScored = await seedBreastInferenceCase({ unconfirmed: ['NODES'] });
  const panel = new DecisionSupportPanel(page);
  const screen = new CaseScreen(page);
  for (const world of [scored, notScored]) {
    await signInViaApi(page.request, world.clinician);
    await screen.open(world.caseId);
    await screen.expectLoaded(world.patientName);
    // Keyboard: the run button answers Enter.
    await panel.region().getByRole('button', { name: 'Run models now' }).focus();
    await page.keyboard.press('Enter');
    await expect(panel.region().locator('#run-models-status')).toHaveText(/The models ran/, { timeout: 30_000 });
    await expect(panel.model('breast-rfs-rotterdam')).toHaveAttribute('data-status', world === scored ? 'SCORED' : 'NOT_SCORED');
    if (world === scored) await expect(panel.model('breast-rfs-rotterdam').getByTestId('survival-point')).toHaveCount(3, { timeout: 15_000 });
    await panel.region().locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    await panel.model('breast-malignancy-wdbc').getByRole('button', { name: 'Disagree…' }).click();
    await panel.model('breast-malignancy-wdbc').getByRole('button', { name: 'Record disagreement' }).click();
    await expect(panel.model('breast-malignancy-wdbc')).toContainText('Say why you disagree.');
    await expectNoAxeViolations(page, '#panel-decision-support');
  }
});

test('the model registry and a version’s page are axe-clean with their forms open', async ({ page }) => {
  await signInViaApi(page.request, await createE2eUser({ roles: ['ADMIN'] }));
  await page.goto('/admin/models');
  await page.locator('main details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
  await expectNoAxeViolations(page);
  const version = await e2eDb().modelVersion.findFirstOrThrow({ where: { modelKey: 'breast-rfs-rotterdam' } });
  await page.goto(`/admin/models/${version.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('version 1.0.0');
  await expectNoAxeViolations(page);
});
