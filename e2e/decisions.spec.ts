// The board's decision from the case screen: a clinician records it during the live meeting
// (autosaved), the chair signs it, it is amended and signed again with a reason; two editors
// of one draft meet the conflict view instead of overwriting each other; a coordinator reads
// it and can neither edit nor sign (and the server refuses when asked directly). A save made
// while the chair's sign dialog is open does not change the dialog, and the signature is
// refused as stale; a member's unsaved text survives the decision being signed (or its
// amendment cancelled) under it while a save is in flight, until they discard it or carry it
// into an amendment. Leaving the page while text is not stored asks first.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type BrowserContext, type Page, type Route } from '@playwright/test';
import { HttpSession, serverActionId } from '../scripts/lib/http-session';
import { e2eDb } from './fixtures/db';
import { seedDecisionWorld, type DecisionWorld } from './fixtures/decision-world';
import { BASE_URL } from './fixtures/env';
import { signInViaApi } from './fixtures/sign-in-api';
import type { E2eUser } from './fixtures/users';
import { FollowUpsPage, QualityPage } from './pages/follow-ups-page';
import { DecisionPanel } from './pages/decision-panel';
import { LiveMeetingPage } from './pages/live-meeting-page';

test.describe.configure({ mode: 'serial' });

let world: DecisionWorld;
const contexts: BrowserContext[] = [];

async function signedInPage(browser: Browser, user: E2eUser) {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  contexts.push(context);
  const page = await context.newPage();
  await signInViaApi(page.request, user);
  return { page, live: new LiveMeetingPage(page), decision: new DecisionPanel(page) };
}

test.beforeAll(async () => {
  world = await seedDecisionWorld();
});

test.afterAll(async () => {
  for (const context of contexts) await context.close();
});

const item = (i: number) => world.items[i]!;

/** The decision panel only (the rest of the case screen has its own checks in accessibility.spec.ts). */
async function expectPanelAxeClean(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).include('#panel-decision').analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

test('during the live meeting a member records the decision (autosaved) and the chair signs it', async ({ browser }) => {
  test.setTimeout(180_000);
  const chair = await signedInPage(browser, world.chair);
  const member = await signedInPage(browser, world.attendee);
  await chair.live.open(world.meetingId);
  await chair.live.button('Start the meeting').click();
  await chair.live.expectShowing(item(0).itemId, item(0).patientName);
  await member.live.open(world.meetingId);
  await member.live.expectShowing(item(0).itemId, item(0).patientName);

  const d = member.decision;
  await d.startDraft();
  await expect(d.status()).toHaveAttribute('data-status', 'DRAFT');
  await d.setIntent('Curative');
  const surgery = await d.addRecommendation('Surgery', [{ query: 'lobec', option: /^Lobectomy of lung/ }]);
  await expect(surgery.getByTestId('picked-code')).toHaveAttribute('data-code', '173171007');
  const systemic = await d.addRecommendation(
    'Systemic therapy',
    [
      { query: 'cisplat', option: /^cisplatin/ },
      { query: 'pemetrexed', option: /^pemetrexed/ },
    ],
    '4 cycles adjuvant',
  );
  await expect(systemic.getByTestId('picked-code')).toHaveCount(2);
  await d.setGuideline('ESMO', 'ESMO early NSCLC 2023');
  await d.rationale().fill('Resectable stage II NSCLC, fit for surgery.');
  await d.expectSaved();
  // Keyboard: arrows move through the suggestions (the last is "no code"), Enter picks.
  const combo = d.codeSearch(surgery);
  await combo.fill('sentinel');
  await combo.press('ArrowDown');
  await expect(combo).toHaveAttribute('aria-activedescendant', /opt-1$/);
  await combo.press('ArrowUp');
  await combo.press('Enter');
  await expect(surgery.getByTestId('picked-code')).toHaveCount(2);
  await surgery.getByRole('button', { name: 'Remove Sentinel lymph node biopsy' }).click();
  await expect(surgery.getByTestId('picked-code')).toHaveCount(1);
  await d.expectSaved();
  await expectPanelAxeClean(member.page);
  // The member is not the chair: no signature control, a note instead.
  await expect(d.decision().getByTestId('chair-signs-note')).toBeVisible();
  await expect(d.button(/^Sign/)).toHaveCount(0);

  // The chair sees the saved draft and signs it.
  await chair.page.reload();
  const c = chair.decision;
  await expect(c.rationale()).toHaveValue('Resectable stage II NSCLC, fit for surgery.');
  await c.button('Sign as chair').click();
  await expect(c.signDialog()).toBeVisible();
  await expect(c.signDialog()).toContainText('Lobectomy of lung (173171007)');
  await c.signDialog().getByRole('button', { name: 'Sign now' }).click();
  await expect(c.status()).toHaveText('Signed · version 1');

  // Signed: read-only, the codes with system and code, and only "Amend".
  const signed = c.decision();
  // The newest version's content (the history below holds each version's own copy).
  const codes = signed.getByTestId('decision-content').first().getByTestId('code-view');
  await expect(codes).toHaveCount(3);
  await expect(codes.filter({ hasText: 'SNOMED CT 173171007' })).toHaveCount(1);
  await expect(codes.filter({ hasText: 'ATC L01XA01' })).toHaveCount(1);
  await expect(signed.locator('button')).toHaveCount(1);
  await expect(signed.getByRole('button', { name: /sign/i })).toHaveCount(0);
  await expect(signed.getByRole('button', { name: 'Amend' })).toBeVisible();
  await expect(signed.locator('input, textarea, select, [role="combobox"]')).toHaveCount(0);
  await expect(signed.getByTestId('follow-up-summary')).toContainText(world.attendee.name);
  await expect(c.history()).toHaveCount(1);
  await expectPanelAxeClean(chair.page);

  const stored = await e2eDb().decision.findFirstOrThrow({ where: { caseId: item(0).caseId }, include: { versions: true } });
  expect(stored.status).toBe('SIGNED');
  expect(stored.versions).toHaveLength(1);
  expect(stored.versions[0]!.signedById).toBe(world.chair.id);
});

