// WADO-RS metadata (PS3.18 8.3.5.2.3): the stored DICOM JSON of each instance,
// with PixelData pointing at Konsil's own bulk data endpoint. The importer keeps
// bulk data out of `metadata`; any other bulk reference it left is dropped here,
// because only PixelData can be served.
import type { StoredInstance } from '@/lib/db/imaging';
import { attr, type DicomJson } from './dicom-json';

export const PIXEL_DATA = '7FE00010';

export function instanceUrl(base: string, studyUid: string, instance: Pick<StoredInstance, 'seriesInstanceUid' | 'sopInstanceUid'>): string {
  return `${base}/studies/${studyUid}/series/${instance.seriesInstanceUid}/instances/${instance.sopInstanceUid}`;
}

/** True when the object has pixel data to serve as frames. */
export function hasPixelData(instance: Pick<StoredInstance, 'isImage'>, metadata: DicomJson): boolean {
  return PIXEL_DATA in metadata || (instance.isImage && '00280010' in metadata);
}

export function instanceMetadata(instance: StoredInstance, studyUid: string, base: string): DicomJson {
  const stored = instance.metadata ?? {};
  const result: DicomJson = {};
  for (const [tag, attribute] of Object.entries(stored)) {
    if (tag === PIXEL_DATA) continue;
    if (attribute.BulkDataURI !== undefined) {
      result[tag] = { vr: attribute.vr };
      continue;
    }
    result[tag] = attribute;
  }
  if (hasPixelData(instance, stored)) {
    const bitsAllocated = Number(stored['00280100']?.Value?.[0] ?? 16);
    const vr = stored[PIXEL_DATA]?.vr ?? (bitsAllocated > 8 ? 'OW' : 'OB');
    result[PIXEL_DATA] = { vr, BulkDataURI: `${instanceUrl(base, studyUid, instance)}/bulk/7fe00010` };
  }
  if (instance.transferSyntaxUid && !('00083002' in result)) result['00083002'] = attr('UI', instance.transferSyntaxUid);
  return result;
}
