import { describe, expect, it } from 'vitest';
import { acceptsDicomJson, negotiate, parseAccept, type Offer } from './accept';

// What cornerstone's dicom-image-loader sends for every frame (wadors/loadImage.ts).
const CORNERSTONE = 'multipart/related; type=application/octet-stream; transfer-syntax=*';

const native: Offer[] = [
  { transferSyntaxUid: '1.2.840.10008.1.2.1', mediaType: 'application/octet-stream' },
  { transferSyntaxUid: '1.2.840.10008.1.2', mediaType: 'application/octet-stream' },
];
const jpegLs: Offer[] = [{ transferSyntaxUid: '1.2.840.10008.1.2.4.80', mediaType: 'image/jls' }];
const frames = { octetStreamAcceptsAll: true };

describe('parseAccept', () => {
  it('reads quoted and unquoted parameters, drops q=0, sorts by q', () => {
    const ranges = parseAccept('multipart/related; type="image/jls"; q=0.5, multipart/related; type=application/octet-stream, text/html;q=0');
    expect(ranges).toEqual([
      { mediaType: 'multipart/related', params: { type: 'application/octet-stream' }, q: 1 },
      { mediaType: 'multipart/related', params: { type: 'image/jls' }, q: 0.5 },
    ]);
  });

  it('treats a missing header as */*', () => {
    expect(parseAccept(null)).toEqual([{ mediaType: '*/*', params: {}, q: 1 }]);
  });
});

describe('frame negotiation', () => {
  it('gives cornerstone encapsulated frames as stored, labelled octet-stream with their syntax', () => {
    expect(negotiate(parseAccept(CORNERSTONE), jpegLs, frames)?.partContentType).toBe('application/octet-stream; transfer-syntax=1.2.840.10008.1.2.4.80');
  });

  it('gives cornerstone native frames as explicit VR little endian', () => {
    expect(negotiate(parseAccept(CORNERSTONE), native, frames)?.partContentType).toBe('application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1');
  });

  it('labels frames with their image type when the client asks for it', () => {
    expect(negotiate(parseAccept('multipart/related; type="image/jls"'), jpegLs, frames)?.partContentType).toBe('image/jls; transfer-syntax=1.2.840.10008.1.2.4.80');
  });

  it('refuses compressed frames to a client that wants uncompressed ones (no transcoding)', () => {
    expect(negotiate(parseAccept('multipart/related; type="application/octet-stream"'), jpegLs, frames)).toBeNull();
    expect(negotiate(parseAccept('multipart/related; type="image/jp2"'), jpegLs, frames)).toBeNull();
    expect(negotiate(parseAccept('multipart/related; type="application/octet-stream"; transfer-syntax=1.2.840.10008.1.2.4.50'), jpegLs, frames)).toBeNull();
  });

  it('honours a named native syntax', () => {
    const implicit = negotiate(parseAccept('multipart/related; type="application/octet-stream"; transfer-syntax=1.2.840.10008.1.2'), native, frames);
    expect(implicit?.offer.transferSyntaxUid).toBe('1.2.840.10008.1.2');
  });

  it('falls through to a later acceptable range', () => {
    const header = 'multipart/related; type="image/jp2", multipart/related; type=application/octet-stream; transfer-syntax=*';
    expect(negotiate(parseAccept(header), jpegLs, frames)?.offer.transferSyntaxUid).toBe('1.2.840.10008.1.2.4.80');
  });

  it('answers */* with the natural media type', () => {
    expect(negotiate(parseAccept('*/*'), jpegLs, frames)?.partContentType).toBe('image/jls; transfer-syntax=1.2.840.10008.1.2.4.80');
  });
});

describe('instance negotiation', () => {
  const stored: Offer[] = [{ transferSyntaxUid: '1.2.840.10008.1.2.5', mediaType: 'application/dicom' }];
  const instance = { octetStreamAcceptsAll: false };

  it('serves the stored syntax for application/dicom with or without transfer-syntax=*', () => {
    for (const header of ['multipart/related; type="application/dicom"', 'multipart/related; type="application/dicom"; transfer-syntax=*', '*/*']) {
      expect(negotiate(parseAccept(header), stored, instance)?.partContentType).toBe('application/dicom; transfer-syntax=1.2.840.10008.1.2.5');
    }
  });

  it('refuses another named syntax and other types', () => {
    expect(negotiate(parseAccept('multipart/related; type="application/dicom"; transfer-syntax=1.2.840.10008.1.2.1'), stored, instance)).toBeNull();
    expect(negotiate(parseAccept('multipart/related; type="application/octet-stream"'), stored, instance)).toBeNull();
    expect(negotiate(parseAccept('application/dicom'), stored, instance)).toBeNull();
  });
});

describe('JSON', () => {
  it('accepts dicom+json, json and wildcards, not XML', () => {
    expect(acceptsDicomJson(parseAccept('application/dicom+json'))).toBe(true);
    expect(acceptsDicomJson(parseAccept(undefined))).toBe(true);
    expect(acceptsDicomJson(parseAccept('multipart/related; type="application/dicom+xml"'))).toBe(false);
  });
});
