import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { caseScope } from '@/lib/authz/scopes';
import { notFound } from '@/lib/errors';
import type { Tx } from './client';

export interface ScopedCase {
  id: string;
  patientId: string;
  /** TumorEntity: decides which tumor markers are highlighted. */
  entity: string;
}

/**
 * The case if the actor may see it. A case outside the actor's scope is "not found",
 * exactly like a case that does not exist, so ids cannot be probed.
 */
export async function findCaseInScope(tx: Tx, actor: Actor, caseId: string): Promise<ScopedCase> {
  const found = await tx.case.findFirst({ where: { AND: [{ id: caseId }, caseScope(actor)] }, select: { id: true, patientId: true, entity: true } });
  if (!found) throw notFound('The case');
  return found;
}
