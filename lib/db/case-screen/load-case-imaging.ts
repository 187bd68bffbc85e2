import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import type { CaseImagingDto, CaseImagingInstanceDto, CaseImagingSeriesDto, CaseImagingStudyDto } from '@/lib/schemas/case-screen';
import { db, type Tx } from '../client';
import { findCaseInScope } from '../case-scope-lookup';
import { readCaseAnnotations } from '../case-annotations';
import { auditCaseView } from './audit-case-view';
import { orderBySlicePosition, type PositionedInstance } from './slice-order';

/**
 * The patient's imaging studies → series → image instances in display order, with the
 * case's measurements and key images. Pixels are not read here: the viewer fetches them
 * through DICOMweb, which audits each read itself. This read is audited as `case.view`.
 */
export async function loadCaseImaging(options: { actor: Actor; caseId: string }): Promise<CaseImagingDto> {
  const { actor, caseId } = options;
  assertCan(actor, 'cases.read');
  return db().$transaction(async (tx) => {
    const scoped = await findCaseInScope(tx, actor, caseId);
    const imaging = await readCaseImaging(tx, scoped);
    await auditCaseView(tx, actor, scoped, 'imaging', imaging.studies.length);
    return imaging;
  });
}

export interface StudyRow {
  id: string;
  studyInstanceUid: string;
  studyDate: Date | null;
  description: string | null;
  modalities: string[];
  accessionNumber: string | null;
  series: Omit<CaseImagingSeriesDto, 'instances' | 'nonImageCount'>[];
}

/** Studies (newest first) with their series (by series number), in one statement. */
export async function fetchStudies(tx: Tx, patientId: string): Promise<StudyRow[]> {
  return tx.$queryRaw<StudyRow[]>`
    SELECT st.id, st."studyInstanceUid", st."studyDate", st.description, st.modalities, st."accessionNumber",
           COALESCE(json_agg(json_build_object(
             'id', se.id, 'seriesInstanceUid', se."seriesInstanceUid", 'modality', se.modality, 'seriesNumber', se."seriesNumber",
             'description', se.description, 'frameOfReferenceUid', se."frameOfReferenceUid")
             ORDER BY se."seriesNumber" NULLS LAST, se.id) FILTER (WHERE se.id IS NOT NULL), '[]') AS series
    FROM imaging_studies st LEFT JOIN imaging_series se ON se."studyId" = st.id
    WHERE st."patientId" = ${patientId}
    GROUP BY st.id
    ORDER BY st."studyDate" DESC NULLS LAST, st.id`;
}

interface InstanceRow {
  seriesId: string;
  sopInstanceUid: string;
  instanceNumber: number | null;
  numberOfFrames: number;
  isImage: boolean;
  position: unknown;
  orientation: unknown;
}

export async function readCaseImaging(tx: Tx, scoped: { id: string; patientId: string }, prefetchedStudies?: StudyRow[]): Promise<CaseImagingDto> {
  const studies = prefetchedStudies ?? (await fetchStudies(tx, scoped.patientId));
  const seriesIds = studies.flatMap((s) => s.series.map((se) => se.id));
  // Only the two geometry attributes are read out of each instance's DICOM JSON, not the whole document.
  const instances =
    seriesIds.length === 0
      ? []
      : await tx.$queryRaw<InstanceRow[]>`
          SELECT "seriesId", "sopInstanceUid", "instanceNumber", "numberOfFrames", "isImage",
                 metadata->'00200032'->'Value' AS position, metadata->'00200037'->'Value' AS orientation
          FROM imaging_instances WHERE "seriesId" = ANY(${seriesIds}::text[])`;
  const bySeries = new Map<string, InstanceRow[]>();
  for (const row of instances) {
    const list = bySeries.get(row.seriesId) ?? [];
    list.push(row);
    bySeries.set(row.seriesId, list);
  }

  const dto: CaseImagingStudyDto[] = studies.map((study) => ({
    id: study.id,
    studyInstanceUid: study.studyInstanceUid,
    studyDate: study.studyDate?.toISOString() ?? null,
    description: study.description,
    modalities: study.modalities,
    accessionNumber: study.accessionNumber,
    series: study.series.map((series) => {
      const rows = bySeries.get(series.id) ?? [];
      const images = rows.filter((r) => r.isImage).map(toPositioned);
      return { ...series, instances: orderBySlicePosition(images).map(({ instance }) => instance), nonImageCount: rows.length - images.length };
    }),
  }));
  return { studies: dto, ...(await readCaseAnnotations(tx, scoped.id)) };
}

function toPositioned(row: InstanceRow): PositionedInstance<CaseImagingInstanceDto> {
  return {
    instance: { sopInstanceUid: row.sopInstanceUid, instanceNumber: row.instanceNumber, numberOfFrames: row.numberOfFrames, isImage: row.isImage },
    instanceNumber: row.instanceNumber,
    position: numbers(row.position, 3),
    orientation: numbers(row.orientation, 6),
  };
}

function numbers(value: unknown, length: number): number[] | null {
  if (!Array.isArray(value) || value.length !== length) return null;
  const parsed = value.map((v) => (typeof v === 'number' ? v : Number(v)));
  return parsed.every(Number.isFinite) ? parsed : null;
}
