// `npm run db:seed`: seeds the demo world into DATABASE_URL. Refuses to run
// unless KONSIL_DEMO_MODE is on, so demo accounts never reach a production DB.
// Passwords come from KONSIL_DEMO_CREDENTIALS (a JSON file; scripts/start-demo.ts
// writes one with fresh random passwords) and are never stored in the repo.
import { readFileSync } from 'node:fs';
import { DEMO_EMAIL_DOMAIN } from '@/lib/auth/demo-accounts';
import { db } from '@/lib/db/client';
import { registerShippedModels } from '@/lib/db/shipped-models';
import { runModelsForCaseAsSystem } from '@/lib/inference/run-models-for-case';
import { loadDemoClinicalWorld } from './demo-clinical-world';
import { confirmDemoReportFacts } from './demo-fact-confirmations';
import { seedDemoPastMeetings } from './demo-past-meeting';
import { demoUsers, seedDemoAccountsAndBoards, seedDemoCases, type DemoUserKey } from './demo-world';

async function main() {
  if (!['1', 'true'].includes(process.env.KONSIL_DEMO_MODE ?? '')) {
    throw new Error('Refusing to seed demo accounts: set KONSIL_DEMO_MODE=1 (never in production).');
  }
  const file = process.env.KONSIL_DEMO_CREDENTIALS;
  if (!file) throw new Error('Set KONSIL_DEMO_CREDENTIALS to the JSON file with the demo passwords.');
  // A database with real (non-demo) accounts is never seeded with demo data.
  const realUsers = await db().user.count({ where: { NOT: { email: { endsWith: DEMO_EMAIL_DOMAIN } } } });
  if (realUsers > 0) throw new Error(`Refusing to seed demo data: this database has ${realUsers} non-demo user(s).`);
  const credentials = JSON.parse(readFileSync(file, 'utf8')) as Record<DemoUserKey, string>;
  for (const u of demoUsers) if (!credentials[u.key]) throw new Error(`No demo password for "${u.key}" in ${file}`);
  const now = new Date();
  const { users, boardIds } = await db().$transaction((tx) => seedDemoAccountsAndBoards(tx, { passwords: credentials, now }), { timeout: 120_000 });

  // The decision-support models in models/, validated like an upload; idempotent, so every start
  // picks up a model added to the folder (a changed file without a new version fails loudly).
  console.log('Registering the models shipped in models/ …');
  await registerShippedModels({ log: (line) => console.log(line) });

  // The clinical world is loaded once per database: later starts find it and go straight on.
  const loaded = await db().importJob.findMany({ where: { channel: 'seed', status: 'SUCCEEDED' }, distinct: ['kind'], select: { kind: true } });
  if (loaded.length === 2) {
    console.log('Demo accounts and boards are up to date; the synthetic patients were loaded before.');
    return;
  }
  console.log('Importing the synthetic patients through the FHIR and DICOM importers …');
  const started = performance.now();
  const referenceDate = new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
  const world = await loadDemoClinicalWorld({ referenceDate, log: (line) => console.log(line) });
  const { caseCount } = await db().$transaction((tx) => seedDemoCases(tx, { patients: world.patients, users, boardIds, now }), { timeout: 120_000 });
  const facts = await confirmDemoReportFacts({ mrns: world.patients.map((p) => p.mrn) });
  console.log(`  Report facts: ${facts.confirmed} confirmed on ${facts.cases} breast cases as "${facts.reviewer}" (so the models can score them).`);
  console.log(`Demo world seeded: ${world.patients.length} synthetic patients, ${caseCount} cases (${((performance.now() - started) / 1000).toFixed(1)} s).`);
  // Cases on an agenda are prepared for their meeting: in the running app the inference worker
  // does this when a case is scheduled (enqueueCaseInference); the seed scheduled them directly.
  const scheduled = await db().case.findMany({ where: { status: 'SCHEDULED' }, select: { id: true } });
  let runs = 0;
  for (const kase of scheduled) runs += (await runModelsForCaseAsSystem({ caseId: kase.id })).length;
  console.log(`Models ran on the ${scheduled.length} scheduled cases: ${runs} results.`);
  const past = await seedDemoPastMeetings({ now, users });
  console.log(`Last week's meetings: ${past.decisions} decisions signed by the chair; ${past.completed} follow-ups already reported back, one overdue per board.`);
}

main()
  .then(() => db().$disconnect())
  .catch(async (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    await db().$disconnect();
    process.exit(1);
  });
