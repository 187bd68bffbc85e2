// The demo world: every patient here is SYNTHETIC (invented names, MRNs starting
// with "SYN-", isSynthetic = true, shown with a "synthetic" mark). Dates of
// meetings are relative to `now`; everything else is fixed, so two seeds of an
// empty database produce the same world.
import type { Tx } from '@/lib/db/client';
import { writeAuditEvent } from '@/lib/audit/write-audit-event';
import { nextWeeklyStarts, seedBoard, seedBoardMember, seedMeeting } from './boards';
import { seedAgendaItem, seedCase, seedPatient } from './patients';
import { seedUser, type SeedUserInput } from './users';

export const demoUsers = [
  { key: 'admin', email: 'admin@konsil.demo', name: 'Alex Admin', roles: ['ADMIN'] },
  { key: 'coordinator', email: 'coordinator@konsil.demo', name: 'Carla Koordination', roles: ['COORDINATOR'] },
  { key: 'oncologist', email: 'weber@konsil.demo', name: 'Dr. Jana Weber', roles: ['CLINICIAN'], specialty: 'MEDICAL_ONCOLOGY' },
  { key: 'surgeon', email: 'schmidt@konsil.demo', name: 'Dr. Paul Schmidt', roles: ['CLINICIAN'], specialty: 'SURGERY' },
  { key: 'radiologist', email: 'yilmaz@konsil.demo', name: 'Dr. Deniz Yilmaz', roles: ['CLINICIAN'], specialty: 'RADIOLOGY' },
  { key: 'pathologist', email: 'nowak@konsil.demo', name: 'Dr. Ewa Nowak', roles: ['CLINICIAN'], specialty: 'PATHOLOGY' },
  { key: 'radiooncologist', email: 'okafor@konsil.demo', name: 'Dr. Chidi Okafor', roles: ['CLINICIAN'], specialty: 'RADIATION_ONCOLOGY' },
] as const satisfies ReadonlyArray<Omit<SeedUserInput, 'password'> & { key: string }>;

export type DemoUserKey = (typeof demoUsers)[number]['key'];

const clinicalSpecialties = ['SURGERY', 'MEDICAL_ONCOLOGY', 'RADIATION_ONCOLOGY', 'RADIOLOGY', 'PATHOLOGY'] as const;

const boards = [
  { slug: 'thoracic', name: 'Thoracic Tumor Board', entityFocus: ['LUNG'], weekday: 2, hour: 15, recurrence: 'FREQ=WEEKLY;BYDAY=TU;BYHOUR=16;BYMINUTE=0' },
  { slug: 'breast', name: 'Breast Cancer Board', entityFocus: ['BREAST'], weekday: 3, hour: 14, recurrence: 'FREQ=WEEKLY;BYDAY=WE;BYHOUR=15;BYMINUTE=0' },
  { slug: 'gi', name: 'Gastrointestinal Tumor Board', entityFocus: ['COLORECTAL', 'UPPER_GI', 'PANCREAS', 'HEPATOBILIARY'], weekday: 4, hour: 7, recurrence: 'FREQ=WEEKLY;BYDAY=TH;BYHOUR=8;BYMINUTE=0' },
] as const;

const patients = [
  { mrn: 'SYN-100001', familyName: 'Beispiel', givenName: 'Anna', birthDate: '1958-03-14', sex: 'FEMALE', pseudonym: 'Patient Amber-17', board: 'breast', entity: 'BREAST', icd10Code: 'C50.4', icd10Display: 'Malignant neoplasm of upper-outer quadrant of breast', icdO3Morphology: '8500/3', icdO3Topography: 'C50.4', question: 'Neoadjuvant systemic therapy or primary surgery for cT2 cN1 HR+/HER2- invasive ductal carcinoma?' },
  { mrn: 'SYN-100002', familyName: 'Muster', givenName: 'Klaus', birthDate: '1951-11-02', sex: 'MALE', pseudonym: 'Patient Birch-04', board: 'thoracic', entity: 'LUNG', icd10Code: 'C34.1', icd10Display: 'Malignant neoplasm of upper lobe, bronchus or lung', icdO3Morphology: '8140/3', icdO3Topography: 'C34.1', question: 'Resectability of stage IIIA adenocarcinoma (EGFR exon 19 deletion) after induction?' },
  { mrn: 'SYN-100003', familyName: 'Probe', givenName: 'Maria', birthDate: '1966-07-21', sex: 'FEMALE', pseudonym: 'Patient Cedar-22', board: 'gi', entity: 'COLORECTAL', icd10Code: 'C20', icd10Display: 'Malignant neoplasm of rectum', icdO3Morphology: '8140/3', icdO3Topography: 'C20.9', question: 'Total neoadjuvant therapy vs. short-course RT for cT3 cN1 rectal cancer, MRF negative?' },
  { mrn: 'SYN-100004', familyName: 'Testmann', givenName: 'Jürgen', birthDate: '1947-01-30', sex: 'MALE', pseudonym: 'Patient Dune-09', board: 'thoracic', entity: 'LUNG', icd10Code: 'C34.3', icd10Display: 'Malignant neoplasm of lower lobe, bronchus or lung', icdO3Morphology: '8070/3', icdO3Topography: 'C34.3', question: 'Stereotactic radiotherapy or lobectomy for cT1c N0 squamous cell carcinoma, FEV1 48 %?' },
  { mrn: 'SYN-100005', familyName: 'Demo', givenName: 'Sabine', birthDate: '1972-09-09', sex: 'FEMALE', pseudonym: 'Patient Elm-31', board: 'breast', entity: 'BREAST', icd10Code: 'C50.9', icd10Display: 'Malignant neoplasm of breast, unspecified', icdO3Morphology: '8520/3', icdO3Topography: 'C50.9', question: 'Adjuvant therapy after breast-conserving surgery, pT1c pN0, Ki-67 25 %?' },
  { mrn: 'SYN-100006', familyName: 'Fiktiv', givenName: 'Ahmet', birthDate: '1960-05-05', sex: 'MALE', pseudonym: 'Patient Fern-12', board: 'gi', entity: 'PANCREAS', icd10Code: 'C25.0', icd10Display: 'Malignant neoplasm of head of pancreas', icdO3Morphology: '8500/3', icdO3Topography: 'C25.0', question: 'Borderline resectable pancreatic head cancer: neoadjuvant FOLFIRINOX first?' },
] as const;

