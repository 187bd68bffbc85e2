// Staged uploads whose job is finished, or that never got a job (the upload was
// refused after staging started, or the server died mid-upload), are removed when
// a worker starts and then hourly. Staging of queued and running jobs is kept.
import 'server-only';
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { unsafeUnfinishedImportJobIds } from '@/lib/db/import-jobs';
import { storageRoot } from '@/lib/storage/paths';

/** An upload in progress has no job row yet: leave young directories alone. */
const MIN_AGE_MS = 6 * 60 * 60 * 1000;

export async function sweepStaging(now: Date = new Date()): Promise<number> {
  const root = path.join(storageRoot(), 'staging');
  const names = await readdir(root).catch(() => [] as string[]);
  if (names.length === 0) return 0;
  const unfinished = await unsafeUnfinishedImportJobIds(names);
  let removed = 0;
  for (const name of names) {
    if (unfinished.has(name)) continue;
    const info = await stat(path.join(root, name)).catch(() => null);
    if (!info || now.getTime() - info.mtimeMs < MIN_AGE_MS) continue;
    await rm(path.join(root, name), { recursive: true, force: true });
    removed++;
  }
  return removed;
}
