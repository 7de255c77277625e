import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isAlive, readPostmasterPid } from '../src/database/postmaster';
import {
  buildOnce,
  errorLines,
  type ServiceProcess,
  startService,
  stopService,
} from './support/service-process';

// Issue 11.5: after `kill -9` of the service (the OOM killer), its embedded PostgreSQL kept
// running and the next `npm start` printed only `undefined`; Ctrl-C printed ERROR lines.

describe('the embedded PostgreSQL across a killed service', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hutong-embedded-'));
  const env = { EMBEDDED_PG_DIR: dataDir, SEED_DEMO: 'false', DATABASE_URL: '' };
  const services: ServiceProcess[] = [];
  const start = async () => {
    const service = await startService(env);
    services.push(service);
    return service;
  };

  beforeAll(() => buildOnce(), 300_000);
  afterAll(async () => {
    for (const service of services) await stopService(service);
    const left = readPostmasterPid(dataDir);
    if (left && isAlive(left.pid)) process.kill(left.pid, 'SIGQUIT');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts again after SIGKILL, stopping the PostgreSQL the killed one left behind', async () => {
    const first = await start();
    await first.waitHealthy();
    const postmaster = readPostmasterPid(dataDir)!;
    expect(isAlive(postmaster.pid)).toBe(true);

    first.child.kill('SIGKILL');
    await first.exit;
    // SIGKILL gives no chance to stop anything: the database outlives the service.
    expect(isAlive(postmaster.pid)).toBe(true);

    const second = await start();
    await second.waitHealthy();
    expect(second.output()).toContain(`PostgreSQL (pid ${postmaster.pid}) is still running`);
    expect(isAlive(postmaster.pid)).toBe(false);
    expect(readPostmasterPid(dataDir)?.pid).not.toBe(postmaster.pid);
    expect(second.output()).not.toMatch(/^undefined$/m);

    // A second service on the same data directory is told why it cannot start.
    const intruder = await start();
    expect(await intruder.exit).toBe(1);
    expect(intruder.output()).toContain('hutong-parking could not start: Another hutong-parking');
    expect((await fetch(`${second.url}/health`)).status).toBe(200);

    // Ctrl-C in a terminal signals the whole foreground group: the database must not hear it
    // before the service has closed its connections.
    const running = readPostmasterPid(dataDir)!;
    second.interrupt('SIGINT');
    expect(await second.exit).toBe(0);
    expect(errorLines(second.output())).toEqual([]);
    expect(second.output()).toContain('"msg":"stopped"');
    const stopping = second.output().slice(second.output().indexOf('SIGINT: finishing'));
    expect(stopping.split('\n').filter((line) => /"level":[4-6]0/.test(line))).toEqual([]);
    expect(isAlive(running.pid)).toBe(false);
    expect(existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);
  }, 300_000);
});
