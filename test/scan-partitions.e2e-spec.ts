import { Client } from 'pg';
import { MonthlyScanPartitions1765890000000 } from '../migrations/1765890000000-monthly-scan-partitions';
import { RetentionJob } from '../src/retention/retention.job';
import { idempotencyKey } from './support/permits';
import { monthPartitionOf } from './support/partitions';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

const DAY = 86_400_000;

const partitionOf = (at: Date) => monthPartitionOf('permit_scan', at);

/**
 * Issue 15.2: scans are partitioned by Beijing month. Existing scans move into their months; the
 * retention job drops a month once it is past every association's period, keeping the scans a
 * violation rests on; it makes the coming months; a scan of any other time still goes in.
 */
describe('scans partitioned by month', () => {
  let t: TestApp;
  let job: RetentionJob;
  let association: string;
  let warden: string;
  const migration = new MonthlyScanPartitions1765890000000();
  const now = new Date();
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);

  beforeAll(async () => {
    t = await startTestApp();
    job = t.app.get(RetentionJob);
    const [member] = await t.sql<{ id: string; association_id: string }>(
      `SELECT id, association_id FROM member WHERE phone = $1`,
      [DEMO.wardens[0]],
    );
    association = member!.association_id;
    warden = member!.id;
  });
  afterAll(() => t.close());

  const scan = (key: string, plate: string, at: Date) =>
    t.sql(
      `INSERT INTO permit_scan (association_id, scanned_by, idempotency_key, method, plate_seen,
         verdict, reason, scanned_at)
       VALUES ($1, $2, $3, 'plate', $4, 'unknown', 'unknown', $5)`,
      [association, warden, key, plate, at],
    );
  const whereIs = async (key: string) =>
    (
      await t.sql<{ partition: string }>(
        `SELECT tableoid::regclass::text AS partition FROM permit_scan
          WHERE scanned_by = $1 AND idempotency_key = $2`,
        [warden, key],
      )
    ).map((r) => r.partition);
  const exists = async (table: string) =>
    (await t.sql<{ t: string | null }>(`SELECT to_regclass($1)::text AS t`, [table]))[0]!.t !==
    null;
  const migrate = async (direction: 'up' | 'down') => {
    const runner = t.dataSource.createQueryRunner();
    try {
      await migration[direction](runner);
    } finally {
      await runner.release();
    }
  };

  it('moves existing scans into their months', async () => {
    await migrate('down');
    await scan('m400', '京Y00001', daysAgo(400));
    await scan('m300', '京Y00002', daysAgo(300));
    await scan('m300-evidence', '京Y00003', daysAgo(300));
    await scan('m200', '京Y00004', daysAgo(200));
    await scan('m100', '京Y00005', daysAgo(100));
    await scan('m10', '京Y00006', daysAgo(10));
    const [before] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM permit_scan`);
    await migrate('up');

    const [after] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM permit_scan`);
    expect(after!.n).toBe(before!.n);
    expect(await whereIs('m400')).toEqual([partitionOf(daysAgo(400))]);
    expect(await whereIs('m10')).toEqual([partitionOf(daysAgo(10))]);
    expect(await exists(partitionOf(new Date(now.getTime() + 62 * DAY)))).toBe(true);
    // One scan per warden and key still holds across months, under the same constraint name.
    await expect(scan('m400', '京Y00001', daysAgo(5))).rejects.toThrow(
      /permit_scan_idempotency_key/,
    );
  });

  it('records a retried scan once, though its times fall in different months', async () => {
    const token = await t.login(DEMO.wardens[0]);
    const key = idempotencyKey();
    const send = (body: Record<string, unknown>) =>
      t
        .http()
        .post('/api/scans')
        .auth(token, { type: 'bearer' })
        .send({ plate: '京A12345', idempotencyKey: key, ...body });
    // First synced from a phone that was offline a month ago, then retried online at once
    // (each online retry is stamped with the server's time, so the key cannot carry the month).
    const first = await send({ scannedAt: daysAgo(40).toISOString(), offline: true });
    expect(first.status).toBe(200);
    const retries = await Promise.all(Array.from({ length: 6 }, () => send({})));
    expect(retries.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(new Set(retries.map((r) => r.body.id))).toEqual(new Set([first.body.id]));
    expect(retries.every((r) => r.body.replayed === true)).toBe(true);
    expect(await whereIs(key)).toEqual([partitionOf(daysAgo(40))]);
  });

  it('drops the months past every period, keeping the evidence of a violation and recent scans', async () => {
    await t.sql(
      `INSERT INTO violation (association_id, kind, plate, place, occurred_at, step, action)
       VALUES ($1, 'no_permit', '京Y00003', 'XG-01', $2, 1, 'persuasion')`,
      [association, new Date(daysAgo(300).getTime() + 3_600_000)],
    );
    const [longest] = await t.sql<{ days: number }>(
      `SELECT max(whereabouts_days) AS days FROM association`,
    );
    expect(longest!.days).toBe(180);

    const pass = await job.runOnce(now);
    expect(pass!.scanPartitions.dropped).toEqual(
      expect.arrayContaining([partitionOf(daysAgo(400)), partitionOf(daysAgo(300))]),
    );
    expect(pass!.keptScans).toBe(1);
    expect(await exists(partitionOf(daysAgo(400)))).toBe(false);
    expect(await exists(partitionOf(daysAgo(300)))).toBe(false);
    expect(await exists(partitionOf(daysAgo(10)))).toBe(true);

    expect(await whereIs('m400')).toEqual([]);
    expect(await whereIs('m300')).toEqual([]);
    expect(await whereIs('m300-evidence')).toEqual(['permit_scan_default']);
    // Past the period in a month not wholly past it: removed row by row, as before.
    expect(await whereIs('m200')).toEqual([]);
    expect(await whereIs('m100')).toEqual([partitionOf(daysAgo(100))]);
    expect(await whereIs('m10')).toEqual([partitionOf(daysAgo(10))]);

    // A dropped month's keys are free again; the kept scan still holds its own.
    await scan('m400', '京Y00001', daysAgo(3));
    await expect(scan('m300-evidence', '京Y00003', daysAgo(3))).rejects.toThrow(
      /permit_scan_idempotency_key/,
    );
    // A second pass finds nothing more to drop.
    expect((await job.runOnce(now))!.scanPartitions.dropped).toEqual([]);
  });

  it('takes a scan of any time, and moves it into its month when that month is made', async () => {
    const farFuture = new Date(now.getTime() + 3 * 365 * DAY);
    await scan('far-past', '京Y00007', new Date('1999-03-15T04:00:00Z'));
    await scan('far-future', '京Y00008', farFuture);
    expect(await whereIs('far-past')).toEqual(['permit_scan_default']);
    expect(await whereIs('far-future')).toEqual(['permit_scan_default']);

    const pass = await job.runOnce(farFuture);
    expect(pass!.scanPartitions.created).toContain(partitionOf(farFuture));
    expect(await whereIs('far-future')).toEqual([partitionOf(farFuture)]);
    // Everything of today is past the period three years on, except the evidence.
    expect(await whereIs('far-past')).toEqual([]);
    expect(await whereIs('m10')).toEqual([]);
    expect(await exists(partitionOf(daysAgo(10)))).toBe(false);
    expect(await whereIs('m300-evidence')).toEqual(['permit_scan_default']);
    await expect(scan('far-future', '京Y00008', now)).rejects.toThrow(
      /permit_scan_idempotency_key/,
    );
  });

  it('leaves the months for the next pass when a long reader is in the way, and the rows not', async () => {
    const later = new Date(now.getTime() + 4 * 365 * DAY);
    const reader = new Client({ connectionString: t.database.url });
    await reader.connect();
    try {
      await reader.query('BEGIN');
      await reader.query('SELECT count(*) FROM permit_scan');
      const blocked = await job.runOnce(later);
      expect(blocked!.scanPartitions).toEqual({ dropped: [], created: [] });
      expect(blocked!.scans).toBeGreaterThan(0);
      await reader.query('COMMIT');
    } finally {
      await reader.end();
    }
    const pass = await job.runOnce(later);
    expect(pass!.scanPartitions.dropped).toContain(
      partitionOf(new Date(now.getTime() + 3 * 365 * DAY)),
    );
    expect(pass!.scanPartitions.created).toContain(partitionOf(later));
  });

  it('goes back to one table and forward again with the same scans', async () => {
    const count = async () =>
      (await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM permit_scan`))[0]!.n;
    const before = await count();
    await migrate('down');
    expect(await count()).toBe(before);
    expect(await exists('permit_scan_default')).toBe(false);
    await expect(scan('m300-evidence', '京Y00003', now)).rejects.toThrow(
      /permit_scan_idempotency_key/,
    );
    await scan('far-future-again', '京Y00009', new Date(now.getTime() + 3 * 365 * DAY));
    await migrate('up');
    expect(await count()).toBe(before + 1);
    // An older month that holds a scan gets its partition back (the next pass drops it again);
    // three years ahead is further than the migration makes months: the default holds it.
    expect(await whereIs('m300-evidence')).toEqual([partitionOf(daysAgo(300))]);
    expect(await whereIs('far-future-again')).toEqual(['permit_scan_default']);
  });
});
