// Board administration: a coordinator sets up a board with a weekly recurrence, generates its
// meetings (shown at the right local time), cancels one that holds a case and finds the case on
// the next meeting. A clinician can neither open nor use board administration.
import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { DateTime } from 'luxon';
import { e2eDb } from './fixtures/db';
import { signInViaApi } from './fixtures/sign-in-api';
import { createE2eUser } from './fixtures/users';
import { BoardPage } from './pages/board-page';
import { Shell } from './pages/shell';

test('a coordinator creates a weekly board, generates meetings, and cancelling one moves its case to the next', async ({ page }) => {
  const coordinator = await createE2eUser({ roles: ['COORDINATOR'] });
  const referrer = await createE2eUser({ roles: ['CLINICIAN'] });
  await signInViaApi(page.request, coordinator);
  await page.goto('/');
  await new Shell(page).nav().getByRole('link', { name: 'Boards' }).click();
  await page.getByRole('link', { name: 'New board' }).click();

  const board = new BoardPage(page);
  const name = `E2E Sarcoma board ${randomUUID().slice(0, 6)}`;
  const form = board.settingsForm();
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByLabel('Time zone').selectOption('America/New_York');
  await form.getByLabel('Sarcoma', { exact: true }).check();
  await form.getByLabel('Frequency').selectOption('WEEKLY');
  await form.getByLabel('Weekday').selectOption('WE');
  await form.getByLabel('Local start time').fill('16:30');
  await form.getByLabel('Surgery', { exact: true }).check();
  await expect(board.recurrenceRule()).toHaveText('FREQ=WEEKLY;BYDAY=WE;BYHOUR=16;BYMINUTE=30');
  await expect(page.getByTestId('recurrence-preview').getByRole('listitem')).toHaveCount(5);
  await expect(page.getByTestId('recurrence-preview').getByRole('listitem').first()).toContainText(/Wed .*, 16:30/);
  await form.getByRole('button', { name: 'Create board' }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();

  const row = await e2eDb().board.findFirstOrThrow({ where: { name } });
  expect(row).toMatchObject({ timeZone: 'America/New_York', recurrence: 'FREQ=WEEKLY;BYDAY=WE;BYHOUR=16;BYMINUTE=30', entityFocus: ['SARCOMA'], version: 0 });

  await board.generate(3);
  await expect(board.meetings()).toHaveCount(3);
  for (const time of await board.meetings().getByTestId('meeting-time').allInnerTexts()) expect(time).toMatch(/^Wed .*, 16:30/);
  // Stored as the instants of 16:30 New York time (UTC−5 or −4 depending on the date).
  const meetings = await e2eDb().meeting.findMany({ where: { boardId: row.id }, orderBy: { startsAt: 'asc' } });
  expect(meetings).toHaveLength(3);
  for (const m of meetings) expect(DateTime.fromJSDate(m.startsAt, { zone: 'America/New_York' }).toFormat('ccc HH:mm')).toBe('Wed 16:30');

  // A case on the first meeting's agenda (the agenda screens are another journey's).
  const patient = await e2eDb().patient.findFirstOrThrow({ where: { isSynthetic: true }, orderBy: { mrn: 'asc' } });
  const kase = await e2eDb().case.create({
    data: { patientId: patient.id, boardId: row.id, referringUserId: referrer.id, question: 'Resection margins?', entity: 'SARCOMA', status: 'SCHEDULED', targetMeetingId: meetings[0]!.id },
  });
  await e2eDb().agendaItem.create({ data: { meetingId: meetings[0]!.id, caseId: kase.id, position: 0, minutesAllotted: 5 } });
  await page.reload();
  await expect(board.meetings().first().getByTestId('meeting-case-count')).toHaveText('1 case(s)');

  await board.cancel(board.meetings().first(), 'Sarcoma congress');
  const first = board.meetings().first();
  await expect(first.getByText('cancelled', { exact: true })).toBeVisible();
  const secondTime = await board.meetings().nth(1).getByTestId('meeting-time').innerText();
  await expect(first.getByText(`Cancelled: Sarcoma congress — cases moved to ${secondTime}`)).toBeVisible();
  await expect(board.meetings().nth(1).getByTestId('meeting-case-count')).toHaveText('1 case(s)');

  expect(await e2eDb().agendaItem.findFirstOrThrow({ where: { caseId: kase.id } })).toMatchObject({ meetingId: meetings[1]!.id, position: 0 });
  expect(await e2eDb().case.findUniqueOrThrow({ where: { id: kase.id } })).toMatchObject({ targetMeetingId: meetings[1]!.id });
  expect(await e2eDb().notification.count({ where: { userId: referrer.id, caseId: kase.id, kind: 'MEETING_CANCELLED' } })).toBe(1);
});

test('a clinician sees no board administration and the server refuses their board edits', async ({ page, browser }) => {
  const clinician = await createE2eUser({ roles: ['CLINICIAN'] });
  await signInViaApi(page.request, clinician);
  await page.goto('/');
  await expect(new Shell(page).nav().getByRole('link', { name: 'Cases' })).toBeVisible();
  expect(await new Shell(page).navLabels()).not.toContain('Boards');
  for (const url of ['/boards', '/boards/new']) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(403);
    await expect(page.getByText('Access denied (403)')).toBeVisible();
  }

  // The server is what counts: a coordinator's open form, submitted after the session became a
  // clinician's, is refused by the action and creates nothing.
  const context = await browser.newContext();
  const tab = await context.newPage();
  await signInViaApi(tab.request, await createE2eUser({ roles: ['COORDINATOR'] }));
  await tab.goto('/boards/new');
  await context.clearCookies();
  await signInViaApi(tab.request, clinician);
  const name = `Refused board ${randomUUID().slice(0, 6)}`;
  const form = new BoardPage(tab).settingsForm();
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByLabel('Lung', { exact: true }).check();
  await form.getByRole('button', { name: 'Create board' }).click();
  await expect(form.getByRole('alert')).toHaveText('You do not have permission to do this.');
  expect(await e2eDb().board.count({ where: { name } })).toBe(0);
  const denial = await e2eDb().auditEvent.findFirst({ where: { actorId: clinician.id, action: 'access.denied' }, orderBy: { id: 'desc' } });
  expect(denial?.detail).toMatchObject({ target: 'action:boards.create', permission: 'boards.manage' });
  await context.close();
});

test('the board pages are axe-clean', async ({ page }) => {
  await signInViaApi(page.request, await createE2eUser({ roles: ['COORDINATOR'] }));
  const demoBoard = await e2eDb().board.findFirstOrThrow({ where: { slug: 'thoracic' } });
  for (const path of ['/boards', '/boards/new', `/boards/${demoBoard.id}`]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.map((v) => `${path} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
  }
});
