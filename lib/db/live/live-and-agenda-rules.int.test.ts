// Rules where the live meeting meets the agenda's other writers (found in review): a case on
// screen cannot be postponed behind the chair's back, a postponed case cannot then be marked
// discussed, and a coordinator who is only a member of the board cannot change its agenda.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/authz/actor';
import { db } from '@/lib/db/client';
import { claimAgendaVersion } from '@/lib/db/agenda/claim-agenda-version';
import { postponeAgendaItem } from '@/lib/db/preparation/postpone-case';
import { readAgendaForPublication } from '@/lib/db/preparation/publish-agenda';
import { createTestActor } from '@/lib/test/create-test-actor';
import { createTestMeeting } from '@/lib/test/create-test-meeting';
import pg from 'pg';
import { reorderAgenda } from '@/lib/db/agenda/change-agenda';
import { markLiveItem } from './mark-live-item';
import { startLiveMeeting } from './start-live-meeting';

let chair: Actor;
let coordinator: Actor;
let memberCoordinator: Actor;
let referrer: Actor;

beforeAll(async () => {
  chair = await createTestActor({ role: 'CLINICIAN', name: 'Chair' });
  coordinator = await createTestActor({ role: 'COORDINATOR', name: 'Coordinator' });
  memberCoordinator = await createTestActor({ role: 'COORDINATOR', name: 'Coordinator elsewhere' });
  referrer = await createTestActor({ role: 'CLINICIAN', name: 'Referrer' });
});

const world = () =>
  createTestMeeting({
    referrer,
    cases: 2,
    members: [
      { actor: chair, role: 'CHAIR' },
      { actor: coordinator, role: 'COORDINATOR' },
      // Holds the COORDINATOR role, but on this board only as a member.
      { actor: memberCoordinator, role: 'MEMBER' },
    ],
  });

describe('the agenda while the meeting is live', () => {
  it('refuses to postpone a case of a live meeting, and to mark a postponed case discussed', async () => {
    const w = await world();
    const live = await startLiveMeeting({ actor: chair, meetingId: w.meetingId });
    const { agendaVersion } = await db().meeting.findUniqueOrThrow({ where: { id: w.meetingId } });
    await expect(
      postponeAgendaItem({ actor: coordinator, input: { meetingId: w.meetingId, itemId: w.itemIds[0]!, expectedAgendaVersion: agendaVersion, reason: 'x' }, email: false }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await db().agendaItem.findUniqueOrThrow({ where: { id: w.itemIds[0] } })).toMatchObject({ status: 'IN_DISCUSSION' });

    // A postponed item on screen (postponed before the meeting went live, say) cannot be marked.
    await db().agendaItem.update({ where: { id: w.itemIds[0] }, data: { status: 'POSTPONED' } });
    await expect(markLiveItem({ actor: chair, meetingId: w.meetingId, expectedSeq: live.seq, mark: 'DISCUSSED' })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await db().agendaItem.findUniqueOrThrow({ where: { id: w.itemIds[0] } })).toMatchObject({ status: 'POSTPONED' });
  });

  it('announces a coordinator’s reorder during the live meeting to the listeners (seq unchanged)', async () => {
    const w = await world();
    const live = await startLiveMeeting({ actor: chair, meetingId: w.meetingId });
    const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await listener.connect();
    try {
      const heard = new Promise<{ meetingId: string; seq: number; kind: string }>((resolve) => {
        listener.on('notification', (n) => {
          const notice = JSON.parse(n.payload ?? '{}');
          if (notice.meetingId === w.meetingId && notice.kind === 'agenda') resolve(notice);
        });
      });
      await listener.query('LISTEN konsil_live');
      const { agendaVersion } = await db().meeting.findUniqueOrThrow({ where: { id: w.meetingId } });
      await reorderAgenda({ actor: coordinator, input: { meetingId: w.meetingId, agendaVersion, itemIds: [...w.itemIds].reverse() } });
      expect(await heard).toEqual({ meetingId: w.meetingId, seq: live.seq, kind: 'agenda' });
    } finally {
      await listener.end();
    }
  });

  it('never adds to a cancelled meeting, whatever version was seen', async () => {
    const w = await world();
    await db().meeting.update({ where: { id: w.meetingId }, data: { status: 'CANCELLED' } });
    const before = await db().meeting.findUniqueOrThrow({ where: { id: w.meetingId } });
    await expect(db().$transaction((tx) => claimAgendaVersion(tx, w.meetingId, undefined))).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/cancelled/) });
    expect((await db().meeting.findUniqueOrThrow({ where: { id: w.meetingId } })).agendaVersion).toBe(before.agendaVersion);
  });
});

describe('who changes an agenda', () => {
  it('a coordinator who is only a member of the board can neither postpone nor publish (not found)', async () => {
    const w = await world();
    await expect(
      postponeAgendaItem({ actor: memberCoordinator, input: { meetingId: w.meetingId, itemId: w.itemIds[1]!, expectedAgendaVersion: 0, reason: 'x' }, email: false }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(readAgendaForPublication({ actor: memberCoordinator, meetingId: w.meetingId, expectedAgendaVersion: 0, now: new Date() })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await db().agendaItem.findUniqueOrThrow({ where: { id: w.itemIds[1] } })).toMatchObject({ status: 'PLANNED' });
  });
});
