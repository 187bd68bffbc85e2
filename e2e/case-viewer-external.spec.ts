// DICOM from other software, uncompressed and compressed (explicit/implicit little
// endian, big endian, RLE, JPEG-LS, JPEG 2000, JPEG lossless, JPEG extended 12-bit,
// multi-frame JPEG baseline), imported for a patient with a case, renders in the
// imaging panel: every series shows a real image (its pixels are not uniform), decoded
// by the WASM codecs and the decode worker under the page's CSP.
import { expect, test } from '@playwright/test';
import { importExternalDicomForCase, type ExternalDicomCase } from './fixtures/external-dicom';
import { signInViaApi } from './fixtures/sign-in-api';
import { CaseViewerPage } from './pages/case-viewer';

let imported: ExternalDicomCase;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  imported = await importExternalDicomForCase();
});

test('every imported series renders, whatever its transfer syntax', async ({ page }) => {
  test.setTimeout(180_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await signInViaApi(page.request, imported.clinician);
  const viewer = new CaseViewerPage(page);
  await viewer.goto(imported.caseId);
  await expect(viewer.seriesButtons()).toHaveCount(imported.series.length);

  for (const series of imported.series) {
    await test.step(`${series.modality} ${series.transferSyntax} (${series.file.split('/').pop()})`, async () => {
      const button = viewer.seriesButtons().and(page.locator(`[data-series-uid="${series.seriesInstanceUid}"]`));
      await button.click();
      await expect(button).toHaveAttribute('aria-pressed', 'true');
      await expect(viewer.viewport(0)).toHaveAttribute('data-series-uid', series.seriesInstanceUid, { timeout: 20_000 });
      await expect(viewer.viewport(0)).toHaveAttribute('data-image-count', String(series.images));
      const stats = await viewer.expectImageShown(0, 3);
      expect(stats.max - stats.min, 'the image has contrast').toBeGreaterThan(30);
      await expect(viewer.viewport(0).getByRole('alert')).toHaveCount(0);
    });
  }
  expect(pageErrors).toEqual([]);
});
