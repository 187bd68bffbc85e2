// Which series the panel opens and how an image is named in lists. Pure functions
// over the case screen's imaging DTO (no cornerstone), unit-tested.
import type { CaseImagingDto, CaseImagingSeriesDto, CaseImagingStudyDto } from '@/lib/schemas/case-screen';

export interface SeriesChoice {
  study: CaseImagingStudyDto;
  series: CaseImagingSeriesDto;
}

export function viewableSeries(series: CaseImagingSeriesDto): boolean {
  return series.instances.some((instance) => instance.isImage);
}

/** Studies newest first (undated last), each with its series in series-number order. */
export function orderedStudies(imaging: CaseImagingDto): CaseImagingStudyDto[] {
  return [...imaging.studies]
    .sort((a, b) => (b.studyDate ?? '').localeCompare(a.studyDate ?? ''))
    .map((study) => ({ ...study, series: [...study.series].sort((a, b) => (a.seriesNumber ?? Infinity) - (b.seriesNumber ?? Infinity)) }));
}

export function findSeries(studies: CaseImagingStudyDto[], seriesInstanceUid: string | null | undefined): SeriesChoice | null {
  if (!seriesInstanceUid) return null;
  for (const study of studies) {
    const series = study.series.find((s) => s.seriesInstanceUid === seriesInstanceUid);
    if (series) return { study, series };
  }
  return null;
}

/** The study asked for (timeline, ?study=) if it has images, else the newest that has; its first viewable series. */
export function initialSeries(studies: CaseImagingStudyDto[], initialStudyUid: string | null): SeriesChoice | null {
  const preferred = initialStudyUid ? studies.find((s) => s.studyInstanceUid === initialStudyUid) : undefined;
  for (const study of preferred ? [preferred, ...studies] : studies) {
    const series = study.series.find(viewableSeries);
    if (series) return { study, series };
  }
  return null;
}

/**
 * What to put beside `current` for comparison: a viewable series of the same modality
 * from another (preferably older) study, else any other viewable series.
 */
export function comparisonSeries(studies: CaseImagingStudyDto[], current: SeriesChoice | null): SeriesChoice | null {
  if (!current) return null;
  const candidates: SeriesChoice[] = studies.flatMap((study) => study.series.filter(viewableSeries).map((series) => ({ study, series })));
  const others = candidates.filter((c) => c.series.seriesInstanceUid !== current.series.seriesInstanceUid);
  const currentDate = current.study.studyDate ?? '';
  const sameModality = others.filter((c) => c.series.modality === current.series.modality && c.study.studyInstanceUid !== current.study.studyInstanceUid);
  const older = sameModality.filter((c) => (c.study.studyDate ?? '') < currentDate);
  return older[0] ?? sameModality[0] ?? others[0] ?? null;
}

/** Number of images (frames) in a series as the viewer stacks them. */
export function imageCount(series: CaseImagingSeriesDto): number {
  return series.instances.filter((i) => i.isImage).reduce((sum, i) => sum + Math.max(1, i.numberOfFrames), 0);
}

/** 1-based position of an image (instance + frame) in the series' stack, or null. */
export function imageNumber(series: CaseImagingSeriesDto, sopInstanceUid: string, frameNumber: number): number | null {
  let before = 0;
  for (const instance of series.instances) {
    if (!instance.isImage) continue;
    if (instance.sopInstanceUid === sopInstanceUid) return frameNumber <= Math.max(1, instance.numberOfFrames) ? before + frameNumber : null;
    before += Math.max(1, instance.numberOfFrames);
  }
  return null;
}

export function seriesLabel(series: CaseImagingSeriesDto): string {
  const number = series.seriesNumber === null ? '' : `#${series.seriesNumber} `;
  return `${series.modality} ${number}${series.description ?? 'Untitled series'}`.trim();
}

export function studyLabel(study: CaseImagingStudyDto, formatDate: (iso: string) => string): string {
  const date = study.studyDate ? formatDate(study.studyDate) : 'Undated';
  return `${date} · ${study.description ?? study.modalities.join('/')}`;
}

/** "CT #2 Axial … · Im 12/64" for a measurement or key image. */
export function imageLabel(studies: CaseImagingStudyDto[], ref: { seriesInstanceUid: string; sopInstanceUid: string; frameNumber: number }): string {
  const found = findSeries(studies, ref.seriesInstanceUid);
  if (!found) return 'Image not in this case’s series list';
  const number = imageNumber(found.series, ref.sopInstanceUid, ref.frameNumber);
  return `${seriesLabel(found.series)} · Im ${number ?? '?'}/${imageCount(found.series)}`;
}
