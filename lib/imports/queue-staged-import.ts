// After an upload is staged: record the job and put it on the queue. If either
// step fails nothing is left behind: no staged files without a job, and no job
// that says QUEUED but will never run.
import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { createImportJob, unsafeFinishImportJob } from '@/lib/db/import-jobs';
import { enqueueImport } from '@/lib/jobs/boss';
import type { ImportChannel } from '@/lib/schemas/import-job';
import { stagingDir } from '@/lib/storage/paths';
import { removeStaging } from './staging';

export async function queueStagedImport(input: {
  jobId: string;
  actor: Actor;
  kind: 'FHIR' | 'DICOM';
  channel: ImportChannel;
  sourceName: string;
  bytes: number;
  totalItems: number;
}) {
  let job;
  try {
    job = await createImportJob({ id: input.jobId, actor: input.actor, kind: input.kind, channel: input.channel, sourceName: input.sourceName, stagingPath: stagingDir(input.jobId), bytes: input.bytes, totalItems: input.totalItems });
  } catch (error) {
    await removeStaging(input.jobId);
    throw error;
  }
  try {
    await enqueueImport(job.id);
  } catch (error) {
    const totals = { total: input.totalItems, processed: 0, created: 0, updated: 0, unchanged: 0, failed: 0 };
    await unsafeFinishImportJob({ jobId: job.id, actor: input.actor, status: 'FAILED', totals, outcome: null, error: 'The import could not be queued; nothing was imported. Try again.' });
    await removeStaging(input.jobId);
    throw error;
  }
  return job;
}
