// Bulk data other than PixelData (large private OB values, curves, overlays…):
// the value of one top-level element of the stored file, in little-endian byte
// order as PS3.18 8.7.3.3.2 wants bulk data (octet-stream means little endian).
import { parseStoredDicom, type ParseStoredOptions } from './dicom-parser';
import { swapBytes } from './pixel-frames';
import { EXPLICIT_VR_BE } from './transfer-syntax';

const WORD_SIZE: Record<string, number> = { OW: 2, OF: 4, OL: 4, OD: 8, OV: 8 };

/** The value bytes of top-level element `tag` (8 hex digits); null when absent or a sequence. */
export function readBulkElement(part10: Uint8Array, tag: string, options: ParseStoredOptions = {}): Uint8Array | null {
  const dataSet = parseStoredDicom(part10, options);
  const element = dataSet.elements[`x${tag.toLowerCase()}`];
  if (!element || element.items || element.encapsulatedPixelData) return null;
  const bytes = dataSet.byteArray;
  const value = new Uint8Array(bytes.buffer, bytes.byteOffset + element.dataOffset, Math.min(element.length, bytes.length - element.dataOffset));
  const bigEndian = (dataSet.string('x00020010') ?? '').replace(/\0/g, '').trim() === EXPLICIT_VR_BE;
  return bigEndian ? swapBytes(value, WORD_SIZE[element.vr ?? ''] ?? 1) : value.slice();
}
