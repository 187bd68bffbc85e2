// The importer's rules beyond the real-world files: who may import, patient
// linking and creation, conflicts between imports, files removed when the
// database refuses, DICOMDIR media with missing files.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/authz/actor';
import { db } from '@/lib/db/client';
import { dicomObjectPath } from '@/lib/storage/paths';
import { createTestActor } from '@/lib/test/create-test-actor';
import { seedPatient } from '@/prisma/seed/patients';
import { importDicomSources, readDicomSourcesFromPath } from './import-dicom';
import { dicomPseudonym } from './patient-from-header';
import { forgetPatientsByMrn, imagingCounts, storedFiles, useTemporaryStorage } from './test-support/imaging-fixtures';
import { encodeDataset, minimalImage, part10 } from './test-support/dataset-builder';
import { randomUid, syntheticSeries } from './test-support/synthetic-series';
import { EXTERNAL_DIR } from './test-support/test-files';

let coordinator: Actor;
let storage: Awaited<ReturnType<typeof useTemporaryStorage>>;

beforeAll(async () => {
  storage = await useTemporaryStorage();
  coordinator = await createTestActor({ role: 'COORDINATOR' });
});

afterAll(async () => {
  await storage.dispose();
});

const mrn = () => `T-${randomUid().slice(-10)}`;

