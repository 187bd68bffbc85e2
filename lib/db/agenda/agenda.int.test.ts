import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/authz/actor';
import { executeAction } from '@/lib/actions/create-action';
import { reorderAgenda as reorderAction } from '@/lib/actions/agenda';
import { db } from '@/lib/db/client';
import { stopBoss } from '@/lib/jobs/boss';
import { startInferenceWorker } from '@/lib/jobs/inference-worker';
import { acceptReferral } from '@/lib/referrals/accept-referral';
import { createReferralWorld } from '@/lib/test/create-referral-world';
import { createTestActor } from '@/lib/test/create-test-actor';
import { createInferenceCase, registerTestModel } from '@/lib/test/create-test-model';
import { loadAgenda } from './load-agenda';
import { removeAgendaItem, reorderAgenda, setAgendaItemMinutes } from './change-agenda';

let clinician: Actor;
let coordinatorA: Actor;
let coordinatorB: Actor;
let outsiderCoordinator: Actor;

beforeAll(async () => {
  clinician = await createTestActor({ role: 'CLINICIAN' });
  coordinatorA = await createTestActor({ role: 'COORDINATOR', name: 'Anna Agenda' });
  coordinatorB = await createTestActor({ role: 'COORDINATOR', name: 'Bert Board' });
  outsiderCoordinator = await createTestActor({ role: 'COORDINATOR' });
});
afterAll(() => stopBoss());

/** A meeting with three cases on its agenda (accepted through triage), coordinated by A and B. */
async function agendaWorld() {
  const world = await createReferralWorld({ clinician, coordinator: coordinatorA });
  await db().boardMembership.create({ data: { boardId: world.boardId, userId: coordinatorB.id, role: 'COORDINATOR' } });
  const caseIds: string[] = [];
  for (let i = 0; i < 3; i++) {
    const kase = await db().case.create({ data: { patientId: world.patientId, boardId: world.boardId, referringUserId: clinician.id, question: `Question ${i}?`, entity: 'LUNG', status: 'REFERRED' } });
    await acceptReferral({ actor: coordinatorA, input: { caseId: kase.id, version: 0, meetingId: world.nextMeetingId }, enqueue: async () => {} });
    caseIds.push(kase.id);
  }
  const agenda = await loadAgenda({ actor: coordinatorA, meetingId: world.nextMeetingId });
  return { world, caseIds, agenda, meetingId: world.nextMeetingId };
}

const positions = (meetingId: string) => db().agendaItem.findMany({ where: { meetingId }, orderBy: { position: 'asc' }, select: { id: true, position: true, caseId: true, minutesAllotted: true } });

