// The one owner of cornerstone3d in Konsil (STYLE.md convention 8, OHIF's discipline):
// library init, the single RenderingEngine, the tool group, the slice synchronizer,
// the annotation bridge and the image cache. React components hold a ViewerSession
// and call its methods; they never touch cornerstone objects.
//
// Lifecycle
//   initViewer()        once per page: core init, renderer choice, image loader (decode
//                       workers), tools registration, two metadata providers (VOI
//                       sanitizing; frames the panel prefetched).
//   new ViewerSession   per mounted imaging panel: engine, tool group, synchronizer,
//                       annotation listener.
//   enableViewport      in the viewport host's effect, after its element is in the DOM.
//   disableViewport     (documented order) element listeners off → out of the
//                       synchronizer → out of the tool group → engine.disableElement.
//   destroy()           every viewport disabled as above → synchronizer destroyed →
//                       tool group destroyed → engine destroyed → Konsil's annotations
//                       removed → image cache and series metadata purged → global
//                       listeners off. Safe to call twice; calls after it are no-ops.
import {
  cache,
  Enums as CoreEnums,
  eventTarget,
  getRenderingCapabilities,
  getRenderingEngine,
  imageLoader,
  init as initCore,
  metaData,
  RenderingEngine,
  setUseCPURendering,
  utilities as coreUtilities,
  type Types,
} from '@cornerstonejs/core';
import { init as initImageLoader } from '@cornerstonejs/dicom-image-loader';
import {
  addTool,
  annotation as csAnnotation,
  BidirectionalTool,
  cancelActiveManipulations,
  EllipticalROITool,
  Enums as ToolEnums,
  init as initTools,
  LengthTool,
  PanTool,
  RectangleROITool,
  StackScrollTool,
  SynchronizerManager,
  ToolGroupManager,
  utilities as toolUtilities,
  WindowLevelTool,
  ZoomTool,
  type Types as ToolTypes,
} from '@cornerstonejs/tools';
import type { CaseMeasurementDto, MeasurementKind, MeasurementValues } from '@/lib/schemas/case-annotation';
import { kindForToolName, measurementValues, toolNameByKind, type ToolStats } from './measurement-input';
import { forgetPrefetchedFrames, takePrefetchedFrame } from './frame-prefetch';
import { forgetSeriesStacks, refForImageId, type ImageRef, type SeriesStack } from './series-stacks';
import { nearestSliceIndex, sliceNormal } from './slice-position';
import { rangeToWindow, sanitizeVoiLutModule, windowToRange, type WindowLevel } from './voi';

export type Renderer = 'webgl' | 'cpu';

export const ENGINE_ID = 'konsil-viewer';
const TOOL_GROUP_ID = 'konsil-stack-tools';
const SLICE_SYNC_ID = 'konsil-slice-sync';

export const primaryTools = ['WindowLevel', 'Pan', 'Zoom', 'Length', 'Bidirectional', 'EllipticalROI', 'RectangleROI'] as const;
export type PrimaryTool = (typeof primaryTools)[number];
const measurementToolNames = Object.values(toolNameByKind);

// ---------------------------------------------------------------- init (once)

/**
 * GPU (WebGL2) when the browser has a hardware WebGL2 context; cornerstone's CPU
 * path when WebGL2 is missing or is a software rasterizer (SwiftShader, llvmpipe:
 * headless Chromium, VMs, remote desktops), where the CPU path draws a 2D stack
 * faster than emulated GL. `override` (the page's ?renderer= flag) wins unless it
 * asks for WebGL where there is none.
 */
export function chooseRenderer(override: Renderer | null): Renderer {
  const capabilities = getRenderingCapabilities();
  if (override === 'cpu') return 'cpu';
  if (override === 'webgl') return capabilities.webgl2 ? 'webgl' : 'cpu';
  return capabilities.webgl2 && !capabilities.softwareRasterizer ? 'webgl' : 'cpu';
}

let initialized: Promise<Renderer> | null = null;
let voiProviderBusy = false;

/**
 * Drops unusable windows (width < 1, e.g. WindowWidth 0 in real files) so the loader
 * falls back to the image's min/max instead of showing black. Runs before the other
 * providers and asks them (re-entrantly) for the module it then cleans.
 */
