import 'server-only';
import { db } from './client';

// The e-mail side of a notification, for the e-mail job (no user is acting). Unscoped
// because the job mails a notification to its own recipient only; named `unsafe…` for that.

export interface NotificationEmailRow {
  id: string;
  title: string;
  body: string;
  link: string | null;
  emailStatus: 'QUEUED' | 'SENT' | 'FAILED' | null;
  to: string;
  recipientActive: boolean;
}

export async function unsafeLoadNotificationForEmail(notificationId: string): Promise<NotificationEmailRow | null> {
  const row = await db().notification.findUnique({
    where: { id: notificationId },
    select: { id: true, title: true, body: true, link: true, emailStatus: true, user: { select: { email: true, active: true } } },
  });
  if (!row) return null;
  return { id: row.id, title: row.title, body: row.body, link: row.link, emailStatus: row.emailStatus, to: row.user.email, recipientActive: row.user.active };
}

export async function unsafeRecordEmailSent(notificationId: string, at: Date = new Date()): Promise<void> {
  await db().notification.update({ where: { id: notificationId }, data: { emailStatus: 'SENT', emailSentAt: at, emailError: null } });
}

/** The latest attempt failed; the queue may still retry (a later success overwrites this). */
export async function unsafeRecordEmailFailed(notificationId: string, error: string): Promise<void> {
  await db().notification.update({ where: { id: notificationId }, data: { emailStatus: 'FAILED', emailError: error.slice(0, 500) } });
}
