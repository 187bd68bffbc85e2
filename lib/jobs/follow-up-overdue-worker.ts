// The overdue follow-up job: every hour (pg-boss cron schedule, kept in the database, so one run
// per hour however many workers are up), owners of open follow-up tasks past their due date are
// told once, in-app and by e-mail. The check itself is `runOverdueFollowUpCheck`, which tests
// and the worker call alike.
import 'server-only';
import type PgBoss from 'pg-boss';
import { unsafeNotifyOverdueFollowUps } from '@/lib/db/follow-ups/notify-overdue-follow-ups';
import { enqueueNotificationEmails, FOLLOW_UP_OVERDUE_QUEUE, getBoss } from './boss';

/** Minute 5 of every hour, in UTC: due dates are whole days, an hour's delay is harmless. */
export const FOLLOW_UP_OVERDUE_CRON = '5 * * * *';

/** Notifies the owners of newly overdue tasks and queues their e-mails (after the notifications are committed). */
export async function runOverdueFollowUpCheck(options: { now?: Date; batchSize?: number; email?: boolean } = {}): Promise<{ notified: number; notificationIds: string[] }> {
  const result = await unsafeNotifyOverdueFollowUps(options);
  if (options.email !== false) await enqueueNotificationEmails(result.notificationIds);
  return result;
}

export async function startFollowUpOverdueWorker(options: { pollingIntervalSeconds?: number } = {}): Promise<PgBoss> {
  const boss = await getBoss();
  await boss.schedule(FOLLOW_UP_OVERDUE_QUEUE, FOLLOW_UP_OVERDUE_CRON, {}, { tz: 'UTC' });
  await boss.work(FOLLOW_UP_OVERDUE_QUEUE, { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 30 }, async () => {
    const { notified } = await runOverdueFollowUpCheck();
    console.log(`${FOLLOW_UP_OVERDUE_QUEUE}: ${notified} owner(s) notified`);
  });
  // Once at start as well, so a worker that was down over the hour catches up at once.
  await boss.send(FOLLOW_UP_OVERDUE_QUEUE, {}, { singletonKey: 'startup', singletonSeconds: 60 });
  return boss;
}
