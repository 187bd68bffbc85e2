#!/usr/bin/env node
// Stand-in for Prisma's native `schema-engine` binary, which the CLI would
// download from a host this network blocks. prisma.config.ts points
// PRISMA_SCHEMA_ENGINE_BINARY here. We speak the binary's protocol and forward
// every call to the official WebAssembly build of the same engine
// (@prisma/schema-engine-wasm), which reaches Postgres through adapter-pg.
// See README.md for the protocol and the reasons behind each detail.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import {
  createMigrationAwareAdapterFactory,
  dropLeftoverShadowDatabases,
  parsePostgresUrl,
} from './adapter-factory.mjs';

// --- stderr: the CLI reads JSON tracing lines ---------------------------------
// `cli …` callers parse every stderr line after the first as JSON, so nothing
// else (Node warnings included) may be printed there.
process.removeAllListeners('warning');
const log = (level, message, extra = {}) =>
  process.stderr.write(
    `${JSON.stringify({ timestamp: new Date().toISOString(), level, fields: { message, ...extra }, target: 'schema_engine::logger' })}\n`,
  );
process.on('warning', (w) => log('WARN', `${w.name}: ${w.message}`));

// --- wasm panics --------------------------------------------------------------
// The wasm panic hook stores the Rust panic message in this global before the
// trap; without it the hook itself throws and the message is lost.
globalThis.PRISMA_WASM_PANIC_REGISTRY = {
  message: '',
  get() {
    return this.message;
  },
  set_message(m) {
    this.message = `RuntimeError: ${m}`;
  },
};
const panicMessage = () => globalThis.PRISMA_WASM_PANIC_REGISTRY.get();
process.on('uncaughtException', (error) => {
  // Exit code 101 is what the native engine uses on panic; the CLI shows the
  // collected ERROR messages as the reason.
  log('ERROR', panicMessage() || error?.stack || String(error), { is_panic: true });
  process.exit(101);
});

// --- arguments ------------------------------------------------------------------
const args = process.argv.slice(2);
const opt = { datamodels: [], datasource: undefined, cli: undefined };
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--version' || a === '-V') opt.version = true;
  else if (a === '--help' || a === '-h') opt.help = true;
  else if (a === '--datamodels') opt.datamodels.push(args[++i]);
  else if (a === '--datasource') opt.datasource = JSON.parse(args[++i]);
  else if (a === '--enabled-preview-features' || a === '--extension-types') i++; // not used by postgres
  else if (a === 'cli') opt.cli = args[++i];
}

// --- the wasm engine --------------------------------------------------------------
// The package's entry does `import * as wasm from "./schema_engine_bg.wasm"`,
// which needs --experimental-wasm-modules on Node 20, so we instantiate the
// bindings by hand (same three steps the entry performs).
async function loadWasm() {
  const bgUrl = import.meta.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const bindings = await import(bgUrl);
  const bytes = await readFile(new URL('./schema_engine_bg.wasm', bgUrl));
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bindings });
  bindings.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return bindings;
}

function configuredDatasource() {
  if (opt.datasource?.url) return opt.datasource;
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL };
  throw new Error('No datasource: set datasource.url in prisma.config.ts or DATABASE_URL');
}

// Why: the wasm engine opens the main database even for a diff between files
// (`migrate diff --from-migrations … --to-schema …`), where the native engine
// only needs a shadow database. Point such a process at the maintenance
// database so the drift check works before the app database exists.
const OFFLINE_DIFF_TAGS = new Set(['empty', 'schemaDatamodel', 'migrations']);
function datasourceFor(firstRequest) {
  const datasource = configuredDatasource();
  const p = firstRequest?.params;
  if (firstRequest?.method !== 'diff' || !OFFLINE_DIFF_TAGS.has(p?.from?.tag) || !OFFLINE_DIFF_TAGS.has(p?.to?.tag)) {
    return datasource;
  }
  const url = new URL(datasource.url);
  url.pathname = '/postgres';
  return { ...datasource, url: url.toString() };
}

