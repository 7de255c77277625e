import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import {
  buildOnce,
  errorLines,
  type ServiceProcess,
  startService,
  stopService,
} from './support/service-process';
import { DEMO } from './support/test-app';
import { ADMIN_URL_ENV, databaseUrlFor } from './support/test-database';

// Issue 11.6: two instances started at once on an empty database; one crashed in the demo seed
// (duplicate key). Migrations and the seed now take turns under one advisory lock.

describe('two instances starting at once on an empty database', () => {
  const adminUrl = process.env[ADMIN_URL_ENV]!;
  const name = `hutong_twin_${randomBytes(4).toString('hex')}`;
  const url = databaseUrlFor(adminUrl, name);
  const services: ServiceProcess[] = [];

  const admin = async <T>(target: string, sql: string): Promise<T[]> => {
    const client = new Client({ connectionString: target });
    await client.connect();
    try {
      return (await client.query(sql)).rows as T[];
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    buildOnce();
    await admin(adminUrl, `CREATE DATABASE ${name}`);
  }, 300_000);
  afterAll(async () => {
    for (const service of services) await stopService(service);
    await admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it('both come up, and the demo lane is seeded once', async () => {
    const env = { DATABASE_URL: url, SEED_DEMO: 'true' };
    services.push(...(await Promise.all([startService(env), startService(env)])));
    await Promise.all(services.map((service) => service.waitHealthy()));

    // The demo street: 4143车友会 and 砖塔车友会, each once.
    const rows = await admin<{ name: string }>(url, `SELECT name FROM association ORDER BY name`);
    expect(rows.map((r) => r.name).sort()).toEqual(['4143车友会', '砖塔车友会'].sort());
    const seeded = services.filter((s) => s.output().includes('Loaded the demo lane'));
    expect(seeded).toHaveLength(1);
    for (const service of services) {
      expect(errorLines(service.output())).toEqual([]);
      const login = await fetch(`${service.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ phone: '13800000001', password: DEMO.password }),
      });
      expect(login.status).toBe(200);
    }
  }, 300_000);
});
