import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { io, type Socket } from 'socket.io-client';
import { addDays, shanghaiDate } from '../src/common/shanghai-time';
import { nginxBinary, type Nginx, startNginx } from './support/nginx';
import {
  buildOnce,
  errorLines,
  type ServiceProcess,
  startService,
  stopService,
} from './support/service-process';
import { DEMO } from './support/test-app';
import { createTestDatabase, type TestDatabase } from './support/test-database';

// Issue 15.6: docker/compose.yaml runs replicas behind nginx with Redis for live pushes. Here the
// same proxy configuration (docker/nginx/hutong.conf) stands in front of two service processes on
// one database and one Redis. nginx balances round-robin with one worker, so consecutive requests
// alternate between the instances; its access log names the instance that served each one.
//
// A developer machine without nginx or Redis skips this loudly; CI (CI=true) must run it.

function prerequisites(): { nginx: string; redisUrl: string } | null {
  const nginx = nginxBinary();
  const redisUrl = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? null;
  const missing = [
    nginx ? null : 'nginx (apt-get install nginx, or set NGINX_PATH)',
    redisUrl ? null : 'Redis (set TEST_REDIS_URL=redis://127.0.0.1:6379)',
  ].filter((m): m is string => m !== null);
  if (missing.length === 0) return { nginx: nginx!, redisUrl: redisUrl! };
  if (process.env.CI === 'true') {
    throw new Error(`CI must run the replicas-behind-nginx test; missing: ${missing.join(', ')}`);
  }
  const banner = '!'.repeat(78);
  console.warn(
    [
      banner,
      '!!  REPLICAS BEHIND NGINX TEST SKIPPED: missing',
      ...missing.map((m) => `!!    ${m}`),
      banner,
    ].join('\n'),
  );
  return null;
}

const needs = prerequisites();

(needs ? describe : describe.skip)('two instances behind nginx, live pushes through Redis', () => {
  let database: TestDatabase;
  const services: ServiceProcess[] = [];
  let proxy: Nginx;
  const sockets: Socket[] = [];

  const sql = async <T>(query: string, params: unknown[] = []): Promise<T[]> => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query(query, params)).rows as T[];
    } finally {
      await client.end();
    }
  };
  const call = async (
    method: string,
    path: string,
    token?: string,
    body?: object,
  ): Promise<{ status: number; body: Record<string, unknown> }> => {
    const response = await fetch(`${proxy.url}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const login = async (phone: string): Promise<string> => {
    const response = await call('POST', '/api/auth/login', undefined, {
      phone,
      password: DEMO.password,
    });
    expect(response.status).toBe(200);
    return response.body.accessToken as string;
  };
  /** The instance (upstream address) that served each logged request matching `pattern`. */
  const servedBy = (pattern: RegExp): string[] =>
    proxy
      .accessLog()
      .filter((line) => pattern.test(line))
      .map((line) => line.split(' ')[0]!);

  beforeAll(async () => {
    buildOnce();
    database = await createTestDatabase();
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL: needs!.redisUrl,
      JWT_SECRET: randomBytes(32).toString('hex'),
      TRUST_PROXY: '127.0.0.1',
    };
    services.push(...(await Promise.all([startService(env), startService(env)])));
    await Promise.all(services.map((service) => service.waitHealthy()));
    proxy = await startNginx(
      needs!.nginx,
      services.map((service) => `127.0.0.1:${service.port}`),
    );
  }, 120_000);
  afterAll(async () => {
    sockets.splice(0).forEach((socket) => socket.disconnect());
    await proxy?.stop();
    for (const service of services) await stopService(service);
    await database?.drop();
  });

  it('a sign-in through the proxy holds on either instance', async () => {
    const token = await login(DEMO.admin);
    for (let i = 0; i < 4; i++) {
      const me = await call('GET', '/api/me', token);
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ member: { phone: DEMO.admin } });
    }
    const instances = new Set(servedBy(/"GET \/api\/me /));
    expect(instances).toEqual(new Set(services.map((s) => `127.0.0.1:${s.port}`)));
  });

  it('two residents race through the proxy for the last place: one wins, the other hears it is full, and phones on both instances are told', async () => {
    const unit = await login(DEMO.unit);
    const resident = await login(DEMO.resident);
    const park = await call('POST', '/api/car-parks', unit, {
      name: '代理测试车库',
      totalSpaces: 1,
    });
    expect(park.status).toBe(201);
    const carParkId = park.body.id as string;
    const offer = await call('POST', '/api/offers', unit, {
      carParkId,
      title: '最后一个车位',
      places: 1,
      validFrom: '2026-01-01',
      rules: [{ days: 'daily', from: '00:00', to: '00:00' }],
    });
    expect(offer.status).toBe(201);
    // Two cars of the resident's household, so the household's one-car-per-night rule is not
    // what decides.
    const [household] = await sql<{ household_id: string; association_id: string }>(
      `SELECT household_id, association_id FROM member WHERE phone = $1`,
      [DEMO.resident],
    );
    const cars = await sql<{ id: string }>(
      `INSERT INTO vehicle (association_id, household_id, plate, plate_color)
       SELECT $1, $2, '京Y' || (20000 + n)::text, 'blue' FROM generate_series(1, 2) n RETURNING id`,
      [household!.association_id, household!.household_id],
    );

    // Phones following the car park, one after another so they land on both instances.
    const pushes: { socket: number; payload: { carParkId: string } }[] = [];
    for (let i = 0; i < 2; i++) {
      const socket = io(`${proxy.url}/live`, {
        auth: { token: resident },
        transports: ['websocket'],
        reconnection: false,
      });
      sockets.push(socket);
      socket.on('carpark.updated', (payload: { carParkId: string }) =>
        pushes.push({ socket: i, payload }),
      );
      const ack = (await socket.timeout(5000).emitWithAck('subscribe', { carParkId })) as {
        ok: boolean;
      };
      expect(ack.ok).toBe(true);
    }

    const night = addDays(shanghaiDate(new Date()), 1);
    const race = await Promise.all(
      cars.map((car) =>
        call('POST', `/api/offers/${offer.body.id as string}/bookings`, resident, {
          date: night,
          vehicleId: car.id,
          acceptTerms: true,
        }),
      ),
    );
    expect(race.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(race.find((r) => r.status === 409)!.body).toMatchObject({
      reason: 'booking.full',
      params: { offer: '最后一个车位', night },
    });
    const [{ booked }] = (await sql<{ booked: string }>(
      `SELECT count(*) AS booked FROM booking WHERE offer_id = $1 AND status = 'booked'`,
      [offer.body.id],
    )) as [{ booked: string }];
    expect(booked).toBe('1');

    // Both phones hear of the booking, whichever instance took it.
    const deadline = Date.now() + 5000;
    while (
      new Set(pushes.filter((p) => p.payload.carParkId === carParkId).map((p) => p.socket)).size < 2
    ) {
      if (Date.now() > deadline) throw new Error(`pushes within 5 s: ${JSON.stringify(pushes)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }

    // nginx logs a websocket when it closes: close them, then read who served what.
    sockets.splice(0).forEach((socket) => socket.disconnect());
    const both = new Set(services.map((s) => `127.0.0.1:${s.port}`));
    await until(() => servedBy(/ 101 "GET \/socket\.io\//).length === 2);
    expect(new Set(servedBy(/ 101 "GET \/socket\.io\//))).toEqual(both);
    expect(new Set(servedBy(/"POST \/api\/offers\/[^/]+\/bookings /))).toEqual(both);
    for (const service of services) expect(errorLines(service.output())).toEqual([]);
  });
});

async function until(probe: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
