import 'server-only';
import { createHash } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import { Prisma, PrismaClient } from '@/lib/generated/prisma/client';

// One Prisma client per process. In `next dev` modules are re-evaluated on every
// edit, so the client is parked on globalThis to avoid leaking pools.
const globalForPrisma = globalThis as unknown as { konsilPrisma?: PrismaClient };

const PREPARED_MARK = '/* konsil:prepared */';

/**
 * Put first in a raw statement (`tx.$queryRaw\`${PREPARED} SELECT …\``) to send it as a named
 * prepared statement: PostgreSQL parses it once per connection and, after a few runs, reuses a
 * generic plan instead of planning it on every call. For hot statements whose planning costs
 * more than their execution (the one-statement reads and writes of a model run spend ~2 ms
 * planning and < 1 ms executing). Opt-in, because a prepared statement lives as long as its
 * connection (one per distinct SQL text and connection) and a generic plan suits statements
 * whose parameters do not change which plan is best.
 */
export const PREPARED = Prisma.raw(PREPARED_MARK);

// Names by statement text, so a hot statement is hashed once per process, not on every call
// (sha1 of a 2–3 kB statement took ~20 µs, more than PostgreSQL spends on some of them). The
// texts are the templates in lib/db (a handful; a scope predicate or a run's number of model
// versions makes another), so the map stays small.
const statementNames = new Map<string, string>();

function statementName(query: { sql: string }): string {
  // Named by its text: a different text (another scope predicate) is another statement.
  // Unmarked statements get '' (the unnamed statement): pg sends them as it always did.
  if (!query.sql.trimStart().startsWith(PREPARED_MARK)) return '';
  let name = statementNames.get(query.sql);
  if (name === undefined) {
    name = `konsil_${createHash('sha1').update(query.sql).digest('hex').slice(0, 24)}`;
    statementNames.set(query.sql, name);
  }
  return name;
}

function createPrismaClient(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error('DATABASE_URL is not set (see README.md, "Configuration").');
  const adapter = new PrismaPg({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) }, { statementNameGenerator: statementName });
  // Under load (bench:decisions: 50 users on 2 cores) a transaction may wait longer than Prisma's
  // 2 s default for one of the pool's connections; failing a chair's signature then is worse than
  // answering it a few seconds late. The wait and the run time stay bounded.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000, timeout: 15_000 } });
}

/** The process-wide client. Read lazily so tests can set DATABASE_URL first. */
export function db(): PrismaClient {
  globalForPrisma.konsilPrisma ??= createPrismaClient();
  return globalForPrisma.konsilPrisma;
}

export type Db = PrismaClient;
/** The client inside `db().$transaction(async (tx) => …)`. */
export type Tx = Prisma.TransactionClient;
