import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { writeAuditEvent } from '@/lib/audit/write-audit-event';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { AuditEventDto, AuditQuery } from '@/lib/schemas/audit-event';
import { db } from './client';

export const AUDIT_PAGE_SIZE = 50;

function whereFor(query: AuditQuery): Prisma.AuditEventWhereInput {
  const and: Prisma.AuditEventWhereInput[] = [];
  if (query.actor) and.push({ OR: [{ actorEmail: { contains: query.actor, mode: 'insensitive' } }, { actorId: query.actor }] });
  if (query.action) and.push({ action: query.action });
  if (query.patientId) and.push({ patientId: query.patientId });
  if (query.entityId) and.push({ entityId: query.entityId });
  if (query.outcome) and.push({ outcome: query.outcome });
  if (query.from) and.push({ occurredAt: { gte: new Date(`${query.from}T00:00:00Z`) } });
  if (query.to) and.push({ occurredAt: { lt: new Date(new Date(`${query.to}T00:00:00Z`).getTime() + 86_400_000) } });
  if (query.before) and.push({ id: { lt: BigInt(query.before) } });
  return { AND: and };
}

/**
 * One page of the audit log, newest first, with keyset paging on the id. Reading
 * the log is itself audited, in the same transaction.
 */
export async function listAuditEvents(options: { actor: Actor; query: AuditQuery }): Promise<{
  events: AuditEventDto[];
  nextBefore: string | null;
}> {
  const { actor, query } = options;
  assertCan(actor, 'audit.read');
  return db().$transaction(async (tx) => {
    const rows = await tx.auditEvent.findMany({ where: whereFor(query), orderBy: { id: 'desc' }, take: AUDIT_PAGE_SIZE + 1 });
    const page = rows.slice(0, AUDIT_PAGE_SIZE);
    const filters = Object.fromEntries(Object.entries(query).filter((e): e is [string, string] => typeof e[1] === 'string'));
    await writeAuditEvent(tx, { actor, action: 'audit.view', entityType: 'AuditEvent', detail: { filters, count: page.length } });
    return {
      events: page.map((row) => ({
        id: row.id.toString(),
        occurredAt: row.occurredAt.toISOString(),
        actorId: row.actorId,
        actorEmail: row.actorEmail,
        actorRoles: row.actorRoles,
        action: row.action,
        entityType: row.entityType,
        entityId: row.entityId,
        patientId: row.patientId,
        outcome: row.outcome,
        ipAddress: row.ipAddress,
        userAgent: row.userAgent,
        detail: row.detail,
      })),
      nextBefore: rows.length > AUDIT_PAGE_SIZE ? (page.at(-1)?.id.toString() ?? null) : null,
    };
  });
}
