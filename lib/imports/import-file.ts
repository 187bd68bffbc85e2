/** One file to import, wherever it waits (staging, a CLI path, a request body). Read lazily: DICOM folders are large. */
export interface ImportFile {
  /** The uploader's relative path or the CLI path: shown to people, used to resolve DICOMDIR references. */
  name: string;
  bytes: number;
  read(): Promise<Uint8Array>;
}
