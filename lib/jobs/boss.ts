// The job queue: pg-boss on Konsil's own PostgreSQL (schema `pgboss`, created and
// migrated by pg-boss itself on first start). Chosen so workers can run on other
// machines later with nothing but the database in common (docs/adr/0005-imports.md).
import PgBoss from 'pg-boss';

export const IMPORT_QUEUE = 'konsil-import';
/** `inference.run-case`: run the applicable models on a case being prepared for its meeting. */
export const INFERENCE_QUEUE = 'inference.run-case';

/** `email.send`: e-mail one notification (lib/jobs/email-worker.ts). */
export const EMAIL_QUEUE = 'email.send';

/** `follow-up.notify-overdue`: tell owners about overdue follow-up tasks (lib/jobs/follow-up-overdue-worker.ts), on a schedule. */
export const FOLLOW_UP_OVERDUE_QUEUE = 'follow-up.notify-overdue';

export interface ImportJobMessage {
  importJobId: string;
}

export interface InferenceJobMessage {
  caseId: string;
}

export interface EmailJobMessage {
  notificationId: string;
}

const globalForBoss = globalThis as unknown as { konsilBoss?: Promise<PgBoss> };

async function startBoss(): Promise<PgBoss> {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error('DATABASE_URL is not set (see README.md, "Configuration").');
  const boss = new PgBoss({ connectionString, schema: 'pgboss', max: 3 });
  boss.on('error', (error) => console.error('job queue error', error));
  await boss.start();
  await boss.createQueue(IMPORT_QUEUE, {
    name: IMPORT_QUEUE,
    // A worker that dies mid-import loses its claim after the expiry; the job is retried.
    expireInSeconds: 60 * 60,
    retryLimit: 2,
    retryDelay: 10,
  });
  await boss.createQueue(INFERENCE_QUEUE, {
    name: INFERENCE_QUEUE,
    // A run takes milliseconds; a claim older than this belongs to a dead worker.
    expireInSeconds: 5 * 60,
    retryLimit: 3,
    retryDelay: 30,
  });
  await boss.createQueue(EMAIL_QUEUE, {
    name: EMAIL_QUEUE,
    // A mail server that is down for a while: 5 retries at 30 s, 60 s, 120 s, … (backoff), then FAILED stays.
    expireInSeconds: 2 * 60,
    retryLimit: 5,
    retryDelay: 30,
    retryBackoff: true,
  });
  await boss.createQueue(FOLLOW_UP_OVERDUE_QUEUE, {
    name: FOLLOW_UP_OVERDUE_QUEUE,
    // Scheduled hourly; a run that fails is simply repeated by the next one (it is idempotent).
    expireInSeconds: 10 * 60,
    retryLimit: 1,
    retryDelay: 60,
  });
  return boss;
}

/** The process-wide queue client (started once, lazily). */
export function getBoss(): Promise<PgBoss> {
  globalForBoss.konsilBoss ??= startBoss().catch((error: unknown) => {
    globalForBoss.konsilBoss = undefined;
    throw error;
  });
  return globalForBoss.konsilBoss;
}

export async function stopBoss(): Promise<void> {
  const pending = globalForBoss.konsilBoss;
  globalForBoss.konsilBoss = undefined;
  if (pending) await (await pending).stop({ graceful: true, wait: true });
}

export async function enqueueImport(importJobId: string): Promise<void> {
  const boss = await getBoss();
  await boss.send(IMPORT_QUEUE, { importJobId } satisfies ImportJobMessage, { singletonKey: importJobId });
}

/**
 * Queues an automatic model run for a case (trigger AUTO_PREPARE). Call it wherever a case
 * enters SCHEDULED (putting it on a meeting's agenda): no code path does that yet, so the
 * meetings issue must call this. One queued run per case at a time (singletonKey): scheduling
 * twice before the worker gets to it runs once, on the data as it is then.
 */
export async function enqueueCaseInference(caseId: string): Promise<void> {
  const boss = await getBoss();
  await boss.send(INFERENCE_QUEUE, { caseId } satisfies InferenceJobMessage, { singletonKey: caseId });
}

/** Queues the e-mail of each notification (one job per notification; a notification is mailed once). */
export async function enqueueNotificationEmails(notificationIds: readonly string[]): Promise<void> {
  if (notificationIds.length === 0) return;
  const boss = await getBoss();
  for (const notificationId of notificationIds) {
    await boss.send(EMAIL_QUEUE, { notificationId } satisfies EmailJobMessage, { singletonKey: notificationId, retryLimit: 5, retryDelay: 30, retryBackoff: true });
  }
}
