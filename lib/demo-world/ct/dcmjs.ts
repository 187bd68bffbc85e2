// dcmjs ships no TypeScript types. Rather than declaring the module globally
// (which would collide with a declaration the DICOM importer may add), load it
// through require and describe only the few members the writer uses.
import { createRequire } from 'node:module';

export type DicomElement = { vr: string; Value: unknown[] };
export type DenaturalizedDataset = Record<string, DicomElement>;

interface DcmjsSubset {
  data: {
    DicomDict: new (meta: DenaturalizedDataset) => { dict: DenaturalizedDataset; write(options?: { allowInvalidVRLength?: boolean }): ArrayBuffer };
    DicomMetaDictionary: {
      denaturalizeDataset(dataset: Record<string, unknown>): DenaturalizedDataset;
      naturalizeDataset(dataset: DenaturalizedDataset): Record<string, unknown>;
    };
    DicomMessage: { readFile(buffer: ArrayBuffer): { meta: DenaturalizedDataset; dict: DenaturalizedDataset } };
  };
}

const require = createRequire(import.meta.url);
export const dcmjs = require('dcmjs') as DcmjsSubset;
