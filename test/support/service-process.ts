import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { findFreePort } from '../../src/database/embedded-postgres';

// The service as it runs in production: `node dist/src/main.js` in a process of its own, so a
// test can kill it (SIGKILL, like the OOM killer), interrupt it like a terminal's Ctrl-C, or
// notice that it died.

const ROOT = path.join(__dirname, '..', '..');

/** Builds dist/ if its sources changed (fast when they did not). */
export function buildOnce(): void {
  execFileSync(process.execPath, ['src/build.mjs'], { cwd: ROOT, stdio: 'ignore' });
}

export interface ServiceProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  exited(): boolean;
  /** Resolves with the exit code (or signal) once it has exited. */
  exit: Promise<number | string>;
  waitHealthy(timeoutMs?: number): Promise<void>;
  /** A signal to the whole process group: what a terminal's Ctrl-C does. */
  interrupt(signal?: NodeJS.Signals): void;
}

export async function startService(env: Record<string, string>): Promise<ServiceProcess> {
  const port = Number(env.PORT) || (await findFreePort());
  let output = '';
  const child = spawn(process.execPath, ['dist/src/main.js'], {
    cwd: ROOT,
    // A process group of its own, as a shell gives a foreground job.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      SHARING_REMINDER_INTERVAL_SECONDS: '0',
      LOGIN_ATTEMPTS_PER_MINUTE: '1000',
      ...env,
      PORT: String(port),
    },
  });
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  const url = `http://127.0.0.1:${port}`;
  const service: ServiceProcess = {
    url,
    port,
    child,
    output: () => output,
    exited: () => child.exitCode !== null || child.signalCode !== null,
    exit,
    async waitHealthy(timeoutMs = 120_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if (service.exited()) {
          throw new Error(`the service exited before it was healthy:\n${output}`);
        }
        const ok = await fetch(`${url}/health`).then(
          (r) => r.ok,
          () => false,
        );
        if (ok) return;
        if (Date.now() > deadline) throw new Error(`not healthy in time:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    interrupt(signal = 'SIGINT') {
      if (child.pid && !service.exited()) process.kill(-child.pid, signal);
    },
  };
  return service;
}

/** Stops a service that is still running (SIGTERM to its group) and waits for it. */
export async function stopService(service: ServiceProcess | undefined): Promise<void> {
  if (!service || service.exited()) return;
  service.interrupt('SIGTERM');
  const timer = setTimeout(() => service.interrupt('SIGKILL'), 15_000);
  await service.exit;
  clearTimeout(timer);
}

/** Log lines at error level or above (JSON), or lines naming an ERROR (readable). */
export function errorLines(output: string): string[] {
  return output
    .split('\n')
    .filter((line) => /"level":(50|60)/.test(line) || /\bERROR\b/.test(line));
}
