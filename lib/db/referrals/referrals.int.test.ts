import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/authz/actor';
import { executeAction } from '@/lib/actions/create-action';
import { createReferral as createReferralAction } from '@/lib/actions/referrals';
import { db } from '@/lib/db/client';
import { stopBoss } from '@/lib/jobs/boss';
import { acceptReferral } from '@/lib/referrals/accept-referral';
import type { ReferralCreateInput } from '@/lib/schemas/referral';
import { createReferralWorld, type ReferralWorld } from '@/lib/test/create-referral-world';
import { createTestActor } from '@/lib/test/create-test-actor';
import { answerReferralInformation } from './answer-information';
import { createReferral } from './create-referral';
import { loadReferralForm, searchReferralPatients } from './referral-form';
import { listMyReferrals, listTriageInbox } from './referral-lists';
import { rejectReferral, requestReferralInformation } from './triage';

let clinician: Actor;
let coordinator: Actor;
let otherCoordinator: Actor;
let outsider: Actor;
const noQueue = async () => {};

beforeAll(async () => {
  clinician = await createTestActor({ role: 'CLINICIAN', name: 'Dr. Referrer' });
  coordinator = await createTestActor({ role: 'COORDINATOR', name: 'Carla Coordinator' });
  otherCoordinator = await createTestActor({ role: 'COORDINATOR' });
  outsider = await createTestActor({ role: 'CLINICIAN' });
});
afterAll(() => stopBoss());

function referralInput(world: ReferralWorld, overrides: Partial<ReferralCreateInput> = {}): ReferralCreateInput {
  return {
    patientId: world.patientId,
    boardId: world.boardId,
    question: 'Adjuvant chemotherapy after resection?',
    entity: 'LUNG',
    icd10Code: 'C34.1',
    icd10Display: undefined,
    icdO3Morphology: '8140/3',
    icdO3Topography: 'C34.1',
    tnm: 'cT2a cN1 cM0',
    stageGroup: undefined,
    ecog: '1',
    urgency: 'URGENT',
    imagingStudyIds: [],
    reportIds: world.reportIds,
    observationIds: [],
    ...overrides,
  };
}

async function referredCase() {
  const world = await createReferralWorld({ clinician, coordinator });
  const created = await createReferral({ actor: clinician, input: referralInput(world) });
  return { world, caseId: created.caseId };
}

const caseRow = (id: string) => db().case.findUniqueOrThrow({ where: { id } });

