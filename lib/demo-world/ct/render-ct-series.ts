// Renders a series slice by slice: one slice of pixels and one file in memory at
// a time, so a 1,000-patient benchmark can stream series to disk or to an
// importer without holding a volume.
import type { DemoCtSeriesSpec } from '../types';
import { writeCtSlice } from './dicom-writer';
import { renderSliceHu } from './phantom';

export interface RenderedDicomFile {
  /** Relative path below the patient's folder: <studyKey>/<seriesKey>/<nnn>.dcm. */
  name: string;
  bytes: Uint8Array;
}

export function* renderCtSeries(spec: DemoCtSeriesSpec): Generator<RenderedDicomFile> {
  const hu = new Int16Array(spec.rows * spec.columns);
  for (let i = 0; i < spec.slices; i += 1) {
    renderSliceHu(spec, i, hu);
    yield { name: `${spec.studyKey}/${spec.seriesKey}/${String(i + 1).padStart(3, '0')}.dcm`, bytes: writeCtSlice(spec, i, hu) };
  }
}

/** One slice only (tests and thumbnails). */
export function renderCtSlice(spec: DemoCtSeriesSpec, index: number): { hu: Int16Array; bytes: Uint8Array } {
  const hu = new Int16Array(spec.rows * spec.columns);
  renderSliceHu(spec, index, hu);
  return { hu, bytes: writeCtSlice(spec, index, hu) };
}
