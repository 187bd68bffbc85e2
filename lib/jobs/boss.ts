// The job queue: pg-boss on Konsil's own PostgreSQL (schema `pgboss`, created and
// migrated by pg-boss itself on first start). Chosen so workers can run on other
// machines later with nothing but the database in common (docs/adr/0005-imports.md).
import PgBoss from 'pg-boss';

export const IMPORT_QUEUE = 'konsil-import';

export interface ImportJobMessage {
  importJobId: string;
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
