'use client';
// The case screen's imaging panel: the case's studies and series, one or two
// viewports, saved measurements and key images. Everything cornerstone lives in
// ImagingWorkspace (and the thumbnails), loaded with next/dynamic and ssr: false,
// so this panel renders (and the page streams) without waiting for the viewer's JS.
import dynamic from 'next/dynamic';
import { useEffect, useMemo, useState } from 'react';
import { preload } from 'react-dom';
import { announceImagingSettled } from '@/components/case-screen/imaging-first';
import { Alert } from '@/components/ui/alert';
import type { CaseKeyImageDto, CaseMeasurementDto } from '@/lib/schemas/case-annotation';
import type { CaseImagingDto } from '@/lib/schemas/case-screen';
import { KeyImageList, MeasurementList } from './annotation-lists';
import { comparisonSeries, findSeries, initialSeries, orderedStudies, viewableSeries } from './imaging-selection';
import type { ViewportRequest } from './imaging-workspace';
import { framePath, frameUrl, prefetchFrame } from './frame-prefetch';
import { SeriesBrowser } from './series-browser';
import { seriesMetadata, seriesMetadataPath } from './series-metadata';
import { useAnnotationActions } from './use-annotation-actions';

const loadWorkspace = () => import('./imaging-workspace');
// Start downloading the viewer as soon as this module runs in the browser, not when
// React gets round to rendering the dynamic component after hydration.
if (typeof window !== 'undefined') void loadWorkspace();

const ImagingWorkspace = dynamic(loadWorkspace, {
  ssr: false,
  loading: () => (
    <div role="status" aria-label="Starting the image viewer" className="aspect-square w-full animate-pulse rounded-md bg-slate-900" />
  ),
});

export interface CaseImagingPanelProps {
  caseId: string;
  imaging: CaseImagingDto;
  /** The viewing clinician may save measurements and mark key images. */
  canAnnotate: boolean;
  /** Study to open first (from the timeline or ?study=); else the newest with images. */
  initialStudyUid: string | null;
  /** Hospital time zone for "when" in the lists (KONSIL_TIME_ZONE); UTC if not given. */
  timeZone?: string;
}

/** Thumbnails wait for the first image, but not forever (a viewer that fails must not hide them). */
const THUMBNAIL_FALLBACK_MS = 4000;