let adapterFactory; // its errorRegistry holds JS errors the engine only knows by id
async function newEngine(wasm, firstRequest) {
  // `undefined`, not `[]`: the engine panics on an empty list ("validate_multi_file()
  // must be called with at least one file"). db execute and migrate diff pass none.
  const datamodels = opt.datamodels.length
    ? opt.datamodels.map((path) => [path, readFileSync(path, 'utf8')])
    : undefined;
  const onLog = (line) => {
    // The engine emits tracing events as JSON strings; pass them through as the
    // native binary would print them.
    process.stderr.write(`${typeof line === 'string' ? line : JSON.stringify(line)}\n`);
  };
  adapterFactory = createMigrationAwareAdapterFactory(datasourceFor(firstRequest));
  return wasm.SchemaEngine.new({ datamodels }, onLog, adapterFactory);
}

// --- `cli <command>`: one-shot database commands ------------------------------------
// Success is exit code 0; failure is exit 1 with an ERROR line carrying a
// Prisma error code (P1003 "database does not exist" makes `migrate dev` and
// `migrate deploy` call `create-database`).
async function runCliCommand(command) {
  const pg = (await import('pg')).default;
  const { config } = parsePostgresUrl(configuredDatasource().url);
  const where = `${config.host}:${config.port}`;
  const withClient = async (database, fn) => {
    const client = new pg.Client({ ...config, database });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };
  log('INFO', `Starting schema engine CLI command: ${command}`); // the CLI skips the first line
  try {
    if (command === 'can-connect-to-database') {
      await withClient(config.database, (c) => c.query('SELECT 1'));
    } else if (command === 'create-database') {
      await withClient('postgres', (c) => c.query(`CREATE DATABASE "${config.database.replaceAll('"', '""')}"`));
      log('INFO', `Database '${config.database}' was successfully created.`);
    } else if (command === 'drop-database') {
      await withClient('postgres', (c) =>
        c.query(`DROP DATABASE IF EXISTS "${config.database.replaceAll('"', '""')}" WITH (FORCE)`),
      );
      log('INFO', `The database was successfully dropped.`);
    } else {
      throw Object.assign(new Error(`Unknown cli command: ${command}`), { prismaCode: 'P1000' });
    }
    process.exit(0);
  } catch (error) {
    const code =
      error.prismaCode ??
      { '3D000': 'P1003', '28P01': 'P1000', '28000': 'P1010', '42P04': 'P1009' }[error.code] ??
      (error.code === 'ECONNREFUSED' || error.code === 'ENOTFOUND' ? 'P1001' : 'P1000');
    const message =
      code === 'P1003'
        ? `Database \`${config.database}\` does not exist on the database server at \`${where}\`.`
        : code === 'P1001'
          ? `Can't reach database server at \`${where}\``
          : error.message;
    log('ERROR', message, { error_code: code });
    process.exit(1);
  }
}

// --- JSON-RPC over stdin/stdout -----------------------------------------------------
// Method names the CLI sends that differ from the wasm engine's.
const RENAMED = { getDatabaseVersion: 'version' };

/** Shapes an engine failure the way the CLI's runCommand() decodes it. */
function toRpcError(error) {
  const panic = panicMessage();
  if (panic || error instanceof WebAssembly.RuntimeError) {
    // The CLI shows `message` for panics and the data as the report body.
    const text = panic || String(error);
    return { code: 4466, message: text, data: { is_panic: true, message: text } };
  }
  // User-facing engine errors are Errors named SchemaConnectorError whose
  // `code` is the Prisma error code (P3009, P3018…); the CLI prints it above
  // the message, as it does for the native engine.
  let message = error?.message ?? String(error);
  // Why: a JS exception inside the adapter reaches the engine as an id only
  // ("External error id#3"); the error itself waits in the factory's registry.
  message = message.replace(/External error id#(\d+)/g, (text, id) => {
    const cause = adapterFactory?.errorRegistry.consumeError(Number(id))?.error;
    return cause ? `${cause.message ?? cause}${cause.code ? ` (${cause.code})` : ''}` : text;
  });
  const code = typeof error?.code === 'string' && /^P\d{4}$/.test(error.code) ? error.code : null;
  return {
    code: 4466,
    message: 'An error happened. Check the data field for details.',
    data: { is_panic: false, message, meta: error?.meta ?? null, error_code: code },
  };
}

