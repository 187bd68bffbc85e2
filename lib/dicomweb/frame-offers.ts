// The forms a stored frame can be sent in, for Accept negotiation.
//
// Big endian (Explicit VR Big Endian, retired in 2004): frames are byte-swapped to
// little endian and labelled Explicit VR Little Endian by default, because
// `application/octet-stream` means little endian when no syntax is named
// (PS3.18 8.7.3.5.2) and viewers (cornerstone included) expect it. A client that
// names 1.2.840.10008.1.2.2 explicitly gets the bytes as stored.
import type { Offer } from './accept';
import type { StoredPixelData } from './pixel-frames';
import { EXPLICIT_VR_BE, EXPLICIT_VR_LE, IMPLICIT_VR_LE, frameMediaType } from './transfer-syntax';

export interface FrameOffer extends Offer {
  /** Serve frameAsLittleEndian (true) or the stored bytes (false). */
  littleEndian: boolean;
}

const OCTET = 'application/octet-stream';

export function frameOffers(pixels: Pick<StoredPixelData, 'transferSyntaxUid' | 'encapsulated'>): FrameOffer[] {
  if (pixels.encapsulated) {
    return [{ transferSyntaxUid: pixels.transferSyntaxUid, mediaType: frameMediaType(pixels.transferSyntaxUid), littleEndian: false }];
  }
  const littleEndian: FrameOffer[] = [
    { transferSyntaxUid: EXPLICIT_VR_LE, mediaType: OCTET, littleEndian: true },
    { transferSyntaxUid: IMPLICIT_VR_LE, mediaType: OCTET, littleEndian: true },
  ];
  if (pixels.transferSyntaxUid === EXPLICIT_VR_BE) return [...littleEndian, { transferSyntaxUid: EXPLICIT_VR_BE, mediaType: OCTET, littleEndian: false }];
  return littleEndian;
}

export function frameBytes(pixels: StoredPixelData, offer: FrameOffer, frame: number): Uint8Array {
  return offer.littleEndian ? pixels.frameAsLittleEndian(frame) : pixels.frame(frame);
}
