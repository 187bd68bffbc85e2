// QIDO-RS result objects (PS3.18 Tables 6.7.1-2, -2a, -2b): the required
// attributes of each level, built from the index (UIDs, counts) and from the
// stored dataset of the level's first instance (names, dates, descriptions),
// plus whatever includefield and the matching keys asked for.
import type { InstanceHit, SeriesHit, StudyHit } from '@/lib/db/imaging';
import { attr, type DicomAttribute, type DicomJson } from './dicom-json';
import type { QidoQuery } from './qido-query';

const PATIENT_AND_STUDY_TAGS = ['00080005', '00080020', '00080030', '00080050', '00080090', '00080201', '00081030', '00100010', '00100020', '00100021', '00100030', '00100040', '00200010'];
const SERIES_TAGS = ['00080021', '00080031', '0008103E', '00400244', '00400245', '00180015'];
const INSTANCE_TAGS = ['00080008', '00080016', '00080018', '00200013', '00280010', '00280011', '00280100'];
/** Read from the stored dataset by fromSample (the study's) and by instanceResult (series attributes of an instance). */
const OTHER_SOURCE_TAGS = ['00080060', '0008103E', '00200011'];
const SOURCE_TAGS = [...new Set([...PATIENT_AND_STUDY_TAGS, ...SERIES_TAGS, ...INSTANCE_TAGS, ...OTHER_SOURCE_TAGS])];

/**
 * The top-level tags of the stored dataset the result builders below read for this
 * query (matching keys are in includeTags); undefined when they read all of them
 * (includefield=all). The index selects only these, so a search over thousands of
 * instances does not load every instance's whole dataset. Keep in step with the builders.
 */
export function metadataTagsFor(query: QidoQuery): string[] | undefined {
  if (query.includeAll) return undefined;
  return [...new Set([...SOURCE_TAGS, ...query.includeTags])];
}

/** Tag in the stored dataset, or a fallback from the index, or empty (still present: Type 2 semantics). */
function fromSample(sample: DicomJson, tag: string, fallback: DicomAttribute): DicomAttribute {
  const stored = sample[tag];
  return stored && (stored.Value?.length ?? 0) > 0 ? stored : fallback;
}

function copyPresent(target: DicomJson, sample: DicomJson, tags: readonly string[]): void {
  for (const tag of tags) {
    const stored = sample[tag];
    if (stored && !Object.hasOwn(target, tag)) target[tag] = stored;
  }
}

/** includefield (named tags, or every non-bulk attribute for "all"). */
function addIncluded(target: DicomJson, sample: DicomJson, query: QidoQuery): void {
  const tags = query.includeAll ? Object.keys(sample) : query.includeTags;
  for (const tag of tags) {
    if (Object.hasOwn(target, tag) || tag.startsWith('7FE0') || tag.startsWith('0002')) continue;
    const stored = sample[tag];
    if (!stored || stored.BulkDataURI !== undefined || stored.InlineBinary !== undefined) continue;
    target[tag] = stored;
  }
}

function dicomDate(date: Date | null): string | undefined {
  return date ? date.toISOString().slice(0, 10).replace(/-/g, '') : undefined;
}

function sorted(result: DicomJson): DicomJson {
  return Object.fromEntries(Object.entries(result).sort(([a], [b]) => a.localeCompare(b)));
}

export function studyResult(hit: StudyHit, base: string, query: QidoQuery): DicomJson {
  const s = hit.sample;
  const modalities = [...new Set(hit.series.map((series) => series.modality))].sort();
  const result: DicomJson = {
    '00080020': fromSample(s, '00080020', attr('DA', dicomDate(hit.studyDate))),
    '00080030': fromSample(s, '00080030', attr('TM')),
    '00080050': fromSample(s, '00080050', attr('SH', hit.accessionNumber)),
    '00080056': attr('CS', 'ONLINE'),
    '00080061': attr('CS', ...modalities),
    '00080090': fromSample(s, '00080090', attr('PN')),
    '00081030': fromSample(s, '00081030', attr('LO', hit.description)),
    '00081190': attr('UR', `${base}/studies/${hit.studyInstanceUid}`),
    '00100010': fromSample(s, '00100010', attr('PN')),
    '00100020': fromSample(s, '00100020', attr('LO')),
    '00100030': fromSample(s, '00100030', attr('DA')),
    '00100040': fromSample(s, '00100040', attr('CS')),
    '0020000D': attr('UI', hit.studyInstanceUid),
    '00200010': fromSample(s, '00200010', attr('SH')),
    '00201206': attr('IS', hit.series.length),
    '00201208': attr('IS', hit.series.reduce((sum, series) => sum + series.instanceCount, 0)),
  };
  copyPresent(result, s, ['00080005', '00080201', '00100021']);
  addIncluded(result, s, query);
  return sorted(result);
}

/** `withStudy`: an all-series search also returns the study's attributes (Table 6.7.1-2a). */
export function seriesResult(hit: SeriesHit, base: string, query: QidoQuery, withStudy: boolean): DicomJson {
  const s = hit.sample;
  const result: DicomJson = {
    '00080056': attr('CS', 'ONLINE'),
    '00080060': attr('CS', hit.modality),
    '0008103E': fromSample(s, '0008103E', attr('LO', hit.description)),
    '00081190': attr('UR', `${base}/studies/${hit.study.studyInstanceUid}/series/${hit.seriesInstanceUid}`),
    '0020000D': attr('UI', hit.study.studyInstanceUid),
    '0020000E': attr('UI', hit.seriesInstanceUid),
    '00200011': attr('IS', hit.seriesNumber),
    '00201209': attr('IS', hit.instanceCount),
  };
  copyPresent(result, s, SERIES_TAGS);
  if (withStudy) copyPresent(result, s, PATIENT_AND_STUDY_TAGS);
  addIncluded(result, s, query);
  return sorted(result);
}

export function instanceResult(hit: InstanceHit, base: string, query: QidoQuery, withStudyAndSeries: boolean): DicomJson {
  const m = hit.metadata;
  const result: DicomJson = {
    '00080016': attr('UI', hit.sopClassUid),
    '00080018': attr('UI', hit.sopInstanceUid),
    '00080056': attr('CS', 'ONLINE'),
    '00081190': attr('UR', `${base}/studies/${hit.study.studyInstanceUid}/series/${hit.seriesInstanceUid}/instances/${hit.sopInstanceUid}`),
    '0020000D': attr('UI', hit.study.studyInstanceUid),
    '0020000E': attr('UI', hit.seriesInstanceUid),
    '00200013': attr('IS', hit.instanceNumber),
    '00280008': attr('IS', hit.numberOfFrames),
  };
  if (hit.rows !== null) result['00280010'] = attr('US', hit.rows);
  if (hit.columns !== null) result['00280011'] = attr('US', hit.columns);
  if (hit.transferSyntaxUid) result['00083002'] = attr('UI', hit.transferSyntaxUid);
  copyPresent(result, m, INSTANCE_TAGS);
  if (withStudyAndSeries) copyPresent(result, m, [...PATIENT_AND_STUDY_TAGS, '00080060', '0008103E', '00200011']);
  addIncluded(result, m, query);
  return sorted(result);
}
