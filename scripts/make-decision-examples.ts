// `npm run examples:decisions` — writes docs/examples/case-protocol.pdf, meeting-protocol.pdf and
// decision-fhir-bundle.json from a synthetic board decision made through the real code path:
// a scratch database (`konsil_examples`, EXAMPLES_DATABASE_URL overrides) is dropped, created and
// migrated; a board, its members, a meeting with three synthetic cases and the attendance are
// written; the decision is drafted, signed by the chair, amended and signed again
// (lib/db/decisions/); then the protocols are read, rendered and the Bundle exported with the
// same functions the app uses. Fixed dates and ids where the script chooses them; the decision's
// own id and signature times come from the database, so those differ between runs.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { run } from './lib/run';
import { recreateDatabase } from './lib/recreate-database';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'docs', 'examples');
const databaseUrl = process.env.EXAMPLES_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/konsil_examples';
process.env.DATABASE_URL = databaseUrl;
const generatedAt = new Date('2026-11-24T18:00:00.000Z');

async function main() {
  await recreateDatabase(databaseUrl);
  await run('npx', ['prisma', 'migrate', 'deploy'], { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ['ignore', 'ignore', 'inherit'] });

  const { db } = await import('../lib/db/client');
  const { saveDecisionDraft } = await import('../lib/db/decisions/save-decision-draft');
  const { signDecision } = await import('../lib/db/decisions/sign-decision');
  const { startAmendment } = await import('../lib/db/decisions/amendment');
  const { readCaseProtocolData } = await import('../lib/db/protocols/case-protocol');
  const { readMeetingProtocolData } = await import('../lib/db/protocols/meeting-protocol');
  const { exportDecisionFhir } = await import('../lib/db/protocols/export-decision-fhir');
  const { renderCaseProtocol } = await import('../lib/pdf/case-protocol');
  const { renderMeetingProtocol } = await import('../lib/pdf/meeting-protocol');
  const { decisionContentSchema } = await import('../lib/schemas/decision');
  type Actor = import('../lib/authz/actor').Actor;
  type Specialty = import('../lib/generated/prisma/enums').Specialty;

  const person = async (key: string, name: string, title: string | null, specialty: Specialty | null, roles: ('CLINICIAN' | 'COORDINATOR')[]): Promise<Actor> => {
    const user = await db().user.create({ data: { id: `exampleuser${key}`.padEnd(25, '0'), email: `${key}@example.konsil`, name, title, specialty, roles } });
    return { id: user.id, email: user.email, name: user.name, roles: user.roles, ipAddress: null, userAgent: 'examples:decisions' };
  };
  const chair = await person('chair', 'Ada Lindqvist', 'Dr. med.', 'MEDICAL_ONCOLOGY', ['CLINICIAN']);
  const radiologist = await person('radiology', 'Cyrus Okafor', 'Dr. med.', 'RADIOLOGY', ['CLINICIAN']);
  const pathologist = await person('pathology', 'Ines Moreau', 'Prof. Dr. med.', 'PATHOLOGY', ['CLINICIAN']);
  const surgeon = await person('surgery', 'Jonas Becker', 'Dr. med.', 'SURGERY', ['CLINICIAN']);
  const referrer = await person('referrer', 'Mira Hoffmann', 'Dr. med.', 'GYNECOLOGY', ['CLINICIAN']);
  const coordinator = await person('coordinator', 'Tom Weber', null, null, ['COORDINATOR']);

  const board = await db().board.create({
    data: {
      id: 'exampleboard0000000000001',
      slug: 'breast-example',
      name: 'Interdisciplinary Breast Tumor Board',
      entityFocus: ['BREAST'],
      timeZone: 'Europe/Berlin',
      requiredSpecialties: ['MEDICAL_ONCOLOGY', 'RADIOLOGY', 'PATHOLOGY', 'SURGERY', 'RADIATION_ONCOLOGY'],
      members: {
        create: [
          { userId: chair.id, role: 'CHAIR' },
          { userId: radiologist.id, role: 'MEMBER' },
          { userId: pathologist.id, role: 'MEMBER' },
          { userId: surgeon.id, role: 'MEMBER' },
          { userId: coordinator.id, role: 'COORDINATOR' },
        ],
      },
    },
  });
  const startsAt = new Date('2026-11-24T15:00:00.000Z');
  const meeting = await db().meeting.create({ data: { id: 'examplemeeting00000000001', boardId: board.id, startsAt, durationMinutes: 90, location: 'Room 2.14 and video', status: 'CLOSED' } });
  const cases = [
    { given: 'Erika', family: 'Beispiel', birth: '1961-03-14', question: 'Adjuvant therapy after breast-conserving surgery (pT1c pN0, HER2-positive)?', status: 'DISCUSSED' as const, reason: null },
    { given: 'Lena', family: 'Muster', birth: '1974-09-02', question: 'Neoadjuvant therapy for cT2 cN1 triple-negative disease?', status: 'POSTPONED' as const, reason: 'PET-CT pending' },
    { given: 'Paula', family: 'Probe', birth: '1958-12-21', question: 'Local therapy of a solitary liver metastasis?', status: 'DEFERRED' as const, reason: 'Out of time; first case next meeting' },
  ];
  const caseIds: string[] = [];
  for (const [i, c] of cases.entries()) {
    const patient = await db().patient.create({
      data: { id: `examplepatient0000000000${i + 1}`, mrn: `SYN-EX-${i + 1}`, familyName: c.family, givenName: c.given, sex: 'FEMALE', birthDate: new Date(c.birth), pseudonym: `PSN-EX-${i + 1}`, isSynthetic: true },
    });
    const kase = await db().case.create({
      data: {
        id: `examplecase0000000000000${i + 1}`,
        patientId: patient.id,
        boardId: board.id,
        referringUserId: referrer.id,
        question: c.question,
        entity: 'BREAST',
        icd10Code: 'C50.4',
        icd10Display: 'Malignant neoplasm of breast, upper-outer quadrant',
        status: 'SCHEDULED',
        referredAt: new Date('2026-11-20T09:00:00.000Z'),
      },
    });
    await db().agendaItem.create({ data: { meetingId: meeting.id, caseId: kase.id, position: i, minutesAllotted: 10, status: c.status, statusReason: c.reason } });
    caseIds.push(kase.id);
  }
  for (const [i, a] of [chair, radiologist, pathologist, surgeon].entries()) {
    const user = await db().user.findUniqueOrThrow({ where: { id: a.id }, select: { specialty: true } });
    await db().meetingAttendance.create({ data: { meetingId: meeting.id, userId: a.id, specialty: user.specialty, joinedAt: new Date(startsAt.getTime() + i * 120_000) } });
  }

  const content = decisionContentSchema.parse({
    intent: 'CURATIVE',
    recommendations: [
      {
        id: 'rec-rt',
        modality: 'RADIOTHERAPY',
        sequencing: 'ADJUVANT',
        codes: [{ system: 'http://snomed.info/sct', code: '33195004', display: 'Teleradiotherapy procedure' }],
        details: 'Whole-breast irradiation, hypofractionated',
        totalDoseGy: 40,
        fractions: 15,
      },
      {
        id: 'rec-systemic',
        modality: 'SYSTEMIC_THERAPY',
        sequencing: 'ADJUVANT',
        codes: [
          { system: 'http://www.whocc.no/atc', code: 'L01CD01', display: 'paclitaxel' },
          { system: 'http://www.whocc.no/atc', code: 'L01FD01', display: 'trastuzumab' },
        ],
        details: '12× paclitaxel weekly with trastuzumab, trastuzumab to one year',
      },
      { id: 'rec-trial', modality: 'CLINICAL_TRIAL', sequencing: 'NOT_APPLICABLE', details: 'Screen for the de-escalation study', trialId: 'NCT00000000' },
    ],
    guideline: { basis: 'S3', reference: 'S3-Leitlinie Mammakarzinom 4.4 (2021)', deviates: false, deviationReason: '' },
    trial: { considered: true, id: 'NCT00000000' },
    patientPreference: 'Prefers treatment close to home.',
    rationale: 'pT1c (> 1 cm, ≤ 2 cm) pN0 M0, HER2-positive, HR-negative after breast-conserving surgery: adjuvant anti-HER2 therapy and whole-breast irradiation per guideline.',
    dissents: [{ userId: surgeon.id, name: 'Dr. med. Jonas Becker', statement: 'Would discuss a boost to the tumour bed.' }],
    attendeeIds: [chair.id, radiologist.id, pathologist.id, surgeon.id],
  });
  const draft = await saveDecisionDraft({ actor: surgeon, input: { caseId: caseIds[0]!, meetingId: meeting.id, content: { ...content, recommendations: content.recommendations.map((r) => (r.id === 'rec-rt' ? { ...r, totalDoseGy: 42.5, fractions: 16 } : r)) } } });
  await signDecision({ actor: chair, input: { decisionId: draft.decisionId, expectedVersion: draft.version }, email: false });
  const opened = await startAmendment({ actor: chair, input: { decisionId: draft.decisionId, expectedVersion: draft.version + 1 } });
  const edited = await saveDecisionDraft({ actor: chair, input: { caseId: caseIds[0]!, meetingId: meeting.id, expectedVersion: opened.version, content } });
  await signDecision({ actor: chair, input: { decisionId: draft.decisionId, expectedVersion: edited.version, amendmentReason: 'Fractionation corrected to the institutional 15-fraction schedule.' }, email: false });

  await mkdir(out, { recursive: true });
  const caseData = await readCaseProtocolData({ actor: referrer, decisionId: draft.decisionId });
  await writeFile(path.join(out, 'case-protocol.pdf'), await renderCaseProtocol(caseData, generatedAt));
  const meetingRead = await readMeetingProtocolData({ actor: coordinator, meetingId: meeting.id });
  await writeFile(path.join(out, 'meeting-protocol.pdf'), await renderMeetingProtocol(meetingRead.data, generatedAt));
  const fhir = await exportDecisionFhir({ actor: referrer, decisionId: draft.decisionId, now: generatedAt });
  await writeFile(path.join(out, 'decision-fhir-bundle.json'), fhir.json);
  await db().$disconnect();
  console.log(`wrote ${path.relative(root, out)}/case-protocol.pdf, meeting-protocol.pdf, decision-fhir-bundle.json (${fhir.sha256.slice(0, 12)})`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
