// The model registry (/admin/models): an admin's uploads that fail validation are refused
// with every reason exactly as the server gives it and nothing is stored; a good new version
// of the WDBC model runs in shadow (clinicians still see 1.0.0; the comparison shows both),
// is activated (1.0.0 retired) and rolled back (1.0.0 active again). Clinicians reach
// neither the page nor the upload route. The registry ends as it started: 1.0.0 active.
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import yaml from 'js-yaml';
import { e2eDb } from './fixtures/db';
import { seedBreastInferenceCase } from './fixtures/inference-case';
import { foreignFixture, WDBC_KEY, wdbcUploadCard, writeWdbcNextVersion } from './fixtures/model-files';
import { signInViaApi } from './fixtures/sign-in-api';
import { createE2eUser } from './fixtures/users';
import { CaseScreen } from './pages/case-screen';
import { DecisionSupportPanel } from './pages/decision-support-panel';
import { ModelRegistryPage } from './pages/model-registry-page';
import type { CaseInferenceDto, ModelRejection } from '../lib/schemas/inference';

const versionsOfWdbc = () => e2eDb().modelVersion.findMany({ where: { modelKey: WDBC_KEY }, select: { semver: true, status: true }, orderBy: { semver: 'asc' } });

/** The form lists exactly the reasons the server answered, each with its code, path and message. */
async function expectRejectionsShown(registry: ModelRegistryPage, reasons: ModelRejection[]) {
  await expect(registry.rejections()).toHaveCount(reasons.length);
  for (const [i, reason] of reasons.entries()) {
    const item = registry.rejections().nth(i);
    await expect(item).toHaveAttribute('data-code', reason.code);
    await expect(item).toHaveAttribute('data-path', reason.path ?? '');
    await expect(item.getByTestId('upload-rejection-message')).toHaveText(reason.message);
    if (reason.path) await expect(item).toContainText(`${reason.code} at ${reason.path}: `);
  }
}

async function caseInference(page: Page, caseId: string): Promise<CaseInferenceDto> {
  const response = await page.request.get(`/api/cases/${caseId}/inference`);
  expect(response.status()).toBe(200);
  return (await response.json()) as CaseInferenceDto;
}

