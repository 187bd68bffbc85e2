import type { Actor } from '@/lib/authz/actor';
import type { Tx } from '@/lib/db/client';
import { auditEventDetails, type AuditAction, type AuditDetail } from './events';

export interface AuditEventInput<A extends AuditAction> {
  /** Null when nobody is signed in (a refused sign-in) or for system jobs. */
  actor: Pick<Actor, 'id' | 'email' | 'roles' | 'ipAddress' | 'userAgent'> | null;
  action: A;
  entityType?: string;
  entityId?: string;
  /** Set whenever patient data is read or written. */
  patientId?: string | null;
  outcome?: 'SUCCESS' | 'FAILURE' | 'DENIED';
  detail: AuditDetail<A>;
  /** For anonymous events: where the request came from. */
  ipAddress?: string | null;
  userAgent?: string | null;
}

/**
 * The audit_events row for an event, its detail parsed by the action's schema. For writers that
 * insert the row themselves in one statement with the change (lib/db/inference/store-inference-results.ts).
 */
export function toAuditRow<A extends AuditAction>(event: AuditEventInput<A>) {
  // Parsing (not just type-checking) means a bad detail throws inside the
  // transaction, and the change it describes is rolled back with it.
  const detail = auditEventDetails[event.action].parse(event.detail);
  return {
    actorId: event.actor?.id ?? null,
    actorEmail: event.actor?.email ?? null,
    actorRoles: [...(event.actor?.roles ?? [])],
    action: event.action,
    entityType: event.entityType ?? null,
    entityId: event.entityId ?? null,
    patientId: event.patientId ?? null,
    outcome: event.outcome ?? 'SUCCESS',
    ipAddress: event.actor?.ipAddress ?? event.ipAddress ?? null,
    userAgent: truncate(event.actor?.userAgent ?? event.userAgent ?? null, 500),
    detail,
  };
}

/** Appends one audit event. Call it with the transaction that makes the change. */
export async function writeAuditEvent<A extends AuditAction>(tx: Tx, event: AuditEventInput<A>): Promise<void> {
  await tx.auditEvent.create({ data: toAuditRow(event) });
}

/** Appends several events of one action in one statement (e.g. one per patient in a list). */
export async function writeAuditEvents<A extends AuditAction>(tx: Tx, events: AuditEventInput<A>[]): Promise<void> {
  if (events.length === 0) return;
  await tx.auditEvent.createMany({ data: events.map(toAuditRow) });
}

function truncate(value: string | null, max: number): string | null {
  return value && value.length > max ? value.slice(0, max) : value;
}
