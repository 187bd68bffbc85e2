// `npm run bench:viewer` — how fast the imaging panel shows and scrolls a CT.
//
// Against the production build in headless Chromium (Debian's), for each renderer
// (cornerstone's CPU path and WebGL, which is SwiftShader in headless Chromium):
//   - navigation → first rendered image (performance mark konsil:first-image, made on
//     the viewer's first IMAGE_RENDERED), cold (empty HTTP cache) and warm (each navigation
//     from the previous case screen once it has gone network-idle, as after a user read it);
//   - viewer mount → first image (konsil:viewer-mount → konsil:first-image);
//   - first visible pixels (the canvas polled every animation frame until it is not uniform);
//   - frames per second scrolling a 64-slice series in the page, each image awaited until
//     rendered, after a warm-up pass that has every image in the cache.
// Floors measured in the same run: the page's own DOMContentLoaded, its JavaScript
// (bytes, and when the last chunk arrived, cold), one frame fetched with fetch(), and the animation-frame rate
// (nothing can scroll faster than the display refreshes). Targets: navigation → first
// image ≤ 1.5 s, mount → first image ≤ 300 ms, scroll ≥ 30 frames/s.
//
// Uses the e2e stack's settings (E2E_PORT, E2E_DATABASE_URL, E2E_OIDC_PORT): reuses a
// server already answering there, else starts e2e/support/start-stack.ts (which needs
// `npm run build` first and seeds the demo world). Options: --runs N (navigations per
// renderer, default 5), --renderer cpu|webgl (default both).
import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { createBoardMember } from '../e2e/fixtures/demo-case';
import { e2eDb } from '../e2e/fixtures/db';
import { BASE_URL } from '../e2e/fixtures/env';
import { signInViaApi } from '../e2e/fixtures/sign-in-api';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, renderer: { type: 'string' } } });
const runs = Math.max(2, Number(values.runs));
const renderers = (values.renderer ? [values.renderer] : ['cpu', 'webgl']) as ('cpu' | 'webgl')[];
const root = path.resolve(import.meta.dirname, '..');

const TARGET_NAV_MS = 1500;
const TARGET_MOUNT_MS = 300;
const TARGET_FPS = 30;

const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

async function healthy(): Promise<boolean> {
  try {
    return (await fetch(`${BASE_URL}/api/health`)).ok;
  } catch {
    return false;
  }
}

async function ensureStack(): Promise<ChildProcess | null> {
  if (await healthy()) return null;
  console.log(`No server at ${BASE_URL}: starting the e2e stack (production build, fresh database with the demo world) …`);
  const child = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'e2e/support/start-stack.ts'], { cwd: root, stdio: 'ignore', detached: true, env: process.env });
  const deadline = Date.now() + 300_000;
  while (!(await healthy())) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error('The e2e stack did not come up (see e2e/support/start-stack.ts).');
    await new Promise((r) => setTimeout(r, 1000));
  }
  return child;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const ms = (x: number) => `${Math.round(x)} ms`;
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

interface Navigation {
  navToFirstImage: number;
  mountToFirstImage: number;
  firstPixels: number | null;
  marks: Record<string, number>;
  domContentLoaded: number;
  /** Navigation timing: first byte of the HTML, last byte (streaming ends), imaging panel HTML in the DOM. */
  html: { firstByte: number; complete: number; imagingPanel: number | null };
  viewerJs: { bytes: number; ms: number };
}