describe('referring a case', () => {
  it('finds only patients the clinician may see, and audits each one shown', async () => {
    const world = await createReferralWorld({ clinician, coordinator });
    const mrn = (await db().patient.findUniqueOrThrow({ where: { id: world.patientId } })).mrn;
    expect((await searchReferralPatients({ actor: clinician, query: mrn })).map((p) => p.id)).toEqual([world.patientId]);
    expect(await db().auditEvent.count({ where: { action: 'referral.patient_search', actorId: clinician.id, patientId: world.patientId } })).toBe(1);
    expect(await searchReferralPatients({ actor: outsider, query: mrn })).toEqual([]);
  });

  it('prefills TNM and ECOG from the patient’s data with their source, offers the material, and names the rule’s meeting', async () => {
    const world = await createReferralWorld({ clinician, coordinator });
    const form = await loadReferralForm({ actor: clinician, patientId: world.patientId });
    expect(form.tnm).toMatchObject({ value: 'cT2a cN1 cM0', source: { kind: 'observation' } });
    expect(form.ecog).toMatchObject({ value: 'ECOG 1', source: { kind: 'observation' } });
    expect(form.reports.map((r) => r.id)).toEqual(world.reportIds);
    expect(form.labs.map((l) => l.display).sort()).toEqual(['CEA', 'Hemoglobin']);
    expect(form.labs.find((l) => l.display === 'CEA')!.value).toBe('9.4'); // the newest value
    expect(form.boards.find((b) => b.id === world.boardId)!.target).toMatchObject({ meetingId: world.nextMeetingId, reason: expect.stringMatching(/has passed, so the referral goes to the next meeting/) });
    expect(await db().auditEvent.count({ where: { action: 'referral.prepare', actorId: clinician.id, patientId: world.patientId } })).toBe(1);
    await expect(loadReferralForm({ actor: outsider, patientId: world.patientId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('stores the referral (REFERRED, referredAt, the record with sources, the late referral’s next meeting) and audits it in the same transaction', async () => {
    const world = await createReferralWorld({ clinician, coordinator });
    const now = new Date();
    const created = await createReferral({ actor: clinician, input: referralInput(world, { ecog: '2' }), now });
    expect(created.meeting).toMatchObject({ id: world.nextMeetingId });
    const row = await caseRow(created.caseId);
    expect(row).toMatchObject({ status: 'REFERRED', targetMeetingId: world.nextMeetingId, referringUserId: clinician.id, urgency: 'URGENT', icdO3Morphology: '8140/3' });
    expect(row.referredAt?.toISOString()).toBe(now.toISOString());
    expect(row.referral).toMatchObject({
      tnm: { value: 'cT2a cN1 cM0', source: { kind: 'observation' } },
      // The referrer changed ECOG 1 to 2: the source says so.
      ecog: { value: 'ECOG 2', source: { kind: 'referrer' } },
      material: { reportIds: world.reportIds, imagingStudyIds: [], observationIds: [] },
      rule: { meetingId: world.nextMeetingId },
    });
    const audit = await db().auditEvent.findFirst({ where: { action: 'referral.create', entityId: created.caseId } });
    expect(audit).toMatchObject({ actorId: clinician.id, patientId: world.patientId, detail: { boardId: world.boardId, meetingId: world.nextMeetingId, urgency: 'URGENT', materialCount: 1 } });
  });

  it('changes nothing on bad input: field messages for the form, material of another patient refused', async () => {
    const world = await createReferralWorld({ clinician, coordinator });
    const other = await createReferralWorld({ clinician, coordinator });
    const before = await db().case.count();
    const bad = await executeAction(createReferralAction.definition, clinician, { ...referralInput(world), question: 'short', icd10Code: 'lung' });
    expect(bad).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { question: [expect.stringMatching(/at least 10/)], icd10Code: ['An ICD-10 code looks like C34.1'] } });
    const foreign = await executeAction(createReferralAction.definition, clinician, { ...referralInput(world), reportIds: other.reportIds });
    expect(foreign).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { reportIds: ['Choose reports of this patient'] } });
    const outside = await executeAction(createReferralAction.definition, outsider, referralInput(world));
    expect(outside).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await db().case.count()).toBe(before);
  });
});

