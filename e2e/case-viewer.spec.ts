// A clinician on the board opens a demo case with CT in the imaging panel: the image
// renders (pixels, not just a DOM node), scrolls by wheel and keys, takes window
// presets, measures a phantom lesion of known size in millimetres from the DICOM
// geometry (saved, listed after a reload, audited), marks a key image, and compares
// the prior and current study side by side with synchronized scrolling. A
// coordinator sees the images but none of the annotation controls.
//
// The demo world (lib/demo-world, seed 1) is in the e2e database (e2e/support/start-stack.ts);
// its lesions' ground truth is regenerated here from the same seed (no pixels are rendered for that).
import { expect, test } from '@playwright/test';
import { generateDemoWorld, type DemoCtLesion, type DemoCtSeriesSpec } from '../lib/demo-world';
import { e2eDb } from './fixtures/db';
import { createBoardMember } from './fixtures/demo-case';
import { signInViaApi } from './fixtures/sign-in-api';
import type { E2eUser } from './fixtures/users';
import { CaseViewerPage, type Point3 } from './pages/case-viewer';

interface DemoCtCase {
  caseId: string;
  boardId: string;
  current: DemoCtSeriesSpec;
  prior: DemoCtSeriesSpec;
  /** A lesion of the current study wide enough to measure (≥ 15 mm across x). */
  lesion: DemoCtLesion;
}

let demo: DemoCtCase;

// Below the case screen's two-column breakpoint, so the imaging panel has the page's
// width: a ~700 px viewport, where a drawn length is off by at most a pixel's worth of mm per end.
test.use({ viewport: { width: 1200, height: 1000 } });

test.beforeAll(async () => {
  // Lesion geometry does not depend on the reference date (checked by lib/demo-world's tests); UIDs come from the seed.
  const world = generateDemoWorld({ seed: 1, referenceDate: new Date('2026-01-01T00:00:00Z') });
  for (const patient of world.patients) {
    const current = patient.ctSeries.find((s) => s.role === 'current');
    const prior = patient.ctSeries.find((s) => s.role === 'prior');
    const lesion = current?.lesions.find((l) => l.diametersMm[0] >= 15 && Math.abs(l.meanHu - l.backgroundHu) >= 300);
    if (!current || !prior || !lesion) continue;
    const kase = await e2eDb().case.findFirst({ where: { patient: { mrn: patient.mrn } }, select: { id: true, boardId: true } });
    const stored = await e2eDb().imagingSeries.count({ where: { seriesInstanceUid: { in: [current.seriesInstanceUid, prior.seriesInstanceUid] } } });
    if (kase && stored === 2) {
      demo = { caseId: kase.id, boardId: kase.boardId, current, prior, lesion };
      return;
    }
  }
  throw new Error('No demo case with a prior and a current CT is in the e2e database: the stack must seed the demo world (e2e/support/start-stack.ts).');
});

const boardMember = (roles: ['CLINICIAN'] | ['COORDINATOR']): Promise<E2eUser> => createBoardMember(demo, roles);

/** Index of the image whose ImagePositionPatient z is nearest to `z`. */
function nearestIndex(positions: (Point3 | null)[], z: number): number {
  let best = -1;
  positions.forEach((p, i) => {
    if (p && (best < 0 || Math.abs(p[2] - z) < Math.abs(positions[best]![2] - z))) best = i;
  });
  return best;
}

test('a clinician sees the CT render, scrolls it by wheel and keys, and window presets change the image', async ({ page }) => {
  const clinician = await boardMember(['CLINICIAN']);
  await signInViaApi(page.request, clinician);
  const viewer = new CaseViewerPage(page);
  await viewer.enableTestHooks();
  await viewer.goto(demo.caseId, { study: demo.current.studyInstanceUid });

  const first = await viewer.expectImageShown(0);
  expect(await viewer.imageCount(0)).toBe(64);
  await expect(viewer.viewport(0)).toHaveAttribute('data-renderer', /^(cpu|webgl)$/);
  await expect(viewer.page.getByTestId('viewport-0-position')).toHaveText('Im 1/64');
  await expect(viewer.viewport(0)).toHaveAttribute('data-voi', '400/40');
  await expect(viewer.page.getByTestId('viewport-0-window')).toHaveText('W 400 L 40');
  expect(first.max - first.min).toBeGreaterThan(50);

  // Wheel: the stack moves on.
  const before = await viewer.imageIndex(0);
  await viewer.wheel(0, 120);
  await expect.poll(() => viewer.imageIndex(0)).not.toBe(before);

  // Keys on the focused viewport.
  const afterWheel = await viewer.imageIndex(0);
  await viewer.press(0, 'ArrowDown');
  await expect.poll(() => viewer.imageIndex(0)).toBe(afterWheel + 1);
  await viewer.press(0, 'End');
  await expect.poll(() => viewer.imageIndex(0)).toBe(63);
  await viewer.press(0, 'Home');
  await expect.poll(() => viewer.imageIndex(0)).toBe(0);
  await viewer.press(0, 'PageDown');
  await expect.poll(() => viewer.imageIndex(0)).toBe(10);
  await expect(viewer.page.getByTestId('viewport-0-position')).toHaveText('Im 11/64');

  // Presets: the lung window brightens soft tissue (its centre is far below), bone darkens it.
  await viewer.showImage(0, nearestIndex(await viewer.imagePositions(0), demo.lesion.centreMm[2]));
  const softTissue = await viewer.expectImageShown(0);
  await viewer.toolButton('Lung').click();
  await expect(viewer.viewport(0)).toHaveAttribute('data-voi', '1500/-600');
  await expect(viewer.page.getByTestId('viewport-0-window')).toHaveText('W 1500 L -600');
  await expect.poll(async () => (await viewer.canvasStats(0))!.mean, { message: 'the lung window changes the pixels' }).not.toBeCloseTo(softTissue.mean, 0);
  const lung = (await viewer.canvasStats(0))!;
  await viewer.toolButton('Bone').click();
  await expect(viewer.viewport(0)).toHaveAttribute('data-voi', '1800/400');
  await expect.poll(async () => (await viewer.canvasStats(0))!.mean).toBeLessThan(lung.mean);
  await viewer.toolButton('Reset').click();
  await expect(viewer.viewport(0)).toHaveAttribute('data-voi', '400/40');
});

