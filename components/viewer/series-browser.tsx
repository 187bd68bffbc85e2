'use client';
// The case's studies (newest first) and their series; picking one shows it in the
// active viewport. Rendered without cornerstone; thumbnails come in lazily.
import dynamic from 'next/dynamic';
import { cn } from '@/components/ui/cn';
import { formatDate } from '@/lib/format/date';
import type { CaseImagingStudyDto } from '@/lib/schemas/case-screen';
import { imageCount, seriesLabel, studyLabel, viewableSeries } from './imaging-selection';

const SeriesThumbnail = dynamic(() => import('./series-thumbnail'), {
  ssr: false,
  loading: () => <span aria-hidden="true" className="size-16 shrink-0 rounded bg-slate-800" />,
});

export function SeriesBrowser({
  studies,
  shownSeries,
  onPick,
  thumbnailsEnabled,
  timeZone,
}: {
  studies: CaseImagingStudyDto[];
  /** Series shown in a viewport, by viewport number. */
  shownSeries: (string | null)[];
  onPick: (seriesInstanceUid: string) => void;
  thumbnailsEnabled: boolean;
  timeZone: string;
}) {
  return (
    <nav aria-label="Studies and series" className="max-h-56 space-y-3 overflow-y-auto @4xl:max-h-none @4xl:overflow-visible">
      {studies.map((study) => (
        <section key={study.id} aria-label={`Study ${studyLabel(study, (iso) => formatDate(iso, timeZone))}`} className="space-y-1">
          <h3 className="text-xs font-semibold text-slate-700">{studyLabel(study, (iso) => formatDate(iso, timeZone))}</h3>
          <ul className="grid grid-cols-[repeat(auto-fill,minmax(14rem,1fr))] gap-1 @4xl:grid-cols-1">
            {study.series.map((series) => {
              const viewable = viewableSeries(series);
              const shownIn = shownSeries.map((uid, index) => (uid === series.seriesInstanceUid ? index + 1 : null)).filter((n): n is number => n !== null);
              return (
                <li key={series.id}>
                  <button
                    type="button"
                    data-testid="series-button"
                    data-series-uid={series.seriesInstanceUid}
                    disabled={!viewable}
                    aria-pressed={shownIn.length > 0}
                    onClick={() => onPick(series.seriesInstanceUid)}
                    className={cn(
                      'flex w-full items-center gap-2 rounded border p-1 text-left text-xs disabled:cursor-not-allowed disabled:opacity-60',
                      shownIn.length > 0 ? 'border-brand-600 bg-brand-50' : 'border-slate-200 bg-white hover:bg-slate-50',
                    )}
                  >
                    {viewable ? (
                      <SeriesThumbnail studyInstanceUid={study.studyInstanceUid} series={series} enabled={thumbnailsEnabled} />
                    ) : (
                      <span aria-hidden="true" className="size-16 shrink-0 rounded bg-slate-200" />
                    )}
                    <span className="min-w-0">
                      <span className="block truncate font-medium text-slate-900">{seriesLabel(series)}</span>
                      <span className="block text-slate-600">
                        {viewable ? `${imageCount(series)} images` : 'No images'}
                        {series.nonImageCount > 0 ? ` · ${series.nonImageCount} non-image object${series.nonImageCount === 1 ? '' : 's'}` : ''}
                        {shownIn.length > 0 ? ` · in viewport ${shownIn.join(' and ')}` : ''}
                      </span>
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </nav>
  );
}
