// Push latency of the live space map: from the check-in API response to receipt by every
// subscribed client, at 100, 1,000 and 5,000 clients on one instance, beside a bare Socket.IO
// server broadcasting the same payload in the same run (the ceiling). Also server memory per
// connected client. Loopback only; bounded (each size runs ROUNDS pushes).
//
//   npm run build:server && node test/bench/live-push.mjs [sizes=100,1000,5000] [rounds=20]
//   (issue 15.4: node test/bench/live-push.mjs 10000 10)
//
// The service runs from dist/ in its own process on an embedded PostgreSQL; the clients run in
// a third process (live-push-clients.mjs); the bare server in a fourth.
import { fork, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const sizes = (process.argv[2] ?? '100,1000,5000').split(',').map(Number);
const rounds = Number(process.argv[3] ?? 20);
// Handshakes in flight at once (LIVE_BENCH_BATCH): fewer on a busy machine, where 200 at once
// can outwait the service's database pool.
const batch = Number(process.env.LIVE_BENCH_BATCH ?? 200);
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function rssKb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]);
}

function ask(child, message, reply) {
  return new Promise((resolve) => {
    const on = (m) => {
      if (m.type === reply) {
        child.off('message', on);
        resolve(m);
      }
    };
    child.on('message', on);
    child.send(message);
  });
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { n: sorted.length, p50: at(0.5), p99: at(0.99), max: sorted.at(-1) };
}

const fmt = (s) =>
  `p50 ${s.p50.toFixed(1)} ms  p99 ${s.p99.toFixed(1)} ms  max ${s.max.toFixed(1)} ms`;

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
  // SERVICE_NODE_ARGS profiles the service alone, e.g. '--cpu-prof --cpu-prof-dir=/tmp/prof'.
  const serviceArgs = (process.env.SERVICE_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const server = spawn(process.execPath, [...serviceArgs, path.join(root, 'dist/src/main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'true',
      ACCESS_TOKEN_SECONDS: '3600',
      // Every client is the same warden here: lift the per-member limits meant for people.
      LIVE_SOCKETS_PER_MEMBER: '100000',
      LIVE_SUBSCRIBES_PER_MEMBER_PER_MINUTE: '1000000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
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
  const login = await (
    await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phone: '13800000002', password: 'hutong-4143' }),
    })
  ).json();
  const token = login.accessToken;
  const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const [lane] = await (await fetch(`${url}/api/lanes`, { headers: auth })).json();
  const map = await (await fetch(`${url}/api/lanes/${lane.id}/spaces`, { headers: auth })).json();
  const free = map.spaces.filter((s) => s.state === 'free' && !s.restrictedNow);
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const { rows: cars } = await client.query(
    `SELECT plate FROM vehicle v WHERE NOT EXISTS (SELECT 1 FROM occupancy_session o WHERE o.plate = v.plate AND o.ended_at IS NULL) LIMIT 1`,
  );
  await client.end();
  const plate = cars[0].plate;
  const target = free[0];

  const bare = fork(path.join(here, 'live-push-bare.mjs'), { stdio: 'inherit' });
  const { port: barePort } = await new Promise((resolve) => bare.once('message', resolve));
  const clients = fork(path.join(here, 'live-push-clients.mjs'), { stdio: 'inherit' });

  const payloadSample = { laneId: lane.id, seq: 0, space: target, counts: map.counts };
  console.log(`machine: ${cpus().length} cores (${cpus()[0].model}), node ${process.version}`);
  console.log(`rounds per size: ${rounds}; latency measured per client receipt\n`);
  const results = [];
  for (const size of sizes) {
    const began = Date.now();
    // --- the service ---
    const serviceRssBefore = rssKb(server.pid);
    await ask(
      clients,
      { type: 'connect', url, token, count: size, laneId: lane.id, event: 'space.updated', batch },
      'connected',
    );
    await sleep(500);
    const serviceRssAfter = rssKb(server.pid);
    await ask(clients, { type: 'collect' }, 'received');
    // The service pushes as soon as the check-in commits, which can be before its HTTP response
    // reaches us (then a latency from the response is negative). So also from the request: an
    // upper bound that includes the whole check-in (auth, reads, the transaction).
    const service = [];
    const fromRequest = [];
    const roundTrips = [];
    for (let r = 0; r < rounds; r++) {
      const path_ = `/api/spaces/${target.id}/${r % 2 === 0 ? 'check-in' : 'check-out'}`;
      const requested = now();
      const response = await fetch(`${url}${path_}`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify(r % 2 === 0 ? { plate } : {}),
      });
      const answered = now();
      if (!response.ok) throw new Error(`${path_}: ${response.status} ${await response.text()}`);
      roundTrips.push(answered - requested);
      const got = await waitForAll(clients, size, service, answered);
      for (const [, at] of got) fromRequest.push(at - requested);
    }
    await ask(clients, { type: 'close' }, 'closed');
    // --- the bare ceiling ---
    const bareRssBefore = rssKb(bare.pid);
    await ask(
      clients,
      { type: 'connect', url: `http://127.0.0.1:${barePort}`, count: size, event: 'bench', batch },
      'connected',
    );
    await sleep(500);
    const bareRssAfter = rssKb(bare.pid);
    const ceiling = [];
    for (let r = 0; r < rounds; r++) {
      const { sent } = await ask(
        bare,
        { type: 'emit', payload: { ...payloadSample, seq: r } },
        'emitted',
      );
      await waitForAll(clients, size, ceiling, sent);
    }
    await ask(clients, { type: 'close' }, 'closed');
    const s = stats(service);
    const c = stats(ceiling);
    const row = {
      size,
      service: s,
      serviceFromRequest: stats(fromRequest),
      checkInRoundTrip: stats(roundTrips),
      ratioP99FromRequest: stats(fromRequest).p99 / c.p99,
      ceiling: c,
      ratioP99: s.p99 / c.p99,
      serviceKbPerClient: (serviceRssAfter - serviceRssBefore) / size,
      bareKbPerClient: (bareRssAfter - bareRssBefore) / size,
      seconds: (Date.now() - began) / 1000,
    };
    results.push(row);
    console.log(`${size} clients (${row.seconds.toFixed(0)} s)`);
    console.log(`  service  ${fmt(s)}   ${row.serviceKbPerClient.toFixed(1)} KiB RSS/client`);
    console.log(
      `  (from request  ${fmt(row.serviceFromRequest)};  check-in round trip ${fmt(row.checkInRoundTrip)})`,
    );
    console.log(`  bare     ${fmt(c)}   ${row.bareKbPerClient.toFixed(1)} KiB RSS/client`);
    console.log(
      `  p99 ratio service/bare: ${row.ratioP99.toFixed(2)} (from request ${row.ratioP99FromRequest.toFixed(2)})`,
    );
  }
  console.log('\n' + JSON.stringify(results));
  clients.kill();
  bare.send({ type: 'stop' });
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  await db.stop();
}

/** Collects until every client has the push (or 30 s), as latencies from `since`; returns the receipts. */
async function waitForAll(clients, size, into, since) {
  const deadline = Date.now() + 30_000;
  let got = [];
  while (got.length < size && Date.now() < deadline) {
    await sleep(size > 1000 ? 50 : 10);
    const { received } = await ask(clients, { type: 'collect' }, 'received');
    got = got.concat(received);
  }
  if (got.length < size) console.warn(`  only ${got.length}/${size} clients got the push`);
  for (const [, at] of got) into.push(at - since);
  return got;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