test('the referrer finds the follow-up of the signed decision, marks it implemented, and the dashboard counts it', async ({ browser }) => {
  test.setTimeout(120_000);
  // The cases of this world were referred by the attendee: the follow-up is theirs.
  const task = await e2eDb().followUpTask.findFirstOrThrow({ where: { caseId: item(0).caseId } });
  expect(task).toMatchObject({ ownerId: world.attendee.id, status: 'OPEN' });
  const referrer = await signedInPage(browser, world.attendee);
  const followUps = new FollowUpsPage(referrer.page);
  await followUps.open();
  await expect(followUps.task(task.id)).toContainText('Surgery');
  await followUps.recordOutcome(task.id, 'Implemented');
  await expect(followUps.task(task.id)).toHaveAttribute('data-status', 'IMPLEMENTED');
  expect(await e2eDb().followUpTask.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: 'IMPLEMENTED', completedById: world.attendee.id });

  // The board's coordinator sees it on the quality dashboard (period around the meeting's day).
  const coordinator = await signedInPage(browser, world.coordinator);
  const meeting = await e2eDb().meeting.findUniqueOrThrow({ where: { id: world.meetingId }, select: { boardId: true } });
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  await coordinator.page.goto(`/quality?board=${meeting.boardId}&from=${day(-2)}&to=${day(2)}`);
  const quality = new QualityPage(coordinator.page);
  await expect(quality.value(meeting.boardId, 'implementation_rate')).toHaveText('100.0 %');
  await expect(quality.value(meeting.boardId, 'follow_ups_open')).toHaveText('0');
  await expect(quality.value(meeting.boardId, 'guideline_deviation_rate')).toHaveText('0.0 %');
});

