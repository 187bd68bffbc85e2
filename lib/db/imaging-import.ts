import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { writeAuditEvent } from '@/lib/audit/write-audit-event';
import type { PatientFromHeader } from '@/lib/dicom/patient-from-header';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db, type Tx } from './client';
import { newRowId } from './row-id';

// The DICOM importer's writes: one transaction per (patient, study) batch that
// links or creates the patient, upserts the study and its series, writes the
// instances' files, inserts the instances and writes one `import.dicom_study`
// audit event. Concurrent imports of the same study meet on unique UIDs: rows
// are inserted with ON CONFLICT DO NOTHING and the study row is locked
// (SELECT … FOR UPDATE) before it is updated, so nothing is duplicated and no
// update is lost; deadlocks and serialization failures retry the whole batch.
//
// Files are content-addressed, so two imports may share one. A batch holds a
// shared advisory lock on each of its files' hashes from before it writes them
// until it commits; removing a file that a failed batch wrote takes the same
// lock exclusively and checks for referencing rows under it. So a row is never
// committed pointing at a file that a cleanup removes (removeUnreferencedDicomFiles).

export interface StoredDicomInstance {
  sopInstanceUid: string;
  fileSha256: string;
  transferSyntaxUid: string | null;
  seriesInstanceUid: string;
  studyInstanceUid: string;
  patientId: string;
}

export interface DicomInstanceRow {
  sopInstanceUid: string;
  sopClassUid: string;
  instanceNumber: number | null;
  transferSyntaxUid: string;
  rows: number | null;
  columns: number | null;
  numberOfFrames: number;
  isImage: boolean;
  metadata: Prisma.InputJsonValue;
  fileSha256: string;
  fileSizeBytes: number;
}

export interface DicomSeriesBatch {
  seriesInstanceUid: string;
  modality: string;
  seriesNumber: number | null;
  description: string | null;
  bodyPart: string | null;
  frameOfReferenceUid: string | null;
  instances: DicomInstanceRow[];
}

export interface DicomStudyBatch {
  actor: Actor | null;
  jobId?: string;
  /** An existing patient (import for a named patient), or the patient the header describes (found by MRN, else created). */
  patient: { patientId: string } | { fromHeader: PatientFromHeader };
  study: {
    studyInstanceUid: string;
    studyDate: Date | null;
    accessionNumber: string | null;
    description: string | null;
    dicomPatientId: string | null;
  };
  series: DicomSeriesBatch[];
  /** Files of this study in the same import that were already stored (for the audit detail). */
  instancesUnchanged: number;
  /**
   * Writes the files with these hashes to storage (idempotent). Called inside the transaction, after the
   * batch's checks and while it holds the files' locks, just before the instance rows are inserted; called
   * again when the transaction is retried. A throw rolls the batch back and is rethrown as it is.
   */
  writeFiles: (fileSha256s: string[]) => Promise<void>;
}

export type DicomStudyBatchResult =
  | { ok: true; patientId: string; patientCreated: boolean; inserted: Set<string>; rejectedSeries: Map<string, string> }
  | { ok: false; reason: string };

function check(actor: Actor | null): void {
  // Null actor: the CLI and the demo seed, which run as the system.
  if (actor) assertCan(actor, 'imports.run');
}

/** The Konsil patient with this MRN, if any. */
export async function findPatientIdByMrn(options: { actor: Actor | null; mrn: string }): Promise<string | null> {
  check(options.actor);
  const row = await db().patient.findUnique({ where: { mrn: options.mrn }, select: { id: true } });
  return row?.id ?? null;
}

