// `npm run bench:decisions -- [--users 50] [--seconds 120] [--cases-per-board 12] [--think-ms 250] [--port 3240] [--url … --database-url …]`
//
// Board decisions under load, end to end over HTTP on loopback, and then proof that nothing
// acknowledged was lost or written twice:
//   - a production server (`next start`, the current build: run `npm run build` first) on its
//     own fresh database `konsil_bench_decisions` (BENCH_DECISIONS_DATABASE_URL overrides); or,
//     with --url and --database-url, a server already running on that database;
//   - `users` clinicians on boards of 10 (the first of each board its CHAIR), one published
//     meeting per board with `cases-per-board` cases on its agenda; every user signed in through
//     next-auth's credentials API;
//   - each user works like the decision panel: opens a case (GET /api/cases/:id/decisions),
//     autosaves the draft several times (decisions.saveDraft, POSTed with its Next-Action id and
//     the version last seen), and moves on; several users share each board's cases, so saves
//     from the same version collide (CONFLICT: expected, reopened and retried, not errors);
//     chairs also sign drafts and amendments (decisions.sign) and open amendments of signed
//     decisions (decisions.startAmendment) that their board then edits and they sign again;
//   - a floor measured in the same run: an authenticated minimal round trip to the same server
//     (GET /api/auth/session) and a one-row UPDATE through `pg`.
// Prints operations, throughput, p50/p95/p99 per kind, conflicts, errors, and the checks of
// bench/lib/decision-bench-verify.ts against the database; exits 1 on any lost or duplicated
// write (or audit gap).
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { decisionContentSchema, type DecisionContent } from '../lib/schemas/decision';
import type { CaseDecisionsDto } from '../lib/schemas/decision-dto';
import { HttpSession, serverActionId } from '../scripts/lib/http-session';
import { verifyDecisionBench, type Ack } from './lib/decision-bench-verify';
import { startBenchServer } from './lib/start-bench-server';

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: process.env.BENCH_DECISIONS_USERS ?? '50' },
    seconds: { type: 'string', default: process.env.BENCH_DECISIONS_SECONDS ?? '120' },
    'cases-per-board': { type: 'string', default: '12' },
    'think-ms': { type: 'string', default: '250' },
    port: { type: 'string', default: '3240' },
    url: { type: 'string' },
    'database-url': { type: 'string' },
  },
});
const USERS = Number(values.users);
const SECONDS = Number(values.seconds);
const CASES_PER_BOARD = Number(values['cases-per-board']);
const THINK_MS = Number(values['think-ms']);
const BOARD_SIZE = 10;
const root = path.resolve(import.meta.dirname, '..');
const external = Boolean(values.url);
const baseUrl = values.url ?? `http://localhost:${values.port}`;
const databaseUrl = values['database-url'] ?? process.env.BENCH_DECISIONS_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/konsil_bench_decisions';
process.env.DATABASE_URL = databaseUrl;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
const fmt = (v: number) => `${v.toFixed(1).padStart(8)} ms`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface World {
  boards: { meetingId: string; caseIds: string[] }[];
  users: { email: string; password: string; boardIndex: number; chair: boolean }[];
}

async function seed(): Promise<World> {
  const { db } = await import('../lib/db/client');
  const { seedUser } = await import('../prisma/seed/users');
  const tag = Date.now().toString(36);
  const password = 'bench-decisions-password-0123';
  const world: World = { boards: [], users: [] };
  const boardCount = Math.ceil(USERS / BOARD_SIZE);
  for (let b = 0; b < boardCount; b++) {
    const members = [];
    for (let i = b * BOARD_SIZE; i < Math.min(USERS, (b + 1) * BOARD_SIZE); i++) {
      const chair = i === b * BOARD_SIZE;
      const user = await db().$transaction((tx) => seedUser(tx, { email: `decisions-${i}-${tag}@bench.konsil`, name: `Bench ${chair ? 'chair' : 'member'} ${i}`, roles: ['CLINICIAN'], password }));
      members.push({ userId: user.id, role: chair ? ('CHAIR' as const) : ('MEMBER' as const) });
      world.users.push({ email: user.email, password, boardIndex: b, chair });
    }
    const board = await db().board.create({ data: { slug: `bench-decisions-${tag}-${b}`, name: `Bench decisions board ${b}`, entityFocus: ['LUNG'], members: { create: members } } });
    const meeting = await db().meeting.create({ data: { boardId: board.id, startsAt: new Date(), durationMinutes: 120, status: 'PUBLISHED' } });
    const caseIds: string[] = [];
    for (let c = 0; c < CASES_PER_BOARD; c++) {
      const patient = await db().patient.create({
        data: { mrn: `BD-${tag}-${b}-${c}`, familyName: 'Benchdecision', givenName: `P${b}x${c}`, sex: 'MALE', birthDate: new Date('1958-01-01'), pseudonym: `PSN-BD-${tag}-${b}-${c}`, isSynthetic: true },
      });
      const kase = await db().case.create({ data: { patientId: patient.id, boardId: board.id, referringUserId: members[0]!.userId, question: `Bench question ${c}`, entity: 'LUNG', status: 'SCHEDULED' } });
      await db().agendaItem.create({ data: { meetingId: meeting.id, caseId: kase.id, position: c, minutesAllotted: 5 } });
      caseIds.push(kase.id);
    }
    world.boards.push({ meetingId: meeting.id, caseIds });
  }
  await db().$disconnect();
  return world;
}

