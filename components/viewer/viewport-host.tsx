'use client';
// A thin React host for one cornerstone viewport (OHIF's pattern): an element the
// session renders into, enabled in an effect and disabled on unmount; the overlay
// (series, image number, window) and the render signal read the session's status.
//
// Render signal for tests and the benchmark, on the focusable wrapper:
//   data-testid="viewport-N"  data-series-uid  data-image-index (0-based)  data-image-count
//   data-voi="400/40"  data-rendered="true" after IMAGE_RENDERED of the current stack
//   data-renderer="webgl"|"cpu"
import { useEffect, useRef, useSyncExternalStore, type KeyboardEvent } from 'react';
import { cn } from '@/components/ui/cn';
import type { ViewerSession, ViewportStatus } from './viewer-service';
import { formatWindow } from './voi';

const serverStatus: ViewportStatus = { seriesInstanceUid: null, description: '', imageIndex: 0, imageCount: 0, ref: null, voi: null, rendered: false, error: null };

const PAGE_STEP = 10;

export function ViewportHost({
  session,
  viewportId,
  index,
  active,
  onActivate,
  captionOf,
}: {
  session: ViewerSession;
  viewportId: string;
  index: number;
  active: boolean;
  onActivate: () => void;
  /** A second overlay line for the shown series (the study date: which is the prior). */
  captionOf: (seriesInstanceUid: string) => string;
}) {
  const elementRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = elementRef.current;
    if (!element) return;
    session.enableViewport(viewportId, element);
    const observer = new ResizeObserver(() => session.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      session.disableViewport(viewportId);
    };
  }, [session, viewportId]);

  const status = useSyncExternalStore(
    session.subscribe,
    () => session.getStatus(viewportId),
    () => serverStatus,
  );

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const last = status.imageCount - 1;
    const steps: Record<string, number | 'first' | 'last'> = { ArrowDown: 1, ArrowUp: -1, PageDown: PAGE_STEP, PageUp: -PAGE_STEP, Home: 'first', End: 'last' };
    const step = steps[event.key];
    if (event.key === 'Escape') {
      session.cancelDrawing(viewportId);
      return;
    }
    if (step === undefined || last < 0) return;
    event.preventDefault();
    if (step === 'first') void session.jumpTo(viewportId, 0);
    else if (step === 'last') void session.jumpTo(viewportId, last);
    else void session.scrollBy(viewportId, step);
  }

  const position = status.imageCount > 0 ? `Im ${status.imageIndex + 1}/${status.imageCount}` : '';
  const windowText = status.voi ? `W ${Math.round(status.voi.width)} L ${Math.round(status.voi.center)}` : '';
  const label = status.seriesInstanceUid
    ? `Viewport ${index + 1}: ${status.description}, image ${status.imageIndex + 1} of ${status.imageCount}. Arrow keys, Page Up/Down, Home and End change the image; Escape cancels a drawing.`
    : `Viewport ${index + 1}: no series`;

  return (
    <div
      data-testid={`viewport-${index}`}
      data-viewport-id={viewportId}
      data-series-uid={status.seriesInstanceUid ?? ''}
      data-image-index={status.imageIndex}
      data-image-count={status.imageCount}
      data-voi={status.voi ? formatWindow(status.voi) : ''}
      data-rendered={status.rendered ? 'true' : 'false'}
      data-renderer={session.renderer}
      data-active={active ? 'true' : 'false'}
      role="application"
      aria-roledescription="image viewport"
      aria-label={label}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onFocus={onActivate}
      onPointerDown={(event) => {
        // Clicking the image focuses the viewport, so the keys scroll the one just used.
        event.currentTarget.focus({ preventScroll: true });
        onActivate();
      }}
      className={cn(
        'relative mx-auto aspect-square w-full max-w-[min(100%,70vh)] overflow-hidden rounded-md bg-black outline-none focus-visible:ring-4 focus-visible:ring-brand-500',
        active ? 'ring-2 ring-brand-500' : 'ring-1 ring-slate-700',
      )}
    >
      {/* cornerstone owns this element's children (its canvas and SVG layer); React renders none. */}
      <div ref={elementRef} className="absolute inset-0" data-testid={`viewport-${index}-element`} />
      <div aria-hidden="true" className="pointer-events-none absolute inset-0 p-2 font-mono text-xs text-white [text-shadow:0_0_3px_#000]">
        <p className="absolute left-2 top-2 max-w-[90%] truncate">
          {status.description}
          {status.seriesInstanceUid ? <span className="block">{captionOf(status.seriesInstanceUid)}</span> : null}
        </p>
        <p className="absolute bottom-2 left-2" data-testid={`viewport-${index}-position`}>
          {position}
        </p>
        <p className="absolute bottom-2 right-2" data-testid={`viewport-${index}-window`}>
          {windowText}
        </p>
      </div>
      {status.error ? (
        <p role="alert" className="absolute inset-x-2 top-1/2 -translate-y-1/2 rounded bg-red-900/80 p-2 text-center text-sm text-white">
          {status.error}
        </p>
      ) : null}
    </div>
  );
}