/** Polls the first viewport's canvas every animation frame, from the page's first script on. */
function pixelWatcher() {
  const w = window as unknown as { __KONSIL_VIEWER_HOOKS__: boolean; __firstPixels?: number };
  w.__KONSIL_VIEWER_HOOKS__ = true;
  // When the imaging panel's server HTML (its viewer placeholder) arrived in the document.
  const seen = new MutationObserver(() => {
    if (document.querySelector('[aria-label="Starting the image viewer"], [data-testid="viewport-0"]')) {
      (w as unknown as { __imagingHtml?: number }).__imagingHtml = performance.now();
      seen.disconnect();
    }
  });
  seen.observe(document, { childList: true, subtree: true });
  const tick = () => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="viewport-0-element"] canvas');
    const context = canvas && canvas.width > 0 ? canvas.getContext('2d', { willReadFrequently: true }) : null;
    if (context) {
      // A central 128² crop: cheap enough to read every frame without slowing the page down.
      const size = Math.min(128, canvas!.width, canvas!.height);
      const { data } = context.getImageData(Math.floor((canvas!.width - size) / 2), Math.floor((canvas!.height - size) / 2), size, size);
      let min = 255;
      let max = 0;
      for (let i = 0; i < data.length; i += 4) {
        min = Math.min(min, data[i]!);
        max = Math.max(max, data[i]!);
      }
      if (max - min > 20) {
        w.__firstPixels = performance.now();
        return;
      }
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

async function navigate(page: Page, url: string): Promise<Navigation> {
  await page.goto(url);
  await page.locator('[data-testid="viewport-0"][data-rendered="true"]').waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => (window as unknown as { __firstPixels?: number }).__firstPixels !== undefined, null, { timeout: 30_000 }).catch(() => {});
  const measured = await page.evaluate(() => {
    const marks = Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('konsil:')).map((m) => [m.name, m.startTime]));
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    // All of the page's JavaScript (the viewer's chunks are requested before DOMContentLoaded,
    // as soon as the panel's module runs): compressed bytes over the wire and when the last arrived.
    const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => r.name.includes('/_next/static/chunks/'));
    const viewerJs = { bytes: scripts.reduce((sum, r) => sum + r.transferSize, 0), ms: scripts.length ? Math.max(...scripts.map((r) => r.responseEnd)) : 0 };
    const first = marks['konsil:first-image'] ?? NaN;
    return {
      navToFirstImage: first,
      mountToFirstImage: first - (marks['konsil:viewer-mount'] ?? NaN),
      firstPixels: (window as unknown as { __firstPixels?: number }).__firstPixels ?? null,
      marks,
      domContentLoaded: nav.domContentLoadedEventEnd,
      html: { firstByte: nav.responseStart, complete: nav.responseEnd, imagingPanel: (window as unknown as { __imagingHtml?: number }).__imagingHtml ?? null },
      viewerJs,
    };
  });
  // Let the page finish what it does after the first image (thumbnails, the lab chart, the
  // rest of the series) before the next navigation, as a user reading the case would: else
  // the next page's request queues behind this page's frame requests on the same server.
  await page.waitForLoadState('networkidle');
  return measured;
}

/** In the page: every image once (warm-up, fills the cache), then down and up the stack timed, each image awaited until rendered. */
async function scrollFps(page: Page): Promise<{ fps: number; frames: number; images: number; rafFps: number }> {
  return page.evaluate(async () => {
    const hooks = (window as unknown as { __konsilViewer: { imageCount(v: number): number; showImage(v: number, i: number): Promise<void> } }).__konsilViewer;
    const count = hooks.imageCount(0);
    for (let i = 0; i < count; i += 1) await hooks.showImage(0, i);
    const order = [...Array.from({ length: count }, (_, i) => count - 1 - i), ...Array.from({ length: count }, (_, i) => i)];
    const started = performance.now();
    for (const i of order) await hooks.showImage(0, i);
    const fps = order.length / ((performance.now() - started) / 1000);
    const rafFps = await new Promise<number>((resolve) => {
      let frames = 0;
      const t0 = performance.now();
      const tick = () => {
        frames += 1;
        if (performance.now() - t0 < 1000) requestAnimationFrame(tick);
        else resolve(frames / ((performance.now() - t0) / 1000));
      };
      requestAnimationFrame(tick);
    });
    return { fps, frames: order.length, images: count, rafFps };
  });
}

async function frameFetchFloor(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const element = document.querySelector('[data-testid="viewport-0"]');
    const seriesUid = element?.getAttribute('data-series-uid');
    const metadataUrl = [...performance.getEntriesByType('resource')].map((r) => r.name).find((n) => n.includes(`/series/${seriesUid}/metadata`));
    if (!metadataUrl) return NaN;
    const instances = (await (await fetch(metadataUrl, { headers: { accept: 'application/dicom+json' } })).json()) as Record<string, { Value?: string[] }>[];
    const sop = instances[Math.floor(instances.length / 2)]!['00080018']!.Value![0];
    const url = metadataUrl.replace(/\/metadata$/, `/instances/${sop}/frames/1`);
    const t0 = performance.now();
    await (await fetch(url, { headers: { accept: 'multipart/related; type=application/octet-stream; transfer-syntax=*' } })).arrayBuffer();
    return performance.now() - t0;
  });
}

async function benchRenderer(renderer: 'cpu' | 'webgl', caseId: string, user: { email: string; password: string }) {
  // A browser of its own per renderer: the first navigation starts with an empty HTTP cache.
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
  const context = await browser.newContext({ baseURL: BASE_URL, viewport: { width: 1200, height: 1000 } });
  // tsx compiles this file with esbuild's keepNames, which wraps named functions in __name():
  // functions handed to the page need that helper there too.
  await context.addInitScript('globalThis.__name ??= (fn) => fn;');
  await context.addInitScript(pixelWatcher);
  await signInViaApi(context.request, user);
  const page = await context.newPage();
  const url = `${BASE_URL}/cases/${caseId}?renderer=${renderer}`;
  const navigations: Navigation[] = [];
  for (let i = 0; i < runs; i += 1) navigations.push(await navigate(page, url));
  const actual = await page.getAttribute('[data-testid="viewport-0"]', 'data-renderer');
  const size = await page.locator('[data-testid="viewport-0-element"]').boundingBox();
  const scroll = await scrollFps(page);
  const fetchFloor = await frameFetchFloor(page);
  await browser.close();
  return { renderer: actual ?? renderer, navigations, scroll, fetchFloor, size };
}

