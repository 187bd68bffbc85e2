// Closing the loop in the database: only the owner completes a task (with the version they saw),
// the case closes, the outcome rule holds in the schema and in the table; the overdue job tells
// each owner once; the overdue list shows only the boards one coordinates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/authz/actor';
import { db } from '@/lib/db/client';
import { stopBoss } from '@/lib/jobs/boss';
import { runOverdueFollowUpCheck } from '@/lib/jobs/follow-up-overdue-worker';
import { completeFollowUpSchema } from '@/lib/schemas/decision';
import { createSignedDecision, sampleDecisionContent } from '@/lib/test/create-signed-decision';
import { createTestActor } from '@/lib/test/create-test-actor';
import { createTestMeeting } from '@/lib/test/create-test-meeting';
import { completeFollowUp } from './complete-follow-up';
import { listMyFollowUps, listOverdueFollowUps, readCaseFollowUp } from './list-follow-ups';

let chair: Actor;
let member: Actor;
let referrer: Actor;
let coordinator: Actor;
let otherCoordinator: Actor;

beforeAll(async () => {
  chair = await createTestActor({ role: 'CLINICIAN', name: 'Chair' });
  member = await createTestActor({ role: 'CLINICIAN', name: 'Member' });
  referrer = await createTestActor({ role: 'CLINICIAN', name: 'Referrer' });
  coordinator = await createTestActor({ role: 'COORDINATOR', name: 'Coordinator' });
  otherCoordinator = await createTestActor({ role: 'COORDINATOR', name: 'Other coordinator' });
});
afterAll(() => stopBoss());

/**
 * A board (chair, member, coordinator; a named owner joins as a member: owners come from the
 * case's people) with one case signed on 2025-12-01; the follow-up due on `dueOn`.
 */
async function signedTask(options: { dueOn?: string; owner?: Actor } = {}) {
  const w = await createTestMeeting({
    referrer,
    cases: 1,
    members: [
      { actor: chair, role: 'CHAIR' },
      { actor: member, role: 'MEMBER' },
      { actor: coordinator, role: 'COORDINATOR' },
      ...(options.owner ? [{ actor: options.owner, role: 'MEMBER' as const }] : []),
    ],
  });
  const signed = await createSignedDecision({
    author: member,
    chair,
    caseId: w.caseIds[0]!,
    meetingId: w.meetingId,
    content: sampleDecisionContent({ followUpDueOn: options.dueOn ?? '2099-01-01', followUpOwnerId: options.owner?.id ?? null }),
    signedAt: new Date('2025-12-01T12:00:00Z'),
  });
  return { ...w, caseId: w.caseIds[0]!, taskId: signed.followUpTaskId };
}

