// Turns the path under /api/dicomweb into one typed request (PS3.18 resources).
// Everything that reaches the store or the PACS went through here, so UIDs and
// frame numbers are validated once: a malformed one is a 400, never a lookup.
import { badRequest, notFound } from './dicomweb-error';

export interface ObjectUids {
  studyUid: string;
  seriesUid?: string;
  sopUid?: string;
}

export type QidoLevel = 'studies' | 'series' | 'instances';

export type DicomwebTarget =
  /** Search; studyUid/seriesUid narrow it when the query is under a study or series. */
  | { kind: 'qido'; level: QidoLevel; studyUid?: string; seriesUid?: string }
  | ({ kind: 'metadata' } & ObjectUids)
  /** The DICOM objects themselves (Part 10, multipart/related; type="application/dicom"). */
  | ({ kind: 'retrieve' } & ObjectUids)
  | { kind: 'frames'; studyUid: string; seriesUid: string; sopUid: string; frames: number[] }
  /** A bulk data element by tag path, e.g. bulk/7fe00010 (PixelData). */
  | { kind: 'bulk'; studyUid: string; seriesUid: string; sopUid: string; tagPath: string[] }
  /** Server-side rendering: only a PACS can do it (Konsil does not decode images). */
  | ({ kind: 'rendered' | 'thumbnail'; frames?: number[] } & ObjectUids)
  | { kind: 'wado-uri' };

const MAX_UID_LENGTH = 64;
const UID = /^[0-9]+(\.[0-9]+)*$/;

/** A DICOM UID: digits and dots, at most 64 characters (leading zeros tolerated: real files have them). */
export function isUid(value: string): boolean {
  return value.length <= MAX_UID_LENGTH && UID.test(value);
}

export function requireUid(value: string | null | undefined, what: string): string {
  if (!value) throw badRequest(`${what} is missing.`);
  if (!isUid(value)) throw badRequest(`${what} is not a valid DICOM UID: ${JSON.stringify(value.slice(0, 80))}.`);
  return value;
}

const MAX_FRAMES_PER_REQUEST = 2048;

/** "1,3,5" → [1, 3, 5]; frame numbers start at 1 (PS3.18 8.3.5.1). */
export function parseFrameList(value: string): number[] {
  const parts = value.split(',');
  if (parts.length > MAX_FRAMES_PER_REQUEST) throw badRequest(`At most ${MAX_FRAMES_PER_REQUEST} frames per request.`);
  return parts.map((part) => {
    if (!/^[1-9][0-9]{0,8}$/.test(part.trim())) {
      throw badRequest(`Frame numbers are integers from 1: ${JSON.stringify(value.slice(0, 80))} is not a frame list.`);
    }
    return Number(part.trim());
  });
}

const BULK_SEGMENT = /^([0-9a-fA-F]{8}|[0-9]{1,6})$/;
const RENDER_KINDS = new Set(['rendered', 'thumbnail']);

export function parseDicomwebPath(rawSegments: readonly string[]): DicomwebTarget {
  // Next passes decoded segments; a client that encoded the frame list's commas still gets them.
  const s = rawSegments.map((segment) => (segment.includes('%') ? safeDecode(segment) : segment));
  const unknown = () => notFound(`No DICOMweb resource at /${s.join('/')}.`);

  if (s.length === 1) {
    const [only] = s;
    if (only === 'studies' || only === 'series' || only === 'instances') return { kind: 'qido', level: only };
    if (only === 'wado') return { kind: 'wado-uri' };
    throw unknown();
  }
  if (s[0] !== 'studies' || s.length < 2) throw unknown();

  const studyUid = requireUid(s[1], 'StudyInstanceUID');
  if (s.length === 2) return { kind: 'retrieve', studyUid };
  const studyRest = s[2]!;
  if (s.length === 3) {
    if (studyRest === 'metadata') return { kind: 'metadata', studyUid };
    if (studyRest === 'series' || studyRest === 'instances') return { kind: 'qido', level: studyRest, studyUid };
    if (RENDER_KINDS.has(studyRest)) return { kind: studyRest as 'rendered' | 'thumbnail', studyUid };
    throw unknown();
  }
  if (studyRest !== 'series') throw unknown();

  const seriesUid = requireUid(s[3], 'SeriesInstanceUID');
  if (s.length === 4) return { kind: 'retrieve', studyUid, seriesUid };
  const seriesRest = s[4]!;
  if (s.length === 5) {
    if (seriesRest === 'metadata') return { kind: 'metadata', studyUid, seriesUid };
    if (seriesRest === 'instances') return { kind: 'qido', level: 'instances', studyUid, seriesUid };
    if (RENDER_KINDS.has(seriesRest)) return { kind: seriesRest as 'rendered' | 'thumbnail', studyUid, seriesUid };
    throw unknown();
  }
  if (seriesRest !== 'instances') throw unknown();

  const sopUid = requireUid(s[5], 'SOPInstanceUID');
  const uids = { studyUid, seriesUid, sopUid };
  if (s.length === 6) return { kind: 'retrieve', ...uids };
  const instanceRest = s[6]!;
  if (s.length === 7) {
    if (instanceRest === 'metadata') return { kind: 'metadata', ...uids };
    if (RENDER_KINDS.has(instanceRest)) return { kind: instanceRest as 'rendered' | 'thumbnail', ...uids };
    throw unknown();
  }
  if (instanceRest === 'frames') {
    const frames = parseFrameList(s[7]!);
    if (s.length === 8) return { kind: 'frames', ...uids, frames };
    if (s.length === 9 && RENDER_KINDS.has(s[8]!)) return { kind: s[8] as 'rendered' | 'thumbnail', ...uids, frames };
    throw unknown();
  }
  if (instanceRest === 'bulk') {
    const tagPath = s.slice(7);
    if (tagPath.length > 16 || !tagPath.every((segment) => BULK_SEGMENT.test(segment))) {
      throw badRequest('A bulk data path is a list of 8-digit hex tags and item numbers.');
    }
    return { kind: 'bulk', ...uids, tagPath: tagPath.map((segment) => segment.toLowerCase()) };
  }
  throw unknown();
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw badRequest('The path is not valid URL encoding.');
  }
}
