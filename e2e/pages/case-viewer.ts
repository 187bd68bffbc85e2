// Page object for the imaging panel of the case screen (components/viewer/).
// Waits on the viewer's render signal (data-rendered on each viewport) and reads
// canvas pixels; never sleeps. Geometry questions (where is this world point on the
// canvas?) go through the test hooks the page installs when
// window.__KONSIL_VIEWER_HOOKS__ is set before it loads (see components/viewer/test-hooks.ts).
import { expect, type Locator, type Page } from '@playwright/test';

export type Point3 = [number, number, number];

export interface CanvasStats {
  width: number;
  height: number;
  mean: number;
  sd: number;
  min: number;
  max: number;
}

interface HookWindow {
  __KONSIL_VIEWER_HOOKS__?: boolean;
  __konsilViewer?: {
    renderer: string;
    imageCount(viewport: number): number;
    imagePositions(viewport: number): (Point3 | null)[];
    worldToCanvas(viewport: number, point: Point3): [number, number] | null;
    showImage(viewport: number, index: number): Promise<void>;
  };
}

export class CaseViewerPage {
  constructor(readonly page: Page) {}

  /** Must run before the first navigation: the page installs its test hooks only when asked. */
  async enableTestHooks(): Promise<void> {
    await this.page.addInitScript(() => {
      (window as unknown as HookWindow).__KONSIL_VIEWER_HOOKS__ = true;
    });
  }

  async goto(caseId: string, options: { study?: string; renderer?: 'cpu' | 'webgl' } = {}): Promise<void> {
    const query = new URLSearchParams();
    if (options.study) query.set('study', options.study);
    if (options.renderer) query.set('renderer', options.renderer);
    const search = query.size > 0 ? `?${query}` : '';
    await this.page.goto(`/cases/${caseId}${search}`);
    await expect(this.panel).toBeVisible();
  }

  get panel(): Locator {
    return this.page.getByTestId('imaging-panel');
  }

  get toolbar(): Locator {
    return this.page.getByRole('toolbar', { name: 'Image viewer' });
  }

  viewport(index = 0): Locator {
    return this.page.getByTestId(`viewport-${index}`);
  }

  /** The element cornerstone draws into (its canvas is the first child canvas). */
  viewportElement(index = 0): Locator {
    return this.page.getByTestId(`viewport-${index}-element`);
  }

  toolButton(name: string): Locator {
    return this.toolbar.getByRole('button', { name, exact: true });
  }

  get keyImageButton(): Locator {
    return this.toolButton('Key image');
  }

  get measurementRows(): Locator {
    return this.page.getByTestId('measurement-row');
  }

  get keyImageRows(): Locator {
    return this.page.getByTestId('key-image-row');
  }

  seriesButtons(): Locator {
    return this.page.getByTestId('series-button');
  }

  /** The render signal: IMAGE_RENDERED has fired for the viewport's current stack. */
  async waitForRender(index = 0): Promise<void> {
    await expect(this.viewport(index)).toHaveAttribute('data-rendered', 'true', { timeout: 30_000 });
  }

  async imageIndex(index = 0): Promise<number> {
    return Number(await this.viewport(index).getAttribute('data-image-index'));
  }

  async imageCount(index = 0): Promise<number> {
    return Number(await this.viewport(index).getAttribute('data-image-count'));
  }

  async renderer(index = 0): Promise<string | null> {
    return this.viewport(index).getAttribute('data-renderer');
  }

  /** Luminance statistics of the viewport's canvas (red channel; the images are grey). */
  async canvasStats(index = 0): Promise<CanvasStats | null> {
    return this.viewportElement(index).evaluate((element) => {
      const canvas = element.querySelector('canvas');
      const context = canvas?.getContext('2d');
      if (!canvas || !context || canvas.width === 0) return null;
      const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
      let sum = 0;
      let sumSq = 0;
      let min = 255;
      let max = 0;
      const n = data.length / 4;
      for (let i = 0; i < data.length; i += 4) {
        const v = data[i]!;
        sum += v;
        sumSq += v * v;
        if (v < min) min = v;
        if (v > max) max = v;
      }
      const mean = sum / n;
      return { width: canvas.width, height: canvas.height, mean, sd: Math.sqrt(Math.max(0, sumSq / n - mean * mean)), min, max };
    });
  }

