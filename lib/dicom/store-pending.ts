// Stores a batch of parsed objects: decides unchanged / duplicate against what
// is already indexed, then indexes them with one database transaction per
// (patient, study), which writes the new files (content-addressed) just before
// their rows. Files go first so a committed row never points at a missing file;
// files a batch newly wrote but did not keep (the transaction failed, or a
// concurrent import stored the object first) are removed again, unless a row
// uses them, under a per-file lock that concurrent batches hold while they
// write and commit (see lib/db/imaging-import.ts).
import {
  findStoredDicomInstances,
  removeUnreferencedDicomFiles,
  saveDicomStudyBatch,
  type DicomSeriesBatch,
  type DicomStudyBatch,
  type StoredDicomInstance,
} from '@/lib/db/imaging-import';
import type { Prisma } from '@/lib/generated/prisma/client';
import { putDicomObject, removeDicomObject } from '@/lib/storage/content-store';
import type { Actor } from '@/lib/authz/actor';
import type { DicomFileOutcome } from './import-types';
import type { ParsedDicomObject } from './parse-dicom-file';
import { patientFromHeader } from './patient-from-header';
import { transferSyntaxName } from './transfer-syntax';

export interface PendingObject {
  /** Position of this file's outcome in the import's list. */
  index: number;
  name: string;
  parsed: ParsedDicomObject;
  sha256: string;
}

export interface StoreContext {
  actor: Actor | null;
  jobId?: string;
  /** Set when importing for a named patient. */
  overridePatientId: string | null;
  /** HMAC key for pseudonyms of patients created from headers. */
  pseudonymKey: () => string;
}

export interface Settled {
  index: number;
  outcome: DicomFileOutcome;
}

