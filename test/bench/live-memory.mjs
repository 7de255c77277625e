// Memory per connected live client: the service's /live namespace beside a bare Socket.IO server
// in the same run. Each server process runs with --expose-gc and answers a probe
// (memory-probe.cjs) after forced collections: heap used and RSS, before and after N clients
// connect (and, for the service, subscribe to the demo lane as wardens), so the difference
// divided by N is what one connected client costs.
//
//   npm run build:server && node test/bench/live-memory.mjs [clients=2000]
//
// The service runs from dist/ (node dist/src/main.js) on an embedded PostgreSQL with the
// PostgreSQL adapter, as in production; the clients run in a process of their own
// (live-push-clients.mjs).
import { fork, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const count = Number(process.argv[2] ?? 2000);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const probeArgs = ['--expose-gc', '--require', path.join(here, 'memory-probe.cjs')];

function ask(child, message, reply) {
  return new Promise((resolve) => {
    const on = (m) => {
      if (m && m.type === reply) {
        child.off('message', on);
        resolve(m);
      }
    };
    child.on('message', on);
    child.send(message);
  });
}

const memory = (child) => ask(child, { type: 'memory' }, 'memory');

/** Connects `count` clients through `clients`, measuring `server` before and after. */
async function perClient(server, clients, connect) {
  // Warm up first: whatever is created lazily on the first connections is not a per-client cost.
  await ask(clients, { ...connect, count: 100 }, 'connected');
  await ask(clients, { type: 'close' }, 'closed');
  await sleep(1000);
  const before = await memory(server);
  if (process.env.HEAP_SNAPSHOT && connect.token) {
    const file = process.env.HEAP_SNAPSHOT.replace(/(\.heapsnapshot)?$/, '-before.heapsnapshot');
    await ask(server, { type: 'snapshot', file }, 'snapshot');
  }
  await ask(clients, { ...connect, count }, 'connected');
  await sleep(1000);
  const after = await memory(server);
  // HEAP_SNAPSHOT=file.heapsnapshot: the service before (file-before.heapsnapshot) and with its
  // clients connected (file), to compare in DevTools.
  if (process.env.HEAP_SNAPSHOT && connect.token) {
    const { file } = await ask(
      server,
      { type: 'snapshot', file: process.env.HEAP_SNAPSHOT },
      'snapshot',
    );
    console.log(`heap snapshot: ${file}`);
  }
  await ask(clients, { type: 'close' }, 'closed');
  await sleep(1500);
  const released = await memory(server);
  const kib = (a, b, key) => (b[key] - a[key]) / 1024 / count;
  return {
    heapKiB: kib(before, after, 'heapUsed'),
    rssKiB: kib(before, after, 'rss'),
    externalKiB: kib(before, after, 'external'),
    heapLeftAfterCloseKiB: kib(before, released, 'heapUsed'),
  };
}

async function main() {
  const port = 39000 + Math.floor(Math.random() * 1000);
  const { startEmbeddedPostgres } = await import(
    path.join(root, 'dist/src/database/embedded-postgres.js')
  );
  const db = await startEmbeddedPostgres({
    dataDir: mkdtempSync(path.join(tmpdir(), 'hutong-bench-pg-')),
    port: 0,
    persistent: false,
  });
  const server = spawn(process.execPath, [...probeArgs, path.join(root, 'dist/src/main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'true',
      ACCESS_TOKEN_SECONDS: '3600',
      LIVE_SOCKETS_PER_MEMBER: '100000',
      LIVE_SUBSCRIBES_PER_MEMBER_PER_MINUTE: '1000000',
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      if (i > 300) throw new Error('service did not start');
    }
    await sleep(200);
  }
  const { accessToken: token } = await (
    await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phone: '13800000002', password: 'hutong-4143' }),
    })
  ).json();
  const [lane] = await (
    await fetch(`${url}/api/lanes`, { headers: { authorization: `Bearer ${token}` } })
  ).json();

  const bare = fork(path.join(here, 'live-push-bare.mjs'), {
    stdio: 'inherit',
    execArgv: probeArgs,
  });
  const { port: barePort } = await new Promise((resolve) => bare.once('message', resolve));
  const clients = fork(path.join(here, 'live-push-clients.mjs'), { stdio: 'inherit' });

  console.log(
    `machine: ${cpus().length} cores (${cpus()[0].model}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}`,
  );
  console.log(`${count} clients per server; memory after forced GC\n`);
  const service = await perClient(server, clients, {
    type: 'connect',
    batch: 50,
    url,
    token,
    laneId: lane.id,
    event: 'space.updated',
  });
  const ceiling = await perClient(bare, clients, {
    type: 'connect',
    batch: 50,
    url: `http://127.0.0.1:${barePort}`,
    event: 'bench',
  });
  const line = (name, r) =>
    `${name.padEnd(8)} heap ${r.heapKiB.toFixed(1)} KiB/client  RSS ${r.rssKiB.toFixed(1)} KiB/client  external ${r.externalKiB.toFixed(1)} KiB/client  (heap left after close ${r.heapLeftAfterCloseKiB.toFixed(1)})`;
  console.log(line('service', service));
  console.log(line('bare', ceiling));
  console.log(
    `ratio service/bare: heap ${(service.heapKiB / ceiling.heapKiB).toFixed(2)}  RSS ${(service.rssKiB / ceiling.rssKiB).toFixed(2)}`,
  );
  console.log('\n' + JSON.stringify({ count, service, bare: ceiling }));
  clients.kill();
  bare.send({ type: 'stop' });
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  await db.stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