async function serveRpc() {
  const wasm = await loadWasm();
  let engine; // created lazily so `--version` style probes stay cheap
  const getEngine = (req) => (engine ??= newEngine(wasm, req));
  let shadowNeedsRebind = false;
  // Requests we send to the CLI (only `print`), answered on stdin.
  const awaitingCli = new Map();
  let nextCliId = 1;
  const askCli = (method, params) =>
    new Promise((resolve) => {
      const id = `shim-${nextCliId++}`;
      awaitingCli.set(id, resolve);
      send({ id, method, params });
    });
  const send = (msg) => process.stdout.write(`${JSON.stringify({ jsonrpc: '2.0', ...msg })}\n`);

  // The wasm engine is single-threaded and guards itself against re-entrant
  // calls, so requests run one at a time in arrival order.
  let queue = Promise.resolve();
  const handle = async (req) => {
    const method = RENAMED[req.method] ?? req.method;
    try {
      const e = await getEngine(req);
      if (typeof e[method] !== 'function') {
        send({ id: req.id, error: { code: -32601, message: `Method not found: ${req.method}` } });
        return;
      }
      const params = req.params ?? {};
      // Why: once applyMigrations has applied something, the wasm engine no
      // longer hands its shadow-database factory to evaluateDataLoss /
      // createMigration ("PostgreSQL shadow DB must be provided through an
      // external factory"). A devDiagnostic call on the now up-to-date
      // database restores it; `migrate dev` with pending migrations needs this.
      if (shadowNeedsRebind && (method === 'evaluateDataLoss' || method === 'createMigration')) {
        await e.devDiagnostic({ migrationsList: params.migrationsList, filters: params.filters });
        shadowNeedsRebind = false;
      }
      const result = await e[method](params);
      if (method === 'applyMigrations' && result?.appliedMigrationNames?.length) shadowNeedsRebind = true;
      // Why: the native engine prints `migrate diff` output by sending the CLI
      // a `print` request and the CLI ignores `stdout` in the diff result; the
      // wasm engine only returns it. Ask the CLI to print it, then answer.
      if (method === 'diff' && typeof result?.stdout === 'string' && result.stdout.length > 0) {
        await askCli('print', { content: result.stdout.replace(/\n+$/, '\n') });
      }
      send({ id: req.id, result: result ?? null });
    } catch (error) {
      send({ id: req.id, error: toRpcError(error) });
    }
  };

  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  rl.on('line', (line) => {
    if (!line.trim()) return;
    let req;
    try {
      req = JSON.parse(line);
    } catch {
      send({ id: null, error: { code: -32700, message: 'Parse error' } });
      return;
    }
    if (!req.method) {
      // A response to askCli().
      awaitingCli.get(req.id)?.(req.result);
      awaitingCli.delete(req.id);
      return;
    }
    queue = queue.then(() => handle(req));
  });
  // The CLI stops the engine by closing stdin and waiting for exit.
  rl.on('close', () => {
    queue
      .then(async () => {
        if (engine) (await engine.catch(() => null))?.free();
        await dropLeftoverShadowDatabases();
      })
      .finally(() => process.exit(0));
  });
}

if (opt.version) {
  const wasm = await loadWasm();
  process.stdout.write(`schema-engine-cli ${wasm.version()}\n`);
} else if (opt.help) {
  process.stdout.write('Prisma schema engine (wasm shim). See scripts/prisma-engine/README.md\n');
} else if (opt.cli) {
  await runCliCommand(opt.cli);
} else {
  await serveRpc();
}
