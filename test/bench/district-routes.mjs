// Does a reader's cost follow their own data, or the district's? (issue 15.1). The same build
// serves the demo database and a district database (the demo plus test/bench/district.sql at
// SCALE: other associations' lanes, vehicles, permits, scans, sessions, bookings, shifts) side by
// side; autocannon asks both the same routes as the same demo reader, alternating, and the table
// prints p99 of each and their ratio. Loopback only; bounded (SECONDS per route and database).
//
//   npm run build:server && node test/bench/district-routes.mjs [scale=0.1] [seconds=3] [connections=20]
//
// BENCH_DATABASE_URL=postgres://… (an admin URL) uses that PostgreSQL instead of an embedded one;
// its two databases are dropped at the end either way. BENCH_DIST=<dir> serves another build (a
// copy of an earlier dist/, inside the checkout so it finds node_modules) with its own migrations.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const scale = process.argv[2] ?? '0.1';
const seconds = Number(process.argv[3] ?? 3);
const connections = Number(process.argv[4] ?? 20);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const DEMO_PASSWORD = 'hutong-4143';
const dist = path.resolve(process.env.BENCH_DIST ?? path.join(root, 'dist'));

function freePort() {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function urlOf(adminUrl, database) {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin(adminUrl, sql) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/** The service from dist/ on one database; resolves once /health answers. */
async function startService(databaseUrl) {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(dist, 'src/main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      // The board's per-address throttle would answer 429 to one load generator: each request
      // comes "from" its own address through a trusted loopback proxy hop.
      TRUST_PROXY: '127.0.0.1',
      SEED_DEMO: 'true',
      ACCESS_TOKEN_SECONDS: '3600',
      RETENTION_EVERY_MINUTES: '0',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let exited = false;
  child.on('exit', () => (exited = true));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      if (i > 600 || exited) throw new Error('service did not start');
    }
    await sleep(200);
  }
  return {
    url,
    async stop() {
      if (exited) return;
      const gone = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      await gone;
    },
  };
}

async function login(url, phone) {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone, password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`login ${phone}: ${response.status}`);
  return { authorization: `Bearer ${(await response.json()).accessToken}` };
}

/** The routes of the issue's table and a few more, as the demo reader asks them. */
async function routesFor(url) {
  const council = await login(url, '13800000001');
  const unit = await login(url, '13800000100');
  const me = await (await fetch(`${url}/api/me`, { headers: council })).json();
  const associationId = me.association?.id ?? me.associationId;
  const parks = await (await fetch(`${url}/api/car-parks`, { headers: unit })).json();
  const lanes = await (await fetch(`${url}/api/lanes`, { headers: council })).json();
  const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  return [
    ['public board (anonymous)', `/api/public/associations/${associationId}/board`, {}],
    ['bookings ledger of one car park', `/api/car-parks/${parks[0]?.id}/bookings.csv`, unit],
    ['permits ledger', '/api/permits/export.csv', council],
    ['violations ledger', '/api/violations/export.csv', council],
    ['coverage of one week', `/api/rosters/coverage?from=${day(0)}&to=${day(7)}`, council],
    ['permits, first page', '/api/permits', council],
    ['lane map', `/api/lanes/${lanes[0]?.id}/spaces`, council],
    ['vehicles, first page', '/api/vehicles', council],
  ];
}

// Each request "from" its own address (through the trusted loopback hop), so the anonymous
// board's per-address throttle counts requests of people, not of the load generator.
let sender = 0;
const fromOwnAddress = (request) => {
  sender += 1;
  const address = `10.${(sender >> 16) & 255}.${(sender >> 8) & 255}.${sender & 255}`;
  return { ...request, headers: { ...request.headers, 'x-forwarded-for': address } };
};
const cannon = (url, headers, duration) =>
  autocannon({
    url,
    connections,
    duration,
    headers,
    requests: [{ setupRequest: fromOwnAddress }],
  });