describe('completing a follow-up task', () => {
  it('lets the owner record the outcome: the case closes and the completion is audited with the patient', async () => {
    const w = await signedTask();
    const result = await completeFollowUp({ actor: referrer, input: completeFollowUpSchema.parse({ taskId: w.taskId, expectedVersion: 0, outcome: 'IMPLEMENTED' }) });
    expect(result).toMatchObject({ status: 'IMPLEMENTED', version: 1, caseClosed: true });
    const task = await db().followUpTask.findUniqueOrThrow({ where: { id: w.taskId } });
    expect(task).toMatchObject({ status: 'IMPLEMENTED', reason: null, completedById: referrer.id, version: 1 });
    const kase = await db().case.findUniqueOrThrow({ where: { id: w.caseId } });
    expect(kase.status).toBe('CLOSED');
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: 'follow_up.complete', entityId: w.taskId } });
    expect(audit.patientId).toBe(kase.patientId);
    expect(audit.detail).toMatchObject({ outcome: 'IMPLEMENTED', correction: false, caseClosed: true });
  });

  it('refuses a colleague who sees the case (FORBIDDEN), a stranger (NOT_FOUND) and a coordinator (FORBIDDEN), changing nothing', async () => {
    const w = await signedTask();
    const stranger = await createTestActor({ role: 'CLINICIAN' });
    const input = completeFollowUpSchema.parse({ taskId: w.taskId, expectedVersion: 0, outcome: 'IMPLEMENTED' });
    await expect(completeFollowUp({ actor: member, input })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(completeFollowUp({ actor: stranger, input })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(completeFollowUp({ actor: coordinator, input })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await db().followUpTask.findUniqueOrThrow({ where: { id: w.taskId } })).status).toBe('OPEN');
    expect(await db().auditEvent.count({ where: { action: 'follow_up.complete', entityId: w.taskId } })).toBe(0);
  });

  it('lets the owner named by the decision complete it even without access to the board', async () => {
    const named = await createTestActor({ role: 'CLINICIAN', name: 'GP' });
    const w = await signedTask({ owner: named });
    await expect(completeFollowUp({ actor: referrer, input: completeFollowUpSchema.parse({ taskId: w.taskId, expectedVersion: 0, outcome: 'IMPLEMENTED' }) })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const done = await completeFollowUp({ actor: named, input: completeFollowUpSchema.parse({ taskId: w.taskId, expectedVersion: 0, outcome: 'NOT_IMPLEMENTED', reason: 'PATIENT_WISH' }) });
    expect(done.status).toBe('NOT_IMPLEMENTED');
  });

  it('answers a stale version with CONFLICT, and takes a correction with the current one (audited with what it replaced)', async () => {
    const w = await signedTask();
    await completeFollowUp({ actor: referrer, input: completeFollowUpSchema.parse({ taskId: w.taskId, expectedVersion: 0, outcome: 'IMPLEMENTED' }) });
    await expect(
      completeFollowUp({ actor: referrer, input: completeFollowUpSchema.parse({ taskId: w.taskId, expectedVersion: 0, outcome: 'MODIFIED', reason: 'LOGISTICS' }) }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await db().followUpTask.findUniqueOrThrow({ where: { id: w.taskId } })).status).toBe('IMPLEMENTED');
    const corrected = await completeFollowUp({
      actor: referrer,
      input: completeFollowUpSchema.parse({ taskId: w.taskId, expectedVersion: 1, outcome: 'MODIFIED', reason: 'OTHER', note: 'Dose reduced after nephrology review.' }),
    });
    expect(corrected).toMatchObject({ status: 'MODIFIED', version: 2, caseClosed: false });
    const audits = await db().auditEvent.findMany({ where: { action: 'follow_up.complete', entityId: w.taskId }, orderBy: { id: 'asc' } });
    expect(audits.map((a) => a.detail)).toMatchObject([
      { outcome: 'IMPLEMENTED', correction: false },
      { outcome: 'MODIFIED', reason: 'OTHER', correction: true, previousOutcome: 'IMPLEMENTED' },
    ]);
  });

  it('requires a reason for MODIFIED / NOT_IMPLEMENTED in the schema, and the table refuses one without it', async () => {
    const w = await signedTask();
    const missing = completeFollowUpSchema.safeParse({ taskId: w.taskId, expectedVersion: 0, outcome: 'NOT_IMPLEMENTED' });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues[0]?.path).toEqual(['reason']);
    expect(completeFollowUpSchema.safeParse({ taskId: w.taskId, expectedVersion: 0, outcome: 'IMPLEMENTED', reason: 'LOGISTICS' }).success).toBe(false);
    expect(completeFollowUpSchema.safeParse({ taskId: w.taskId, expectedVersion: 0, outcome: 'MODIFIED', reason: 'OTHER' }).success).toBe(false);
    // Past the schema: the CHECK constraint is the last line.
    await expect(db().followUpTask.update({ where: { id: w.taskId }, data: { status: 'NOT_IMPLEMENTED', completedAt: new Date() } })).rejects.toThrow(/follow_up_tasks_outcome_check/);
    await expect(db().followUpTask.update({ where: { id: w.taskId }, data: { status: 'IMPLEMENTED', completedAt: new Date(), reason: 'LOGISTICS' } })).rejects.toThrow(/follow_up_tasks_outcome_check/);
    expect((await db().followUpTask.findUniqueOrThrow({ where: { id: w.taskId } })).status).toBe('OPEN');
  });
});

