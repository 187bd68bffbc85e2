// Decision support on the case screen: a clinician runs the breast models on a case whose
// inputs are complete and reads the result (survival step curve, hazard ratio, waterfall with
// the patient's values, disclaimer, card), disagrees with a reason (stored, audited, shown
// again after a reload); a case with an input missing shows why it was not scored and no
// number; a coordinator gets no panel and no data. The cases are seeded with the values of
// the models' own card test vectors (e2e/fixtures/inference-case.ts), so the expected numbers
// are the cards'.
import path from 'node:path';
import { expect, test, type Locator } from '@playwright/test';
import { e2eDb } from './fixtures/db';
import { seedBreastInferenceCase } from './fixtures/inference-case';
import { signInViaApi } from './fixtures/sign-in-api';
import { createE2eUser } from './fixtures/users';
import { CaseScreen } from './pages/case-screen';
import { DecisionSupportPanel } from './pages/decision-support-panel';

const RFS = 'breast-rfs-rotterdam';
const WDBC = 'breast-malignancy-wdbc';

const percent = (p: number) => `${(p * 100).toFixed(1)} %`;

/** Every segment of an SVG path's polyline is horizontal or vertical: a step curve. */
async function expectStepCurve(path: Locator) {
  const d = (await path.getAttribute('d')) ?? '';
  const numbers = (d.match(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g) ?? []).map(Number);
  const points = Array.from({ length: numbers.length / 2 }, (_, i) => [numbers[2 * i]!, numbers[2 * i + 1]!] as const);
  expect(points.length, `the curve ${d} has its steps`).toBeGreaterThanOrEqual(6);
  for (let i = 1; i < points.length; i++) {
    const [[x0, y0], [x1, y1]] = [points[i - 1]!, points[i]!];
    expect(Math.abs(x1 - x0) < 0.01 || Math.abs(y1 - y0) < 0.01, `segment ${i} of ${d} is horizontal or vertical`).toBe(true);
  }
}

test.use({ viewport: { width: 1600, height: 1200 } });