async function main() {
  let stopEmbedded = null;
  let adminUrl = process.env.BENCH_DATABASE_URL;
  if (!adminUrl) {
    const { startEmbeddedPostgres } = await import(
      path.join(dist, 'src/database/embedded-postgres.js')
    );
    const db = await startEmbeddedPostgres({
      dataDir: mkdtempSync(path.join(tmpdir(), 'hutong-bench-pg-')),
      port: 0,
      persistent: false,
    });
    adminUrl = db.url;
    stopEmbedded = db.stop;
  }
  const demoDb = `hutong_bench_demo_${process.pid}`;
  const districtDb = `hutong_bench_district_${process.pid}`;
  const services = [];
  try {
    await admin(adminUrl, `CREATE DATABASE ${demoDb}`);
    const seeded = await startService(urlOf(adminUrl, demoDb));
    await seeded.stop();
    await admin(adminUrl, `CREATE DATABASE ${districtDb} TEMPLATE ${demoDb}`);
    const started = Date.now();
    const district = new pg.Client({ connectionString: urlOf(adminUrl, districtDb) });
    await district.connect();
    await district.query(`SET bench.scale = '${Number(scale)}'`);
    const loaded = await district.query(readFileSync(path.join(here, 'district.sql'), 'utf8'));
    await district.end();
    const counts = [loaded].flat().at(-1).rows[0];
    console.log(`district at scale ${scale} in ${((Date.now() - started) / 1000).toFixed(0)} s:`);
    console.log(`  ${JSON.stringify(counts)}`);

    const demo = await startService(urlOf(adminUrl, demoDb));
    services.push(demo);
    const big = await startService(urlOf(adminUrl, districtDb));
    services.push(big);
    const routes = { demo: await routesFor(demo.url), district: await routesFor(big.url) };

    const rows = [];
    for (let i = 0; i < routes.demo.length; i++) {
      const [name, demoPath, demoHeaders] = routes.demo[i];
      const [, bigPath, bigHeaders] = routes.district[i];
      const probe = await Promise.all([
        fetch(demo.url + demoPath, { headers: demoHeaders }),
        fetch(big.url + bigPath, { headers: bigHeaders }),
      ]);
      if (!probe.every((r) => r.ok)) {
        rows.push([name, `skipped: ${probe.map((r) => r.status).join(' / ')}`]);
        continue;
      }
      await cannon(demo.url + demoPath, demoHeaders, 1);
      await cannon(big.url + bigPath, bigHeaders, 1);
      const a = await cannon(demo.url + demoPath, demoHeaders, seconds);
      const b = await cannon(big.url + bigPath, bigHeaders, seconds);
      rows.push([name, a, b]);
      console.log(`  measured ${name}`);
    }
    console.log(
      `\n${path.relative(root, dist)}: ${connections} connections, ${seconds} s per route and database, ${cpus().length} cores ` +
        `(${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}\n`,
    );
    console.log(
      '| route | demo p50 / p99 (ms) | district p50 / p99 (ms) | p99 × | req/s demo → district |',
    );
    console.log('|---|--:|--:|--:|--:|');
    for (const [name, a, b] of rows) {
      if (!b) {
        console.log(`| ${name} | ${a} | | | |`);
        continue;
      }
      const ratio = b.latency.p99 / Math.max(1, a.latency.p99);
      const errors = a.non2xx + a.errors + b.non2xx + b.errors;
      const codes = [a, b]
        .flatMap((r) => Object.entries(r.statusCodeStats ?? {}))
        .filter(([code]) => !code.startsWith('2'))
        .map(([code, { count }]) => `${count}×${code}`)
        .join(' ');
      console.log(
        `| ${name} | ${a.latency.p50} / ${a.latency.p99} | ${b.latency.p50} / ${b.latency.p99} | ` +
          `${ratio.toFixed(1)} | ${a.requests.average.toFixed(0)} → ${b.requests.average.toFixed(0)}` +
          `${errors ? ` (${errors} errors${codes ? `: ${codes}` : ''})` : ''} |`,
      );
    }
  } finally {
    for (const service of services) await service.stop();
    await admin(adminUrl, `DROP DATABASE IF EXISTS ${districtDb} WITH (FORCE)`).catch(() => {});
    await admin(adminUrl, `DROP DATABASE IF EXISTS ${demoDb} WITH (FORCE)`).catch(() => {});
    if (stopEmbedded) await stopEmbedded();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
