// Viewers ask for the frames of a multi-frame object one request at a time (96
// requests for a 96-frame file); reading and parsing the file once for all of
// them matters. Stored objects are content-addressed and never change, so a parsed
// object can be kept by its sha256 without any invalidation. The permission check
// and audit still run on every request: only the file read is saved.
// Entries are charged what the parsed object keeps in memory (retainedBytes), not
// the file size: a deflated file of a few KB can hold hundreds of MB inflated.
import type { StoredPixelData } from './pixel-frames';

const BUDGET_BYTES = 64 * 1024 * 1024;

const entries = new Map<string, { pixels: StoredPixelData | null; bytes: number }>();
let used = 0;

/** What an object without pixel data (null) is charged: the entry itself. */
const NULL_ENTRY_BYTES = 1024;

export async function cachedPixelData(sha256: string, load: () => Promise<StoredPixelData | null>): Promise<StoredPixelData | null> {
  const hit = entries.get(sha256);
  if (hit) {
    // Re-insert: Map order is the recency order.
    entries.delete(sha256);
    entries.set(sha256, hit);
    return hit.pixels;
  }
  const pixels = await load();
  const size = pixels ? pixels.retainedBytes : NULL_ENTRY_BYTES;
  if (size <= BUDGET_BYTES / 4) {
    entries.set(sha256, { pixels, bytes: size });
    used += size;
    for (const [key, entry] of entries) {
      if (used <= BUDGET_BYTES) break;
      entries.delete(key);
      used -= entry.bytes;
    }
  }
  return pixels;
}
