/**
 * Why a file cannot be imported, in words a coordinator can act on
 * ("file is truncated at byte 9630: …"). Thrown by the readers in lib/dicom and
 * turned into a `rejected` outcome; never shown with a stack trace.
 */
export class DicomReadError extends Error {
  constructor(
    readonly reason: string,
    /** How many complete elements were read before the problem (lets the sniffer tell "not DICOM" from "damaged DICOM"). */
    readonly elementsRead = 0,
  ) {
    super(reason);
    this.name = 'DicomReadError';
  }
}

export function truncatedAt(fileEnd: number, detail: string, elementsRead = 0): DicomReadError {
  return new DicomReadError(`file is truncated at byte ${fileEnd}: ${detail}`, elementsRead);
}