test('an amendment: a member opens it and edits, the chair signs it with a reason; history keeps both versions', async ({ browser }) => {
  test.setTimeout(120_000);
  const member = await signedInPage(browser, world.attendee);
  const chair = await signedInPage(browser, world.chair);
  await member.page.goto(`/cases/${item(0).caseId}`);
  const d = member.decision;
  await d.button('Amend').click();
  await expect(d.status()).toHaveAttribute('data-status', 'AMENDING');
  await expect(d.button('Cancel amendment')).toBeVisible();
  await d.rationale().fill('Resectable stage II NSCLC; tumour board revised after new PET-CT.');
  await d.expectSaved();

  await chair.page.goto(`/cases/${item(0).caseId}`);
  const c = chair.decision;
  await expect(c.rationale()).toHaveValue('Resectable stage II NSCLC; tumour board revised after new PET-CT.');
  await c.button('Sign amendment as chair').click();
  // The reason is required: signing without one is refused at the field.
  await c.signDialog().getByRole('button', { name: 'Sign now' }).click();
  await expect(c.signDialog().getByTestId('decision-field-error')).toContainText('Say why');
  await c.signDialog().getByLabel('Reason for the amendment', { exact: true }).fill('PET-CT showed no mediastinal nodes.');
  await c.signDialog().getByRole('button', { name: 'Sign now' }).click();
  await expect(c.status()).toHaveText('Signed · version 2');
  await expect(c.history()).toHaveCount(2);
  const [v2, v1] = [c.history().nth(0), c.history().nth(1)];
  await expect(v2).toHaveAttribute('data-number', '2');
  await expect(v2.getByTestId('amendment-reason')).toHaveText('Amendment reason: PET-CT showed no mediastinal nodes.');
  await expect(v1).toHaveAttribute('data-number', '1');
  await expect(v1).toHaveAttribute('data-superseded', 'true');
  // The superseded version still says what was signed then.
  await v1.getByText('Show version 1').click();
  await expect(v1.getByTestId('decision-rationale')).toHaveText('Resectable stage II NSCLC, fit for surgery.');
  await expect(c.decision().getByTestId('signed-decision').getByTestId('decision-rationale').first()).toHaveText('Resectable stage II NSCLC; tumour board revised after new PET-CT.');
});

test('two editors of one draft: the later save gets the conflict view, "Keep mine" saves over theirs by choice', async ({ browser }) => {
  test.setTimeout(120_000);
  const first = await signedInPage(browser, world.chair);
  const second = await signedInPage(browser, world.attendee);
  const caseId = item(1).caseId;
  await first.page.goto(`/cases/${caseId}`);
  await first.decision.startDraft();
  await second.page.goto(`/cases/${caseId}`);
  await expect(second.decision.editor()).toBeVisible();

  await first.decision.rationale().fill('First editor: surgery first.');
  await first.decision.expectSaved();
  // The second editor still works from the version it loaded.
  await second.decision.rationale().fill('Second editor: neoadjuvant therapy first.');
  await expect(second.decision.conflict()).toBeVisible({ timeout: 15_000 });
  await expect(second.decision.saveStatus()).toHaveAttribute('data-state', 'conflict');
  const row = second.decision.conflict().locator('[data-testid="decision-conflict-field"][data-field="rationale"]');
  await expect(row.getByTestId('theirs')).toHaveText('First editor: surgery first.');
  await expect(row.getByTestId('mine')).toHaveText('Second editor: neoadjuvant therapy first.');
  await expect(second.decision.conflict()).toContainText(world.chair.name);
  await expectPanelAxeClean(second.page);
  // Nothing was overwritten while the user decides.
  expect((await e2eDb().decision.findFirstOrThrow({ where: { caseId } })).draft).toMatchObject({ rationale: 'First editor: surgery first.' });

  await second.decision.button('Keep mine (save over theirs)').click();
  await second.decision.expectSaved();
  await expect(second.decision.conflict()).toHaveCount(0);
  const stored = await e2eDb().decision.findFirstOrThrow({ where: { caseId } });
  expect(stored.draft).toMatchObject({ rationale: 'Second editor: neoadjuvant therapy first.' });
  expect(stored.lastEditedById).toBe(world.attendee.id);
});

