// The board's decision from the case screen: a clinician records it during the live meeting
// (autosaved), the chair signs it, it is amended and signed again with a reason; two editors
// of one draft meet the conflict view instead of overwriting each other; a coordinator reads
// it and can neither edit nor sign (and the server refuses when asked directly).
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { HttpSession, serverActionId } from '../scripts/lib/http-session';
import { e2eDb } from './fixtures/db';
import { seedDecisionWorld, type DecisionWorld } from './fixtures/decision-world';
import { BASE_URL } from './fixtures/env';
import { signInViaApi } from './fixtures/sign-in-api';
import type { E2eUser } from './fixtures/users';
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
  // Its only control is getting the letter out (decisions.export): nothing that edits or signs.
  await expect(d.region().getByRole('button')).toHaveText(['Generate letter']);
  await expect(d.decision().locator('input:not([type=hidden]), textarea, select')).toHaveCount(0);
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
