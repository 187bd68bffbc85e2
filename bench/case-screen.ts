// `npm run bench:case-screen -- [--cases 300] [--warmup 30] [--seed 1] [--breakdown]`
//
// How long the server takes to load one case screen's data, against the floor in the
// same run. For each of N random cases of the large world (npm run bench:seed-large):
//   - Konsil's loader, loadCaseScreenData({ actor, caseId }): scope check, header,
//     timeline, labs, reports, imaging list, the audit row, one transaction, Prisma;
//   - the floor: hand-written SQL through `pg` on one connection returning the same
//     rows (each row once), no ORM, no transaction, no audit.
// The two alternate per case (who goes first alternates too), so caches and machine
// load treat them alike. Prints p50/p95/p99 of both, the ratio p95/p95-floor, the
// targets (p95 ≤ 150 ms, ratio ≤ 3×) and PASS/MISS, the CPU and the load average.
// --breakdown then times the loader's parts (scope, header, … audit) on the same cases.
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { Actor } from '../lib/authz/actor';
import { BENCH_ACTOR_EMAIL } from './lib/large-world-catalog';
import { floorCaseScreen, type FloorRows } from './lib/case-screen-floor';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '300' },
    warmup: { type: 'string', default: '30' },
    seed: { type: 'string', default: '1' },
    breakdown: { type: 'boolean', default: false },
  },
});
const TARGET_P95_MS = 150;
const TARGET_RATIO = 3;
const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/konsil_bench';
process.env.DATABASE_URL = databaseUrl;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const ms = (v: number) => `${v.toFixed(1).padStart(7)} ms`;
const load = () => os.loadavg().map((v) => v.toFixed(2)).join(' / ');

