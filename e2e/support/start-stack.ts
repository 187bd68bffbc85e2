// Playwright's webServer: a fresh database, the local OIDC provider, and the
// production build of Konsil on http://localhost:3100. Runs until Playwright
// stops it. `npm run build` must have run first (scripts/test-all.sh does).
import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_TEST_USERS, startOidcTestProvider } from '../../scripts/oidc-test-provider';
import { run } from '../../scripts/lib/run';
import { recreateDatabase } from '../../scripts/lib/recreate-database';
import { startSmtpSink } from '../../scripts/smtp-sink';
import { BASE_URL, E2E_AUTH_SECRET, E2E_DATABASE_URL, E2E_PORT, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_ISSUER, OIDC_PORT, SMTP_SINK_HTTP_PORT, SMTP_SINK_PORT } from '../fixtures/env';

const root = path.resolve(import.meta.dirname, '../..');

async function main() {
  await recreateDatabase(E2E_DATABASE_URL);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: E2E_DATABASE_URL,
    AUTH_SECRET: E2E_AUTH_SECRET,
    AUTH_URL: BASE_URL,
    OIDC_ISSUER,
    OIDC_CLIENT_ID,
    OIDC_CLIENT_SECRET,
    OIDC_DISPLAY_NAME: 'Test Hospital SSO',
    KONSIL_DEMO_MODE: '0',
    // The specs play the hospital's reverse proxy: they set X-Forwarded-For to choose a client address.
    TRUSTED_PROXY_HOPS: '1',
    // Uploaded and imported files of this run only.
    KONSIL_STORAGE_DIR: await mkdtemp(path.join(tmpdir(), 'konsil-e2e-storage-')),
    // Notification e-mails go to the local SMTP sink started below (specs read it over HTTP).
    SMTP_URL: `smtp://127.0.0.1:${SMTP_SINK_PORT}`,
    SMTP_FROM: 'Konsil E2E <konsil@e2e.invalid>',
  };
  await run('npx', ['prisma', 'migrate', 'deploy'], { cwd: root, env });
  // Case-screen journeys need patients with history, reports, labs and CT (e2e/support/seed-demo-world.ts).
  await run('npx', ['tsx', '--conditions=react-server', 'e2e/support/seed-demo-world.ts'], { cwd: root, env });

  const idp = await startOidcTestProvider({
    port: OIDC_PORT,
    clientId: OIDC_CLIENT_ID,
    clientSecret: OIDC_CLIENT_SECRET,
    redirectUris: [`${BASE_URL}/api/auth/callback/oidc`],
    users: DEFAULT_TEST_USERS,
  });

  const sink = await startSmtpSink({ smtpPort: SMTP_SINK_PORT, httpPort: SMTP_SINK_HTTP_PORT });

  const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
  // Same process group as this script: Playwright's shutdown signal reaches Next directly too.
  const web = spawn(process.execPath, [nextBin, 'start', '-p', String(E2E_PORT)], { cwd: root, env, stdio: 'inherit' });
  // The import worker, as in production: uploads are imported by it, not by the web server.
  const tsxCli = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const worker = spawn(process.execPath, [tsxCli, '--conditions=react-server', 'scripts/import-worker.ts'], { cwd: root, env, stdio: 'inherit' });
  worker.on('exit', (code) => {
    if (code) console.error(`import worker exited (${code})`);
  });
  const stop = async () => {
    worker.kill('SIGTERM');
    web.kill('SIGTERM');
    await idp.stop();
    await sink.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
  web.on('exit', (code) => {
    console.error(`next start exited (${code})`);
    void idp.stop().then(() => process.exit(code ?? 1));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
