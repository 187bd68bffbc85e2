// After a change that wrote notifications has committed: queue their e-mails. Queueing
// after commit means a rolled-back change mails nobody; if the queue cannot be reached,
// the notifications say so (FAILED) instead of staying QUEUED for ever.
import 'server-only';
import { unsafeRecordEmailFailed } from '@/lib/db/notification-email';
import { enqueueNotificationEmails } from '@/lib/jobs/boss';

export async function queueNotificationEmails(notificationIds: readonly string[]): Promise<'queued' | 'failed' | 'none'> {
  if (notificationIds.length === 0) return 'none';
  try {
    await enqueueNotificationEmails(notificationIds);
    return 'queued';
  } catch (error) {
    console.error('could not queue notification e-mails', error);
    for (const id of notificationIds) await unsafeRecordEmailFailed(id, 'Could not queue the e-mail (job queue unavailable).');
    return 'failed';
  }
}
