// The live meeting with two browser contexts: the chair presents, a member follows, detaches,
// and rejoins; attendance and quorum; a member without presenter rights has no controls and
// the server refuses an advance sent by hand.
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type BrowserContext } from '@playwright/test';
import { HttpSession, serverActionId } from '../scripts/lib/http-session';
import { BASE_URL } from './fixtures/env';
import { e2eDb } from './fixtures/db';
import { seedLiveWorld, type LiveWorld } from './fixtures/live-meeting';
import { signInViaApi } from './fixtures/sign-in-api';
import type { E2eUser } from './fixtures/users';
import { LiveMeetingPage } from './pages/live-meeting-page';

let world: LiveWorld;
const contexts: BrowserContext[] = [];

async function signedInPage(browser: Browser, user: E2eUser) {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  contexts.push(context);
  const page = await context.newPage();
  await signInViaApi(page.request, user);
  return { page, live: new LiveMeetingPage(page) };
}

test.beforeAll(async () => {
  world = await seedLiveWorld();
});

test.afterAll(async () => {
  for (const context of contexts) await context.close();
});

test('the presenter advances and the attendee follows; detach, rejoin; attendance and quorum; no controls for members', async ({ browser }) => {
  // Two browsers, three case screens each: slow on a shared 2-core machine.
  test.setTimeout(180_000);
  const [item1, item2, item3] = world.items as [LiveWorld['items'][0], LiveWorld['items'][0], LiveWorld['items'][0]];
  const chair = await signedInPage(browser, world.chair);
  const member = await signedInPage(browser, world.attendee);

  await member.live.open(world.meetingId);
  await expect(member.page.getByTestId('live-no-case')).toHaveText('The meeting has not started yet.');
  // A member without presenter rights gets no controls at all.
  await expect(member.live.controls()).toHaveCount(0);

  await chair.live.open(world.meetingId);
  await chair.live.button('Start the meeting').click();
  await chair.live.expectShowing(item1.itemId, item1.patientName);
  await member.live.expectShowing(item1.itemId, item1.patientName);

  // Next: once the presenter's change is saved (their own agenda shows it), the member's screen
  // has it within a second, and then shows the case.
  await chair.live.button('Next case').click();
  await expect(chair.live.agendaItem(item2.itemId)).toHaveAttribute('data-current', 'true');
  const savedAt = Date.now();
  await expect(member.live.agendaItem(item2.itemId)).toHaveAttribute('data-current', 'true', { timeout: 1_000 });
  const followedAfterMs = Date.now() - savedAt;
  await expect(member.live.shownCase()).toHaveAttribute('data-item-id', item2.itemId);
  const shownAfterMs = Date.now() - savedAt;
  const latency = `state ${followedAfterMs} ms, case on screen ${shownAfterMs} ms after the presenter's change was saved`;
  test.info().annotations.push({ type: 'follow latency', description: latency });
  console.log(`follow latency: ${latency}`);
  await member.live.expectShowing(item2.itemId, item2.patientName);
  test.info().annotations.push({ type: 'follow latency', description: `${followedAfterMs} ms from click to the attendee showing the case` });
  await expect(member.live.agendaItem(item2.itemId)).toHaveAttribute('data-status', 'IN_DISCUSSION');
  await expect(member.live.agendaItem(item2.itemId).getByTestId('case-timer')).toBeVisible();

  // Detach: the member opens the first case from the agenda.
  await member.live.agendaItem(item1.itemId).getByTestId('live-agenda-open').click();
  await expect(member.page).toHaveURL(new RegExp(`item=${item1.itemId}`));
  await member.live.expectShowing(item1.itemId, item1.patientName);
  await expect(member.live.rejoinPrompt()).toBeVisible();

  // The presenter moves on; the detached member stays where they are, and is told where the presenter is.
  await chair.live.button('Next case').click();
  await chair.live.expectShowing(item3.itemId, item3.patientName);
  await expect(member.live.agendaItem(item3.itemId)).toHaveAttribute('data-current', 'true');
  await expect(member.live.rejoinPrompt()).toContainText(`The presenter is on ${item3.patientName}`);
  await expect(member.live.shownCase()).toHaveAttribute('data-item-id', item1.itemId);

  // One click rejoins at the presenter's case.
  await member.live.button('Rejoin the presenter').click();
  await member.live.expectShowing(item3.itemId, item3.patientName);
  await expect(member.live.rejoinPrompt()).toHaveCount(0);
  await expect(member.page).not.toHaveURL(/item=/);

  // Attendance: both, with their specialties; pathology is missing, so no quorum.
  for (const live of [chair.live, member.live]) {
    await expect(live.attendees()).toHaveCount(2);
    await expect(live.attendees().filter({ hasText: world.chair.name })).toContainText('Surgery');
    await expect(live.attendees().filter({ hasText: world.attendee.name })).toContainText('Radiology');
    await expect(live.quorum()).toHaveAttribute('data-met', 'false');
    await expect(live.quorum().locator('[data-testid="quorum-specialty"][data-present="false"]')).toHaveText(/Pathology/);
  }

  // The chair marks the case deferred with a reason; everyone sees the status.
  await chair.live.button('Defer…').click();
  await chair.page.getByLabel('Why is the case deferred?').fill('Awaiting PET-CT');
  await chair.live.button('Defer the case').click();
  await expect(member.live.agendaItem(item3.itemId)).toHaveAttribute('data-status', 'DEFERRED');

  await member.page.screenshot({ path: path.join('docs', 'live-view.png'), fullPage: false });
  // The live view's own parts (agenda, attendance, presenter controls) are axe-clean; the case
  // screen in the middle has its own checks (e2e/accessibility.spec.ts).
  for (const page of [member.page, chair.page]) {
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).exclude('[data-testid="live-case"]').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }

  // The server refuses an advance from the member, sent by hand past the UI, and nothing changes.
  const seqBefore = (await e2eDb().meetingLiveState.findUniqueOrThrow({ where: { meetingId: world.meetingId } })).seq;
  const session = new HttpSession(BASE_URL);
  await session.signIn(world.attendee.email, world.attendee.password);
  const actionId = serverActionId(process.cwd(), 'lib/actions/live-meeting.ts', 'goToAgendaItem');
  const refused = await session.callAction<{ ok: boolean; code?: string }>(`/meetings/${world.meetingId}/live`, actionId, [
    null,
    { meetingId: world.meetingId, expectedSeq: seqBefore, direction: 'previous' },
  ]);
  expect(refused).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect((await e2eDb().meetingLiveState.findUniqueOrThrow({ where: { meetingId: world.meetingId } })).seq).toBe(seqBefore);

  // The chair ends the meeting; both screens say so.
  await chair.live.button('End the meeting').click();
  await expect(member.page.getByTestId('live-status')).toHaveAttribute('data-status', 'CLOSED');
  await expect(member.page.getByTestId('live-no-case')).toHaveText('The meeting has ended.');
  const audit = await e2eDb().auditEvent.findMany({
    where: { entityId: { in: [world.meetingId, ...world.items.map((i) => i.itemId)] }, action: { startsWith: 'live.' } },
    select: { action: true },
  });
  expect(new Set(audit.map((a) => a.action))).toEqual(new Set(['live.join', 'live.start', 'live.goto', 'live.mark', 'live.end']));
});

test('someone outside the board gets 404 for the live page and its stream', async ({ browser }) => {
  const { createE2eUser } = await import('./fixtures/users');
  const outsider = await createE2eUser({ roles: ['CLINICIAN'] });
  const { page } = await signedInPage(browser, outsider);
  expect((await page.goto(`/meetings/${world.meetingId}/live`))?.status()).toBe(404);
  expect((await page.request.get(`/api/meetings/${world.meetingId}/live?once=1`)).status()).toBe(404);
});
