// The allow/deny matrix for server actions: every exported action, run through
// the real wrapper against the real database as each role and as nobody, must
// do exactly what lib/authz/permissions.ts says. An action without a fixture
// below fails this test, so no action can ship unchecked.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/authz/actor';
import { can } from '@/lib/authz/permissions';
import { roles, type Role } from '@/lib/authz/roles';
import { db } from '@/lib/db/client';
import { createTestActor } from '@/lib/test/create-test-actor';
import { createTestCase } from '@/lib/test/create-test-case';
import { extractReportFacts } from '@/lib/report-facts';
import { insertTestModelVersion, uniqueModelKey } from '@/lib/test/create-test-model';
import { createReferralWorld } from '@/lib/test/create-referral-world';
import { stopBoss } from '@/lib/jobs/boss';
import { createTestMeeting } from '@/lib/test/create-test-meeting';
import { startAmendment } from '@/lib/db/decisions/amendment';
import { saveDecisionDraft } from '@/lib/db/decisions/save-decision-draft';
import { createSignedDecision, sampleDecisionContent } from '@/lib/test/create-signed-decision';
import { executeAction, type ServerAction } from './create-action';

const actionsDir = __dirname;
const actionFiles = readdirSync(actionsDir).filter(
  (f) => f.endsWith('.ts') && !f.includes('.test.') && readFileHead(path.join(actionsDir, f)).startsWith("'use server'"),
);

function readFileHead(file: string): string {
  return readFileSync(file, 'utf8').slice(0, 20);
}

