import 'server-only';
import type { EntryWriteResult } from '@/lib/fhir/import-plan';
import { errorIssue } from '@/lib/fhir/issues';
import type { ImagingStudyRow, SourceIdentity } from '@/lib/fhir/mapped-rows';
import { sourceHash } from '@/lib/fhir/source-hash';
import type { Tx } from '../client';
import { newRowId } from '../row-id';
import { bulkInsert } from './bulk-sql';
import { imagingStudyTable } from './table-specs';

export interface ImagingStudyItem {
  entryIndex: number;
  path: string;
  patientId: string;
  identity: SourceIdentity;
  row: ImagingStudyRow;
}

/**
 * Stores FHIR ImagingStudy announcements, keyed by Study Instance UID. The DICOM
 * importer may have made the row first (or may later): a row that came from DICOM
 * files (`dicomPatientId` set) keeps its values, since the images are the better
 * source; the FHIR resource only fills what is empty and attaches its source key.
 * A row that only FHIR made is overwritten by the newer FHIR content. A UID that
 * belongs to another patient, or a FHIR resource whose UID changed, is refused.
 */
export async function writeImagingStudies(tx: Tx, items: ImagingStudyItem[]): Promise<Map<number, EntryWriteResult>> {
  const results = new Map<number, EntryWriteResult>();
  if (items.length === 0) return results;
  const existing = await tx.imagingStudy.findMany({
    where: {
      OR: [
        { studyInstanceUid: { in: items.map((i) => i.row.studyInstanceUid) } },
        { sourceSystem: { in: [...new Set(items.map((i) => i.identity.sourceSystem))] }, sourceId: { in: items.map((i) => i.identity.sourceId) } },
      ],
    },
  });
  const byUid = new Map(existing.map((s) => [s.studyInstanceUid, s]));
  const bySource = new Map(existing.filter((s) => s.sourceId).map((s) => [`${s.sourceSystem}|${s.sourceId}`, s]));

  const creates: { item: ImagingStudyItem; hash: string }[] = [];
  for (const item of items) {
    const { row, identity, patientId } = item;
    const hash = sourceHash({ table: 'imagingStudy', row, patientId, identity });
    const study = byUid.get(row.studyInstanceUid);
    const sameSource = bySource.get(`${identity.sourceSystem}|${identity.sourceId}`);
    const conflict = (text: string) => results.set(item.entryIndex, { outcome: 'failed', conflict: true, issue: errorIssue(`Conflict: ${text}`, item.path, 'conflict') });

    if (sameSource && sameSource.studyInstanceUid !== row.studyInstanceUid) {
      conflict('this ImagingStudy was imported before with a different Study Instance UID; a study does not change its UID');
    } else if (!study) {
      creates.push({ item, hash });
    } else if (study.patientId !== patientId) {
      conflict(`Study Instance UID ${row.studyInstanceUid} belongs to a different patient in Konsil`);
    } else if (study.sourceHash === hash && study.sourceSystem === identity.sourceSystem && study.sourceId === identity.sourceId) {
      results.set(item.entryIndex, { outcome: 'unchanged', patientId });
    } else {
      const fromDicom = study.dicomPatientId !== null;
      await tx.imagingStudy.update({
        where: { id: study.id },
        data: {
          accessionNumber: fromDicom ? (study.accessionNumber ?? row.accessionNumber) : row.accessionNumber,
          studyDate: fromDicom ? (study.studyDate ?? instant(row.studyDate)) : instant(row.studyDate),
          description: fromDicom ? (study.description ?? row.description) : row.description,
          modalities: fromDicom && study.modalities.length > 0 ? study.modalities : row.modalities,
          ...identity,
          sourceHash: hash,
        },
      });
      results.set(item.entryIndex, { outcome: 'updated', patientId });
    }
  }
  await bulkInsert(
    tx,
    imagingStudyTable,
    creates.map(({ item, hash }) => {
      results.set(item.entryIndex, { outcome: 'created', patientId: item.patientId });
      return { id: newRowId(), ...item.row, dicomPatientId: null, patientId: item.patientId, ...item.identity, sourceHash: hash };
    }),
  );
  return results;
}

function instant(value: string | null): Date | null {
  return value ? new Date(value) : null;
}