function sanitizingVoiProvider(type: string, query: unknown): unknown {
  if (type !== CoreEnums.MetadataModules.VOI_LUT || voiProviderBusy) return undefined;
  voiProviderBusy = true;
  try {
    return sanitizeVoiLutModule(metaData.get(type, query as string) as Record<string, unknown> | undefined) ?? undefined;
  } finally {
    voiProviderBusy = false;
  }
}

/**
 * Pixel data the panel fetched before the viewer loaded (frame-prefetch.ts): the wadors
 * loader asks for a frame's "compressed frame data" before going to the network.
 */
function prefetchedFrameProvider(type: string, query: unknown): unknown {
  if (type !== 'compressedFrameData' || typeof query !== 'string' || !query.startsWith('wadors:')) return undefined;
  return takePrefetchedFrame(query.slice('wadors:'.length));
}

/** One decode worker per spare core, at most two: the page, Next's hydration and the GPU/CPU renderer need the rest. */
function decodeWorkerCount(): number {
  const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency ? navigator.hardwareConcurrency : 2;
  return Math.max(1, Math.min(2, cores - 1));
}

/** `?renderer=cpu|webgl` on the page URL: for comparing the two (benchmark, support). */
function rendererOverrideFromUrl(): Renderer | null {
  if (typeof window === 'undefined') return null;
  const value = new URLSearchParams(window.location.search).get('renderer');
  return value === 'cpu' || value === 'webgl' ? value : null;
}

export function initViewer(): Promise<Renderer> {
  initialized ??= (async () => {
    initCore();
    const renderer = chooseRenderer(rendererOverrideFromUrl());
    setUseCPURendering(renderer === 'cpu', false);
    initImageLoader({ maxWebWorkers: decodeWorkerCount() });
    initTools();
    for (const tool of [StackScrollTool, WindowLevelTool, PanTool, ZoomTool, LengthTool, BidirectionalTool, EllipticalROITool, RectangleROITool]) {
      addTool(tool);
    }
    metaData.addProvider(sanitizingVoiProvider as never, 10_000);
    metaData.addProvider(prefetchedFrameProvider as never, 10_000);
    // Prefetch the stack around the shown image (a demo CT is 64 × 128 KB); capped so a
    // thousand-slice series does not fill the cache before anyone scrolls there.
    toolUtilities.stackPrefetch.setConfiguration({ maxImagesToPrefetch: 512, preserveExistingPool: false });
    return renderer;
  })();
  return initialized;
}

/** Starts loading (fetch/decode) an image into the cache ahead of its viewport: the first image of the panel. */
export function preloadImage(imageId: string): void {
  imageLoader.loadAndCacheImage(imageId, { priority: -5, requestType: CoreEnums.RequestType.Interaction }).catch(() => {
    // The viewport loads it again and reports the failure.
  });
}

// ---------------------------------------------------------------- session

export interface ViewportStatus {
  seriesInstanceUid: string | null;
  description: string;
  imageIndex: number;
  imageCount: number;
  /** Current image (null before a stack is set). */
  ref: ImageRef | null;
  voi: WindowLevel | null;
  /** True after IMAGE_RENDERED for the current stack. */
  rendered: boolean;
  error: string | null;
}

const emptyStatus: ViewportStatus = {
  seriesInstanceUid: null,
  description: '',
  imageIndex: 0,
  imageCount: 0,
  ref: null,
  voi: null,
  rendered: false,
  error: null,
};

/** A measurement drawn by the user, waiting for the panel to save it. */
export interface DrawnMeasurement {
  kind: MeasurementKind;
  studyInstanceUid: string;
  seriesInstanceUid: string;
  ref: ImageRef;
  points: [number, number, number][];
  /** Values to save, or why the drawing cannot be saved. */
  result: { ok: true; values: MeasurementValues } | { ok: false; reason: string };
  /** Saved: the drawing becomes the saved measurement's annotation. */
  confirm(measurementId: string): void;
  /** Not saved: the drawing is removed. */
  discard(): void;
}

interface ViewportEntry {
  element: HTMLDivElement;
  stack: SeriesStack | null;
  status: ViewportStatus;
  detach: () => void;
  /** Bumped per setStack so a slow load cannot overwrite a newer one. */
  generation: number;
}

export interface ViewerSessionOptions {
  renderer: Renderer;
  canAnnotate: boolean;
  onMeasurementDrawn: (drawn: DrawnMeasurement) => void;
  /** First IMAGE_RENDERED of the page (for the performance mark). */
  onFirstImage?: () => void;
}

