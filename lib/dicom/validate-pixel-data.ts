// Checks that the pixel data is all there. The structural scan already proved
// every declared length fits in the file; this compares what the image
// attributes promise with what the file holds, which catches files that were
// cut and re-terminated, or written with a wrong length.
import { DicomReadError } from './dicom-read-error';
import type { DicomJsonDataset } from './dicom-json';
import { firstNumber, firstString } from './dicom-json';
import type { ScannedElement } from './scan-dataset';
import { formatTag, tags } from './tags';

export function validatePixelData(pixel: ScannedElement, metadata: DicomJsonDataset, encapsulatedSyntax: boolean, warnings: string[]): void {
  const name = `Pixel Data ${formatTag(pixel.tag)}`;
  const frames = Math.max(1, firstNumber(metadata, tags.NumberOfFrames) ?? 1);
  if (pixel.undefinedLength) {
    if (!encapsulatedSyntax) throw new DicomReadError(`the file is damaged: ${name} is encapsulated, but the transfer syntax is not a compressed one`);
    const fragments = pixel.fragments ?? 0;
    if (fragments === 0) throw new DicomReadError(`${name} is empty: the encapsulated pixel data has no fragments`);
    if (fragments < frames) {
      throw new DicomReadError(`${name} has ${fragments} fragment(s) for ${frames} frames: frames are missing (the file is truncated or damaged)`);
    }
    const entries = pixel.offsetTableEntries ?? 0;
    if (entries > 0 && entries !== frames) warnings.push(`the Basic Offset Table lists ${entries} frames, Number of Frames says ${frames}`);
    return;
  }
  if (encapsulatedSyntax) throw new DicomReadError(`the file is damaged: the transfer syntax is compressed, but ${name} is not encapsulated`);

  const rows = firstNumber(metadata, tags.Rows);
  const columns = firstNumber(metadata, tags.Columns);
  const bitsAllocated = pixel.tag === 0x7fe00008 ? 32 : pixel.tag === 0x7fe00009 ? 64 : firstNumber(metadata, tags.BitsAllocated);
  const samples = firstNumber(metadata, tags.SamplesPerPixel) ?? 1;
  if (!rows || !columns || !bitsAllocated) {
    throw new DicomReadError(`${name} is present but Rows (0028,0010), Columns (0028,0011) or Bits Allocated (0028,0100) is missing, so the image cannot be read`);
  }
  // YBR_FULL_422 stores two samples per pixel (PS3.3 C.7.6.3.1.2).
  const photometric = firstString(metadata, tags.PhotometricInterpretation);
  const effectiveSamples = photometric === 'YBR_FULL_422' ? 2 : samples;
  const expected = Math.ceil((rows * columns * effectiveSamples * bitsAllocated * frames) / 8);
  const actual = pixel.valueLength;
  if (actual < expected) {
    const formula = `${rows} × ${columns} × ${effectiveSamples} × ${bitsAllocated}/8 × ${frames}`;
    throw new DicomReadError(
      `${name} holds ${actual} bytes, but Rows × Columns × Samples per Pixel × Bits Allocated/8 × Number of Frames = ${formula} = ${expected} bytes: the pixel data is incomplete (file truncated?)`,
    );
  }
  if (actual > expected + 1) warnings.push(`${name} holds ${actual - expected} bytes more than the image attributes need; the extra bytes are ignored`);
}
