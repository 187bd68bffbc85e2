// One series as a cornerstone stack: its WADO-RS metadata fetched once from Konsil's
// DICOMweb endpoint (or the PACS behind it) with the user's session, registered with
// the image loader, and the image ids in the order the server gave the instances.
//
// Why wadors and not wadouri: one metadata request gives the geometry of every image
// before any pixels arrive, so the stack knows its length, slice positions (for the
// side-by-side sync) and frame of reference up front, and each image then fetches only
// its pixel data (…/frames/n), never the whole Part 10 file. Multi-frame objects become
// one image id per frame, which wadouri would have to parse the whole file to know.
import { metaData, type Types } from '@cornerstonejs/core';
import { wadors } from '@cornerstonejs/dicom-image-loader';
import type { CaseImagingSeriesDto } from '@/lib/schemas/case-screen';
import { dicomwebRoot, forgetSeriesMetadata, SeriesLoadError, seriesMetadata, type DicomJsonInstance } from './series-metadata';
import { positionsAlongNormal, type PlaneGeometry, type Vec3 } from './slice-position';

export interface ImageRef {
  sopInstanceUid: string;
  /** 1-based, as in DICOMweb and Konsil's measurements. */
  frameNumber: number;
}

export interface SeriesStack {
  studyInstanceUid: string;
  seriesInstanceUid: string;
  modality: string;
  description: string;
  frameOfReferenceUid: string | null;
  imageIds: string[];
  /** Parallel to imageIds. */
  refs: ImageRef[];
  planes: (PlaneGeometry | null)[];
  along: { normal: Vec3 | null; positions: (number | null)[] };
}

const SOP_INSTANCE_UID = '00080018';
const NUMBER_OF_FRAMES = '00280008';

export function imageIdFor(studyUid: string, seriesUid: string, ref: ImageRef): string {
  return `wadors:${dicomwebRoot()}/studies/${studyUid}/series/${seriesUid}/instances/${ref.sopInstanceUid}/frames/${ref.frameNumber}`;
}

/** sop/frame back from an image id this module built. */
export function refForImageId(imageId: string): ImageRef | null {
  const match = /\/instances\/([0-9.]+)\/frames\/(\d+)$/.exec(imageId);
  return match ? { sopInstanceUid: match[1]!, frameNumber: Number(match[2]) } : null;
}

const stacks = new Map<string, Promise<SeriesStack>>();

function first(attribute: DicomJsonInstance[string]): unknown {
  return attribute?.Value?.[0];
}

function planeOf(imageId: string): PlaneGeometry | null {
  const plane = metaData.get('imagePlaneModule', imageId) as Types.ImagePlaneModule | undefined;
  const position = plane?.imagePositionPatient;
  const row = plane?.rowCosines;
  const column = plane?.columnCosines;
  if (!position || !row || !column || position.length < 3 || row.length < 3 || column.length < 3) return null;
  return {
    position: [Number(position[0]), Number(position[1]), Number(position[2])],
    orientation: [Number(row[0]), Number(row[1]), Number(row[2]), Number(column[0]), Number(column[1]), Number(column[2])],
  };
}

async function buildStack(studyUid: string, series: CaseImagingSeriesDto): Promise<SeriesStack> {
  const instances = await seriesMetadata(studyUid, series.seriesInstanceUid);
  const bySop = new Map<string, DicomJsonInstance>();
  for (const instance of instances) {
    const sop = first(instance[SOP_INSTANCE_UID]);
    if (typeof sop === 'string') bySop.set(sop, instance);
  }
  const imageIds: string[] = [];
  const refs: ImageRef[] = [];
  // The case screen lists image instances in display order; instances the server does
  // not return (removed since the page loaded) are skipped rather than shown broken.
  for (const dto of series.instances) {
    if (!dto.isImage) continue;
    const json = bySop.get(dto.sopInstanceUid);
    if (!json) continue;
    const frames = Math.max(1, Number(first(json[NUMBER_OF_FRAMES]) ?? dto.numberOfFrames) || 1);
    // The loader keeps a multi-frame object's metadata under its frame-1 id and derives the others.
    wadors.metaDataManager.add(imageIdFor(studyUid, series.seriesInstanceUid, { sopInstanceUid: dto.sopInstanceUid, frameNumber: 1 }), json as never);
    for (let frameNumber = 1; frameNumber <= frames; frameNumber += 1) {
      const ref = { sopInstanceUid: dto.sopInstanceUid, frameNumber };
      refs.push(ref);
      imageIds.push(imageIdFor(studyUid, series.seriesInstanceUid, ref));
    }
  }
  if (imageIds.length === 0) throw new SeriesLoadError('The series has no images the viewer can show.', null);
  const planes = imageIds.map(planeOf);
  const firstJson = bySop.get(refs[0]!.sopInstanceUid)!;
  const description = series.description ?? (typeof first(firstJson['0008103E']) === 'string' ? (first(firstJson['0008103E']) as string) : '');
  return {
    studyInstanceUid: studyUid,
    seriesInstanceUid: series.seriesInstanceUid,
    modality: series.modality,
    description: description || `Series ${series.seriesNumber ?? ''}`.trim(),
    // As the stack viewport will see it (imagePlaneModule), which is what annotations are grouped by.
    frameOfReferenceUid: (metaData.get('imagePlaneModule', imageIds[0]!) as { frameOfReferenceUID?: string } | undefined)?.frameOfReferenceUID ?? series.frameOfReferenceUid,
    imageIds,
    refs,
    planes,
    along: positionsAlongNormal(planes),
  };
}

/** The series' stack, fetched once per page (concurrent callers share the request; a failure is retried next time). */
export function loadSeriesStack(studyUid: string, series: CaseImagingSeriesDto): Promise<SeriesStack> {
  const key = series.seriesInstanceUid;
  let pending = stacks.get(key);
  if (!pending) {
    pending = buildStack(studyUid, series);
    stacks.set(key, pending);
    pending.catch(() => stacks.delete(key));
  }
  return pending;
}

/** Forgets fetched series (the panel unmounted; the next visit fetches fresh metadata). */
export function forgetSeriesStacks(): void {
  stacks.clear();
  forgetSeriesMetadata();
  wadors.metaDataManager.purge();
}