test('a clinician measures a phantom lesion in millimetres; it is saved, audited, redrawn after a reload, a key image is marked, and the measurement removed', async ({ page }) => {
  const clinician = await boardMember(['CLINICIAN']);
  await signInViaApi(page.request, clinician);
  const viewer = new CaseViewerPage(page);
  await viewer.enableTestHooks();
  await viewer.goto(demo.caseId, { study: demo.current.studyInstanceUid });
  await viewer.expectImageShown(0);

  const { lesion } = demo;
  const slice = nearestIndex(await viewer.imagePositions(0), lesion.centreMm[2]);
  await viewer.showImage(0, slice);
  await viewer.expectImageShown(0);
  const [cx, cy, cz] = lesion.centreMm;
  const radius = lesion.diametersMm[0] / 2;
  // The ground truth and the rendered image agree: the lesion is brighter than its surroundings (lung or fat).
  const inside = await viewer.luminanceAt(0, await viewer.worldToCanvas(0, [cx, cy, cz]));
  const outside = await viewer.luminanceAt(0, await viewer.worldToCanvas(0, [cx, cy - lesion.diametersMm[1], cz]));
  expect(inside, 'the lesion centre is brighter than the tissue beside it').toBeGreaterThan(outside + 20);

  await viewer.toolButton('Length').click();
  await expect(viewer.toolButton('Length')).toHaveAttribute('aria-pressed', 'true');
  await viewer.dragBetweenWorldPoints(0, [cx - radius, cy, cz], [cx + radius, cy, cz]);

  const row = viewer.measurementRows.filter({ hasText: clinician.name });
  await expect(row).toHaveCount(1);
  await expect(viewer.panel.getByRole('status').filter({ hasText: 'Length saved' })).toBeVisible();
  const shown = Number((await row.getByTestId('measurement-value').textContent())!.replace(/[^0-9.]/g, ''));
  expect(Math.abs(shown - lesion.diametersMm[0]), `measured ${shown} mm across a ${lesion.diametersMm[0]} mm lesion`).toBeLessThanOrEqual(1);

  const saved = await e2eDb().caseMeasurement.findFirstOrThrow({ where: { caseId: demo.caseId, createdById: clinician.id } });
  expect(saved.kind).toBe('LENGTH');
  expect(saved.seriesInstanceUid).toBe(demo.current.seriesInstanceUid);
  expect(saved.sopInstanceUid).toBe(demo.current.sopInstanceUids[Math.round((demo.current.firstPositionMm[2] - cz) / demo.current.sliceSpacingMm)]);
  expect(Math.abs((saved.values as { lengthMm: number }).lengthMm - lesion.diametersMm[0])).toBeLessThanOrEqual(1);
  const audit = await e2eDb().auditEvent.findFirst({ where: { action: 'case.measurement_create', actorId: clinician.id, entityId: saved.id } });
  expect(audit, 'the measurement is audited').not.toBeNull();

  // Key image: the lesion slice (a rerun against the same database finds it marked: unmark first).
  if ((await viewer.keyImageButton.getAttribute('aria-pressed')) === 'true') {
    await viewer.keyImageButton.click();
    await expect(viewer.keyImageButton).toHaveAttribute('aria-pressed', 'false');
  }
  await viewer.keyImageButton.click();
  await expect(viewer.keyImageButton).toHaveAttribute('aria-pressed', 'true');
  const keyRow = viewer.keyImageRows.filter({ hasText: clinician.name });
  await expect(keyRow).toHaveCount(1);
  await expect(keyRow).toContainText(`Im ${slice + 1}/64`);
  expect(await e2eDb().auditEvent.count({ where: { action: 'case.key_image_mark', actorId: clinician.id } })).toBe(1);

  // After a reload both are listed again, and "Go to" opens the measured image with the measurement drawn.
  await page.reload();
  await viewer.expectImageShown(0);
  await expect(viewer.measurementRows.filter({ hasText: clinician.name })).toHaveCount(1);
  await expect(viewer.keyImageRows.filter({ hasText: clinician.name })).toHaveCount(1);
  await viewer.measurementRows.filter({ hasText: clinician.name }).getByRole('button', { name: /^Go to/ }).click();
  await expect(viewer.viewport(0)).toHaveAttribute('data-image-index', String(slice));
  await expect(viewer.viewportElement(0).locator(`svg [data-annotation-uid="konsil-measurement-${saved.id}"]`), 'the saved length is drawn on its image').toContainText('mm');
  await expect(viewer.keyImageButton).toHaveAttribute('aria-pressed', 'true');

  // Removing it: gone from the list and the image, kept in the database as removed, audited.
  await viewer.measurementRows.filter({ hasText: clinician.name }).getByRole('button', { name: /^Remove length/ }).click();
  await expect(viewer.measurementRows.filter({ hasText: clinician.name })).toHaveCount(0);
  await expect(viewer.viewportElement(0).locator(`svg [data-annotation-uid="konsil-measurement-${saved.id}"]`)).toHaveCount(0);
  expect((await e2eDb().caseMeasurement.findUniqueOrThrow({ where: { id: saved.id } })).removedById).toBe(clinician.id);
  expect(await e2eDb().auditEvent.count({ where: { action: 'case.measurement_remove', actorId: clinician.id, entityId: saved.id } })).toBe(1);
});

