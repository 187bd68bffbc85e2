import 'server-only';
import type { OperationOutcomeIssue } from '@medplum/fhirtypes';
import type { Actor } from '@/lib/authz/actor';
import type { EntryWriteResult, ImportPlan, PatientGroup } from '@/lib/fhir/import-plan';
import { errorIssue } from '@/lib/fhir/issues';
import { db } from '../client';
import { assertMayImport } from './assert-may-import';
import { writePatientGroups } from './write-patient-groups';

/** A chunk is this many patients or (for patients with long histories) this many entries, whichever comes first. */
const CHUNK_PATIENTS = 100;
const CHUNK_ENTRIES = 4000;
const CHUNK_TIMEOUT_MS = 120_000;
/** A transaction Bundle is one database transaction, however large. */
const ATOMIC_TIMEOUT_MS = 30 * 60_000;
const MAX_WAIT_MS = 30_000;

export type StoreResult = { stored: Map<number, EntryWriteResult> } | { refused: OperationOutcomeIssue[]; failed: Map<number, EntryWriteResult> };

/**
 * Phase two of an import: writes the planned entries, chunk by chunk.
 * - atomic (transaction Bundles): every chunk in one database transaction; the
 *   first entry that cannot be stored (a conflict with existing data) rolls back
 *   everything and the import is refused.
 * - otherwise (batch, collection, single resource): one transaction per chunk,
 *   so a 1,000-patient import does not hold one huge transaction. When a chunk
 *   hits a unique-key race (another import wrote the same row meanwhile), its
 *   patients are retried one by one so only the patient concerned fails.
 * `onChunk` gets the number of entries stored so far (for progress).
 */
export async function storeImportPlan(
  plan: ImportPlan,
  options: { actor: Actor | null; jobId?: string; atomic: boolean; onChunk?: (entriesDone: number) => void | Promise<void> },
): Promise<StoreResult> {
  assertMayImport(options.actor);
  const context = { actor: options.actor, jobId: options.jobId };
  const chunks = chunkGroups(plan.groups);
  const stored = new Map<number, EntryWriteResult>();
  let done = 0;

  if (options.atomic) {
    try {
      await db().$transaction(
        async (tx) => {
          for (const chunk of chunks) {
            const results = await writePatientGroups(tx, chunk, plan.entries, context);
            const failed = new Map([...results].filter(([, r]) => r.outcome === 'failed'));
            if (failed.size > 0) throw new RefusedTransaction(failed);
            for (const [index, result] of results) stored.set(index, result);
            done += entriesIn(chunk);
            await options.onChunk?.(done);
          }
        },
        { timeout: ATOMIC_TIMEOUT_MS, maxWait: MAX_WAIT_MS },
      );
    } catch (error) {
      if (error instanceof RefusedTransaction) return { refused: [], failed: error.failed };
      if (isUniqueViolation(error)) {
        return { refused: [errorIssue('Conflict: another import changed the same records at the same time; nothing was stored, try again', undefined, 'conflict')], failed: new Map() };
      }
      throw error;
    }
    return { stored };
  }

  for (const chunk of chunks) {
    let results: Map<number, EntryWriteResult>;
    try {
      results = await db().$transaction((tx) => writePatientGroups(tx, chunk, plan.entries, context), { timeout: CHUNK_TIMEOUT_MS, maxWait: MAX_WAIT_MS });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      results = await retryOneByOne(chunk, plan, context);
    }
    for (const [index, result] of results) stored.set(index, result);
    done += entriesIn(chunk);
    await options.onChunk?.(done);
  }
  return { stored };
}

async function retryOneByOne(chunk: PatientGroup[], plan: ImportPlan, context: { actor: Actor | null; jobId?: string }) {
  const results = new Map<number, EntryWriteResult>();
  for (const group of chunk) {
    try {
      const one = await db().$transaction((tx) => writePatientGroups(tx, [group], plan.entries, context), { timeout: CHUNK_TIMEOUT_MS, maxWait: MAX_WAIT_MS });
      for (const [index, result] of one) results.set(index, result);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      for (const index of indexesOf(group)) {
        results.set(index, {
          outcome: 'failed',
          conflict: true,
          issue: errorIssue('Conflict: another import or a pseudonym clash wrote the same unique value; this patient\'s entries were not stored', plan.entries[index]!.path, 'conflict'),
        });
      }
    }
  }
  return results;
}

function chunkGroups(groups: PatientGroup[]): PatientGroup[][] {
  const chunks: PatientGroup[][] = [];
  let current: PatientGroup[] = [];
  let entries = 0;
  for (const group of groups) {
    if (current.length > 0 && (current.length >= CHUNK_PATIENTS || entries + entriesIn([group]) > CHUNK_ENTRIES)) {
      chunks.push(current);
      current = [];
      entries = 0;
    }
    current.push(group);
    entries += entriesIn([group]);
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

function indexesOf(group: PatientGroup): number[] {
  return [...(group.patientEntry === undefined ? [] : [group.patientEntry]), ...group.clinicalEntries];
}

function entriesIn(groups: PatientGroup[]): number {
  return groups.reduce((n, g) => n + indexesOf(g).length, 0);
}

class RefusedTransaction extends Error {
  constructor(readonly failed: Map<number, EntryWriteResult>) {
    super('transaction refused');
  }
}

/**
 * A unique-key violation, however Prisma reports it: P2002 from the query API, and
 * P2010 ("raw query failed") from $executeRaw / $queryRaw, which every bulk write
 * here uses: with @prisma/adapter-pg the PostgreSQL SQLSTATE (23505,
 * unique_violation) is in meta.driverAdapterError.cause.originalCode.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, meta } = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; kind?: unknown } } } };
  if (code === 'P2002') return true;
  const cause = meta?.driverAdapterError?.cause;
  return code === 'P2010' && (cause?.originalCode === '23505' || cause?.kind === 'UniqueConstraintViolation');
}
