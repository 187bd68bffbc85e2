// The e2e stack's clinical world: the first E2E_DEMO_PATIENTS (default 12) patients of
// the demo world (seed 1: every entity, prior and current CT with known lesions),
// their boards and cases, imported through the FHIR and DICOM importers exactly as
// `npm run db:seed` does. The demo accounts get random passwords nobody knows, and
// the stack runs with KONSIL_DEMO_MODE=0, so they cannot sign in: specs make their own users.
// As in the demo, the seeded pathologist confirms the Rotterdam facts of the breast cases
// (SYN-200002, SYN-200012; SYN-200007 is left for a spec to confirm), and the shipped
// decision-support models (models/) are registered and activated, so the case screen's
// decision-support panel and the model registry have them; no model is run here (specs run
// them). Model inputs: SYN-200001 and SYN-200002 complete, SYN-200006 Karnofsky 40 (out
// of range), SYN-200011 a weight gain (docs/ARCHITECTURE.md, the demo world).
import { randomBytes } from 'node:crypto';
import { db } from '../../lib/db/client';
import { registerShippedModels } from '../../lib/db/shipped-models';
import { loadDemoClinicalWorld } from '../../prisma/seed/demo-clinical-world';
import { confirmDemoReportFacts } from '../../prisma/seed/demo-fact-confirmations';
import { demoUsers, seedDemoAccountsAndBoards, seedDemoCases, type DemoUserKey } from '../../prisma/seed/demo-world';

async function main() {
  const started = performance.now();
  const now = new Date();
  const passwords = Object.fromEntries(demoUsers.map((u) => [u.key, randomBytes(18).toString('base64url')])) as Record<DemoUserKey, string>;
  const { users, boardIds } = await db().$transaction((tx) => seedDemoAccountsAndBoards(tx, { passwords, now }), { timeout: 120_000 });
  const world = await loadDemoClinicalWorld({
    referenceDate: new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`),
    patients: Number(process.env.E2E_DEMO_PATIENTS ?? 12),
    log: (line) => console.log(`[e2e seed] ${line.trim()}`),
  });
  await db().$transaction((tx) => seedDemoCases(tx, { patients: world.patients, users, boardIds, now }), { timeout: 120_000 });
  const facts = await confirmDemoReportFacts({ mrns: world.patients.map((p) => p.mrn) });
  console.log(`[e2e seed] ${facts.confirmed} report facts confirmed on ${facts.cases} breast cases`);
  const models = await registerShippedModels();
  console.log(`[e2e seed] models: ${models.activated.join(', ')} active`);
  console.log(`[e2e seed] demo world: ${world.patients.length} patients in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await db().$disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
