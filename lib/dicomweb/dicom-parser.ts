// dicom-parser ships one UMD file: bundlers (Next, vitest) expose its functions as
// named exports, Node's own ESM loader (tsx scripts) only as `default`. Import it
// from here so both work.
//
// Stored files are parsed with parseStoredDicom: a Deflated Explicit VR Little
// Endian file (a few KB on disk) can inflate to gigabytes, and dicom-parser's own
// inflater has no limit. Ours stops at maxInflatedBytes with a DicomwebError.
import { inflateRawSync } from 'node:zlib';
import * as dicomParserNamespace from 'dicom-parser';
import type { DataSet } from 'dicom-parser';
import { DicomwebError } from './dicomweb-error';

type DicomParser = typeof dicomParserNamespace;

const dicomParser: DicomParser =
  (dicomParserNamespace as unknown as { default?: DicomParser }).default ?? dicomParserNamespace;

export default dicomParser;
export type { DataSet, Element, Fragment } from 'dicom-parser';

/**
 * The most a stored deflated object is inflated to when served. While inflating,
 * the inflated bytes exist twice for a moment (dicom-parser wants the file header
 * in front of them), so the peak is about twice this.
 */
export const MAX_INFLATED_BYTES = 512 * 1024 * 1024;

export interface ParseStoredOptions {
  /** Default MAX_INFLATED_BYTES. */
  maxInflatedBytes?: number;
}

/** Parses a stored Part 10 file (a Buffer view on `part10`, no copy unless deflated). */
export function parseStoredDicom(part10: Uint8Array, options: ParseStoredOptions = {}): DataSet {
  const max = options.maxInflatedBytes ?? MAX_INFLATED_BYTES;
  const inflater = (byteArray: Uint8Array, position: number): Uint8Array => {
    let inflated: Buffer;
    try {
      inflated = inflateRawSync(byteArray.subarray(position), { maxOutputLength: max });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new DicomwebError(500, `The stored object is deflated and inflates to more than ${formatMb(max)} MB, more than Konsil inflates to serve it; retrieve the whole object instead.`);
      }
      throw new Error(`The deflated dataset could not be inflated: ${(error as Error).message}`, { cause: error });
    }
    // As dicom-parser's own inflater: the header bytes, then the inflated dataset (its offsets count from the file start).
    const full = Buffer.allocUnsafe(position + inflated.length);
    full.set(byteArray.subarray(0, position), 0);
    full.set(inflated, position);
    return full;
  };
  // dicom-parser's typings say the inflater returns void; it uses the returned array.
  const parseOptions = { inflater } as unknown as NonNullable<Parameters<DicomParser['parseDicom']>[1]>;
  return dicomParser.parseDicom(Buffer.from(part10.buffer, part10.byteOffset, part10.byteLength), parseOptions);
}

function formatMb(bytes: number): string {
  return String(Math.round((bytes / (1024 * 1024)) * 100) / 100);
}
