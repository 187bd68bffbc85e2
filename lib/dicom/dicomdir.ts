// DICOMDIR (PS3.10 8, PS3.3 F): the index of a CD/DVD/USB medium. Konsil reads
// its directory records to learn which files belong to the medium, imports
// those files like any other, and reports files the index names but the upload
// lacks. The DICOMDIR itself is never stored as an object.
import type { DicomJsonDataset } from './dicom-json';
import { firstString, sequenceItems } from './dicom-json';
import { tags } from './tags';

export interface DicomDirIndex {
  /** Directory records by type (PATIENT, STUDY, SERIES, IMAGE, SR DOCUMENT…). */
  recordCounts: Record<string, number>;
  /** Files the records reference, as '/'-separated paths relative to the DICOMDIR's folder. */
  files: Array<{ path: string; recordType: string; sopInstanceUid: string | undefined }>;
  warnings: string[];
}

export function readDicomDirIndex(metadata: DicomJsonDataset): DicomDirIndex {
  const recordCounts: Record<string, number> = {};
  const files: DicomDirIndex['files'] = [];
  const warnings: string[] = [];
  const seen = new Set<string>();
  for (const record of sequenceItems(metadata, tags.DirectoryRecordSequence)) {
    const recordType = firstString(record, tags.DirectoryRecordType)?.toUpperCase() ?? 'UNKNOWN';
    recordCounts[recordType] = (recordCounts[recordType] ?? 0) + 1;
    const components = (record[tags.ReferencedFileID]?.Value ?? []).filter((v): v is string => typeof v === 'string').map((v) => v.trim());
    if (components.length === 0) continue;
    const path = safeRelativePath(components);
    if (!path) {
      warnings.push(`a ${recordType} record names an unusable file path (${components.join('\\').slice(0, 100)}); ignored`);
      continue;
    }
    if (seen.has(path.toLowerCase())) continue;
    seen.add(path.toLowerCase());
    files.push({ path, recordType, sopInstanceUid: firstString(record, tags.ReferencedSOPInstanceUIDInFile) });
  }
  return { recordCounts, files, warnings };
}

/** File ID components (PS3.10 8.5: up to 8 components of A-Z 0-9 _) → "A/B/C"; null for anything that could escape the medium. */
function safeRelativePath(components: string[]): string | null {
  if (components.length > 8) return null;
  for (const part of components) {
    if (!part || part === '.' || part === '..' || /[\\/:\0]/.test(part)) return null;
  }
  return components.join('/');
}

/** "disk1/DICOMDIR" → "disk1/"; "DICOMDIR" → "". */
export function dicomDirBase(name: string): string {
  const normalised = name.replace(/\\/g, '/');
  const slash = normalised.lastIndexOf('/');
  return slash < 0 ? '' : normalised.slice(0, slash + 1);
}

export function isDicomDirName(name: string): boolean {
  return /(^|[\\/])DICOMDIR$/i.test(name);
}
