// `npm run start:demo`: Konsil with the synthetic demo world on http://localhost:3000.
//
//  1. database: DATABASE_URL if set, else an embedded real PostgreSQL in .konsil/pg
//  2. migrations: `prisma migrate deploy` (offline schema engine, see scripts/prisma-engine)
//  3. demo world: seeded with fresh random passwords kept in .konsil/demo-credentials.json
//  4. production build (only when sources changed since the last one), then `next start`
//     and the import worker (uploads are imported in the background by it)
//  Ctrl-C stops the web server and the worker, then the embedded database, cleanly.
import { existsSync, statSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { demoUsers } from '../prisma/seed/demo-world';
import { installShutdownHandlers, startEmbeddedPostgres } from './lib/embedded-postgres';
import { localAuthSecret, localDemoCredentials } from './lib/local-secrets';
import { run, waitForHttp } from './lib/run';

const root = path.resolve(import.meta.dirname, '..');
const stateDir = path.join(root, '.konsil');
const port = Number(process.env.PORT ?? 3000);
const appUrl = `http://localhost:${port}`; // not 127.0.0.1: next-auth's cookie host must match (OFFLINE-STACK.md)

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function buildIsStale(): boolean {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return ['app', 'components', 'lib', 'proxy.ts', 'next.config.ts', 'package-lock.json'].some((p) => {
    const full = path.join(root, p);
    if (!existsSync(full)) return false;
    return (statSync(full).isDirectory() ? newestMtime(full) : statSync(full).mtimeMs) > built;
  });
}

async function main() {
  let stopDatabase = async () => {};
  let databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    console.log('Using the database in DATABASE_URL.');
  } else {
    console.log('DATABASE_URL is not set: starting the embedded PostgreSQL in .konsil/pg …');
    const pg = await startEmbeddedPostgres({
      dataDir: path.join(stateDir, 'pg'),
      port: Number(process.env.KONSIL_PG_PORT ?? 54329),
      database: 'konsil',
    });
    databaseUrl = pg.databaseUrl;
    stopDatabase = pg.stop;
  }

  const children: ChildProcess[] = [];
  let stopping = false;
  installShutdownHandlers(async () => {
    stopping = true;
    await Promise.all(
      children
        .filter((child) => child.pid && child.exitCode === null)
        .map((child) => {
          const exited = new Promise((r) => child.once('exit', r));
          child.kill('SIGTERM');
          return exited;
        }),
    );
    await stopDatabase();
  });

  const credentials = localDemoCredentials(stateDir, demoUsers.map((u) => u.key));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: process.env.AUTH_SECRET ?? localAuthSecret(stateDir),
    AUTH_URL: process.env.AUTH_URL ?? appUrl,
    KONSIL_DEMO_MODE: '1',
    KONSIL_DEMO_CREDENTIALS: credentials.file,
    NODE_ENV: 'production' as const,
  };

  console.log('Applying migrations …');
  await run('npx', ['prisma', 'migrate', 'deploy'], { cwd: root, env });
  console.log('Seeding the synthetic demo world …');
  await run('npx', ['tsx', '--conditions=react-server', 'prisma/seed/index.ts'], { cwd: root, env });
  if (buildIsStale()) {
    console.log('Building Konsil (first start, or sources changed; ~1–2 minutes) …');
    await run('npx', ['next', 'build', '--webpack'], { cwd: root, env });
  }

  const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
  // node + next's own bin (no npx wrapper), so the signal reaches the server itself.
  const server = spawn(process.execPath, [nextBin, 'start', '-p', String(port)], { cwd: root, env, stdio: 'inherit' });
  const tsxCli = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const worker = spawn(process.execPath, [tsxCli, '--conditions=react-server', 'scripts/import-worker.ts'], { cwd: root, env, stdio: 'inherit' });
  children.push(server, worker);
  for (const [name, child] of [['next start', server], ['import worker', worker]] as const) {
    child.on('exit', (code) => {
      if (!stopping && code !== null && code !== 0) {
        console.error(`${name} exited with code ${code}`);
        process.kill(process.pid, 'SIGTERM');
      }
    });
  }
  await waitForHttp(`${appUrl}/api/health`, 120_000);

  const rows = demoUsers.map((u) => `  ${u.email.padEnd(26)} ${credentials.passwords[u.key]!.padEnd(14)} ${u.roles.join(', ')}`);
  console.log(
    [
      '',
      `Konsil is running at ${appUrl}  (demo mode: every patient is synthetic)`,
      '',
      'Demo accounts (passwords are random per checkout, kept in .konsil/demo-credentials.json):',
      ...rows,
      '',
      'Press Ctrl-C to stop Konsil and the embedded database.',
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.kill(process.pid, 'SIGTERM');
  setTimeout(() => process.exit(1), 10_000).unref();
});
