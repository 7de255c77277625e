import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findFreePort } from '../../src/database/embedded-postgres';

// nginx from the Debian package, run by a test in front of service processes with the proxy
// configuration that docker/compose.yaml ships (docker/nginx/hutong.conf): only its `listen` and
// upstream `server` lines are replaced. No daemon, everything under one temporary directory.

const SHIPPED = path.join(__dirname, '..', '..', 'docker', 'nginx', 'hutong.conf');

export function nginxBinary(): string | null {
  const candidates = [process.env.NGINX_PATH, '/usr/sbin/nginx', '/usr/bin/nginx'];
  return (
    candidates.find((candidate): candidate is string => !!candidate && existsSync(candidate)) ??
    null
  );
}

export interface Nginx {
  url: string;
  /** The access log so far: one line per request, `<upstream address> <status> <request>`. */
  accessLog(): string[];
  stop(): Promise<void>;
}

/** The shipped server block, listening on `port` and balancing over `upstreams` (host:port). */
export function proxyConfig(port: number, upstreams: string[]): string {
  const shipped = readFileSync(SHIPPED, 'utf8');
  if (!/^\s*server app:3000;$/m.test(shipped) || !/^\s*listen 80;$/m.test(shipped)) {
    throw new Error(`${SHIPPED} no longer has the lines this test replaces`);
  }
  return shipped
    .replace(/^(\s*)server app:3000;$/m, (_line, indent: string) =>
      upstreams.map((upstream) => `${indent}server ${upstream};`).join('\n'),
    )
    .replace(/^(\s*)listen 80;$/m, (_line, indent: string) => `${indent}listen 127.0.0.1:${port};`);
}

export async function startNginx(binary: string, upstreams: string[]): Promise<Nginx> {
  const port = await findFreePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hutong-nginx-'));
  // Run as root (CI), nginx's workers drop to `nobody`: they must reach the temporary paths.
  chmodSync(dir, 0o755);
  for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) {
    mkdirSync(path.join(dir, sub), { mode: 0o777 });
    chmodSync(path.join(dir, sub), 0o777);
  }
  const log = path.join(dir, 'access.log');
  writeFileSync(path.join(dir, 'hutong.conf'), proxyConfig(port, upstreams));
  writeFileSync(
    path.join(dir, 'nginx.conf'),
    [
      'daemon off;',
      // One worker: round-robin is then strictly alternating, which the test relies on.
      'worker_processes 1;',
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/error.log warn;`,
      'events { worker_connections 512; }',
      'http {',
      `  client_body_temp_path ${dir}/body;`,
      `  proxy_temp_path ${dir}/proxy;`,
      `  fastcgi_temp_path ${dir}/fastcgi;`,
      `  uwsgi_temp_path ${dir}/uwsgi;`,
      `  scgi_temp_path ${dir}/scgi;`,
      '  log_format upstreams \'$upstream_addr $status "$request"\';',
      `  access_log ${log} upstreams;`,
      `  include ${dir}/hutong.conf;`,
      '}',
      '',
    ].join('\n'),
  );
  // Check the configuration first, for a readable failure.
  execFileSync(
    binary,
    ['-t', '-q', '-p', dir, '-e', `${dir}/error.log`, '-c', `${dir}/nginx.conf`],
    {
      stdio: 'pipe',
    },
  );
  let output = '';
  const child: ChildProcess = spawn(
    binary,
    ['-p', dir, '-e', `${dir}/error.log`, '-c', `${dir}/nginx.conf`],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`nginx exited: ${output}${readIfThere(path.join(dir, 'error.log'))}`);
    }
    const up = await fetch(`${url}/health`).then(
      () => true,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) throw new Error(`nginx did not answer: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    accessLog: () => readIfThere(log).split('\n').filter(Boolean),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        // QUIT: finish open requests and write their log lines; TERM would cut them off.
        child.kill('SIGQUIT');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function readIfThere(file: string): string {
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}
