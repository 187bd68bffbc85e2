// Measures the FHIR importer on a synthetic world, against a scratch database it
// creates and drops (never the app's own):
//   npx tsx --conditions=react-server lib/fhir/__bench__/measure-import.ts [patients=1000] [labDays=8]
// Prints resources per second for a first import (everything created) and a
// re-import (everything unchanged), split into JSON parse, plan (validate + map +
// resolve) and store (database writes).
import { execFileSync } from 'node:child_process';
import pg from 'pg';
import { syntheticWorld } from '../__fixtures__/synthetic-world';

const adminUrl = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

async function main() {
  const patients = Number(process.argv[2] ?? 1000);
  const labDays = Number(process.argv[3] ?? 8);
  const name = `konsil_fhir_bench_${Date.now()}_${process.pid}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  try {
    execFileSync('npx', ['prisma', 'migrate', 'deploy'], { env: { ...process.env, DATABASE_URL: url.toString() }, stdio: 'pipe' });
    process.env.DATABASE_URL = url.toString();
    await run(patients, labDays);
  } finally {
    const { db } = await import('@/lib/db/client');
    await db().$disconnect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

async function run(patients: number, labDays: number) {
  const { importFhirPayload, parseFhirJson } = await import('../import-fhir');
  const { validateFhirResource } = await import('../validate');
  validateFhirResource({ resourceType: 'Patient' }); // load the R4 definitions outside the timings

  const text = JSON.stringify(syntheticWorld({ patients, labDays }));
  const resources = (JSON.parse(text) as { entry: unknown[] }).entry.length;
  console.log(`${patients} patients, ${resources} resources, ${(text.length / 1e6).toFixed(1)} MB of JSON`);
  const rate = (ms: number) => `${Math.round(resources / (ms / 1000)).toLocaleString('en')} resources/s`;
  const mb = () => `${Math.round(process.memoryUsage().rss / 1e6)} MB RSS`;

  for (const label of ['import', 're-import']) {
    const started = performance.now();
    const payload = parseFhirJson(text);
    const parsed = performance.now();
    let planned = 0;
    const result = await importFhirPayload(payload, {
      actor: null,
      channel: 'cli',
      onProgress: () => {
        planned ||= performance.now();
      },
    });
    const done = performance.now();
    console.log(
      `${label}: ${(done - started).toFixed(0)} ms in all (${rate(done - started)}); ` +
        `parse ${(parsed - started).toFixed(0)} ms, plan ${(planned - parsed).toFixed(0)} ms (${rate(planned - parsed)}), ` +
        `store ${(done - planned).toFixed(0)} ms (${rate(done - planned)}); ${result.status} ${JSON.stringify(result.counts)}; ${mb()}`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
