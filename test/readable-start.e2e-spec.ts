import {
  buildOnce,
  type ServiceProcess,
  startService,
  stopService,
} from './support/service-process';
import { createTestDatabase, type TestDatabase } from './support/test-database';

// Issue 17.6: `npm start` in a terminal printed ~220 JSON lines, one per route, and the banner
// was lost among them; its links said localhost whatever PUBLIC_URL said.

describe('a start a person can read', () => {
  let database: TestDatabase;
  const services: ServiceProcess[] = [];

  beforeAll(async () => {
    buildOnce();
    database = await createTestDatabase();
  }, 300_000);
  afterAll(async () => {
    for (const service of services) await stopService(service);
    await database?.drop();
  });

  const start = async (env: Record<string, string>) => {
    const service = await startService({
      DATABASE_URL: database.url,
      SEED_DEMO: 'false',
      PUBLIC_URL: 'https://hutong.example.org',
      ...env,
    });
    services.push(service);
    await service.waitHealthy();
    // Health checks are not logged, so the banner stays the last thing printed.
    await new Promise((resolve) => setTimeout(resolve, 300));
    return service;
  };

  it('in a terminal: readable lines, no route table, the banner last with PUBLIC_URL links', async () => {
    const service = await start({ LOG_FORMAT: 'pretty', LOG_LEVEL: 'info' });
    const lines = service.output().trimEnd().split('\n');
    expect(lines.some((line) => line.startsWith('{'))).toBe(false);
    expect(lines.filter((line) => /Mapped \{|RoutesResolver|InstanceLoader/.test(line))).toEqual(
      [],
    );
    expect(lines.length).toBeLessThan(40);
    for (const line of lines.filter((l) => /^\d\d:\d\d:\d\d /.test(l))) {
      expect(line).toMatch(/^\d\d:\d\d:\d\d (INFO |WARN |DEBUG|ERROR) /);
    }
    expect(lines.at(-1)).toBe('  Ctrl-C stops it.');
    expect(lines).toContain('  hutong-parking is running');
    expect(lines).toContain('  web client   https://hutong.example.org/app/');
    expect(service.output()).not.toContain('localhost');
  }, 120_000);

  it('for machines: one JSON object a line, the route table at debug, the banner as the last line', async () => {
    const service = await start({ LOG_FORMAT: 'auto', LOG_LEVEL: 'debug' });
    const lines = service.output().trimEnd().split('\n');
    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const routes = records.filter((r) => r.context === 'RouterExplorer');
    expect(routes.length).toBeGreaterThan(50);
    expect(routes.every((r) => r.level === 20)).toBe(true);
    expect(records.at(-1)).toMatchObject({
      level: 30,
      msg: 'hutong-parking is running',
      urls: ['https://hutong.example.org'],
    });
  }, 120_000);
});