/** A valid input for each action, made fresh for each call (targets a new user so calls never collide). */
type Fixture = () => Promise<Record<string, unknown>>;
const newTarget = async () => {
  const target = await createTestActor({ role: 'CLINICIAN', password: 'old-password-123' });
  return { userId: target.id, version: 0 };
};
const fixtures: Record<string, Fixture> = {
  'users.create': async () => ({
    email: `matrix-${Math.random().toString(36).slice(2)}@test.konsil`,
    name: 'Matrix Person',
    roles: ['CLINICIAN'],
    password: 'a-long-enough-password',
  }),
  'users.setRoles': async () => ({ ...(await newTarget()), roles: ['COORDINATOR'] }),
  'users.updateProfile': async () => ({ ...(await newTarget()), name: 'Renamed Person' }),
  'users.deactivate': async () => ({ ...(await newTarget()), reason: 'left the hospital' }),
  'users.reactivate': async () => {
    const t = await newTarget();
    await db().user.update({ where: { id: t.userId }, data: { active: false } });
    return t;
  },
  'users.resetPassword': async () => ({ ...(await newTarget()), password: 'a-new-long-password' }),
  // Case annotations: a fresh case the CLINICIAN actor referred (only clinicians may annotate).
  'cases.saveMeasurement': async () => ({
    ...(await imageOfNewCase()),
    kind: 'LENGTH',
    values: { lengthMm: 12.5 },
    geometry: { points: [[0, 0, 0], [12.5, 0, 0]] },
  }),
  'cases.removeMeasurement': async () => {
    const image = await imageOfNewCase();
    const m = await db().caseMeasurement.create({
      data: { ...image, kind: 'LENGTH', values: { lengthMm: 3 }, geometry: { points: [[0, 0, 0], [3, 0, 0]] }, createdById: actors.CLINICIAN.id },
    });
    return { caseId: image.caseId, measurementId: m.id };
  },
  'cases.markKeyImage': async () => ({ ...(await imageOfNewCase()), note: 'index lesion' }),
  'cases.unmarkKeyImage': async () => {
    const image = await imageOfNewCase();
    const k = await db().caseKeyImage.create({ data: { ...image, markedById: actors.CLINICIAN.id } });
    return { caseId: image.caseId, keyImageId: k.id };
  },
  'cases.reviewReportFact': async () => {
    const text = 'Invasive carcinoma, pT2 pN1a M0.';
    const c = await createTestCase({ referrer: actors.CLINICIAN, reportTexts: [text] });
    const fact = extractReportFacts(text).find((f) => f.kind === 'TNM')!;
    return { caseId: c.caseId, reportId: c.reportIds[0]!, factKey: fact.key, status: 'CONFIRMED' };
  },
  // Decision support: a case the CLINICIAN referred; a stored result on such a case to mark.
  'inference.runCaseModels': async () => ({ caseId: (await createTestCase({ referrer: actors.CLINICIAN, slices: 1, reportTexts: [] })).caseId }),
  'inference.reviewResult': async () => {
    const c = await createTestCase({ referrer: actors.CLINICIAN, slices: 1, reportTexts: [] });
    const version = await insertTestModelVersion({ status: 'VALIDATED' });
    const result = await db().inferenceResult.create({
      data: { modelVersionId: version.id, caseId: c.caseId, status: 'NOT_SCORED', trigger: 'ON_DEMAND', inputs: [], inputHash: 'x'.repeat(64), modelFileSha256: 'y'.repeat(64) },
    });
    return { resultId: result.id, mark: 'DISAGREE', reason: 'The weight was measured before surgery.' };
  },
  // The model registry: a fresh version row in the state each transition starts from.
  'models.shadow': async () => versionInput(await insertTestModelVersion({ status: 'VALIDATED' })),
  'models.activate': async () => versionInput(await insertTestModelVersion({ status: 'VALIDATED' })),
  'models.retire': async () => versionInput(await insertTestModelVersion({ status: 'ACTIVE' })),
  'models.rollback': async () => {
    const modelKey = uniqueModelKey('matrix');
    const previous = await insertTestModelVersion({ status: 'RETIRED', modelKey });
    return versionInput(await insertTestModelVersion({ status: 'ACTIVE', modelKey, semver: '1.1.0', replacesVersionId: previous.id }));
  },
  // Boards and the meeting schedule: a fresh board (with a weekly recurrence) per call.
  'boards.create': async () => ({ ...boardFormFields(), name: `Matrix board ${Math.random().toString(36).slice(2, 8)}` }),
  'boards.update': async () => ({ ...boardFormFields(), boardId: (await newBoard()).id, version: 0, name: 'Renamed board' }),
  'boards.setMember': async () => ({ boardId: (await newBoard()).id, userId: (await newTarget()).userId, role: 'MEMBER' }),
  'meetings.generate': async () => ({ boardId: (await newBoard()).id, weeks: 2 }),
  'meetings.move': async () => ({ meetingId: (await newMeeting()).id, expectedVersion: 0, localStart: '2031-01-08T10:00' }),
  'meetings.cancel': async () => ({ meetingId: (await newMeeting()).id, expectedVersion: 0, reason: 'authz matrix' }),
  // Referral and triage: a board the COORDINATOR coordinates, a patient the CLINICIAN sees
  // (rows written directly: a fixture must not write audit events).
  'referrals.create': async () => {
    const world = await createReferralWorld({ clinician: actors.CLINICIAN, coordinator: actors.COORDINATOR });
    return { patientId: world.patientId, boardId: world.boardId, question: 'Adjuvant therapy after resection?', entity: 'LUNG', urgency: 'ROUTINE', reportIds: world.reportIds };
  },
  'referrals.accept': async () => ({ caseId: await newReferral('REFERRED'), version: 0 }),
  'referrals.reject': async () => ({ caseId: await newReferral('REFERRED'), version: 0, reason: 'Belongs to another board' }),
  'referrals.requestInformation': async () => ({ caseId: await newReferral('REFERRED'), version: 0, question: 'Is there a PET-CT?' }),
  'referrals.answerInformation': async () => ({ caseId: await newReferral('NEEDS_INFORMATION'), version: 0, answer: 'Yes, from last week.' }),
  // The agenda builder: a meeting of that board with two cases on its agenda (agendaVersion 2).
  'agenda.reorder': async () => {
    const agenda = await newAgenda();
    return { meetingId: agenda.meetingId, agendaVersion: 2, itemIds: [...agenda.itemIds].reverse() };
  },
  'agenda.setMinutes': async () => {
    const agenda = await newAgenda();
    return { meetingId: agenda.meetingId, agendaVersion: 2, itemId: agenda.itemIds[0], minutes: 9 };
  },
  'agenda.remove': async () => {
    const agenda = await newAgenda();
    return { meetingId: agenda.meetingId, agendaVersion: 2, itemId: agenda.itemIds[1] };
  },
  // Meeting preparation: a meeting of a board the COORDINATOR belongs to, with a case the CLINICIAN
  // referred (never ready: it has no stage group); the CLINICIAN is a radiologist for review marks.
  'meetings.markReviewDone': async () => ({ caseId: (await meetingWorld()).caseId, specialty: 'RADIOLOGY' }),
  'meetings.undoReviewDone': async () => {
    const w = await meetingWorld();
    await db().caseReviewMark.create({ data: { caseId: w.caseId, specialty: 'RADIOLOGY', markedById: actors.CLINICIAN.id } });
    return { caseId: w.caseId, specialty: 'RADIOLOGY' };
  },
  'meetings.sendPreparationReminder': async () => {
    const w = await meetingWorld();
    return { meetingId: w.meetingId, itemId: w.itemId };
  },
  'meetings.postponeCase': async () => {
    const w = await meetingWorld();
    return { meetingId: w.meetingId, itemId: w.itemId, expectedAgendaVersion: 0, reason: 'authz matrix' };
  },
  'meetings.publishAgenda': async () => ({ meetingId: (await meetingWorld()).meetingId, expectedAgendaVersion: 0 }),
  // Notifications: one of the CLINICIAN's (for the other roles it is not theirs, so nothing changes).
  'notifications.markRead': async () => {
    const n = await db().notification.create({ data: { userId: actors.CLINICIAN.id, kind: 'AGENDA_PUBLISHED', title: 'matrix', body: 'matrix' } });
    return { notificationId: n.id };
  },
  'notifications.markAllRead': async () => ({}),
  // Live meeting: a fresh meeting of a board the CLINICIAN and the COORDINATOR both lead
  // (row-level presenter rights), in the state each control starts from.
  'live.start': async () => ({ meetingId: (await liveMeeting()).meetingId }),
  'live.goTo': async () => ({ ...(await startedLiveMeeting()), direction: 'next' }),
  'live.setView': async () => ({ ...(await startedLiveMeeting()), view: null }),
  'live.markItem': async () => ({ ...(await startedLiveMeeting()), mark: 'DEFERRED', reason: 'awaiting PET-CT' }),
  'live.end': async () => startedLiveMeeting(),
  // Board decisions: a fresh meeting whose board the CLINICIAN chairs (signing is row-level: the chair).
  'decisions.saveDraft': async () => {
    const m = await liveMeeting();
    return { caseId: m.caseIds[0]!, meetingId: m.meetingId, content: sampleDecisionContent() };
  },
  'decisions.sign': async () => {
    const m = await liveMeeting();
    const saved = await saveDecisionDraft({ actor: actors.CLINICIAN, input: { caseId: m.caseIds[0]!, meetingId: m.meetingId, content: sampleDecisionContent() } });
    return { decisionId: saved.decisionId, expectedVersion: saved.version };
  },
  'decisions.startAmendment': async () => signedDecisionInput(),
  'decisions.cancelAmendment': async () => {
    const input = await signedDecisionInput();
    const opened = await startAmendment({ actor: actors.CLINICIAN, input });
    return { decisionId: opened.decisionId, expectedVersion: opened.version };
  },
  // Follow-ups: a signed decision on a case the CLINICIAN referred, so the task is theirs (row-level: the owner).
  'followUps.complete': async () => {
    const m = await liveMeeting();
    const signed = await createSignedDecision({ author: actors.CLINICIAN, chair: actors.CLINICIAN, caseId: m.caseIds[0]!, meetingId: m.meetingId });
    return { taskId: signed.followUpTaskId, expectedVersion: 0, outcome: 'NOT_IMPLEMENTED', reason: 'PATIENT_WISH', note: '' };
  },
  // Protocols: a decision the CLINICIAN (chair) signed on a board the COORDINATOR coordinates,
  // so both export roles reach it (decisions.export is row-level through caseScope / meetingScope).
  'protocols.generateCaseProtocol': async () => ({ decisionId: (await signedDecisionInput()).decisionId }),
  'protocols.generateMeetingProtocol': async () => ({ meetingId: (await liveMeeting()).meetingId }),
};