test('a coordinator reads decisions without edit or sign controls, and the server refuses both', async ({ browser }) => {
  test.setTimeout(90_000);
  const coordinator = await signedInPage(browser, world.coordinator);
  // The signed decision: read-only, no Amend, no Sign.
  await coordinator.page.goto(`/cases/${item(0).caseId}`);
  const d = coordinator.decision;
  await expect(d.status()).toHaveText('Signed · version 2');
  // Its only controls are the letters' (decisions.export, which coordinators hold): no Amend, no Sign.
  await expect(d.region().getByRole('button', { name: /Generate letter/ })).toBeVisible();
  await expect(d.region().locator('button').filter({ hasNotText: /^Generat/ })).toHaveCount(0);
  // (The letter form's hidden decision id is not an editable field.)
  await expect(d.decision().locator('input:not([type="hidden"]), textarea, select')).toHaveCount(0);
  // The draft of the second case: shown read-only, no editor, no "Record decision".
  await coordinator.page.goto(`/cases/${item(1).caseId}`);
  await expect(d.decision().getByTestId('decision-read-only')).toContainText('Second editor: neoadjuvant therapy first.');
  await expect(d.editor()).toHaveCount(0);
  await expect(d.region().locator('button')).toHaveCount(0);

  // Asked directly, the server refuses the coordinator's save and signature.
  const draft = await e2eDb().decision.findFirstOrThrow({ where: { caseId: item(1).caseId } });
  const session = new HttpSession(BASE_URL);
  await session.signIn(world.coordinator.email, world.coordinator.password);
  const sign = serverActionId(process.cwd(), 'lib/actions/decisions.ts', 'signDecision');
  const save = serverActionId(process.cwd(), 'lib/actions/decisions.ts', 'saveDecisionDraft');
  const page = `/cases/${item(1).caseId}`;
  expect(await session.callAction(page, sign, [null, { decisionId: draft.id, expectedVersion: draft.version }])).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect(await session.callAction(page, save, [null, { caseId: item(1).caseId, meetingId: world.meetingId, expectedVersion: draft.version, content: { rationale: 'coordinator' } }])).toMatchObject({
    ok: false,
    code: 'FORBIDDEN',
  });
  // A clinician who is not the chair is refused the signature too (the chair rule is the server's).
  const member = new HttpSession(BASE_URL);
  await member.signIn(world.attendee.email, world.attendee.password);
  expect(await member.callAction(page, sign, [null, { decisionId: draft.id, expectedVersion: draft.version }])).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  const after = await e2eDb().decision.findUniqueOrThrow({ where: { id: draft.id } });
  expect(after.version).toBe(draft.version);
  expect(after.status).toBe('DRAFT');
});

/** Holds every server action of `page`: the autosave stays in flight ("Saving…") until release()
 *  lets the held requests through. (Aborted or failed responses would not do: Next keeps such an
 *  action pending, which is this same in-flight state with no way to end it.) */
async function holdServerActions(page: Page) {
  const held: Route[] = [];
  await page.route('**/*', (route) => (route.request().method() === 'POST' && route.request().headers()['next-action'] ? void held.push(route) : route.fallback()));
  return async () => {
    for (const route of held.splice(0)) await route.continue();
    await page.unroute('**/*');
  };
}

async function storedDecision(caseId: string) {
  return e2eDb().decision.findFirstOrThrow({ where: { caseId }, include: { versions: true } });
}