describe('the agenda builder', () => {
  it('loads the agenda in order for the board’s coordinators only, auditing each patient shown', async () => {
    const { agenda, caseIds, meetingId } = await agendaWorld();
    expect(agenda.items.map((i) => i.caseId)).toEqual(caseIds);
    expect(agenda.meeting.agendaVersion).toBe(3);
    expect(await db().auditEvent.count({ where: { action: 'case.list', actorId: coordinatorA.id, entityId: { in: caseIds } } })).toBeGreaterThanOrEqual(3);
    await expect(loadAgenda({ actor: outsiderCoordinator, meetingId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('reorders, sets minutes and removes (case back to ACCEPTED), keeping positions contiguous and bumping the version each time', async () => {
    const { agenda, meetingId, caseIds } = await agendaWorld();
    const [a, b, c] = agenda.items.map((i) => i.id) as [string, string, string];
    expect(await reorderAgenda({ actor: coordinatorA, input: { meetingId, agendaVersion: 3, itemIds: [c, a, b] } })).toEqual({ agendaVersion: 4 });
    expect((await positions(meetingId)).map((p) => [p.id, p.position])).toEqual([[c, 0], [a, 1], [b, 2]]);
    await setAgendaItemMinutes({ actor: coordinatorA, input: { meetingId, agendaVersion: 4, itemId: a, minutes: 12 } });
    expect((await positions(meetingId)).find((p) => p.id === a)!.minutesAllotted).toBe(12);
    await removeAgendaItem({ actor: coordinatorA, input: { meetingId, agendaVersion: 5, itemId: c } });
    expect((await positions(meetingId)).map((p) => [p.id, p.position])).toEqual([[a, 0], [b, 1]]);
    expect(await db().case.findUniqueOrThrow({ where: { id: caseIds[2]! } })).toMatchObject({ status: 'ACCEPTED' });
    expect((await db().meeting.findUniqueOrThrow({ where: { id: meetingId } })).agendaVersion).toBe(6);
    expect(await db().auditEvent.findFirst({ where: { action: 'agenda.remove', entityId: meetingId } })).toMatchObject({ actorId: coordinatorA.id, detail: { caseId: caseIds[2], agendaVersion: 6 } });
  });

  it('refuses a stale version and an order that is not the agenda’s cases, changing nothing', async () => {
    const { agenda, meetingId } = await agendaWorld();
    const ids = agenda.items.map((i) => i.id);
    await reorderAgenda({ actor: coordinatorA, input: { meetingId, agendaVersion: 3, itemIds: [...ids].reverse() } });
    const before = await positions(meetingId);
    await expect(setAgendaItemMinutes({ actor: coordinatorB, input: { meetingId, agendaVersion: 3, itemId: ids[0]!, minutes: 30 } })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/^The agenda was changed by Anna Agenda at .+; reload to see their changes/),
    });
    await expect(reorderAgenda({ actor: coordinatorA, input: { meetingId, agendaVersion: 4, itemIds: ids.slice(0, 2) } })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await positions(meetingId)).toEqual(before);
    expect((await db().meeting.findUniqueOrThrow({ where: { id: meetingId } })).agendaVersion).toBe(4);
  });

  it('two coordinators reordering the same agenda at the same time: exactly one wins, the other gets the conflict, no lost update', async () => {
    const { agenda, meetingId } = await agendaWorld();
    const [a, b, c] = agenda.items.map((i) => i.id) as [string, string, string];
    const orderA = [c, b, a];
    const orderB = [b, a, c];
    // Both saw version 3 and send at once; the first UPDATE … WHERE "agendaVersion" = 3 holds the
    // meeting's row lock, the second waits for it and then finds version 4.
    const results = await Promise.allSettled([
      executeAction(reorderAction.definition, coordinatorA, { meetingId, agendaVersion: 3, itemIds: orderA }),
      executeAction(reorderAction.definition, coordinatorB, { meetingId, agendaVersion: 3, itemIds: orderB }),
    ]);
    const answers = results.map((r) => (r.status === 'fulfilled' ? r.value : null));
    const winners = answers.filter((r) => r?.ok);
    const losers = answers.filter((r) => r && !r.ok);
    expect(winners).toHaveLength(1);
    expect(losers).toEqual([expect.objectContaining({ ok: false, code: 'CONFLICT', message: expect.stringMatching(/The agenda was changed by (Anna Agenda|Bert Board) at .+; reload to see their changes/) })]);
    const winnerOrder = answers[0]!.ok ? orderA : orderB;
    const winnerName = answers[0]!.ok ? 'Anna Agenda' : 'Bert Board';
    expect(losers[0]!.ok === false && losers[0]!.message).toContain(winnerName);
    expect((await positions(meetingId)).map((p) => p.id)).toEqual(winnerOrder);
    expect((await db().meeting.findUniqueOrThrow({ where: { id: meetingId } })).agendaVersion).toBe(4);
    expect(await db().auditEvent.count({ where: { action: 'agenda.reorder', entityId: meetingId } })).toBe(1);
  });

  it('refuses a coordinator of another board (not found) and a clinician (forbidden)', async () => {
    const { agenda, meetingId } = await agendaWorld();
    const itemIds = agenda.items.map((i) => i.id).reverse();
    await expect(reorderAgenda({ actor: outsiderCoordinator, input: { meetingId, agendaVersion: 3, itemIds } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await executeAction(reorderAction.definition, clinician, { meetingId, agendaVersion: 3, itemIds })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect((await db().meeting.findUniqueOrThrow({ where: { id: meetingId } })).agendaVersion).toBe(3);
  });
});

describe('accepting a case prepares it for the meeting', () => {
  it('queues the case’s model run, and the inference worker stores an AUTO_PREPARE result', async () => {
    const admin = await createTestActor({ role: 'ADMIN' });
    const { version } = await registerTestModel({ admin, status: 'ACTIVE' });
    const world = await createInferenceCase({ referrer: clinician });
    await db().boardMembership.create({ data: { boardId: world.boardId, userId: coordinatorA.id, role: 'COORDINATOR' } });
    const meeting = await db().meeting.create({ data: { boardId: world.boardId, startsAt: new Date(Date.now() + 7 * 86_400_000), durationMinutes: 60 } });
    const accepted = await acceptReferral({ actor: coordinatorA, input: { caseId: world.caseId, version: 0, meetingId: meeting.id } });
    expect(accepted).toMatchObject({ inferenceQueued: true });
    await startInferenceWorker({ pollingIntervalSeconds: 0.5 });
    const results = () => db().inferenceResult.findMany({ where: { caseId: world.caseId, modelVersionId: version.id } });
    let rows = await results();
    for (let i = 0; i < 120 && rows.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 250));
      rows = await results();
    }
    expect(rows).toEqual([expect.objectContaining({ status: 'SCORED', trigger: 'AUTO_PREPARE', triggeredById: null })]);
  });
});
