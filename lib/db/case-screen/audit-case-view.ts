import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import type { AuditDetail } from '@/lib/audit/events';
import { writeAuditEvent } from '@/lib/audit/write-audit-event';
import type { Tx } from '../client';
import type { ScopedCase } from '../case-scope-lookup';

/** One `case.view` event for one panel's read, written in the read's transaction. */
export function auditCaseView(tx: Tx, actor: Actor, scoped: ScopedCase, panel: AuditDetail<'case.view'>['panel'], count?: number): Promise<void> {
  return writeAuditEvent(tx, {
    actor,
    action: 'case.view',
    entityType: 'Case',
    entityId: scoped.id,
    patientId: scoped.patientId,
    detail: count === undefined ? { panel } : { panel, count },
  });
}