/** A complete, signable decision whose rationale names the edit that wrote it. */
function content(marker: string): DecisionContent {
  return decisionContentSchema.parse({
    intent: 'CURATIVE',
    recommendations: [
      { id: 'rec-1', modality: 'SURGERY', sequencing: 'DEFINITIVE', codes: [{ system: 'http://snomed.info/sct', code: '173171007', display: 'Lobectomy of lung' }], details: 'VATS lobectomy with lymph node dissection.' },
      { id: 'rec-2', modality: 'SYSTEMIC_THERAPY', sequencing: 'ADJUVANT', codes: [{ system: 'http://www.whocc.no/atc', code: 'L01XA01', display: 'cisplatin' }], details: '4 cycles if pN+.' },
    ],
    guideline: { basis: 'S3', reference: 'S3-Leitlinie Lungenkarzinom 3.0 (2024)', deviates: false, deviationReason: '' },
    rationale: marker,
  });
}

type Kind = 'save' | 'sign' | 'amend_start' | 'open' | 'floor_session' | 'floor_sql';
type ActionResult<T> = { ok: true; data: T } | { ok: false; code: string; message: string };
interface Known {
  decisionId: string | null;
  version: number | undefined;
  status: 'DRAFT' | 'SIGNED' | 'AMENDING' | null;
}

const latencies: Record<Kind, number[]> = { save: [], sign: [], amend_start: [], open: [], floor_session: [], floor_sql: [] };
const conflicts: Record<string, number> = { save: 0, sign: 0, amend_start: 0 };
const errors: string[] = [];
const acks: Ack[] = [];

async function timed<T>(kind: Kind, fn: () => Promise<T>): Promise<T> {
  const t = performance.now();
  try {
    return await fn();
  } finally {
    latencies[kind].push(performance.now() - t);
  }
}

class BenchUser {
  private caseId: string | null = null;
  private known: Known = { decisionId: null, version: undefined, status: null };
  private editsLeft = 0;
  private n = 0;

  constructor(
    readonly index: number,
    readonly session: HttpSession,
    readonly chair: boolean,
    readonly board: { meetingId: string; caseIds: string[] },
    readonly ids: { save: string; sign: string; amend: string },
  ) {}

  /** Opens the case's decision panel: the server's current decision for this meeting. */
  private async open(caseId: string): Promise<void> {
    this.caseId = caseId;
    const response = await timed('open', () => this.session.fetch(`/api/cases/${caseId}/decisions`));
    if (!response.ok) {
      errors.push(`open ${caseId}: HTTP ${response.status}`);
      this.caseId = null;
      return;
    }
    const dto = (await response.json()) as CaseDecisionsDto;
    const d = dto.decisions.find((x) => x.meeting?.id === this.board.meetingId);
    this.known = d ? { decisionId: d.id, version: d.version, status: d.status as Known['status'] } : { decisionId: null, version: undefined, status: null };
  }

  private async call<T>(kind: 'save' | 'sign' | 'amend_start', actionId: string, input: unknown): Promise<ActionResult<T> | null> {
    try {
      const result = await timed(kind, () => this.session.callAction<ActionResult<T>>(`/cases/${this.caseId}`, actionId, [null, input]));
      if (!result.ok) {
        if (result.code === 'CONFLICT') conflicts[kind]! += 1;
        else errors.push(`${kind}: ${result.code} ${result.message}`);
      }
      return result;
    } catch (error) {
      errors.push(`${kind}: ${(error as Error).message.slice(0, 160)}`);
      return null;
    }
  }