const savedAnnotationUid = (measurementId: string) => `konsil-measurement-${measurementId}`;

function asStackViewport(viewport: unknown): Types.IStackViewport {
  return viewport as Types.IStackViewport;
}

export class ViewerSession {
  readonly renderer: Renderer;
  private readonly canAnnotate: boolean;
  private readonly engine: RenderingEngine;
  private readonly viewports = new Map<string, ViewportEntry>();
  private readonly listeners = new Set<() => void>();
  private readonly stacks = new Map<string, SeriesStack>();
  /** Saved measurements the panel wants shown, by id. */
  private wanted = new Map<string, CaseMeasurementDto>();
  /** measurement id → annotation UID currently in cornerstone's state. */
  private readonly shown = new Map<string, string>();
  /** Annotation UIDs drawn here and not yet saved or discarded. */
  private readonly pending = new Set<string>();
  private syncEnabled = true;
  private primaryTool: PrimaryTool = 'WindowLevel';
  private destroyed = false;
  private firstImageSeen = false;
  private readonly onMeasurementDrawn: ViewerSessionOptions['onMeasurementDrawn'];
  private readonly onFirstImage: (() => void) | undefined;
  private readonly group: ReturnType<typeof ToolGroupManager.createToolGroup>;
  private readonly synchronizer: ReturnType<typeof SynchronizerManager.createSynchronizer>;

  constructor(options: ViewerSessionOptions) {
    this.renderer = options.renderer;
    this.canAnnotate = options.canAnnotate;
    this.onMeasurementDrawn = options.onMeasurementDrawn;
    this.onFirstImage = options.onFirstImage;
    // A session left behind (React strict mode, a fast remount) is torn down first: one engine per page.
    getRenderingEngine(ENGINE_ID)?.destroy();
    ToolGroupManager.destroyToolGroup(TOOL_GROUP_ID);
    SynchronizerManager.destroySynchronizer(SLICE_SYNC_ID);
    this.engine = new RenderingEngine(ENGINE_ID);
    this.group = this.createToolGroup();
    this.synchronizer = SynchronizerManager.createSynchronizer(SLICE_SYNC_ID, CoreEnums.Events.STACK_NEW_IMAGE, (_sync, source, target) =>
      this.syncSlice(source.viewportId, target.viewportId),
    );
    eventTarget.addEventListener(ToolEnums.Events.ANNOTATION_COMPLETED, this.handleAnnotationCompleted as EventListener);
  }

  private createToolGroup() {
    const group = ToolGroupManager.createToolGroup(TOOL_GROUP_ID);
    if (!group) throw new Error('The viewer could not create its tool group.');
    const { MouseBindings } = ToolEnums;
    for (const name of [StackScrollTool.toolName, WindowLevelTool.toolName, PanTool.toolName, ZoomTool.toolName, ...measurementToolNames]) group.addTool(name);
    group.setToolActive(StackScrollTool.toolName, { bindings: [{ mouseButton: MouseBindings.Wheel }] });
    group.setToolActive(WindowLevelTool.toolName, { bindings: [{ mouseButton: MouseBindings.Primary }] });
    group.setToolActive(PanTool.toolName, { bindings: [{ mouseButton: MouseBindings.Auxiliary }] });
    group.setToolActive(ZoomTool.toolName, { bindings: [{ mouseButton: MouseBindings.Secondary }] });
    // Passive: saved ones are drawn and new ones can be started from the toolbar.
    // Enabled (draw only) for readers who may not annotate.
    for (const name of measurementToolNames) {
      if (this.canAnnotate) group.setToolPassive(name);
      else group.setToolEnabled(name);
    }
    return group;
  }

  private toolGroup() {
    return this.destroyed ? undefined : this.group;
  }

  // ------------------------------------------------ React subscription

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getStatus(viewportId: string): ViewportStatus {
    return this.viewports.get(viewportId)?.status ?? emptyStatus;
  }

  private update(viewportId: string, patch: Partial<ViewportStatus>) {
    const entry = this.viewports.get(viewportId);
    if (!entry) return;
    const next = { ...entry.status, ...patch };
    const changed = (Object.keys(patch) as (keyof ViewportStatus)[]).some((key) => !Object.is(next[key], entry.status[key]) && JSON.stringify(next[key]) !== JSON.stringify(entry.status[key]));
    if (!changed) return;
    entry.status = next;
    for (const listener of this.listeners) listener();
  }

