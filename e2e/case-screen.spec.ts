// The case screen as a clinician opens it before and during the board: header,
// timeline navigation, audit of the view, and what someone outside the case gets.
import { expect, test } from '@playwright/test';
import { e2eDb } from './fixtures/db';
import { createBoardMember, findDemoCase, type DemoCase } from './fixtures/demo-case';
import { signInViaApi } from './fixtures/sign-in-api';
import { createE2eUser } from './fixtures/users';
import { CaseScreen } from './pages/case-screen';

let demoCase: DemoCase;

test.beforeAll(async () => {
  demoCase = await findDemoCase({ withCt: true });
});

test('a board member opens a case: header, synthetic mark, staging, question — and the opening is audited', async ({ page }) => {
  const clinician = await createBoardMember(demoCase, ['CLINICIAN']);
  await signInViaApi(page.request, clinician);
  const screen = new CaseScreen(page);
  const response = await screen.open(demoCase.caseId);
  expect(response?.status()).toBe(200);
  await screen.expectLoaded(demoCase.patientName);

  await expect(page.getByTestId('header-mrn')).toHaveText(demoCase.mrn);
  await expect(page.getByTestId('synthetic-mark')).toContainText('Synthetic demo patient');
  await expect(screen.tnm()).toHaveText(/T\w+.*N\w+.*M\w+/);
  await expect(page.getByTestId('header-question')).not.toBeEmpty();
  for (const panel of ['Timeline', 'Imaging', 'Reports', 'Laboratory'] as const) await expect(screen.panel(panel)).toBeVisible();

  const kase = await e2eDb().case.findUniqueOrThrow({ where: { id: demoCase.caseId } });
  await expect
    .poll(async () => (await e2eDb().auditEvent.findMany({ where: { actorId: clinician.id, action: 'case.view', patientId: kase.patientId } })).map((e) => (e.detail as { panel: string }).panel).sort())
    .toEqual(expect.arrayContaining(['header', 'imaging', 'labs', 'reports', 'timeline']));
});

test('clicking a report on the timeline opens it in the reports panel without reloading the page', async ({ page }) => {
  const clinician = await createBoardMember(demoCase, ['CLINICIAN']);
  await signInViaApi(page.request, clinician);
  const screen = new CaseScreen(page);
  await screen.open(demoCase.caseId);
  await screen.expectLoaded(demoCase.patientName);
  const viewsBefore = await e2eDb().auditEvent.count({ where: { actorId: clinician.id, action: 'case.view' } });

  await screen.timelineItems('report').first().click();
  await expect(page).toHaveURL(/[?&]report=/);
  await expect(screen.panel('Reports')).toBeFocused();
  // No server round trip: the panels were not read (and audited) again.
  expect(await e2eDb().auditEvent.count({ where: { actorId: clinician.id, action: 'case.view' } })).toBe(viewsBefore);
});

test('a clinician outside the case gets 404 and none of its data', async ({ page }) => {
  const outsider = await createE2eUser({ roles: ['CLINICIAN'] });
  await signInViaApi(page.request, outsider);
  const response = await new CaseScreen(page).open(demoCase.caseId);
  expect(response?.status()).toBe(404);
  await expect(page.getByText(demoCase.patientName)).toHaveCount(0);
  await expect(page.getByText(demoCase.mrn)).toHaveCount(0);
  const api = await page.request.get(`/api/cases/${demoCase.caseId}/annotations`);
  expect(api.status()).toBe(404);
  expect(await api.text()).not.toContain(demoCase.mrn);
});

test('an unknown case id is 404 too, the same answer as a case out of scope', async ({ page }) => {
  const clinician = await createBoardMember(demoCase, ['CLINICIAN']);
  await signInViaApi(page.request, clinician);
  const response = await new CaseScreen(page).open('c000000000000000000000000');
  expect(response?.status()).toBe(404);
});

test('images that cannot be fetched (PACS down) fail inside the imaging panel; labs and reports still show', async ({ page }) => {
  const clinician = await createBoardMember(demoCase, ['CLINICIAN']);
  await signInViaApi(page.request, clinician);
  // What the browser sees when the PACS behind /api/dicomweb is down.
  await page.route('**/api/dicomweb/**', (route) => route.fulfill({ status: 502, contentType: 'application/json', body: '{"error":"PACS unreachable"}' }));
  const screen = new CaseScreen(page);
  await screen.open(demoCase.caseId);
  await screen.expectLoaded(demoCase.patientName);
  await expect(screen.panel('Imaging').getByRole('alert')).toBeVisible({ timeout: 30_000 });
  await expect(screen.panel('Laboratory').getByRole('table').first()).toBeVisible();
  await expect(page.getByTestId('lab-reference-band').first()).toBeVisible();
  await expect(screen.panel('Reports').getByTestId('report-facts')).toBeVisible();
});
