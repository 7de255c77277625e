import { Client } from 'pg';
import { RetentionJob } from '../src/retention/retention.job';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

const DAY = 86_400_000;

/**
 * Issue 15.2: whereabouts are kept only as long as the association allows (180 days unless it
 * set another period), except the scans and sessions a violation rests on; expired refresh
 * sessions are cleaned up; with several instances one prunes at a time.
 */
describe('retention: scans, occupancy sessions and refresh sessions', () => {
  let t: TestApp;
  let job: RetentionJob;
  let association: string;
  let warden: string;
  let lane: string;
  let space: string;
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
    const [s] = await t.sql<{ id: string; lane_id: string }>(
      `SELECT id, lane_id FROM space WHERE association_id = $1 ORDER BY code LIMIT 1`,
      [association],
    );
    space = s!.id;
    lane = s!.lane_id;
  });
  afterAll(() => t.close());

  const scan = (key: string, plate: string, at: Date) =>
    t.sql(
      `INSERT INTO permit_scan (association_id, scanned_by, idempotency_key, method, plate_seen,
         verdict, reason, scanned_at)
       VALUES ($1, $2, $3, 'plate', $4, 'unknown', 'unknown', $5)`,
      [association, warden, key, plate, at],
    );
  const session = (plate: string, from: Date, to: Date) =>
    t.sql(
      `INSERT INTO occupancy_session (association_id, lane_id, space_id, plate, source, started_at,
         ended_at, checked_in_by)
       VALUES ($1, $2, $3, $4, 'warden', $5, $6, $7)`,
      [association, lane, space, plate, from, to, warden],
    );
  const plates = async (sql: string) =>
    (await t.sql<{ plate: string }>(sql, [association])).map((r) => r.plate).sort();

  it('removes what is past the period and keeps recent rows and the evidence of a violation', async () => {
    await scan('old', '京Z00001', daysAgo(200));
    await scan('old-evidence', '京Z00002', daysAgo(200));
    await scan('recent', '京Z00003', daysAgo(100));
    await session('京Z00001', daysAgo(201), daysAgo(200));
    await session('京Z00002', daysAgo(201), daysAgo(200));
    await session('京Z00003', daysAgo(101), daysAgo(100));
    // The violation recorded during the old visit of 京Z00002 (and, say, appealed) keeps both.
    await t.sql(
      `INSERT INTO violation (association_id, kind, plate, place, occurred_at, step, action)
       VALUES ($1, 'no_permit', '京Z00002', 'XG-01', $2, 1, 'persuasion')`,
      [association, new Date(daysAgo(200).getTime() - 3_600_000)],
    );
    const [member] = await t.sql<{ id: string }>(`SELECT id FROM member WHERE phone = $1`, [
      DEMO.resident,
    ]);
    await t.sql(
      `INSERT INTO refresh_session (member_id, family_id, token_hash, token_version, expires_at)
       VALUES ($1, gen_random_uuid(), 'expired-hash', 0, $2), ($1, gen_random_uuid(), 'live-hash', 0, $3)`,
      [member!.id, daysAgo(1), new Date(now.getTime() + DAY)],
    );

    const pass = await job.runOnce(now);
    expect(pass).toEqual(expect.objectContaining({ scans: 1, sessions: 1 }));
    expect(pass!.refreshSessions).toBeGreaterThanOrEqual(1);

    const kept = `WHERE association_id = $1 AND plate_seen LIKE '京Z%'`;
    expect(await plates(`SELECT plate_seen AS plate FROM permit_scan ${kept}`)).toEqual([
      '京Z00002',
      '京Z00003',
    ]);
    expect(
      await plates(
        `SELECT plate FROM occupancy_session WHERE association_id = $1 AND plate LIKE '京Z%'`,
      ),
    ).toEqual(['京Z00002', '京Z00003']);
    const hashes = await t.sql<{ token_hash: string }>(
      `SELECT token_hash FROM refresh_session WHERE token_hash IN ('expired-hash', 'live-hash')`,
    );
    expect(hashes.map((h) => h.token_hash)).toEqual(['live-hash']);
  });

  it('follows the period the council set', async () => {
    const path = `/api/associations/${association}/retention`;
    const warden = await t.login(DEMO.wardens[0]);
    await t
      .http()
      .patch(path)
      .auth(warden, { type: 'bearer' })
      .send({ whereaboutsDays: 90 })
      .expect(403);
    const admin = await t.login(DEMO.admin);
    await t
      .http()
      .patch(path)
      .auth(admin, { type: 'bearer' })
      .send({ whereaboutsDays: 7 })
      .expect(400);
    const set = await t
      .http()
      .patch(path)
      .auth(admin, { type: 'bearer' })
      .send({ whereaboutsDays: 90 })
      .expect(200);
    expect(set.body.whereaboutsDays).toBe(90);
    expect(await job.runOnce(now)).toEqual(expect.objectContaining({ scans: 1, sessions: 1 }));
    expect(
      await plates(
        `SELECT plate FROM occupancy_session WHERE association_id = $1 AND plate LIKE '京Z%'`,
      ),
    ).toEqual(['京Z00002']);
  });

  it('skips the pass while another instance holds it', async () => {
    await scan('old-again', '京Z00004', daysAgo(400));
    const other = new Client({ connectionString: t.database.url });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query('SELECT pg_advisory_xact_lock(41430015)');
      expect(await job.runOnce(now)).toBeNull();
      await other.query('COMMIT');
      expect(await job.runOnce(now)).toEqual(expect.objectContaining({ scans: 1 }));
    } finally {
      await other.end();
    }
  });
});
