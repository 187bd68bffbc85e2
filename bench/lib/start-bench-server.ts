// A production Konsil server (`next start`, the current build: run `npm run build` first) on its
// own freshly created and migrated database, for the benchmarks that measure over HTTP
// (bench/live.ts, bench/decisions.ts). Resolves once /api/health answers.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { recreateDatabase } from '../../scripts/lib/recreate-database';
import { run } from '../../scripts/lib/run';

export async function startBenchServer(options: { root: string; name: string; databaseUrl: string; port: number | string; baseUrl: string }): Promise<ChildProcess> {
  const { root, name, databaseUrl, port, baseUrl } = options;
  await recreateDatabase(databaseUrl);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: `bench-${name}-only-auth-secret-0123456789abcdef`,
    AUTH_URL: baseUrl,
    KONSIL_DEMO_MODE: '0',
    // Production requires it; the bench sends no X-Forwarded-For, so the address is the socket's.
    TRUSTED_PROXY_HOPS: '1',
    KONSIL_STORAGE_DIR: await mkdtemp(path.join(os.tmpdir(), `konsil-bench-${name}-`)),
  };
  await run('npx', ['prisma', 'migrate', 'deploy'], { cwd: root, env });
  const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
  const server = spawn(process.execPath, [nextBin, 'start', '-p', String(port)], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  server.kill('SIGTERM');
  throw new Error('the server did not come up');
}
