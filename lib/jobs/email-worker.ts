// The e-mail worker: sends notifications' e-mails (email.send jobs) through the configured
// SMTP server, in the worker process (npm run worker). Each attempt records its outcome on
// the notification (SENT, or FAILED with the error); a failed attempt is retried by the
// queue with backoff, and a later success turns FAILED into SENT.
import 'server-only';
import type PgBoss from 'pg-boss';
import { composeNotificationEmail } from '@/lib/email/compose-email';
import { sendEmail, type SmtpConfig } from '@/lib/email/send-email';
import { unsafeLoadNotificationForEmail, unsafeRecordEmailFailed, unsafeRecordEmailSent } from '@/lib/db/notification-email';
import { getEnv } from '@/lib/env';
import { EMAIL_QUEUE, getBoss, type EmailJobMessage } from './boss';

export type EmailOutcome = 'sent' | 'skipped' | 'failed';

/** Config from the environment, or null when e-mail is off. */
export function smtpConfigFromEnv(): SmtpConfig | null {
  const env = getEnv();
  return env.SMTP_URL && env.SMTP_FROM ? { url: env.SMTP_URL, from: env.SMTP_FROM } : null;
}

/**
 * One attempt at one notification's e-mail. Throws after recording FAILED, so the queue
 * retries; returns 'skipped' for what must not be sent (already sent, recipient deactivated,
 * notification gone).
 */
export async function deliverNotificationEmail(notificationId: string, config: SmtpConfig | null, baseUrl: string | undefined): Promise<EmailOutcome> {
  const row = await unsafeLoadNotificationForEmail(notificationId);
  if (!row || row.emailStatus === 'SENT' || row.emailStatus === null) return 'skipped';
  if (!row.recipientActive) {
    await unsafeRecordEmailFailed(notificationId, 'Not sent: the recipient’s account is deactivated.');
    return 'skipped';
  }
  if (!config) {
    await unsafeRecordEmailFailed(notificationId, 'Not sent: e-mail is not configured on the worker (SMTP_URL).');
    return 'skipped';
  }
  try {
    await sendEmail(config, row.to, composeNotificationEmail(row, baseUrl));
  } catch (error) {
    await unsafeRecordEmailFailed(notificationId, error instanceof Error ? error.message : String(error));
    throw error;
  }
  await unsafeRecordEmailSent(notificationId);
  return 'sent';
}

export async function startEmailWorker(options: { pollingIntervalSeconds?: number; config?: SmtpConfig | null } = {}): Promise<PgBoss> {
  const boss = await getBoss();
  const config = options.config === undefined ? smtpConfigFromEnv() : options.config;
  const baseUrl = getEnv().AUTH_URL;
  await boss.work<EmailJobMessage>(EMAIL_QUEUE, { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, async ([job]) => {
    if (!job) return;
    const outcome = await deliverNotificationEmail(job.data.notificationId, config, baseUrl);
    console.log(`email.send ${job.data.notificationId}: ${outcome}`);
  });
  return boss;
}
