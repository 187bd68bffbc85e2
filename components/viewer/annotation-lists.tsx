'use client';
// Saved measurements and key images of the case: what, where, who, when; "Go to"
// opens the image; clinicians may remove a measurement or unmark a key image.
import { formatDateTime } from '@/lib/format/date';
import { measurementKindLabels, type CaseKeyImageDto, type CaseMeasurementDto } from '@/lib/schemas/case-annotation';
import type { CaseImagingStudyDto } from '@/lib/schemas/case-screen';
import { imageLabel } from './imaging-selection';
import { describeMeasurement } from './measurement-input';

const linkButton = 'rounded px-1.5 py-0.5 text-xs font-medium text-brand-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-brand-600 disabled:text-slate-400';
const dangerButton = 'rounded px-1.5 py-0.5 text-xs font-medium text-red-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-red-600 disabled:text-slate-400';

export function MeasurementList({
  measurements,
  studies,
  canAnnotate,
  timeZone,
  busyId,
  onGoTo,
  onRemove,
}: {
  measurements: CaseMeasurementDto[];
  studies: CaseImagingStudyDto[];
  canAnnotate: boolean;
  timeZone: string;
  busyId: string | null;
  onGoTo: (measurement: CaseMeasurementDto) => void;
  onRemove: (measurement: CaseMeasurementDto) => void;
}) {
  return (
    <section aria-labelledby="viewer-measurements-heading" className="space-y-2">
      <h3 id="viewer-measurements-heading" className="text-sm font-semibold text-slate-900">
        Measurements
      </h3>
      {measurements.length === 0 ? (
        <p className="text-xs text-slate-600">{canAnnotate ? 'None yet. Pick Length, Bidirectional or an ROI in the toolbar and draw on the image.' : 'None yet.'}</p>
      ) : (
        <ul aria-label="Saved measurements" className="divide-y divide-slate-200 rounded border border-slate-200 bg-white">
          {measurements.map((m) => (
            <li key={m.id} data-testid="measurement-row" data-measurement-id={m.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-2 py-1.5 text-xs">
              <span className="font-medium text-slate-900">{m.label || measurementKindLabels[m.kind]}</span>
              <span className="font-mono text-slate-900" data-testid="measurement-value">
                {describeMeasurement(m.kind, m.values)}
              </span>
              <span className="text-slate-600">{imageLabel(studies, m)}</span>
              <span className="text-slate-600">
                {m.createdBy.name}, {formatDateTime(m.createdAt, timeZone)}
              </span>
              <span className="ml-auto flex gap-1">
                <button type="button" className={linkButton} onClick={() => onGoTo(m)} aria-label={`Go to ${measurementKindLabels[m.kind].toLowerCase()} ${describeMeasurement(m.kind, m.values)}`}>
                  Go to
                </button>
                {canAnnotate ? (
                  <button type="button" className={dangerButton} disabled={busyId === m.id} onClick={() => onRemove(m)} aria-label={`Remove ${measurementKindLabels[m.kind].toLowerCase()} ${describeMeasurement(m.kind, m.values)}`}>
                    Remove
                  </button>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function KeyImageList({
  keyImages,
  studies,
  canAnnotate,
  timeZone,
  busyId,
  onGoTo,
  onUnmark,
}: {
  keyImages: CaseKeyImageDto[];
  studies: CaseImagingStudyDto[];
  canAnnotate: boolean;
  timeZone: string;
  busyId: string | null;
  onGoTo: (keyImage: CaseKeyImageDto) => void;
  onUnmark: (keyImage: CaseKeyImageDto) => void;
}) {
  return (
    <section aria-labelledby="viewer-key-images-heading" className="space-y-2">
      <h3 id="viewer-key-images-heading" className="text-sm font-semibold text-slate-900">
        Key images
      </h3>
      {keyImages.length === 0 ? (
        <p className="text-xs text-slate-600">{canAnnotate ? 'None yet. Show an image and press “Key image” to mark it for the board.' : 'None yet.'}</p>
      ) : (
        <ul aria-label="Key images for the board" className="divide-y divide-slate-200 rounded border border-slate-200 bg-white">
          {keyImages.map((k) => {
            const where = imageLabel(studies, k);
            return (
              <li key={k.id} data-testid="key-image-row" data-key-image-id={k.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-2 py-1.5 text-xs">
                <span className="text-slate-900">{where}</span>
                {k.note ? <span className="text-slate-700">“{k.note}”</span> : null}
                <span className="text-slate-600">
                  {k.markedBy.name}, {formatDateTime(k.createdAt, timeZone)}
                </span>
                <span className="ml-auto flex gap-1">
                  <button type="button" className={linkButton} onClick={() => onGoTo(k)} aria-label={`Go to key image ${where}`}>
                    Go to
                  </button>
                  {canAnnotate ? (
                    <button type="button" className={dangerButton} disabled={busyId === k.id} onClick={() => onUnmark(k)} aria-label={`Unmark key image ${where}`}>
                      Unmark
                    </button>
                  ) : null}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
