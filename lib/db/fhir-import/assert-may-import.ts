import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';

/**
 * Imports write patient data outside any board's scope, so they need
 * `imports.run`. A null actor is a system import (CLI, seed): the people who run
 * the server, who reach the database anyway.
 */
export function assertMayImport(actor: Actor | null): void {
  if (actor) assertCan(actor, 'imports.run');
}