describe('follow-up lists', () => {
  it('lists the owner’s tasks open first, with the pseudonym, the recommendation and days overdue', async () => {
    const owner = await createTestActor({ role: 'CLINICIAN', name: 'List owner' });
    const a = await signedTask({ owner, dueOn: '2026-03-10' });
    const b = await signedTask({ owner, dueOn: '2026-02-01' });
    const c = await signedTask({ owner, dueOn: '2026-01-01' });
    await completeFollowUp({ actor: owner, input: completeFollowUpSchema.parse({ taskId: c.taskId, expectedVersion: 0, outcome: 'IMPLEMENTED' }) });
    const now = new Date('2026-03-12T10:00:00Z');
    const mine = await listMyFollowUps({ actor: owner, now });
    expect(mine.map((t) => t.id)).toEqual([b.taskId, a.taskId, c.taskId]);
    expect(mine.map((t) => t.daysOverdue)).toEqual([39, 2, 0]);
    expect(mine[0]!.recommendation).toContain('Surgery: Video-assisted lobectomy');
    expect(mine[0]!.pseudonym).toMatch(/^PSN-L-/);
    expect(await db().auditEvent.count({ where: { actorId: owner.id, action: 'follow_up.list' } })).toBe(3);
    await expect(listMyFollowUps({ actor: coordinator })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('shows a coordinator the overdue open tasks of the boards they coordinate only', async () => {
    const overdue = await signedTask({ dueOn: '2026-05-01' });
    const notYet = await signedTask({ dueOn: '2026-05-20' });
    const now = new Date('2026-05-10T12:00:00Z');
    const list = await listOverdueFollowUps({ actor: coordinator, now });
    const ids = list.map((t) => t.id);
    expect(ids).toContain(overdue.taskId);
    expect(ids).not.toContain(notYet.taskId);
    expect(list.find((t) => t.id === overdue.taskId)).toMatchObject({ daysOverdue: 9, owner: { id: referrer.id } });
    expect((await listOverdueFollowUps({ actor: otherCoordinator, now })).map((t) => t.id)).not.toContain(overdue.taskId);
    await expect(listOverdueFollowUps({ actor: referrer, now })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('reads a case’s task for whoever may see the case, NOT_FOUND for others', async () => {
    const w = await signedTask();
    expect((await readCaseFollowUp({ actor: member, caseId: w.caseId }))?.id).toBe(w.taskId);
    const stranger = await createTestActor({ role: 'CLINICIAN' });
    await expect(readCaseFollowUp({ actor: stranger, caseId: w.caseId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('overdue notification job', () => {
  it('notifies each owner once, only for open tasks past their due day, in-app with e-mail queued', async () => {
    const owner = await createTestActor({ role: 'CLINICIAN', name: 'Job owner' });
    const overdue = await signedTask({ owner, dueOn: '2026-06-01' });
    const dueToday = await signedTask({ owner, dueOn: '2026-06-10' });
    const done = await signedTask({ owner, dueOn: '2026-05-01' });
    await completeFollowUp({ actor: owner, input: completeFollowUpSchema.parse({ taskId: done.taskId, expectedVersion: 0, outcome: 'IMPLEMENTED' }) });
    const now = new Date('2026-06-10T08:00:00Z');

    const first = await runOverdueFollowUpCheck({ now, email: false });
    const mine = await db().notification.findMany({ where: { userId: owner.id, kind: 'FOLLOW_UP_DUE' } });
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ caseId: overdue.caseId, link: '/follow-ups', emailStatus: 'QUEUED' });
    expect(first.notificationIds).toContain(mine[0]!.id);
    expect((await db().followUpTask.findUniqueOrThrow({ where: { id: overdue.taskId } })).overdueNotifiedAt).toEqual(now);
    expect((await db().followUpTask.findUniqueOrThrow({ where: { id: dueToday.taskId } })).overdueNotifiedAt).toBeNull();
    expect(await db().auditEvent.count({ where: { action: 'follow_up.overdue_notify', entityId: overdue.taskId } })).toBe(1);

    const again = await runOverdueFollowUpCheck({ now: new Date('2026-06-10T09:00:00Z'), email: false });
    expect(again.notificationIds.filter((id) => mine.some((n) => n.id === id))).toEqual([]);
    expect(await db().notification.count({ where: { userId: owner.id, kind: 'FOLLOW_UP_DUE' } })).toBe(1);
  });

  it('works through more overdue tasks than one batch', async () => {
    const owner = await createTestActor({ role: 'CLINICIAN', name: 'Batch owner' });
    for (let i = 0; i < 3; i++) await signedTask({ owner, dueOn: '2026-07-01' });
    await runOverdueFollowUpCheck({ now: new Date('2026-07-05T08:00:00Z'), batchSize: 2, email: false });
    expect(await db().notification.count({ where: { userId: owner.id, kind: 'FOLLOW_UP_DUE' } })).toBe(3);
  });
});
