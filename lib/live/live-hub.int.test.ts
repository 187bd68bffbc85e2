// Two hubs = two app instances, each with its own LISTEN connection to the real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/authz/actor';
import { db } from '@/lib/db/client';
import { goToAgendaItem } from '@/lib/db/live/go-to-agenda-item';
import { unsafeReadLiveState } from '@/lib/db/live/read-live-state';
import { startLiveMeeting } from '@/lib/db/live/start-live-meeting';
import { createTestActor } from '@/lib/test/create-test-actor';
import { createTestMeeting } from '@/lib/test/create-test-meeting';
import { LiveHub } from './live-hub';
import type { LiveState } from './live-state';

let chair: Actor;
const hubs: LiveHub[] = [];

function newHub(minBackoffMs = 50): LiveHub {
  const hub = new LiveHub({ connectionString: process.env.DATABASE_URL!, readState: (id) => unsafeReadLiveState(id), minBackoffMs });
  hubs.push(hub);
  return hub;
}

/** Collects the states a subscriber receives; `until` waits for one matching. */
function collector(hub: LiveHub, meetingId: string) {
  const seen: LiveState[] = [];
  let waiters: { test: (s: LiveState) => boolean; resolve: (s: LiveState) => void }[] = [];
  const unsubscribe = hub.subscribe(meetingId, (state) => {
    seen.push(state);
    waiters = waiters.filter((w) => (w.test(state) ? (w.resolve(state), false) : true));
  });
  const until = (test: (s: LiveState) => boolean, ms = 5000) =>
    new Promise<LiveState>((resolve, reject) => {
      const hit = seen.find(test);
      if (hit) return resolve(hit);
      const timer = setTimeout(() => reject(new Error(`timed out; saw seqs ${seen.map((s) => s.seq).join(',')}`)), ms);
      waiters.push({ test, resolve: (s) => (clearTimeout(timer), resolve(s)) });
    });
  return { seen, until, unsubscribe };
}

beforeAll(async () => {
  chair = await createTestActor({ role: 'CLINICIAN' });
});

afterAll(async () => {
  await Promise.all(hubs.map((h) => h.stop()));
});

describe('LiveHub (LISTEN/NOTIFY fan-out)', () => {
  it('a change made through one instance reaches the subscribers of both', async () => {
    const w = await createTestMeeting({ referrer: chair, members: [{ actor: chair, role: 'CHAIR' }] });
    const [a, b] = [newHub(), newHub()];
    const onA = collector(a, w.meetingId);
    const onB1 = collector(b, w.meetingId);
    const onB2 = collector(b, w.meetingId);
    await Promise.all([a.whenConnected(), b.whenConnected()]);
    const started = await startLiveMeeting({ actor: chair, meetingId: w.meetingId });
    await goToAgendaItem({ actor: chair, input: { meetingId: w.meetingId, expectedSeq: started.seq, direction: 'next' } });
    for (const c of [onA, onB1, onB2]) {
      const s = await c.until((s) => s.seq === 2);
      expect(s.currentItemId).toBe(w.itemIds[1]);
    }
    // In seq order, per subscriber.
    for (const c of [onA, onB1, onB2]) {
      const seqs = c.seen.map((s) => s.seq);
      expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    }
    onB2.unsubscribe();
    expect(b.subscriberCount(w.meetingId)).toBe(1);
  });

  it('a rolled-back change is never announced', async () => {
    const w = await createTestMeeting({ referrer: chair, members: [{ actor: chair, role: 'CHAIR' }] });
    const hub = newHub();
    const c = collector(hub, w.meetingId);
    await hub.whenConnected();
    const s = await startLiveMeeting({ actor: chair, meetingId: w.meetingId });
    await c.until((x) => x.seq === 1);
    // Stale seq → the transaction (with its NOTIFY) rolls back.
    await expect(goToAgendaItem({ actor: chair, input: { meetingId: w.meetingId, expectedSeq: s.seq - 1, direction: 'next' } })).rejects.toMatchObject({ code: 'CONFLICT' });
    await new Promise((r) => setTimeout(r, 300));
    expect(c.seen.every((x) => x.seq === 1)).toBe(true);
  });

  it('after losing its connection it reconnects and re-sends the current state (a NOTIFY missed meanwhile is not lost)', async () => {
    const w = await createTestMeeting({ referrer: chair, members: [{ actor: chair, role: 'CHAIR' }] });
    // The first reconnect waits 1 s: the change below certainly happens while the hub is away.
    const hub = newHub(1000);
    const c = collector(hub, w.meetingId);
    await hub.whenConnected();
    const s = await startLiveMeeting({ actor: chair, meetingId: w.meetingId });
    await c.until((x) => x.seq === 1);
    const pid = hub.backendPid!;
    // Kill the LISTEN connection, and change the state before the hub can be back.
    await db().$queryRaw`SELECT pg_terminate_backend(${pid}::int)`;
    await new Promise((r) => setTimeout(r, 100));
    expect(hub.connected).toBe(false);
    await goToAgendaItem({ actor: chair, input: { meetingId: w.meetingId, expectedSeq: s.seq, direction: 'next' } });
    expect(c.seen.some((x) => x.seq === 2)).toBe(false);
    const after = await c.until((x) => x.seq === 2);
    expect(after.currentItemId).toBe(w.itemIds[1]);
    expect(hub.connectionCount).toBeGreaterThanOrEqual(2);
    expect(hub.backendPid).not.toBe(pid);
  });
});
