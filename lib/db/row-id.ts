import 'server-only';
import { randomFillSync } from 'node:crypto';
import { hostname } from 'node:os';

// Ids in Prisma's cuid (v1) format for rows Konsil inserts with its own SQL (bulk imports,
// DICOM instances, model results), which bypass Prisma's client-side @default(cuid()):
// 'c', time, a per-process counter, a host/process fingerprint and 8 random base-36
// characters. Unique by time + counter within a process, and by fingerprint + randomness
// across processes; not secret (an id is no capability; access is checked on every read).

const fingerprint = (() => {
  const host = [...hostname()].reduce((sum, ch) => sum + ch.charCodeAt(0), hostname().length + 36);
  return (process.pid % 1296).toString(36).padStart(2, '0') + (host % 1296).toString(36).padStart(2, '0');
})();
let counter = Math.floor(Math.random() * 1_679_616);

// Random bytes are drawn 4 kB at a time (512 ids), as crypto.randomUUID does: one
// randomBytes(8) per id cost 15–25 µs on a model run's write path (bench:inference),
// a refill costs about as much as one draw did.
const POOL_BYTES = 4096;
const pool = Buffer.alloc(POOL_BYTES);
let offset = POOL_BYTES;

const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz';

function randomBase36(length: number): string {
  if (offset + length > POOL_BYTES) {
    randomFillSync(pool);
    offset = 0;
  }
  let out = '';
  // A byte mod 36 favours the first 4 characters slightly (256 = 7 × 36 + 4); harmless for ids.
  for (let i = 0; i < length; i++) out += BASE36[pool[offset + i]! % 36];
  offset += length;
  return out;
}

/** A new row id: 25 characters, /^c[0-9a-z]{24}$/, like Prisma's cuid(). */
export function newRowId(): string {
  counter = (counter + 1) % 1_679_616; // 36^4
  return `c${Date.now().toString(36)}${counter.toString(36).padStart(4, '0')}${fingerprint}${randomBase36(8)}`;
}
