// An import run while the caller waits (small FHIR posts, the CLI, the demo seed).
// It is still an ImportJob row with the same audit events and outcome as a queued
// one: only who runs it differs.
import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { createImportJob, unsafeClaimImportJob } from '@/lib/db/import-jobs';
import type { ImportChannel } from '@/lib/schemas/import-job';
import { executeImport, type ExecutedImport, type GeneratedDicom } from './execute-import';
import type { ImportFile } from './import-file';

export async function runImportInline(input: {
  actor: Actor | null;
  kind: 'FHIR' | 'DICOM';
  channel: ImportChannel;
  sourceName: string;
  files: ImportFile[];
  patientMrn?: string;
  generatedDicom?: GeneratedDicom;
}): Promise<ExecutedImport & { jobId: string }> {
  const bytes = input.files.reduce((sum, f) => sum + f.bytes, 0);
  const job = await createImportJob({
    actor: input.actor,
    kind: input.kind,
    channel: input.channel,
    sourceName: input.sourceName,
    bytes,
    totalItems: input.generatedDicom?.count ?? input.files.length,
  });
  await unsafeClaimImportJob(job.id);
  const executed = await executeImport({
    id: job.id,
    kind: input.kind,
    actor: input.actor,
    channel: input.channel,
    files: input.files,
    patientMrn: input.patientMrn,
    generatedDicom: input.generatedDicom,
  });
  return { ...executed, jobId: job.id };
}
