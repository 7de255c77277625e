import { execFileSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// What a data directory says about the PostgreSQL running on it, and how to stop one we did not
// start ourselves: the one an earlier, killed start of the service left behind.

/** The first lines of `postmaster.pid`, as PostgreSQL writes them (see pidfile.h). */
export interface PostmasterPid {
  pid: number;
  port: number;
  /** 'starting', 'ready' or 'stopping' once the postmaster has said so; '' before. */
  status: string;
}

const OWNER_FILE = 'hutong-owner.pid';

export function readPostmasterPid(dataDir: string): PostmasterPid | undefined {
  let text: string;
  try {
    text = readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  return { pid, port: Number(lines[3]), status: (lines[7] ?? '').trim() };
}

export function removePostmasterPid(dataDir: string): void {
  rmSync(path.join(dataDir, 'postmaster.pid'), { force: true });
}

/** Which service process started the PostgreSQL on `dataDir` (written once it is ready). */
export function readOwner(dataDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(path.join(dataDir, OWNER_FILE), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export function writeOwner(dataDir: string): void {
  writeFileSync(path.join(dataDir, OWNER_FILE), `${process.pid}\n`);
}

export function removeOwner(dataDir: string): void {
  rmSync(path.join(dataDir, OWNER_FILE), { force: true });
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

/** Exited but not yet reaped by its parent: as good as gone. */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
}

/**
 * The command line of a running process, or undefined when it cannot be read (then callers
 * assume the pid file tells the truth).
 */
export function commandOf(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    try {
      return execFileSync('ps', ['-o', 'command=', '-p', String(pid)], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
    } catch {
      return undefined;
    }
  }
}

/** A live postmaster of `dataDir`, not a process that happens to have been given its old pid. */
export function isPostmasterOf(pid: number, dataDir: string): boolean {
  if (!isAlive(pid)) return false;
  const command = commandOf(pid);
  return command === undefined || (command.includes('postgres') && command.includes(dataDir));
}

/** A live service process (node), not a process that was given a dead one's pid. */
export function isServiceProcess(pid: number): boolean {
  if (pid === process.pid || !isAlive(pid)) return false;
  const command = commandOf(pid);
  return command === undefined || command.includes('node');
}

export function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone.
  }
}

/**
 * Stops a postmaster and waits until it has exited: SIGINT (fast shutdown: open sessions are
 * ended, data is checkpointed), then SIGQUIT if it does not finish in time. `child` is given when
 * we started it ourselves: its exit must be awaited as an event (until Node reaps it, a dead
 * child still answers `kill(pid, 0)`).
 */
export async function stopPostmaster(pid: number, child?: ChildProcess): Promise<void> {
  const exited = () =>
    child ? child.exitCode !== null || child.signalCode !== null : !isAlive(pid);
  if (exited()) return;
  signal(pid, 'SIGINT');
  if (await waitFor(exited, 20_000)) return;
  signal(pid, 'SIGQUIT');
  if (await waitFor(exited, 5_000)) return;
  signal(pid, 'SIGKILL');
  await waitFor(exited, 5_000);
}

export async function waitFor(done: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return true;
}

/** The last lines of PostgreSQL's own log, for a startup failure message. */
export function tailOf(file: string, lines = 15): string {
  if (!existsSync(file)) return '';
  const text = readFileSync(file, 'utf8').trimEnd().split('\n');
  return text.slice(-lines).join('\n');
}
