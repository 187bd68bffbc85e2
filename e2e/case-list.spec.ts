// A clinician or coordinator finds cases on /cases: search, filters and pages live
// in the URL (shareable, the back button works), the list only ever shows cases of
// the user's boards and referrals, and every patient shown is audited.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { seedCaseListWorld } from './fixtures/cases';
import { e2eDb } from './fixtures/db';
import { signInViaApi } from './fixtures/sign-in-api';
import { CaseListPage } from './pages/case-list-page';
import { CaseScreen } from './pages/case-screen';

test('searching by MRN finds the case, and its row opens the case screen', async ({ page }) => {
  const world = await seedCaseListWorld();
  const target = world.casesA[17]!;
  await signInViaApi(page.request, world.clinician);
  const list = new CaseListPage(page);
  await list.goto();
  await expect(list.range()).toHaveText('1–25 of 31 · page 1 of 2');

  await list.search(target.mrn.toLowerCase());
  await expect(page).toHaveURL(new RegExp(`[?&]q=${target.mrn.toLowerCase()}`));
  await expect(list.rows()).toHaveCount(1);
  await expect(list.range()).toHaveText('1–1 of 1');
  const row = list.row(target.mrn);
  await expect(row).toContainText(`${target.family}, P17`);
  await expect(row).toContainText('Lung');
  await expect(row).toContainText('C34.1');
  await expect(row).toContainText(world.boardA.name);
  await expect(row).toContainText('Referred');
  await expect(row).toContainText('Synthetic');
  await expect(list.caseLink(`${target.family}, P17`)).toHaveAttribute('href', `/cases/${target.id}`);

  // Exactly the one patient shown was audited for this search.
  const audited = await e2eDb().auditEvent.findMany({ where: { actorId: world.clinician.id, action: 'case.list', entityId: target.id } });
  expect(audited).toHaveLength(2); // the unfiltered first page (rank 18 is on it) and the search

  await list.caseLink(`${target.family}, P17`).click();
  await expect(page).toHaveURL(`/cases/${target.id}`);
  await new CaseScreen(page).expectLoaded(`${target.family}, P17`);
});

test('a status filter narrows the list, and the back button brings the wider list back', async ({ page }) => {
  const world = await seedCaseListWorld();
  await signInViaApi(page.request, world.clinician);
  const list = new CaseListPage(page);
  await list.goto();
  // Coming up first: the two scheduled cases lead the list, with their meeting.
  await expect(list.rows().first()).toContainText('Scheduled');
  await expect(list.rows().nth(1)).toContainText('Scheduled');
  await expect(list.rows().nth(2)).toContainText('Urgent');

  await list.tickStatus('Scheduled');
  await list.submit();
  await expect(page).toHaveURL(/[?&]status=SCHEDULED/);
  await expect(list.range()).toHaveText('1–2 of 2');
  await expect(list.rows()).toHaveCount(2);

  await page.goBack();
  await list.expectLoaded();
  await expect(list.range()).toHaveText('1–25 of 31 · page 1 of 2');
  await expect(list.form().getByLabel('Scheduled', { exact: true })).not.toBeChecked();
});

test('the pager moves through the pages and keeps the filters', async ({ page }) => {
  const world = await seedCaseListWorld();
  await signInViaApi(page.request, world.coordinator);
  const list = new CaseListPage(page);
  await list.goto();
  await list.chooseBoard(world.boardA.name);
  await list.submit();
  await expect(list.range()).toHaveText('1–25 of 31 · page 1 of 2');
  await expect(list.pager().getByText('← Previous')).toHaveAttribute('aria-disabled', 'true');

  await list.nextPage();
  await expect(list.range()).toHaveText('26–31 of 31 · page 2 of 2');
  await expect(page).toHaveURL(new RegExp(`board=${world.boardA.id}.*page=2`));
  await expect(list.rows()).toHaveCount(6);
  await expect(list.row(world.casesA[30]!.mrn)).toBeVisible();
  await expect(list.pager().getByText('Next →')).toHaveAttribute('aria-disabled', 'true');

  await list.previousPage();
  await expect(list.range()).toHaveText('1–25 of 31 · page 1 of 2');
  await expect(list.row(world.casesA[0]!.mrn)).toBeVisible();
});

test('a clinician never sees a case of a board they do not belong to, not even by its MRN', async ({ page }) => {
  const world = await seedCaseListWorld();
  await signInViaApi(page.request, world.clinician);
  const list = new CaseListPage(page);
  await list.goto();
  await expect(list.form().getByLabel('Board').getByRole('option')).toHaveText(['All my boards', world.boardA.name]);

  await list.search(world.caseB.mrn);
  await expect(list.emptyMessage()).toBeVisible();
  await expect(list.range()).toHaveText('No cases');

  // Naming the other board in the address is refused with a notice, not answered with its cases.
  await list.goto(`?board=${world.boardB.id}&q=${world.caseB.mrn}`);
  await expect(list.notice()).toContainText('not one of your boards');
  await expect(list.rows()).toHaveCount(0);
  expect(await e2eDb().auditEvent.count({ where: { actorId: world.clinician.id, entityId: world.caseB.id } })).toBe(0);
});

test('a coordinator sees the cases of all their boards and can narrow to one', async ({ page }) => {
  const world = await seedCaseListWorld();
  await signInViaApi(page.request, world.coordinator);
  const list = new CaseListPage(page);
  await list.goto();
  await expect(list.range()).toHaveText('1–25 of 32 · page 1 of 2');

  await list.chooseBoard(world.boardB.name);
  await list.submit();
  await expect(list.rows()).toHaveCount(1);
  await expect(list.row(world.caseB.mrn)).toContainText('Breast');

  await list.search(`brustmann${world.tag}`);
  await expect(list.rows()).toHaveCount(1);
  await expect(page).toHaveURL(new RegExp(`board=${world.boardB.id}`));
});

test('nonsense in the address is ignored with a notice, never an error page', async ({ page }) => {
  const world = await seedCaseListWorld();
  await signInViaApi(page.request, world.clinician);
  const list = new CaseListPage(page);
  const response = await page.goto('/cases?status=BOGUS&from=2026-02-31&page=-4&board=..%2F..');
  expect(response?.status()).toBe(200);
  await list.expectLoaded();
  await expect(list.notice()).toContainText('unknown status “BOGUS”');
  await expect(list.notice()).toContainText('the meeting date “from”');
  await expect(list.range()).toHaveText('1–25 of 31 · page 1 of 2');

  await list.goto('?page=7');
  await expect(page.getByText('There is no page 7; this is the last page.')).toBeVisible();
  await expect(list.range()).toHaveText('26–31 of 31 · page 2 of 2');
});

test('the populated list with its filters is axe-clean', async ({ page }) => {
  const world = await seedCaseListWorld();
  await signInViaApi(page.request, world.coordinator);
  const list = new CaseListPage(page);
  await list.goto('?status=BOGUS');
  await expect(list.rows()).toHaveCount(25);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the search form still works as a plain GET form', async ({ page }) => {
    const world = await seedCaseListWorld();
    await signInViaApi(page.request, world.clinician);
    const list = new CaseListPage(page);
    await list.goto();
    await list.onlyMine();
    await list.search(world.casesA[3]!.mrn);
    await expect(page).toHaveURL(/[?&]mine=1/);
    await expect(list.rows()).toHaveCount(1);
    await list.goto(`?q=${world.tag}`);
    await list.nextPage();
    await expect(list.range()).toHaveText('26–31 of 31 · page 2 of 2');
  });
});
