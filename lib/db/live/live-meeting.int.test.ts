import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/authz/actor';
import { db } from '@/lib/db/client';
import { createTestActor } from '@/lib/test/create-test-actor';
import { createTestMeeting, type TestMeeting } from '@/lib/test/create-test-meeting';
import { endLiveMeeting } from './end-live-meeting';
import { goToAgendaItem } from './go-to-agenda-item';
import { markLiveItem } from './mark-live-item';
import { loadLiveState } from './read-live-state';
import { recordAttendance } from './record-attendance';
import { setLiveView } from './set-live-view';
import { startLiveMeeting } from './start-live-meeting';

let chair: Actor;
let coordinator: Actor;
let member: Actor;
let presenter: Actor;
let outsider: Actor;

beforeAll(async () => {
  chair = await createTestActor({ role: 'CLINICIAN', name: 'Chair' });
  coordinator = await createTestActor({ role: 'COORDINATOR', name: 'Coordinator' });
  member = await createTestActor({ role: 'CLINICIAN', name: 'Member' });
  presenter = await createTestActor({ role: 'CLINICIAN', name: 'Presenter' });
  outsider = await createTestActor({ role: 'CLINICIAN', name: 'Outsider' });
});

async function world(cases = 3): Promise<TestMeeting> {
  return createTestMeeting({
    referrer: member,
    cases,
    requiredSpecialties: ['SURGERY', 'RADIOLOGY'],
    members: [
      { actor: chair, role: 'CHAIR' },
      { actor: coordinator, role: 'COORDINATOR' },
      { actor: member, role: 'MEMBER' },
      { actor: presenter, role: 'MEMBER' },
    ],
  });
}

const auditOf = (meetingId: string, action: string) => db().auditEvent.findMany({ where: { entityId: meetingId, action }, orderBy: { id: 'asc' } });

