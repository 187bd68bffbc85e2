// One uploaded file → either an object ready to store and index, a DICOMDIR
// index, or a rejection with a reason. Steps, each able to refuse the file:
//   sniff (Part 10? bare data set? not DICOM?) → File Meta → structural scan of
//   the whole data set (truncation) → dcmjs reads the values of everything but
//   the pixel data → DICOM JSON → required attributes → pixel data complete? →
//   sanitize the metadata → index fields.
// The file is parsed once: the scan gives the pixel data's offsets, and dcmjs
// is handed the data set with the pixel data cut out (no 100 MB copy).
//
// Bare data sets (no preamble, no File Meta, e.g. rtstruct.dcm) are stored as
// a proper Part 10 file: Konsil prepends File Meta Information naming the
// detected transfer syntax and the SOP class/instance from the data set. The
// data set bytes are unchanged, the wrapping is deterministic (same input →
// same stored bytes, so re-imports stay "unchanged"), and every reader
// downstream (WADO-RS, viewers) can rely on a Part 10 file.
import { inflateRawSync } from 'node:zlib';
import dcmjs, { type DcmjsDict } from 'dcmjs';
import { DicomReadError } from './dicom-read-error';
import type { DicomJsonDataset } from './dicom-json';
import { firstString } from './dicom-json';
import { readDicomDirIndex, type DicomDirIndex } from './dicomdir';
import { buildFileMeta, hasPart10Marker, META_START, readFileMeta, readUid } from './file-meta';
import { assertRequiredAttributes, readIndexFields, type DicomIndexFields } from './index-fields';
import { sanitizeMetadata } from './sanitize-metadata';
import { scanDataset, type ScannedElement, type ScanResult } from './scan-dataset';
import { sniffDicom } from './sniff';
import { isImageObject, MEDIA_STORAGE_DIRECTORY_SOP_CLASS } from './sop-classes';
import { tags } from './tags';
import { toDicomJson } from './to-dicom-json';
import {
  encodingOf,
  EXPLICIT_VR_LITTLE_ENDIAN,
  isDeflated,
  isEncapsulated,
  isKnownTransferSyntax,
  transferSyntaxName,
  transferSyntaxOf,
  type Encoding,
} from './transfer-syntax';
import { validatePixelData } from './validate-pixel-data';

export interface ParsedDicomObject {
  kind: 'object';
  /** The Part 10 bytes to store: the upload itself, or the upload wrapped in File Meta Information. */
  bytes: Uint8Array;
  wrapped: boolean;
  transferSyntaxUid: string;
  metadata: DicomJsonDataset;
  fields: DicomIndexFields;
  isImage: boolean;
  warnings: string[];
}

export type ParsedDicomFile =
  | ParsedDicomObject
  | { kind: 'directory'; index: DicomDirIndex; warnings: string[] }
  | { kind: 'rejected'; reason: string };

export interface ParseOptions {
  /** IANA zone in which study dates/times without an offset are read. */
  timeZone: string;
}

/** Cap on an inflated (deflate transfer syntax) data set, against decompression bombs. */
const MAX_INFLATED_BYTES = 1024 * 1024 * 1024;

export function parseDicomFile(input: Uint8Array, options: ParseOptions): ParsedDicomFile {
  try {
    return parse(input, options);
  } catch (error) {
    if (error instanceof DicomReadError) return { kind: 'rejected', reason: error.reason };
    // A reader bug must cost one file, not the whole import.
    console.error('DICOM import: unexpected error while reading a file', error);
    return { kind: 'rejected', reason: 'the file could not be read (unexpected error; details are in the server log)' };
  }
}