  // ------------------------------------------------ viewports

  private viewport(viewportId: string): Types.IStackViewport | null {
    if (this.destroyed || !this.viewports.has(viewportId)) return null;
    return asStackViewport(this.engine.getViewport(viewportId));
  }

  enableViewport(viewportId: string, element: HTMLDivElement): void {
    if (this.destroyed) return;
    if (this.viewports.has(viewportId)) this.disableViewport(viewportId);
    this.engine.enableElement({ viewportId, element, type: CoreEnums.ViewportType.STACK, defaultOptions: { background: [0, 0, 0] } });
    this.toolGroup()?.addViewport(viewportId, ENGINE_ID);
    if (this.syncEnabled) this.synchronizer.add({ renderingEngineId: ENGINE_ID, viewportId });

    const onRendered = () => this.afterRender(viewportId);
    const onNewImage = (event: Event) => {
      const detail = (event as CustomEvent<{ imageIdIndex: number; imageId: string }>).detail;
      this.update(viewportId, { imageIndex: detail.imageIdIndex, ref: refForImageId(detail.imageId) });
    };
    const noMenu = (event: Event) => event.preventDefault();
    element.addEventListener(CoreEnums.Events.IMAGE_RENDERED, onRendered);
    element.addEventListener(CoreEnums.Events.STACK_NEW_IMAGE, onNewImage);
    element.addEventListener('contextmenu', noMenu);
    const detach = () => {
      element.removeEventListener(CoreEnums.Events.IMAGE_RENDERED, onRendered);
      element.removeEventListener(CoreEnums.Events.STACK_NEW_IMAGE, onNewImage);
      element.removeEventListener('contextmenu', noMenu);
    };
    this.viewports.set(viewportId, { element, stack: null, status: { ...emptyStatus }, detach, generation: 0 });
    for (const listener of this.listeners) listener();
  }

  /** Order: listeners → synchronizer → tool group → engine (each step needs the next one still alive). */
  disableViewport(viewportId: string): void {
    const entry = this.viewports.get(viewportId);
    if (!entry || this.destroyed) return;
    toolUtilities.stackPrefetch.disable(entry.element);
    entry.detach();
    this.synchronizer.remove({ renderingEngineId: ENGINE_ID, viewportId });
    this.toolGroup()?.removeViewports(ENGINE_ID, viewportId);
    this.engine.disableElement(viewportId);
    this.viewports.delete(viewportId);
    for (const listener of this.listeners) listener();
  }

  private afterRender(viewportId: string) {
    const viewport = this.viewport(viewportId);
    const entry = this.viewports.get(viewportId);
    if (!viewport || !entry?.stack) return;
    const voiRange = viewport.getProperties().voiRange;
    const index = viewport.getCurrentImageIdIndex();
    this.update(viewportId, {
      rendered: true,
      imageIndex: index,
      ref: entry.stack.refs[index] ?? null,
      voi: voiRange ? rangeToWindow(voiRange) : null,
    });
    if (!this.firstImageSeen) {
      this.firstImageSeen = true;
      this.onFirstImage?.();
    }
  }

  /** Shows a series (at `ref`, else its first image); when it is already shown, only jumps. */
  async showSeries(viewportId: string, stack: SeriesStack, ref: ImageRef | null = null): Promise<void> {
    const viewport = this.viewport(viewportId);
    const entry = this.viewports.get(viewportId);
    if (!viewport || !entry) return;
    this.stacks.set(stack.seriesInstanceUid, stack);
    this.reconcileMeasurements();
    const wantedIndex = ref ? Math.max(0, stack.refs.findIndex((r) => r.sopInstanceUid === ref.sopInstanceUid && r.frameNumber === ref.frameNumber)) : 0;
    if (entry.stack?.seriesInstanceUid === stack.seriesInstanceUid) {
      if (ref) await this.jumpTo(viewportId, wantedIndex);
      return;
    }
    const generation = ++entry.generation;
    entry.stack = stack;
    this.update(viewportId, {
      seriesInstanceUid: stack.seriesInstanceUid,
      description: stack.description,
      imageCount: stack.imageIds.length,
      imageIndex: wantedIndex,
      ref: stack.refs[wantedIndex] ?? null,
      rendered: false,
      voi: null,
      error: null,
    });
    try {
      await viewport.setStack(stack.imageIds, wantedIndex);
      if (generation !== entry.generation || this.destroyed) return;
      viewport.render();
      toolUtilities.stackPrefetch.enable(entry.element);
    } catch (error) {
      if (generation !== entry.generation || this.destroyed) return;
      console.error('[viewer] showing the series failed', error);
      this.update(viewportId, { error: 'The images of this series could not be loaded.' });
    }
  }

