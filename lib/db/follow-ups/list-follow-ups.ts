import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { caseScope, coordinatedBoardScope } from '@/lib/authz/scopes';
import { writeAuditEvents } from '@/lib/audit/write-audit-event';
import { notFound } from '@/lib/errors';
import type { FollowUpTaskDto } from '@/lib/schemas/follow-up';
import { db, type Tx } from '../client';
import { followUpTaskSelect, toFollowUpTaskDto } from './follow-up-rows';

// The follow-up lists. Each names patients (pseudonym, recommendation), so each writes one
// `follow_up.list` audit event per task shown, in the read's transaction.

const LIMIT = 200;

async function auditShown(tx: Tx, actor: Actor, view: 'mine' | 'overdue' | 'case', tasks: { id: string; patientId: string }[]): Promise<void> {
  await writeAuditEvents(
    tx,
    tasks.map((t) => ({ actor, action: 'follow_up.list' as const, entityType: 'FollowUpTask', entityId: t.id, patientId: t.patientId, detail: { view, taskId: t.id } })),
  );
}

/** The actor's own tasks: open ones first (earliest due first), then completed ones, newest first. */
export async function listMyFollowUps(options: { actor: Actor; now?: Date }): Promise<FollowUpTaskDto[]> {
  const { actor, now = new Date() } = options;
  assertCan(actor, 'followups.complete');
  return db().$transaction(async (tx) => {
    const open = await tx.followUpTask.findMany({ where: { ownerId: actor.id, status: 'OPEN', case: caseScope(actor) }, orderBy: [{ dueOn: 'asc' }, { id: 'asc' }], take: LIMIT, select: followUpTaskSelect });
    const done = await tx.followUpTask.findMany({
      where: { ownerId: actor.id, status: { not: 'OPEN' }, case: caseScope(actor) },
      orderBy: [{ completedAt: 'desc' }, { id: 'asc' }],
      take: LIMIT,
      select: followUpTaskSelect,
    });
    const rows = [...open, ...done];
    await auditShown(tx, actor, 'mine', rows.map((r) => ({ id: r.id, patientId: r.case.patientId })));
    return rows.map((r) => toFollowUpTaskDto(r, now));
  });
}

/**
 * Open tasks past their due date (judged in each board's time zone) on the boards the actor
 * coordinates, most overdue first: the coordinator's list for chasing them.
 */
export async function listOverdueFollowUps(options: { actor: Actor; now?: Date }): Promise<FollowUpTaskDto[]> {
  const { actor, now = new Date() } = options;
  assertCan(actor, 'followups.overview');
  return db().$transaction(async (tx) => {
    // A superset (due before tomorrow in the zone furthest ahead of UTC); the board's own
    // zone decides below whether a task is overdue yet.
    const candidates = await tx.followUpTask.findMany({
      where: { status: 'OPEN', dueOn: { lt: new Date(now.getTime() + 86_400_000) }, case: { board: coordinatedBoardScope(actor) } },
      orderBy: [{ dueOn: 'asc' }, { id: 'asc' }],
      take: LIMIT,
      select: followUpTaskSelect,
    });
    const overdue = candidates.map((r) => ({ row: r, dto: toFollowUpTaskDto(r, now) })).filter(({ dto }) => dto.daysOverdue > 0);
    await auditShown(tx, actor, 'overdue', overdue.map(({ row }) => ({ id: row.id, patientId: row.case.patientId })));
    return overdue.map(({ dto }) => dto);
  });
}

/**
 * A case's follow-up task for the case screen (null while no decision is signed). Anyone who
 * may see the case may see whether its recommendation was carried out; completing it stays
 * the owner's (completeFollowUp).
 */
export async function readCaseFollowUp(options: { actor: Actor; caseId: string; now?: Date }): Promise<FollowUpTaskDto | null> {
  const { actor, caseId, now = new Date() } = options;
  assertCan(actor, 'cases.read');
  return db().$transaction(async (tx) => {
    const kase = await tx.case.findFirst({ where: { id: caseId, ...caseScope(actor) }, select: { id: true } });
    if (!kase) throw notFound('The case');
    const row = await tx.followUpTask.findFirst({ where: { caseId }, orderBy: { createdAt: 'desc' }, select: followUpTaskSelect });
    if (!row) return null;
    await auditShown(tx, actor, 'case', [{ id: row.id, patientId: row.case.patientId }]);
    return toFollowUpTaskDto(row, now);
  });
}