test('a colleague saves while the sign dialog is open: the dialog keeps what it showed, the signature is refused, the chair reviews and signs again', async ({ browser }) => {
  test.setTimeout(150_000);
  const member = await signedInPage(browser, world.attendee);
  const chair = await signedInPage(browser, world.chair);
  const caseId = item(2).caseId;
  await member.page.goto(`/cases/${caseId}`);
  const d = member.decision;
  await d.startDraft();
  await d.setIntent('Curative');
  await d.addRecommendation('Surgery', [{ query: 'lobec', option: /^Lobectomy of lung/ }]);
  await d.setGuideline('ESMO', 'ESMO early NSCLC 2023');
  await d.rationale().fill('Stage I, fit for surgery.');
  await expect.poll(async () => (await storedDecision(caseId)).draft, { timeout: 15_000 }).toMatchObject({ rationale: 'Stage I, fit for surgery.' });

  await chair.page.goto(`/cases/${caseId}`);
  const c = chair.decision;
  await expect(c.rationale()).toHaveValue('Stage I, fit for surgery.');
  await c.button('Sign as chair').click();
  await expect(c.signDialog()).toContainText('Stage I, fit for surgery.');

  // The member saves a change while the chair's dialog is open.
  await d.rationale().fill('Stage I, fit for surgery; EGFR result pending.');
  await expect.poll(async () => (await storedDecision(caseId)).draft, { timeout: 15_000 }).toMatchObject({ rationale: 'Stage I, fit for surgery; EGFR result pending.' });
  // The chair's panel refetches (every 30 s) and receives that save; the dialog still shows what
  // the chair is confirming (a render after the response is all it would take to change it).
  await c.waitForRefetch(caseId);
  await chair.page.waitForTimeout(1_000);
  await expect(c.signDialog()).toBeVisible();
  await expect(c.signDialog()).toContainText('Stage I, fit for surgery.');
  await expect(c.signDialog()).not.toContainText('EGFR result pending');

  // Signing what the dialog showed is refused: the dialog closes and the current content is shown.
  await c.signDialog().getByRole('button', { name: 'Sign now' }).click();
  await expect(c.signDialog()).toBeHidden();
  await expect(c.decision()).toContainText('The decision changed while you were signing; review it and sign again.');
  await expect(c.rationale()).toHaveValue('Stage I, fit for surgery; EGFR result pending.');
  let stored = await storedDecision(caseId);
  expect(stored.status).toBe('DRAFT');
  expect(stored.versions).toHaveLength(0);

  // Reviewed: signing now signs the member's latest text.
  await c.button('Sign as chair').click();
  await expect(c.signDialog()).toContainText('EGFR result pending');
  await c.signDialog().getByRole('button', { name: 'Sign now' }).click();
  await expect(c.status()).toHaveText('Signed · version 1');
  stored = await storedDecision(caseId);
  expect(stored.versions).toHaveLength(1);
  expect(stored.versions[0]!.content).toMatchObject({ rationale: 'Stage I, fit for surgery; EGFR result pending.' });
});

test('the chair signs while a member has unsaved text: the text stays on screen beside the signed version until "Discard mine"', async ({ browser }) => {
  test.setTimeout(150_000);
  const member = await signedInPage(browser, world.attendee);
  const chair = await signedInPage(browser, world.chair);
  const caseId = item(2).caseId;
  await member.page.goto(`/cases/${caseId}`);
  const d = member.decision;
  await d.button('Amend').click();
  await expect(d.status()).toHaveAttribute('data-status', 'AMENDING');
  await d.rationale().fill('Stage I; EGFR wild type, surgery.');
  await expect.poll(async () => (await storedDecision(caseId)).draft, { timeout: 15_000 }).toMatchObject({ rationale: 'Stage I; EGFR wild type, surgery.' });

  // The member keeps typing; their save is still on its way when the chair signs.
  const release = await holdServerActions(member.page);
  const typed = 'Stage I; EGFR wild type, surgery. Member adds: check lung function first.';
  await d.rationale().fill(typed);
  await expect(d.saveStatus()).toHaveAttribute('data-state', 'saving', { timeout: 15_000 });

  // Meanwhile the chair signs the amendment as it was saved.
  await chair.page.goto(`/cases/${caseId}`);
  const c = chair.decision;
  await expect(c.rationale()).toHaveValue('Stage I; EGFR wild type, surgery.');
  await c.button('Sign amendment as chair').click();
  await c.signDialog().getByLabel('Reason for the amendment', { exact: true }).fill('EGFR result arrived.');
  await c.signDialog().getByRole('button', { name: 'Sign now' }).click();
  await expect(c.status()).toHaveText('Signed · version 2');

  // The member's panel refetches and learns of the signature: their text is still there.
  await d.waitForRefetch(caseId);
  const view = d.signedMeanwhile();
  await expect(view).toBeVisible();
  await expect(view).toContainText(`The decision was signed meanwhile (by ${world.chair.name}`);
  const row = d.comparedField(view, 'rationale');
  await expect(row.getByTestId('mine')).toHaveText(typed);
  await expect(row.getByTestId('signed')).toHaveText('Stage I; EGFR wild type, surgery.');
  await expect(view.getByRole('button', { name: 'Amend with my changes' })).toBeVisible();
  await expect(d.decision().getByTestId('signed-decision')).toHaveCount(0);
  await expectPanelAxeClean(member.page);
  // The held save now reaches the server, which refuses it (signed): the text stays until the member decides.
  await release();
  await expect(d.saveStatus()).toHaveCount(0);
  await expect.poll(async () => (await storedDecision(caseId)).draft).toMatchObject({ rationale: 'Stage I; EGFR wild type, surgery.' });
  await expect(row.getByTestId('mine')).toHaveText(typed);

  await view.getByRole('button', { name: 'Discard mine' }).click();
  await expect(d.decision().getByTestId('signed-decision')).toBeVisible();
  await expect(d.status()).toHaveText('Signed · version 2');
  await expect(d.editor()).toHaveCount(0);
  const stored = await storedDecision(caseId);
  expect(stored.status).toBe('SIGNED');
  expect(stored.draft).toMatchObject({ rationale: 'Stage I; EGFR wild type, surgery.' });
});

