// Accept-header negotiation for WADO-RS (PS3.18 8.7). Konsil serves what it
// stored and never transcodes, so negotiation is: does any range the client
// accepts cover the stored form, and how should each part be labelled?
//
// cornerstone's dicom-image-loader asks for frames with
//   multipart/related; type=application/octet-stream; transfer-syntax=*
// and reads the transfer syntax from each part's Content-Type parameter, so every
// part Konsil sends carries `transfer-syntax=<uid>`.
import { notAcceptable } from './dicomweb-error';

export interface MediaRange {
  /** e.g. "multipart/related", "application/dicom+json", "*\/*" */
  mediaType: string;
  params: Record<string, string>;
  q: number;
}

/** Parses an Accept header; a missing or empty header accepts anything. Sorted by q (stable). */
export function parseAccept(header: string | null | undefined): MediaRange[] {
  if (!header?.trim()) return [{ mediaType: '*/*', params: {}, q: 1 }];
  const ranges = splitOutsideQuotes(header, ',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const [type = '', ...rawParams] = splitOutsideQuotes(entry, ';');
      const params: Record<string, string> = {};
      for (const raw of rawParams) {
        const eq = raw.indexOf('=');
        if (eq < 0) continue;
        params[raw.slice(0, eq).trim().toLowerCase()] = raw.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
      }
      const q = params.q === undefined ? 1 : Number(params.q);
      delete params.q;
      return { mediaType: type.trim().toLowerCase(), params, q: Number.isFinite(q) ? q : 0 };
    })
    .filter((range) => range.q > 0);
  return ranges.map((range, index) => ({ range, index })).sort((a, b) => b.range.q - a.range.q || a.index - b.index).map(({ range }) => range);
}

function splitOutsideQuotes(value: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of value) {
    if (char === '"') quoted = !quoted;
    if (char === separator && !quoted) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}

/** One form Konsil can send a frame (or an object) in. */
export interface Offer {
  transferSyntaxUid: string;
  /** The media type the data naturally is (image/jls, application/octet-stream, application/dicom…). */
  mediaType: string;
}

export interface Negotiated<O extends Offer = Offer> {
  offer: O;
  /** Content-Type of each part, always with the transfer syntax. */
  partContentType: string;
}

const isAnyMultipart = (range: MediaRange) => range.mediaType === '*/*' || range.mediaType === 'multipart/*';

function typeMatches(wanted: string, offered: string): boolean {
  if (wanted === '*/*') return true;
  if (wanted.endsWith('/*')) return offered.startsWith(wanted.slice(0, -1));
  return wanted === offered;
}

/**
 * Picks the first offer that a multipart/related range accepts. A range without
 * `type` accepts any part type; without `transfer-syntax` it accepts the offer
 * (lenient: the part's label then says which syntax it really is).
 * `octetStreamAcceptsAll`: for frames, type=application/octet-stream is the
 * generic bulk-data type and may carry any transfer syntax the client names or `*`.
 */
export function negotiate<O extends Offer>(accept: MediaRange[], offers: O[], options: { octetStreamAcceptsAll: boolean }): Negotiated<O> | null {
  for (const range of accept) {
    if (isAnyMultipart(range)) {
      const offer = offers[0];
      if (offer) return { offer, partContentType: label(offer.mediaType, offer) };
      continue;
    }
    if (range.mediaType !== 'multipart/related') continue;
    const type = range.params.type?.toLowerCase() ?? '*/*';
    const syntax = range.params['transfer-syntax'];
    for (const offer of offers) {
      const syntaxOk = syntax === undefined || syntax === '*' || syntax === offer.transferSyntaxUid;
      if (!syntaxOk) continue;
      if (type === 'application/octet-stream' && options.octetStreamAcceptsAll && offer.mediaType !== 'application/octet-stream') {
        // Native frames only when no syntax was named (octet-stream means uncompressed then).
        if (syntax === undefined) continue;
        return { offer, partContentType: label('application/octet-stream', offer) };
      }
      if (typeMatches(type, offer.mediaType)) return { offer, partContentType: label(offer.mediaType, offer) };
    }
  }
  return null;
}

function label(mediaType: string, offer: Offer): string {
  return `${mediaType}; transfer-syntax=${offer.transferSyntaxUid}`;
}

/** For metadata and QIDO: JSON (application/dicom+json or application/json) or anything. */
export function acceptsDicomJson(accept: MediaRange[]): boolean {
  return accept.some((range) => ['*/*', 'application/*', 'application/dicom+json', 'application/json'].includes(range.mediaType));
}

export function requireDicomJson(accept: MediaRange[]): void {
  if (!acceptsDicomJson(accept)) {
    throw notAcceptable('Konsil answers this resource as application/dicom+json only (no XML).');
  }
}
