import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { Client } from 'pg';
import { io, type Socket } from 'socket.io-client';
import { findFreePort } from '../src/database/embedded-postgres';
import {
  buildOnce,
  errorLines,
  type ServiceProcess,
  startService,
  stopService,
} from './support/service-process';
import { DEMO } from './support/test-app';
import { createTestDatabase, type TestDatabase } from './support/test-database';

// Issue 11.4, the Redis path (REDIS_URL): Redis going away must not end the service, and live
// pushes between instances resume when it is back. This test runs its own redis-server so it can
// kill it; a developer machine without one skips loudly, CI (CI=true) must run it.

const REDIS_SERVER = process.env.REDIS_SERVER ?? '/usr/bin/redis-server';

function redisAvailable(): boolean {
  if (existsSync(REDIS_SERVER)) return true;
  if (process.env.CI === 'true')
    throw new Error(`CI must run the Redis outage test: no ${REDIS_SERVER}`);
  console.warn(`!!  REDIS OUTAGE TEST SKIPPED: no ${REDIS_SERVER} (set REDIS_SERVER)`);
  return false;
}

(redisAvailable() ? describe : describe.skip)('Redis going away', () => {
  let database: TestDatabase;
  let redisPort: number;
  let redis: ChildProcess | undefined;
  const services: ServiceProcess[] = [];
  let socket: Socket | undefined;

  const startRedis = async () => {
    redis = spawn(REDIS_SERVER, ['--port', String(redisPort), '--save', '', '--appendonly', 'no']);
    for (let i = 0; i < 100 && !(await accepts(redisPort)); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  beforeAll(async () => {
    buildOnce();
    database = await createTestDatabase();
    redisPort = await findFreePort();
    await startRedis();
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      SEED_DEMO: 'false',
    };
    services.push(...(await Promise.all([startService(env), startService(env)])));
    await Promise.all(services.map((s) => s.waitHealthy()));
  }, 300_000);

  afterAll(async () => {
    socket?.disconnect();
    for (const service of services) await stopService(service);
    redis?.kill('SIGKILL');
    await database?.drop();
  });

  it('both instances keep answering while Redis is down, and pushes cross again when it is back', async () => {
    const [a, b] = services as [ServiceProcess, ServiceProcess];
    const sql = new Client({ connectionString: database.url });
    await sql.connect();
    const laneId = (await sql.query<{ id: string }>(`SELECT id FROM lane LIMIT 1`)).rows[0]!.id;
    const space = (
      await sql.query<{ id: string }>(
        `SELECT s.id FROM space s WHERE NOT EXISTS (SELECT 1 FROM occupancy_session o
          WHERE o.space_id = s.id AND o.ended_at IS NULL) ORDER BY s.code LIMIT 1`,
      )
    ).rows[0]!.id;
    const plate = (
      await sql.query<{ plate: string }>(
        `SELECT plate FROM vehicle v WHERE NOT EXISTS (SELECT 1 FROM occupancy_session o
          WHERE o.plate = v.plate AND o.ended_at IS NULL) ORDER BY plate LIMIT 1`,
      )
    ).rows[0]!.plate;
    await sql.end();

    const login = await fetch(`${a.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phone: DEMO.wardens[0], password: DEMO.password }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const updates: string[] = [];
    socket = io(`${b.url}/live`, { auth: { token: accessToken }, transports: ['websocket'] });
    socket.on('space.updated', (u: { space: { id: string } }) => updates.push(u.space.id));
    await new Promise<void>((resolve) => socket!.once('connect', resolve));
    await socket.timeout(5000).emitWithAck('subscribe', { laneId });

    const move = async (action: 'check-in' | 'check-out') => {
      const response = await fetch(`${a.url}/api/spaces/${space}/${action}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
        body: JSON.stringify(action === 'check-in' ? { plate } : {}),
      });
      return response.status;
    };
    const pushCrosses = async () => {
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline) {
        updates.splice(0);
        expect(await move('check-in')).toBe(200);
        await new Promise((resolve) => setTimeout(resolve, 500));
        expect(await move('check-out')).toBe(200);
        if (updates.includes(space)) return true;
      }
      return false;
    };
    expect(await pushCrosses()).toBe(true);

    redis!.kill('SIGKILL');
    await new Promise((resolve) => redis!.once('exit', resolve));
    // Check-ins publish while Redis is gone: the service answers and stays up.
    for (let i = 0; i < 5; i += 1) {
      expect(await move('check-in')).toBe(200);
      expect(await move('check-out')).toBe(200);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(services.map((s) => s.exited())).toEqual([false, false]);

    await startRedis();
    expect(await pushCrosses()).toBe(true);
    expect(services.map((s) => s.exited())).toEqual([false, false]);
    for (const service of services) expect(errorLines(service.output())).toEqual([]);
  }, 180_000);
});

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = connect(port, '127.0.0.1');
    probe.once('connect', () => {
      probe.destroy();
      resolve(true);
    });
    probe.once('error', () => resolve(false));
  });
}
