// Files a failed batch wrote are removed again, but never one that another
// import's row has come to reference in the meantime (content-addressed files
// are shared between imports). Storage is wrapped so a test can make a write
// fail and act at the moment of a removal.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/authz/actor';
import { db } from '@/lib/db/client';
import { sha256Hex } from '@/lib/storage/content-store';
import { createTestActor } from '@/lib/test/create-test-actor';
import { importDicomSources, type DicomImportResult } from './import-dicom';
import { imagingCounts, storedFiles, useTemporaryStorage } from './test-support/imaging-fixtures';
import { randomUid, syntheticSeries } from './test-support/synthetic-series';

const storage = vi.hoisted(() => ({
  /** Writes of these hashes fail like a full disk. */
  failWrites: new Set<string>(),
  /** Runs just before a file is removed; the removal waits for it. */
  beforeRemove: null as ((sha256: string) => Promise<void>) | null,
  removed: [] as string[],
}));

vi.mock('@/lib/storage/content-store', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/storage/content-store')>();
  return {
    ...actual,
    putDicomObject: async (bytes: Uint8Array) => {
      if (storage.failWrites.has(actual.sha256Hex(bytes))) throw new Error('ENOSPC: no space left on device');
      return actual.putDicomObject(bytes);
    },
    removeDicomObject: async (sha256: string) => {
      await storage.beforeRemove?.(sha256);
      storage.removed.push(sha256);
      return actual.removeDicomObject(sha256);
    },
  };
});

let coordinator: Actor;
let temp: Awaited<ReturnType<typeof useTemporaryStorage>>;

beforeAll(async () => {
  temp = await useTemporaryStorage();
  coordinator = await createTestActor({ role: 'COORDINATOR' });
});

afterEach(() => {
  storage.failWrites.clear();
  storage.beforeRemove = null;
  storage.removed.length = 0;
});

afterAll(async () => {
  await temp.dispose();
});

const patientId = () => `C-${randomUid().slice(-10)}`;

describe('files a failed batch wrote', () => {
  it('are removed when nothing references them', async () => {
    const [first, second] = syntheticSeries({ slices: 2, size: 4, patientId: patientId() });
    const before = await imagingCounts();
    storage.failWrites.add(sha256Hex(second!.bytes));
    const result = await importDicomSources([first!, second!], { actor: coordinator, channel: 'ui' });
    expect(result.files.map((f) => [f.status, f.reason])).toEqual([
      ['rejected', 'the file could not be written to storage (ENOSPC: no space left on device)'],
      ['rejected', 'the file could not be written to storage (ENOSPC: no space left on device)'],
    ]);
    expect(storage.removed).toEqual([sha256Hex(first!.bytes)]);
    expect(await storedFiles(temp.root)).not.toContain(sha256Hex(first!.bytes));
    expect(await imagingCounts()).toEqual(before);
  });

  it('are kept when another import commits a row for the same file during the cleanup', async () => {
    const [first, second] = syntheticSeries({ slices: 2, size: 4, patientId: patientId() });
    const sha = sha256Hex(first!.bytes);
    storage.failWrites.add(sha256Hex(second!.bytes));
    let concurrent: Promise<DicomImportResult> | undefined;
    storage.beforeRemove = async (removing) => {
      if (removing !== sha || concurrent) return;
      // Between the "nothing references it" check and the unlink, another import stores the same file.
      concurrent = importDicomSources([first!], { actor: coordinator, channel: 'api' });
      await Promise.race([concurrent, new Promise((resolve) => setTimeout(resolve, 2000))]);
    };
    const failed = await importDicomSources([first!, second!], { actor: coordinator, channel: 'ui' });
    expect(failed.status).toBe('FAILED');
    expect(concurrent).toBeDefined();
    const other = await concurrent!;
    expect(other.files[0]?.status).toBe('stored');
    // The row the other import committed points at a file that is there.
    const row = await db().imagingInstance.findUniqueOrThrow({ where: { sopInstanceUid: other.files[0]!.sopInstanceUid! } });
    expect(row.fileSha256).toBe(sha);
    expect(await storedFiles(temp.root)).toContain(sha);
  });
});
