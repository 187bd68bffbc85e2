// The meeting schedule against the real database: generation across DST, idempotence, moving,
// cancelling with the cases carried to the next meeting, version conflicts, the audit trail.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/authz/actor';
import { isAppError } from '@/lib/errors';
import { createTestActor } from '@/lib/test/create-test-actor';
import { db } from '../client';
import { cancelMeeting } from './cancel-meeting';
import { generateMeetings } from './generate-meetings';
import { moveMeeting } from './move-meeting';

let coordinator: Actor;
let clinician: Actor;
let referrer: Actor;

beforeAll(async () => {
  coordinator = await createTestActor({ role: 'COORDINATOR' });
  clinician = await createTestActor({ role: 'CLINICIAN' });
  referrer = await createTestActor({ role: 'CLINICIAN', name: 'Referrer' });
});

const TUESDAY_16 = 'FREQ=WEEKLY;BYDAY=TU;BYHOUR=16;BYMINUTE=0';

async function createBoard(recurrence: string | null = TUESDAY_16, timeZone = 'Europe/Berlin') {
  const tag = randomUUID().slice(0, 8);
  return db().board.create({
    data: {
      slug: `sched-${tag}`,
      name: `Schedule ${tag}`,
      entityFocus: ['LUNG'],
      recurrence,
      timeZone,
      meetingDurationMinutes: 75,
      members: { create: { userId: coordinator.id, role: 'COORDINATOR' } },
    },
  });
}

async function createCase(boardId: string, extra: { targetMeetingId?: string; status?: 'REFERRED' | 'SCHEDULED' | 'REJECTED' } = {}) {
  const tag = randomUUID().slice(0, 8);
  const patient = await db().patient.create({
    data: { mrn: `SCHED-${tag}`, familyName: 'Testperson', givenName: tag, sex: 'FEMALE', birthDate: new Date('1960-05-17'), pseudonym: `PSN-${tag}`, isSynthetic: true },
  });
  return db().case.create({
    data: { patientId: patient.id, boardId, referringUserId: referrer.id, question: 'Adjuvant therapy?', entity: 'LUNG', status: extra.status ?? 'SCHEDULED', targetMeetingId: extra.targetMeetingId },
  });
}

async function expectAppError(promise: Promise<unknown>, code: string, message?: RegExp) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(isAppError(error), String(error)).toBe(true);
  if (isAppError(error)) {
    expect(error.code).toBe(code);
    if (message) expect(error.message).toMatch(message);
  }
}

const startsOf = async (boardId: string) =>
  (await db().meeting.findMany({ where: { boardId }, orderBy: { startsAt: 'asc' }, select: { startsAt: true } })).map((m) => m.startsAt.toISOString());