async function signedDecisionInput() {
  const m = await liveMeeting();
  const signed = await createSignedDecision({ author: actors.CLINICIAN, chair: actors.CLINICIAN, caseId: m.caseIds[0]!, meetingId: m.meetingId });
  const row = await db().decision.findUniqueOrThrow({ where: { id: signed.decisionId }, select: { version: true } });
  return { decisionId: signed.decisionId, expectedVersion: row.version };
}

const boardFormFields = () => ({
  entityFocus: ['LUNG'],
  timeZone: 'Europe/Berlin',
  frequency: 'WEEKLY',
  interval: '1',
  weekday: 'TU',
  time: '16:00',
  meetingDurationMinutes: '90',
  defaultMinutesPerCase: '5',
  submissionDeadlineHours: '48',
});
const newBoard = async () => {
  const tag = Math.random().toString(36).slice(2, 10);
  return db().board.create({
    data: {
      slug: `matrix-${tag}`,
      name: `Matrix ${tag}`,
      entityFocus: ['LUNG'],
      recurrence: 'FREQ=WEEKLY;BYDAY=TU;BYHOUR=16;BYMINUTE=0',
      // Board changes are limited to the board's own coordinators.
      members: { create: { userId: actors.COORDINATOR.id, role: 'COORDINATOR' } },
    },
  });
};
const newMeeting = async () => db().meeting.create({ data: { boardId: (await newBoard()).id, startsAt: new Date('2030-12-31T15:00:00Z'), durationMinutes: 90 } });