export function CaseImagingPanel({ caseId, imaging, canAnnotate, initialStudyUid, timeZone = 'UTC' }: CaseImagingPanelProps) {
  const studies = useMemo(() => orderedStudies(imaging), [imaging]);
  const initialAnnotations = useMemo(() => ({ measurements: imaging.measurements, keyImages: imaging.keyImages }), [imaging]);
  const annotations = useAnnotationActions(caseId, initialAnnotations);
  const [sideBySide, setSideBySide] = useState(false);
  const [activeViewport, setActiveViewport] = useState(0);
  const [requests, setRequests] = useState<readonly [ViewportRequest, ViewportRequest]>(() => {
    const first = initialSeries(studies, initialStudyUid);
    const second = comparisonSeries(studies, first);
    return [
      { seriesInstanceUid: first?.series.seriesInstanceUid ?? null, target: null, nonce: 0 },
      { seriesInstanceUid: second?.series.seriesInstanceUid ?? first?.series.seriesInstanceUid ?? null, target: null, nonce: 0 },
    ];
  });
  const [firstImageShown, setFirstImageShown] = useState(false);

  // The timeline (or a link) names another study: show it in the active viewport.
  const [shownInitialStudy, setShownInitialStudy] = useState(initialStudyUid);
  if (initialStudyUid !== shownInitialStudy) {
    setShownInitialStudy(initialStudyUid);
    const next = initialStudyUid ? initialSeries(studies.filter((s) => s.studyInstanceUid === initialStudyUid), null) : null;
    if (next) {
      setRequests((current) => {
        const updated = [...current] as [ViewportRequest, ViewportRequest];
        const viewport = Math.min(activeViewport, sideBySide ? 1 : 0);
        updated[viewport] = { seriesInstanceUid: next.series.seriesInstanceUid, target: null, nonce: current[viewport]!.nonce + 1 };
        return updated;
      });
    }
  }

  // The first series' metadata and first image: announced in the server-rendered HTML
  // (<link rel=preload>, so the browser fetches them while it downloads the page's
  // JavaScript), then read by the effect below, which the viewer's load waits on.
  // crossOrigin "anonymous" is fetch()'s own mode (cors, same-origin credentials): the
  // preloaded response is then the one fetch() gets.
  const firstSeries = findSeries(studies, requests[0].seriesInstanceUid);
  const firstImage = firstSeries?.series.instances.find((i) => i.isImage);
  if (firstSeries && firstImage) {
    preload(seriesMetadataPath(firstSeries.study.studyInstanceUid, firstSeries.series.seriesInstanceUid), { as: 'fetch', crossOrigin: 'anonymous' });
    preload(framePath(firstSeries.study.studyInstanceUid, firstSeries.series.seriesInstanceUid, firstImage.sopInstanceUid, 1), { as: 'fetch', crossOrigin: 'anonymous' });
  }

  // The first series' metadata and first image are fetched while the viewer's JavaScript downloads.
  useEffect(() => {
    const first = findSeries(studies, requests[0].seriesInstanceUid);
    const image = first?.series.instances.find((i) => i.isImage);
    if (!first || !image) return;
    seriesMetadata(first.study.studyInstanceUid, first.series.seriesInstanceUid).catch(() => {});
    void prefetchFrame(frameUrl(first.study.studyInstanceUid, first.series.seriesInstanceUid, image.sopInstanceUid, 1));
    // Only the series shown on arrival; later picks fetch on demand.
  }, []);
  const [thumbnailsEnabled, setThumbnailsEnabled] = useState(false);

  const hasImages = studies.some((study) => study.series.some(viewableSeries));

  useEffect(() => {
    // The rest of the case screen's heavy visuals wait for this (imaging-first.ts); once
    // the browser is idle, so the first image is painted before their scripts run.
    if (!firstImageShown && hasImages) return;
    const idle = window.requestIdleCallback(announceImagingSettled, { timeout: 500 });
    return () => window.cancelIdleCallback(idle);
  }, [firstImageShown, hasImages]);

  useEffect(() => {
    if (firstImageShown) {
      setThumbnailsEnabled(true);
      return;
    }
    const timer = setTimeout(() => setThumbnailsEnabled(true), THUMBNAIL_FALLBACK_MS);
    return () => clearTimeout(timer);
  }, [firstImageShown]);

  if (!hasImages) {
    return <p className="text-sm text-slate-600">{studies.length === 0 ? 'No imaging studies for this patient.' : 'This patient’s studies have no images the viewer can show.'}</p>;
  }

  const visible = sideBySide ? 2 : 1;
  const active = Math.min(activeViewport, visible - 1);

  function request(viewport: number, seriesInstanceUid: string, target: ViewportRequest['target']) {
    setRequests((current) => {
      const next = [...current] as [ViewportRequest, ViewportRequest];
      next[viewport] = { seriesInstanceUid, target, nonce: current[viewport]!.nonce + 1 };
      return next;
    });
  }

  /** Opens an image: in the viewport already showing its series, else in the active one. */
  function goTo(image: CaseMeasurementDto | CaseKeyImageDto) {
    if (!findSeries(studies, image.seriesInstanceUid)) return;
    const showing = requests.slice(0, visible).findIndex((r) => r.seriesInstanceUid === image.seriesInstanceUid);
    const viewport = showing >= 0 ? showing : active;
    setActiveViewport(viewport);
    request(viewport, image.seriesInstanceUid, { sopInstanceUid: image.sopInstanceUid, frameNumber: image.frameNumber });
  }

  return (
    // Sized by the panel, not the window: the case screen may put it in half a column.
    <div className="@container space-y-4" data-testid="imaging-panel">
      <div className="grid gap-4 @4xl:grid-cols-[15rem_minmax(0,1fr)]">
        <SeriesBrowser
          studies={studies}
          shownSeries={requests.slice(0, visible).map((r) => r.seriesInstanceUid)}
          onPick={(uid) => request(active, uid, null)}
          thumbnailsEnabled={thumbnailsEnabled}
          timeZone={timeZone}
        />
        <div className="min-w-0 space-y-2">
          <ImagingWorkspace
            studies={studies}
            sideBySide={sideBySide}
            onSideBySide={(on) => {
              setSideBySide(on);
              if (!on) setActiveViewport(0);
            }}
            requests={requests}
            onPickSeries={(viewport, uid) => request(viewport, uid, null)}
            activeViewport={active}
            onActivate={setActiveViewport}
            canAnnotate={canAnnotate}
            measurements={annotations.measurements}
            keyImages={annotations.keyImages}
            onMeasurementDrawn={(drawn) => void annotations.onMeasurementDrawn(drawn)}
            onToggleKeyImage={annotations.onToggleKeyImage}
            onFirstImage={() => setFirstImageShown(true)}
            timeZone={timeZone}
          />
          {annotations.notice ? (
            <Alert tone={annotations.notice.tone} className="py-2">
              {annotations.notice.text}
            </Alert>
          ) : null}
        </div>
      </div>
      <div className="grid gap-4 @2xl:grid-cols-2">
        <MeasurementList
          measurements={annotations.measurements}
          studies={studies}
          canAnnotate={canAnnotate}
          timeZone={timeZone}
          busyId={annotations.busyId}
          onGoTo={goTo}
          onRemove={(m) => void annotations.onRemoveMeasurement(m)}
        />
        <KeyImageList
          keyImages={annotations.keyImages}
          studies={studies}
          canAnnotate={canAnnotate}
          timeZone={timeZone}
          busyId={annotations.busyId}
          onGoTo={goTo}
          onUnmark={(k) => void annotations.onUnmarkKeyImage(k)}
        />
      </div>
    </div>
  );
}