describe('generateMeetings', () => {
  it('stores Tuesday 16:00 Berlin as 14:00Z in summer and 15:00Z in winter, and is idempotent', async () => {
    const board = await createBoard();
    const from = new Date('2027-10-18T00:00:00Z');
    const until = new Date('2027-11-03T00:00:00Z');
    const first = await generateMeetings({ actor: coordinator, boardId: board.id, from, until });
    // 31 October 2027 is the last Sunday of October.
    expect(first.created).toEqual(['2027-10-19T14:00:00.000Z', '2027-10-26T14:00:00.000Z', '2027-11-02T15:00:00.000Z']);
    const meeting = await db().meeting.findFirstOrThrow({ where: { boardId: board.id }, orderBy: { startsAt: 'asc' } });
    expect(meeting.durationMinutes).toBe(75);

    // A coordinator changes one meeting; generating again neither duplicates nor touches it.
    await db().meeting.update({ where: { id: meeting.id }, data: { location: 'Room 4', durationMinutes: 120 } });
    const again = await generateMeetings({ actor: coordinator, boardId: board.id, from, until });
    expect(again.created).toEqual([]);
    expect(await startsOf(board.id)).toEqual(first.created);
    expect(await db().meeting.findUniqueOrThrow({ where: { id: meeting.id } })).toMatchObject({ location: 'Room 4', durationMinutes: 120, version: 0 });

    const audits = await db().auditEvent.findMany({ where: { action: 'meeting.generate', entityId: board.id }, orderBy: { id: 'asc' } });
    expect(audits.map((a) => (a.detail as { startsAt: string[] }).startsAt.length)).toEqual([3, 0]);
    expect(audits[0]!.actorId).toBe(coordinator.id);
  });

  it('uses America/New_York wall-clock time across its DST change', async () => {
    const board = await createBoard(TUESDAY_16, 'America/New_York');
    const { created } = await generateMeetings({ actor: coordinator, boardId: board.id, from: new Date('2027-03-01T00:00:00Z'), until: new Date('2027-03-17T00:00:00Z') });
    // 14 March 2027: EST (UTC−5) → EDT (UTC−4).
    expect(created).toEqual(['2027-03-02T21:00:00.000Z', '2027-03-09T21:00:00.000Z', '2027-03-16T20:00:00.000Z']);
  });

  it('refuses a board without a recurrence and a clinician', async () => {
    const board = await createBoard(null);
    await expectAppError(generateMeetings({ actor: coordinator, boardId: board.id, from: new Date('2027-01-01T00:00:00Z'), until: new Date('2027-02-01T00:00:00Z') }), 'CONFLICT', /no recurrence/);
    await expectAppError(generateMeetings({ actor: clinician, boardId: board.id, until: new Date('2099-01-01T00:00:00Z') }), 'FORBIDDEN');
    expect(await startsOf(board.id)).toEqual([]);
  });
});

describe('moveMeeting', () => {
  it('moves with the current version, refuses a stale one, and generation never refills the old slot', async () => {
    const board = await createBoard();
    const from = new Date('2027-06-01T00:00:00Z');
    const until = new Date('2027-06-16T00:00:00Z');
    const now = new Date('2027-05-01T00:00:00Z');
    await generateMeetings({ actor: coordinator, boardId: board.id, from, until });
    const meeting = await db().meeting.findFirstOrThrow({ where: { boardId: board.id }, orderBy: { startsAt: 'asc' } });
    expect(meeting.startsAt.toISOString()).toBe('2027-06-01T14:00:00.000Z');

    const moved = await moveMeeting({ actor: coordinator, meetingId: meeting.id, expectedVersion: 0, newStart: { localDateTime: '2027-06-02T17:30' }, now });
    expect(moved).toMatchObject({ startsAt: '2027-06-02T15:30:00.000Z', version: 1 });

    await expectAppError(moveMeeting({ actor: coordinator, meetingId: meeting.id, expectedVersion: 0, newStart: new Date('2027-06-03T14:00:00Z'), now }), 'CONFLICT', /changed by someone else/);
    expect((await db().meeting.findUniqueOrThrow({ where: { id: meeting.id } })).startsAt.toISOString()).toBe('2027-06-02T15:30:00.000Z');

    // Onto another meeting of the board: refused.
    await expectAppError(moveMeeting({ actor: coordinator, meetingId: meeting.id, expectedVersion: 1, newStart: new Date('2027-06-08T14:00:00Z'), now }), 'CONFLICT', /already has a meeting/);

    const regenerated = await generateMeetings({ actor: coordinator, boardId: board.id, from, until });
    expect(regenerated.created).toEqual([]);
    expect(await startsOf(board.id)).toEqual(['2027-06-02T15:30:00.000Z', '2027-06-08T14:00:00.000Z', '2027-06-15T14:00:00.000Z']);

    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: 'meeting.move', entityId: meeting.id } });
    expect(audit.detail).toEqual({ boardId: board.id, from: '2027-06-01T14:00:00.000Z', to: '2027-06-02T15:30:00.000Z' });
  });
});

