// Helpers shared by the demo world's tests: walking references and reading
// back the DICOM files the writer produced.
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { dcmjs } from './ct/dcmjs';

export function resourcesOf(bundle: Bundle): Resource[] {
  return (bundle.entry ?? []).map((e) => e.resource!);
}

/** Every `reference` string anywhere inside a value. */
export function referencesIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) referencesIn(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'reference' && typeof v === 'string') out.push(v);
      else referencesIn(v, out);
    }
  }
  return out;
}

/** Dates a resource is about (not when it was issued). */
export function clinicalDatesOf(r: Record<string, unknown>): string[] {
  const dates: string[] = [];
  for (const key of ['onsetDateTime', 'effectiveDateTime', 'performedDateTime', 'started', 'birthDate', 'recordedDate', 'issued', 'dateAsserted']) {
    if (typeof r[key] === 'string') dates.push(r[key] as string);
  }
  for (const key of ['performedPeriod', 'effectivePeriod']) {
    const p = r[key] as { start?: string; end?: string } | undefined;
    if (p?.start) dates.push(p.start);
    if (p?.end) dates.push(p.end);
  }
  return dates;
}

export interface ParsedSlice {
  tags: Record<string, unknown>;
  meta: Record<string, unknown>;
  stored: Uint16Array;
}

export function parseDicom(bytes: Uint8Array): ParsedSlice {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const file = dcmjs.data.DicomMessage.readFile(buffer);
  const tags = dcmjs.data.DicomMetaDictionary.naturalizeDataset(file.dict);
  const meta = dcmjs.data.DicomMetaDictionary.naturalizeDataset(file.meta);
  const pixelData = (tags.PixelData as ArrayBuffer[])[0]!;
  return { tags, meta, stored: new Uint16Array(pixelData) };
}
