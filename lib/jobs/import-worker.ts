// The import worker: takes import jobs off the queue one at a time. Runs in its own
// process (scripts/import-worker.ts), never inside the web server, so a large import
// cannot slow down page requests; more workers on more machines simply share the queue.
import 'server-only';
import type PgBoss from 'pg-boss';
import { runImportJob } from '@/lib/imports/run-import-job';
import { sweepStaging } from '@/lib/imports/sweep-staging';
import { getBoss, IMPORT_QUEUE, type ImportJobMessage } from './boss';

export async function startImportWorker(options: { pollingIntervalSeconds?: number } = {}): Promise<PgBoss> {
  const boss = await getBoss();
  const sweep = () => sweepStaging().catch((error: unknown) => console.error('staging sweep failed', error));
  await sweep();
  setInterval(() => void sweep(), 60 * 60 * 1000).unref();
  await boss.work<ImportJobMessage>(
    IMPORT_QUEUE,
    { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 },
    async ([job]) => {
      if (job) await runImportJob(job.data.importJobId);
    },
  );
  return boss;
}
