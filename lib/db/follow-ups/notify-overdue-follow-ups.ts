import 'server-only';
import { writeAuditEvents } from '@/lib/audit/write-audit-event';
import { db } from '../client';
import { createNotifications } from '../notifications';

// The overdue job's data side (no user acting: it runs in the worker). Unscoped because it tells
// each task's own owner about their own task, nobody else; named `unsafe…` for that.

interface OverdueRow {
  id: string;
  ownerId: string;
  caseId: string;
  patientId: string;
  dueOn: string;
  pseudonym: string;
  boardName: string;
}

/**
 * Finds open follow-up tasks whose due date has passed in their board's time zone and whose
 * owner has not been told yet; per batch, in one transaction: one FOLLOW_UP_DUE notification
 * per task (in-app, e-mail queued), `overdueNotifiedAt` set, one audit event per task. Rows are
 * claimed FOR UPDATE SKIP LOCKED, so two workers running at once never notify twice, and a
 * second run finds nothing: each owner hears once per task. Returns the notification ids whose
 * e-mails the caller queues after commit (enqueueNotificationEmails).
 */
export async function unsafeNotifyOverdueFollowUps(options: { now?: Date; batchSize?: number } = {}): Promise<{ notified: number; notificationIds: string[] }> {
  const { now = new Date(), batchSize = 100 } = options;
  const notificationIds: string[] = [];
  for (;;) {
    const batch = await db().$transaction(async (tx) => {
      const rows = await tx.$queryRaw<OverdueRow[]>`
        SELECT t.id, t."ownerId", t."caseId", c."patientId", to_char(t."dueOn", 'YYYY-MM-DD') AS "dueOn", p.pseudonym, b.name AS "boardName"
        FROM follow_up_tasks t
        JOIN cases c ON c.id = t."caseId"
        JOIN patients p ON p.id = c."patientId"
        JOIN boards b ON b.id = c."boardId"
        JOIN users u ON u.id = t."ownerId"
        WHERE t.status = 'OPEN' AND t."overdueNotifiedAt" IS NULL AND u.active
          AND t."dueOn" < (${now}::timestamptz AT TIME ZONE b."timeZone")::date
        ORDER BY t."dueOn", t.id
        LIMIT ${batchSize}
        FOR UPDATE OF t SKIP LOCKED`;
      const ids: string[] = [];
      for (const row of rows) {
        const [created] = await createNotifications(tx, {
          recipientIds: [row.ownerId],
          createdById: null,
          email: true,
          notification: {
            kind: 'FOLLOW_UP_DUE',
            title: `Follow-up overdue: ${row.pseudonym}`,
            body: `The ${row.boardName} recommendation for ${row.pseudonym} was due for follow-up on ${row.dueOn}. Please record whether it was implemented.`,
            link: '/follow-ups',
            caseId: row.caseId,
          },
        });
        ids.push(created!.id);
      }
      if (rows.length > 0) await tx.followUpTask.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { overdueNotifiedAt: now } });
      await writeAuditEvents(
        tx,
        rows.map((row, i) => ({
          actor: null,
          action: 'follow_up.overdue_notify' as const,
          entityType: 'FollowUpTask',
          entityId: row.id,
          patientId: row.patientId,
          detail: { taskId: row.id, ownerId: row.ownerId, dueOn: row.dueOn, notificationId: ids[i]! },
        })),
      );
      return ids;
    });
    notificationIds.push(...batch);
    if (batch.length < batchSize) break;
  }
  return { notified: notificationIds.length, notificationIds };
}
