// File Meta Information (PS3.10 7.1): the 128-byte preamble, "DICM", and group
// 0002 in explicit VR little endian, which says how the rest is encoded.
import { DicomReadError } from './dicom-read-error';
import { scanDataset } from './scan-dataset';

export const PREAMBLE_LENGTH = 128;
export const META_START = PREAMBLE_LENGTH + 4;

/** Identifies files written by Konsil's wrapper (a UUID-derived UID, PS3.5 B.2: Konsil has no registered root). */
export const KONSIL_IMPLEMENTATION_CLASS_UID = '2.25.209663055652245884846155482965525906031';
export const KONSIL_IMPLEMENTATION_VERSION = 'KONSIL_1';

export interface FileMeta {
  /** Offset of the data set (first byte after group 0002). */
  datasetStart: number;
  transferSyntaxUid: string | undefined;
  mediaStorageSopClassUid: string | undefined;
  mediaStorageSopInstanceUid: string | undefined;
}

export function hasPart10Marker(bytes: Uint8Array): boolean {
  return bytes.length >= META_START && bytes[128] === 0x44 && bytes[129] === 0x49 && bytes[130] === 0x43 && bytes[131] === 0x4d;
}

/**
 * Reads group 0002 starting at `start` (132 in a Part 10 file, 0 for a file
 * that has the meta group but lost its preamble). Trusts element boundaries
 * rather than the group length, which writers often get wrong.
 */
export function readFileMeta(bytes: Uint8Array, start: number): FileMeta {
  const explicitLe = { explicitVr: true, littleEndian: true };
  // Scan only the group 0002 prefix: find where the group ends by walking headers.
  let end = start;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  while (end + 8 <= bytes.length && view.getUint16(end, true) === 0x0002) {
    const vr = String.fromCharCode(bytes[end + 4]!, bytes[end + 5]!);
    const long = ['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV'].includes(vr);
    const length = long ? (end + 12 <= bytes.length ? view.getUint32(end + 8, true) : 0) : view.getUint16(end + 6, true);
    end += (long ? 12 : 8) + length;
  }
  if (end === start) throw new DicomReadError('the File Meta Information (group 0002) is missing after the "DICM" marker');
  if (end > bytes.length) {
    throw new DicomReadError(`file is truncated at byte ${bytes.length}: the File Meta Information (group 0002) needs bytes up to ${end}`);
  }
  const meta = scanDataset(bytes.subarray(0, end), start, explicitLe);
  const strings = new Map<number, string>();
  for (const element of meta.elements) {
    if (element.vr === 'UI') strings.set(element.tag, readUid(bytes, element.valueOffset, element.valueLength));
  }
  return {
    datasetStart: end,
    transferSyntaxUid: strings.get(0x00020010) || undefined,
    mediaStorageSopClassUid: strings.get(0x00020002) || undefined,
    mediaStorageSopInstanceUid: strings.get(0x00020003) || undefined,
  };
}

/** A UI value: ASCII, padded with NUL or (wrongly, but often) spaces. */
export function readUid(bytes: Uint8Array, offset: number, length: number): string {
  let text = '';
  for (let i = offset; i < offset + length; i++) text += String.fromCharCode(bytes[i]!);
  return text.replace(/[\0 ]+$/, '').trim();
}

/**
 * Preamble + "DICM" + group 0002 for a data set that arrived without them
 * (PS3.10 7.1; values padded to even length, UIDs with NUL, the group length first).
 */
export function buildFileMeta(input: { sopClassUid: string; sopInstanceUid: string; transferSyntaxUid: string }): Uint8Array {
  const elements = [
    element(0x0001, 'OB', Uint8Array.of(0x00, 0x01)),
    element(0x0002, 'UI', ascii(input.sopClassUid, 0)),
    element(0x0003, 'UI', ascii(input.sopInstanceUid, 0)),
    element(0x0010, 'UI', ascii(input.transferSyntaxUid, 0)),
    element(0x0012, 'UI', ascii(KONSIL_IMPLEMENTATION_CLASS_UID, 0)),
    element(0x0013, 'SH', ascii(KONSIL_IMPLEMENTATION_VERSION, 0x20)),
  ];
  const groupLength = elements.reduce((sum, e) => sum + e.length, 0);
  const lengthElement = element(0x0000, 'UL', new Uint8Array(new Uint32Array([groupLength]).buffer));
  const out = new Uint8Array(META_START + lengthElement.length + groupLength);
  out.set([0x44, 0x49, 0x43, 0x4d], PREAMBLE_LENGTH);
  let pos = META_START;
  for (const e of [lengthElement, ...elements]) {
    out.set(e, pos);
    pos += e.length;
  }
  return out;
}

function ascii(text: string, pad: number): Uint8Array {
  const bytes = new Uint8Array(text.length + (text.length % 2));
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0x7f;
  if (text.length % 2) bytes[text.length] = pad;
  return bytes;
}

function element(elementNumber: number, vr: string, value: Uint8Array): Uint8Array {
  const long = vr === 'OB';
  const out = new Uint8Array((long ? 12 : 8) + value.length);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0x0002, true);
  view.setUint16(2, elementNumber, true);
  out[4] = vr.charCodeAt(0);
  out[5] = vr.charCodeAt(1);
  if (long) view.setUint32(8, value.length, true);
  else view.setUint16(6, value.length, true);
  out.set(value, long ? 12 : 8);
  return out;
}
