// `npm run bench:import -- [--patients 1000] [--slices 16] [--size 128] [--demo]`
//
// Imports a generated synthetic world through the same path as `npm run import`
// (files on disk → FHIR importer / DICOM importer → PostgreSQL + object store) into
// a throw-away database, and prints:
//   - FHIR resources/second, against a floor measured in the same run: reading and
//     JSON.parse-ing the same files (the least any importer must do);
//   - DICOM instances/second, against a floor measured in the same run: reading,
//     hashing (sha256) and writing the same files once (what content-addressed storage
//     costs at minimum);
//   - with --demo, the seconds the default 40-patient demo world takes to load at first
//     start (generation + rendering + both imports), against the one-minute goal.
// Defaults: 1,000 patients; CT at 16 slices of 128² so the run fits a laptop's disk
// (the demo uses 64 × 256²; pass --slices 64 --size 256 for that geometry).
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateDemoPatients, renderCtSeries } from '../lib/demo-world';
import { collectFiles } from '../lib/imports/collect-files';
import { runImportInline } from '../lib/imports/run-import-inline';
import { createBenchDatabase } from './lib/bench-database';

const { values } = parseArgs({
  options: {
    patients: { type: 'string', default: '1000' },
    slices: { type: 'string', default: '16' },
    size: { type: 'string', default: '128' },
    demo: { type: 'boolean', default: false },
  },
});
const patients = Number(values.patients);
const ct = { slices: Number(values.slices), size: Number(values.size) };
const referenceDate = new Date('2026-11-15T00:00:00Z');
const rate = (n: number, ms: number) => (n / (ms / 1000)).toFixed(0);

async function writeWorld(dir: string) {
  let resources = 0;
  let instances = 0;
  const started = performance.now();
  for (const patient of generateDemoPatients({ seed: 7, patients, referenceDate, ct })) {
    resources += patient.bundle.entry?.length ?? 0;
    await mkdir(path.join(dir, 'fhir'), { recursive: true });
    await writeFile(path.join(dir, 'fhir', `${patient.mrn}.json`), JSON.stringify(patient.bundle));
    for (const spec of patient.ctSeries) {
      for (const file of renderCtSeries(spec)) {
        const target = path.join(dir, 'dicom', patient.mrn, file.name);
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(target, file.bytes);
        instances += 1;
      }
    }
  }
  return { resources, instances, ms: performance.now() - started };
}

async function fhirFloor(dir: string): Promise<number> {
  const started = performance.now();
  for (const file of await collectFiles(path.join(dir, 'fhir'))) JSON.parse((await file.read()).toString());
  return performance.now() - started;
}

async function dicomFloor(dir: string, scratch: string): Promise<number> {
  const started = performance.now();
  for (const file of await collectFiles(path.join(dir, 'dicom'))) {
    const bytes = await file.read();
    const sha = createHash('sha256').update(bytes).digest('hex');
    await writeFile(path.join(scratch, sha), bytes);
  }
  return performance.now() - started;
}

async function main() {
  const work = await mkdtemp(path.join(tmpdir(), 'konsil-bench-'));
  const database = await createBenchDatabase('konsil_bench');
  process.env.DATABASE_URL = database.url;
  process.env.KONSIL_STORAGE_DIR = path.join(work, 'storage');
  process.env.AUTH_SECRET ??= 'bench-only-secret-0123456789abcdefghijklmnop';
  try {
    console.log(`Generating ${patients} synthetic patients (CT ${ct.slices} × ${ct.size}²) …`);
    const world = await writeWorld(path.join(work, 'world'));
    console.log(`  ${world.resources} FHIR resources, ${world.instances} DICOM instances written in ${(world.ms / 1000).toFixed(1)} s`);

    const fhirFloorMs = await fhirFloor(path.join(work, 'world'));
    let started = performance.now();
    const fhir = await runImportInline({ actor: null, kind: 'FHIR', channel: 'cli', sourceName: 'bench', files: await collectFiles(path.join(work, 'world', 'fhir')) });
    const fhirMs = performance.now() - started;
    if (fhir.status !== 'SUCCEEDED') throw new Error(`FHIR import ${fhir.status}: ${JSON.stringify(fhir.outcome).slice(0, 500)}`);

    const scratch = path.join(work, 'floor');
    await mkdir(scratch);
    const dicomFloorMs = await dicomFloor(path.join(work, 'world'), scratch);
    await rm(scratch, { recursive: true });
    started = performance.now();
    const dicom = await runImportInline({ actor: null, kind: 'DICOM', channel: 'cli', sourceName: 'bench', files: await collectFiles(path.join(work, 'world', 'dicom')) });
    const dicomMs = performance.now() - started;
    if (dicom.status !== 'SUCCEEDED') throw new Error(`DICOM import ${dicom.status}`);

    started = performance.now();
    const again = await runImportInline({ actor: null, kind: 'FHIR', channel: 'cli', sourceName: 'bench again', files: await collectFiles(path.join(work, 'world', 'fhir')) });
    const againMs = performance.now() - started;

    console.log('');
    console.log(`FHIR   ${world.resources} resources in ${(fhirMs / 1000).toFixed(1)} s = ${rate(world.resources, fhirMs)} resources/s`);
    console.log(`       floor (read + JSON.parse only): ${rate(world.resources, fhirFloorMs)} resources/s; importer at ${((100 * fhirFloorMs) / fhirMs).toFixed(1)} % of the floor's speed`);
    console.log(`       re-import, nothing changed (${again.totals.unchanged} unchanged, ${again.totals.created} created): ${rate(world.resources, againMs)} resources/s`);
    console.log(`DICOM  ${world.instances} instances in ${(dicomMs / 1000).toFixed(1)} s = ${rate(world.instances, dicomMs)} instances/s`);
    console.log(`       floor (read + sha256 + write once): ${rate(world.instances, dicomFloorMs)} instances/s; importer at ${((100 * dicomFloorMs) / dicomMs).toFixed(1)} % of the floor's speed`);

    if (values.demo) {
      const { loadDemoClinicalWorld } = await import('../prisma/seed/demo-clinical-world');
      const demoDb = await createBenchDatabase('konsil_bench_demo');
      process.env.DATABASE_URL = demoDb.url;
      const { db } = await import('../lib/db/client');
      await db().$disconnect();
      (globalThis as { konsilPrisma?: unknown }).konsilPrisma = undefined;
      process.env.KONSIL_STORAGE_DIR = path.join(work, 'demo-storage');
      try {
        started = performance.now();
        const demo = await loadDemoClinicalWorld({ referenceDate });
        const seconds = (performance.now() - started) / 1000;
        console.log(`DEMO   ${demo.patients.length} patients, ${demo.dicom.totals.created} CT slices loaded at first start in ${seconds.toFixed(1)} s (goal: < 60 s; ${(seconds / 60).toFixed(2)} of the goal)`);
      } finally {
        await db().$disconnect();
        await demoDb.drop();
      }
    }
  } finally {
    const { db } = await import('../lib/db/client');
    await db().$disconnect().catch(() => undefined);
    await database.drop().catch(() => undefined);
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
