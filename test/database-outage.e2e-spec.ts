import { Client } from 'pg';
import { io, type Socket } from 'socket.io-client';
import {
  buildOnce,
  errorLines,
  type ServiceProcess,
  startService,
  stopService,
} from './support/service-process';
import { TcpProxy } from './support/tcp-proxy';
import { createTestDatabase, type TestDatabase } from './support/test-database';
import { DEMO } from './support/test-app';

// Issue 11.4: an unhandled 'error' on a pg client killed the process when PostgreSQL restarted or
// a connection was cut; with two instances, one pg_terminate_backend took both down. Here the
// services run as they do in production (`node dist/src/main.js`), so a crash is a dead process.

interface Outcome {
  address: string;
  status: number;
  id?: string;
  reason?: string;
  at: number;
}

describe('the database going away', () => {
  let database: TestDatabase;
  let sql: Client;
  const services: ServiceProcess[] = [];
  const sockets: Socket[] = [];
  let a: ServiceProcess;
  let b: ServiceProcess;
  let laneId: string;
  const spaces: string[] = [];
  const plates: string[] = [];

  beforeAll(async () => {
    buildOnce();
    database = await createTestDatabase();
    sql = new Client({ connectionString: database.url });
    await sql.connect();
    laneId = (await sql.query<{ id: string }>(`SELECT id FROM lane LIMIT 1`)).rows[0]!.id;
    const free = await sql.query<{ id: string }>(
      `SELECT s.id FROM space s WHERE NOT EXISTS (
         SELECT 1 FROM occupancy_session o WHERE o.space_id = s.id AND o.ended_at IS NULL)
       ORDER BY s.code LIMIT 4`,
    );
    spaces.push(...free.rows.map((r) => r.id));
    const idle = await sql.query<{ plate: string }>(
      `SELECT plate FROM vehicle v WHERE NOT EXISTS (
         SELECT 1 FROM occupancy_session o WHERE o.plate = v.plate AND o.ended_at IS NULL)
       ORDER BY plate LIMIT 4`,
    );
    plates.push(...idle.rows.map((r) => r.plate));
    [a, b] = await Promise.all([
      startService({ DATABASE_URL: database.url, SEED_DEMO: 'false' }),
      startService({ DATABASE_URL: database.url, SEED_DEMO: 'false' }),
    ]);
    services.push(a, b);
    await Promise.all(services.map((s) => s.waitHealthy()));
  }, 300_000);

  afterAll(async () => {
    sockets.forEach((socket) => socket.disconnect());
    for (const service of services) await stopService(service);
    await sql?.end();
    await database?.drop();
  });

  const login = async (service: ServiceProcess, phone: string) => {
    const response = await fetch(`${service.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phone, password: DEMO.password }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { accessToken: string }).accessToken;
  };

  const post = async (service: ServiceProcess, token: string, route: string, body: object) => {
    const response = await fetch(`${service.url}${route}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'accept-language': 'en',
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as Record<string, any> };
  };

  /** Every backend of the test database, the services' and anyone else's: pg_terminate_backend. */
  const cutEveryConnection = async () => {
    const { rows } = await sql.query<{ cut: boolean }>(
      `SELECT pg_terminate_backend(pid) AS cut FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    return rows.filter((r) => r.cut).length;
  };

  /** Councils registering households from several phones at once, for `ms` milliseconds. */
  const load = async (targets: ServiceProcess[], token: string, label: string, ms: number) => {
    const outcomes: Outcome[] = [];
    const until = Date.now() + ms;
    await Promise.all(
      Array.from({ length: 6 }, async (_, worker) => {
        for (let n = 0; Date.now() < until; n += 1) {
          const service = targets[(worker + n) % targets.length]!;
          const address = `${label}${worker}-${n}号`;
          const { status, body } = await post(service, token, '/api/households', { address });
          outcomes.push({ address, status, id: body.id, reason: body.reason, at: Date.now() });
        }
      }),
    );
    return outcomes;
  };

  const expectAcknowledgedWritesKept = async (outcomes: Outcome[]) => {
    const refused = outcomes.filter((o) => o.status !== 201);
    // While connections were being cut: 503 service.unavailable, the client retries; never 500.
    for (const o of refused)
      expect(o).toMatchObject({ status: 503, reason: 'service.unavailable' });
    const acknowledged = outcomes.filter((o) => o.status === 201);
    const { rows } = await sql.query<{ id: string; address: string }>(
      `SELECT id, address FROM household WHERE id = ANY($1::uuid[])`,
      [acknowledged.map((o) => o.id)],
    );
    const kept = new Map(rows.map((r) => [r.id, r.address]));
    for (const o of acknowledged) {
      expect({ id: o.id, address: kept.get(o.id!) }).toEqual({ id: o.id, address: o.address });
    }
    return { acknowledged: acknowledged.length, refused: refused.length };
  };

  it('one instance: every connection cut twice under load; it recovers and keeps every acknowledged write', async () => {
    const token = await login(a, DEMO.admin);
    const cuts: number[] = [];
    const [outcomes] = await Promise.all([
      load([a], token, '断线一', 6000),
      (async () => {
        for (const wait of [1500, 2000]) {
          await new Promise((resolve) => setTimeout(resolve, wait));
          expect(await cutEveryConnection()).toBeGreaterThan(0);
          cuts.push(Date.now());
        }
      })(),
    ]);
    expect(a.exited()).toBe(false);
    const { acknowledged } = await expectAcknowledgedWritesKept(outcomes);
    expect(acknowledged).toBeGreaterThan(10);
    // Recovered without a restart: writes succeed after the last cut.
    expect(
      outcomes.filter((o) => o.status === 201 && o.at > cuts[1]! + 500).length,
    ).toBeGreaterThan(0);
    expect((await fetch(`${a.url}/health`)).status).toBe(200);
    expect(errorLines(a.output())).toEqual([]);
  }, 120_000);

  it('two instances on one database: both survive the cut, and live pushes cross between them again', async () => {
    const token = await login(a, DEMO.admin);
    const warden = await login(a, DEMO.wardens[0]);
    const socket = io(`${b.url}/live`, { auth: { token: warden }, transports: ['websocket'] });
    sockets.push(socket);
    const updates: string[] = [];
    socket.on('space.updated', (u: { space: { id: string } }) => updates.push(u.space.id));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    expect(await socket.timeout(5000).emitWithAck('subscribe', { laneId })).toMatchObject({
      ok: true,
    });

    const [outcomes] = await Promise.all([
      load([a, b], token, '断线二', 5000),
      (async () => {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        expect(await cutEveryConnection()).toBeGreaterThan(0);
      })(),
    ]);
    expect([a.exited(), b.exited()]).toEqual([false, false]);
    await expectAcknowledgedWritesKept(outcomes);
    for (const service of [a, b]) expect((await fetch(`${service.url}/health`)).status).toBe(200);

    // A check-in through A reaches the phone on B once B listens again (it reconnects by itself).
    const pushed = await pushCrosses(a, warden, updates);
    expect(pushed).toBe(true);
    for (const service of [a, b]) expect(errorLines(service.output())).toEqual([]);
  }, 120_000);

  it('while PostgreSQL cannot be reached: 503 in the usual body and a degraded /health; then back by itself', async () => {
    const admin = new URL(database.url);
    const proxy = new TcpProxy({ host: admin.hostname, port: Number(admin.port || 5432) });
    await proxy.restore();
    const viaProxy = new URL(database.url);
    viaProxy.port = String(proxy.port);
    const c = await startService({ DATABASE_URL: viaProxy.toString(), SEED_DEMO: 'false' });
    services.push(c);
    try {
      await c.waitHealthy();
      const token = await login(c, DEMO.admin);
      const warden = await login(c, DEMO.wardens[0]);
      // A permit this instance has scanned, so it is remembered (one prepared INSERT per scan).
      const permits = await fetch(`${c.url}/api/permits?pageSize=1`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const permitNumber = ((await permits.json()) as { items: { number: number }[] }).items[0]!
        .number;
      const scan = (key: string) =>
        post(c, warden, '/api/scans', { permitNumber, idempotencyKey: `outage-${key}` });
      expect((await scan('before')).status).toBe(200);

      await proxy.cut();
      const health = await fetch(`${c.url}/health`, { headers: { 'accept-language': 'en' } });
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({
        statusCode: 503,
        error: 'unavailable',
        reason: 'service.unavailable',
        message: 'The service is briefly unavailable; try again shortly',
        status: 'degraded',
        database: 'down',
      });
      const write = await post(c, token, '/api/households', { address: '断线三1号' });
      expect(write).toMatchObject({ status: 503, body: { reason: 'service.unavailable' } });
      const read = await fetch(`${c.url}/api/households`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(read.status).toBe(503);
      expect(await scan('during')).toMatchObject({
        status: 503,
        body: { reason: 'service.unavailable' },
      });
      expect(c.exited()).toBe(false);

      await new Promise((resolve) => setTimeout(resolve, 1000));
      await proxy.restore();
      await c.waitHealthy(30_000);
      expect((await post(c, token, '/api/households', { address: '断线三2号' })).status).toBe(201);
      // The scan's prepared statement is made again on the new connections.
      expect(await scan('after')).toMatchObject({ status: 200, body: { replayed: false } });

      // Live pushes from another instance reach C's phones again.
      const socket = io(`${c.url}/live`, { auth: { token: warden }, transports: ['websocket'] });
      sockets.push(socket);
      const updates: string[] = [];
      socket.on('space.updated', (u: { space: { id: string } }) => updates.push(u.space.id));
      await new Promise<void>((resolve) => socket.once('connect', resolve));
      await socket.timeout(5000).emitWithAck('subscribe', { laneId });
      expect(await pushCrosses(a, await login(a, DEMO.wardens[0]), updates)).toBe(true);
      expect(errorLines(c.output())).toEqual([]);
    } finally {
      await stopService(c);
      await proxy.cut();
    }
  }, 180_000);

  /** Checks a car in and out through `via` until a phone elsewhere has seen it (up to 30 s). */
  async function pushCrosses(via: ServiceProcess, warden: string, updates: string[]) {
    const deadline = Date.now() + 30_000;
    for (let round = 0; Date.now() < deadline; round += 1) {
      const space = spaces[round % spaces.length]!;
      const plate = plates[round % plates.length]!;
      updates.splice(0);
      const checkIn = await post(via, warden, `/api/spaces/${space}/check-in`, { plate });
      expect(checkIn.status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 500));
      await post(via, warden, `/api/spaces/${space}/check-out`, {});
      if (updates.includes(space)) return true;
    }
    return false;
  }
});
