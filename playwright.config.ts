import { defineConfig } from '@playwright/test';
import { BASE_URL } from './e2e/fixtures/env';

// Debian's Chromium (apt), never a downloaded browser. Flags from OFFLINE-STACK.md:
// the background-networking ones stop Chromium from calling hosts this network blocks.
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // One worker: the box has 2 cores, shared by Chromium, Next and PostgreSQL.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : [['list']],
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
  },
  webServer: {
    command: 'npx tsx e2e/support/start-stack.ts',
    url: `${BASE_URL}/api/health`,
    // Migrations, the demo world's import (~20–60 s on 2 cores) and next start.
    timeout: 300_000,
    reuseExistingServer: false,
    // SIGTERM lets e2e/support/start-stack.ts stop Next and the OIDC provider itself.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