async function newReferral(status: 'REFERRED' | 'NEEDS_INFORMATION'): Promise<string> {
  const world = await createReferralWorld({ clinician: actors.CLINICIAN, coordinator: actors.COORDINATOR });
  await db().case.update({ where: { id: world.caseId }, data: { status, targetMeetingId: world.nextMeetingId, referredAt: new Date() } });
  return world.caseId;
}

async function newAgenda(): Promise<{ meetingId: string; itemIds: string[] }> {
  const world = await createReferralWorld({ clinician: actors.CLINICIAN, coordinator: actors.COORDINATOR });
  const second = await db().case.create({ data: { patientId: world.patientId, boardId: world.boardId, referringUserId: actors.CLINICIAN.id, question: 'Second?', entity: 'LUNG', status: 'SCHEDULED' } });
  await db().case.update({ where: { id: world.caseId }, data: { status: 'SCHEDULED' } });
  await db().meeting.update({ where: { id: world.nextMeetingId }, data: { agendaVersion: 2 } });
  const items = await db().agendaItem.createManyAndReturn({
    data: [world.caseId, second.id].map((caseId, position) => ({ meetingId: world.nextMeetingId, caseId, position, minutesAllotted: 5 })),
  });
  return { meetingId: world.nextMeetingId, itemIds: items.sort((a, b) => a.position - b.position).map((i) => i.id) };
}

async function meetingWorld() {
  const c = await createTestCase({ referrer: actors.CLINICIAN, slices: 1, reportTexts: [], boardMembers: [actors.COORDINATOR] });
  await db().user.update({ where: { id: actors.CLINICIAN.id }, data: { specialty: 'RADIOLOGY' } });
  const meeting = await db().meeting.create({ data: { boardId: c.boardId, startsAt: new Date(Date.now() + 7 * 86_400_000), durationMinutes: 60 } });
  const item = await db().agendaItem.create({ data: { meetingId: meeting.id, caseId: c.caseId, position: 0, minutesAllotted: 5 } });
  return { caseId: c.caseId, meetingId: meeting.id, itemId: item.id };
}

const liveMeeting = () =>
  createTestMeeting({ referrer: actors.CLINICIAN, members: [{ actor: actors.CLINICIAN, role: 'CHAIR' }, { actor: actors.COORDINATOR, role: 'COORDINATOR' }] });