describe('cancelMeeting', () => {
  const now = new Date('2027-05-01T00:00:00Z');

  async function boardWithTwoMeetings() {
    const board = await createBoard();
    await generateMeetings({ actor: coordinator, boardId: board.id, from: new Date('2027-06-01T00:00:00Z'), until: new Date('2027-06-09T00:00:00Z') });
    const [a, b] = await db().meeting.findMany({ where: { boardId: board.id }, orderBy: { startsAt: 'asc' } });
    return { board, a: a!, b: b! };
  }

  it('moves the open agenda items and pending referrals to the next meeting, notifies, audits', async () => {
    const { board, a, b } = await boardWithTwoMeetings();
    const [c1, c2, c3, c4] = [await createCase(board.id), await createCase(board.id), await createCase(board.id), await createCase(board.id)];
    const c5 = await createCase(board.id, { status: 'REFERRED', targetMeetingId: a.id });
    const rejected = await createCase(board.id, { status: 'REJECTED', targetMeetingId: a.id });
    await db().agendaItem.createMany({
      data: [
        { meetingId: a.id, caseId: c1!.id, position: 0, minutesAllotted: 5 },
        { meetingId: a.id, caseId: c2!.id, position: 1, minutesAllotted: 5, status: 'DISCUSSED' },
        { meetingId: a.id, caseId: c3!.id, position: 2, minutesAllotted: 10 },
        { meetingId: b.id, caseId: c4!.id, position: 0, minutesAllotted: 5 },
      ],
    });
    await db().case.updateMany({ where: { id: { in: [c1!.id, c3!.id] } }, data: { targetMeetingId: a.id } });

    const result = await cancelMeeting({ actor: coordinator, meetingId: a.id, reason: 'Public holiday', expectedVersion: 0, now });
    expect(result.movedToMeetingId).toBe(b.id);

    const cancelled = await db().meeting.findUniqueOrThrow({ where: { id: a.id } });
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancelReason: 'Public holiday', movedToMeetingId: b.id, agendaVersion: 1, version: 1 });
    expect((await db().meeting.findUniqueOrThrow({ where: { id: b.id } })).agendaVersion).toBe(1);

    const nextAgenda = await db().agendaItem.findMany({ where: { meetingId: b.id }, orderBy: { position: 'asc' }, select: { caseId: true, position: true, minutesAllotted: true } });
    expect(nextAgenda).toEqual([
      { caseId: c4!.id, position: 0, minutesAllotted: 5 },
      { caseId: c1!.id, position: 1, minutesAllotted: 5 },
      { caseId: c3!.id, position: 2, minutesAllotted: 10 },
    ]);
    // The discussed item stays with the meeting it was discussed in.
    expect((await db().agendaItem.findMany({ where: { meetingId: a.id } })).map((i) => i.caseId)).toEqual([c2!.id]);

    const targets = await db().case.findMany({ where: { id: { in: [c1!.id, c3!.id, c5.id] } }, select: { targetMeetingId: true } });
    expect(targets.every((t) => t.targetMeetingId === b.id)).toBe(true);
    expect(new Set(result.retargetedCaseIds)).toEqual(new Set([c1!.id, c3!.id, c5.id]));
    // A rejected referral is not carried along.
    expect((await db().case.findUniqueOrThrow({ where: { id: rejected.id } })).targetMeetingId).toBe(a.id);

    const notes = await db().notification.findMany({ where: { meetingId: b.id, kind: 'MEETING_CANCELLED' } });
    expect(notes).toHaveLength(3);
    expect(notes.every((n) => n.userId === referrer.id && n.emailStatus === null && n.body.includes('Public holiday'))).toBe(true);
    expect(new Set(notes.map((n) => n.caseId))).toEqual(new Set([c1!.id, c3!.id, c5.id]));

    const cancelAudit = await db().auditEvent.findFirstOrThrow({ where: { action: 'meeting.cancel', entityId: a.id } });
    expect(cancelAudit.detail).toMatchObject({ boardId: board.id, reason: 'Public holiday', movedToMeetingId: b.id, notified: 3 });
    const caseAudits = await db().auditEvent.findMany({ where: { action: 'case.meeting_change', entityId: { in: [c1!.id, c3!.id, c5.id] } } });
    expect(caseAudits).toHaveLength(3);
    expect(caseAudits.every((e) => e.patientId !== null)).toBe(true);
  });

  it('generates the next meeting from the recurrence when there is none', async () => {
    const { board, b } = await boardWithTwoMeetings();
    const kase = await createCase(board.id);
    await db().agendaItem.create({ data: { meetingId: b.id, caseId: kase.id, position: 0, minutesAllotted: 5 } });
    const result = await cancelMeeting({ actor: coordinator, meetingId: b.id, reason: 'Congress week', expectedVersion: 0, now });
    // b was 8 June 2027 16:00 Berlin; the next slot is 15 June.
    expect(result.movedToStartsAt).toBe('2027-06-15T14:00:00.000Z');
    const item = await db().agendaItem.findFirstOrThrow({ where: { caseId: kase.id } });
    expect(item).toMatchObject({ meetingId: result.movedToMeetingId, position: 0 });
  });

  it('refuses when there is no next meeting and no recurrence, changing nothing', async () => {
    const board = await createBoard(null);
    const meeting = await db().meeting.create({ data: { boardId: board.id, startsAt: new Date('2027-06-01T14:00:00Z'), durationMinutes: 90 } });
    const kase = await createCase(board.id);
    await db().agendaItem.create({ data: { meetingId: meeting.id, caseId: kase.id, position: 0, minutesAllotted: 5 } });
    await expectAppError(cancelMeeting({ actor: coordinator, meetingId: meeting.id, reason: 'Holiday', expectedVersion: 0, now }), 'CONFLICT', /no recurrence/);
    expect(await db().meeting.findUniqueOrThrow({ where: { id: meeting.id } })).toMatchObject({ status: 'SCHEDULED', version: 0, agendaVersion: 0, cancelReason: null });
  });

  it('refuses a stale version and changes nothing', async () => {
    const { board, a, b } = await boardWithTwoMeetings();
    const kase = await createCase(board.id);
    await db().agendaItem.create({ data: { meetingId: a.id, caseId: kase.id, position: 0, minutesAllotted: 5 } });
    await db().meeting.update({ where: { id: a.id }, data: { version: { increment: 1 } } }); // someone else's change
    await expectAppError(cancelMeeting({ actor: coordinator, meetingId: a.id, reason: 'Holiday', expectedVersion: 0, now }), 'CONFLICT', /changed by someone else/);
    expect(await db().meeting.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ status: 'SCHEDULED', agendaVersion: 0 });
    expect(await db().meeting.findUniqueOrThrow({ where: { id: b.id } })).toMatchObject({ agendaVersion: 0 });
    expect((await db().agendaItem.findFirstOrThrow({ where: { caseId: kase.id } })).meetingId).toBe(a.id);
    expect(await db().auditEvent.count({ where: { action: 'meeting.cancel', entityId: a.id } })).toBe(0);
    expect(await db().notification.count({ where: { caseId: kase.id } })).toBe(0);
  });

  it('refuses to cancel a cancelled meeting and a clinician', async () => {
    const { a } = await boardWithTwoMeetings();
    await cancelMeeting({ actor: coordinator, meetingId: a.id, reason: 'Holiday', expectedVersion: 0, now });
    await expectAppError(cancelMeeting({ actor: coordinator, meetingId: a.id, reason: 'Again', expectedVersion: 1, now }), 'CONFLICT', /cancelled meeting cannot be cancelled/);
    await expectAppError(cancelMeeting({ actor: clinician, meetingId: a.id, reason: 'Holiday', expectedVersion: 1, now }), 'FORBIDDEN');
  });
});
