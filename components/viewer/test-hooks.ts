// A small window API for the end-to-end tests and the benchmark, installed only when
// the page was opened with `window.__KONSIL_VIEWER_HOOKS__ = true` set before load
// (Playwright's addInitScript). It answers geometry questions the tests cannot
// answer from pixels (where is this world point on the canvas?) and drives the stack
// the way scrolling does, resolving once the new image has rendered.
import type { ViewerSession } from './viewer-service';

declare global {
  interface Window {
    __KONSIL_VIEWER_HOOKS__?: boolean;
    __konsilViewer?: KonsilViewerTestHooks;
  }
}

export interface KonsilViewerTestHooks {
  renderer: string;
  imageCount(viewport: number): number;
  /** ImagePositionPatient of each image of the viewport's stack (LPS mm), null without geometry. */
  imagePositions(viewport: number): ([number, number, number] | null)[];
  /** World (LPS mm) → CSS pixels relative to the viewport element's top-left corner. */
  worldToCanvas(viewport: number, point: [number, number, number]): [number, number] | null;
  /** Shows image `index` and resolves when it has rendered. */
  showImage(viewport: number, index: number): Promise<void>;
}

export function installTestHooks(session: ViewerSession, viewportIds: readonly string[]): () => void {
  if (typeof window === 'undefined' || window.__KONSIL_VIEWER_HOOKS__ !== true) return () => {};
  const id = (viewport: number) => viewportIds[viewport] ?? viewportIds[0]!;
  const hooks: KonsilViewerTestHooks = {
    renderer: session.renderer,
    imageCount: (viewport) => session.imageCount(id(viewport)),
    imagePositions: (viewport) => session.stackOf(id(viewport))?.planes.map((p) => (p ? p.position : null)) ?? [],
    worldToCanvas: (viewport, point) => session.worldToCanvas(id(viewport), point),
    showImage: (viewport, index) => session.showImageAndWait(id(viewport), index),
  };
  window.__konsilViewer = hooks;
  return () => {
    if (window.__konsilViewer === hooks) delete window.__konsilViewer;
  };
}
