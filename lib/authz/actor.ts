import type { Role } from './roles';

/**
 * The person (or system job) doing something, as every lib/db function receives it.
 * Built only by lib/auth/get-actor.ts from a live session (roles re-read from the
 * database on every request), by lib/test/create-test-actor.ts in tests, and by
 * prisma/seed/demo-fact-confirmations.ts for the demo's seeded pathologist.
 */
export interface Actor {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly roles: readonly Role[];
  /** Where the request came from, for the audit trail. */
  readonly ipAddress: string | null;
  readonly userAgent: string | null;
}