/** Seeds the demo world. `passwords` maps each demo user key to the password printed at start. */
export async function seedDemoWorld(tx: Tx, options: { passwords: Record<DemoUserKey, string>; now: Date }) {
  const users = Object.fromEntries(
    await Promise.all(
      demoUsers.map(async (u) => {
        const { key, ...input } = u;
        return [key, await seedUser(tx, { ...input, roles: [...input.roles], password: options.passwords[key] })] as const;
      }),
    ),
  ) as unknown as Record<DemoUserKey, { id: string }>;

  const clinicians: DemoUserKey[] = ['oncologist', 'surgeon', 'radiologist', 'pathologist', 'radiooncologist'];
  const boardIds: Record<string, string> = {};
  let meetingCount = 0;
  for (const b of boards) {
    const board = await seedBoard(tx, {
      slug: b.slug,
      name: b.name,
      entityFocus: [...b.entityFocus],
      recurrence: b.recurrence,
      requiredSpecialties: [...clinicalSpecialties],
    });
    boardIds[b.slug] = board.id;
    await seedBoardMember(tx, { boardId: board.id, userId: users.coordinator.id, role: 'COORDINATOR' });
    for (const key of clinicians) {
      await seedBoardMember(tx, { boardId: board.id, userId: users[key].id, role: key === 'oncologist' ? 'CHAIR' : 'MEMBER' });
    }
    for (const startsAt of nextWeeklyStarts(options.now, b.weekday, b.hour, 0, 3)) {
      await seedMeeting(tx, { boardId: board.id, startsAt, durationMinutes: 90, location: 'Konferenzraum 2 / video' });
      meetingCount += 1;
    }
  }

  let caseCount = 0;
  for (const [index, p] of patients.entries()) {
    const { board, entity, icd10Code, icd10Display, icdO3Morphology, icdO3Topography, question, ...patient } = p;
    const row = await seedPatient(tx, { ...patient });
    const boardId = boardIds[board]!;
    const referrer = index % 2 === 0 ? users.oncologist : users.surgeon;
    const scheduled = index < 4;
    const kase = await seedCase(tx, {
      patientId: row.id,
      boardId,
      referringUserId: referrer.id,
      question,
      entity,
      icd10Code,
      icd10Display,
      icdO3Morphology,
      icdO3Topography,
      urgency: index === 1 ? 'URGENT' : 'ROUTINE',
      status: scheduled ? 'SCHEDULED' : 'REFERRED',
    });
    caseCount += 1;
    if (scheduled) {
      const meeting = await tx.meeting.findFirstOrThrow({ where: { boardId, startsAt: { gt: options.now } }, orderBy: { startsAt: 'asc' } });
      const position = await tx.agendaItem.count({ where: { meetingId: meeting.id, NOT: { caseId: kase.id } } });
      await seedAgendaItem(tx, { meetingId: meeting.id, caseId: kase.id, position, minutesAllotted: 5 });
    }
  }

  await writeAuditEvent(tx, {
    actor: null,
    action: 'system.seed',
    detail: { world: 'demo', counts: { users: demoUsers.length, boards: boards.length, meetings: meetingCount, cases: caseCount } },
  });
  return { users, boardIds };
}
