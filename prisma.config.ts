import { fileURLToPath } from 'node:url';
import { defineConfig } from 'prisma/config';

// The Prisma CLI would download its native schema engine from a host this
// network cannot reach. scripts/prisma-engine/schema-engine.mjs is a drop-in
// replacement that runs the official WebAssembly engine instead (see its
// README). The CLI spawns whatever this variable names, so setting it here
// makes plain `prisma migrate …`, `prisma db …`, `prisma generate` and
// `prisma validate` work offline. An explicit value from the environment wins.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(
  new URL('./scripts/prisma-engine/schema-engine.mjs', import.meta.url),
);

// Commands that never connect (generate, validate, format, migrate diff from
// files) still need a URL to parse; the local default keeps them working when
// DATABASE_URL is unset.
const url = process.env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/konsil';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: {
    path: 'prisma/migrations',
    seed: 'tsx --conditions=react-server prisma/seed/index.ts',
  },
  datasource: {
    url,
    // Optional: without it the engine creates and drops a throwaway
    // `prisma_migrate_shadow_db_*` database, which needs CREATEDB.
    ...(process.env.SHADOW_DATABASE_URL ? { shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL } : {}),
  },
});
