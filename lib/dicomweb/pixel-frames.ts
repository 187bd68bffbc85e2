// Cuts one frame out of a stored Part 10 file, as WADO-RS /frames serves it.
//   native pixel data:        by offset (rows × columns × samples × bits allocated;
//                             YBR_FULL_422 stores 2 samples per pixel, PS3.3 C.7.6.3.1.2)
//   encapsulated pixel data:  the fragments of that frame, concatenated, exactly as stored
// Konsil has no codecs on the server: nothing is decoded or re-encoded here.
import { parseStoredDicom, type DataSet, type Element, type Fragment, type ParseStoredOptions } from './dicom-parser';
import { DicomwebError } from './dicomweb-error';
import { EXPLICIT_VR_BE, frameStartMarker, isEncapsulated } from './transfer-syntax';

export interface StoredPixelData {
  transferSyntaxUid: string;
  numberOfFrames: number;
  encapsulated: boolean;
  bitsAllocated: number;
  /** Bytes this object keeps alive (the parsed, for deflated files inflated, file; plus a byte-swapped copy for big endian), for the cache. */
  retainedBytes: number;
  /** Frame `number` (from 1) as stored; for Explicit VR Big Endian see `frameAsLittleEndian`. */
  frame(number: number): Uint8Array;
  /** Native frames with every value in little-endian byte order (a copy of `frame` unless stored big-endian). */
  frameAsLittleEndian(number: number): Uint8Array;
}

/** Parses the file; null when it has no pixel data (SR, RT structure sets, presentation states…). */
export function openPixelData(part10: Uint8Array, options: ParseStoredOptions = {}): StoredPixelData | null {
  let dataSet: DataSet;
  try {
    dataSet = parseStoredDicom(part10, options);
  } catch (error) {
    if (error instanceof DicomwebError) throw error;
    // dicom-parser throws strings or { exception } objects, never Errors.
    const reason = typeof error === 'string' ? error : ((error as { exception?: string }).exception ?? String(error));
    throw new Error(`Stored DICOM object could not be parsed: ${reason}`);
  }
  const pixelData = dataSet.elements.x7fe00010;
  if (!pixelData || pixelData.length === 0) return null;
  const transferSyntaxUid = (dataSet.string('x00020010') ?? '').replace(/\0/g, '').trim();
  const declaredFrames = Math.max(1, Number.parseInt(dataSet.string('x00280008') ?? '1', 10) || 1);
  const bitsAllocated = dataSet.uint16('x00280100') ?? 16;
  if (isEncapsulated(transferSyntaxUid) || pixelData.encapsulatedPixelData) {
    return encapsulatedPixelData(dataSet, pixelData, transferSyntaxUid, declaredFrames, bitsAllocated);
  }
  return nativePixelData(dataSet, pixelData, transferSyntaxUid, declaredFrames, bitsAllocated);
}

function nativePixelData(dataSet: DataSet, pixelData: Element, transferSyntaxUid: string, declaredFrames: number, bitsAllocated: number): StoredPixelData {
  const rows = dataSet.uint16('x00280010') ?? 0;
  const columns = dataSet.uint16('x00280011') ?? 0;
  const photometric = (dataSet.string('x00280004') ?? '').trim();
  // Native YBR_FULL_422 subsamples chroma horizontally: Y Y Cb Cr per two pixels, 2 samples per pixel.
  const samples = photometric === 'YBR_FULL_422' ? 2 : (dataSet.uint16('x00280002') ?? 1);
  const frameBits = rows * columns * samples * bitsAllocated;
  if (frameBits === 0) throw new Error('Stored DICOM object has pixel data but no Rows/Columns/BitsAllocated.');
  // A plain Uint8Array view, so slices are Uint8Array copies (Buffer#slice would share memory).
  const bytes = dataSet.byteArray;
  const stored = new Uint8Array(bytes.buffer, bytes.byteOffset + pixelData.dataOffset, Math.min(pixelData.length, bytes.length - pixelData.dataOffset));
  // A file shorter than NumberOfFrames claims serves the frames it really has.
  const numberOfFrames = Math.min(declaredFrames, Math.floor((stored.length * 8) / frameBits));
  const bigEndian = transferSyntaxUid === EXPLICIT_VR_BE;
  let littleEndian: Uint8Array | undefined;

  const cut = (source: Uint8Array, number: number) => {
    assertFrame(number, numberOfFrames);
    return frameBits % 8 === 0
      ? source.slice(((number - 1) * frameBits) / 8, (number * frameBits) / 8)
      : extractBits(source, (number - 1) * frameBits, frameBits);
  };
  return {
    transferSyntaxUid,
    numberOfFrames,
    encapsulated: false,
    bitsAllocated,
    // The swapped copy is made on first use; counted from the start so the cache never undercounts.
    retainedBytes: bytes.byteLength + (bigEndian ? stored.length : 0),
    frame: (number) => cut(stored, number),
    frameAsLittleEndian: (number) => {
      if (!bigEndian) return cut(stored, number);
      littleEndian ??= swapBytes(stored, swapWidth(bitsAllocated, pixelData.vr));
      return cut(littleEndian, number);
    },
  };
}

/**
 * Big-endian values are swapped per value (BitsAllocated 16 → 2 bytes, 32 → 4);
 * 8-bit (or 1-bit) data in an OW element was written as 16-bit words, so its
 * bytes are swapped in pairs (PS3.5 A.1 for OW in Explicit VR Big Endian).
 */
