// Builds the migration-aware driver adapter that the WebAssembly schema engine
// (@prisma/schema-engine-wasm) uses to reach PostgreSQL. The stock
// `new PrismaPg(...)` factory has a few defects when driven by the schema
// engine; each fix below names the defect it works around (see README.md and
// /work/shared/OFFLINE-STACK.md, "Prisma 7 offline").
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
} from '@prisma/driver-adapter-utils';

const PG_CHAR_OID = 18; // Postgres' internal one-byte "char" (pg_constraint.contype, pg_class.relkind, …)
const PG_TEXT_OID = 25;

const quoteIdent = (name) => `"${name.replaceAll('"', '""')}"`;

/**
 * Splits a postgres:// URL into discrete pg options.
 * Why: pg lets `connectionString` override `database`, so spreading a config
 * that holds a connectionString into `{ ...config, database: shadow }` (what
 * PrismaPg#connectToShadowDb does) silently points the "shadow" pool at the
 * real database. Discrete fields avoid that.
 */
export function parsePostgresUrl(url) {
  const u = new URL(url);
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') {
    throw new Error(`Only postgres:// URLs are supported, got ${u.protocol}`);
  }
  const q = u.searchParams;
  const sslmode = q.get('sslmode');
  const config = {
    // `?host=/var/run/postgresql` selects a Unix socket, as in libpq.
    host: q.get('host') || decodeURIComponent(u.hostname) || 'localhost',
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username) || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database: decodeURIComponent(u.pathname.replace(/^\//, '')) || undefined,
    ssl:
      !sslmode || sslmode === 'disable' || sslmode === 'prefer'
        ? false
        : { rejectUnauthorized: sslmode === 'verify-full' || sslmode === 'verify-ca' },
    // One session, like the native engine: it takes a session-level
    // pg_advisory_lock and never unlocks (closing the connection does), so a
    // second pooled connection would wait on the first one's lock.
    max: 1,
    // Fail instead of hanging if that one connection is ever busy.
    connectionTimeoutMillis: 30_000,
  };
  const schema = q.get('schema') || undefined;
  // Prisma's `?schema=` means "work in this schema", as search_path does for
  // the unqualified names in migration scripts.
  if (schema) config.options = `-c search_path=${quoteIdent(schema)}`;
  return { config, schema };
}

/**
 * Repairs one Queryable (adapter or transaction) in place.
 * Why: adapter-pg throws "Unsupported column type char" on oid 18, which the
 * engine's catalog queries select (and on PG 18 the engine then panics on
 * NOT NULL constraint rows). We relabel it as text for adapter-pg's type
 * switch, then report the column as Character, the engine's type for a
 * one-letter code. The rows array is the same object before and after
 * queryRaw, so a WeakMap links the two steps without shared state.
 */
function repairQueryable(queryable) {
  const charColumns = new WeakMap();
  const performIO = queryable.performIO.bind(queryable);
  queryable.performIO = async (query) => {
    const results = await performIO(query);
    // `prisma db execute` sends the user's whole script through queryRaw /
    // executeRaw; for several statements pg returns one result per statement
    // and adapter-pg then crashes reading `fields`. Report the last one, as
    // psql does.
    const result = Array.isArray(results) ? results.at(-1) : results;
    const indexes = [];
    result.fields.forEach((field, i) => {
      if (field.dataTypeID === PG_CHAR_OID) {
        field.dataTypeID = PG_TEXT_OID;
        indexes.push(i);
      }
    });
    if (indexes.length > 0) charColumns.set(result.rows, indexes);
    return result;
  };
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const i of charColumns.get(result.rows) ?? []) {
      result.columnTypes[i] = ColumnTypeEnum.Character;
    }
    return result;
  };
  return queryable;
}

