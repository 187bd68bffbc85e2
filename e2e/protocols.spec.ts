// Getting a decision out: a coordinator of the board generates the meeting protocol on the
// meeting page and downloads it (the audit event's sha256 is that of the file received); a
// clinician of the board exports the signed decision as FHIR and downloads the protocol; a
// clinician outside the board gets 404 for both. (The case letter's button lives on the case
// screen, wired there by the decision editor; its generation is covered by the integration tests.)
import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { seedBoard, seedBoardMember } from '../prisma/seed/boards';
import { e2eDb } from './fixtures/db';
import { signDecisionViaApp } from './fixtures/signed-decision';
import { signInViaApi } from './fixtures/sign-in-api';
import { createE2eUser, type E2eUser } from './fixtures/users';

let coordinator: E2eUser;
let chair: E2eUser;
let outsider: E2eUser;
let meetingId: string;
let decisionId: string;
let boardName: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  const tag = randomUUID().slice(0, 6);
  coordinator = await createE2eUser({ roles: ['COORDINATOR'], name: `Coordinator ${tag}` });
  chair = await createE2eUser({ roles: ['CLINICIAN'], name: `Chair ${tag}` });
  outsider = await createE2eUser({ roles: ['CLINICIAN'], name: `Outsider ${tag}` });
  const world = await e2eDb().$transaction(async (tx) => {
    const board = await seedBoard(tx, { slug: `protocol-${tag}`, name: `Protocol board ${tag}`, entityFocus: ['LUNG'], recurrence: 'FREQ=WEEKLY', requiredSpecialties: ['RADIOLOGY'] });
    await seedBoardMember(tx, { boardId: board.id, userId: coordinator.id, role: 'COORDINATOR' });
    await seedBoardMember(tx, { boardId: board.id, userId: chair.id, role: 'CHAIR' });
    const meeting = await tx.meeting.create({ data: { boardId: board.id, startsAt: new Date(Date.now() - 86_400_000), durationMinutes: 60, location: 'Room 5', status: 'CLOSED' } });
    const patient = await tx.patient.create({
      data: { mrn: `PR${tag}`, familyName: `Protokoll${tag}`, givenName: 'Eva', birthDate: new Date('1958-03-02T00:00:00Z'), sex: 'FEMALE', pseudonym: `PS-PR${tag}`, isSynthetic: true },
    });
    const kase = await tx.case.create({ data: { patientId: patient.id, boardId: board.id, referringUserId: chair.id, question: 'Resection?', entity: 'LUNG', status: 'SCHEDULED' } });
    await tx.agendaItem.create({ data: { meetingId: meeting.id, caseId: kase.id, position: 0, minutesAllotted: 10, status: 'DISCUSSED' } });
    await tx.meetingAttendance.create({ data: { meetingId: meeting.id, userId: chair.id, specialty: 'MEDICAL_ONCOLOGY' } });
    return { boardName: board.name, meetingId: meeting.id, caseId: kase.id };
  });
  meetingId = world.meetingId;
  boardName = world.boardName;
  decisionId = signDecisionViaApp({ caseId: world.caseId, meetingId, authorId: chair.id, chairId: chair.id }).decisionId;
});

test('a coordinator generates the meeting protocol and downloads the file the audit log names', async ({ page }) => {
  await signInViaApi(page.request, coordinator);
  await page.goto(`/meetings/${meetingId}`);
  const card = page.getByRole('region', { name: 'Meeting protocol' });
  await expect(card).toContainText('No meeting protocol generated yet.');
  await card.getByRole('button', { name: 'Generate meeting protocol' }).click();
  await expect(card).toContainText('Meeting protocol generated.');
  const link = card.getByTestId('protocol-documents').getByRole('link').first();
  await expect(link).toContainText('konsil-meeting-protocol-');
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const bytes = await readFile((await download.path())!);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const generated = await e2eDb().auditEvent.findFirstOrThrow({ where: { action: 'protocol.generate', actorId: coordinator.id }, orderBy: { occurredAt: 'desc' } });
  expect(generated.detail).toMatchObject({ kind: 'MEETING_PROTOCOL', meetingId, sha256 });
  await expect(card.getByTitle(sha256)).toBeVisible();
  expect(await e2eDb().auditEvent.count({ where: { action: 'document.download', actorId: coordinator.id, entityId: (generated.detail as { documentId: string }).documentId } })).toBe(1);
  expect(boardName).toBeTruthy();
});

test('a clinician of the board exports the decision as FHIR; one outside the board gets 404', async ({ playwright, baseURL }) => {
  const member = await playwright.request.newContext({ baseURL });
  await signInViaApi(member, chair);
  const fhir = await member.get(`/api/decisions/${decisionId}/fhir`);
  expect(fhir.status()).toBe(200);
  expect(fhir.headers()['content-type']).toContain('application/fhir+json');
  const bundle = (await fhir.json()) as { resourceType: string; type: string; entry: { resource: { resourceType: string; intent?: string } }[] };
  expect(bundle.resourceType).toBe('Bundle');
  expect(bundle.entry.some((e) => e.resource.resourceType === 'CarePlan' && e.resource.intent === 'plan')).toBe(true);
  const protocol = await e2eDb().generatedDocument.findFirstOrThrow({ where: { meetingId, kind: 'MEETING_PROTOCOL' }, select: { id: true } });
  expect((await member.get(`/api/documents/${protocol.id}`)).status()).toBe(200);
  await member.dispose();

  const stranger = await playwright.request.newContext({ baseURL });
  await signInViaApi(stranger, outsider);
  expect((await stranger.get(`/api/decisions/${decisionId}/fhir`)).status()).toBe(404);
  expect((await stranger.get(`/api/documents/${protocol.id}`)).status()).toBe(404);
  await stranger.dispose();
});