async function main() {
  const stack = await ensureStack();
  try {
    // A demo world patient (MRN SYN-…) with a CT: 64 × 256² slices.
    const found = await e2eDb().case.findFirst({
      where: { patient: { mrn: { startsWith: 'SYN-' }, imagingStudies: { some: { series: { some: { modality: 'CT' } } } } } },
      orderBy: { patient: { mrn: 'asc' } },
      include: { patient: true },
    });
    if (!found) throw new Error('No demo world case with CT in the database: the e2e stack seeds it (e2e/support/start-stack.ts).');
    const demoCase = { caseId: found.id, boardId: found.boardId, mrn: found.patient.mrn };
    const clinician = await createBoardMember(demoCase, ['CLINICIAN']);
    const cpus = os.cpus();
    console.log(`\nKonsil viewer benchmark, ${new Date().toISOString()}`);
    console.log(`CPU: ${cpus[0]?.model ?? 'unknown'} × ${cpus.length}; load average (1/5/15 min) ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')}`);
    console.log(`Server: ${BASE_URL} (${stack ? 'started for this run' : 'reused'}); case ${demoCase.caseId} (${demoCase.mrn}); ${runs} navigations per renderer (the first with an empty cache)\n`);

    for (const renderer of renderers) {
      const result = await benchRenderer(renderer, demoCase.caseId, clinician);
      const [cold, ...warm] = result.navigations;
      const warmNav = median(warm.map((n) => n.navToFirstImage));
      const mount = median(result.navigations.map((n) => n.mountToFirstImage));
      const pixels = warm.map((n) => n.firstPixels).filter((p): p is number => p !== null);
      console.log(`renderer ${result.renderer}${result.renderer !== renderer ? ` (asked for ${renderer})` : ''}, viewport ${Math.round(result.size?.width ?? 0)}×${Math.round(result.size?.height ?? 0)} px`);
      console.log(`  navigation → first image   cold ${ms(cold!.navToFirstImage)}, warm median ${ms(warmNav)} (min ${ms(Math.min(...warm.map((n) => n.navToFirstImage)))})   target ≤ ${TARGET_NAV_MS} ms  ${verdict(warmNav <= TARGET_NAV_MS)}`);
      console.log(`  viewer mount → first image median ${ms(mount)} (all: ${result.navigations.map((n) => Math.round(n.mountToFirstImage)).join(', ')})   target ≤ ${TARGET_MOUNT_MS} ms  ${verdict(mount <= TARGET_MOUNT_MS)}`);
      console.log(`  first visible pixels        warm median ${pixels.length ? ms(median(pixels)) : 'n/a'} after navigation`);
      console.log(
        `  scroll (cached, awaited)    ${result.scroll.fps.toFixed(1)} frames/s (${(1000 / result.scroll.fps).toFixed(1)} ms/frame, ${result.scroll.frames} frames over ${result.scroll.images} images)   target ≥ ${TARGET_FPS}  ${verdict(result.scroll.fps >= TARGET_FPS)}`,
      );
      const last = warm.at(-1)!;
      const html = (k: 'firstByte' | 'complete' | 'imagingPanel') => ms(median(warm.map((n) => n.html[k] ?? NaN)));
      console.log(`  page (warm medians)         HTML first byte ${html('firstByte')}, imaging panel in the DOM ${html('imagingPanel')}, HTML complete ${html('complete')}`);
      const phases = ['konsil:viewer-mount', 'konsil:viewer-ready', 'konsil:series-ready', 'konsil:first-image'].map((m) => `${m.slice(7)} ${ms(last.marks[m] ?? NaN)}`).join(' → ');
      console.log(`  phases (last warm run)      ${phases}`);
      console.log(
        `  floors                      DOMContentLoaded cold ${ms(cold!.domContentLoaded)} / warm ${ms(median(warm.map((n) => n.domContentLoaded)))}; page JS cold ${(cold!.viewerJs.bytes / 1024).toFixed(0)} KiB over the wire, the last at ${ms(cold!.viewerJs.ms)}; one frame by fetch() ${ms(result.fetchFloor)}; display ${result.scroll.rafFps.toFixed(0)} frames/s (scroll at ${((result.scroll.fps / result.scroll.rafFps) * 100).toFixed(0)} % of it)\n`,
      );
    }
    console.log(`load average after the run: ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')}`);
  } finally {
    await e2eDb().$disconnect();
    if (stack?.pid) process.kill(-stack.pid, 'SIGTERM');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
