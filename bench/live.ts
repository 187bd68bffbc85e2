// `npm run bench:live -- [--attendees 50] [--advances 100] [--items 20] [--port 3190] [--url http://localhost:3140 --database-url …]`
//
// The live meeting's fan-out under load, end to end over HTTP on loopback:
//   - a production server (`next start`, the current build: run `npm run build` first) on its
//     own fresh database `konsil_bench_live` (BENCH_LIVE_DATABASE_URL overrides); or, with --url
//     and --database-url, a server that is already running on that database;
//   - 50 attendees: seeded users, each signed in through next-auth's credentials API, each with
//     one Server-Sent Events connection to the same meeting (a Node client parsing `id:`/`data:`);
//   - the presenter (the board's chair) advances 100 times through the SAME server action the
//     live page's "Next case"/"Previous case" buttons call (lib/actions/live-meeting.ts
//     goToAgendaItem, POSTed with its Next-Action id), one after another: each advance waits
//     until every attendee has the new seq. The agenda has 20 cases, so the presenter walks it
//     forwards and back.
// Prints p50/p95/max of the delay from sending the advance to each attendee receiving that
// seq, the number of missed events and of seq gaps (both must be 0), the machine and the load
// average, and PASS/MISS against the target p95 ≤ 200 ms.
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createSseParser } from '../lib/live/sse-format';
import type { LiveState } from '../lib/live/live-state';
import { HttpSession, serverActionId } from '../scripts/lib/http-session';
import { startBenchServer } from './lib/start-bench-server';

const { values } = parseArgs({
  options: {
    attendees: { type: 'string', default: '50' },
    advances: { type: 'string', default: '100' },
    items: { type: 'string', default: '20' },
    port: { type: 'string', default: '3190' },
    url: { type: 'string' },
    'database-url': { type: 'string' },
  },
});
const ATTENDEES = Number(values.attendees);
const ADVANCES = Number(values.advances);
const ITEMS = Number(values.items);
const TARGET_P95_MS = 200;
const root = path.resolve(import.meta.dirname, '..');
const external = Boolean(values.url);
const baseUrl = values.url ?? `http://localhost:${values.port}`;
const databaseUrl = values['database-url'] ?? process.env.BENCH_LIVE_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/konsil_bench_live';
process.env.DATABASE_URL = databaseUrl;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
const fmt = (v: number) => `${v.toFixed(1).padStart(7)} ms`;
const loadavg = () => os.loadavg().map((v) => v.toFixed(2)).join(' / ');

interface Seeded {
  meetingId: string;
  chair: { email: string; password: string };
  attendees: { email: string; password: string }[];
}

async function seed(): Promise<Seeded> {
  const { db } = await import('../lib/db/client');
  const { seedUser } = await import('../prisma/seed/users');
  const tag = Date.now().toString(36);
  const password = 'bench-live-password-0123';
  const make = (i: number | 'chair') =>
    db().$transaction((tx) => seedUser(tx, { email: `live-${i}-${tag}@bench.konsil`, name: `Bench ${i}`, roles: ['CLINICIAN'], password }));
  const chair = await make('chair');
  const attendees = [];
  for (let i = 0; i < ATTENDEES; i++) attendees.push(await make(i));
  const specialties = ['SURGERY', 'MEDICAL_ONCOLOGY', 'RADIATION_ONCOLOGY', 'RADIOLOGY', 'PATHOLOGY'] as const;
  await Promise.all(attendees.map((a, i) => db().user.update({ where: { id: a.id }, data: { specialty: specialties[i % specialties.length] } })));
  const board = await db().board.create({
    data: {
      slug: `bench-live-${tag}`,
      name: `Bench live board ${tag}`,
      entityFocus: ['LUNG'],
      requiredSpecialties: [...specialties],
      members: { create: [{ userId: chair.id, role: 'CHAIR' }, ...attendees.map((a) => ({ userId: a.id, role: 'MEMBER' as const }))] },
    },
  });
  const meeting = await db().meeting.create({ data: { boardId: board.id, startsAt: new Date(), durationMinutes: 120, status: 'PUBLISHED' } });
  for (let i = 0; i < ITEMS; i++) {
    const patient = await db().patient.create({
      data: { mrn: `BL-${tag}-${i}`, familyName: 'Benchlive', givenName: `P${i}`, sex: 'FEMALE', birthDate: new Date('1960-01-01'), pseudonym: `PSN-BL-${tag}-${i}`, isSynthetic: true },
    });
    const kase = await db().case.create({ data: { patientId: patient.id, boardId: board.id, referringUserId: chair.id, question: `Bench question ${i}`, entity: 'LUNG' } });
    await db().agendaItem.create({ data: { meetingId: meeting.id, caseId: kase.id, position: i, minutesAllotted: 5 } });
  }
  await db().$disconnect();
  return { meetingId: meeting.id, chair: { email: chair.email, password }, attendees: attendees.map((a) => ({ email: a.email, password })) };
}

/** One attendee's stream: every state's seq with the time it arrived. */
class Attendee {
  readonly received = new Map<number, number>();
  gaps = 0;
  private lastSeq = -1;
  private waiters = new Map<number, () => void>();
  private controller = new AbortController();

  constructor(private readonly session: HttpSession) {}

