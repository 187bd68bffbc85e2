// The transfer syntaxes Konsil serves, and the media type each is sent as in a
// WADO-RS frame response (PS3.18 Table 8.7.3-5). Konsil never transcodes: it
// serves what the importer stored, so this table is all the negotiation needs.

export const IMPLICIT_VR_LE = '1.2.840.10008.1.2';
export const EXPLICIT_VR_LE = '1.2.840.10008.1.2.1';
export const DEFLATED_EXPLICIT_VR_LE = '1.2.840.10008.1.2.1.99';
export const EXPLICIT_VR_BE = '1.2.840.10008.1.2.2';
export const RLE_LOSSLESS = '1.2.840.10008.1.2.5';

/** Pixel data stored as plain little-endian values: the frame bytes are the same in all three. */
const nativeLittleEndian = new Set([IMPLICIT_VR_LE, EXPLICIT_VR_LE, DEFLATED_EXPLICIT_VR_LE]);

/** Encapsulated syntaxes with the media type their frames are labelled with when the client names one. */
const encapsulatedMediaTypes: Record<string, string> = {
  '1.2.840.10008.1.2.4.50': 'image/jpeg', // JPEG baseline (8 bit)
  '1.2.840.10008.1.2.4.51': 'image/jpeg', // JPEG extended (12 bit)
  '1.2.840.10008.1.2.4.57': 'image/jpeg', // JPEG lossless
  '1.2.840.10008.1.2.4.70': 'image/jpeg', // JPEG lossless, first-order prediction
  '1.2.840.10008.1.2.4.80': 'image/jls', // JPEG-LS lossless
  '1.2.840.10008.1.2.4.81': 'image/jls', // JPEG-LS near-lossless
  '1.2.840.10008.1.2.4.90': 'image/jp2', // JPEG 2000 lossless
  '1.2.840.10008.1.2.4.91': 'image/jp2', // JPEG 2000
  '1.2.840.10008.1.2.4.92': 'image/jpx', // JPEG 2000 part 2 lossless
  '1.2.840.10008.1.2.4.93': 'image/jpx', // JPEG 2000 part 2
  [RLE_LOSSLESS]: 'image/x-dicom-rle',
};

export function isNativeLittleEndian(transferSyntaxUid: string): boolean {
  return nativeLittleEndian.has(transferSyntaxUid);
}

export function isDeflated(transferSyntaxUid: string): boolean {
  return transferSyntaxUid === DEFLATED_EXPLICIT_VR_LE;
}

/** True for every syntax whose pixel data is a sequence of fragments (all but the native ones). */
export function isEncapsulated(transferSyntaxUid: string): boolean {
  return !nativeLittleEndian.has(transferSyntaxUid) && transferSyntaxUid !== EXPLICIT_VR_BE;
}

/** The image media type of an encapsulated syntax; other encapsulated data (video, HTJ2K…) goes as octet-stream. */
export function frameMediaType(transferSyntaxUid: string): string {
  return encapsulatedMediaTypes[transferSyntaxUid] ?? 'application/octet-stream';
}

/** JPEG-family codestreams start every frame with SOI (FF D8); JPEG 2000 with SOC (FF 4F). */
export function frameStartMarker(transferSyntaxUid: string): readonly [number, number] | null {
  const type = encapsulatedMediaTypes[transferSyntaxUid];
  if (type === 'image/jpeg' || type === 'image/jls') return [0xff, 0xd8];
  if (type === 'image/jp2' || type === 'image/jpx') return [0xff, 0x4f];
  return null;
}