export async function storePending(pending: PendingObject[], context: StoreContext): Promise<{ settled: Settled[]; patientsCreated: number }> {
  const settled: Settled[] = [];
  const stored = await findStoredDicomInstances({ actor: context.actor, sopInstanceUids: pending.map(uidOf) });
  const groups = new Map<string, PendingObject[]>();
  const unchangedPerStudy = new Map<string, number>();
  for (const item of pending) {
    const existing = stored.get(uidOf(item));
    if (existing) {
      settled.push({ index: item.index, outcome: await alreadyStored(item, existing) });
      const study = item.parsed.fields.study.studyInstanceUid;
      unchangedPerStudy.set(study, (unchangedPerStudy.get(study) ?? 0) + 1);
      continue;
    }
    const key = `${item.parsed.fields.study.studyInstanceUid}|${context.overridePatientId ?? `pid:${item.parsed.fields.patient.id}`}`;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  let patientsCreated = 0;
  for (const group of groups.values()) {
    const unchanged = unchangedPerStudy.get(group[0]!.parsed.fields.study.studyInstanceUid) ?? 0;
    const result = await storeStudyGroup(group, context, unchanged);
    settled.push(...result.settled);
    if (result.patientCreated) patientsCreated++;
  }
  return { settled, patientsCreated };
}

function uidOf(item: PendingObject): string {
  return item.parsed.fields.instance.sopInstanceUid;
}

export function outcomeOf(item: { name: string; parsed: ParsedDicomObject }, status: DicomFileOutcome['status'], extra: Partial<DicomFileOutcome> = {}): DicomFileOutcome {
  const { fields, warnings } = item.parsed;
  return {
    name: item.name,
    status,
    ...(extra.reason ? { reason: extra.reason } : {}),
    ...(warnings.length ? { warnings } : {}),
    sopInstanceUid: fields.instance.sopInstanceUid,
    seriesInstanceUid: fields.series.seriesInstanceUid,
    studyInstanceUid: fields.study.studyInstanceUid,
    ...(extra.patientId ? { patientId: extra.patientId } : {}),
  };
}

export function duplicateReason(existing: { fileSha256: string; transferSyntaxUid: string | null }): string {
  const syntax = existing.transferSyntaxUid ? transferSyntaxName(existing.transferSyntaxUid) : 'another encoding';
  return `already stored as ${syntax} (file sha256 ${existing.fileSha256.slice(0, 12)}…) under this SOP Instance UID with different bytes; kept the first`;
}

async function alreadyStored(item: PendingObject, existing: StoredDicomInstance): Promise<DicomFileOutcome> {
  if (existing.fileSha256 !== item.sha256) return outcomeOf(item, 'duplicate', { reason: duplicateReason(existing), patientId: existing.patientId });
  // Same bytes: nothing to index. Re-putting costs a stat and heals a file lost from storage.
  const { created } = await putDicomObject(item.parsed.bytes);
  if (created) item.parsed.warnings.push('the stored file was missing from storage and has been restored');
  return outcomeOf(item, 'unchanged', { patientId: existing.patientId });
}

/** A file could not be written: thrown out of the batch's transaction, which rolls back. */
class StorageWriteFailed extends Error {}

async function storeStudyGroup(group: PendingObject[], context: StoreContext, unchanged: number): Promise<{ settled: Settled[]; patientCreated: boolean }> {
  /** Files this batch newly wrote (over every attempt of its transaction). */
  const created = new Set<string>();
  const rejectAll = async (reason: string) => {
    await removeUnreferenced(created, new Set(), context);
    return { settled: group.map((item) => ({ index: item.index, outcome: outcomeOf(item, 'rejected', { reason }) })), patientCreated: false };
  };
  const bytesOf = new Map(group.map((item) => [item.sha256, item.parsed.bytes]));
  const writeFiles = async (sha256s: string[]) => {
    for (const sha256 of sha256s) {
      try {
        const put = await putDicomObject(bytesOf.get(sha256)!);
        if (put.created) created.add(put.sha256);
      } catch (error) {
        throw new StorageWriteFailed(error instanceof Error ? error.message : String(error), { cause: error });
      }
    }
  };

  let result: Awaited<ReturnType<typeof saveDicomStudyBatch>>;
  try {
    result = await saveDicomStudyBatch({ ...batchOf(group, context, unchanged), writeFiles });
  } catch (error) {
    if (error instanceof StorageWriteFailed) {
      console.error('DICOM import: writing to storage failed', error.cause);
      return rejectAll(`the file could not be written to storage (${error.message})`);
    }
    console.error('DICOM import: indexing a study failed', error);
    return rejectAll('the study could not be saved to the database; nothing of it was stored (details are in the server log)');
  }
  if (!result.ok) return rejectAll(result.reason);

  const raced = group.filter((item) => !result.rejectedSeries.has(item.parsed.fields.series.seriesInstanceUid) && !result.inserted.has(uidOf(item)));
  // Another import stored these between our check and our transaction.
  const nowStored = raced.length ? await findStoredDicomInstances({ actor: context.actor, sopInstanceUids: raced.map(uidOf) }) : new Map<string, StoredDicomInstance>();
  const kept = new Set<string>();
  const settled = group.map((item): Settled => {
    const seriesReason = result.rejectedSeries.get(item.parsed.fields.series.seriesInstanceUid);
    if (seriesReason) return { index: item.index, outcome: outcomeOf(item, 'rejected', { reason: seriesReason }) };
    if (result.inserted.has(uidOf(item))) {
      kept.add(item.sha256);
      return { index: item.index, outcome: outcomeOf(item, 'stored', { patientId: result.patientId }) };
    }
    const existing = nowStored.get(uidOf(item));
    if (existing && existing.fileSha256 === item.sha256) {
      kept.add(item.sha256);
      return { index: item.index, outcome: outcomeOf(item, 'unchanged', { patientId: existing.patientId }) };
    }
    return {
      index: item.index,
      outcome: existing
        ? outcomeOf(item, 'duplicate', { reason: duplicateReason(existing), patientId: existing.patientId })
        : outcomeOf(item, 'rejected', { reason: 'the object was not stored (a concurrent import changed the study); import it again' }),
    };
  });
  await removeUnreferenced(created, kept, context);
  return { settled, patientCreated: result.patientCreated };
}

function batchOf(group: PendingObject[], context: StoreContext, unchanged: number): Omit<DicomStudyBatch, 'writeFiles'> {
  const first = group[0]!.parsed.fields;
  const series = new Map<string, DicomSeriesBatch>();
  for (const item of group) {
    const { fields } = item.parsed;
    let entry = series.get(fields.series.seriesInstanceUid);
    if (!entry) {
      entry = {
        seriesInstanceUid: fields.series.seriesInstanceUid,
        modality: fields.series.modality,
        seriesNumber: fields.series.seriesNumber,
        description: fields.series.description ?? null,
        bodyPart: fields.series.bodyPart ?? null,
        frameOfReferenceUid: fields.series.frameOfReferenceUid ?? null,
        instances: [],
      };
      series.set(entry.seriesInstanceUid, entry);
    }
    entry.instances.push({
      sopInstanceUid: fields.instance.sopInstanceUid,
      sopClassUid: fields.instance.sopClassUid,
      instanceNumber: fields.instance.instanceNumber,
      transferSyntaxUid: item.parsed.transferSyntaxUid,
      rows: fields.instance.rows,
      columns: fields.instance.columns,
      numberOfFrames: fields.instance.numberOfFrames,
      isImage: item.parsed.isImage,
      metadata: item.parsed.metadata as unknown as Prisma.InputJsonValue,
      fileSha256: item.sha256,
      fileSizeBytes: item.parsed.bytes.byteLength,
    });
  }
  const patientId = first.patient.id;
  return {
    actor: context.actor,
    jobId: context.jobId,
    patient: context.overridePatientId
      ? { patientId: context.overridePatientId }
      : { fromHeader: patientFromHeader({ ...first.patient, id: patientId! }, context.pseudonymKey()) },
    study: {
      studyInstanceUid: first.study.studyInstanceUid,
      studyDate: first.study.studyDate,
      accessionNumber: first.study.accessionNumber ?? null,
      description: first.study.description ?? null,
      dicomPatientId: patientId ?? null,
    },
    series: [...series.values()],
    instancesUnchanged: unchanged,
  };
}

async function removeUnreferenced(created: Set<string>, kept: Set<string>, context: StoreContext): Promise<void> {
  const candidates = [...created].filter((sha256) => !kept.has(sha256));
  if (candidates.length === 0) return;
  await removeUnreferencedDicomFiles({ actor: context.actor, fileSha256s: candidates, remove: removeDicomObject });
}
