'use client';
// The cornerstone half of the imaging panel, loaded with next/dynamic (ssr: false) so
// the case page never waits for it: toolbar and one or two viewports. State that
// outlives the viewer (which series where, saved measurements, key images) belongs
// to the panel; this component turns it into calls on the viewer session.
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { Alert } from '@/components/ui/alert';
import { formatDate } from '@/lib/format/date';
import type { CaseKeyImageDto, CaseMeasurementDto } from '@/lib/schemas/case-annotation';
import type { CaseImagingStudyDto } from '@/lib/schemas/case-screen';
import { findSeries, seriesLabel, viewableSeries } from './imaging-selection';
import { loadSeriesStack, type ImageRef } from './series-stacks';
import { installTestHooks } from './test-hooks';
import { prefetchOf } from './frame-prefetch';
import { initViewer, preloadImage, ViewerSession, type DrawnMeasurement, type PrimaryTool } from './viewer-service';
import { ViewerToolbar } from './viewer-toolbar';
import { ViewportHost } from './viewport-host';

export const VIEWPORT_IDS = ['konsil-viewport-0', 'konsil-viewport-1'] as const;

/** What a viewport should show; a new nonce repeats a request (e.g. "go to" the same image twice). */
export interface ViewportRequest {
  seriesInstanceUid: string | null;
  target: ImageRef | null;
  nonce: number;
}

export interface ShownImage {
  studyInstanceUid: string;
  seriesInstanceUid: string;
  ref: ImageRef;
}

export interface ImagingWorkspaceProps {
  studies: CaseImagingStudyDto[];
  sideBySide: boolean;
  onSideBySide: (on: boolean) => void;
  requests: readonly [ViewportRequest, ViewportRequest];
  onPickSeries: (viewport: number, seriesInstanceUid: string) => void;
  activeViewport: number;
  onActivate: (viewport: number) => void;
  canAnnotate: boolean;
  measurements: CaseMeasurementDto[];
  keyImages: CaseKeyImageDto[];
  onMeasurementDrawn: (drawn: DrawnMeasurement) => void;
  onToggleKeyImage: (image: ShownImage, existing: CaseKeyImageDto | null) => Promise<void>;
  onFirstImage: () => void;
  timeZone: string;
}

function markOnce(name: string) {
  if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name);
}