describe('live meeting state transitions', () => {
  it('start: meeting LIVE, seq 1, the first case in discussion, audited', async () => {
    const w = await world();
    const state = await startLiveMeeting({ actor: chair, meetingId: w.meetingId });
    expect(state).toMatchObject({ seq: 1, meetingStatus: 'LIVE', currentItemId: w.itemIds[0], currentCaseId: w.caseIds[0], presenterId: chair.id });
    expect(state.items[0]).toMatchObject({ status: 'IN_DISCUSSION' });
    expect(state.items[0]!.discussionStartedAt).not.toBeNull();
    expect(await auditOf(w.meetingId, 'live.start')).toHaveLength(1);
    await expect(startLiveMeeting({ actor: chair, meetingId: w.meetingId })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('next / previous / jump: seq grows by one each time; the item left gets its end time and goes back to PLANNED', async () => {
    const w = await world();
    let s = await startLiveMeeting({ actor: chair, meetingId: w.meetingId });
    s = await goToAgendaItem({ actor: chair, input: { meetingId: w.meetingId, expectedSeq: s.seq, direction: 'next' } });
    expect(s.seq).toBe(2);
    expect(s.currentItemId).toBe(w.itemIds[1]);
    expect(s.items[0]).toMatchObject({ status: 'PLANNED' });
    expect(s.items[0]!.discussionEndedAt).not.toBeNull();
    expect(s.items[1]).toMatchObject({ status: 'IN_DISCUSSION', discussionEndedAt: null });
    s = await goToAgendaItem({ actor: coordinator, input: { meetingId: w.meetingId, expectedSeq: s.seq, direction: 'jump', itemId: w.itemIds[2]! } });
    expect(s).toMatchObject({ seq: 3, currentItemId: w.itemIds[2] });
    await expect(goToAgendaItem({ actor: chair, input: { meetingId: w.meetingId, expectedSeq: s.seq, direction: 'next' } })).rejects.toMatchObject({ code: 'CONFLICT' });
    s = await goToAgendaItem({ actor: chair, input: { meetingId: w.meetingId, expectedSeq: s.seq, direction: 'previous' } });
    expect(s).toMatchObject({ seq: 4, currentItemId: w.itemIds[1] });
    const audits = await auditOf(w.meetingId, 'live.goto');
    expect(audits.map((a) => (a.detail as { seq: number }).seq)).toEqual([2, 3, 4]);
    expect(audits[0]!.patientId).not.toBeNull();
  });

  it('a stale expectedSeq changes nothing (two presenters clicking next at once advance once)', async () => {
    const w = await world();
    const s = await startLiveMeeting({ actor: chair, meetingId: w.meetingId });
    const results = await Promise.allSettled([
      goToAgendaItem({ actor: chair, input: { meetingId: w.meetingId, expectedSeq: s.seq, direction: 'next' } }),
      goToAgendaItem({ actor: coordinator, input: { meetingId: w.meetingId, expectedSeq: s.seq, direction: 'next' } }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'CONFLICT' } });
    const now = await loadLiveState({ actor: member, meetingId: w.meetingId });
    expect(now).toMatchObject({ seq: 2, currentItemId: w.itemIds[1] });
  });

  it('mark discussed / deferred (deferred keeps its reason); view shared and cleared on the next case; end closes', async () => {
    const w = await world();
    let s = await startLiveMeeting({ actor: chair, meetingId: w.meetingId });
    s = await markLiveItem({ actor: chair, meetingId: w.meetingId, expectedSeq: s.seq, mark: 'DISCUSSED' });
    expect(s.items[0]).toMatchObject({ status: 'DISCUSSED' });
    s = await goToAgendaItem({ actor: chair, input: { meetingId: w.meetingId, expectedSeq: s.seq, direction: 'next' } });
    expect(s.items[0]).toMatchObject({ status: 'DISCUSSED' });
    s = await markLiveItem({ actor: chair, meetingId: w.meetingId, expectedSeq: s.seq, mark: 'DEFERRED', reason: 'PET-CT pending' });
    const deferred = await db().agendaItem.findUniqueOrThrow({ where: { id: w.itemIds[1] } });
    expect(deferred).toMatchObject({ status: 'DEFERRED', statusReason: 'PET-CT pending' });
    // A view must name a series of the case on screen.
    await expect(setLiveView({ actor: chair, meetingId: w.meetingId, expectedSeq: s.seq, view: { seriesInstanceUid: '1.2.3', sliceIndex: 4 } })).rejects.toMatchObject({ code: 'VALIDATION' });
    const patientId = (await db().case.findUniqueOrThrow({ where: { id: w.caseIds[1] } })).patientId;
    const study = await db().imagingStudy.create({
      data: { patientId, studyInstanceUid: `1.2.826.${Date.now()}`, modalities: ['CT'], series: { create: { seriesInstanceUid: `1.2.826.${Date.now()}.1`, modality: 'CT' } } },
      include: { series: true },
    });
    const uid = study.series[0]!.seriesInstanceUid;
    s = await setLiveView({ actor: chair, meetingId: w.meetingId, expectedSeq: s.seq, view: { seriesInstanceUid: uid, sliceIndex: 4, windowWidth: 400, windowCenter: 40 } });
    expect(s.view).toEqual({ seriesInstanceUid: uid, sliceIndex: 4, windowWidth: 400, windowCenter: 40 });
    s = await goToAgendaItem({ actor: chair, input: { meetingId: w.meetingId, expectedSeq: s.seq, direction: 'next' } });
    expect(s.view).toBeNull();
    s = await endLiveMeeting({ actor: coordinator, meetingId: w.meetingId, expectedSeq: s.seq });
    expect(s).toMatchObject({ meetingStatus: 'CLOSED', currentItemId: null });
    expect(s.endedAt).not.toBeNull();
    expect(s.items[2]).toMatchObject({ status: 'PLANNED' });
    expect(await auditOf(w.meetingId, 'live.end')).toHaveLength(1);
  });
});

describe('presenter rights', () => {
  it('a MEMBER who is not the presenter is refused and nothing changes; CHAIR and COORDINATOR may drive', async () => {
    const w = await world();
    await expect(startLiveMeeting({ actor: member, meetingId: w.meetingId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    let s = await startLiveMeeting({ actor: coordinator, meetingId: w.meetingId });
    await expect(goToAgendaItem({ actor: member, input: { meetingId: w.meetingId, expectedSeq: s.seq, direction: 'next' } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(markLiveItem({ actor: member, meetingId: w.meetingId, expectedSeq: s.seq, mark: 'DISCUSSED' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const unchanged = await loadLiveState({ actor: member, meetingId: w.meetingId });
    expect(unchanged).toMatchObject({ seq: s.seq, currentItemId: w.itemIds[0] });
    expect(unchanged.items[0]).toMatchObject({ status: 'IN_DISCUSSION' });
    s = await goToAgendaItem({ actor: chair, input: { meetingId: w.meetingId, expectedSeq: s.seq, direction: 'next' } });
    expect(s.seq).toBe(2);
  });

  it('the current item’s presenter may move on and mark it, but not end the meeting', async () => {
    const w = await world();
    await db().agendaItem.update({ where: { id: w.itemIds[0] }, data: { presenterId: presenter.id } });
    let s = await startLiveMeeting({ actor: chair, meetingId: w.meetingId });
    s = await markLiveItem({ actor: presenter, meetingId: w.meetingId, expectedSeq: s.seq, mark: 'DISCUSSED' });
    await expect(endLiveMeeting({ actor: presenter, meetingId: w.meetingId, expectedSeq: s.seq })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    s = await goToAgendaItem({ actor: presenter, input: { meetingId: w.meetingId, expectedSeq: s.seq, direction: 'next' } });
    expect(s.presenterId).toBe(presenter.id);
    // Not the presenter of the case now on screen: refused.
    await expect(goToAgendaItem({ actor: presenter, input: { meetingId: w.meetingId, expectedSeq: s.seq, direction: 'next' } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('outside the board the meeting is not found', async () => {
    const w = await world();
    await expect(loadLiveState({ actor: outsider, meetingId: w.meetingId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(startLiveMeeting({ actor: outsider, meetingId: w.meetingId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(recordAttendance({ actor: outsider, meetingId: w.meetingId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('attendance and quorum', () => {
  it('records the first join and each rejoin (audited), with the profile specialty; the quorum follows', async () => {
    const w = await world();
    await db().user.update({ where: { id: chair.id }, data: { specialty: 'SURGERY' } });
    await db().user.update({ where: { id: member.id }, data: { specialty: 'RADIOLOGY' } });
    expect(await recordAttendance({ actor: chair, meetingId: w.meetingId })).toEqual({ firstJoin: true });
    let s = await loadLiveState({ actor: chair, meetingId: w.meetingId });
    expect(s.quorum).toMatchObject({ met: false, present: ['SURGERY'], missing: ['RADIOLOGY'] });
    expect(await recordAttendance({ actor: member, meetingId: w.meetingId })).toEqual({ firstJoin: true });
    expect(await recordAttendance({ actor: member, meetingId: w.meetingId })).toEqual({ firstJoin: false });
    s = await loadLiveState({ actor: chair, meetingId: w.meetingId });
    expect(s.quorum.met).toBe(true);
    expect(s.attendance.map((a) => [a.name, a.specialty])).toEqual([
      ['Chair', 'SURGERY'],
      ['Member', 'RADIOLOGY'],
    ]);
    const joins = await auditOf(w.meetingId, 'live.join');
    expect(joins.map((j) => (j.detail as { firstJoin: boolean }).firstJoin)).toEqual([true, true, false]);
  });
});