test('side by side, scrolling the current study scrolls the prior to the same slice position', async ({ page }) => {
  const clinician = await boardMember(['CLINICIAN']);
  await signInViaApi(page.request, clinician);
  const viewer = new CaseViewerPage(page);
  await viewer.enableTestHooks();
  await viewer.goto(demo.caseId, { study: demo.current.studyInstanceUid });
  await viewer.expectImageShown(0);

  await viewer.toolButton('Side by side').click();
  await expect(viewer.toolButton('Side by side')).toHaveAttribute('aria-pressed', 'true');
  await expect(viewer.toolButton('Sync scrolling')).toHaveAttribute('aria-pressed', 'true');
  await viewer.expectImageShown(1);
  await expect(viewer.viewport(1)).toHaveAttribute('data-image-count', '64');

  const priorPositions = await viewer.imagePositions(1);
  const currentPositions = await viewer.imagePositions(0);
  await viewer.press(0, 'PageDown');
  await viewer.press(0, 'PageDown');
  await viewer.press(0, 'ArrowDown');
  await expect.poll(() => viewer.imageIndex(0)).toBe(21);
  const z = currentPositions[21]![2];
  await expect.poll(() => viewer.imageIndex(1), { message: 'the prior follows by position' }).toBe(nearestIndex(priorPositions, z));
  await viewer.expectImageShown(1);

  // Sync off: the prior stays where it is.
  await viewer.toolButton('Sync scrolling').click();
  await expect(viewer.toolButton('Sync scrolling')).toHaveAttribute('aria-pressed', 'false');
  const held = await viewer.imageIndex(1);
  await viewer.press(0, 'Home');
  await expect.poll(() => viewer.imageIndex(0)).toBe(0);
  await viewer.wheel(0, 120);
  await expect.poll(() => viewer.imageIndex(0)).toBeGreaterThan(0);
  expect(await viewer.imageIndex(1)).toBe(held);
});

test('a coordinator sees the images but no measure or key-image controls', async ({ page }) => {
  const coordinator = await boardMember(['COORDINATOR']);
  await signInViaApi(page.request, coordinator);
  const viewer = new CaseViewerPage(page);
  await viewer.goto(demo.caseId, { study: demo.current.studyInstanceUid });
  await viewer.expectImageShown(0);
  await expect(viewer.toolButton('W/L')).toBeVisible();
  await expect(viewer.toolButton('Lung')).toBeVisible();
  for (const name of ['Length', 'Bidirectional', 'Ellipse ROI', 'Rectangle ROI', 'Key image']) {
    await expect(viewer.toolButton(name)).toHaveCount(0);
  }
  await expect(viewer.panel.getByRole('button', { name: /^Remove / })).toHaveCount(0);
  await expect(viewer.panel.getByRole('button', { name: /^Unmark / })).toHaveCount(0);
});

test('the WebGL renderer (SwiftShader in headless Chromium) draws the image too', async ({ page }) => {
  const clinician = await boardMember(['CLINICIAN']);
  await signInViaApi(page.request, clinician);
  const viewer = new CaseViewerPage(page);
  await viewer.goto(demo.caseId, { study: demo.current.studyInstanceUid, renderer: 'webgl' });
  await expect(viewer.viewport(0)).toHaveAttribute('data-renderer', 'webgl');
  const stats = await viewer.expectImageShown(0);
  expect(stats.max - stats.min).toBeGreaterThan(50);
});
