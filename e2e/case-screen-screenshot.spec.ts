// The picture of the case screen in the README (docs/case-screen.png), taken from a
// real run: a demo case with CT, the image rendered, the lab chart drawn. The test
// checks those render signals; with KONSIL_UPDATE_DOCS=1 it also writes the picture
// into docs/ (commit it), otherwise only into the test's output folder.
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { createBoardMember, findDemoCase } from './fixtures/demo-case';
import { signInViaApi } from './fixtures/sign-in-api';
import { CaseScreen } from './pages/case-screen';

test.use({ viewport: { width: 1600, height: 1300 } });

test('the case screen of a demo patient, with image and lab chart rendered', async ({ page }, testInfo) => {
  const demoCase = await findDemoCase({ withCt: true, entity: 'LUNG' });
  const clinician = await createBoardMember(demoCase, ['CLINICIAN']);
  await signInViaApi(page.request, clinician);
  const screen = new CaseScreen(page);
  await screen.open(demoCase.caseId);
  await screen.expectLoaded(demoCase.patientName);
  await expect(page.getByTestId('viewport-0')).toHaveAttribute('data-rendered', 'true', { timeout: 30_000 });
  await expect(page.getByTestId('lab-reference-band').first()).toBeVisible();

  const file = process.env.KONSIL_UPDATE_DOCS === '1' ? path.resolve('docs/case-screen.png') : testInfo.outputPath('case-screen.png');
  await page.screenshot({ path: file, fullPage: true });
});
