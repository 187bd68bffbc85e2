// WADO-RS metadata (PS3.18 8.3.5.2.3): the stored DICOM JSON of each instance,
// with PixelData and every other top-level value the importer left out as bulk
// data (binary values over 1 KiB, written `{ vr }`) pointing at Konsil's own bulk
// data endpoint. Left-out values inside sequences stay `{ vr }`: only top-level
// elements are served.
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

const BINARY_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'UN']);

/** The importer leaves a large binary value as `{ vr }` with nothing else: that is bulk data Konsil can serve. */
function isLeftOutBulk(attribute: DicomJson[string]): boolean {
  return BINARY_VRS.has(attribute.vr) && attribute.Value === undefined && attribute.InlineBinary === undefined;
}

export function instanceMetadata(instance: StoredInstance, studyUid: string, base: string): DicomJson {
  const stored = instance.metadata ?? {};
  const result: DicomJson = {};
  for (const [tag, attribute] of Object.entries(stored)) {
    if (tag === PIXEL_DATA) continue;
    if (isLeftOutBulk(attribute) || attribute.BulkDataURI !== undefined) {
      // Top-level values are served from the stored file; one the importer pointed elsewhere is not.
      result[tag] = isLeftOutBulk(attribute) ? { vr: attribute.vr, BulkDataURI: `${instanceUrl(base, studyUid, instance)}/bulk/${tag.toLowerCase()}` } : { vr: attribute.vr };
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