describe('triage', () => {
  it('lists the referral in its board coordinator’s inbox only, and in the referrer’s own list', async () => {
    const { caseId } = await referredCase();
    expect((await listTriageInbox({ actor: coordinator })).map((r) => r.id)).toContain(caseId);
    expect((await listTriageInbox({ actor: otherCoordinator })).map((r) => r.id)).not.toContain(caseId);
    expect((await listMyReferrals({ actor: clinician })).find((r) => r.id === caseId)).toMatchObject({ status: 'REFERRED', tnm: { value: 'cT2a cN1 cM0' } });
  });

  it('accepts onto the rule’s meeting: agenda item at the end with the board’s minutes, SCHEDULED, agendaVersion + 1, audited', async () => {
    const { world, caseId } = await referredCase();
    const { caseId: second } = { caseId: (await createReferral({ actor: clinician, input: referralInput(world) })).caseId };
    const queued: string[] = [];
    const first = await acceptReferral({ actor: coordinator, input: { caseId, version: 0 }, enqueue: async (id) => void queued.push(id) });
    await acceptReferral({ actor: coordinator, input: { caseId: second, version: 0 }, enqueue: async (id) => void queued.push(id) });
    expect(first).toMatchObject({ meetingId: world.nextMeetingId, override: false, inferenceQueued: true });
    expect(queued).toEqual([caseId, second]);
    const items = await db().agendaItem.findMany({ where: { meetingId: world.nextMeetingId }, orderBy: { position: 'asc' } });
    expect(items.map((i) => [i.caseId, i.position, i.minutesAllotted])).toEqual([[caseId, 0, 7], [second, 1, 7]]);
    expect(await caseRow(caseId)).toMatchObject({ status: 'SCHEDULED', version: 1 });
    expect((await db().meeting.findUniqueOrThrow({ where: { id: world.nextMeetingId } })).agendaVersion).toBe(2);
    expect(await db().auditEvent.findFirst({ where: { action: 'referral.accept', entityId: caseId } })).toMatchObject({ actorId: coordinator.id, detail: { meetingId: world.nextMeetingId, override: false } });
    expect(await db().auditEvent.count({ where: { action: 'agenda.add', entityId: world.nextMeetingId } })).toBe(2);
    // The referrer hears of it (in-app), naming the patient by pseudonym only.
    const told = await db().notification.findFirstOrThrow({ where: { caseId, kind: 'REFERRAL_ACCEPTED' } });
    expect(told).toMatchObject({ userId: clinician.id, meetingId: world.nextMeetingId, emailStatus: null });
    expect(told.body).not.toMatch(/Testperson|Livetest/);
  });

  it('lets the coordinator override the deadline (an earlier meeting), but not onto a cancelled one', async () => {
    const { world, caseId } = await referredCase();
    await db().meeting.update({ where: { id: world.laterMeetingId }, data: { status: 'CANCELLED' } });
    const refused = acceptReferral({ actor: coordinator, input: { caseId, version: 0, meetingId: world.laterMeetingId }, enqueue: noQueue });
    await expect(refused).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/cancelled/) });
    expect(await caseRow(caseId)).toMatchObject({ status: 'REFERRED', version: 0 });
    const accepted = await acceptReferral({ actor: coordinator, input: { caseId, version: 0, meetingId: world.lateMeetingId }, enqueue: noQueue });
    expect(accepted).toMatchObject({ meetingId: world.lateMeetingId, override: true });
  });

  it('rejects with a reason and notifies the referrer (in-app, no e-mail)', async () => {
    const { caseId } = await referredCase();
    await rejectReferral({ actor: coordinator, input: { caseId, version: 0, reason: 'Belongs to the GI board' } });
    expect(await caseRow(caseId)).toMatchObject({ status: 'REJECTED', statusReason: 'Belongs to the GI board' });
    expect(await db().notification.findFirst({ where: { caseId, kind: 'REFERRAL_REJECTED' } })).toMatchObject({ userId: clinician.id, createdById: coordinator.id, emailStatus: null, body: expect.stringContaining('Belongs to the GI board') });
    expect(await db().auditEvent.count({ where: { action: 'referral.reject', entityId: caseId } })).toBe(1);
  });

  it('asks for information; the referrer answers and the case is back in triage with the answer kept', async () => {
    const { caseId } = await referredCase();
    await requestReferralInformation({ actor: coordinator, input: { caseId, version: 0, question: 'Is there a PET-CT?' } });
    expect(await caseRow(caseId)).toMatchObject({ status: 'NEEDS_INFORMATION', statusReason: 'Is there a PET-CT?' });
    expect(await db().notification.findFirst({ where: { caseId, kind: 'INFORMATION_REQUESTED' } })).toMatchObject({ userId: clinician.id, emailStatus: null });
    await expect(answerReferralInformation({ actor: outsider, input: { caseId, version: 1, answer: 'Not mine' } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await answerReferralInformation({ actor: clinician, input: { caseId, version: 1, answer: 'Yes, from 12 Nov, uploaded.' } });
    const row = await caseRow(caseId);
    expect(row).toMatchObject({ status: 'REFERRED', statusReason: null, version: 2 });
    expect(row.referral).toMatchObject({ informationRequests: [{ question: 'Is there a PET-CT?', answer: 'Yes, from 12 Nov, uploaded.', askedByName: 'Carla Coordinator' }] });
    expect(row.referral).toMatchObject({ tnm: { value: 'cT2a cN1 cM0' } });
  });

  it('refuses illegal transitions and stale versions, changing nothing', async () => {
    const { caseId } = await referredCase();
    await expect(answerReferralInformation({ actor: clinician, input: { caseId, version: 0, answer: 'unasked' } })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(rejectReferral({ actor: coordinator, input: { caseId, version: 5, reason: 'stale' } })).rejects.toMatchObject({ code: 'CONFLICT' });
    await rejectReferral({ actor: coordinator, input: { caseId, version: 0, reason: 'Duplicate' } });
    await expect(acceptReferral({ actor: coordinator, input: { caseId, version: 1 }, enqueue: noQueue })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/rejected/) });
    await expect(requestReferralInformation({ actor: coordinator, input: { caseId, version: 1, question: 'Why?' } })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(rejectReferral({ actor: otherCoordinator, input: { caseId, version: 1, reason: 'not my board' } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await caseRow(caseId)).toMatchObject({ status: 'REJECTED', statusReason: 'Duplicate', version: 1 });
    expect(await db().agendaItem.count({ where: { caseId } })).toBe(0);
  });
});
