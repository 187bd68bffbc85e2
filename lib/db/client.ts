import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient, type Prisma } from '@/lib/generated/prisma/client';

// One Prisma client per process. In `next dev` modules are re-evaluated on every
// edit, so the client is parked on globalThis to avoid leaking pools.
const globalForPrisma = globalThis as unknown as { konsilPrisma?: PrismaClient };

function createPrismaClient(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error('DATABASE_URL is not set (see README.md, "Configuration").');
  const adapter = new PrismaPg({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  return new PrismaClient({ adapter });
}

/** The process-wide client. Read lazily so tests can set DATABASE_URL first. */
export function db(): PrismaClient {
  globalForPrisma.konsilPrisma ??= createPrismaClient();
  return globalForPrisma.konsilPrisma;
}

export type Db = PrismaClient;
/** The client inside `db().$transaction(async (tx) => …)`. */
export type Tx = Prisma.TransactionClient;