  private async save(): Promise<void> {
    const marker = `Bench edit u${this.index}-${++this.n}: resectable stage IIA, ECOG 0.`;
    const result = await this.call<{ decisionId: string; version: number; status: 'DRAFT' | 'AMENDING' }>('save', this.ids.save, {
      caseId: this.caseId,
      meetingId: this.board.meetingId,
      expectedVersion: this.known.version,
      content: content(marker),
    });
    if (result?.ok) {
      acks.push({ kind: 'save', decisionId: result.data.decisionId, rowVersion: result.data.version, marker });
      this.known = { decisionId: result.data.decisionId, version: result.data.version, status: result.data.status };
    } else {
      // Someone else saved (or signed) meanwhile: the editor reloads the panel.
      await this.open(this.caseId!);
    }
  }

  private async sign(): Promise<void> {
    const expectedVersion = this.known.version!;
    const amending = this.known.status === 'AMENDING';
    const result = await this.call<{ decisionId: string; versionNumber: number; contentSha256: string }>('sign', this.ids.sign, {
      decisionId: this.known.decisionId,
      expectedVersion,
      ...(amending ? { amendmentReason: `Bench amendment by u${this.index}` } : {}),
    });
    if (result?.ok) {
      acks.push({ kind: 'sign', decisionId: result.data.decisionId, rowVersion: expectedVersion + 1, versionNumber: result.data.versionNumber, contentSha256: result.data.contentSha256 });
      this.known = { ...this.known, version: expectedVersion + 1, status: 'SIGNED' };
    } else {
      await this.open(this.caseId!);
    }
  }

  private async amend(): Promise<void> {
    const result = await this.call<{ decisionId: string; version: number }>('amend_start', this.ids.amend, { decisionId: this.known.decisionId, expectedVersion: this.known.version });
    if (result?.ok) {
      acks.push({ kind: 'amend_start', decisionId: result.data.decisionId, rowVersion: result.data.version });
      this.known = { ...this.known, version: result.data.version, status: 'AMENDING' };
    } else {
      await this.open(this.caseId!);
    }
  }

  async run(deadline: number): Promise<void> {
    while (performance.now() < deadline) {
      await sleep(Math.random() * 2 * THINK_MS);
      if (!this.caseId || this.editsLeft <= 0) {
        // On to another case of the board: a few edits there (its colleagues may be on it too).
        this.editsLeft = 1 + Math.floor(Math.random() * 8);
        await this.open(this.board.caseIds[Math.floor(Math.random() * this.board.caseIds.length)]!);
        continue;
      }
      this.editsLeft -= 1;
      const { status } = this.known;
      if (status === 'SIGNED') {
        // Chairs sometimes reopen a signed decision for correction; everyone else moves on.
        if (this.chair && Math.random() < 0.3) await this.amend();
        else this.editsLeft = 0;
      } else if (this.chair && this.known.decisionId && Math.random() < 0.3) {
        await this.sign();
      } else {
        await this.save();
      }
    }
  }
}

/** The floor, sampled through the run: an authenticated no-op round trip and a one-row UPDATE. */
async function floorProbe(session: HttpSession, deadline: number): Promise<void> {
  const sql = new pg.Client({ connectionString: databaseUrl });
  await sql.connect();
  await sql.query('CREATE TEMP TABLE bench_floor (id int PRIMARY KEY, n int NOT NULL)');
  await sql.query('INSERT INTO bench_floor VALUES (1, 0)');
  try {
    while (performance.now() < deadline) {
      await timed('floor_session', async () => {
        const r = await session.fetch('/api/auth/session');
        await r.text();
        if (!r.ok) errors.push(`floor: HTTP ${r.status}`);
      });
      await timed('floor_sql', () => sql.query('UPDATE bench_floor SET n = n + 1 WHERE id = 1'));
      await sleep(100);
    }
  } finally {
    await sql.end();
  }
}

