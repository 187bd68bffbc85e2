import { describe, expect, it } from 'vitest';
import { extractBits, FrameOutOfRangeError, openPixelData, swapBytes } from './pixel-frames';
import { readBulkElement } from './bulk-element';
import { buildPart10, concat, daikonDir, externalDir, rawPixelData, readBytes, transferSyntaxFiles as files, type SyntheticElement } from './test-support/dicom-files';

const open = (file: string) => {
  const pixels = openPixelData(readBytes(file));
  if (!pixels) throw new Error(`${file} has no pixel data`);
  return pixels;
};

describe('native frames', () => {
  it('cuts a single-frame explicit little endian image by offset', () => {
    const pixels = open(files.explicitLittle.file);
    expect(pixels).toMatchObject({ transferSyntaxUid: files.explicitLittle.syntax, numberOfFrames: 1, encapsulated: false });
    expect(pixels.frame(1)).toEqual(rawPixelData(readBytes(files.explicitLittle.file)).bytes);
    expect(pixels.frame(1).length).toBe(64 * 64 * 2);
  });

  it('serves implicit VR little endian with the same bytes as explicit (same image)', () => {
    expect(open(files.implicitLittle.file).frame(1)).toEqual(open(files.explicitLittle.file).frame(1));
  });

  it('cuts every frame of a 16-frame 8-bit image at its own offset', () => {
    const pixels = open(files.multiFrameNative.file);
    const raw = rawPixelData(readBytes(files.multiFrameNative.file)).bytes!;
    expect(pixels.numberOfFrames).toBe(16);
    for (const n of [1, 2, 16]) expect(pixels.frame(n)).toEqual(raw.slice((n - 1) * 65536, n * 65536));
    expect(pixels.frame(2)).not.toEqual(pixels.frame(3));
  });

  it('keeps big-endian frames as stored, and swaps them to the little-endian bytes of the same image', () => {
    const big = open(files.explicitBig.file);
    expect(big.frame(1)).toEqual(rawPixelData(readBytes(files.explicitBig.file), true).bytes);
    expect(big.frame(1)).not.toEqual(open(files.explicitLittle.file).frame(1));
    expect(big.frameAsLittleEndian(1)).toEqual(open(files.explicitLittle.file).frame(1));
  });

  it('reads deflated files (inflated by dicom-parser)', () => {
    const pixels = open(`${daikonDir}/deflated.dcm`);
    expect(pixels.frame(1).length).toBe(512 * 512);
  });

  it('says which frame does not exist and how many there are', () => {
    const pixels = open(files.explicitLittle.file);
    expect(() => pixels.frame(2)).toThrow(FrameOutOfRangeError);
    expect(() => pixels.frame(2)).toThrow('Frame 2 does not exist: the instance has 1 frame.');
    expect(() => pixels.frame(0)).toThrow(FrameOutOfRangeError);
  });
});

/** A native 8-bit multi-frame image; the pixel bytes count up, so each frame's bytes differ. */
function nativeImage(options: { photometric: string; samples: number; rows: number; columns: number; frames: number; bytesPerFrame: number }): { file: Uint8Array; pixels: Uint8Array } {
  const pixels = Uint8Array.from({ length: options.bytesPerFrame * options.frames }, (_, i) => i % 251);
  const elements: SyntheticElement[] = [
    { tag: '00280002', vr: 'US', value: options.samples },
    { tag: '00280004', vr: 'CS', value: options.photometric },
    { tag: '00280006', vr: 'US', value: 0 },
    { tag: '00280008', vr: 'IS', value: String(options.frames) },
    { tag: '00280010', vr: 'US', value: options.rows },
    { tag: '00280011', vr: 'US', value: options.columns },
    { tag: '00280100', vr: 'US', value: 8 },
    { tag: '00280101', vr: 'US', value: 8 },
    { tag: '7FE00010', vr: 'OB', value: pixels },
  ];
  return { file: buildPart10(elements), pixels };
}

describe('native colour frames', () => {
  it('cuts YBR_FULL_422 frames at two samples per pixel (PS3.3 C.7.6.3.1.2), not three', () => {
    // 2 × 4 pixels: Y Y Cb Cr per pair of pixels = 16 bytes a frame.
    const { file, pixels } = nativeImage({ photometric: 'YBR_FULL_422', samples: 3, rows: 2, columns: 4, frames: 3, bytesPerFrame: 16 });
    const opened = openPixelData(file)!;
    expect(opened.numberOfFrames).toBe(3);
    for (const n of [1, 2, 3]) expect(opened.frame(n), `frame ${n}`).toEqual(pixels.slice((n - 1) * 16, n * 16));
  });

  it('cuts RGB frames at three samples per pixel', () => {
    const { file, pixels } = nativeImage({ photometric: 'RGB', samples: 3, rows: 2, columns: 4, frames: 3, bytesPerFrame: 24 });
    const opened = openPixelData(file)!;
    expect(opened.numberOfFrames).toBe(3);
    for (const n of [1, 2, 3]) expect(opened.frame(n), `frame ${n}`).toEqual(pixels.slice((n - 1) * 24, n * 24));
  });
});

