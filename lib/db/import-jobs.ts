import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { writeAuditEvent } from '@/lib/audit/write-audit-event';
import { notFound } from '@/lib/errors';
import type { ImportJob, ImportKind, Prisma } from '@/lib/generated/prisma/client';
import type { ImportChannel, ImportJobDto, ImportTotals } from '@/lib/schemas/import-job';
import { db } from './client';

/**
 * Records a new import and its `import.request` audit event in one transaction.
 * `actor` is null for the CLI and the seed (system imports). The id is chosen by
 * the caller so the upload can be staged under it before the row exists.
 */
export async function createImportJob(input: {
  id?: string;
  actor: Actor | null;
  kind: ImportKind;
  channel: ImportChannel;
  sourceName: string;
  stagingPath?: string | null;
  bytes: number;
  totalItems?: number;
}): Promise<ImportJob> {
  if (input.actor) assertCan(input.actor, 'imports.run');
  return db().$transaction(async (tx) => {
    const job = await tx.importJob.create({
      data: {
        ...(input.id ? { id: input.id } : {}),
        kind: input.kind,
        channel: input.channel,
        sourceName: input.sourceName.slice(0, 500),
        stagingPath: input.stagingPath ?? null,
        requestedById: input.actor?.id ?? null,
        totalItems: input.totalItems ?? 0,
      },
    });
    await writeAuditEvent(tx, {
      actor: input.actor,
      action: 'import.request',
      entityType: 'ImportJob',
      entityId: job.id,
      detail: { jobId: job.id, kind: input.kind, channel: input.channel, sourceName: job.sourceName, bytes: input.bytes },
    });
    return job;
  });
}

/**
 * A RUNNING job not finished after this long belongs to a worker that died (crash,
 * out of memory, machine gone): the queue redelivers it after its own expiry
 * (lib/jobs/boss.ts, 60 min), and the next claim takes it over.
 */
export const STALE_RUNNING_MS = 65 * 60 * 1000;

/** Claims a job for a worker: a queued one, or a stale running one; false when another worker has it (or it is done). */
export async function unsafeClaimImportJob(jobId: string, now: Date = new Date()): Promise<boolean> {
  // unsafe: called by the worker on behalf of the job's requester, whose
  // permission was checked when the job was created (and is re-checked by the worker).
  const { count } = await db().importJob.updateMany({
    where: {
      id: jobId,
      OR: [{ status: 'QUEUED' }, { status: 'RUNNING', startedAt: { lt: new Date(now.getTime() - STALE_RUNNING_MS) } }],
    },
    data: { status: 'RUNNING', startedAt: now, processedItems: 0 },
  });
  return count === 1;
}

/** Jobs whose staged files may be deleted: finished ones, and ids with no job at all. */
export async function unsafeUnfinishedImportJobIds(ids: string[]): Promise<Set<string>> {
  const rows = await db().importJob.findMany({ where: { id: { in: ids }, status: { in: ['QUEUED', 'RUNNING'] } }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}

export async function unsafeGetImportJob(jobId: string) {
  return db().importJob.findUnique({ where: { id: jobId }, include: { requestedBy: true } });
}

/** Progress as the worker goes (the UI polls it). */
export async function unsafeUpdateImportProgress(jobId: string, processed: number, total: number | null): Promise<void> {
  await db().importJob.update({
    where: { id: jobId },
    data: { processedItems: processed, ...(total !== null ? { totalItems: total } : {}) },
  });
}

/** Final state, counts and outcome, with the `import.finish` audit event in the same transaction. */
export async function unsafeFinishImportJob(input: {
  jobId: string;
  actor: Actor | null;
  status: 'SUCCEEDED' | 'PARTIAL' | 'FAILED';
  totals: ImportTotals;
  outcome: Prisma.InputJsonValue | null;
  error?: string | null;
}): Promise<void> {
  await db().$transaction(async (tx) => {
    const job = await tx.importJob.update({
      where: { id: input.jobId },
      data: {
        status: input.status,
        finishedAt: new Date(),
        stagingPath: null,
        processedItems: input.totals.processed,
        totalItems: input.totals.total,
        createdCount: input.totals.created,
        updatedCount: input.totals.updated,
        unchangedCount: input.totals.unchanged,
        failedCount: input.totals.failed,
        outcome: input.outcome ?? undefined,
        error: input.error ?? null,
      },
    });
    await writeAuditEvent(tx, {
      actor: input.actor,
      action: 'import.finish',
      entityType: 'ImportJob',
      entityId: job.id,
      outcome: input.status === 'FAILED' ? 'FAILURE' : 'SUCCESS',
      detail: {
        jobId: job.id,
        kind: job.kind,
        status: input.status,
        counts: {
          total: input.totals.total,
          created: input.totals.created,
          updated: input.totals.updated,
          unchanged: input.totals.unchanged,
          failed: input.totals.failed,
        },
      },
    });
  });
}

function toDto(job: ImportJob & { requestedBy: { name: string } | null }): ImportJobDto {
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    channel: job.channel as ImportChannel,
    sourceName: job.sourceName,
    requestedBy: job.requestedBy?.name ?? 'system',
    totalItems: job.totalItems,
    processedItems: job.processedItems,
    createdCount: job.createdCount,
    updatedCount: job.updatedCount,
    unchangedCount: job.unchangedCount,
    failedCount: job.failedCount,
    error: job.error,
    outcome: job.outcome ?? null,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

/**
 * Recent imports, newest first. Everyone who may import sees every import: the
 * people who prepare boards share the work of getting data in. Outcomes hold
 * counts and error messages, not clinical content.
 */
export async function listImportJobs(options: { actor: Actor; take?: number }): Promise<ImportJobDto[]> {
  assertCan(options.actor, 'imports.run');
  const rows = await db().importJob.findMany({
    orderBy: { createdAt: 'desc' },
    take: options.take ?? 25,
    include: { requestedBy: { select: { name: true } } },
  });
  return rows.map((row) => toDto({ ...row, outcome: null }));
}

export async function getImportJob(options: { actor: Actor; jobId: string }): Promise<ImportJobDto> {
  assertCan(options.actor, 'imports.run');
  const row = await db().importJob.findUnique({
    where: { id: options.jobId },
    include: { requestedBy: { select: { name: true } } },
  });
  if (!row) throw notFound('The import');
  return toDto(row);
}
