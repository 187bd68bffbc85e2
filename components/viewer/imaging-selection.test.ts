import { describe, expect, it } from 'vitest';
import type { CaseImagingDto, CaseImagingSeriesDto, CaseImagingStudyDto } from '@/lib/schemas/case-screen';
import { comparisonSeries, imageCount, imageLabel, imageNumber, initialSeries, orderedStudies } from './imaging-selection';

function series(uid: string, modality: string, instances: { sop: string; frames?: number; isImage?: boolean }[], seriesNumber = 1): CaseImagingSeriesDto {
  return {
    id: `id-${uid}`,
    seriesInstanceUid: uid,
    modality,
    seriesNumber,
    description: `Series ${uid}`,
    frameOfReferenceUid: null,
    instances: instances.map((i) => ({ sopInstanceUid: i.sop, instanceNumber: null, numberOfFrames: i.frames ?? 1, isImage: i.isImage ?? true })),
    nonImageCount: 0,
  };
}

function study(uid: string, date: string | null, s: CaseImagingSeriesDto[]): CaseImagingStudyDto {
  return { id: `id-${uid}`, studyInstanceUid: uid, studyDate: date, description: null, modalities: [...new Set(s.map((x) => x.modality))], accessionNumber: null, series: s };
}

const ctPrior = series('1.1.1', 'CT', [{ sop: 'p1' }, { sop: 'p2' }]);
const ctCurrent = series('2.1.1', 'CT', [{ sop: 'c1' }, { sop: 'c2' }, { sop: 'c3' }]);
const sr = series('2.1.9', 'SR', [{ sop: 'sr', isImage: false }], 0);
const mrMultiframe = series('3.1.1', 'MR', [{ sop: 'm1', frames: 4 }, { sop: 'm2', frames: 2 }]);
const imaging: CaseImagingDto = {
  studies: [study('1', '2025-02-01T08:00:00.000Z', [ctPrior]), study('3', null, [mrMultiframe]), study('2', '2026-03-01T08:00:00.000Z', [sr, ctCurrent])],
  measurements: [],
  keyImages: [],
};

describe('imaging selection', () => {
  const studies = orderedStudies(imaging);

  it('orders studies newest first (undated last) and series by number', () => {
    expect(studies.map((s) => s.studyInstanceUid)).toEqual(['2', '1', '3']);
    expect(studies[0]!.series.map((s) => s.seriesInstanceUid)).toEqual(['2.1.9', '2.1.1']);
  });

  it('opens the asked-for study, else the newest with images, skipping non-image series', () => {
    expect(initialSeries(studies, null)?.series.seriesInstanceUid).toBe('2.1.1');
    expect(initialSeries(studies, '1')?.series.seriesInstanceUid).toBe('1.1.1');
    expect(initialSeries(studies, 'unknown')?.series.seriesInstanceUid).toBe('2.1.1');
    expect(initialSeries([], null)).toBeNull();
  });

  it('compares with an older series of the same modality', () => {
    expect(comparisonSeries(studies, initialSeries(studies, null))?.series.seriesInstanceUid).toBe('1.1.1');
    expect(comparisonSeries(studies, initialSeries(studies, '3'))?.series.seriesInstanceUid).toBe('2.1.1');
  });

  it('numbers images frame by frame, as the viewer stacks them', () => {
    expect(imageCount(mrMultiframe)).toBe(6);
    expect(imageNumber(mrMultiframe, 'm2', 2)).toBe(6);
    expect(imageNumber(mrMultiframe, 'm1', 5)).toBeNull();
    expect(imageLabel(studies, { seriesInstanceUid: '2.1.1', sopInstanceUid: 'c2', frameNumber: 1 })).toBe('CT #1 Series 2.1.1 · Im 2/3');
  });
});