test('the chair cancels an amendment while a member has unsaved text: "Amend with my changes" carries it into a new amendment', async ({ browser }) => {
  test.setTimeout(150_000);
  const member = await signedInPage(browser, world.attendee);
  const chair = await signedInPage(browser, world.chair);
  const caseId = item(2).caseId;
  await member.page.goto(`/cases/${caseId}`);
  const d = member.decision;
  await d.button('Amend').click();
  await expect(d.status()).toHaveAttribute('data-status', 'AMENDING');
  await expect(d.rationale()).toHaveValue('Stage I; EGFR wild type, surgery.');
  const release = await holdServerActions(member.page);
  const typed = 'Stage I; EGFR wild type. Lobectomy after pulmonary function tests.';
  await d.rationale().fill(typed);
  await expect(d.saveStatus()).toHaveAttribute('data-state', 'saving', { timeout: 15_000 });

  await chair.page.goto(`/cases/${caseId}`);
  await chair.decision.button('Cancel amendment').click();
  await expect(chair.decision.status()).toHaveText('Signed · version 2');

  await d.waitForRefetch(caseId);
  const view = d.signedMeanwhile();
  await expect(view).toBeVisible();
  await expect(view).toContainText('The amendment you were editing was cancelled meanwhile');
  await expect(d.comparedField(view, 'rationale').getByTestId('mine')).toHaveText(typed);

  await release();
  await expect(d.comparedField(view, 'rationale').getByTestId('mine')).toHaveText(typed);
  await view.getByRole('button', { name: 'Amend with my changes' }).click();
  await expect(d.status()).toHaveAttribute('data-status', 'AMENDING');
  await expect(d.rationale()).toHaveValue(typed);
  await expect.poll(async () => (await storedDecision(caseId)).draft, { timeout: 15_000 }).toMatchObject({ rationale: typed });
  const stored = await storedDecision(caseId);
  expect(stored.status).toBe('AMENDING');
  expect(stored.versions).toHaveLength(2);
});

/** A member on the second case's screen with its draft open: the draft of the conflict test above, or (run alone) a new one. */
async function memberAtDraft(browser: Browser) {
  const member = await signedInPage(browser, world.attendee);
  const caseId = item(1).caseId;
  await member.page.goto(`/cases/${caseId}`);
  const record = member.decision.button(/^Record decision for/);
  await expect(member.decision.editor().or(record)).toBeVisible();
  if (await record.isVisible()) await member.decision.startDraft();
  // Typing before hydration once ran into the server-rendered text (CI: "typed" + the stored text).
  await member.decision.expectEditorReady();
  return { member, caseId, d: member.decision };
}

const isServerAction = (route: Route) => route.request().method() === 'POST' && !!route.request().headers()['next-action'];

