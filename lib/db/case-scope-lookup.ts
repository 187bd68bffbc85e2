import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { can } from '@/lib/authz/permissions';
import { caseScope } from '@/lib/authz/scopes';
import { notFound } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
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

/**
 * `caseScope(actor)` (lib/authz/scopes.ts) as a SQL predicate on the `cases` row aliased
 * `alias`, for statements that check the scope in the same query as their reads or writes.
 * It must say exactly what caseScope says: no `cases.read`, no case; otherwise the cases the
 * actor referred and the cases of the boards they are a member of
 * (case-scope-sql.int.test.ts compares the two on the same rows).
 */
export function caseScopeSql(actor: Actor, alias: string): Prisma.Sql {
  if (!/^[a-z_]+$/.test(alias)) throw new Error(`caseScopeSql: "${alias}" is not a table alias`);
  if (!can(actor, 'cases.read')) return Prisma.sql`false`;
  const c = Prisma.raw(alias);
  return Prisma.sql`(${c}."referringUserId" = ${actor.id}
    OR EXISTS (SELECT 1 FROM board_memberships scope_bm WHERE scope_bm."boardId" = ${c}."boardId" AND scope_bm."userId" = ${actor.id}))`;
}