  clearViewport(viewportId: string): void {
    const entry = this.viewports.get(viewportId);
    if (!entry) return;
    entry.generation += 1;
    entry.stack = null;
    entry.status = { ...emptyStatus };
    for (const listener of this.listeners) listener();
  }

  async jumpTo(viewportId: string, imageIndex: number): Promise<void> {
    const viewport = this.viewport(viewportId);
    const entry = this.viewports.get(viewportId);
    if (!viewport || !entry?.stack) return;
    const clamped = Math.min(entry.stack.imageIds.length - 1, Math.max(0, imageIndex));
    if (clamped === viewport.getCurrentImageIdIndex()) return;
    await coreUtilities.jumpToSlice(entry.element, { imageIndex: clamped });
  }

  /** Escape while drawing: the half-drawn measurement is dropped. */
  cancelDrawing(viewportId: string): void {
    const entry = this.viewports.get(viewportId);
    if (entry && !this.destroyed) cancelActiveManipulations(entry.element);
  }

  async scrollBy(viewportId: string, delta: number): Promise<void> {
    const viewport = this.viewport(viewportId);
    if (!viewport) return;
    await this.jumpTo(viewportId, viewport.getCurrentImageIdIndex() + delta);
  }

  /** Shows image `index` and resolves after it rendered (tests, benchmark). */
  showImageAndWait(viewportId: string, imageIndex: number): Promise<void> {
    const viewport = this.viewport(viewportId);
    const entry = this.viewports.get(viewportId);
    if (!viewport || !entry?.stack) return Promise.reject(new Error(`No stack in ${viewportId}`));
    const element = entry.element;
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        element.removeEventListener(CoreEnums.Events.IMAGE_RENDERED, onRendered);
        reject(new Error(`Image ${imageIndex} of ${viewportId} did not render within 10 s`));
      }, 10_000);
      const onRendered = () => {
        if (viewport.getCurrentImageIdIndex() !== imageIndex) return;
        clearTimeout(timer);
        element.removeEventListener(CoreEnums.Events.IMAGE_RENDERED, onRendered);
        resolve();
      };
      element.addEventListener(CoreEnums.Events.IMAGE_RENDERED, onRendered);
      if (viewport.getCurrentImageIdIndex() === imageIndex) viewport.render();
      else void viewport.setImageIdIndex(imageIndex).catch(reject);
    });
  }

  /** The element changed size: the engine resizes its canvases, keeping zoom and pan. */
  resize(): void {
    if (!this.destroyed && this.viewports.size > 0) this.engine.resize(true, true);
  }

  imageCount(viewportId: string): number {
    return this.viewports.get(viewportId)?.stack?.imageIds.length ?? 0;
  }

  // ------------------------------------------------ display

  setWindow(viewportId: string, window: WindowLevel): void {
    const viewport = this.viewport(viewportId);
    if (!viewport) return;
    viewport.setProperties({ voiRange: windowToRange(window) });
    viewport.render();
  }

  /** Camera (zoom, pan) and window back to what the image said. */
  reset(viewportId: string): void {
    const viewport = this.viewport(viewportId);
    if (!viewport) return;
    viewport.resetCamera();
    viewport.resetProperties();
    viewport.render();
  }

  setPrimaryTool(tool: PrimaryTool): void {
    const group = this.toolGroup();
    if (!group || tool === this.primaryTool) return;
    if (!this.canAnnotate && (measurementToolNames as string[]).includes(tool)) return;
    group.setToolPassive(this.primaryTool);
    group.setToolActive(tool, { bindings: [{ mouseButton: ToolEnums.MouseBindings.Primary }] });
    this.primaryTool = tool;
  }

  getPrimaryTool(): PrimaryTool {
    return this.primaryTool;
  }

  setSyncEnabled(enabled: boolean): void {
    this.syncEnabled = enabled;
    if (this.destroyed) return;
    for (const viewportId of this.viewports.keys()) {
      const id = { renderingEngineId: ENGINE_ID, viewportId };
      if (enabled) this.synchronizer.add(id);
      else this.synchronizer.remove(id);
    }
  }

  private async syncSlice(sourceId: string, targetId: string): Promise<void> {
    const source = this.viewports.get(sourceId);
    const target = this.viewports.get(targetId);
    const sourceViewport = this.viewport(sourceId);
    if (!source?.stack || !target?.stack || !sourceViewport) return;
    const plane = source.stack.planes[sourceViewport.getCurrentImageIdIndex()] ?? null;
    const index = nearestSliceIndex(plane, target.stack.along);
    if (index !== null) await this.jumpTo(targetId, index);
  }

  /** World (LPS mm) → CSS pixels inside the viewport element; for the test hooks. */
  worldToCanvas(viewportId: string, point: [number, number, number]): [number, number] | null {
    const viewport = this.viewport(viewportId);
    if (!viewport) return null;
    const canvas = viewport.worldToCanvas(point);
    return [canvas[0], canvas[1]];
  }

  stackOf(viewportId: string): SeriesStack | null {
    return this.viewports.get(viewportId)?.stack ?? null;
  }

  // ------------------------------------------------ measurements

  /** The saved measurements to draw (the panel's list); drawn when their series is loaded. */
  setSavedMeasurements(measurements: CaseMeasurementDto[]): void {
    this.wanted = new Map(measurements.map((m) => [m.id, m]));
    this.reconcileMeasurements();
  }

  private reconcileMeasurements() {
    if (this.destroyed) return;
    for (const [id, uid] of this.shown) {
      if (!this.wanted.has(id)) {
        csAnnotation.state.removeAnnotation(uid);
        this.shown.delete(id);
      }
    }
    for (const measurement of this.wanted.values()) {
      if (this.shown.has(measurement.id)) continue;
      const stack = this.stacks.get(measurement.seriesInstanceUid);
      if (!stack) continue;
      const index = stack.refs.findIndex((r) => r.sopInstanceUid === measurement.sopInstanceUid && r.frameNumber === measurement.frameNumber);
      if (index < 0) continue;
      const uid = savedAnnotationUid(measurement.id);
      csAnnotation.state.addAnnotation(savedAnnotation(uid, measurement, stack, index), stack.frameOfReferenceUid ?? stack.seriesInstanceUid);
      // The tools consult the locking registry, not the annotation's isLocked flag: without
      // this a new drawing that starts on a saved handle would drag the saved measurement.
      csAnnotation.locking.setAnnotationLocked(uid, true);
      this.shown.set(measurement.id, uid);
    }
    this.renderAnnotations();
  }

  private renderAnnotations() {
    const ids = [...this.viewports.keys()];
    if (ids.length > 0) toolUtilities.triggerAnnotationRenderForViewportIds(ids);
  }

  private handleAnnotationCompleted = (event: CustomEvent<{ annotation: ToolTypes.Annotation }>) => {
    const annotation = event.detail?.annotation;
    const uid = annotation?.annotationUID;
    const kind = annotation?.metadata ? kindForToolName(annotation.metadata.toolName) : null;
    if (!annotation || !uid || !kind || this.destroyed || this.pending.has(uid) || [...this.shown.values()].includes(uid)) return;
    const imageId = annotation.metadata?.referencedImageId;
    const stack = imageId ? [...this.stacks.values()].find((s) => s.imageIds.includes(imageId)) : undefined;
    const ref = imageId ? refForImageId(imageId) : null;
    if (!stack || !ref || !imageId) {
      csAnnotation.state.removeAnnotation(uid);
      return;
    }
    if (!this.canAnnotate) {
      csAnnotation.state.removeAnnotation(uid);
      return;
    }
    // Saved measurements are immutable (remove only): lock the drawing while it is saved.
    this.pending.add(uid);
    csAnnotation.locking.setAnnotationLocked(uid, true);
    void this.settledStats(annotation, imageId).then((stats) => {
      if (this.destroyed || !this.pending.has(uid)) return;
      const points = (annotation.data.handles?.points ?? []).map((p) => [p[0], p[1], p[2]] as [number, number, number]);
      this.onMeasurementDrawn({
        kind,
        studyInstanceUid: stack.studyInstanceUid,
        seriesInstanceUid: stack.seriesInstanceUid,
        ref,
        points,
        result: measurementValues(kind, stats),
        confirm: (measurementId) => {
          this.pending.delete(uid);
          this.shown.set(measurementId, uid);
        },
        discard: () => {
          this.pending.delete(uid);
          csAnnotation.state.removeAnnotation(uid);
          this.renderAnnotations();
        },
      });
    });
  };

  /**
   * The tools recompute their figures on render, throttled (100 ms, trailing), so at
   * "completed" they may still describe the previous mouse position. Ask for a fresh
   * computation and take the figures from the StatsUpdated that follows (or what is
   * there after a second, should no render come).
   */
  private settledStats(annotation: ToolTypes.Annotation, imageId: string): Promise<ToolStats | undefined> {
    const read = () => {
      const cached = annotation.data.cachedStats as Record<string, ToolStats> | undefined;
      if (!cached) return undefined;
      return cached[`imageId:${imageId}`] ?? Object.values(cached)[0];
    };
    return new Promise((resolve) => {
      const finish = () => {
        eventTarget.removeEventListener(ToolEnums.Events.ANNOTATION_MODIFIED, onModified as EventListener);
        clearTimeout(timer);
        resolve(read());
      };
      const onModified = (event: CustomEvent<{ annotation: ToolTypes.Annotation; changeType?: string }>) => {
        if (event.detail?.annotation?.annotationUID === annotation.annotationUID && event.detail.changeType === ToolEnums.ChangeTypes.StatsUpdated) finish();
      };
      const timer = setTimeout(finish, 1000);
      eventTarget.addEventListener(ToolEnums.Events.ANNOTATION_MODIFIED, onModified as EventListener);
      annotation.invalidated = true;
      this.renderAnnotations();
    });
  }

  // ------------------------------------------------ teardown

  destroy(): void {
    if (this.destroyed) return;
    for (const viewportId of [...this.viewports.keys()]) this.disableViewport(viewportId);
    this.destroyed = true;
    // By id, but only while the ids are still ours (a newer session may have taken them over).
    if (SynchronizerManager.getSynchronizer(SLICE_SYNC_ID) === this.synchronizer) SynchronizerManager.destroySynchronizer(SLICE_SYNC_ID);
    if (ToolGroupManager.getToolGroup(TOOL_GROUP_ID) === this.group) ToolGroupManager.destroyToolGroup(TOOL_GROUP_ID);
    this.engine.destroy(); // idempotent: a newer session may already have destroyed it
    for (const uid of [...this.shown.values(), ...this.pending]) csAnnotation.state.removeAnnotation(uid);
    this.shown.clear();
    this.pending.clear();
    eventTarget.removeEventListener(ToolEnums.Events.ANNOTATION_COMPLETED, this.handleAnnotationCompleted as EventListener);
    // Pixels and metadata of this case do not outlive its panel.
    cache.purgeCache();
    forgetSeriesStacks();
    forgetPrefetchedFrames();
    csAnnotation.locking.unlockAllAnnotations();
    this.listeners.clear();
  }
}