  async connect(meetingId: string): Promise<void> {
    const response = await this.session.fetch(`/api/meetings/${meetingId}/live`, { headers: { accept: 'text/event-stream' }, signal: this.controller.signal });
    if (response.status !== 200 || !response.body) throw new Error(`stream answered ${response.status}`);
    const parse = createSseParser();
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let first: () => void = () => {};
    const opened = new Promise<void>((resolve) => (first = resolve));
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          const now = performance.now();
          for (const event of parse(value)) {
            if (event.event !== 'state') continue;
            const state = JSON.parse(event.data) as LiveState;
            if (this.lastSeq >= 0 && state.seq > this.lastSeq + 1) this.gaps += 1;
            if (state.seq > this.lastSeq) this.lastSeq = state.seq;
            if (!this.received.has(state.seq)) this.received.set(state.seq, now);
            this.waiters.get(state.seq)?.();
            first();
          }
        }
      } catch {
        // aborted at the end
      }
    })();
    await opened;
  }

  /** Resolves when this attendee has `seq` (or after `ms`). */
  waitFor(seq: number, ms: number): Promise<void> {
    if (this.received.has(seq)) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => (this.waiters.delete(seq), resolve()), ms);
      this.waiters.set(seq, () => (clearTimeout(timer), this.waiters.delete(seq), resolve()));
    });
  }

  close() {
    this.controller.abort();
  }
}

async function main() {
  const server = external ? null : await startBenchServer({ root, name: 'live', databaseUrl, port: values.port, baseUrl });
  try {
    const world = await seed();
    const actionFile = 'lib/actions/live-meeting.ts';
    const startId = serverActionId(root, actionFile, 'startLiveMeeting');
    const goToId = serverActionId(root, actionFile, 'goToAgendaItem');
    const page = `/meetings/${world.meetingId}/live`;

    const chair = new HttpSession(baseUrl);
    await chair.signIn(world.chair.email, world.chair.password);
    const sessions = [];
    for (const a of world.attendees) {
      const s = new HttpSession(baseUrl);
      await s.signIn(a.email, a.password);
      sessions.push(s);
    }
    const attendees = sessions.map((s) => new Attendee(s));
    await Promise.all(attendees.map((a) => a.connect(world.meetingId)));

    type Result = { ok: true; data: LiveState } | { ok: false; code: string; message: string };
    const started = await chair.callAction<Result>(page, startId, [null, { meetingId: world.meetingId }]);
    if (!started.ok) throw new Error(`start: ${started.message}`);
    let seq = started.data.seq;
    await Promise.all(attendees.map((a) => a.waitFor(seq, 5000)));
    const firstSeq = seq + 1;

    const delays: number[] = [];
    // The two halves of each delay: the action's round trip, and reply → receipt (the fan-out's lead over the reply may be negative).
    const actionTimes: number[] = [];
    let position = 0;
    let forward = true;
    const t0 = performance.now();
    for (let i = 0; i < ADVANCES; i++) {
      if (position === ITEMS - 1) forward = false;
      if (position === 0) forward = true;
      const sentAt = performance.now();
      const result = await chair.callAction<Result>(page, goToId, [null, { meetingId: world.meetingId, expectedSeq: seq, direction: forward ? 'next' : 'previous' }]);
      actionTimes.push(performance.now() - sentAt);
      if (!result.ok) throw new Error(`advance ${i + 1}: ${result.message}`);
      seq = result.data.seq;
      position += forward ? 1 : -1;
      await Promise.all(attendees.map((a) => a.waitFor(seq, 5000)));
      for (const a of attendees) {
        const at = a.received.get(seq);
        if (at !== undefined) delays.push(at - sentAt);
      }
    }
    const elapsed = (performance.now() - t0) / 1000;
    const lastSeq = seq;
    let missed = 0;
    for (const a of attendees) for (let s = firstSeq; s <= lastSeq; s++) if (!a.received.has(s)) missed += 1;
    const gaps = attendees.reduce((n, a) => n + a.gaps, 0);
    for (const a of attendees) a.close();

    const sorted = [...delays].sort((a, b) => a - b);
    const p50 = percentile(sorted, 50);
    const p95 = percentile(sorted, 95);
    const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
    console.log(`\nbench:live — ${ATTENDEES} attendees on one meeting, ${ADVANCES} advances (server action goToAgendaItem over HTTP), ${ITEMS}-case agenda`);
    console.log(`machine: ${cpu} × ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.platform()} ${os.release()}, node ${process.version}`);
    console.log(`server: ${external ? baseUrl : `next start on ${baseUrl} (fresh database)`}; load average (1/5/15 min): ${loadavg()}`);
    console.log(`deliveries: ${delays.length} of ${ATTENDEES * ADVANCES} expected in ${elapsed.toFixed(1)} s (${(ADVANCES / elapsed).toFixed(1)} advances/s)`);
    console.log(`delay advance sent → attendee has that seq:  p50 ${fmt(p50)}   p95 ${fmt(p95)}   max ${fmt(sorted[sorted.length - 1] ?? NaN)}`);
    const actionSorted = [...actionTimes].sort((a, b) => a - b);
    console.log(`of which the action's round trip (send → reply):  p50 ${fmt(percentile(actionSorted, 50))}   p95 ${fmt(percentile(actionSorted, 95))}`);
    console.log(`action reply: ${chair.lastReplyBytes} bytes (the action's result only: no page re-render)`);
    console.log(`missed events: ${missed}   seq gaps: ${gaps}`);
    const pass = p95 <= TARGET_P95_MS && missed === 0 && gaps === 0;
    console.log(`target p95 ≤ ${TARGET_P95_MS} ms, no missed event: ${pass ? 'PASS' : 'MISS'}`);
    process.exitCode = pass ? 0 : 1;
  } finally {
    server?.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