function parse(input: Uint8Array, options: ParseOptions): ParsedDicomFile {
  const warnings: string[] = [];
  const sniffed = sniffDicom(input);
  if (sniffed.kind === 'not-dicom') return { kind: 'rejected', reason: sniffed.reason };

  let stored: Uint8Array;
  let dataset: Uint8Array;
  let datasetStart: number;
  let transferSyntaxUid: string;
  let scan: ScanResult | undefined;
  let mediaStorageSopClassUid: string | undefined;
  let mediaStorageSopInstanceUid: string | undefined;

  if (sniffed.kind === 'dataset') {
    scan = scanGuessedDataset(input, sniffed.encoding);
    transferSyntaxUid = transferSyntaxOf(sniffed.encoding);
    stored = wrapDataset(input, scan, transferSyntaxUid);
    dataset = input;
    datasetStart = 0;
    warnings.push(
      `the file is a bare data set without File Meta Information: stored as a Part 10 file with File Meta Information added (${transferSyntaxName(transferSyntaxUid)} detected)`,
    );
  } else {
    if (sniffed.kind === 'meta-without-preamble') {
      stored = new Uint8Array(META_START + input.length);
      stored.set([0x44, 0x49, 0x43, 0x4d], 128);
      stored.set(input, META_START);
      warnings.push('the file has no 128-byte preamble and "DICM" marker: stored with them added');
    } else {
      stored = input;
    }
    if (!hasPart10Marker(stored)) throw new DicomReadError('not a DICOM file');
    const meta = readFileMeta(stored, META_START);
    mediaStorageSopClassUid = meta.mediaStorageSopClassUid;
    mediaStorageSopInstanceUid = meta.mediaStorageSopInstanceUid;
    if (meta.transferSyntaxUid) {
      transferSyntaxUid = meta.transferSyntaxUid;
    } else {
      transferSyntaxUid = EXPLICIT_VR_LITTLE_ENDIAN;
      warnings.push('the File Meta Information has no Transfer Syntax UID (0002,0010): read as Explicit VR Little Endian');
    }
    if (!isKnownTransferSyntax(transferSyntaxUid)) {
      warnings.push(`unknown ${transferSyntaxName(transferSyntaxUid)}: stored, but viewers may not be able to decode it`);
    }
    if (isDeflated(transferSyntaxUid)) {
      dataset = inflate(stored.subarray(meta.datasetStart));
      datasetStart = 0;
    } else {
      dataset = stored;
      datasetStart = meta.datasetStart;
    }
    scan = scanDataset(dataset, datasetStart, encodingOf(transferSyntaxUid));
  }
  warnings.push(...scan.warnings);

  const encoding = encodingOf(transferSyntaxUid);
  const pixel = scan.elements.find((e) => e.tag === 0x7fe00010 || e.tag === 0x7fe00008 || e.tag === 0x7fe00009);
  const metadata = readValues(dataset, scan, pixel, isDeflated(transferSyntaxUid) ? EXPLICIT_VR_LITTLE_ENDIAN : transferSyntaxUid, encoding, warnings);
  restoreUids(metadata, scan, dataset);
  if (pixel) metadata[hexTag(pixel.tag)] = { vr: pixel.vr ?? (pixel.tag === 0x7fe00010 ? 'OW' : pixel.tag === 0x7fe00008 ? 'OF' : 'OD') };

  if (mediaStorageSopClassUid === MEDIA_STORAGE_DIRECTORY_SOP_CLASS || metadata[tags.DirectoryRecordSequence]) {
    const index = readDicomDirIndex(metadata);
    return { kind: 'directory', index, warnings: [...warnings, ...index.warnings] };
  }

  assertRequiredAttributes(metadata);
  const sopInstanceUid = firstString(metadata, tags.SOPInstanceUID)!;
  if (mediaStorageSopInstanceUid && mediaStorageSopInstanceUid !== sopInstanceUid) {
    warnings.push(`Media Storage SOP Instance UID (0002,0003) differs from SOP Instance UID (0008,0018); the data set's UID is used`);
  }
  if (pixel) validatePixelData(pixel, metadata, isEncapsulated(transferSyntaxUid), warnings);
  sanitizeMetadata(metadata, warnings);
  const fields = readIndexFields(metadata, { timeZone: options.timeZone }, warnings);
  return {
    kind: 'object',
    bytes: stored,
    wrapped: stored !== input,
    transferSyntaxUid,
    metadata,
    fields,
    isImage: isImageObject(fields.instance.sopClassUid, pixel !== undefined),
    warnings: [...new Set(warnings)],
  };
}

/** A guessed bare data set that breaks within its first elements was never DICOM. */
function scanGuessedDataset(input: Uint8Array, encoding: Encoding): ScanResult {
  try {
    const scan = scanDataset(input, 0, encoding);
    if (scan.elements.length < 3 || scan.outOfOrder > scan.elements.length / 4) {
      throw new DicomReadError('not a DICOM file: the start looks like a DICOM data set, but the rest is not one', 0);
    }
    return scan;
  } catch (error) {
    if (error instanceof DicomReadError && error.elementsRead < 3) {
      throw new DicomReadError('not a DICOM file: no "DICM" marker at byte 128 and no readable DICOM data set at the start');
    }
    throw error;
  }
}

