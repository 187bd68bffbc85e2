// A small clinical world for integration tests: one synthetic patient with a case
// referred by `referrer`, a CT series of `slices` image instances (DICOM JSON geometry
// only, no pixel files), staging and lab observations, and reports with the given texts.
import { randomUUID } from 'node:crypto';
import type { Actor } from '@/lib/authz/actor';
import { db } from '@/lib/db/client';

let counter = 0;
const uid = () => `2.25.${BigInt(`0x${randomUUID().replaceAll('-', '')}`).toString()}`;

export interface TestCase {
  caseId: string;
  patientId: string;
  boardId: string;
  studyInstanceUid: string;
  seriesInstanceUid: string;
  /** In acquisition (instance number) order; slice 1 is the most inferior. */
  sopInstanceUids: string[];
  reportIds: string[];
}

export async function createTestCase(options: { referrer: Actor; reportTexts?: string[]; slices?: number; boardMembers?: Actor[] }): Promise<TestCase> {
  const { referrer, reportTexts = ['Adenocarcinoma, pT2 pN1a cM0, R0.'], slices = 3, boardMembers = [] } = options;
  const n = ++counter;
  const tag = randomUUID().slice(0, 8);
  const board = await db().board.create({
    data: { slug: `test-board-${tag}`, name: `Test board ${tag}`, entityFocus: ['LUNG'], members: { create: boardMembers.map((m) => ({ userId: m.id, role: m.roles.includes('COORDINATOR') ? 'COORDINATOR' : 'MEMBER' })) } },
  });
  const patient = await db().patient.create({
    data: { mrn: `TEST-${tag}-${n}`, familyName: 'Testperson', givenName: `Case${n}`, sex: 'FEMALE', birthDate: new Date('1960-05-17'), pseudonym: `PSN-${tag}-${n}`, isSynthetic: true },
  });
  const kase = await db().case.create({
    data: { patientId: patient.id, boardId: board.id, referringUserId: referrer.id, question: 'Adjuvant therapy?', entity: 'LUNG', icd10Code: 'C34.1' },
  });
  const studyInstanceUid = uid();
  const seriesInstanceUid = uid();
  const sopInstanceUids = Array.from({ length: slices }, uid);
  await db().imagingStudy.create({
    data: {
      patientId: patient.id,
      studyInstanceUid,
      studyDate: new Date('2026-10-01T09:00:00Z'),
      description: 'CT chest',
      modalities: ['CT'],
      series: {
        create: {
          seriesInstanceUid,
          modality: 'CT',
          seriesNumber: 2,
          instances: {
            create: sopInstanceUids.map((sop, i) => ({
              sopInstanceUid: sop,
              sopClassUid: '1.2.840.10008.5.1.4.1.1.2',
              instanceNumber: i + 1,
              rows: 256,
              columns: 256,
              // Slice i sits at z = i * 5 mm (feet → head).
              metadata: { '00200032': { vr: 'DS', Value: [0, 0, i * 5] }, '00200037': { vr: 'DS', Value: [1, 0, 0, 0, 1, 0] } },
              fileSha256: randomUUID().replaceAll('-', '').padEnd(64, '0'),
              fileSizeBytes: 1000,
            })),
          },
        },
      },
    },
  });
  await db().observation.createMany({
    data: [
      { patientId: patient.id, category: 'STAGING', loincCode: '21905-5', display: 'cT', valueCode: 'cT2a', effectiveAt: new Date('2026-09-01T00:00:00Z') },
      { patientId: patient.id, category: 'STAGING', loincCode: '21906-3', display: 'cN', valueCode: 'cN1', effectiveAt: new Date('2026-09-01T00:00:00Z') },
      { patientId: patient.id, category: 'STAGING', loincCode: '21907-1', display: 'cM', valueCode: 'cM0', effectiveAt: new Date('2026-09-01T00:00:00Z') },
      { patientId: patient.id, category: 'PERFORMANCE_STATUS', loincCode: '89247-1', display: 'ECOG', valueNumeric: 1, valueText: 'ECOG 1', effectiveAt: new Date('2026-09-01T00:00:00Z') },
      { patientId: patient.id, category: 'LABORATORY', loincCode: '2039-6', display: 'CEA', valueNumeric: 3.1, unit: 'ng/mL', referenceHigh: 5, interpretation: 'N', effectiveAt: new Date('2026-08-01T00:00:00Z') },
      { patientId: patient.id, category: 'LABORATORY', loincCode: '2039-6', display: 'CEA', valueNumeric: 9.4, unit: 'ng/mL', referenceHigh: 5, interpretation: 'H', effectiveAt: new Date('2026-10-01T00:00:00Z') },
      { patientId: patient.id, category: 'LABORATORY', loincCode: '718-7', display: 'Hemoglobin', valueNumeric: 12.1, unit: 'g/dL', referenceLow: 12, referenceHigh: 15.5, interpretation: 'N', effectiveAt: new Date('2026-10-01T00:00:00Z') },
    ],
  });
  const reportIds: string[] = [];
  for (const [i, text] of reportTexts.entries()) {
    const report = await db().report.create({
      data: { patientId: patient.id, type: 'PATHOLOGY', title: `Pathology report ${i + 1}`, text, issuedAt: new Date(Date.UTC(2026, 9, 10 + i)) },
    });
    reportIds.push(report.id);
  }
  return { caseId: kase.id, patientId: patient.id, boardId: board.id, studyInstanceUid, seriesInstanceUid, sopInstanceUids, reportIds };
}
