// Runs one import job's files through the FHIR or DICOM importer and records the
// result on the job. Shared by the background worker (uploads, large API posts),
// the synchronous FHIR endpoint and the CLI, so every door behaves the same.
import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { importDicomSources, type DicomSource } from '@/lib/dicom/import-dicom';
import { unsafeFinishImportJob, unsafeUpdateImportProgress } from '@/lib/db/import-jobs';
import { importFhirPayload, parseFhirJson } from '@/lib/fhir/import-fhir';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { ImportTotals } from '@/lib/schemas/import-job';
import type { ImportFile } from './import-file';

export interface ExecutedImport {
  status: 'SUCCEEDED' | 'PARTIAL' | 'FAILED';
  totals: ImportTotals;
  /** FHIR: the importer's response (transaction-response Bundle or OperationOutcome) when one file was imported. */
  fhirResponse?: unknown;
  outcome: Prisma.InputJsonValue;
}

/** Progress goes to the database at most this often: the UI polls once a second. */
const PROGRESS_INTERVAL_MS = 400;
/** A FHIR file is parsed whole; past this size the worker's memory is at risk (a 92 MB bundle peaks near 1.7 GB). */
const MAX_FHIR_FILE_BYTES = 256 * 1024 * 1024;
/** Outcomes keep every failure but only this many successes, so a 100k-file job stays a small row. */
const MAX_OK_ENTRIES = 500;

function progressReporter(jobId: string) {
  let last = 0;
  return async (processed: number, total: number | null) => {
    const now = Date.now();
    if (now - last < PROGRESS_INTERVAL_MS) return;
    last = now;
    await unsafeUpdateImportProgress(jobId, processed, total);
  };
}

function overallStatus(ok: number, failed: number): ExecutedImport['status'] {
  if (failed === 0) return 'SUCCEEDED';
  return ok > 0 ? 'PARTIAL' : 'FAILED';
}

async function executeFhir(jobId: string, actor: Actor | null, channel: Channel, files: ImportFile[]): Promise<ExecutedImport> {
  const totals: ImportTotals = { total: files.length, processed: 0, created: 0, updated: 0, unchanged: 0, failed: 0 };
  const results: Array<Record<string, unknown>> = [];
  let okFiles = 0;
  let failedFiles = 0;
  let lastResponse: unknown;
  const report = progressReporter(jobId);
  for (const file of files) {
    try {
      if (file.bytes > MAX_FHIR_FILE_BYTES) {
        throw new Error(`${file.name} is ${Math.round(file.bytes / 1024 / 1024)} MB; FHIR files over ${MAX_FHIR_FILE_BYTES / 1024 / 1024} MB are not imported (split the bundle, e.g. one per patient).`);
      }
      const text = Buffer.from(await file.read()).toString('utf8');
      const result = await importFhirPayload(parseFhirJson(text), {
        actor,
        channel,
        jobId,
        // one file's own progress is folded into the file count
      });
      lastResponse = result.response;
      totals.created += result.counts.created;
      totals.updated += result.counts.updated;
      totals.unchanged += result.counts.unchanged;
      totals.failed += result.counts.failed;
      if (result.status === 'FAILED') failedFiles++;
      else okFiles++;
      const issues = issuesOf(result.response);
      if (result.status !== 'SUCCEEDED' || results.length < MAX_OK_ENTRIES) {
        results.push({ name: file.name, status: result.status, kind: result.kind, counts: result.counts, issues: issues.slice(0, 50) });
      }
    } catch (error) {
      failedFiles++;
      totals.failed++;
      const issues = issuesOf((error as { outcome?: unknown }).outcome);
      lastResponse = (error as { outcome?: unknown }).outcome;
      results.push({
        name: file.name,
        status: 'FAILED',
        issues: issues.length > 0 ? issues : [{ severity: 'error', code: 'exception', details: { text: messageOf(error) } }],
      });
    }
    totals.processed++;
    await report(totals.processed, totals.total);
  }
  return {
    status: overallStatus(okFiles, failedFiles),
    totals,
    fhirResponse: files.length === 1 ? lastResponse : undefined,
    outcome: { files: results } as Prisma.InputJsonValue,
  };
}

async function executeDicom(
  jobId: string,
  actor: Actor | null,
  channel: Channel,
  files: ImportFile[],
  patientMrn: string | undefined,
  generated: GeneratedDicom | undefined,
): Promise<ExecutedImport> {
  async function* fromFiles() {
    for (const file of files) yield { name: file.name, bytes: await file.read() };
  }
  const expected = generated?.count ?? files.length;
  const report = progressReporter(jobId);
  const result = await importDicomSources(generated?.sources ?? fromFiles(), {
    actor,
    channel,
    jobId,
    patientMrn,
    onProgress: (processed) => report(processed, expected),
  });
  const failures = result.files.filter((f) => f.status === 'rejected');
  const others = result.files.filter((f) => f.status !== 'rejected').slice(0, MAX_OK_ENTRIES);
  return {
    status: result.status,
    totals: {
      total: result.files.length,
      processed: result.files.length,
      created: result.counts.stored,
      updated: 0,
      unchanged: result.counts.unchanged + result.counts.duplicate,
      failed: result.counts.rejected,
    },
    outcome: { counts: result.counts, files: [...failures, ...others] } as unknown as Prisma.InputJsonValue,
  };
}

type Channel = 'ui' | 'api' | 'cli' | 'seed';

/** DICOM made on the fly (the demo seed, the bench): rendered lazily so a world never sits in memory. */
export interface GeneratedDicom {
  sources: AsyncIterable<DicomSource>;
  count: number;
}

/**
 * Imports the files of a job that is already RUNNING and records how it ended.
 * Never throws for bad input: that is an outcome. Throws only when the job row
 * itself cannot be written (the database is gone), so the queue retries.
 */
export async function executeImport(job: {
  id: string;
  kind: 'FHIR' | 'DICOM';
  actor: Actor | null;
  channel: Channel;
  files: ImportFile[];
  patientMrn?: string;
  generatedDicom?: GeneratedDicom;
}): Promise<ExecutedImport> {
  let executed: ExecutedImport;
  try {
    executed =
      job.kind === 'FHIR'
        ? await executeFhir(job.id, job.actor, job.channel, job.files)
        : await executeDicom(job.id, job.actor, job.channel, job.files, job.patientMrn, job.generatedDicom);
  } catch (error) {
    console.error(`import ${job.id} failed`, error);
    const totals = { total: job.files.length, processed: 0, created: 0, updated: 0, unchanged: 0, failed: job.files.length };
    await unsafeFinishImportJob({ jobId: job.id, actor: job.actor, status: 'FAILED', totals, outcome: null, error: messageOf(error) });
    return { status: 'FAILED', totals, outcome: {} };
  }
  const error = executed.status === 'FAILED' ? 'Nothing was imported: see the problems listed for each file.' : null;
  await unsafeFinishImportJob({ jobId: job.id, actor: job.actor, status: executed.status, totals: executed.totals, outcome: executed.outcome, error });
  return executed;
}

function issuesOf(response: unknown): unknown[] {
  if (!response || typeof response !== 'object') return [];
  const r = response as { resourceType?: string; issue?: unknown[]; entry?: Array<{ response?: { outcome?: { issue?: unknown[] } } }> };
  if (r.resourceType === 'OperationOutcome') return r.issue ?? [];
  if (r.resourceType === 'Bundle') return (r.entry ?? []).flatMap((e) => e.response?.outcome?.issue ?? []);
  return [];
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