function swapWidth(bitsAllocated: number, vr: string | undefined): number {
  if (bitsAllocated >= 16) return bitsAllocated / 8;
  return vr === 'OW' ? 2 : 1;
}

export function swapBytes(source: Uint8Array, width: number): Uint8Array {
  const out = new Uint8Array(source.length);
  if (width <= 1) {
    out.set(source);
    return out;
  }
  const whole = source.length - (source.length % width);
  for (let i = 0; i < whole; i += width) {
    for (let j = 0; j < width; j++) out[i + j] = source[i + width - 1 - j]!;
  }
  out.set(source.subarray(whole), whole);
  return out;
}

/** 1-bit frames (segmentations) need not start on a byte; DICOM packs bits LSB first. */
export function extractBits(source: Uint8Array, bitOffset: number, bitCount: number): Uint8Array {
  const out = new Uint8Array(Math.ceil(bitCount / 8));
  for (let i = 0; i < bitCount; i++) {
    const bit = bitOffset + i;
    if ((source[bit >> 3]! >> (bit & 7)) & 1) out[i >> 3] = out[i >> 3]! | (1 << (i & 7));
  }
  return out;
}

function encapsulatedPixelData(dataSet: DataSet, pixelData: Element, transferSyntaxUid: string, numberOfFrames: number, bitsAllocated: number): StoredPixelData {
  const fragments = pixelData.fragments ?? [];
  if (fragments.length === 0) throw new Error('Stored DICOM object has encapsulated pixel data without fragments.');
  const groups = frameFragments(dataSet, pixelData, fragments, transferSyntaxUid, numberOfFrames);
  const frame = (number: number) => {
    assertFrame(number, groups.length);
    return concatFragments(dataSet.byteArray, groups[number - 1]!);
  };
  return { transferSyntaxUid, numberOfFrames: groups.length, encapsulated: true, bitsAllocated, retainedBytes: dataSet.byteArray.byteLength, frame, frameAsLittleEndian: frame };
}

/** Which fragments make up each frame (PS3.5 A.4), from the most to the least reliable evidence. */
function frameFragments(dataSet: DataSet, pixelData: Element, fragments: Fragment[], transferSyntaxUid: string, numberOfFrames: number): Fragment[][] {
  if (numberOfFrames === 1) return [fragments];
  const extended = extendedOffsetTable(dataSet);
  if (extended?.length === numberOfFrames) return groupByOffsets(fragments, extended);
  const basic = pixelData.basicOffsetTable ?? [];
  if (basic.length === numberOfFrames) return groupByOffsets(fragments, basic);
  if (fragments.length === numberOfFrames) return fragments.map((fragment) => [fragment]);
  const marker = frameStartMarker(transferSyntaxUid);
  if (marker) {
    const groups = groupByStartMarker(dataSet.byteArray, fragments, marker);
    if (groups.length === numberOfFrames) return groups;
  }
  throw new Error(`Cannot tell the ${numberOfFrames} frames apart in ${fragments.length} fragments (no offset table).`);
}

function groupByOffsets(fragments: Fragment[], offsets: number[]): Fragment[][] {
  return offsets.map((start, i) => {
    const end = offsets[i + 1] ?? Number.POSITIVE_INFINITY;
    return fragments.filter((fragment) => fragment.offset >= start && fragment.offset < end);
  });
}

function groupByStartMarker(bytes: Uint8Array, fragments: Fragment[], marker: readonly [number, number]): Fragment[][] {
  const groups: Fragment[][] = [];
  for (const fragment of fragments) {
    const starts = bytes[fragment.position] === marker[0] && bytes[fragment.position + 1] === marker[1];
    if (starts || groups.length === 0) groups.push([fragment]);
    else groups[groups.length - 1]!.push(fragment);
  }
  return groups;
}

/** (7FE0,0001) Extended Offset Table: 64-bit offsets, used for frames too large for the 32-bit basic table. */
function extendedOffsetTable(dataSet: DataSet): number[] | null {
  const element = dataSet.elements.x7fe00001;
  if (!element || element.length % 8 !== 0) return null;
  const view = new DataView(dataSet.byteArray.buffer, dataSet.byteArray.byteOffset + element.dataOffset, element.length);
  return Array.from({ length: element.length / 8 }, (_, i) => Number(view.getBigUint64(i * 8, true)));
}

function concatFragments(bytes: Uint8Array, fragments: Fragment[]): Uint8Array {
  const out = new Uint8Array(fragments.reduce((sum, fragment) => sum + fragment.length, 0));
  let at = 0;
  for (const fragment of fragments) {
    out.set(bytes.subarray(fragment.position, fragment.position + fragment.length), at);
    at += fragment.length;
  }
  return out;
}

export class FrameOutOfRangeError extends Error {
  constructor(
    readonly frame: number,
    readonly numberOfFrames: number,
  ) {
    super(`Frame ${frame} does not exist: the instance has ${numberOfFrames} frame${numberOfFrames === 1 ? '' : 's'}.`);
    this.name = 'FrameOutOfRangeError';
  }
}

function assertFrame(number: number, numberOfFrames: number): void {
  if (!Number.isInteger(number) || number < 1 || number > numberOfFrames) throw new FrameOutOfRangeError(number, numberOfFrames);
}