describe('who may import', () => {
  it('refuses clinicians, allows coordinators, admins and the system (null actor)', async () => {
    const clinician = await createTestActor({ role: 'CLINICIAN' });
    const admin = await createTestActor({ role: 'ADMIN' });
    await expect(importDicomSources(syntheticSeries({ slices: 1, size: 4, patientId: mrn() }), { actor: clinician, channel: 'ui' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    for (const actor of [admin, null]) {
      const result = await importDicomSources(syntheticSeries({ slices: 1, size: 4, patientId: mrn() }), { actor, channel: 'cli' });
      expect(result.status).toBe('SUCCEEDED');
    }
  });

  it('refuses an import for a patient that does not exist', async () => {
    await expect(
      importDicomSources(syntheticSeries({ slices: 1, size: 4 }), { actor: coordinator, channel: 'ui', patientMrn: 'NO-SUCH-MRN' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('No patient with MRN "NO-SUCH-MRN"') });
  });
});

describe('patients', () => {
  it('creates a patient from the header once, with a keyed pseudonym, synthetic only when the header says so', async () => {
    const id = mrn();
    const progress: Array<[number, number | null]> = [];
    const result = await importDicomSources(
      syntheticSeries({ slices: 3, size: 8, patientId: id, patientName: 'Beispiel^Anna^Maria', birthDate: '19580314', sex: 'F', patientComments: 'SYNTHETIC demo patient' }),
      { actor: coordinator, channel: 'ui', jobId: 'job123', onProgress: (n, total) => void progress.push([n, total]) },
    );
    expect(result.counts).toMatchObject({ stored: 3, patientsCreated: 1, studies: 1, series: 1 });
    expect(progress).toEqual([[1, 3], [2, 3], [3, 3], [3, 3]]);
    const patient = await db().patient.findUniqueOrThrow({ where: { mrn: id } });
    expect(patient).toMatchObject({ familyName: 'Beispiel', givenName: 'Anna Maria', sex: 'FEMALE', isSynthetic: true, sourceSystem: 'dicom', sourceId: id });
    expect(patient.birthDate?.toISOString()).toBe('1958-03-14T00:00:00.000Z');
    expect(patient.pseudonym).toBe(dicomPseudonym(id, process.env.AUTH_SECRET!));
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: 'import.dicom_study', patientId: patient.id } });
    expect(event).toMatchObject({ actorId: coordinator.id, entityType: 'ImagingStudy' });
    expect(event.detail).toMatchObject({ jobId: 'job123', instancesCreated: 3, instancesUnchanged: 0 });
  });

  it('links to an existing patient whose MRN is the Patient ID, without touching the patient', async () => {
    const id = mrn();
    const existing = await db().$transaction((tx) =>
      seedPatient(tx, { mrn: id, familyName: 'Known', givenName: 'Already', birthDate: '1970-01-01', sex: 'MALE', pseudonym: `P-${id}`, isSynthetic: false }),
    );
    const result = await importDicomSources(syntheticSeries({ slices: 2, size: 4, patientId: id, patientName: 'Other^Name' }), { actor: coordinator, channel: 'api' });
    expect(result.counts.patientsCreated).toBe(0);
    expect(result.patientIds).toEqual([existing.id]);
    expect(await db().patient.findUniqueOrThrow({ where: { id: existing.id } })).toMatchObject({ familyName: 'Known', version: existing.version });
  });

  it('refuses a study that is already linked to another patient, storing nothing', async () => {
    const studyUid = randomUid();
    const a = mrn();
    const first = await importDicomSources(syntheticSeries({ slices: 1, size: 4, patientId: a, studyUid }), { actor: coordinator, channel: 'ui' });
    expect(first.status).toBe('SUCCEEDED');
    const before = await imagingCounts();
    const filesBefore = await storedFiles(storage.root);
    const b = mrn();
    const second = await importDicomSources(syntheticSeries({ slices: 2, size: 6, patientId: b, studyUid }), { actor: coordinator, channel: 'ui' });
    expect(second.status).toBe('FAILED');
    expect(second.files.map((f) => [f.status, f.reason])).toEqual([
      ['rejected', expect.stringMatching(/^the study \(Study Instance UID\) is already linked to another Konsil patient; nothing was stored/)],
      ['rejected', expect.stringMatching(/^the study \(Study Instance UID\) is already linked to another Konsil patient/)],
    ]);
    expect(await imagingCounts()).toEqual(before);
    expect(await storedFiles(storage.root)).toEqual(filesBefore);
    expect(await db().patient.findUnique({ where: { mrn: b } })).toBeNull();
  });
});

describe('Issuer of Patient ID (0010,0021): whose ID is it?', () => {
  const saved = process.env.DICOM_LOCAL_ISSUERS;
  afterEach(() => {
    if (saved === undefined) delete process.env.DICOM_LOCAL_ISSUERS;
    else process.env.DICOM_LOCAL_ISSUERS = saved;
  });
  const seedLocal = (id: string) =>
    db().$transaction((tx) => seedPatient(tx, { mrn: id, familyName: 'Local', givenName: 'Patient', birthDate: '1960-01-01', sex: 'MALE', pseudonym: `P-${id}`, isSynthetic: false }));

  it("never files another hospital's Patient ID under the local patient with that MRN, nor creates a patient by it", async () => {
    process.env.DICOM_LOCAL_ISSUERS = 'UKB-KIS';
    const id = mrn();
    const local = await seedLocal(id);
    const before = await imagingCounts();
    const outside = syntheticSeries({ slices: 2, size: 4, patientId: id, issuer: 'OTHER-HOSPITAL' });
    const result = await importDicomSources(outside, { actor: coordinator, channel: 'ui' });
    expect(result.status).toBe('FAILED');
    const reason = `Patient ID ${id} was issued by OTHER-HOSPITAL, not by this hospital: import it for a named patient`;
    expect(result.files.map((f) => [f.status, f.reason?.slice(0, reason.length)])).toEqual([
      ['rejected', reason],
      ['rejected', reason],
    ]);
    expect(await imagingCounts()).toEqual(before);
    // Nor is a patient created for an unknown outside ID.
    const unknown = mrn();
    const second = await importDicomSources(syntheticSeries({ slices: 1, size: 4, patientId: unknown, issuer: 'OTHER-HOSPITAL' }), { actor: coordinator, channel: 'ui' });
    expect(second.files[0]).toMatchObject({ status: 'rejected', reason: expect.stringContaining('was issued by OTHER-HOSPITAL') });
    expect(await db().patient.findUnique({ where: { mrn: unknown } })).toBeNull();
    // The way in: import it for the named patient.
    const named = await importDicomSources(outside, { actor: coordinator, channel: 'ui', patientMrn: id });
    expect(named.counts).toMatchObject({ stored: 2, rejected: 0 });
    expect(named.patientIds).toEqual([local.id]);
  });

  it('links by Patient ID when the issuer is a local one (trimmed, any case) or when there is no issuer', async () => {
    process.env.DICOM_LOCAL_ISSUERS = ' UKB-KIS , ukb-pacs ';
    const id = mrn();
    const local = await seedLocal(id);
    for (const issuer of ['UKB-KIS', 'UKB-PACS', undefined]) {
      const result = await importDicomSources(syntheticSeries({ slices: 1, size: 4, patientId: id, ...(issuer ? { issuer } : {}) }), { actor: coordinator, channel: 'ui' });
      expect([issuer, result.counts.stored, result.patientIds]).toEqual([issuer, 1, [local.id]]);
    }
  });

  it('with DICOM_LOCAL_ISSUERS unset only the demo issuer KONSIL-DEMO is local; set empty, none is', async () => {
    delete process.env.DICOM_LOCAL_ISSUERS;
    const id = mrn();
    const demo = await importDicomSources(syntheticSeries({ slices: 1, size: 4, patientId: id, issuer: 'KONSIL-DEMO' }), { actor: coordinator, channel: 'seed' });
    expect(demo.counts).toMatchObject({ stored: 1, patientsCreated: 1 });
    const other = await importDicomSources(syntheticSeries({ slices: 1, size: 4, patientId: id, issuer: 'UKB-KIS' }), { actor: coordinator, channel: 'ui' });
    expect(other.files[0]?.status).toBe('rejected');
    process.env.DICOM_LOCAL_ISSUERS = '';
    const none = await importDicomSources(syntheticSeries({ slices: 1, size: 4, patientId: id, issuer: 'KONSIL-DEMO' }), { actor: coordinator, channel: 'ui' });
    expect(none.files[0]?.status).toBe('rejected');
    const withoutIssuer = await importDicomSources(syntheticSeries({ slices: 1, size: 4, patientId: id }), { actor: coordinator, channel: 'ui' });
    expect(withoutIssuer.counts.stored).toBe(1);
  });
});

describe('series and instances', () => {
  it('refuses a series whose UID already belongs to another study', async () => {
    const id = mrn();
    const seriesUid = randomUid();
    const first = await importDicomSources(syntheticSeries({ slices: 1, size: 4, patientId: id, seriesUid }), { actor: coordinator, channel: 'ui' });
    expect(first.status).toBe('SUCCEEDED');
    // Same Series Instance UID, but a new study and a new SOP Instance UID; plus a good file of the new study.
    const study = randomUid();
    const moved = part10(encodeDataset(minimalImage([], { patientId: id, study, series: seriesUid, sop: randomUid() })));
    const good = part10(encodeDataset(minimalImage([], { patientId: id, study, series: randomUid(), sop: randomUid() })));
    const result = await importDicomSources(
      [
        { name: 'moved', bytes: moved },
        { name: 'good', bytes: good },
      ],
      { actor: coordinator, channel: 'ui' },
    );
    expect(result.files.map((f) => [f.name, f.status])).toEqual([
      ['moved', 'rejected'],
      ['good', 'stored'],
    ]);
    expect(result.files[0]?.reason).toBe('the series (Series Instance UID) already belongs to another study; nothing was stored');
    expect(await db().imagingInstance.count({ where: { sopInstanceUid: result.files[0]!.sopInstanceUid! } })).toBe(0);
    expect(await storedFiles(storage.root)).not.toContain(createHash('sha256').update(moved).digest('hex'));
    // Alone, the moved file leaves nothing behind: no study, no patient.
    const otherId = mrn();
    const otherStudy = randomUid();
    const alone = await importDicomSources([{ name: 'alone', bytes: part10(encodeDataset(minimalImage([], { patientId: otherId, study: otherStudy, series: seriesUid, sop: randomUid() }))) }], {
      actor: coordinator,
      channel: 'ui',
    });
    expect(alone.files[0]).toMatchObject({ status: 'rejected', reason: 'the series (Series Instance UID) already belongs to another study; nothing was stored' });
    expect(await db().imagingStudy.findUnique({ where: { studyInstanceUid: otherStudy } })).toBeNull();
    expect(await db().patient.findUnique({ where: { mrn: otherId } })).toBeNull();
  });
});

describe('storage and the database stay consistent', () => {
  it('leaves no file behind when the transaction fails', async () => {
    const id = mrn();
    // Another patient already holds the pseudonym this Patient ID would get: the insert cannot succeed.
    // (Files are written late in the transaction, so none is; file-cleanup.int.test.ts covers removal.)
    await db().$transaction((tx) =>
      seedPatient(tx, { mrn: `${id}-other`, familyName: 'Holder', givenName: 'Pseudonym', birthDate: '1970-01-01', sex: 'MALE', pseudonym: dicomPseudonym(id, process.env.AUTH_SECRET!) }),
    );
    const filesBefore = await storedFiles(storage.root);
    const before = await imagingCounts();
    const result = await importDicomSources(syntheticSeries({ slices: 2, size: 4, patientId: id }), { actor: coordinator, channel: 'ui' });
    expect(result.status).toBe('FAILED');
    expect(result.files[0]?.reason).toBe('the study could not be saved to the database; nothing of it was stored (details are in the server log)');
    expect(await storedFiles(storage.root)).toEqual(filesBefore);
    expect(await imagingCounts()).toEqual(before);
  });

  it('restores a stored file that went missing when the same file is imported again', async () => {
    const files = syntheticSeries({ slices: 1, size: 4, patientId: mrn() });
    const first = await importDicomSources(files, { actor: coordinator, channel: 'ui' });
    const row = await db().imagingInstance.findUniqueOrThrow({ where: { sopInstanceUid: first.files[0]!.sopInstanceUid! } });
    await rm(dicomObjectPath(row.fileSha256));
    const again = await importDicomSources(files, { actor: coordinator, channel: 'ui' });
    expect(again.files[0]).toMatchObject({ status: 'unchanged', warnings: ['the stored file was missing from storage and has been restored'] });
    expect(await storedFiles(storage.root)).toContain(row.fileSha256);
  });

  it('concurrent imports of the same study create each row once', async () => {
    const studyUid = randomUid();
    const id = mrn();
    const ct = syntheticSeries({ slices: 12, size: 16, patientId: id, studyUid, prefix: 'ct' });
    const pt = syntheticSeries({ slices: 6, size: 16, patientId: id, studyUid, modality: 'PT', prefix: 'pt' });
    const results = await Promise.all([
      importDicomSources([...ct, ...pt.slice(0, 3)], { actor: coordinator, channel: 'ui' }),
      importDicomSources([...ct.slice(6), ...pt], { actor: coordinator, channel: 'api' }),
      importDicomSources(ct.slice(0, 8), { actor: coordinator, channel: 'cli' }),
    ]);
    const stored = results.reduce((n, r) => n + r.counts.stored, 0);
    expect(stored).toBe(18);
    expect(results.every((r) => r.counts.rejected === 0 && r.counts.duplicate === 0)).toBe(true);
    expect(results.reduce((n, r) => n + r.counts.patientsCreated, 0)).toBe(1);
    const study = await db().imagingStudy.findUniqueOrThrow({ where: { studyInstanceUid: studyUid }, include: { series: { include: { _count: { select: { instances: true } } } } } });
    expect(study.modalities).toEqual(['CT', 'PT']);
    expect(study.series.map((s) => s._count.instances).sort((a, b) => a - b)).toEqual([6, 12]);
    expect(await db().patient.count({ where: { mrn: id } })).toBe(1);
  });
});

describe('DICOMDIR media', () => {
  it('reports files the DICOMDIR lists but the upload lacks', async () => {
    await forgetPatientsByMrn(['77654033', '98890234']);
    const all: { name: string; bytes: Uint8Array }[] = [];
    for await (const source of readDicomSourcesFromPath(`${EXTERNAL_DIR}dicomdir-study/DICOMDIR`)) all.push(source);
    expect(all[0]?.name).toBe('DICOMDIR');
    expect(all).toHaveLength(32);
    const partial = all.filter((s) => !s.name.startsWith('98892003/'));
    const result = await importDicomSources(partial.map((s) => ({ ...s, name: `disk1/${s.name}` })), { actor: coordinator, channel: 'ui' });
    expect(result.status).toBe('PARTIAL');
    expect(result.counts).toMatchObject({ stored: 14, rejected: 17, studies: 3, series: 6 });
    const missing = result.files.filter((f) => f.status === 'rejected');
    expect(missing[0]).toMatchObject({ name: 'disk1/98892003/MR1/15820', reason: 'listed in the DICOMDIR (IMAGE record) but missing from the upload' });
    expect(result.files.find((f) => f.name === 'disk1/DICOMDIR')?.status).toBe('skipped');
  });

  it('fails an upload that is only a DICOMDIR', async () => {
    const result = await importDicomSources([{ name: 'DICOMDIR', bytes: readFileSync(`${EXTERNAL_DIR}dicomdir-study/DICOMDIR`) }], { actor: coordinator, channel: 'ui' });
    expect(result.status).toBe('FAILED');
    expect(result.counts.rejected).toBe(31);
  });
});