/** Put live directly (no audit event: the anonymous test counts them around each call). */
async function startedLiveMeeting() {
  const m = await liveMeeting();
  await db().meeting.update({ where: { id: m.meetingId }, data: { status: 'LIVE' } });
  await db().agendaItem.update({ where: { id: m.itemIds[0] }, data: { status: 'IN_DISCUSSION', discussionStartedAt: new Date() } });
  await db().meetingLiveState.create({ data: { meetingId: m.meetingId, seq: 1, currentItemId: m.itemIds[0], presenterId: actors.COORDINATOR.id } });
  return { meetingId: m.meetingId, expectedSeq: 1 };
}

const versionInput = (row: { id: string; version: number }) => ({ versionId: row.id, expectedVersion: row.version, reason: 'authz matrix' });

async function imageOfNewCase() {
  const c = await createTestCase({ referrer: actors.CLINICIAN, slices: 1, reportTexts: [] });
  return { caseId: c.caseId, studyInstanceUid: c.studyInstanceUid, seriesInstanceUid: c.seriesInstanceUid, sopInstanceUid: c.sopInstanceUids[0]!, frameNumber: 1 };
}

async function loadActions(): Promise<ServerAction<unknown>[]> {
  const all: ServerAction<unknown>[] = [];
  for (const file of actionFiles) {
    const mod = (await import(path.join(actionsDir, file))) as Record<string, unknown>;
    for (const [exportName, value] of Object.entries(mod)) {
      const action = value as Partial<ServerAction<unknown>>;
      expect(action.definition, `${file} export "${exportName}" must be built with createAction()`).toBeDefined();
      all.push(action as ServerAction<unknown>);
    }
  }
  return all;
}

let actors: Record<Role, Actor>;
let actions: ServerAction<unknown>[];

beforeAll(async () => {
  actors = {
    CLINICIAN: await createTestActor({ role: 'CLINICIAN' }),
    COORDINATOR: await createTestActor({ role: 'COORDINATOR' }),
    ADMIN: await createTestActor({ role: 'ADMIN' }),
  };
  actions = await loadActions();
});
// Accepting a referral queues the case's model run (pg-boss), which starts the queue client.
afterAll(() => stopBoss());

describe('server action allow/deny matrix', () => {
  it('finds the action modules and every action has a fixture', () => {
    expect(actionFiles.length).toBeGreaterThan(0);
    const missing = actions.map((a) => a.definition.name).filter((name) => !fixtures[name]);
    expect(missing, 'add a fixture for each new action').toEqual([]);
  });

  it('refuses every action to anonymous callers, changing nothing', async () => {
    for (const action of actions) {
      // The fixture may write (and audit) its set-up; the refused call itself must write nothing.
      const input = await fixtures[action.definition.name]!();
      const before = await db().auditEvent.count();
      const result = await executeAction(action.definition, null, input);
      expect(result, action.definition.name).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
      expect(await db().auditEvent.count()).toBe(before);
    }
  });

  for (const role of roles) {
    it(`gives ${role} exactly what the permission table says`, async () => {
      for (const action of actions) {
        const { name, permission } = action.definition;
        const input = await fixtures[name]!();
        const usersBefore = await db().user.findMany({ orderBy: { id: 'asc' }, select: { id: true, version: true } });
        const result = await executeAction(action.definition, actors[role], input);
        if (can(actors[role], permission)) {
          expect(result, `${role} ${name}`).toMatchObject({ ok: true });
        } else {
          expect(result, `${role} ${name}`).toMatchObject({ ok: false, code: 'FORBIDDEN' });
          const usersAfter = await db().user.findMany({ orderBy: { id: 'asc' }, select: { id: true, version: true } });
          expect(usersAfter, `${role} ${name} must change nothing`).toEqual(usersBefore);
          const denial = await db().auditEvent.findFirst({ where: { actorId: actors[role].id, action: 'access.denied' }, orderBy: { id: 'desc' } });
          expect(denial?.detail).toMatchObject({ target: `action:${name}`, permission });
        }
      }
    });
  }
});