test('an admin refuses broken uploads, then takes a new version through shadow, activation and rollback', async ({ page, browser }, testInfo) => {
  test.setTimeout(180_000);
  const admin = await createE2eUser({ roles: ['ADMIN'], name: 'E2E Registry Admin' });
  const world = await seedBreastInferenceCase();
  await signInViaApi(page.request, admin);
  const registry = new ModelRegistryPage(page);
  await registry.open();
  await expect(registry.versions(WDBC_KEY)).toHaveCount(1);
  await expect(registry.version(WDBC_KEY, '1.0.0')).toHaveAttribute('data-status', 'ACTIVE');
  const before = await versionsOfWdbc();
  expect(before).toEqual([{ semver: '1.0.0', status: 'ACTIVE' }]);

  await test.step('a model whose input is [1, 7] for a 10-feature card: both shape reasons, nothing stored', async () => {
    const response = await registry.upload({ modelPath: foreignFixture('wdbc-input-1x7.onnx'), cardText: JSON.stringify(wdbcUploadCard(), null, 2) });
    expect(response.status()).toBe(422);
    const { reasons } = (await response.json()) as { reasons: ModelRejection[] };
    expect(reasons.map((r) => r.code)).toEqual(['input_shape', 'output_shape']);
    await expectRejectionsShown(registry, reasons);
    await expect(registry.uploadForm()).toContainText('The model was not registered; nothing was stored.');
    expect(await versionsOfWdbc()).toEqual(before);
    await expect(registry.versions(WDBC_KEY)).toHaveCount(1);
  });

  await test.step('a truncated file with the card as a file: not ONNX, nothing stored', async () => {
    const cardPath = testInfo.outputPath('wdbc-1.0.0.card.json');
    writeFileSync(cardPath, JSON.stringify(wdbcUploadCard()));
    const response = await registry.upload({ modelPath: foreignFixture('truncated.onnx'), cardPath });
    expect(response.status()).toBe(422);
    const { reasons } = (await response.json()) as { reasons: ModelRejection[] };
    expect(reasons.map((r) => r.code)).toEqual(['onnx_decode']);
    await expectRejectionsShown(registry, reasons);
    expect(await versionsOfWdbc()).toEqual(before);
  });

  const next = writeWdbcNextVersion(testInfo.outputPath());

  await test.step('a card that breaks the contract: each reason with its path', async () => {
    const broken = { ...next.card, regulatoryStatus: 'Validated for clinical use.', testVectorTolerance: -1 };
    const response = await registry.upload({ modelPath: next.modelPath, cardText: JSON.stringify(broken) });
    expect(response.status()).toBe(422);
    const { reasons } = (await response.json()) as { reasons: ModelRejection[] };
    expect(reasons.filter((r) => r.code === 'card_schema').map((r) => r.path).sort()).toEqual(['regulatoryStatus', 'testVectorTolerance']);
    await expectRejectionsShown(registry, reasons);
    expect(await versionsOfWdbc()).toEqual(before);
  });

  await test.step('the good 1.0.1 (same parameters, new version number), its card pasted as YAML, is registered as validated', async () => {
    const response = await registry.upload({ modelPath: next.modelPath, cardText: yaml.dump(next.card) });
    expect(response.status()).toBe(201);
    await expect(registry.uploadForm()).toContainText(`Registered ${WDBC_KEY} 1.0.1 (validated).`);
    await expect(registry.rejections()).toHaveCount(0);
    await expect(registry.version(WDBC_KEY, '1.0.1')).toHaveAttribute('data-status', 'VALIDATED');
    await expect(registry.version(WDBC_KEY, '1.0.0')).toHaveAttribute('data-status', 'ACTIVE');
  });

  await test.step('a lifecycle change needs a reason', async () => {
    await registry.changeStatus(WDBC_KEY, '1.0.1', 'Run in shadow mode', '');
    await expect(registry.version(WDBC_KEY, '1.0.1')).toContainText('Give a reason (at least 3 characters).');
    await expect(registry.version(WDBC_KEY, '1.0.1')).toHaveAttribute('data-status', 'VALIDATED');
  });

  await test.step('shadow: it runs beside 1.0.0, and clinicians still see only 1.0.0', async () => {
    await registry.changeStatus(WDBC_KEY, '1.0.1', 'Run in shadow mode', 'Shadow run before go-live');
    await expect(registry.version(WDBC_KEY, '1.0.1')).toHaveAttribute('data-status', 'SHADOW');
    await expect(registry.version(WDBC_KEY, '1.0.1')).toContainText('The version now runs in shadow mode');

    const clinicianContext = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const clinicianPage = await clinicianContext.newPage();
    await signInViaApi(clinicianPage.request, world.clinician);
    const screen = new CaseScreen(clinicianPage);
    await screen.open(world.caseId);
    await screen.expectLoaded(world.patientName);
    const panel = new DecisionSupportPanel(clinicianPage);
    await panel.runModels();
    const wdbc = panel.model(WDBC_KEY);
    await expect(wdbc).toHaveAttribute('data-status', 'SCORED');
    await expect(wdbc.getByRole('heading', { level: 3 })).toContainText('version 1.0.0');
    const seen = (await caseInference(clinicianPage, world.caseId)).models.find((m) => m.card.modelKey === WDBC_KEY)!;
    expect([seen.card.version, seen.result?.semver]).toEqual(['1.0.0', '1.0.0']);
    // The shadow version did run on the case; its result is stored, never shown.
    const shadowResults = await e2eDb().inferenceResult.count({ where: { caseId: world.caseId, shadow: true, modelVersion: { modelKey: WDBC_KEY, semver: '1.0.1' } } });
    expect(shadowResults).toBe(1);
    await clinicianContext.close();
  });

  await test.step('the shadow comparison shows both versions on the case, without the patient', async () => {
    await registry.version(WDBC_KEY, '1.0.1').getByRole('link', { name: /Shadow comparison and details/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('version 1.0.1');
    const row = page.locator(`[data-testid="shadow-comparison"][data-case-id="${world.caseId}"]`);
    const probability = `probability ${(world.expected.probability * 100).toFixed(1)} %`;
    await expect(row.getByTestId('shadow-side')).toContainText(probability);
    await expect(row.getByTestId('active-side')).toContainText('version 1.0.0');
    await expect(row.getByTestId('active-side')).toContainText(probability);
    // Same graph, same parameters: not a digit apart.
    await expect(row.getByTestId('max-difference')).toHaveText('0');
    await expect(page.getByText(world.patientName)).toHaveCount(0);
    await page.getByRole('link', { name: '← All models' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Decision-support models' })).toBeVisible();
  });

  await test.step('activate 1.0.1: 1.0.0 is retired', async () => {
    await registry.changeStatus(WDBC_KEY, '1.0.1', 'Activate', 'Shadow results identical on every case');
    await expect(registry.version(WDBC_KEY, '1.0.1')).toHaveAttribute('data-status', 'ACTIVE');
    await expect(registry.version(WDBC_KEY, '1.0.0')).toHaveAttribute('data-status', 'RETIRED');
    await expect(registry.version(WDBC_KEY, '1.0.0')).toContainText('Replaced by 1.0.1: Shadow results identical on every case');
    expect(await versionsOfWdbc()).toEqual([
      { semver: '1.0.0', status: 'RETIRED' },
      { semver: '1.0.1', status: 'ACTIVE' },
    ]);
  });

  await test.step('roll back: 1.0.0 is active again, 1.0.1 retired, every change audited with its reason', async () => {
    await registry.changeStatus(WDBC_KEY, '1.0.1', 'Roll back', 'Rolled back after the e2e check');
    await expect(registry.version(WDBC_KEY, '1.0.0')).toHaveAttribute('data-status', 'ACTIVE');
    await expect(registry.version(WDBC_KEY, '1.0.1')).toHaveAttribute('data-status', 'RETIRED');
    expect(await versionsOfWdbc()).toEqual([
      { semver: '1.0.0', status: 'ACTIVE' },
      { semver: '1.0.1', status: 'RETIRED' },
    ]);
    const changes = await e2eDb().auditEvent.findMany({ where: { action: 'model.status_change', actorId: admin.id }, orderBy: { id: 'asc' } });
    expect(changes.map((e) => [(e.detail as { semver: string }).semver, (e.detail as { transition: string }).transition, (e.detail as { to: string }).to, (e.detail as { reason: string }).reason])).toEqual([
      ['1.0.1', 'shadow', 'SHADOW', 'Shadow run before go-live'],
      ['1.0.0', 'replaced', 'RETIRED', 'Shadow results identical on every case'],
      ['1.0.1', 'activate', 'ACTIVE', 'Shadow results identical on every case'],
      ['1.0.1', 'rollback', 'RETIRED', 'Rolled back after the e2e check'],
      ['1.0.0', 'rollback', 'ACTIVE', 'Rolled back after the e2e check'],
    ]);
    const rejections = await e2eDb().auditEvent.count({ where: { action: 'model.register_reject', actorId: admin.id } });
    expect(rejections).toBe(3);
  });
});

test('a clinician reaches neither the registry page nor the upload route', async ({ page }) => {
  const clinician = await createE2eUser({ roles: ['CLINICIAN'] });
  await signInViaApi(page.request, clinician);
  const response = await page.goto('/admin/models');
  expect(response?.status()).toBe(403);
  await expect(page.getByText('Access denied (403)')).toBeVisible();
  const before = await e2eDb().modelVersion.count();
  const upload = await page.request.post('/api/admin/models', {
    multipart: {
      model: { name: 'model.onnx', mimeType: 'application/octet-stream', buffer: readFileSync(foreignFixture('wrong-test-vectors.onnx')) },
      card: JSON.stringify(wdbcUploadCard('9.9.9')),
    },
  });
  expect(upload.status()).toBe(403);
  expect(await e2eDb().modelVersion.count()).toBe(before);
});
