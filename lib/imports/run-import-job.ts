// What the worker does with one queued import: claim it, act as the person who
// asked for it (if they still may), read the staged upload, import, clean up.
import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { can } from '@/lib/authz/permissions';
import { unsafeClaimImportJob, unsafeFinishImportJob, unsafeGetImportJob } from '@/lib/db/import-jobs';
import { executeImport } from './execute-import';
import { readStagedFiles, removeStaging } from './staging';

export async function runImportJob(importJobId: string): Promise<void> {
  // A second delivery of the same message finds the job no longer QUEUED, unless
  // its first worker died long ago (then this one takes over: see STALE_RUNNING_MS).
  if (!(await unsafeClaimImportJob(importJobId))) return;
  const job = await unsafeGetImportJob(importJobId);
  if (!job) return;
  const user = job.requestedBy;
  const actor: Actor | null = user
    ? { id: user.id, email: user.email, name: user.name, roles: user.roles, ipAddress: null, userAgent: 'konsil-import-worker' }
    : null;
  const emptyTotals = { total: 0, processed: 0, created: 0, updated: 0, unchanged: 0, failed: 0 };
  // Permission is re-checked at run time: a user deactivated (or stripped of the
  // role) between upload and run does not get their import carried out.
  if (user && (!user.active || !can(actor, 'imports.run'))) {
    await unsafeFinishImportJob({ jobId: job.id, actor, status: 'FAILED', totals: emptyTotals, outcome: null, error: 'The person who started this import may no longer import data.' });
    await removeStaging(job.id);
    return;
  }
  const staged = await readStagedFiles(job.id).catch(() => null);
  if (!staged) {
    await unsafeFinishImportJob({ jobId: job.id, actor, status: 'FAILED', totals: emptyTotals, outcome: null, error: 'The uploaded files are no longer there (the upload did not finish).' });
    return;
  }
  // executeImport records the outcome itself; it throws only when the job row cannot
  // be written. Then the staged files stay, so the queue's retry can run the job again.
  await executeImport({
    id: job.id,
    kind: job.kind,
    actor,
    channel: job.channel as 'ui' | 'api' | 'cli' | 'seed',
    files: staged.files,
    patientMrn: staged.patientMrn,
  });
  await removeStaging(job.id);
}
