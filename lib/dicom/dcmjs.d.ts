// The small part of dcmjs (which ships no types) that Konsil uses: reading a
// Part 10 buffer into its "dict" form (tag → { vr, Value, _rawValue }) and the
// data dictionary (VR of a tag, for implicit VR data sets).
declare module 'dcmjs' {
  interface DcmjsElement {
    vr: string;
    Value?: unknown[];
    _rawValue?: unknown;
  }
  type DcmjsDict = Record<string, DcmjsElement>;
  interface DicomDict {
    meta: DcmjsDict;
    dict: DcmjsDict;
  }
  interface ReadOptions {
    ignoreErrors?: boolean;
    untilTag?: string | null;
    includeUntilTagValue?: boolean;
    noCopy?: boolean;
    forceStoreRaw?: boolean;
  }
  interface Logger {
    setLevel(level: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'silent'): void;
    getLogger(name: string): Logger;
  }
  const dcmjs: {
    data: {
      DicomMessage: { readFile(buffer: ArrayBuffer, options?: ReadOptions): DicomDict };
      DicomMetaDictionary: {
        dictionary: Record<string, { tag: string; vr: string; vm: string; name: string }>;
      };
    };
    log: Logger;
  };
  export default dcmjs;
  export type { DcmjsDict, DcmjsElement, DicomDict };
}
