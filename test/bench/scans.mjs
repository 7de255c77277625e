// Throughput and p99 latency of POST /api/scans (a warden's QR scan: ES256 verify, permit
// lookup, one recorded row) under autocannon at 100 connections, beside a bare node:http server
// doing the same ES256 verify and one-row INSERT with pg in the same run (the ceiling).
// Loopback only; bounded (DURATION seconds per target after a short warm-up).
//
//   npm run build:server && node test/bench/scans.mjs [connections=100] [seconds=10]
//
// SCANS_CPU_PROF=<dir> starts the service with --cpu-prof into <dir> (a .cpuprofile written
// when it stops) to see where a request's time goes. SCANS_LOG_LEVEL overrides the service's
// LOG_LEVEL (warn: no per-request line; info, the default in production: one line per request).
import { fork, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const connections = Number(process.argv[2] ?? 100);
const seconds = Number(process.argv[3] ?? 10);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function run(url, headers, token, label, duration) {
  let n = 0;
  return autocannon({
    url,
    method: 'POST',
    connections,
    duration,
    headers: { 'content-type': 'application/json', ...headers },
    requests: [
      {
        setupRequest: (req) => ({
          ...req,
          body: JSON.stringify({ token, idempotencyKey: `${label}-${process.pid}-${n++}` }),
        }),
      },
    ],
  });
}

const fmt = (r) =>
  `${r.requests.average.toFixed(0).padStart(6)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms   non-2xx ${r.non2xx}   errors ${r.errors}`;

function freePort() {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function main() {
  const { startEmbeddedPostgres } = await import(
    path.join(root, 'dist/src/database/embedded-postgres.js')
  );
  const db = await startEmbeddedPostgres({
    dataDir: mkdtempSync(path.join(tmpdir(), 'hutong-bench-pg-')),
    port: 0,
    persistent: false,
  });
  const port = await freePort();
  const profileDir = process.env.SCANS_CPU_PROF;
  const nodeArgs = profileDir ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(profileDir)] : [];
  const server = spawn(process.execPath, [...nodeArgs, path.join(root, 'dist/src/main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: process.env.SCANS_LOG_LEVEL ?? 'warn',
      SEED_DEMO: 'true',
      ACCESS_TOKEN_SECONDS: '3600',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let exited = false;
  server.on('exit', () => (exited = true));
  let bare;
  try {
    const url = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${url}/health`)).ok) break;
      } catch {
        if (i > 300 || exited) throw new Error('service did not start');
      }
      await sleep(200);
    }
    const login = async (phone) =>
      (
        await (
          await fetch(`${url}/api/auth/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ phone, password: 'hutong-4143' }),
          })
        ).json()
      ).accessToken;
    const warden = { authorization: `Bearer ${await login('13800000002')}` };
    const permits = await (
      await fetch(`${url}/api/permits?status=active&kind=resident`, { headers: warden })
    ).json();
    const permit = permits.items[0];
    await fetch(`${url}/api/permits/${permit.id}/qr.svg`, { headers: warden });
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query(`SELECT token FROM permit WHERE id = $1`, [permit.id]);
    await client.end();
    const token = rows[0].token;
    const jwks = await (await fetch(`${url}/.well-known/jwks.json`)).text();

    bare = fork(path.join(here, 'scans-bare.mjs'), [db.url, jwks], { stdio: 'inherit' });
    const barePort = await new Promise((resolve) =>
      bare.on('message', (m) => m.type === 'listening' && resolve(m.port)),
    );
    const bareUrl = `http://127.0.0.1:${barePort}/`;

    const check = await (
      await fetch(`${url}/api/scans`, {
        method: 'POST',
        headers: { ...warden, 'content-type': 'application/json' },
        body: JSON.stringify({ token, idempotencyKey: 'bench-check-0001' }),
      })
    ).json();
    if (check.verdict !== 'valid') throw new Error(`unexpected verdict ${JSON.stringify(check)}`);

    await run(`${url}/api/scans`, warden, token, 'warm-app', 2);
    await run(bareUrl, {}, token, 'warm-bare', 2);
    const app = await run(`${url}/api/scans`, warden, token, 'app', seconds);
    const ceiling = await run(bareUrl, {}, token, 'bare', seconds);

    console.log(
      `\nPOST /api/scans, ${connections} connections, ${seconds} s each, ${cpus().length} cores, node ${process.version}`,
    );
    console.log(`  service (Nest + Fastify + TypeORM)  ${fmt(app)}`);
    console.log(`  bare node:http + pg (ceiling)       ${fmt(ceiling)}`);
    console.log(
      `  service / ceiling throughput        ${(app.requests.average / ceiling.requests.average).toFixed(2)}\n`,
    );
  } finally {
    bare?.send({ type: 'stop' });
    server.kill('SIGTERM');
    await sleep(1500);
    await db.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
