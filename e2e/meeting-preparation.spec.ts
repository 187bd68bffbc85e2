// A coordinator prepares a meeting: sees which cases are not ready and why, reminds the
// referrer (in-app + e-mail to the stack's SMTP sink), publishes the agenda with its PDF
// handout, postpones a case and sees the change highlighted. A clinician of the board sees
// the agenda but none of those controls, and the server refuses them the publish action.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type Request } from '@playwright/test';
import { e2eDb } from './fixtures/db';
import { BASE_URL } from './fixtures/env';
import { seedPreparationWorld, sinkMessages, type PreparationWorld } from './fixtures/meeting-prep';
import { signInViaApi } from './fixtures/sign-in-api';
import { MeetingOverview } from './pages/meeting-overview';

let world: PreparationWorld;

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}
/** The coordinator's publish request as sent by the browser, replayed as the clinician. */
let publishRequest: { actionId: string; contentType: string; body: Buffer } | null = null;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  world = await seedPreparationWorld();
});

test('a coordinator sees what is missing, reminds, publishes, downloads the handout, postpones and sees the change', async ({ browser }) => {
  // A long journey in three browser contexts, with an e-mail delivered by the worker in between.
  test.setTimeout(120_000);
  const [first, second] = world.cases as [PreparationWorld['cases'][0], PreparationWorld['cases'][0]];
  const coordinatorContext = await browser.newContext();
  const page = await coordinatorContext.newPage();
  await signInViaApi(page.request, world.coordinator);
  const overview = new MeetingOverview(page);
  await overview.open(world.meetingId);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(world.boardName);
  await expect(overview.caseRow(first.id)).toHaveAttribute('data-ready', 'false');
  await expect(overview.checklistItem(first.id, 'pathology-report')).toHaveAttribute('data-state', 'missing');
  await expect(overview.checklistItem(first.id, 'pathology-report')).toContainText('No pathology report on file');
  await expect(overview.checklistItem(first.id, 'imaging')).toContainText('No imaging on file');
  await expect(page.getByTestId('meeting-links').getByRole('link', { name: 'Edit agenda' })).toHaveAttribute('href', `/meetings/${world.meetingId}/agenda`);
  await overview.showNotReadyOnly();
  await expect(overview.caseRow(first.id)).toBeVisible();

  // Reminder: in-app to the referrer, and the e-mail through the worker to the sink.
  const status = await overview.sendReminder(first.id);
  await expect(status).toContainText('by e-mail');
  await expect
    .poll(async () => (await sinkMessages()).filter((m) => m.to.includes(world.referrer.email) && m.subject.includes('Preparation reminder')).length, { timeout: 30_000 })
    .toBe(1);
  const mail = (await sinkMessages()).find((m) => m.to.includes(world.referrer.email))!;
  expect(mail.text).toContain('Missing:');
  expect(mail.text).toContain(`/cases/${first.id}`);
  expect(mail.text).not.toContain(first.family); // pseudonym only

  const referrerContext = await browser.newContext();
  const referrerPage = await referrerContext.newPage();
  await signInViaApi(referrerPage.request, world.referrer);
  await referrerPage.goto('/notifications');
  await expect(referrerPage.getByTestId('notification-count')).toHaveText('1');
  const notification = referrerPage.getByTestId('notification').filter({ hasText: 'Preparation reminder' });
  await expect(notification).toContainText('Pathology report: No pathology report on file');
  await expect(async () => {
    await referrerPage.reload();
    await expect(notification.getByTestId('email-status')).toHaveText('E-mail sent', { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expectNoAxeViolations(referrerPage);
  await notification.getByRole('button', { name: 'Mark read' }).click();
  await expect(notification).toHaveAttribute('data-read', 'true');

  // Publish: the handout is there and downloads as a PDF.
  await overview.open(world.meetingId);
  const sent = page.waitForRequest((r: Request) => r.method() === 'POST' && Boolean(r.headers()['next-action']));
  await overview.publishButton().click();
  const captured = await sent;
  publishRequest = { actionId: captured.headers()['next-action']!, contentType: captured.headers()['content-type']!, body: captured.postDataBuffer()! };
  await expect(page.getByTestId('meeting-header')).toContainText('Agenda published (revision 1)');
  const link = page.getByTestId('handout-link');
  await expect(link).toBeVisible();
  const download = await page.request.get((await link.getAttribute('href'))!);
  expect(download.status()).toBe(200);
  expect(download.headers()['content-type']).toBe('application/pdf');
  expect(download.headers()['content-disposition']).toMatch(/^attachment; filename="konsil-agenda-\d{4}-\d{2}-\d{2}-r1\.pdf"$/);
  const pdf = await download.body();
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.toString('latin1')).toContain('Agenda handout, 2 cases');
  const doc = await e2eDb().generatedDocument.findFirstOrThrow({ where: { meetingId: world.meetingId } });
  expect(download.headers()['x-content-sha256']).toBe(doc.sha256);

  // Postpone the second case: highlighted as changed since publication.
  await overview.postpone(second.id, 'PET-CT still pending');
  await expect(overview.caseRow(second.id)).toHaveAttribute('data-changed', 'true');
  await expect(overview.caseRow(second.id).getByTestId('agenda-change')).toContainText('Postponed since publication');
  await expect(overview.caseRow(second.id)).toContainText('PET-CT still pending');
  await expect(overview.caseRow(first.id)).toHaveAttribute('data-changed', 'false');
  expect(await e2eDb().case.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ status: 'POSTPONED' });
  await expect(overview.publishButton()).toHaveText('Republish agenda');
  await expectNoAxeViolations(page);
  await coordinatorContext.close();
  await referrerContext.close();
});

test('a clinician of the board sees the agenda without coordinator controls, and the server refuses them', async ({ page }) => {
  expect(publishRequest, 'the coordinator test captured the publish request').not.toBeNull();
  await signInViaApi(page.request, world.clinician);
  const overview = new MeetingOverview(page);
  await overview.open(world.meetingId);
  await expect(overview.caseRow(world.cases[0]!.id)).toBeVisible();
  await expect(overview.publishButton()).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Send reminder' })).toHaveCount(0);
  await expect(page.getByText('Postpone…')).toHaveCount(0);
  await expect(page.getByTestId('meeting-links').getByRole('link', { name: 'Edit agenda' })).toHaveCount(0);
  await expect(page.getByTestId('meeting-links').getByRole('link', { name: 'Live view' })).toBeVisible();

  // The coordinator's publish request, sent with the clinician's session: refused and audited, nothing stored.
  const documentsBefore = await e2eDb().generatedDocument.count({ where: { meetingId: world.meetingId } });
  const response = await page.request.post(`/meetings/${world.meetingId}`, {
    headers: { 'Next-Action': publishRequest!.actionId, 'Content-Type': publishRequest!.contentType, Accept: 'text/x-component', Origin: BASE_URL },
    data: publishRequest!.body,
  });
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain('FORBIDDEN');
  expect(await e2eDb().generatedDocument.count({ where: { meetingId: world.meetingId } })).toBe(documentsBefore);
  const denial = await e2eDb().auditEvent.findFirst({ where: { actorId: world.clinician.id, action: 'access.denied' }, orderBy: { id: 'desc' } });
  expect(denial?.detail).toMatchObject({ target: 'action:meetings.publishAgenda', permission: 'meetings.manage' });
});

test('someone outside the board gets 404 for the meeting and its handout', async ({ page }) => {
  const { createE2eUser } = await import('./fixtures/users');
  await signInViaApi(page.request, await createE2eUser({ roles: ['COORDINATOR'] }));
  expect((await page.request.get(`/meetings/${world.meetingId}`)).status()).toBe(404);
  expect((await page.request.get(`/api/meetings/${world.meetingId}/handout`)).status()).toBe(404);
});