function wrapDataset(input: Uint8Array, scan: ScanResult, transferSyntaxUid: string): Uint8Array {
  const uid = (tag: number) => {
    const element = scan.elements.find((e) => e.tag === tag);
    return element ? readUid(input, element.valueOffset, element.valueLength) : '';
  };
  const sopClassUid = uid(0x00080016);
  const sopInstanceUid = uid(0x00080018);
  if (!sopClassUid || !sopInstanceUid) {
    // Same wording as the required-attribute check, which a Part 10 file would meet later.
    assertRequiredAttributes({
      [tags.SOPClassUID]: { vr: 'UI', ...(sopClassUid ? { Value: [sopClassUid] } : {}) },
      [tags.SOPInstanceUID]: { vr: 'UI', ...(sopInstanceUid ? { Value: [sopInstanceUid] } : {}) },
      [tags.StudyInstanceUID]: { vr: 'UI', Value: ['1'] },
      [tags.SeriesInstanceUID]: { vr: 'UI', Value: ['1'] },
      [tags.Modality]: { vr: 'CS', Value: ['OT'] },
    });
  }
  const meta = buildFileMeta({ sopClassUid, sopInstanceUid, transferSyntaxUid });
  const out = new Uint8Array(meta.length + input.length);
  out.set(meta, 0);
  out.set(input, meta.length);
  return out;
}

function inflate(deflated: Uint8Array): Uint8Array {
  try {
    return inflateRawSync(deflated, { maxOutputLength: MAX_INFLATED_BYTES });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    if (/unexpected end/i.test(detail)) throw new DicomReadError('file is truncated: the deflated data set ends before its compressed stream does');
    throw new DicomReadError(`the deflated data set cannot be decompressed (${detail})`);
  }
}

/**
 * dcmjs reads a minimal Part 10 buffer: File Meta naming the transfer syntax,
 * then the data set without its top-level pixel data element and without its
 * top-level group lengths (gggg,0000), which the metadata drops anyway. Leaving
 * those out keeps a file made of thousands of zero-length (0000,0000) elements
 * from costing dcmjs a second per few MB.
 */
function readValues(
  dataset: Uint8Array,
  scan: ScanResult,
  pixel: ScannedElement | undefined,
  transferSyntaxUid: string,
  encoding: Encoding,
  warnings: string[],
): DicomJsonDataset {
  const header = buildFileMeta({ sopClassUid: '1', sopInstanceUid: '1', transferSyntaxUid });
  // Top-level elements are contiguous, so what dcmjs reads is a few runs of them.
  const runs: Array<[start: number, end: number]> = [];
  for (const element of scan.elements) {
    if (element === pixel || (element.tag & 0xffff) === 0) continue;
    const last = runs[runs.length - 1];
    if (last && last[1] === element.headerOffset) last[1] = element.end;
    else runs.push([element.headerOffset, element.end]);
  }
  const buffer = new Uint8Array(header.length + runs.reduce((sum, [start, end]) => sum + end - start, 0));
  buffer.set(header, 0);
  let at = header.length;
  for (const [start, end] of runs) {
    buffer.set(dataset.subarray(start, end), at);
    at += end - start;
  }
  const dict = readWithDcmjs(buffer.buffer, dataset.length, warnings);
  return toDicomJson(dict, { littleEndian: encoding.littleEndian }, warnings);
}

function readWithDcmjs(buffer: ArrayBuffer, fileLength: number, warnings: string[]): DcmjsDict {
  try {
    return dcmjs.data.DicomMessage.readFile(buffer).dict;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/character set/i.test(message)) {
      // dcmjs refuses some Specific Character Set values (several code extensions);
      // read again with its fallback decoding rather than refuse the image.
      warnings.push(`text may be shown with wrong characters: ${message}`);
      return dcmjs.data.DicomMessage.readFile(buffer, { ignoreErrors: true }).dict;
    }
    if (/more than currently allocated|past end of input|out of bounds|offset is outside/i.test(message)) {
      throw new DicomReadError(`file is truncated at byte ${fileLength}: an element runs past the end of the data`);
    }
    throw new DicomReadError(`the file is damaged and could not be read (${message})`);
  }
}

/**
 * dcmjs silently deletes every character of a UI value that is not a digit or a
 * dot ("1.2.3a" becomes "1.2.3"), which would index a UID the file does not
 * hold. Top-level UIDs are re-read from the bytes, so a bad one is refused as it is.
 */
function restoreUids(metadata: DicomJsonDataset, scan: ScanResult, dataset: Uint8Array): void {
  for (const element of scan.elements) {
    const key = hexTag(element.tag);
    if (metadata[key]?.vr !== 'UI' || element.undefinedLength) continue;
    const values = readUid(dataset, element.valueOffset, element.valueLength)
      .split('\\')
      .map((v) => v.replace(/\0/g, '').trim() || null);
    if (values.some((v) => v !== null)) metadata[key] = { vr: 'UI', Value: values };
  }
}

function hexTag(tag: number): string {
  return tag.toString(16).toUpperCase().padStart(8, '0');
}