function savedAnnotation(uid: string, measurement: CaseMeasurementDto, stack: SeriesStack, index: number): ToolTypes.Annotation {
  const plane = stack.planes[index];
  const zero: Types.Point3 = [0, 0, 0];
  return {
    annotationUID: uid,
    highlighted: false,
    isLocked: true,
    isVisible: true,
    invalidated: true,
    metadata: {
      toolName: toolNameByKind[measurement.kind],
      referencedImageId: stack.imageIds[index]!,
      FrameOfReferenceUID: stack.frameOfReferenceUid ?? stack.seriesInstanceUid,
      viewPlaneNormal: plane ? (sliceNormal(plane.orientation) as Types.Point3) : ([0, 0, 1] as Types.Point3),
    },
    data: {
      label: measurement.label ?? '',
      handles: {
        points: measurement.geometry.points.map((p) => [p[0], p[1], p[2]] as Types.Point3),
        activeHandleIndex: null,
        textBox: { hasMoved: false, worldPosition: zero, worldBoundingBox: { topLeft: zero, topRight: zero, bottomLeft: zero, bottomRight: zero } },
      },
      cachedStats: {},
    },
  } as ToolTypes.Annotation;
}

export function isMeasurementTool(tool: PrimaryTool): boolean {
  return (measurementToolNames as string[]).includes(tool);
}
