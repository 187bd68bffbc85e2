// Decides from the first bytes what a file is, before any parser sees it: a
// Part 10 file ("DICM" at byte 128), a bare data set (no preamble, no meta, as
// some old systems and RT planning tools write), or not DICOM at all. Only a
// few header bytes are read, so a 100 MB video is refused at once.
import { VALID_VRS } from './scan-dataset';
import { hasPart10Marker } from './file-meta';
import type { Encoding } from './transfer-syntax';

export type Sniffed =
  | { kind: 'part10' }
  /** Group 0002 at byte 0: the meta is there but the preamble and "DICM" are not. */
  | { kind: 'meta-without-preamble' }
  | { kind: 'dataset'; encoding: Encoding }
  | { kind: 'not-dicom'; reason: string };

export function sniffDicom(bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) return { kind: 'not-dicom', reason: 'the file is empty' };
  if (hasPart10Marker(bytes)) return { kind: 'part10' };
  const guess = guessDataset(bytes);
  if (guess) return guess;
  return { kind: 'not-dicom', reason: `not a DICOM file: ${whatItLooksLike(bytes)} (no "DICM" marker at byte 128 and no DICOM data set at the start)` };
}

/** Bare data sets start with a low even group (0002 meta or 0008 identification) and a plausible first element. */
function guessDataset(bytes: Uint8Array): Sniffed | null {
  if (bytes.length < 8) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const vr = String.fromCharCode(bytes[4]!, bytes[5]!);
  const explicit = VALID_VRS.has(vr);
  const groupLe = view.getUint16(0, true);
  if (groupLe === 0x0002 && explicit) return { kind: 'meta-without-preamble' };
  if (groupLe === 0x0008) {
    if (explicit) return { kind: 'dataset', encoding: { explicitVr: true, littleEndian: true } };
    const length = view.getUint32(4, true);
    if (length <= bytes.length - 8 && length < 0x10000) return { kind: 'dataset', encoding: { explicitVr: false, littleEndian: true } };
  }
  if (view.getUint16(0, false) === 0x0008 && explicit) return { kind: 'dataset', encoding: { explicitVr: true, littleEndian: false } };
  return null;
}

const signatures: Array<[number[], string]> = [
  [[0xff, 0xd8, 0xff], 'it looks like a JPEG image'],
  [[0x89, 0x50, 0x4e, 0x47], 'it looks like a PNG image'],
  [[0x47, 0x49, 0x46, 0x38], 'it looks like a GIF image'],
  [[0x49, 0x49, 0x2a, 0x00], 'it looks like a TIFF image'],
  [[0x4d, 0x4d, 0x00, 0x2a], 'it looks like a TIFF image'],
  [[0x25, 0x50, 0x44, 0x46], 'it looks like a PDF document'],
  [[0x50, 0x4b, 0x03, 0x04], 'it looks like a ZIP archive (unpack it and import the files inside)'],
  [[0x1f, 0x8b], 'it looks like a gzip archive (unpack it and import the files inside)'],
  [[0x37, 0x7a, 0xbc, 0xaf], 'it looks like a 7-Zip archive (unpack it and import the files inside)'],
];

function whatItLooksLike(bytes: Uint8Array): string {
  for (const [magic, description] of signatures) {
    if (magic.every((byte, i) => bytes[i] === byte)) return description;
  }
  const head = bytes.subarray(0, 512);
  const printable = head.filter((b) => b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127) || b >= 0xc2).length;
  if (printable / head.length > 0.95) return 'it looks like a text file';
  return `${bytes.length} bytes of unrecognised data`;
}