async function main() {
  const server = external ? null : await startBenchServer({ root, name: 'decisions', databaseUrl, port: values.port, baseUrl });
  try {
    const world = await seed();
    const file = 'lib/actions/decisions.ts';
    const ids = { save: serverActionId(root, file, 'saveDecisionDraft'), sign: serverActionId(root, file, 'signDecision'), amend: serverActionId(root, file, 'startDecisionAmendment') };
    const users: BenchUser[] = [];
    for (const [i, u] of world.users.entries()) {
      const session = new HttpSession(baseUrl);
      await session.signIn(u.email, u.password);
      users.push(new BenchUser(i, session, u.chair, world.boards[u.boardIndex]!, ids));
    }
    const t0 = performance.now();
    const deadline = t0 + SECONDS * 1000;
    await Promise.all([...users.map((u) => u.run(deadline)), floorProbe(users[0]!.session, deadline)]);
    const elapsed = (performance.now() - t0) / 1000;

    const verification = await verifyDecisionBench(databaseUrl, acks);
    const kinds: Kind[] = ['save', 'sign', 'amend_start', 'open'];
    const ops = kinds.reduce((n, k) => n + latencies[k].length, 0);
    const sorted = Object.fromEntries(Object.entries(latencies).map(([k, v]) => [k, [...v].sort((a, b) => a - b)])) as Record<Kind, number[]>;
    const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
    console.log(`\nbench:decisions — ${USERS} users (${world.boards.length} boards of ≤ ${BOARD_SIZE}, chair first), ${CASES_PER_BOARD} cases per board, ${SECONDS} s, think time 0–${2 * THINK_MS} ms`);
    console.log(`machine: ${cpu} × ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.platform()} ${os.release()}, node ${process.version}; load average ${os.loadavg().map((v) => v.toFixed(2)).join(' / ')}`);
    console.log(`server: ${external ? baseUrl : `next start on ${baseUrl} (fresh database)`}`);
    console.log(`operations: ${ops} in ${elapsed.toFixed(1)} s = ${(ops / elapsed).toFixed(1)} ops/s (saves ${latencies.save.length}, signatures ${latencies.sign.length}, amendments opened ${latencies.amend_start.length}, panel opens ${latencies.open.length})`);
    console.log('latency                         p50          p95          p99        n');
    for (const k of [...kinds, 'floor_session', 'floor_sql'] as Kind[]) {
      const s = sorted[k];
      console.log(`  ${k.padEnd(16)} ${fmt(percentile(s, 50))} ${fmt(percentile(s, 95))} ${fmt(percentile(s, 99))} ${String(s.length).padStart(8)}`);
    }
    const floor = percentile(sorted.floor_session, 50);
    console.log(
      `floor (same run): authenticated round trip GET /api/auth/session p50 ${floor.toFixed(1)} ms; one-row UPDATE via pg p50 ${percentile(sorted.floor_sql, 50).toFixed(2)} ms` +
        `\n  save p50 / round-trip floor = ${(percentile(sorted.save, 50) / floor).toFixed(1)}×, sign p50 / floor = ${(percentile(sorted.sign, 50) / floor).toFixed(1)}×`,
    );
    console.log(`conflicts (expected; reopened and retried): saves ${conflicts.save}, signatures ${conflicts.sign}, amendments ${conflicts.amend_start}`);
    console.log(`errors: ${errors.length}${errors.length ? `  e.g. ${[...new Set(errors)].slice(0, 5).join(' | ')}` : ''}`);
    console.log(
      `verified in the database: ${verification.decisions} decisions; acknowledged ${verification.ackedSaves} saves, ${verification.ackedSignatures} signatures, ${verification.ackedAmendments} amendments opened; ` +
        `${verification.signedVersionRows} signed versions, ${verification.signAuditRows} decision.sign audit rows`,
    );
    console.log(`committed without an acknowledgement (response lost): ${verification.unacknowledgedCommits.length}${verification.unacknowledgedCommits.length ? `  e.g. ${verification.unacknowledgedCommits.slice(0, 3).join(' | ')}` : ''}`);
    console.log(`audit gaps: ${verification.auditGaps.length}${verification.auditGaps.length ? `  e.g. ${verification.auditGaps.slice(0, 3).join(' | ')}` : ''}`);
    console.log(`LOST writes: ${verification.lost.length}${verification.lost.length ? `  e.g. ${verification.lost.slice(0, 5).join(' | ')}` : ''}`);
    console.log(`DUPLICATED writes: ${verification.duplicated.length}${verification.duplicated.length ? `  e.g. ${verification.duplicated.slice(0, 5).join(' | ')}` : ''}`);
    const pass = verification.lost.length === 0 && verification.duplicated.length === 0 && verification.auditGaps.length === 0;
    console.log(pass ? 'PASS: nothing acknowledged was lost or written twice' : 'FAIL');
    process.exitCode = pass ? 0 : 1;
  } finally {
    server?.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
