import { describe, expect, it } from 'vitest';
import { multipartResponse, parseMultipart, type Part } from './multipart';

async function* partsOf(...parts: Part[]) {
  yield* parts;
}

/** The way cornerstone's wadors getPixelData/extractMultipart reads the first part. */
function cornerstoneExtract(response: Uint8Array): { contentType: string | undefined; pixelData: Uint8Array } {
  const text = (from: number, to: number) => String.fromCharCode(...response.subarray(from, to));
  const find = (needle: string, from = 0) => {
    for (let i = from; i <= response.length - needle.length; i++) if (text(i, i + needle.length) === needle) return i;
    return -1;
  };
  const tokenIndex = find('\r\n\r\n');
  const header = text(0, tokenIndex).split('\r\n');
  const boundary = header.find((line) => line.startsWith('--'))!;
  const offset = tokenIndex + 4;
  const endIndex = find(boundary, offset);
  const contentType = header.find((line) => line.startsWith('Content-Type:'))?.slice(13).trim();
  return { contentType, pixelData: response.subarray(offset, endIndex - 2) };
}

describe('multipart/related', () => {
  const frame = Uint8Array.from({ length: 300 }, (_, i) => (i * 7) % 256);

  it('is read by cornerstone the way its loader reads frames', async () => {
    const response = multipartResponse('application/octet-stream', partsOf({ contentType: 'application/octet-stream; transfer-syntax=1.2.840.10008.1.2.4.80', bytes: frame }));
    expect(response.headers.get('content-type')).toMatch(/^multipart\/related; type="application\/octet-stream"; boundary=konsil-[0-9a-f]{36}$/);
    const extracted = cornerstoneExtract(new Uint8Array(await response.arrayBuffer()));
    expect(extracted.contentType).toBe('application/octet-stream; transfer-syntax=1.2.840.10008.1.2.4.80');
    expect(extracted.pixelData).toEqual(frame);
  });

  it('round-trips several parts, including empty ones, with their headers', async () => {
    const response = multipartResponse(
      'application/dicom',
      partsOf(
        { contentType: 'application/dicom; transfer-syntax=1.2.840.10008.1.2.1', bytes: frame, location: '/a' },
        { contentType: 'application/dicom; transfer-syntax=1.2.840.10008.1.2.5', bytes: new Uint8Array(0) },
        { contentType: 'application/dicom; transfer-syntax=1.2.840.10008.1.2.5', bytes: Uint8Array.of(13, 10, 45, 45) },
      ),
    );
    const parts = parseMultipart(response.headers.get('content-type')!, new Uint8Array(await response.arrayBuffer()));
    expect(parts.map((p) => p.bytes)).toEqual([frame, new Uint8Array(0), Uint8Array.of(13, 10, 45, 45)]);
    expect(parts[0]!.headers).toEqual({ 'content-type': 'application/dicom; transfer-syntax=1.2.840.10008.1.2.1', 'content-location': '/a' });
  });

  it('pulls parts lazily and stops the producer when the client goes away', async () => {
    let produced = 0;
    let closed = false;
    async function* endless() {
      try {
        for (;;) {
          produced++;
          yield { contentType: 'application/octet-stream', bytes: frame };
        }
      } finally {
        closed = true;
      }
    }
    const response = multipartResponse('application/octet-stream', endless());
    const reader = response.body!.getReader();
    await reader.read();
    await reader.cancel();
    expect(produced).toBeLessThan(3);
    expect(closed).toBe(true);
  });
});