  /** Polls until the canvas shows a real image (not blank, not one flat value). */
  async expectImageShown(index = 0, minimumSd = 5): Promise<CanvasStats> {
    await this.waitForRender(index);
    let stats: CanvasStats | null = null;
    await expect
      .poll(async () => {
        stats = await this.canvasStats(index);
        return stats?.sd ?? 0;
      }, { message: `viewport ${index} shows a non-uniform image`, timeout: 20_000 })
      .toBeGreaterThan(minimumSd);
    return stats!;
  }

  /** Mean luminance in a small square around a canvas point (CSS pixels of the element). */
  async luminanceAt(index: number, at: [number, number], radius = 2): Promise<number> {
    return this.viewportElement(index).evaluate(
      (element, { at, radius }) => {
        const canvas = element.querySelector('canvas')!;
        const scale = canvas.width / element.getBoundingClientRect().width;
        const x = Math.round(at[0] * scale);
        const y = Math.round(at[1] * scale);
        const size = radius * 2 + 1;
        const data = canvas.getContext('2d')!.getImageData(x - radius, y - radius, size, size).data;
        let sum = 0;
        for (let i = 0; i < data.length; i += 4) sum += data[i]!;
        return sum / (data.length / 4);
      },
      { at, radius },
    );
  }

  async wheel(index: number, deltaY: number): Promise<void> {
    await this.viewport(index).scrollIntoViewIfNeeded();
    const box = await this.viewportElement(index).boundingBox();
    if (!box) throw new Error('The viewport is not on screen.');
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await this.page.mouse.wheel(0, deltaY);
  }

  async press(index: number, key: string): Promise<void> {
    await this.viewport(index).focus();
    await this.page.keyboard.press(key);
  }

  // ---- test hooks (geometry) ----

  async imagePositions(index = 0): Promise<(Point3 | null)[]> {
    return this.page.evaluate((i) => (window as unknown as HookWindow).__konsilViewer!.imagePositions(i), index);
  }

  /** Shows image `imageIndex` (as scrolling would) and waits until it rendered. */
  async showImage(index: number, imageIndex: number): Promise<void> {
    await this.page.evaluate(([i, n]) => (window as unknown as HookWindow).__konsilViewer!.showImage(i!, n!), [index, imageIndex]);
    await expect(this.viewport(index)).toHaveAttribute('data-image-index', String(imageIndex));
  }

  /** World point (LPS mm) → CSS pixels relative to the viewport element. */
  async worldToCanvas(index: number, point: Point3): Promise<[number, number]> {
    const canvas = await this.page.evaluate(([i, p]) => (window as unknown as HookWindow).__konsilViewer!.worldToCanvas(i as number, p as Point3), [index, point] as const);
    if (!canvas) throw new Error('The viewer could not map the point.');
    return canvas;
  }

  /** Drags with the left button between two world points on the viewport (as a user draws a measurement). */
  async dragBetweenWorldPoints(index: number, from: Point3, to: Point3): Promise<void> {
    await this.viewport(index).scrollIntoViewIfNeeded();
    const box = await this.viewportElement(index).boundingBox();
    if (!box) throw new Error('The viewport is not on screen.');
    const [ax, ay] = await this.worldToCanvas(index, from);
    const [bx, by] = await this.worldToCanvas(index, to);
    await this.page.mouse.move(box.x + ax, box.y + ay);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + (ax + bx) / 2, box.y + (ay + by) / 2, { steps: 5 });
    await this.page.mouse.move(box.x + bx, box.y + by, { steps: 5 });
    await this.page.mouse.up();
  }
}
