/**
 * Proves scripts/lib/embedded-postgres.ts on its own: a throw-away cluster in a
 * temp dir on a free port (no system PostgreSQL, no shared global setup).
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from '../../lib/test/free-port';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from './embedded-postgres';


async function query(databaseUrl: string, sql: string): Promise<Record<string, unknown>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query(sql);
    return (result.rows[0] ?? {}) as Record<string, unknown>;
  } finally {
    await client.end();
  }
}

describe('startEmbeddedPostgres', () => {
  let root = '';
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'konsil-epg-'));
    // mkdtemp makes 0700; as root, PostgreSQL runs as OS user postgres, which must traverse it.
    await chmod(root, 0o755);
  });
  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('initialises, serves queries, stops, and warm-starts the same cluster', async () => {
    const port = await freePort();
    const dataDir = path.join(root, 'pg');

    let t0 = performance.now();
    const first = await startEmbeddedPostgres({ dataDir, port, database: 'konsil_epg_test' });
    const firstStartMs = performance.now() - t0;
    try {
      expect(first.databaseUrl).toMatch(new RegExp(`^postgresql://postgres:[0-9a-f]{32}@localhost:${port}/konsil_epg_test$`));
      const row = await query(first.databaseUrl, 'select version() as version, current_database() as db');
      expect(String(row.version)).toMatch(/^PostgreSQL \d+/);
      expect(row.db).toBe('konsil_epg_test');
      await query(first.databaseUrl, 'create table kept (id int)');
      await query(first.databaseUrl, 'insert into kept values (42)');
    } finally {
      await first.stop();
    }
    await first.stop(); // idempotent

    t0 = performance.now();
    const warm = await startEmbeddedPostgres({ dataDir, port, database: 'konsil_epg_test' });
    const warmStartMs = performance.now() - t0;
    try {
      expect(warm.databaseUrl).toBe(first.databaseUrl); // same stored password
      expect(await query(warm.databaseUrl, 'select id from kept')).toEqual({ id: 42 });
      const wrong = warm.databaseUrl.replace(/:[0-9a-f]{32}@/, ':wrong@');
      await expect(query(wrong, 'select 1')).rejects.toThrow(/password authentication failed/);
    } finally {
      await warm.stop();
    }
    console.info(`embedded-postgres: first start ${firstStartMs.toFixed(0)} ms, warm start ${warmStartMs.toFixed(0)} ms`);
  });

  it('fails with a message naming the port when it is taken', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      await expect(
        startEmbeddedPostgres({ dataDir: path.join(root, 'pg'), port, database: 'konsil_epg_test' }),
      ).rejects.toThrow(new RegExp(`port ${port} is already in use`));
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
