import { createApp } from '../src/bootstrap';
import { DEMO, startTestApp, type TestApp } from './support/test-app';
import { createClient } from 'redis';
import request from 'supertest';

/**
 * Brute force (issue 11): failed logins are limited per account and per client address, in the
 * database every instance shares; X-Forwarded-For counts only from a configured proxy.
 */
const login = (t: TestApp, phone: string, password: string, forwardedFor?: string) => {
  const call = t.http().post('/api/auth/login');
  if (forwardedFor) void call.set('x-forwarded-for', forwardedFor);
  return call.set('accept-language', 'en').send({ phone, password });
};

async function withEnv<T>(env: Record<string, string>, start: () => Promise<T>): Promise<T> {
  const previous = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await start();
  } finally {
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

describe('login limits, no proxy trusted (the default)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('60 wrong passwords for one account with rotating X-Forwarded-For: 429 after 10, with Retry-After', async () => {
    const statuses: number[] = [];
    let limited: request.Response | undefined;
    for (let i = 0; i < 60; i++) {
      const response = await login(t, DEMO.admin, `guess-${i}`, `203.0.113.${i}`);
      statuses.push(response.status);
      limited ??= response.status === 429 ? response : undefined;
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual(Array(50).fill(429));
    expect(limited!.body).toMatchObject({ statusCode: 429, reason: 'rate.limited' });
    const seconds = Number(limited!.headers['retry-after']);
    expect(seconds).toBeGreaterThan(14 * 60);
    expect(seconds).toBeLessThanOrEqual(15 * 60);
    expect(limited!.body.params).toEqual({ seconds });
    expect(limited!.body.message).toContain(`${seconds} seconds`);
    // The right password does not get through either while the account is locked.
    expect((await login(t, DEMO.admin, DEMO.password)).status).toBe(429);
  });

  it('locks only that account: its neighbours still log in from the same address', async () => {
    expect((await login(t, DEMO.resident, DEMO.password)).status).toBe(200);
  });

  it('the lockout holds in the database every instance shares', async () => {
    const second = await createApp(t.database.url);
    try {
      await second.init();
      await second.getHttpAdapter().getInstance().ready();
      const response = await request(second.getHttpServer())
        .post('/api/auth/login')
        .send({ phone: DEMO.admin, password: DEMO.password });
      expect(response.status).toBe(429);
      expect(response.headers['retry-after']).toEqual(expect.any(String));
    } finally {
      await second.close();
    }
  });
});

describe('login limits behind a trusted proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await withEnv({ TRUST_PROXY: '127.0.0.1', LOGIN_FAILURES_PER_ADDRESS: '20' }, () =>
      startTestApp(),
    );
  });
  afterAll(() => t.close());

  it('rotating the forwarded address does not reset the per-account limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 15; i++) {
      statuses.push((await login(t, DEMO.wardens[0], `guess-${i}`, `198.51.100.${i}`)).status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual(Array(5).fill(429));
  });

  it('a lane of residents behind one carrier NAT logs in at 19:00, typos and all', async () => {
    const nat = '100.64.7.7';
    const residents = Array.from(
      { length: 36 },
      (_, i) => `1380000${String(10 + i).padStart(4, '0')}`,
    );
    const statuses: number[] = [];
    for (const [i, phone] of residents.entries()) {
      // Every third resident mistypes once first.
      if (i % 3 === 0) expect((await login(t, phone, 'hutong-4134', nat)).status).toBe(401);
      statuses.push((await login(t, phone, DEMO.password, nat)).status);
    }
    expect(statuses).toEqual(Array(36).fill(200));
  });

  it('spraying many accounts from one address stops at the per-address limit, for that address only', async () => {
    const sprayer = '192.0.2.99';
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) {
      statuses.push((await login(t, `1390000${String(1000 + i)}`, 'password-123', sprayer)).status);
    }
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses.slice(20)).toEqual([429, 429]);
    // Even a right password from that address waits; the same member elsewhere does not.
    expect((await login(t, DEMO.otherResident, DEMO.password, sprayer)).status).toBe(429);
    expect((await login(t, DEMO.otherResident, DEMO.password, '192.0.2.100')).status).toBe(200);
  });
});

const redisUrl = process.env.TEST_REDIS_URL;
(redisUrl ? describe : describe.skip)('login limits counted in Redis (REDIS_URL set)', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Counts of an earlier run are still in Redis: start this account afresh.
    const redis = createClient({ url: redisUrl });
    await redis.connect();
    await redis.del([
      `login:account:${DEMO.wardens[2]}:n`,
      `login:account:${DEMO.wardens[2]}:locked`,
    ]);
    await redis.close();
    t = await withEnv({ REDIS_URL: redisUrl ?? '' }, () => startTestApp());
    // The limiter connects in the background; give it a moment.
    await new Promise((resolve) => setTimeout(resolve, 300));
  });
  afterAll(() => t.close());

  it('locks the account after 10 failures and leaves PostgreSQL alone', async () => {
    const phone = DEMO.wardens[2];
    const unique = `guess-${Date.now()}`;
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await login(t, phone, `${unique}-${i}`)).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);
    expect(await t.sql(`SELECT 1 FROM login_throttle WHERE key LIKE $1`, [`%${phone}`])).toEqual(
      [],
    );
  });
});
