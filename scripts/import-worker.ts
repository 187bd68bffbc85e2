// `npm run worker`: runs queued imports (uploads, large FHIR posts), automatic model
// runs (inference.run-case), notification e-mails (email.send) and the hourly overdue follow-up
// check (follow-up.notify-overdue) until stopped. Start one beside every `next start`
// (npm run start:demo does); more are fine.
import { startImportWorker } from '../lib/jobs/import-worker';
import { startInferenceWorker } from '../lib/jobs/inference-worker';
import { startEmailWorker } from '../lib/jobs/email-worker';
import { startFollowUpOverdueWorker } from '../lib/jobs/follow-up-overdue-worker';
import { stopBoss } from '../lib/jobs/boss';

async function main() {
  await startImportWorker();
  await startInferenceWorker();
  await startEmailWorker();
  await startFollowUpOverdueWorker();
  console.log('Konsil worker: waiting for import jobs, model runs, e-mails and overdue follow-ups');
  const stop = async (signal: string) => {
    console.log(`${signal}: import worker stopping after the current job`);
    await stopBoss();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