describe('deflated files', () => {
  const big = () => {
    const pixels = new Uint8Array(1024 * 1024);
    const elements: SyntheticElement[] = [
      { tag: '00280002', vr: 'US', value: 1 },
      { tag: '00280004', vr: 'CS', value: 'MONOCHROME2' },
      { tag: '00280010', vr: 'US', value: 1024 },
      { tag: '00280011', vr: 'US', value: 1024 },
      { tag: '00280100', vr: 'US', value: 8 },
      { tag: '7FE00010', vr: 'OB', value: pixels },
    ];
    return buildPart10(elements, { deflate: true });
  };

  it('counts what the parsed object holds in memory (the inflated size), not the file size', () => {
    const file = big();
    expect(file.length).toBeLessThan(64 * 1024);
    const opened = openPixelData(file)!;
    expect(opened.frame(1).length).toBe(1024 * 1024);
    expect(opened.retainedBytes).toBeGreaterThanOrEqual(1024 * 1024);
  });

  it('refuses to inflate past the cap, with an error that says so', () => {
    const file = big();
    expect(() => openPixelData(file, { maxInflatedBytes: 256 * 1024 })).toThrow(expect.objectContaining({ status: 500, message: expect.stringMatching(/inflates to more than 0\.25 MB/) }));
    expect(() => readBulkElement(file, '7fe00010', { maxInflatedBytes: 256 * 1024 })).toThrow(expect.objectContaining({ status: 500 }));
    expect(readBulkElement(file, '00280010')).toEqual(Uint8Array.of(0, 4));
  });
});

describe('encapsulated frames equal the stored fragments', () => {
  it.each([
    ['RLE', files.rle],
    ['JPEG baseline (96 frames, offset table)', files.jpegBaseline],
    ['JPEG extended', files.jpegLossy12],
    ['JPEG-LS lossless', files.jpegLs],
    ['JPEG-LS near-lossless (5 fragments, one frame)', files.jpegLsNearLossless],
    ['JPEG 2000 lossless', files.jpeg2000Lossless],
    ['JPEG 2000', files.jpeg2000],
  ])('%s', (_name, { file, syntax }) => {
    const pixels = open(file);
    const { fragments } = rawPixelData(readBytes(file));
    expect(pixels.transferSyntaxUid).toBe(syntax);
    expect(pixels.encapsulated).toBe(true);
    if (pixels.numberOfFrames === 1) {
      expect(pixels.frame(1)).toEqual(concat(fragments!));
    } else {
      expect(pixels.numberOfFrames).toBe(fragments!.length);
      for (const n of [1, 2, pixels.numberOfFrames]) expect(pixels.frame(n)).toEqual(fragments![n - 1]);
    }
    expect(() => pixels.frame(pixels.numberOfFrames + 1)).toThrow(FrameOutOfRangeError);
  });

  it('starts JPEG-family frames with their codestream marker', () => {
    expect([...open(files.jpegBaseline.file).frame(7).subarray(0, 2)]).toEqual([0xff, 0xd8]);
    expect([...open(files.jpeg2000.file).frame(1).subarray(0, 2)]).toEqual([0xff, 0x4f]);
  });
});

describe('objects without pixel data', () => {
  it('returns null for a structured report', () => {
    expect(openPixelData(readBytes(`${externalDir}/test-SR.dcm`))).toBeNull();
  });

  it('refuses a file that is not DICOM with a readable error', () => {
    expect(() => openPixelData(new Uint8Array(300))).toThrow(/could not be parsed/);
  });
});

describe('byte helpers', () => {
  it('swaps 16- and 32-bit values and leaves bytes alone', () => {
    expect([...swapBytes(Uint8Array.of(1, 2, 3, 4), 2)]).toEqual([2, 1, 4, 3]);
    expect([...swapBytes(Uint8Array.of(1, 2, 3, 4, 5), 4)]).toEqual([4, 3, 2, 1, 5]);
    expect([...swapBytes(Uint8Array.of(1, 2, 3), 1)]).toEqual([1, 2, 3]);
  });

  it('extracts 1-bit frames that do not start on a byte boundary', () => {
    // bits (LSB first): byte 0 = 0b1011_0000 → bits 4,5,7 set; take 6 bits from bit 3
    expect([...extractBits(Uint8Array.of(0b1011_0000, 0b0000_0001), 3, 6)]).toEqual([0b0011_0110]);
  });
});