/** What is already stored under these SOP Instance UIDs. */
export async function findStoredDicomInstances(options: { actor: Actor | null; sopInstanceUids: string[] }): Promise<Map<string, StoredDicomInstance>> {
  check(options.actor);
  const found = new Map<string, StoredDicomInstance>();
  if (options.sopInstanceUids.length === 0) return found;
  const rows = await db().imagingInstance.findMany({
    where: { sopInstanceUid: { in: options.sopInstanceUids } },
    select: {
      sopInstanceUid: true,
      fileSha256: true,
      transferSyntaxUid: true,
      series: { select: { seriesInstanceUid: true, study: { select: { studyInstanceUid: true, patientId: true } } } },
    },
  });
  for (const row of rows) {
    found.set(row.sopInstanceUid, {
      sopInstanceUid: row.sopInstanceUid,
      fileSha256: row.fileSha256,
      transferSyntaxUid: row.transferSyntaxUid,
      seriesInstanceUid: row.series.seriesInstanceUid,
      studyInstanceUid: row.series.study.studyInstanceUid,
      patientId: row.series.study.patientId,
    });
  }
  return found;
}

/**
 * Calls `remove` for each of these files that no instance row references, each in a short transaction
 * holding the file's advisory lock exclusively: a batch that is about to commit a row for the same file
 * holds it shared from before its write, so it either commits first (the file is kept) or waits and then
 * writes the file again. A failure is logged and leaves the file (an unreferenced file is harmless).
 */
