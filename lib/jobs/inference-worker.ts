// The inference worker: runs a case's models when the case is prepared for its meeting
// (inference.run-case jobs). In the worker process beside the import worker, so scoring
// never competes with page requests for the web server's event loop.
import 'server-only';
import type PgBoss from 'pg-boss';
import { runModelsForCaseAsSystem } from '@/lib/inference/run-models-for-case';
import { getBoss, INFERENCE_QUEUE, type InferenceJobMessage } from './boss';

export async function startInferenceWorker(options: { pollingIntervalSeconds?: number } = {}): Promise<PgBoss> {
  const boss = await getBoss();
  await boss.work<InferenceJobMessage>(INFERENCE_QUEUE, { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, async ([job]) => {
    if (!job) return;
    const results = await runModelsForCaseAsSystem({ caseId: job.data.caseId });
    console.log(`inference.run-case ${job.data.caseId}: ${results.map((r) => `${r.modelKey}@${r.semver}${r.shadow ? ' (shadow)' : ''} ${r.status}`).join(', ') || 'no applicable model'}`);
  });
  return boss;
}
