import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

// Two projects: pure unit tests run in parallel; integration tests talk to the
// real PostgreSQL and share one database per run (see lib/test/global-setup.ts).
export default defineConfig({
  resolve: {
    alias: {
      '@': root,
      // 'server-only' throws outside React Server Components; tests are server code.
      'server-only': `${root}lib/test/stubs/empty.ts`,
    },
  },
  test: {
    // next-auth imports "next/server" without an extension, which only bundlers resolve.
    server: { deps: { inline: ['next-auth'] } },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['**/*.test.ts'],
          exclude: ['**/*.int.test.ts', 'node_modules/**', 'e2e/**', '.konsil/**'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'int',
          include: ['**/*.int.test.ts'],
          exclude: ['node_modules/**', '.konsil/**'],
          environment: 'node',
          globalSetup: ['lib/test/global-setup.ts'],
          setupFiles: ['lib/test/setup-int.ts'],
          hookTimeout: 120_000,
          testTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