export async function removeUnreferencedDicomFiles(options: {
  actor: Actor | null;
  fileSha256s: Iterable<string>;
  remove: (fileSha256: string) => Promise<void>;
}): Promise<void> {
  check(options.actor);
  for (const sha256 of new Set(options.fileSha256s)) {
    try {
      await db().$transaction(
        async (tx) => {
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('konsil.dicom-file'), ('x' || substr(${sha256}, 1, 8))::bit(32)::int)`;
          if ((await tx.imagingInstance.count({ where: { fileSha256: sha256 } })) === 0) await options.remove(sha256);
        },
        { maxWait: 30_000, timeout: 120_000 },
      );
    } catch (error) {
      console.error(`DICOM import: could not remove the unreferenced file ${sha256}; it stays in storage`, error);
    }
  }
}

/** Shared locks on the files a batch is about to write and reference (released at commit or rollback). */
async function lockFilesShared(tx: Tx, sha256s: string[]): Promise<void> {
  if (sha256s.length === 0) return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(hashtext('konsil.dicom-file'), ('x' || substr(h, 1, 8))::bit(32)::int) FROM unnest(${sha256s}::text[]) AS h`;
}

/** The batch is refused and nothing is written (the transaction rolls back). */
class BatchRefused extends Error {}

const STUDY_OF_ANOTHER_PATIENT =
  'the study (Study Instance UID) is already linked to another Konsil patient; nothing was stored. Check the Patient ID, or import for the right patient';

export async function saveDicomStudyBatch(batch: DicomStudyBatch): Promise<DicomStudyBatchResult> {
  check(batch.actor);
  for (let attempt = 1; ; attempt++) {
    try {
      return await db().$transaction((tx) => writeBatch(tx, batch), { maxWait: 30_000, timeout: 120_000 });
    } catch (error) {
      if (error instanceof BatchRefused) return { ok: false, reason: error.message };
      if (attempt < 4 && isRetryable(error)) {
        await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 50));
        continue;
      }
      throw error;
    }
  }
}

async function writeBatch(tx: Tx, batch: DicomStudyBatch): Promise<DicomStudyBatchResult> {
  const uid = batch.study.studyInstanceUid;
  // First: from here to commit no cleanup can remove a file this batch writes and references.
  await lockFilesShared(tx, [...new Set(batch.series.flatMap((s) => s.instances.map((i) => i.fileSha256)))].sort());
  let patientId = 'patientId' in batch.patient ? batch.patient.patientId : null;
  const header = 'fromHeader' in batch.patient ? batch.patient.fromHeader : null;
  if (header) patientId = (await tx.patient.findUnique({ where: { mrn: header.mrn }, select: { id: true } }))?.id ?? null;

  // Refuse before writing anything: a study never moves between patients.
  const existing = await tx.imagingStudy.findUnique({ where: { studyInstanceUid: uid }, select: { patientId: true } });
  if (existing && existing.patientId !== patientId) throw new BatchRefused(STUDY_OF_ANOTHER_PATIENT);

  let patientCreated = false;
  if (!patientId && header) {
    const { count } = await tx.patient.createMany({
      data: [{ ...header, sourceSystem: 'dicom', sourceId: header.mrn }],
      skipDuplicates: true,
    });
    patientId = (await tx.patient.findUnique({ where: { mrn: header.mrn }, select: { id: true } }))?.id ?? null;
    // count 0 and no row: another patient holds the pseudonym or the (dicom, id) source key.
    if (!patientId) throw new Error(`A patient for Patient ID ${header.mrn} could not be created (pseudonym or source id already taken).`);
    patientCreated = count === 1;
  }
  if (!patientId) throw new Error('No patient to link the study to.');

  const modalities = [...new Set(batch.series.map((s) => s.modality))].sort();
  let studyCreated = false;
  if (!existing) {
    const { count } = await tx.imagingStudy.createMany({
      data: [{ patientId, studyInstanceUid: uid, ...studyFields(batch.study), modalities }],
      skipDuplicates: true,
    });
    studyCreated = count === 1;
  }
  // Serialises concurrent batches of this study from here to commit.
  await tx.$queryRaw`SELECT id FROM imaging_studies WHERE "studyInstanceUid" = ${uid} FOR UPDATE`;
  const study = await tx.imagingStudy.findUniqueOrThrow({ where: { studyInstanceUid: uid } });
  if (study.patientId !== patientId) throw new BatchRefused(STUDY_OF_ANOTHER_PATIENT);
  const update = studyUpdate(study, batch.study, modalities);
  if (update) await tx.imagingStudy.update({ where: { id: study.id }, data: update });

  const { ids: seriesIds, created: seriesCreated } = await upsertSeries(tx, study.id, batch.series);
  const rejectedSeries = new Map<string, string>();
  const rows: InstanceInsert[] = [];
  for (const series of batch.series) {
    const seriesId = seriesIds.get(series.seriesInstanceUid);
    if (!seriesId) {
      rejectedSeries.set(series.seriesInstanceUid, 'the series (Series Instance UID) already belongs to another study; nothing was stored');
      continue;
    }
    for (const instance of series.instances) rows.push({ ...instance, id: newRowId(), seriesId });
  }
  // Every series belongs elsewhere: leave no empty study or new patient behind.
  if (rows.length === 0 && rejectedSeries.size > 0) throw new BatchRefused([...rejectedSeries.values()][0]!);
  // Files before rows, so a committed row never points at a missing file.
  await batch.writeFiles([...new Set(rows.map((row) => row.fileSha256))]);
  const inserted = await insertInstances(tx, rows);

  // Audited whenever this transaction changed anything, also when every instance lost the race to a
  // concurrent import (inserted = 0) but the study row, a series or the patient was created or updated here.
  if (inserted.length > 0 || patientCreated || studyCreated || update || seriesCreated > 0) {
    await writeAuditEvent(tx, {
      actor: batch.actor,
      action: 'import.dicom_study',
      entityType: 'ImagingStudy',
      entityId: study.id,
      patientId,
      detail: {
        ...(batch.jobId ? { jobId: batch.jobId } : {}),
        studyInstanceUid: uid,
        instancesCreated: inserted.length,
        instancesUnchanged: batch.instancesUnchanged,
        patientCreated,
      },
    });
  }
  return { ok: true, patientId, patientCreated, inserted: new Set(inserted.map((row) => row.sopInstanceUid)), rejectedSeries };
}

type InstanceInsert = DicomInstanceRow & { id: string; seriesId: string };

/**
 * All instances of the batch in one statement. Raw SQL because Prisma's
 * createMany spends about a millisecond per row on the metadata JSON, which
 * dominated imports of large series; here PostgreSQL unpacks one jsonb array
 * (measured: 64 CT rows in ~15-40 ms instead of ~60-300 ms on the 2-core box).
 * ON CONFLICT DO NOTHING makes a concurrent import of the same object a no-op;
 * RETURNING says which rows were really inserted. Rows go in UID order, so two
 * imports of overlapping sets take index locks in the same order (no deadlock).
 */
async function insertInstances(tx: Tx, rows: InstanceInsert[]): Promise<{ sopInstanceUid: string }[]> {
  if (rows.length === 0) return [];
  rows.sort((a, b) => (a.sopInstanceUid < b.sopInstanceUid ? -1 : 1));
  return tx.$queryRaw<{ sopInstanceUid: string }[]>`
    INSERT INTO imaging_instances (id, "seriesId", "sopInstanceUid", "sopClassUid", "instanceNumber", "transferSyntaxUid", rows, columns, "numberOfFrames", "isImage", metadata, "fileSha256", "fileSizeBytes")
    SELECT id, "seriesId", "sopInstanceUid", "sopClassUid", "instanceNumber", "transferSyntaxUid", rows, columns, "numberOfFrames", "isImage", metadata, "fileSha256", "fileSizeBytes"
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(
      id text, "seriesId" text, "sopInstanceUid" text, "sopClassUid" text, "instanceNumber" int, "transferSyntaxUid" text,
      rows int, columns int, "numberOfFrames" int, "isImage" boolean, metadata jsonb, "fileSha256" text, "fileSizeBytes" int)
    ORDER BY "sopInstanceUid"
    ON CONFLICT ("sopInstanceUid") DO NOTHING
    RETURNING "sopInstanceUid"`;
}

function studyFields(study: DicomStudyBatch['study']) {
  return {
    studyDate: study.studyDate,
    accessionNumber: study.accessionNumber,
    description: study.description,
    dicomPatientId: study.dicomPatientId,
  };
}

/** Fills what the study row lacks (it may have been announced by FHIR first) and adds new modalities; never overwrites. */
function studyUpdate(
  row: { modalities: string[]; studyDate: Date | null; accessionNumber: string | null; description: string | null; dicomPatientId: string | null },
  study: DicomStudyBatch['study'],
  modalities: string[],
): Prisma.ImagingStudyUpdateInput | null {
  const update: Prisma.ImagingStudyUpdateInput = {};
  const merged = [...new Set([...row.modalities, ...modalities])].sort();
  if (merged.length !== row.modalities.length) update.modalities = merged;
  if (!row.studyDate && study.studyDate) update.studyDate = study.studyDate;
  if (!row.accessionNumber && study.accessionNumber) update.accessionNumber = study.accessionNumber;
  if (!row.description && study.description) update.description = study.description;
  if (!row.dicomPatientId && study.dicomPatientId) update.dicomPatientId = study.dicomPatientId;
  return Object.keys(update).length ? update : null;
}

/** Series ids by UID, for the series of this study (a UID that belongs to another study is left out), and how many were created. */
async function upsertSeries(tx: Tx, studyId: string, series: DicomSeriesBatch[]): Promise<{ ids: Map<string, string>; created: number }> {
  const uids = series.map((s) => s.seriesInstanceUid);
  const { count } = await tx.imagingSeries.createMany({
    data: series.map(({ instances: _instances, ...fields }) => ({ ...fields, studyId })),
    skipDuplicates: true,
  });
  const rows = await tx.imagingSeries.findMany({ where: { seriesInstanceUid: { in: uids } }, select: { id: true, studyId: true, seriesInstanceUid: true } });
  return { ids: new Map(rows.filter((row) => row.studyId === studyId).map((row) => [row.seriesInstanceUid, row.id])), created: count };
}

function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  if (code === 'P2002' || code === 'P2034') return true;
  const message = error instanceof Error ? error.message : '';
  return /deadlock detected|could not serialize|write conflict/i.test(message);
}
