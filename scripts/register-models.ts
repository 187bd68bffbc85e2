// `npm run models:register`: registers the models shipped in models/ into DATABASE_URL through
// the same validation as an admin's upload, activating one when no version of its model is
// active. Idempotent; the demo seed does the same on every start. For deployments, after
// `npm run db:migrate`.
import { db } from '../lib/db/client';
import { registerShippedModels } from '../lib/db/shipped-models';

registerShippedModels({ log: (line) => console.log(line) })
  .then(async (outcome) => {
    console.log(`Models: ${outcome.registered.length} registered (${outcome.activated.length} activated), ${outcome.unchanged.length} already registered.`);
    await db().$disconnect();
  })
  .catch(async (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    await db().$disconnect();
    process.exit(1);
  });
