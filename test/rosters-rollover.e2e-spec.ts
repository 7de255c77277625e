import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { io } from 'socket.io-client';
import request from 'supertest';
import { createApp } from '../src/bootstrap';
import {
  DAY_MS,
  shanghaiDays,
  shanghaiWeekday,
  startOfShanghaiDay,
} from '../src/common/shanghai-time';
import { RosterRolloverService } from '../src/rosters/roster-rollover.service';
import { RostersService } from '../src/rosters/rosters.service';
import type { RosterGapsAheadPayload } from '../src/shared/live/rosters';
import { createTestDatabase, type TestDatabase } from './support/test-database';
import { DEMO } from './support/test-app';

const AHEAD_DAYS = 28;

/**
 * Issue 10.2: the roster rolls on. The demo database is taken as it would be found weeks after
 * it was last run: its roster ends tomorrow. Two instances start on it at once; the next four
 * weeks are generated once, by one of them, with the fair spread; the council hears of gaps in
 * the coming week; a restart does not roll again before it is due.
 */
describe('the roster rolls on by itself', () => {
  let database: TestDatabase;
  let db: Client;
  const apps: NestFastifyApplication[] = [];
  let associationId: string;
  const today = startOfShanghaiDay(new Date());
  const rosterEnds = new Date(today.getTime() + 2 * DAY_MS);
  const horizon = new Date(today.getTime() + AHEAD_DAYS * DAY_MS);

  const start = async () => {
    const app = await createApp(database.url);
    await app.listen({ port: 0, host: '127.0.0.1' });
    apps.push(app);
    return app;
  };
  const urlOf = (app: NestFastifyApplication) => {
    const address = app.getHttpServer().address();
    return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  };
  const login = async (app: NestFastifyApplication, phone: string) =>
    (
      await request(app.getHttpServer())
        .post('/api/auth/login')
        .send({ phone, password: DEMO.password })
        .expect(200)
    ).body.accessToken as string;
  const get = (app: NestFastifyApplication, token: string, path: string) =>
    request(app.getHttpServer()).get(path).set('Authorization', `Bearer ${token}`);

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new Client({ connectionString: database.url });
    await db.connect();
    // Weeks later: everything after tomorrow is gone, as if the demo had stopped then.
    await db.query(`DELETE FROM duty_shift WHERE starts_at >= $1`, [rosterEnds]);
    [{ id: associationId }] = (
      await db.query(`SELECT id FROM association WHERE name = '4143车友会'`)
    ).rows as [{ id: string }];
  });
  afterAll(async () => {
    for (const app of apps.splice(0)) await app.close();
    await db.end();
    await database.drop();
  });

  it('two instances starting at once generate the next four weeks once, with the fair spread', async () => {
    const [a, b] = await Promise.all([start(), start()]);
    await Promise.all([a, b].map((app) => app.get(RosterRolloverService).settled()));

    const days = shanghaiDays(rosterEnds, horizon);
    const patrolDays = days.filter((d) => shanghaiWeekday(d) <= 5).length;
    const expected = days.length * 3 + patrolDays;
    const runs = [a, b].map((app) => app.get(RosterRolloverService).lastRuns);
    // One instance rolled the association on; the other found nothing due (or it locked). The
    // street's second demo association rolls on beside it.
    expect(runs.flat().filter((run) => run.associationId === associationId)).toEqual([
      { associationId, shifts: expected, generatedUntil: horizon, gaps: 0 },
    ]);

    const { rows: perDay } = await db.query<{ day: string; wardens: number; patrols: number }>(
      `SELECT to_char(starts_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day,
              count(*) FILTER (WHERE kind = 'warden')::int AS wardens,
              count(*) FILTER (WHERE kind = 'volunteer')::int AS patrols
         FROM duty_shift WHERE association_id = $3 AND starts_at >= $1 AND starts_at < $2
        GROUP BY 1 ORDER BY 1`,
      [today, horizon, associationId],
    );
    expect(perDay).toHaveLength(AHEAD_DAYS);
    expect(perDay.every((d) => d.wardens === 3)).toBe(true);

    // Around the clock: no gap from now to the horizon, wardens or patrols.
    const admin = await login(a, DEMO.admin);
    const coverage = await get(
      a,
      admin,
      `/api/rosters/coverage?from=${new Date().toISOString()}&to=${horizon.toISOString()}`,
    ).expect(200);
    expect(coverage.body.gaps).toEqual([]);

    // The rotation carries on across the seam: each warden works a third of the new days.
    const { rows: hours } = await db.query<{ hours: number }>(
      `SELECT (sum(extract(epoch FROM a.ends_at - a.starts_at)) / 3600)::int AS hours
         FROM shift_assignment a JOIN duty_shift s ON s.id = a.shift_id
        WHERE s.kind = 'warden' AND s.association_id = $3 AND s.starts_at >= $1
          AND s.starts_at < $2
        GROUP BY a.member_id`,
      [rosterEnds, horizon, associationId],
    );
    expect(hours.map((h) => h.hours)).toEqual(Array(3).fill((days.length * 24) / 3));

    const [row] = (
      await db.query(
        `SELECT next_run_at, generated_until, last_shifts FROM roster_rollover
          WHERE association_id = $1`,
        [associationId],
      )
    ).rows as [{ next_run_at: Date; generated_until: Date; last_shifts: number }];
    expect(row.generated_until).toEqual(horizon);
    expect(row.last_shifts).toBe(expected);
    expect(row.next_run_at.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
  });

  it('every warden sees upcoming shifts in "my shifts" for the weeks ahead', async () => {
    const [a] = apps;
    for (const phone of DEMO.wardens) {
      const token = await login(a!, phone);
      const mine = await get(
        a!,
        token,
        `/api/me/shifts?from=${rosterEnds.toISOString()}&to=${horizon.toISOString()}`,
      ).expect(200);
      // One shift a day each: three wardens, three shifts a day.
      const shifts = mine.body as { kind: string; mine: { attendance: string } }[];
      expect(shifts).toHaveLength(shanghaiDays(rosterEnds, horizon).length);
      expect(shifts.every((s) => s.kind === 'warden' && s.mine.attendance === 'upcoming')).toBe(
        true,
      );
    }
  });

  it('the coverage of a week beyond the roster is one big gap', async () => {
    const [a] = apps;
    const admin = await login(a!, DEMO.admin);
    const from = new Date(horizon.getTime() + 7 * DAY_MS);
    const to = new Date(from.getTime() + 7 * DAY_MS);
    const coverage = await get(
      a!,
      admin,
      `/api/rosters/coverage?from=${from.toISOString()}&to=${to.toISOString()}`,
    ).expect(200);
    expect(
      coverage.body.gaps
        .filter((g: { kind: string }) => g.kind === 'warden')
        .map((g: { from: string; to: string; scheduled: number; required: number }) => [
          g.from,
          g.to,
          g.scheduled,
          g.required,
        ]),
    ).toEqual([[from.toISOString(), to.toISOString(), 0, 1]]);
  });

  it('a gap in the coming week is pushed to the council and shown to the board', async () => {
    const [a, b] = apps;
    const admin = await login(a!, DEMO.admin);
    const council = io(`${urlOf(a!)}/live`, { auth: { token: admin }, transports: ['websocket'] });
    const pushes: RosterGapsAheadPayload[] = [];
    council.on('roster.gaps-ahead', (payload: RosterGapsAheadPayload) => pushes.push(payload));
    await new Promise<void>((resolve, reject) => {
      council.once('connect', resolve);
      council.once('connect_error', reject);
    });

    // A warden's place three days on is left empty.
    const { rows } = await db.query<{ id: string; starts_at: Date; ends_at: Date }>(
      `SELECT a.id, s.starts_at, s.ends_at FROM shift_assignment a JOIN duty_shift s ON s.id = a.shift_id
        WHERE s.kind = 'warden' AND s.association_id = $2 AND s.starts_at >= $1
        ORDER BY s.starts_at LIMIT 1`,
      [new Date(today.getTime() + 3 * DAY_MS), associationId],
    );
    const emptied = rows[0]!;
    await db.query(`DELETE FROM shift_assignment WHERE id = $1`, [emptied.id]);
    const expectedGap = {
      from: emptied.starts_at.toISOString(),
      to: emptied.ends_at.toISOString(),
      scheduled: 0,
      required: 1,
      kind: 'warden',
      article: 5,
    };

    // The public board's source: the next seven days' gaps (times and counts, no names).
    const ahead = await a!.get(RostersService).gapsAhead(associationId);
    expect(ahead).toEqual([expect.objectContaining(expectedGap)]);

    // When the roll comes due, whichever instance runs it tells the council on every instance.
    // A second ago: PostgreSQL keeps microseconds, a JavaScript Date only milliseconds, so
    // "now" in the database can be a fraction later than `new Date()` just after it.
    await db.query(`UPDATE roster_rollover SET next_run_at = now() - interval '1 second'`);
    const runs = await b!.get(RosterRolloverService).runDue(new Date());
    expect(runs.filter((run) => run.associationId === associationId)).toEqual([
      { associationId, shifts: 0, generatedUntil: horizon, gaps: 1 },
    ]);
    const deadline = Date.now() + 5000;
    while (pushes.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(pushes).toHaveLength(1);
    expect(pushes[0]).toMatchObject({ associationId, gaps: [expectedGap] });
    council.disconnect();
  });

  it('after a restart, nothing rolls again until it is due', async () => {
    for (const app of apps.splice(0)) await app.close();
    const { rows: before } = await db.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM duty_shift`,
    );
    const again = await start();
    await again.get(RosterRolloverService).settled();
    expect(again.get(RosterRolloverService).lastRuns).toEqual([]);
    const { rows: after } = await db.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM duty_shift`,
    );
    expect(after[0]!.count).toBe(before[0]!.count);
  });
});
