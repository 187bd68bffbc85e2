// Transfer syntaxes: how a data set is encoded after the File Meta Information.
// Every syntax not listed as native is encapsulated (compressed pixel data in
// fragments) and, per PS3.5 A.4, explicit VR little endian outside the pixel data.

export const IMPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2';
export const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';
export const DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1.99';
export const EXPLICIT_VR_BIG_ENDIAN = '1.2.840.10008.1.2.2';

export interface Encoding {
  explicitVr: boolean;
  littleEndian: boolean;
}

const names: Record<string, string> = {
  [IMPLICIT_VR_LITTLE_ENDIAN]: 'Implicit VR Little Endian',
  [EXPLICIT_VR_LITTLE_ENDIAN]: 'Explicit VR Little Endian',
  [DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN]: 'Deflated Explicit VR Little Endian',
  [EXPLICIT_VR_BIG_ENDIAN]: 'Explicit VR Big Endian',
  '1.2.840.10008.1.2.1.98': 'Encapsulated Uncompressed Explicit VR Little Endian',
  '1.2.840.10008.1.2.4.50': 'JPEG Baseline',
  '1.2.840.10008.1.2.4.51': 'JPEG Extended',
  '1.2.840.10008.1.2.4.57': 'JPEG Lossless',
  '1.2.840.10008.1.2.4.70': 'JPEG Lossless SV1',
  '1.2.840.10008.1.2.4.80': 'JPEG-LS Lossless',
  '1.2.840.10008.1.2.4.81': 'JPEG-LS Near-Lossless',
  '1.2.840.10008.1.2.4.90': 'JPEG 2000 Lossless',
  '1.2.840.10008.1.2.4.91': 'JPEG 2000',
  '1.2.840.10008.1.2.4.92': 'JPEG 2000 Multi-component Lossless',
  '1.2.840.10008.1.2.4.93': 'JPEG 2000 Multi-component',
  '1.2.840.10008.1.2.4.100': 'MPEG2 Main Profile',
  '1.2.840.10008.1.2.4.101': 'MPEG2 High Profile',
  '1.2.840.10008.1.2.4.102': 'MPEG-4 AVC/H.264',
  '1.2.840.10008.1.2.4.103': 'MPEG-4 AVC/H.264 BD-compatible',
  '1.2.840.10008.1.2.4.110': 'JPEG XL Lossless',
  '1.2.840.10008.1.2.4.111': 'JPEG XL JPEG Recompression',
  '1.2.840.10008.1.2.4.112': 'JPEG XL',
  '1.2.840.10008.1.2.4.201': 'HTJ2K Lossless',
  '1.2.840.10008.1.2.4.202': 'HTJ2K Lossless RPCL',
  '1.2.840.10008.1.2.4.203': 'HTJ2K',
  '1.2.840.10008.1.2.5': 'RLE Lossless',
};

const native = new Set([IMPLICIT_VR_LITTLE_ENDIAN, EXPLICIT_VR_LITTLE_ENDIAN, DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, EXPLICIT_VR_BIG_ENDIAN]);

export function transferSyntaxName(uid: string): string {
  return names[uid] ?? `transfer syntax ${uid}`;
}

export function isKnownTransferSyntax(uid: string): boolean {
  return uid in names;
}

/** True when pixel data is stored as fragments (compressed, or encapsulated uncompressed). */
export function isEncapsulated(uid: string): boolean {
  return !native.has(uid);
}

export function isDeflated(uid: string): boolean {
  return uid === DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN;
}

export function encodingOf(uid: string): Encoding {
  if (uid === IMPLICIT_VR_LITTLE_ENDIAN) return { explicitVr: false, littleEndian: true };
  if (uid === EXPLICIT_VR_BIG_ENDIAN) return { explicitVr: true, littleEndian: false };
  return { explicitVr: true, littleEndian: true };
}

export function transferSyntaxOf(encoding: Encoding): string {
  if (!encoding.explicitVr) return IMPLICIT_VR_LITTLE_ENDIAN;
  return encoding.littleEndian ? EXPLICIT_VR_LITTLE_ENDIAN : EXPLICIT_VR_BIG_ENDIAN;
}
