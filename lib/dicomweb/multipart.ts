// multipart/related bodies (RFC 2387) as WADO-RS sends frames and instances.
// Parts are produced lazily, so a study is streamed one file at a time instead of
// being held in memory. Layout matters to real clients: cornerstone's loader takes
// the first line starting with "--" as the boundary, reads "Content-Type:" with
// exactly that spelling, and strips the CRLF before the next boundary.
import { randomBytes } from 'node:crypto';

export interface Part {
  contentType: string;
  bytes: Uint8Array;
  /** Where the part came from (PS3.18 8.6.1.2 Content-Location), optional. */
  location?: string;
}

const encoder = new TextEncoder();

export function newBoundary(): string {
  return `konsil-${randomBytes(18).toString('hex')}`;
}

export function partHeader(boundary: string, part: Pick<Part, 'contentType' | 'location'>): Uint8Array {
  const location = part.location ? `Content-Location: ${part.location}\r\n` : '';
  return encoder.encode(`--${boundary}\r\nContent-Type: ${part.contentType}\r\n${location}\r\n`);
}

export function closingDelimiter(boundary: string): Uint8Array {
  return encoder.encode(`--${boundary}--\r\n`);
}

/** A streamed multipart/related response; `type` is the media type of the parts. */
export function multipartResponse(type: string, parts: AsyncIterable<Part>, init: { headers?: HeadersInit } = {}): Response {
  const boundary = newBoundary();
  const iterator = parts[Symbol.asyncIterator]();
  const crlf = encoder.encode('\r\n');
  let finished = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (finished) return;
      const next = await iterator.next();
      if (next.done) {
        finished = true;
        controller.enqueue(closingDelimiter(boundary));
        controller.close();
        return;
      }
      controller.enqueue(partHeader(boundary, next.value));
      controller.enqueue(next.value.bytes);
      controller.enqueue(crlf);
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  const headers = new Headers(init.headers);
  headers.set('Content-Type', `multipart/related; type="${type}"; boundary=${boundary}`);
  return new Response(body, { status: 200, headers });
}

/** Reads a multipart/related body back into parts (tests, and checks on a PACS's answers). */
export function parseMultipart(contentType: string, body: Uint8Array): Array<{ headers: Record<string, string>; bytes: Uint8Array }> {
  const match = /boundary="?([^";]+)"?/i.exec(contentType);
  if (!match) throw new Error(`No boundary in ${contentType}`);
  const delimiter = encoder.encode(`--${match[1]}`);
  const parts: Array<{ headers: Record<string, string>; bytes: Uint8Array }> = [];
  let at = indexOf(body, delimiter, 0);
  while (at >= 0) {
    const lineEnd = at + delimiter.length;
    if (body[lineEnd] === 0x2d && body[lineEnd + 1] === 0x2d) break; // "--": closing delimiter
    const headerEnd = indexOf(body, encoder.encode('\r\n\r\n'), lineEnd);
    if (headerEnd < 0) throw new Error('multipart part without header end');
    const headers: Record<string, string> = {};
    for (const line of new TextDecoder().decode(body.subarray(lineEnd, headerEnd)).split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const next = indexOf(body, delimiter, headerEnd + 4);
    if (next < 0) throw new Error('multipart body without closing delimiter');
    // The CRLF before a delimiter belongs to the delimiter (RFC 2046 5.1.1).
    parts.push({ headers, bytes: body.slice(headerEnd + 4, next - 2) });
    at = next;
  }
  return parts;
}

function indexOf(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0];
  outer: for (let i = haystack.indexOf(first!, from); i >= 0 && i <= haystack.length - needle.length; i = haystack.indexOf(first!, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