test('a save that cannot reach the server: the text stays, the editor tries again by itself and stores it once the server answers; a refused value is sent once, not again and again', async ({ browser }) => {
  test.setTimeout(150_000);
  const { member, caseId, d } = await memberAtDraft(browser);
  const actions: string[] = [];
  member.page.on('request', (request) => {
    if (request.method() === 'POST' && request.headers()['next-action']) actions.push(request.url());
  });

  // The network fails every server action: the editor says so, keeps the text and schedules
  // another try instead of sending again at once.
  await member.page.route('**/*', (route) => (isServerAction(route) ? route.abort('failed') : route.fallback()));
  const typed = 'Network test: neoadjuvant therapy first, then surgery.';
  await d.rationale().fill(typed);
  await expect(d.saveStatus()).toHaveAttribute('data-state', 'error', { timeout: 25_000 });
  await expect(d.saveStatus()).toContainText('Your text stays here; trying again in 5 s.');
  await expect(d.button('Try again now')).toBeVisible();
  await expect(d.rationale()).toHaveValue(typed);
  const whileDown = actions.length;
  expect(whileDown).toBeGreaterThanOrEqual(1);
  await member.page.waitForTimeout(2_000);
  expect(actions.length).toBe(whileDown); // no request storm while the next try waits

  // The network is back: the scheduled try stores the text by itself.
  await member.page.unroute('**/*');
  await d.expectSaved();
  expect((await storedDecision(caseId)).draft).toMatchObject({ rationale: typed });

  // A save reaches the server but its answer is held past the editor's 15 s: it counts as failed.
  // The member types on; that save goes out after the late answer (Next sends actions one at a
  // time) and is stale against the editor's own earlier save: saved again, never shown as a conflict.
  let held = false;
  await member.page.route('**/*', async (route) => {
    if (!isServerAction(route) || held) return route.fallback();
    held = true;
    const response = await route.fetch();
    await new Promise((resolve) => setTimeout(resolve, 20_000));
    await route.fulfill({ response });
  });
  const first = 'Late answer test: surgery first.';
  await d.rationale().fill(first);
  await expect(d.saveStatus()).toContainText('The server has not answered for 15 s.', { timeout: 25_000 });
  const second = 'Late answer test: surgery first, then adjuvant therapy.';
  await d.rationale().fill(second);
  await d.expectSaved();
  await expect(d.conflict()).toHaveCount(0);
  await expect(d.rationale()).toHaveValue(second);
  expect((await storedDecision(caseId)).draft).toMatchObject({ rationale: second });
  await member.page.unroute('**/*');

  // A value the server refuses (a dose above 200 Gy) is reported once and not sent again until it changes.
  const rec = await d.addRecommendation('Radiotherapy', []);
  await d.expectSaved();
  const before = actions.length;
  await rec.getByLabel('Total dose (Gy)', { exact: true }).fill('500');
  await expect(d.saveStatus()).toHaveAttribute('data-state', 'error', { timeout: 15_000 });
  await expect(d.button('Try again now')).toHaveCount(0);
  const afterRefusal = actions.length;
  expect(afterRefusal - before).toBe(1);
  await member.page.waitForTimeout(3_000);
  expect(actions.length).toBe(afterRefusal);
  await rec.getByLabel('Total dose (Gy)', { exact: true }).fill('60');
  await d.expectSaved();
  expect((await storedDecision(caseId)).draft).toMatchObject({ rationale: second, recommendations: [expect.objectContaining({ modality: 'RADIOTHERAPY', totalDoseGy: 60 })] });
});

test('leaving the page while the text is not stored asks first; once it is saved, leaving asks nothing', async ({ browser }) => {
  test.setTimeout(120_000);
  const { member, caseId, d } = await memberAtDraft(browser);
  // The server cannot be reached: the typed text is not stored, and a reload asks first.
  await member.page.route('**/*', (route) => (isServerAction(route) ? route.abort('failed') : route.fallback()));
  const typed = `Unload test ${Date.now()}: chemoradiotherapy, then re-staging.`;
  await d.rationale().click(); // a user gesture: browsers prompt only on pages the user touched
  await d.rationale().fill(typed);
  await expect(d.saveStatus()).toHaveAttribute('data-state', 'error', { timeout: 25_000 });
  const prompt = member.page.waitForEvent('dialog', { timeout: 10_000 }); // while someone waits for it, Playwright leaves the prompt to us
  void member.page.reload().catch(() => undefined); // never loads: the user stays
  const dialog = await prompt;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss(); // "Stay on page"
  await expect(d.rationale()).toHaveValue(typed);
  await expect(d.saveStatus()).toHaveAttribute('data-state', 'error');

  // The server is back and the text is saved: a reload asks nothing, and the text comes back from the server.
  const later: string[] = [];
  member.page.on('dialog', (unexpected) => {
    later.push(unexpected.type());
    void unexpected.accept();
  });
  await member.page.unroute('**/*');
  await d.button('Try again now').click();
  await d.expectSaved();
  await member.page.reload();
  await expect(d.rationale()).toHaveValue(typed);
  expect(later).toEqual([]);
  expect((await storedDecision(caseId)).draft).toMatchObject({ rationale: typed });
});
