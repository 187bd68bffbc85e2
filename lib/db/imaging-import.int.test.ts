// saveDicomStudyBatch on its own: what it audits when a concurrent import has
// already inserted every instance of the batch (ON CONFLICT DO NOTHING → 0 rows).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/authz/actor';
import { importDicomSources } from '@/lib/dicom/import-dicom';
import { dicomPseudonym } from '@/lib/dicom/patient-from-header';
import { useTemporaryStorage } from '@/lib/dicom/test-support/imaging-fixtures';
import { randomUid, syntheticSeries } from '@/lib/dicom/test-support/synthetic-series';
import { createTestActor } from '@/lib/test/create-test-actor';
import { db } from './client';
import { saveDicomStudyBatch, type DicomStudyBatch } from './imaging-import';

let coordinator: Actor;
let storage: Awaited<ReturnType<typeof useTemporaryStorage>>;

beforeAll(async () => {
  storage = await useTemporaryStorage();
  coordinator = await createTestActor({ role: 'COORDINATOR' });
});

afterAll(async () => {
  await storage.dispose();
});

/** One instance stored by a first import, and a batch that repeats it (its insert conflicts). */
async function storedInstance() {
  const first = await importDicomSources(syntheticSeries({ slices: 1, size: 4, patientId: `A-${randomUid().slice(-10)}` }), { actor: coordinator, channel: 'ui' });
  const row = await db().imagingInstance.findUniqueOrThrow({
    where: { sopInstanceUid: first.files[0]!.sopInstanceUid! },
    include: { series: { include: { study: true } } },
  });
  const batch = (study: Partial<DicomStudyBatch['study']> & { studyInstanceUid: string }, seriesUid: string, patient: DicomStudyBatch['patient']): DicomStudyBatch => ({
    actor: coordinator,
    jobId: 'job-race',
    patient,
    study: { studyDate: null, accessionNumber: null, description: null, dicomPatientId: null, ...study },
    series: [
      {
        seriesInstanceUid: seriesUid,
        modality: 'CT',
        seriesNumber: null,
        description: null,
        bodyPart: null,
        frameOfReferenceUid: null,
        instances: [
          {
            sopInstanceUid: row.sopInstanceUid,
            sopClassUid: row.sopClassUid,
            instanceNumber: null,
            transferSyntaxUid: row.transferSyntaxUid!,
            rows: null,
            columns: null,
            numberOfFrames: 1,
            isImage: true,
            metadata: {},
            fileSha256: row.fileSha256,
            fileSizeBytes: row.fileSizeBytes,
          },
        ],
      },
    ],
    instancesUnchanged: 0,
    writeFiles: async () => undefined,
  });
  return { row, study: row.series.study, batch };
}

const eventsFor = (studyId: string) => db().auditEvent.findMany({ where: { action: 'import.dicom_study', entityId: studyId }, orderBy: { id: 'asc' } });

describe('import.dicom_study when every instance was already inserted by a concurrent import', () => {
  it('is written when the batch created the study row', async () => {
    const { study, batch } = await storedInstance();
    const newStudyUid = randomUid();
    const result = await saveDicomStudyBatch(batch({ studyInstanceUid: newStudyUid }, randomUid(), { patientId: study.patientId }));
    expect(result).toMatchObject({ ok: true, patientCreated: false });
    expect(result.ok && result.inserted.size).toBe(0);
    const created = await db().imagingStudy.findUniqueOrThrow({ where: { studyInstanceUid: newStudyUid } });
    const events = await eventsFor(created.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: coordinator.id, patientId: study.patientId });
    expect(events[0]!.detail).toEqual({ jobId: 'job-race', studyInstanceUid: newStudyUid, instancesCreated: 0, instancesUnchanged: 0, patientCreated: false });
  });

  it('is written when the batch changed the study row, and not when it changed nothing', async () => {
    const { row, study, batch } = await storedInstance();
    const before = (await eventsFor(study.id)).length;
    const seriesUid = row.series.seriesInstanceUid;
    // Same study, same series, nothing new: no event.
    await saveDicomStudyBatch(batch({ studyInstanceUid: study.studyInstanceUid }, seriesUid, { patientId: study.patientId }));
    expect(await eventsFor(study.id)).toHaveLength(before);
    // The study lacked a description; this batch fills it in.
    await saveDicomStudyBatch(batch({ studyInstanceUid: study.studyInstanceUid, description: 'CT thorax' }, seriesUid, { patientId: study.patientId }));
    expect((await db().imagingStudy.findUniqueOrThrow({ where: { id: study.id } })).description).toBe('CT thorax');
    const events = await eventsFor(study.id);
    expect(events).toHaveLength(before + 1);
    expect(events.at(-1)!.detail).toMatchObject({ instancesCreated: 0, patientCreated: false });
  });

  it('says when the batch created the patient', async () => {
    const { batch } = await storedInstance();
    const mrn = `N-${randomUid().slice(-10)}`;
    const studyUid = randomUid();
    const header = { mrn, familyName: 'New', givenName: 'Patient', birthDate: null, sex: 'UNKNOWN' as const, pseudonym: dicomPseudonym(mrn, 'k'), isSynthetic: false };
    const result = await saveDicomStudyBatch(batch({ studyInstanceUid: studyUid }, randomUid(), { fromHeader: header }));
    expect(result).toMatchObject({ ok: true, patientCreated: true });
    const created = await db().imagingStudy.findUniqueOrThrow({ where: { studyInstanceUid: studyUid } });
    expect((await eventsFor(created.id))[0]!.detail).toMatchObject({ instancesCreated: 0, patientCreated: true });
  });
});