async function main() {
  const { loadCaseScreenData } = await import('../lib/db/case-screen/load-case-screen');
  const { db } = await import('../lib/db/client');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const world = await client.query<{ marker: string | null }>(`SELECT shobj_description(oid, 'pg_database') AS marker FROM pg_database WHERE datname = current_database()`);
    if (!world.rows[0]?.marker?.includes('large-world')) throw new Error(`${databaseUrl} holds no large world: run npm run bench:seed-large first.`);
    const user = await client.query<{ id: string; email: string; name: string; roles: string }>(`SELECT id, email, name, roles::text FROM users WHERE email = $1`, [BENCH_ACTOR_EMAIL]);
    const row = user.rows[0];
    if (!row) throw new Error(`The bench clinician ${BENCH_ACTOR_EMAIL} is missing: reseed with --force.`);
    const actor: Actor = { id: row.id, email: row.email, name: row.name, roles: ['CLINICIAN'], ipAddress: '127.0.0.1', userAgent: 'bench/case-screen' };

    const counts = await client.query<{ patients: string; labs: string; reports: string; instances: string }>(
      `SELECT (SELECT count(*) FROM patients) AS patients, (SELECT count(*) FROM observations WHERE category = 'LABORATORY') AS labs,
              (SELECT count(*) FROM reports) AS reports, (SELECT count(*) FROM imaging_instances) AS instances`,
    );
    const c = counts.rows[0]!;
    const n = Number(values.cases);
    const warmup = Number(values.warmup);
    const picked = await client.query<{ id: string }>(`SELECT id FROM cases ORDER BY md5(id || $1) LIMIT $2`, [values.seed, n + warmup]);
    const caseIds = picked.rows.map((r) => r.id);
    console.log(`Case screen data, ${n} random cases after ${warmup} warm-up, on ${new URL(databaseUrl).pathname.slice(1)}:`);
    console.log(`  ${Number(c.patients).toLocaleString('en')} patients, ${Number(c.labs).toLocaleString('en')} lab values, ${Number(c.reports).toLocaleString('en')} reports, ${Number(c.instances).toLocaleString('en')} image instances`);
    console.log(`  machine: ${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}; load average before: ${load()}`);

    const loader: number[] = [];
    const floor: number[] = [];
    const sizes = { labs: 0, reports: 0, timeline: 0, instances: 0 };
    for (const [i, caseId] of caseIds.entries()) {
      const runLoader = async () => {
        const started = performance.now();
        const data = await loadCaseScreenData({ actor, caseId });
        const elapsed = performance.now() - started;
        return { data, elapsed };
      };
      const runFloor = async () => {
        const started = performance.now();
        const rows = await floorCaseScreen(client, { actorId: actor.id, caseId, now: new Date() });
        return { rows, elapsed: performance.now() - started };
      };
      const loaderFirst = i % 2 === 0;
      const a = loaderFirst ? await runLoader() : undefined;
      const f = await runFloor();
      const l = a ?? (await runLoader());
      if (i === 0) assertSameRows(l.data, f.rows);
      if (i < warmup) continue;
      loader.push(l.elapsed);
      floor.push(f.elapsed);
      sizes.labs += l.data.labs.series.reduce((s, x) => s + x.values.length, 0);
      sizes.reports += l.data.reports.length;
      sizes.timeline += l.data.timeline.length;
      sizes.instances += l.data.imaging.studies.reduce((s, st) => s + st.series.reduce((t, se) => t + se.instances.length + se.nonImageCount, 0), 0);
    }
    const breakdown: string[] = [];
    if (values.breakdown) {
      // The loader times its own steps (its `timings` option), so this cannot drift from what it does.
      const parts = new Map<string, number[]>();
      for (const caseId of caseIds.slice(warmup)) {
        const timings: Record<string, number> = {};
        const started = performance.now();
        await loadCaseScreenData({ actor, caseId, timings });
        timings['begin + commit + building'] = performance.now() - started - Object.values(timings).reduce((a, b) => a + b, 0);
        for (const [part, elapsed] of Object.entries(timings)) parts.set(part, [...(parts.get(part) ?? []), elapsed]);
      }
      breakdown.push('', '  breakdown of the loader (its own step timings)               p50        p95');
      for (const [part, times] of parts) {
        times.sort((x, y) => x - y);
        breakdown.push(`    ${part.padEnd(56)} ${ms(percentile(times, 50))} ${ms(percentile(times, 95))}`);
      }
    }
    await db().$disconnect();

    loader.sort((x, y) => x - y);
    floor.sort((x, y) => x - y);
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const p95 = percentile(loader, 95);
    const ratio = p95 / percentile(floor, 95);
    console.log(`  per case on average: ${(sizes.labs / n).toFixed(0)} lab values, ${(sizes.reports / n).toFixed(1)} reports, ${(sizes.timeline / n).toFixed(0)} timeline items, ${(sizes.instances / n).toFixed(0)} instances`);
    console.log('');
    console.log(`                              p50        p95        p99       mean`);
    console.log(`  loadCaseScreenData    ${ms(percentile(loader, 50))} ${ms(p95)} ${ms(percentile(loader, 99))} ${ms(mean(loader))}`);
    console.log(`  raw SQL floor (pg)    ${ms(percentile(floor, 50))} ${ms(percentile(floor, 95))} ${ms(percentile(floor, 99))} ${ms(mean(floor))}`);
    console.log(`  ratio p95 / p95 floor: ${ratio.toFixed(2)}×`);
    console.log('');
    console.log(`  target p95 ≤ ${TARGET_P95_MS} ms:     ${p95 <= TARGET_P95_MS ? 'PASS' : 'MISS'} (${p95.toFixed(1)} ms)`);
    console.log(`  target ratio ≤ ${TARGET_RATIO}× floor:  ${ratio <= TARGET_RATIO ? 'PASS' : 'MISS'} (${ratio.toFixed(2)}×)`);
    for (const line of breakdown) console.log(line);
    console.log(`  load average after: ${load()} (1 / 5 / 15 min)`);
  } finally {
    await client.end();
  }
}

/** The floor must read what the loader shows, or the ratio means nothing: checked on the first case. */
function assertSameRows(data: Awaited<ReturnType<typeof import('../lib/db/case-screen/load-case-screen').loadCaseScreenData>>, rows: FloorRows) {
  const checks: [string, number, number][] = [
    ['lab values', data.labs.series.reduce((s, x) => s + x.values.length, 0), rows.observations.filter((o) => o.category === 'LABORATORY').length],
    ['reports', data.reports.length, rows.reports.length],
    ['imaging studies', data.imaging.studies.length, new Set(rows.studies.map((s) => s.studyId)).size],
    ['imaging series', data.imaging.studies.reduce((s, st) => s + st.series.length, 0), rows.studies.length],
    ['instances', data.imaging.studies.reduce((s, st) => s + st.series.reduce((t, se) => t + se.instances.length + se.nonImageCount, 0), 0), rows.instances.length],
  ];
  const wrong = checks.filter(([, a, b]) => a !== b);
  if (wrong.length > 0) throw new Error(`The floor does not read the loader's rows: ${wrong.map(([what, a, b]) => `${what} ${a} vs ${b}`).join(', ')}`);
  if (data.header.caseId !== rows.header.id) throw new Error('The floor read another case');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
