// Closing the loop and watching the quality: the referrer sees the follow-up task of a signed
// decision and records it implemented; a colleague on the board has no form and the server
// refuses them; a coordinator sees the overdue task of their board, the dashboard's figures for
// it and downloads them as CSV.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type Request } from '@playwright/test';
import { e2eDb } from './fixtures/db';
import { BASE_URL } from './fixtures/env';
import { seedFollowUpWorld, type FollowUpWorld } from './fixtures/follow-up-world';
import { signInViaApi } from './fixtures/sign-in-api';
import { FollowUpsPage, QualityPage } from './pages/follow-ups-page';

let world: FollowUpWorld;
/** The referrer's completion request as the browser sent it, replayed with the colleague's session. */
let completeRequest: { actionId: string; contentType: string; body: Buffer } | null = null;

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(() => {
  world = seedFollowUpWorld();
});

test('the referrer sees their follow-ups and records one implemented; the case closes', async ({ page }) => {
  await signInViaApi(page.request, world.referrer);
  const followUps = new FollowUpsPage(page);
  await followUps.open();
  const open = followUps.task(world.open.taskId);
  const overdue = followUps.task(world.overdue.taskId);
  // Open tasks, earliest due first: the overdue one leads.
  await expect(page.getByTestId('follow-up-task').first()).toHaveAttribute('data-task-id', world.overdue.taskId);
  await expect(overdue).toContainText('Overdue by 10 days');
  await expect(open).toContainText(`Case ${world.open.pseudonym}`);
  await expect(open).toContainText('Surgery: Video-assisted lobectomy');
  await expect(open.getByRole('link', { name: `Case ${world.open.pseudonym}` })).toHaveAttribute('href', `/cases/${world.open.caseId}`);
  await expectNoAxeViolations(page);

  // The reason select appears only for an outcome that needs one.
  await open.getByRole('radio', { name: 'Not implemented', exact: true }).check();
  await expect(open.getByLabel('Reason')).toBeVisible();
  await open.getByRole('radio', { name: 'Implemented', exact: true }).check();
  await expect(open.getByLabel('Reason')).toHaveCount(0);

  const sent = page.waitForRequest((r: Request) => r.method() === 'POST' && Boolean(r.headers()['next-action']));
  await open.getByRole('button', { name: 'Record outcome' }).click();
  const captured = await sent;
  completeRequest = { actionId: captured.headers()['next-action']!, contentType: captured.headers()['content-type']!, body: captured.postDataBuffer()! };
  await expect(followUps.task(world.open.taskId)).toHaveAttribute('data-status', 'IMPLEMENTED');
  await expect(followUps.task(world.open.taskId)).toContainText('Implemented');
  const task = await e2eDb().followUpTask.findUniqueOrThrow({ where: { id: world.open.taskId } });
  expect(task).toMatchObject({ status: 'IMPLEMENTED', completedById: world.referrer.id, version: 1 });
  expect((await e2eDb().case.findUniqueOrThrow({ where: { id: world.open.caseId } })).status).toBe('CLOSED');
});

test('a colleague on the board sees no form, and the server refuses their completion', async ({ page }) => {
  expect(completeRequest, 'the referrer test captured the completion request').not.toBeNull();
  await signInViaApi(page.request, world.colleague);
  const followUps = new FollowUpsPage(page);
  await followUps.open();
  await expect(page.getByText('No follow-ups assigned to you.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Record outcome' })).toHaveCount(0);

  // The referrer's request, aimed at the overdue task and sent with the colleague's session.
  const body = Buffer.from(completeRequest!.body.toString('latin1').replaceAll(world.open.taskId, world.overdue.taskId), 'latin1');
  const response = await page.request.post('/follow-ups', {
    headers: { 'Next-Action': completeRequest!.actionId, 'Content-Type': completeRequest!.contentType, Accept: 'text/x-component', Origin: BASE_URL },
    data: body,
  });
  expect(response.status()).toBe(200);
  const text = await response.text();
  expect(text).toContain('FORBIDDEN');
  expect(text).toContain('Only the clinician this follow-up is assigned to');
  expect(await e2eDb().followUpTask.findUniqueOrThrow({ where: { id: world.overdue.taskId } })).toMatchObject({ status: 'OPEN', version: 0 });
});

test('a coordinator sees the overdue task of their board, the dashboard figures, and downloads the CSV', async ({ page }) => {
  await signInViaApi(page.request, world.coordinator);
  const followUps = new FollowUpsPage(page);
  await followUps.open();
  const row = followUps.overdueRow(world.overdue.taskId);
  await expect(row).toContainText(world.overdue.pseudonym);
  await expect(row).toContainText(world.referrer.name);
  await expect(row.locator('td').nth(4)).toHaveText('10');
  await expect(followUps.overdueRow(world.open.taskId)).toHaveCount(0);
  await expect(page.getByText('My follow-ups')).toHaveCount(0);

  const quality = new QualityPage(page);
  await quality.open({ board: world.boardId });
  await expect(quality.value(world.boardId, 'cases_discussed')).toHaveText('2');
  await expect(quality.value(world.boardId, 'implementation_rate')).toHaveText('100.0 %');
  await expect(quality.value(world.boardId, 'follow_ups_open')).toHaveText('1');
  await expect(quality.value(world.boardId, 'referral_to_discussion_days_median')).toHaveText('8.0 days');
  await expect(page.getByTestId('quality-chart')).toBeVisible();
  await expectNoAxeViolations(page);

  const href = await quality.csvLink().getAttribute('href');
  expect(href).toContain(`board=${world.boardId}`);
  const download = await page.request.get(href!);
  expect(download.status()).toBe(200);
  expect(download.headers()['content-type']).toBe('text/csv; charset=utf-8');
  expect(download.headers()['content-disposition']).toMatch(/^attachment; filename="konsil-quality-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv"$/);
  const lines = (await download.text()).trimEnd().split('\r\n');
  expect(lines[0]).toBe('board,period_from,period_to,metric,unit,value,numerator,denominator');
  expect(lines.find((l) => l.includes(',cases_discussed,'))).toMatch(new RegExp(`^${world.boardName},.*,cases_discussed,count,2,,$`));
  expect(lines.find((l) => l.includes(',implementation_rate,'))).toMatch(/,implementation_rate,share,1,1,1$/);
  const audit = await e2eDb().auditEvent.findFirst({ where: { actorId: world.coordinator.id, action: 'quality.export' }, orderBy: { id: 'desc' } });
  expect(audit?.detail).toMatchObject({ boardIds: [world.boardId] });
});

test('a clinician gets 403 on the quality dashboard and its export', async ({ page }) => {
  await signInViaApi(page.request, world.colleague);
  expect((await page.request.get('/quality', { maxRedirects: 0 })).status()).toBe(403);
  expect((await page.request.get('/api/quality/export')).status()).toBe(403);
});
