// Two imports of the same new patient at the same time. Both see no patient, both
// INSERT it; the database's unique index lets one through and the other must end
// cleanly: batch → retried and found, transaction → refused with a clear conflict.
// The race is forced, not hoped for: the test holds a SHARE lock on "patients"
// (reads pass, inserts wait) until both imports are waiting to insert.
import type { Bundle, OperationOutcome } from '@medplum/fhirtypes';
import pg from 'pg';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/authz/actor';
import { db } from '@/lib/db/client';
import { nsclcTransaction, uniqueKey } from '@/lib/fhir/__fixtures__/load-fixture';
import { importFhirPayload, type FhirImportResult } from '@/lib/fhir/import-fhir';
import { createTestActor } from '@/lib/test/create-test-actor';

let actor: Actor;
let locker: pg.Client | undefined;

beforeAll(async () => {
  actor = await createTestActor({ role: 'COORDINATOR' });
});

afterEach(async () => {
  await locker?.end();
  locker = undefined;
});

/** Runs `imports` with their patient INSERTs held back until all of them are waiting, then lets them go at once. */
async function raceOnPatientInsert(imports: (() => Promise<FhirImportResult>)[]): Promise<PromiseSettledResult<FhirImportResult>[]> {
  locker = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await locker.connect();
  await locker.query('BEGIN');
  await locker.query('LOCK TABLE "patients" IN SHARE MODE');
  const running = Promise.allSettled(imports.map((run) => run()));
  try {
    for (let waited = 0; ; waited += 20) {
      // pg_locks, not pg_stat_activity: the latter is a snapshot frozen for the rest of this transaction.
      const { rows } = await locker.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_locks WHERE relation = '"patients"'::regclass AND mode = 'RowExclusiveLock' AND NOT granted`,
      );
      if (rows[0]!.n >= imports.length) break;
      if (waited > 20_000) throw new Error(`only ${rows[0]!.n} of ${imports.length} imports reached the patient INSERT`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await locker.query('COMMIT');
  }
  return running;
}

function fulfilled(results: PromiseSettledResult<FhirImportResult>[]): FhirImportResult[] {
  // A rejection here is the bug: a raw database error escaped the importer.
  for (const r of results) if (r.status === 'rejected') throw r.reason;
  return results.map((r) => (r as PromiseFulfilledResult<FhirImportResult>).value);
}

describe('two imports of the same new patient at the same time', () => {
  it('batch: one creates, the other is retried and finds everything unchanged; one patient row', async () => {
    const key = uniqueKey();
    const bundle = (): Bundle => ({ ...nsclcTransaction({ key }), type: 'batch' });

    const results = fulfilled(await raceOnPatientInsert([() => importFhirPayload(bundle(), { actor, channel: 'api' }), () => importFhirPayload(bundle(), { actor, channel: 'api' })]));

    const created = results.find((r) => r.counts.created > 0)!;
    const other = results.find((r) => r !== created)!;
    expect(created).toMatchObject({ status: 'SUCCEEDED', counts: { created: 22, failed: 0 } });
    expect(other).toMatchObject({ status: 'SUCCEEDED', counts: { created: 0, unchanged: 22, failed: 0 } });
    expect(other.patientIds).toEqual(created.patientIds);
    expect(JSON.stringify(results)).not.toMatch(/duplicate key|23505|P20\d\d|Raw query/);
    expect(await db().patient.count({ where: { mrn: `SYN-${key}` } })).toBe(1);
    expect(await db().observation.count({ where: { patientId: created.patientIds[0] } })).toBe(11);
  });

  it('transaction: one creates, the other is refused as a conflict in plain words, storing nothing', async () => {
    const key = uniqueKey();

    const results = fulfilled(
      await raceOnPatientInsert([() => importFhirPayload(nsclcTransaction({ key }), { actor, channel: 'api' }), () => importFhirPayload(nsclcTransaction({ key }), { actor, channel: 'api' })]),
    );

    const created = results.find((r) => r.status === 'SUCCEEDED')!;
    const refused = results.find((r) => r !== created)!;
    expect(created.counts).toMatchObject({ created: 22, failed: 0 });
    expect(refused).toMatchObject({ status: 'FAILED', counts: { created: 0, updated: 0 }, response: { resourceType: 'OperationOutcome' } });
    const issues = (refused.response as OperationOutcome).issue;
    expect(issues.filter((i) => i.severity === 'error')).toEqual([
      expect.objectContaining({ code: 'conflict', details: { text: expect.stringMatching(/another import .* at the same time.*try again/) } }),
    ]);
    expect(JSON.stringify(refused)).not.toMatch(/duplicate key|23505|P20\d\d|Raw query/);
    expect(await db().patient.count({ where: { mrn: `SYN-${key}` } })).toBe(1);
    expect(await db().observation.count({ where: { patientId: created.patientIds[0] } })).toBe(11);
  });
});