function repairAdapter(adapter) {
  repairQueryable(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (...args) => repairQueryable(await startTransaction(...args));
  // Why: adapter-pg's executeScript splits on ';', which cuts `$$` function
  // bodies apart and runs the pieces as separate statements, so a failing
  // migration stays half applied. One simple-protocol query carries the whole
  // script, and Postgres runs it as a single implicit transaction (as the
  // native Rust engine does).
  adapter.executeScript = async (script) => {
    try {
      await adapter.client.query(script);
    } catch (error) {
      adapter.onError(error);
    }
  };
  return adapter;
}

/** Opens a short-lived admin connection for CREATE/DROP DATABASE. */
async function adminClient(config) {
  // The configured database may not exist yet (e.g. `migrate diff` before the
  // first deploy): fall back to the maintenance database.
  for (const database of [config.database, 'postgres']) {
    const client = new pg.Client({ ...config, database });
    try {
      await client.connect();
      return client;
    } catch (error) {
      await client.end().catch(() => {});
      if (error.code !== '3D000' || database === 'postgres') throw error;
    }
  }
}

/** Databases created for this process and not yet dropped. */
const liveShadowDatabases = new Map();

/**
 * Why: the stock shadow cleanup runs `DROP DATABASE` while its own pool is
 * still connected, so the drop fails and every `migrate dev` leaks a
 * `prisma_migrate_shadow_db_*` database. We end the pool first and drop with
 * FORCE (PG 13+) in case the engine left a session behind.
 */
async function createThrowawayShadow(mainConfig, schema) {
  const database = `prisma_migrate_shadow_db_${randomUUID()}`;
  const admin = await adminClient(mainConfig);
  try {
    await admin.query(`CREATE DATABASE ${quoteIdent(database)}`);
  } finally {
    await admin.end();
  }
  const shadow = repairAdapter(await new PrismaPg({ ...mainConfig, database }, { schema }).connect());
  const endPool = shadow.dispose.bind(shadow);
  shadow.dispose = async () => {
    if (!liveShadowDatabases.delete(database)) return; // already dropped
    await endPool();
    const a = await adminClient(mainConfig);
    try {
      await a.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`);
    } finally {
      await a.end();
    }
  };
  liveShadowDatabases.set(database, shadow.dispose);
  return shadow;
}

/**
 * Why: with an explicit shadowDatabaseUrl the native engine empties that
 * database before replaying the migrations; the wasm engine does not, so a
 * second `migrate dev` fails with "type … already exists". Empty its schema
 * first, and refuse the one configuration where that would destroy real data.
 */
async function connectConfiguredShadow(main, shadow) {
  const same = ['host', 'port', 'database'].every((k) => main.config[k] === shadow.config[k]);
  if (same) throw new Error('shadowDatabaseUrl points at the main database; it must be a separate, disposable database');
  const schema = quoteIdent(shadow.schema ?? 'public');
  const adapter = repairAdapter(await new PrismaPg(shadow.config, { schema: shadow.schema }).connect());
  await adapter.executeScript(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema};`);
  return adapter;
}

/** Drops shadow databases the engine did not dispose (crash, early exit). */
export async function dropLeftoverShadowDatabases() {
  await Promise.allSettled([...liveShadowDatabases.values()].map((drop) => drop()));
}

/**
 * @param {{ url: string, shadowDatabaseUrl?: string }} datasource as in prisma.config.ts
 * @returns the factory to pass as the 3rd argument of `SchemaEngine.new`.
 */
export function createMigrationAwareAdapterFactory({ url, shadowDatabaseUrl }) {
  const main = parsePostgresUrl(url);
  const mainFactory = new PrismaPg(main.config, { schema: main.schema });
  return bindMigrationAwareSqlAdapterFactory({
    provider: mainFactory.provider,
    adapterName: mainFactory.adapterName,
    connect: async () => repairAdapter(await mainFactory.connect()),
    connectToShadowDb: async () => {
      if (!shadowDatabaseUrl) return createThrowawayShadow(main.config, main.schema);
      return connectConfiguredShadow(main, parsePostgresUrl(shadowDatabaseUrl));
    },
  });
}
