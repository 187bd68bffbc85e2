import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { writeAuditEvent } from '@/lib/audit/write-audit-event';
import { db } from './client';

/** Records that the permission table refused a signed-in user something. */
export async function recordAccessDenied(options: { actor: Actor; target: string; permission?: string }): Promise<void> {
  await db().$transaction((tx) =>
    writeAuditEvent(tx, {
      actor: options.actor,
      action: 'access.denied',
      outcome: 'DENIED',
      detail: { target: options.target, permission: options.permission },
    }),
  );
}
