import { MonthlySessionPartitions1765920000000 } from '../migrations/1765920000000-monthly-session-partitions';
import { RetentionJob } from '../src/retention/retention.job';
import { monthPartitionOf } from './support/partitions';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

const DAY = 86_400_000;

const partitionOf = (at: Date) => monthPartitionOf('occupancy_session', at);

/**
 * Issue 15.2: occupancy sessions are partitioned by the Beijing month they started in. One car
 * per space and one space per car still hold across months; the retention job drops a month
 * past every association's period, keeping what outlives it: a car still parked, a session that
 * ended within the period, the evidence of a violation.
 */
describe('occupancy sessions partitioned by month', () => {
  let t: TestApp;
  let job: RetentionJob;
  let association: string;
  let warden: string;
  let lane: string;
  let spaces: string[];
  const migration = new MonthlySessionPartitions1765920000000();
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
    // Spaces of one lane with no car in them now.
    const free = await t.sql<{ id: string; lane_id: string }>(
      `SELECT s.id, s.lane_id FROM space s
        WHERE s.association_id = $1
          AND s.lane_id = (SELECT lane_id FROM space WHERE association_id = $1
                            GROUP BY lane_id ORDER BY count(*) DESC LIMIT 1)
          AND NOT EXISTS (SELECT 1 FROM occupancy_session o
                           WHERE o.space_id = s.id AND o.ended_at IS NULL)
        ORDER BY s.code LIMIT 5`,
      [association],
    );
    expect(free.length).toBe(5);
    spaces = free.map((s) => s.id);
    lane = free[0]!.lane_id;
  });
  afterAll(() => t.close());

  const park = (space: number, plate: string, from: Date, to: Date | null) =>
    t.sql(
      `INSERT INTO occupancy_session (association_id, lane_id, space_id, plate, source, started_at,
         ended_at, checked_in_by)
       VALUES ($1, $2, $3, $4, 'warden', $5, $6, $7)`,
      [association, lane, spaces[space], plate, from, to, warden],
    );
  const whereIs = async (plate: string) =>
    (
      await t.sql<{ partition: string }>(
        `SELECT tableoid::regclass::text AS partition FROM occupancy_session
          WHERE association_id = $1 AND plate = $2 ORDER BY started_at`,
        [association, plate],
      )
    ).map((r) => r.partition);
  const exists = async (table: string) =>
    (await t.sql<{ t: string | null }>(`SELECT to_regclass($1)::text AS t`, [table]))[0]!.t !==
    null;
  const claimsMatchOpenSessions = async () => {
    const [row] = await t.sql<{ open: number; claims: number }>(
      `SELECT (SELECT count(*)::int FROM occupancy_session WHERE ended_at IS NULL) AS open,
              (SELECT count(*)::int FROM occupancy_open) AS claims`,
    );
    expect(row!.claims).toBe(row!.open);
  };
  const migrate = async (direction: 'up' | 'down') => {
    const runner = t.dataSource.createQueryRunner();
    try {
      await migration[direction](runner);
    } finally {
      await runner.release();
    }
  };

  it('moves existing sessions into their months, and one car per space still holds across them', async () => {
    await migrate('down');
    await park(0, '京Y10001', daysAgo(400), daysAgo(399));
    await park(0, '京Y10002', daysAgo(300), daysAgo(299));
    // A car parked 300 days ago and never checked out; one that left 100 days ago.
    await park(1, '京Y10003', daysAgo(300), null);
    await park(2, '京Y10004', daysAgo(300), daysAgo(100));
    await park(3, '京Y10005', daysAgo(300), daysAgo(299));
    await park(0, '京Y10006', daysAgo(10), null);
    const [before] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM occupancy_session`);
    await migrate('up');

    const [after] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM occupancy_session`);
    expect(after!.n).toBe(before!.n);
    expect(await whereIs('京Y10001')).toEqual([partitionOf(daysAgo(400))]);
    expect(await whereIs('京Y10006')).toEqual([partitionOf(daysAgo(10))]);
    expect(await exists(partitionOf(new Date(now.getTime() + 62 * DAY)))).toBe(true);
    await claimsMatchOpenSessions();
    // The car parked in March still holds its space against one parked today, whatever month
    // each sits in, and under the same constraint names as before.
    await expect(park(1, '京Y10007', daysAgo(1), null)).rejects.toThrow(
      /occupancy_session_open_space_key/,
    );
    await expect(park(4, '京Y10003', daysAgo(1), null)).rejects.toThrow(
      /occupancy_session_open_plate_key/,
    );
  });

  it('lets one of two wardens racing for a space win, wherever the sessions fall', async () => {
    const results = await Promise.allSettled([
      park(4, '京Y10008', daysAgo(40), null),
      park(4, '京Y10009', now, null),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    await claimsMatchOpenSessions();
    // Checked out, the space is free again; a moved or reopened session claims again.
    await t.sql(
      `UPDATE occupancy_session SET ended_at = $2 WHERE space_id = $1 AND ended_at IS NULL`,
      [spaces[4], now],
    );
    await park(4, '京Y10010', now, null);
    await claimsMatchOpenSessions();
  });

  it('drops the months past every period, keeping cars still parked, recent ends and evidence', async () => {
    await t.sql(
      `INSERT INTO violation (association_id, kind, plate, place, occurred_at, step, action)
       VALUES ($1, 'no_permit', '京Y10005', 'XG-01', $2, 1, 'persuasion')`,
      [association, new Date(daysAgo(300).getTime() + 3_600_000)],
    );
    const pass = await job.runOnce(now);
    expect(pass!.sessionPartitions.dropped).toEqual(
      expect.arrayContaining([partitionOf(daysAgo(400)), partitionOf(daysAgo(300))]),
    );
    expect(pass!.keptSessions).toBe(3);
    expect(await exists(partitionOf(daysAgo(300)))).toBe(false);

    expect(await whereIs('京Y10001')).toEqual([]);
    expect(await whereIs('京Y10002')).toEqual([]);
    expect(await whereIs('京Y10003')).toEqual(['occupancy_session_default']);
    expect(await whereIs('京Y10004')).toEqual(['occupancy_session_default']);
    expect(await whereIs('京Y10005')).toEqual(['occupancy_session_default']);
    expect(await whereIs('京Y10006')).toEqual([partitionOf(daysAgo(10))]);
    await claimsMatchOpenSessions();
    // The car still parked since last winter still holds its space, and leaves as any car does.
    await expect(park(1, '京Y10011', now, null)).rejects.toThrow(
      /occupancy_session_open_space_key/,
    );
    await t.sql(`UPDATE occupancy_session SET ended_at = $2 WHERE plate = $1`, ['京Y10003', now]);
    await park(1, '京Y10011', now, null);
    await claimsMatchOpenSessions();
    expect((await job.runOnce(now))!.sessionPartitions.dropped).toEqual([]);
  });

  it('goes back to one table and forward again with the same sessions', async () => {
    const count = async () =>
      (await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM occupancy_session`))[0]!.n;
    const before = await count();
    await migrate('down');
    expect(await count()).toBe(before);
    expect(await exists('occupancy_open')).toBe(false);
    await expect(park(1, '京Y10012', now, null)).rejects.toThrow(
      /occupancy_session_open_space_key/,
    );
    await migrate('up');
    expect(await count()).toBe(before);
    await claimsMatchOpenSessions();
  });
});
