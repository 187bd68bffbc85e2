// The DICOM JSON model (PS3.18 F.2), as stored in ImagingInstance.metadata and
// served by QIDO-RS / WADO-RS metadata, plus small typed readers for it.

export interface PersonNameValue {
  Alphabetic?: string;
  Ideographic?: string;
  Phonetic?: string;
}
export type DicomJsonValue = string | number | PersonNameValue | DicomJsonDataset | null;
export interface DicomJsonElement {
  vr: string;
  Value?: DicomJsonValue[];
  InlineBinary?: string;
  BulkDataURI?: string;
}
/** Keys are tags as 8 upper-case hex digits ("00100010"). */
export type DicomJsonDataset = { [tag: string]: DicomJsonElement };

export function firstValue(dataset: DicomJsonDataset, tag: string): DicomJsonValue | undefined {
  const value = dataset[tag]?.Value?.[0];
  return value === null ? undefined : value;
}

/** The first value as a trimmed, non-empty string (numbers are stringified); undefined otherwise. */
export function firstString(dataset: DicomJsonDataset, tag: string): string | undefined {
  const value = firstValue(dataset, tag);
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** The first value as a finite number; undefined otherwise. */
export function firstNumber(dataset: DicomJsonDataset, tag: string): number | undefined {
  const value = firstValue(dataset, tag);
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** All numeric values (nulls skipped). */
export function numbers(dataset: DicomJsonDataset, tag: string): number[] {
  return (dataset[tag]?.Value ?? []).filter((v): v is number => typeof v === 'number');
}

export function firstPersonName(dataset: DicomJsonDataset, tag: string): PersonNameValue | undefined {
  const value = firstValue(dataset, tag);
  if (typeof value === 'string') return { Alphabetic: value };
  if (value && typeof value === 'object' && !Array.isArray(value)) return value as PersonNameValue;
  return undefined;
}

/** Items of a sequence element. */
export function sequenceItems(dataset: DicomJsonDataset, tag: string): DicomJsonDataset[] {
  return (dataset[tag]?.Value ?? []).filter((v): v is DicomJsonDataset => !!v && typeof v === 'object');
}
