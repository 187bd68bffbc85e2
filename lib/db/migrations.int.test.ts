// The committed migrations are the production schema. These tests run the
// plain Prisma CLI (through the offline engine in scripts/prisma-engine) the
// way deployments and CI do, each against its own throwaway database, so they
// do not depend on the shared per-run test database.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const prismaCli = path.join(root, 'node_modules/prisma/build/index.js');
const migrationsDir = path.join(root, 'prisma/migrations');
const schemaPath = path.join(root, 'prisma/schema.prisma');
const adminUrl = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

const CLI_TIMEOUT_MS = 120_000;
const TEST_TIMEOUT_MS = 180_000;

function urlFor(database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const created: string[] = [];
async function createDatabase(): Promise<string> {
  const name = `konsil_mig_${randomBytes(6).toString('hex')}`;
  await withAdmin((c) => c.query(`CREATE DATABASE "${name}"`));
  created.push(name);
  return urlFor(name);
}

type CliResult = { code: number; stdout: string; stderr: string };

/** Runs `prisma <args>` from the repo root; resolves with the exit code instead of throwing. */
function prisma(args: string[], databaseUrl: string): Promise<CliResult> {
  // Only this run's database: the worker's DATABASE_URL points at the shared
  // test database, and a developer's SHADOW_DATABASE_URL must not be reset here.
  const { DATABASE_URL: _db, SHADOW_DATABASE_URL: _shadow, ...env } = process.env;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [prismaCli, ...args],
      {
        cwd: root,
        timeout: CLI_TIMEOUT_MS,
        env: { ...env, DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: '1', PRISMA_HIDE_UPDATE_MESSAGE: '1', NO_COLOR: '1' },
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const explain = (r: CliResult) => `exit ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;

async function committedMigrations(): Promise<string[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

describe('committed migrations', () => {
  let databaseUrl: string;
  let deploy: CliResult;

  beforeAll(async () => {
    databaseUrl = await createDatabase();
    deploy = await prisma(['migrate', 'deploy'], databaseUrl);
  }, TEST_TIMEOUT_MS);

  afterAll(async () => {
    await withAdmin(async (c) => {
      for (const name of created) await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    });
  }, TEST_TIMEOUT_MS);

  it('apply cleanly to an empty database, every one recorded as finished', async () => {
    const names = await committedMigrations();
    expect(names.length, 'no migration under prisma/migrations: create the first with `prisma migrate dev --name init --create-only`').toBeGreaterThan(0);
    expect(deploy.code, explain(deploy)).toBe(0);

    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ migration_name: string; finished: boolean; rolled_back: boolean }>(
        `SELECT migration_name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back
           FROM _prisma_migrations ORDER BY migration_name`,
      );
      expect(rows.map((r) => r.migration_name)).toEqual(names);
      expect(rows.every((r) => r.finished && !r.rolled_back)).toBe(true);
    } finally {
      await client.end();
    }
  });

  it('report the database as up to date after deploy', async () => {
    const status = await prisma(['migrate', 'status'], databaseUrl);
    expect(status.code, explain(status)).toBe(0);
    expect(status.stdout).toContain('Database schema is up to date');
  }, TEST_TIMEOUT_MS);

  it('produce exactly prisma/schema.prisma (no drift)', async () => {
    const diff = await prisma(
      ['migrate', 'diff', '--from-migrations', migrationsDir, '--to-schema', schemaPath, '--exit-code'],
      databaseUrl,
    );
    const why = diff.code === 2 ? 'prisma/schema.prisma has changes no migration creates' : 'prisma migrate diff failed';
    expect(diff.code, `${why}:\n${explain(diff)}`).toBe(0);
    expect(diff.stdout).toContain('No difference detected');
  }, TEST_TIMEOUT_MS);

  it('detect drift when the schema gains a field no migration creates', async () => {
    // A modified copy in a temp dir: prisma/schema.prisma itself is never touched.
    const dir = await mkdtemp(path.join(tmpdir(), 'konsil-drift-'));
    try {
      const schema = await readFile(schemaPath, 'utf8');
      const drifted = schema.replace(/^(model \w+ \{)$/m, '$1\n  driftProbe Int?');
      expect(drifted, 'no model found to add a field to').not.toBe(schema);
      const driftedPath = path.join(dir, 'schema.prisma');
      await writeFile(driftedPath, drifted);

      const diff = await prisma(
        ['migrate', 'diff', '--from-migrations', migrationsDir, '--to-schema', driftedPath, '--exit-code'],
        databaseUrl,
      );
      // --exit-code: 0 = no difference, 1 = error, 2 = difference found.
      expect(diff.code, explain(diff)).toBe(2);
      expect(diff.stdout).toContain('driftProbe');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, TEST_TIMEOUT_MS);
});
