// The first image's pixel data, fetched by the panel as soon as it hydrates, while
// the viewer's JavaScript is still downloading (no cornerstone import here). The
// viewer hands the bytes to the image loader instead of fetching them again (see
// viewer-service.ts: a provider of cornerstone's compressedFrameData metadata).
// Same resource as the loader's own request (WADO-RS frames), same session, same
// audit; it is only made earlier.
import { dicomwebRoot } from './series-metadata';

export interface PrefetchedFrame {
  pixelData: Uint8Array;
  transferSyntaxUid: string;
}

const pending = new Map<string, Promise<PrefetchedFrame | null>>();
const ready = new Map<string, PrefetchedFrame>();

/** Same-origin path of one frame (what the panel preloads during server rendering). */
export function framePath(studyUid: string, seriesUid: string, sopUid: string, frameNumber: number): string {
  return `/api/dicomweb/studies/${studyUid}/series/${seriesUid}/instances/${sopUid}/frames/${frameNumber}`;
}

/** The URL the wadors image id of this frame points at (imageId = "wadors:" + url). */
export function frameUrl(studyUid: string, seriesUid: string, sopUid: string, frameNumber: number): string {
  return `${dicomwebRoot()}${framePath(studyUid, seriesUid, sopUid, frameNumber).slice('/api/dicomweb'.length)}`;
}

const latin1 = new TextDecoder('latin1');

function indexOf(haystack: Uint8Array, needle: Uint8Array, from = 0): number {
  outer: for (let i = from; i <= haystack.length - needle.length; i += 1) {
    for (let j = 0; j < needle.length; j += 1) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** The first part of a multipart/related body and its transfer syntax, or null if it is not what the loader would accept. */
export function firstPart(contentType: string, body: Uint8Array): PrefetchedFrame | null {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary) return null;
  const encoder = new TextEncoder();
  const start = indexOf(body, encoder.encode(`--${boundary}`));
  if (start < 0) return null;
  const headerEnd = indexOf(body, encoder.encode('\r\n\r\n'), start);
  if (headerEnd < 0) return null;
  const headers = latin1.decode(body.subarray(start, headerEnd));
  const transferSyntaxUid = /transfer-syntax="?([0-9.]+)"?/i.exec(headers)?.[1];
  if (!transferSyntaxUid) return null;
  const end = indexOf(body, encoder.encode(`\r\n--${boundary}`), headerEnd + 4);
  if (end < 0) return null;
  return { pixelData: body.slice(headerEnd + 4, end), transferSyntaxUid };
}

/** Starts fetching one frame (once per URL); failures are silent, the loader then fetches it itself. */
export function prefetchFrame(url: string): Promise<PrefetchedFrame | null> {
  let request = pending.get(url);
  if (!request) {
    // Default Accept (*/*): the server answers multipart/related with the frame as stored
    // (native frames as little endian), naming the transfer syntax; and the request matches
    // the <link rel=preload> of the panel, which cannot carry headers.
    request = fetch(url, { credentials: 'same-origin' })
      .then(async (response) => {
        if (!response.ok) return null;
        const frame = firstPart(response.headers.get('content-type') ?? '', new Uint8Array(await response.arrayBuffer()));
        if (frame) ready.set(url, frame);
        return frame;
      })
      .catch(() => null);
    pending.set(url, request);
  }
  return request;
}

/** A prefetched frame, handed out once (the loader caches the decoded image). */
export function takePrefetchedFrame(url: string): PrefetchedFrame | undefined {
  const frame = ready.get(url);
  if (frame) ready.delete(url);
  return frame;
}

/** The prefetch for `url`, if one was started. */
export function prefetchOf(url: string): Promise<PrefetchedFrame | null> | undefined {
  return pending.get(url);
}

export function forgetPrefetchedFrames(): void {
  pending.clear();
  ready.clear();
}
