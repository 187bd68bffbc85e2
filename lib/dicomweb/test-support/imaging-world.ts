// The world the DICOMweb integration tests read: real DICOM files (one per
// transfer syntax, with fresh UIDs) imported through Konsil's importer for a
// patient with a case on a board, a clinician on that board, one who is not,
// and a second patient with a study only the outsider may see.
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Actor } from '@/lib/authz/actor';
import { db } from '@/lib/db/client';
import { importDicomSources } from '@/lib/dicom/import-dicom';
import { createTestActor } from '@/lib/test/create-test-actor';
import { seedBoard, seedBoardMember } from '@/prisma/seed/boards';
import { seedCase, seedPatient } from '@/prisma/seed/patients';
import { daikonDir, externalDir, readBytes } from './dicom-files';
import { withFreshUids } from './fresh-uids';
import dicomParser from '../dicom-parser';

export interface WorldFile {
  key: string;
  bytes: Uint8Array;
  sha256: string;
  syntax: string;
  studyUid: string;
  seriesUid: string;
  sopUid: string;
}

/** Files with distinct SOP Instance UIDs covering every transfer syntax served (MR_small_* share one UID, so only one of them). */
export const worldFiles = {
  ctExplicitLittle: path.join(externalDir, 'CT_small.dcm'),
  mrExplicitLittle: path.join(externalDir, 'MR_small.dcm'),
  implicitLittle: path.join(daikonDir, 'implicit_little.dcm'),
  explicitBig: path.join(daikonDir, 'explicit_big.dcm'),
  multiFrameNative: path.join(daikonDir, 'explicit_little.dcm'),
  rle: path.join(daikonDir, 'rle.dcm'),
  jpegBaseline: path.join(daikonDir, 'jpeg_baseline_8bit.dcm'),
  jpegExtended: path.join(externalDir, 'JPEG-lossy.dcm'),
  jpegLossless: path.join(daikonDir, 'jpeg_lossless_sel1.dcm'),
  jpegLs: path.join(daikonDir, 'jpeg_ls.dcm'),
  jpeg2000: path.join(externalDir, 'JPEG2000.dcm'),
  structuredReport: path.join(externalDir, 'test-SR.dcm'),
} as const;

export type WorldFileKey = keyof typeof worldFiles;

export interface ImagingWorld {
  member: Actor;
  coordinator: Actor;
  outsider: Actor;
  admin: Actor;
  patientId: string;
  otherPatientId: string;
  files: Record<WorldFileKey, WorldFile>;
  /** A study of the other patient (CT in JPEG 2000), visible to the outsider only. */
  otherFile: WorldFile;
  storageDir: string;
}

function describeFile(key: string, bytes: Uint8Array): WorldFile {
  const dataSet = dicomParser.parseDicom(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { untilTag: 'x7fe00010' });
  const read = (tag: string) => dataSet.string(tag)!.replace(/\0/g, '').trim();
  return {
    key,
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    syntax: read('x00020010'),
    studyUid: read('x0020000d'),
    seriesUid: read('x0020000e'),
    sopUid: read('x00080018'),
  };
}

/** Sets KONSIL_STORAGE_DIR to a fresh directory (the caller restores it) and imports everything. */
export async function seedImagingWorld(): Promise<ImagingWorld> {
  const storageDir = await mkdtemp(path.join(os.tmpdir(), 'konsil-dicomweb-'));
  process.env.KONSIL_STORAGE_DIR = storageDir;
  const [member, coordinator, outsider, admin] = await Promise.all([
    createTestActor({ role: 'CLINICIAN' }),
    createTestActor({ role: 'COORDINATOR' }),
    createTestActor({ role: 'CLINICIAN' }),
    createTestActor({ role: 'ADMIN' }),
  ]);
  const tag = randomUUID().slice(0, 8);
  const { patientId, otherPatientId, mrn, otherMrn } = await db().$transaction(async (tx) => {
    const board = await seedBoard(tx, { slug: `img-${tag}`, name: `Imaging ${tag}`, entityFocus: ['LUNG'], recurrence: 'FREQ=WEEKLY', requiredSpecialties: [] });
    const otherBoard = await seedBoard(tx, { slug: `img-other-${tag}`, name: `Other ${tag}`, entityFocus: ['CNS'], recurrence: 'FREQ=WEEKLY', requiredSpecialties: [] });
    await seedBoardMember(tx, { boardId: board.id, userId: member.id });
    await seedBoardMember(tx, { boardId: board.id, userId: coordinator.id, role: 'COORDINATOR' });
    await seedBoardMember(tx, { boardId: otherBoard.id, userId: outsider.id });
    const patient = await seedPatient(tx, { mrn: `IMG-${tag}`, familyName: 'Bild', givenName: 'Berta', birthDate: '1955-05-05', sex: 'FEMALE', pseudonym: `PI-${tag}` });
    const other = await seedPatient(tx, { mrn: `IMG-O-${tag}`, familyName: 'Andere', givenName: 'Anna', birthDate: '1966-06-06', sex: 'FEMALE', pseudonym: `PO-${tag}` });
    await seedCase(tx, { patientId: patient.id, boardId: board.id, referringUserId: member.id, question: 'Imaging?', entity: 'LUNG' });
    await seedCase(tx, { patientId: other.id, boardId: otherBoard.id, referringUserId: outsider.id, question: 'Other imaging?', entity: 'CNS' });
    return { patientId: patient.id, otherPatientId: other.id, mrn: patient.mrn, otherMrn: other.mrn };
  });

  const uidMap = new Map<string, string>();
  const files = Object.fromEntries(
    Object.entries(worldFiles).map(([key, file]) => [key, describeFile(key, withFreshUids(readBytes(file), uidMap))]),
  ) as Record<WorldFileKey, WorldFile>;
  const otherFile = describeFile('other', withFreshUids(readBytes(path.join(daikonDir, 'jpeg_2000.dcm')), uidMap));

  await importOrFail(Object.values(files), mrn);
  await importOrFail([otherFile], otherMrn);
  return { member, coordinator, outsider, admin, patientId, otherPatientId, files, otherFile, storageDir };
}

async function importOrFail(files: WorldFile[], patientMrn: string): Promise<void> {
  const result = await importDicomSources(
    files.map((file) => ({ name: `${file.key}.dcm`, bytes: file.bytes })),
    { actor: null, channel: 'seed', patientMrn },
  );
  const notStored = result.files.filter((outcome) => outcome.status !== 'stored');
  if (notStored.length > 0) throw new Error(`The importer did not store every test file: ${JSON.stringify(notStored)}`);
}
