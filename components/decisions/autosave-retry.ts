// When an autosave failed for a reason that may pass (the network, the server, a rate limit),
// the editor tries again by itself, waiting longer each time, so text typed during an outage
// reaches the server once it is back without the user having to type again. A refusal that
// will not pass by waiting (invalid input, no permission, a conflict) is never retried.
import type { ErrorCode } from '@/lib/errors';

/** Waits before the 1st, 2nd, … automatic retry; the last one repeats. */
export const RETRY_DELAYS_MS = [5_000, 15_000, 30_000, 60_000] as const;

/** A save unanswered after this long counts as failed and is retried (a draft save takes < 1.5 s at p95 under load, bench:decisions). */
export const SAVE_TIMEOUT_MS = 15_000;

export function isTransient(code: ErrorCode): boolean {
  return code === 'INTERNAL' || code === 'RATE_LIMITED';
}

/** The wait before retry number `attempt` (0 = the first retry). */
export function retryDelay(attempt: number): number {
  return RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)]!;
}
