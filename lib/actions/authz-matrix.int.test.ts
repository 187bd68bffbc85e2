// The allow/deny matrix for server actions: every exported action, run through
// the real wrapper against the real database as each role and as nobody, must
// do exactly what lib/authz/permissions.ts says. An action without a fixture
// below fails this test, so no action can ship unchecked.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/authz/actor';
import { can } from '@/lib/authz/permissions';
import { roles, type Role } from '@/lib/authz/roles';
import { db } from '@/lib/db/client';
import { createTestActor } from '@/lib/test/create-test-actor';
import { createTestCase } from '@/lib/test/create-test-case';
import { extractReportFacts } from '@/lib/report-facts';
import { insertTestModelVersion, uniqueModelKey } from '@/lib/test/create-test-model';
import { createTestMeeting } from '@/lib/test/create-test-meeting';
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
  // Live meeting: a fresh meeting of a board the CLINICIAN and the COORDINATOR both lead
  // (row-level presenter rights), in the state each control starts from.
  'live.start': async () => ({ meetingId: (await liveMeeting()).meetingId }),
  'live.goTo': async () => ({ ...(await startedLiveMeeting()), direction: 'next' }),
  'live.setView': async () => ({ ...(await startedLiveMeeting()), view: null }),
  'live.markItem': async () => ({ ...(await startedLiveMeeting()), mark: 'DEFERRED', reason: 'awaiting PET-CT' }),
  'live.end': async () => startedLiveMeeting(),
};

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

describe('server action allow/deny matrix', () => {
  it('finds the action modules and every action has a fixture', () => {
    expect(actionFiles.length).toBeGreaterThan(0);
    const missing = actions.map((a) => a.definition.name).filter((name) => !fixtures[name]);
    expect(missing, 'add a fixture for each new action').toEqual([]);
  });

  it('refuses every action to anonymous callers, changing nothing', async () => {
    for (const action of actions) {
      const before = await db().auditEvent.count();
      const result = await executeAction(action.definition, null, await fixtures[action.definition.name]!());
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