export default function ImagingWorkspace(props: ImagingWorkspaceProps) {
  const { studies, requests, sideBySide, canAnnotate } = props;
  const [session, setSession] = useState<ViewerSession | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [tool, setTool] = useState<PrimaryTool>('WindowLevel');
  const [syncEnabled, setSyncEnabled] = useState(true);
  const [keyImageBusy, setKeyImageBusy] = useState(false);

  // Latest callbacks for the session, which outlives renders.
  const [callbacks] = useState(() => ({ current: props }));
  callbacks.current = props;

  useEffect(() => {
    markOnce('konsil:viewer-mount');
    let created: ViewerSession | null = null;
    let cancelled = false;
    initViewer()
      .then((renderer) => {
        if (cancelled) return;
        markOnce('konsil:viewer-ready');
        // Decode the first image while React mounts the viewports (its bytes are usually prefetched already).
        const first = findSeries(studies, requests[0].seriesInstanceUid);
        if (first) {
          loadSeriesStack(first.study.studyInstanceUid, first.series)
            .then(async (stack) => {
              const imageId = stack.imageIds[0]!;
              await prefetchOf(imageId.slice('wadors:'.length));
              if (!cancelled) preloadImage(imageId);
            })
            .catch(() => {});
        }
        created = new ViewerSession({
          renderer,
          canAnnotate,
          onMeasurementDrawn: (drawn) => callbacks.current.onMeasurementDrawn(drawn),
          onFirstImage: () => {
            markOnce('konsil:first-image');
            callbacks.current.onFirstImage();
          },
        });
        setSession(created);
      })
      .catch((error: unknown) => {
        console.error('[viewer] initialisation failed', error);
        if (!cancelled) setFailure('The image viewer could not start in this browser.');
      });
    return () => {
      cancelled = true;
      created?.destroy();
    };
  }, [canAnnotate, callbacks]);

  useEffect(() => {
    if (!session) return;
    return installTestHooks(session, VIEWPORT_IDS);
  }, [session]);

  // Each viewport follows its request: load the series' stack, show it (or jump in it).
  // A request is acted on once (so a re-render never yanks the user back to a "go to"
  // target), and again when its viewport lost the series (re-enabled by the layout).
  const visible = sideBySide ? 2 : 1;
  const [first, second] = requests;
  const handled = useRef(new Map<string, ViewportRequest>());
  useEffect(() => {
    if (!session) return;
    [first, second].slice(0, visible).forEach((request, index) => {
      const viewportId = VIEWPORT_IDS[index]!;
      const shownSeries = session.getStatus(viewportId).seriesInstanceUid;
      if (handled.current.get(viewportId) === request && shownSeries === request.seriesInstanceUid) return;
      handled.current.set(viewportId, request);
      const found = findSeries(studies, request.seriesInstanceUid);
      if (!found) {
        session.clearViewport(viewportId);
        return;
      }
      loadSeriesStack(found.study.studyInstanceUid, found.series)
        .then((stack) => {
          markOnce('konsil:series-ready');
          return session.showSeries(viewportId, stack, request.target);
        })
        .catch((error: unknown) => {
          console.error('[viewer] loading the series failed', error);
          setFailure(error instanceof Error ? error.message : 'The series could not be loaded.');
        });
    });
  }, [session, studies, visible, first, second]);

  useEffect(() => {
    session?.setSavedMeasurements(props.measurements);
  }, [session, props.measurements]);

  useEffect(() => {
    session?.setSyncEnabled(syncEnabled && sideBySide);
  }, [session, syncEnabled, sideBySide]);

  const activeId = VIEWPORT_IDS[Math.min(props.activeViewport, visible - 1)]!;
  const activeStatus = useSyncExternalStore(
    session?.subscribe ?? noSubscribe,
    () => session?.getStatus(activeId) ?? null,
    () => null,
  );

  if (failure && !session) return <Alert tone="error">{failure}</Alert>;

  const activeSeries = findSeries(studies, activeStatus?.seriesInstanceUid);
  const currentRef = activeStatus?.ref ?? null;
  const existingKeyImage =
    currentRef && activeSeries
      ? (props.keyImages.find((k) => k.seriesInstanceUid === activeSeries.series.seriesInstanceUid && k.sopInstanceUid === currentRef.sopInstanceUid && k.frameNumber === currentRef.frameNumber) ?? null)
      : null;
  const viewable = studies.flatMap((study) => study.series.filter(viewableSeries).map((series) => ({ study, series })));

  async function toggleKeyImage() {
    if (!currentRef || !activeSeries) return;
    setKeyImageBusy(true);
    try {
      await props.onToggleKeyImage({ studyInstanceUid: activeSeries.study.studyInstanceUid, seriesInstanceUid: activeSeries.series.seriesInstanceUid, ref: currentRef }, existingKeyImage);
    } finally {
      setKeyImageBusy(false);
    }
  }

  return (
    <div className="space-y-2">
      <ViewerToolbar
        tool={tool}
        onTool={(next) => {
          session?.setPrimaryTool(next);
          setTool(session?.getPrimaryTool() ?? next);
        }}
        canAnnotate={canAnnotate}
        onPreset={(window) => session?.setWindow(activeId, window)}
        onReset={() => session?.reset(activeId)}
        sideBySide={sideBySide}
        onSideBySide={props.onSideBySide}
        canCompare={viewable.length > 1}
        syncEnabled={syncEnabled}
        onSync={setSyncEnabled}
        keyImage={canAnnotate ? { marked: existingKeyImage !== null, disabled: !currentRef, busy: keyImageBusy } : null}
        onKeyImage={() => void toggleKeyImage()}
      />
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <div className={sideBySide ? 'grid grid-cols-1 gap-2 md:grid-cols-2' : 'grid grid-cols-1'}>
        {session
          ? VIEWPORT_IDS.slice(0, visible).map((viewportId, index) => (
              <div key={viewportId} className="space-y-1">
                <label className="flex items-center gap-2 text-xs text-slate-700">
                  <span className="shrink-0">Series in viewport {index + 1}</span>
                  <select
                    className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-1 py-0.5 text-xs"
                    value={requests[index]?.seriesInstanceUid ?? ''}
                    onChange={(event) => props.onPickSeries(index, event.target.value)}
                  >
                    {viewable.map(({ series }) => (
                      <option key={series.seriesInstanceUid} value={series.seriesInstanceUid}>
                        {seriesLabel(series)}
                      </option>
                    ))}
                  </select>
                </label>
                <ViewportHost
                  session={session}
                  viewportId={viewportId}
                  index={index}
                  active={activeId === viewportId}
                  onActivate={() => props.onActivate(index)}
                  captionOf={(uid) => {
                    const date = findSeries(studies, uid)?.study.studyDate;
                    return date ? formatDate(date, props.timeZone) : 'Undated study';
                  }}
                />
              </div>
            ))
          : VIEWPORT_IDS.slice(0, visible).map((viewportId) => <div key={viewportId} className="aspect-square w-full animate-pulse rounded-md bg-slate-900" />)}
      </div>
    </div>
  );
}

const noSubscribe = () => () => {};