test('a clinician runs the models on a complete breast case, reads the result and disagrees with a reason', async ({ page }, testInfo) => {
  const world = await seedBreastInferenceCase();
  await signInViaApi(page.request, world.clinician);
  const screen = new CaseScreen(page);
  await screen.open(world.caseId);
  await screen.expectLoaded(world.patientName);

  const panel = new DecisionSupportPanel(page);
  const rfs = panel.model(RFS);
  const wdbc = panel.model(WDBC);
  await expect(rfs).toHaveAttribute('data-status', 'NOT_RUN');
  await expect(wdbc).toHaveAttribute('data-status', 'NOT_RUN');

  await test.step('run the models now', async () => {
    await panel.runModels();
    await expect(rfs).toHaveAttribute('data-status', 'SCORED');
    await expect(wdbc).toHaveAttribute('data-status', 'SCORED');
    await expect(rfs.getByRole('heading', { level: 3 })).toContainText('version 1.0.0');
  });

  await test.step('the survival step curve at 12/24/60 months and the hazard ratio, in numbers and drawn', async () => {
    expect(world.expected.horizonsMonths).toEqual([12, 24, 60]);
    for (const [i, month] of world.expected.horizonsMonths.entries()) {
      await expect(panel.survivalRow(rfs, month)).toContainText(`${month} months`);
      await expect(panel.survivalRow(rfs, month)).toContainText(percent(world.expected.survival[i]!));
    }
    await expect(rfs.getByTestId('survival-summary')).toHaveText(
      `Predicted probability of being event-free: ${world.expected.horizonsMonths.map((m, i) => `${percent(world.expected.survival[i]!)} at ${m} months`).join(', ')}.`,
    );
    await expect(rfs.getByTestId('hazard-ratio')).toContainText(String(Number(world.expected.hazardRatio.toPrecision(3))));
    await expect(rfs.getByTestId('hazard-ratio')).toContainText('lower hazard than the average patient');
    // The plot loads lazily; its dots sit at the card's horizons, and the line only steps.
    const points = rfs.getByTestId('survival-point');
    await expect(points).toHaveCount(3, { timeout: 15_000 });
    expect(await points.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-month'))))).toEqual([12, 24, 60]);
    await expectStepCurve(panel.curvePath(rfs));
  });

  await test.step('the waterfall of contributions, labelled with the patient’s values', async () => {
    const bars = rfs.getByTestId('waterfall-bar');
    // 8 inputs: the 6 largest, then the 2 smallest folded into one step.
    await expect(bars).toHaveCount(7);
    const expected = Object.entries(world.expected.contributions).sort(([, a], [, b]) => Math.abs(b) - Math.abs(a));
    expect(await bars.evaluateAll((els) => els.map((e) => e.getAttribute('data-feature')))).toEqual([...expected.slice(0, 6).map(([f]) => f), 'other']);
    const size = panel.waterfallBar(rfs, 'tumor_size_mm');
    await expect(size).toContainText('Tumour size (largest diameter)');
    await expect(size.getByTestId('waterfall-patient-value')).toHaveText(`${world.rotterdamInputs.tumor_size_mm} mm`);
    await expect(size).toContainText(`−${Math.abs(world.expected.contributions.tumor_size_mm!).toFixed(2)}`);
    await expect(size).toHaveAttribute('data-direction', 'down');
    const grade = panel.waterfallBar(rfs, 'grade');
    await expect(grade.getByTestId('waterfall-patient-value')).toHaveText(String(world.rotterdamInputs.grade));
    await expect(grade).toContainText(`+${world.expected.contributions.grade!.toFixed(2)}`);
    await expect(rfs.getByTestId('waterfall-total')).toContainText(`hazard ratio ${Number(world.expected.hazardRatio.toPrecision(3))}`);
    // The classifier: its probability, and its own waterfall on the log-odds scale.
    await expect(wdbc.getByTestId('probability')).toHaveText(percent(world.expected.probability));
    await expect(wdbc.getByTestId('waterfall-total')).toContainText(`probability ${percent(world.expected.probability)}`);
  });

  // The picture of the panel in the README (docs/decision-support.png), from this run, before any disclosure is opened.
  const file = process.env.KONSIL_UPDATE_DOCS === '1' ? path.resolve('docs/decision-support.png') : testInfo.outputPath('decision-support.png');
  await panel.region().screenshot({ path: file });

  await test.step('the disclaimer, the intended use and the card summary', async () => {
    for (const model of [rfs, wdbc]) await expect(model.getByTestId('model-disclaimer')).toContainText('Research use only — not a medical device.');
    await expect(rfs).toContainText('Intended use: Research and teaching in a virtual tumour board: recurrence-free survival');
    await rfs.getByTestId('model-card').getByText('Model card', { exact: true }).click();
    const card = rfs.getByTestId('model-card');
    await expect(card).toContainText('Historic cohorts: surgery 1978–1993');
    await expect(card).toContainText('Training data (n = 2087)');
    await expect(card).toContainText('External validation data (n = 686)');
    const cIndex = card.getByTestId('model-metrics').getByRole('row').filter({ hasText: 'C-index (Harrell)' }).filter({ hasText: 'external (GBSG)' });
    await expect(cIndex).toContainText('0.6778');
    await expect(cIndex).toContainText('0.6479 – 0.7078');
  });

  await test.step('every input with its status, value and source; provenance of the run', async () => {
    await rfs.getByTestId('model-inputs').locator('summary').click();
    await expect(rfs.getByTestId('model-input')).toHaveCount(8);
    await expect(rfs.locator('[data-testid="model-input"][data-status="ok"]')).toHaveCount(8);
    const size = panel.input(rfs, 'tumor_size_mm');
    await expect(size).toContainText('Confirmed report fact TUMOR_SIZE.mm ("20 mm")');
    await expect(panel.input(rfs, 'er_fmol')).toContainText('60 fmol/l');
    await rfs.getByTestId('result-provenance').getByText('Provenance').click();
    await expect(rfs.getByTestId('result-trigger')).toHaveText(`on demand (“Run models now”), by ${world.clinician.name}`);
    const shipped = await e2eDb().modelVersion.findFirstOrThrow({ where: { modelKey: RFS, semver: '1.0.0' } });
    await expect(rfs.getByTestId('result-provenance').locator('code').first()).toHaveAttribute('title', shipped.fileSha256);
  });

  await test.step('"Disagree" needs a reason of at most 2000 characters, then it is shown, stored and audited', async () => {
    const review = rfs.getByTestId('result-review');
    await review.getByRole('button', { name: 'Disagree…' }).click();
    const reasonBox = review.getByLabel('Why do you disagree?');
    await expect(reasonBox).toBeFocused();
    await review.getByRole('button', { name: 'Record disagreement' }).click();
    await expect(review).toContainText('Say why you disagree.');
    await expect(reasonBox).toHaveAttribute('aria-invalid', 'true');
    await reasonBox.fill('x'.repeat(2001));
    await review.getByRole('button', { name: 'Record disagreement' }).click();
    await expect(review).toContainText('At most 2000 characters (now 2001).');

    const reason = 'Grade 3 on core biopsy but grade 2 on the excision; <b>not</b> the risk we discussed.';
    await reasonBox.fill(reason);
    // Keyboard: from the text box to the button, and Enter.
    await page.keyboard.press('Tab');
    await expect(review.getByRole('button', { name: 'Record disagreement' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(panel.currentReview(rfs)).toHaveAttribute('data-mark', 'DISAGREE');
    await expect(panel.currentReview(rfs)).toContainText(`Disagree by ${world.clinician.name}`);
    // Shown as text: the angle brackets are characters, not markup.
    await expect(panel.currentReview(rfs)).toContainText(reason);

    const result = await e2eDb().inferenceResult.findFirstOrThrow({ where: { caseId: world.caseId, shadow: false, modelVersion: { modelKey: RFS } }, orderBy: { createdAt: 'desc' } });
    const stored = await e2eDb().inferenceReview.findMany({ where: { resultId: result.id } });
    expect(stored).toEqual([expect.objectContaining({ number: 1, mark: 'DISAGREE', reason, reviewedById: world.clinician.id })]);
    const audit = await e2eDb().auditEvent.findMany({ where: { action: 'inference.review', entityId: result.id } });
    expect(audit).toEqual([expect.objectContaining({ actorId: world.clinician.id, outcome: 'SUCCESS', detail: expect.objectContaining({ mark: 'DISAGREE', number: 1, previous: null }) })]);

    await page.reload();
    await screen.expectLoaded(world.patientName);
    await expect(panel.currentReview(rfs)).toHaveAttribute('data-mark', 'DISAGREE');
    await expect(panel.currentReview(rfs)).toContainText(reason);
  });

  await test.step('"Considered" on top keeps the disagreement in the history', async () => {
    await rfs.getByTestId('result-review').getByRole('button', { name: 'Considered' }).click();
    await expect(panel.currentReview(rfs)).toHaveAttribute('data-mark', 'CONSIDERED');
    const history = rfs.getByTestId('review-history');
    await history.getByText('Earlier marks (1)').click();
    await expect(history.locator('li[data-mark="DISAGREE"]')).toContainText('Grade 3 on core biopsy');
  });
});

test('a colleague’s newer mark is a conflict: the panel says so and shows it', async ({ page }) => {
  const world = await seedBreastInferenceCase();
  await signInViaApi(page.request, world.clinician);
  const screen = new CaseScreen(page);
  await screen.open(world.caseId);
  await screen.expectLoaded(world.patientName);
  const panel = new DecisionSupportPanel(page);
  await panel.runModels();
  const rfs = panel.model(RFS);
  await expect(rfs).toHaveAttribute('data-status', 'SCORED');

  // A colleague marks the same result while this screen still shows "nobody has marked it".
  const colleague = await createE2eUser({ roles: ['CLINICIAN'], name: 'Dr. Colleague' });
  await e2eDb().boardMembership.create({ data: { boardId: world.boardId, userId: colleague.id } });
  const result = await e2eDb().inferenceResult.findFirstOrThrow({ where: { caseId: world.caseId, shadow: false, modelVersion: { modelKey: RFS } }, orderBy: { createdAt: 'desc' } });
  await e2eDb().inferenceReview.create({ data: { resultId: result.id, number: 1, mark: 'CONSIDERED', reviewedById: colleague.id } });

  await rfs.getByTestId('result-review').getByRole('button', { name: 'Considered' }).click();
  await expect(rfs.getByTestId('result-review')).toContainText('Someone else marked this result meanwhile.');
  await expect(panel.currentReview(rfs)).toContainText('Considered by Dr. Colleague');
  expect(await e2eDb().inferenceReview.count({ where: { resultId: result.id } })).toBe(1);
});

test('a case with a missing input says "Not scored", names the input and what to do, and shows no number', async ({ page }) => {
  const world = await seedBreastInferenceCase({ unconfirmed: ['GRADE'] });
  await signInViaApi(page.request, world.clinician);
  const screen = new CaseScreen(page);
  await screen.open(world.caseId);
  await screen.expectLoaded(world.patientName);
  const panel = new DecisionSupportPanel(page);
  await panel.runModels();

  const rfs = panel.model(RFS);
  await expect(rfs).toHaveAttribute('data-status', 'NOT_SCORED');
  const notice = rfs.getByTestId('not-scored');
  await expect(notice.getByTestId('not-scored-headline')).toHaveText('Not scored: Histological grade (1–3) is missing.');
  await expect(notice).toContainText('Histological grade (1–3): No GRADE fact confirmed by a clinician on this case.');
  await expect(notice).toContainText('What to do: Confirm the histological grade in the pathology report (Reports panel)');
  // No score of any kind for this model.
  for (const id of ['survival-score', 'survival-curve', 'hazard-ratio', 'contribution-waterfall', 'probability']) await expect(rfs.getByTestId(id)).toHaveCount(0);
  await expect(panel.input(rfs, 'grade')).toHaveAttribute('data-status', 'missing');
  await expect(panel.input(rfs, 'grade')).toBeVisible();
  await expect(panel.input(rfs, 'tumor_size_mm')).toHaveAttribute('data-status', 'ok');
  // The other model had everything it needs.
  await expect(panel.model(WDBC)).toHaveAttribute('data-status', 'SCORED');
});

test('a coordinator gets no decision-support panel and no model data; a clinician outside the board gets 404', async ({ page, playwright }) => {
  const world = await seedBreastInferenceCase();
  await signInViaApi(page.request, world.coordinator);
  const screen = new CaseScreen(page);
  await screen.open(world.caseId);
  await screen.expectLoaded(world.patientName);
  await expect(screen.panel('Laboratory')).toBeVisible();
  await expect(screen.panel('Decision support')).toHaveCount(0);
  await expect(page.getByText('Research use only — not a medical device')).toHaveCount(0);
  const denied = await page.request.get(`/api/cases/${world.caseId}/inference`);
  expect(denied.status()).toBe(403);
  expect(JSON.stringify(await denied.json())).not.toContain(RFS);

  const outsider = await createE2eUser({ roles: ['CLINICIAN'] });
  const request = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  await signInViaApi(request, outsider);
  expect((await request.get(`/api/cases/${world.caseId}/inference`)).status()).toBe(404);
  await request.dispose();
});
