import { formatPlate } from '../src/shared/plate';
import { clockAtNext } from './support/clock';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

/**
 * A morning on 下岗胡同: the warden looks at the lane, parks cars, two wardens race for the same
 * space, a resident sees only what is theirs to see.
 */
describe('spaces and occupancy', () => {
  let t: TestApp;
  let laneId: string;
  const space: Record<string, string> = {};
  let warden: string;
  let resident: string;
  let residentPlate: string;

  beforeAll(async () => {
    t = await startTestApp();
    // Midday, when none of the demo lane's no-parking windows (07:00–09:00) is in force.
    clockAtNext(t.app, '12:00');
    [{ id: laneId }] = (await t.sql<{ id: string }>(`SELECT id FROM lane`)) as [{ id: string }];
    for (const row of await t.sql<{ id: string; code: string }>(`SELECT id, code FROM space`))
      space[row.code] = row.id;
    warden = await t.login(DEMO.wardens[0]);
    resident = await t.login(DEMO.resident);
    const [own] = await t.sql<{ plate: string }>(
      `SELECT v.plate FROM vehicle v JOIN member m ON m.household_id = v.household_id WHERE m.phone = $1`,
      [DEMO.resident],
    );
    residentPlate = own!.plate;
  });
  afterAll(() => t.close());

  const as = (token: string, lang = 'zh-CN') => ({
    get: (path: string) =>
      t.http().get(path).set('authorization', `Bearer ${token}`).set('accept-language', lang),
    post: (path: string, body: object = {}) =>
      t
        .http()
        .post(path)
        .set('authorization', `Bearer ${token}`)
        .set('accept-language', lang)
        .send(body),
  });

  /** A registered car that is not parked anywhere yet. */
  async function idleCar(skip = 0): Promise<string> {
    const rows = await t.sql<{ plate: string }>(
      `SELECT plate FROM vehicle v WHERE NOT EXISTS (
         SELECT 1 FROM occupancy_session o WHERE o.plate = v.plate AND o.ended_at IS NULL)
       ORDER BY plate OFFSET $1 LIMIT 1`,
      [skip],
    );
    return rows[0]!.plate;
  }

  it('the lane list and the map show the 40 painted spaces with counts', async () => {
    const lanes = await as(warden).get('/api/lanes').expect(200);
    expect(lanes.body.map((l: { id: string }) => l.id)).toContain(laneId);
    const map = await as(warden).get(`/api/lanes/${laneId}/spaces`).expect(200);
    expect(map.body.spaces).toHaveLength(40);
    expect(map.body.counts).toMatchObject({ total: 40, occupied: 12, closed: 1, free: 27 });
    const occupied = map.body.spaces.find((s: { state: string }) => s.state === 'occupied');
    expect(occupied.occupant.plate).toMatch(/^京[A-Z]·/);
    const fireLane = map.body.spaces.find((s: { code: string }) => s.code === 'XG-20');
    expect(fireLane).toMatchObject({ state: 'closed' });
    expect(fireLane.closedReason).toContain('消防栓');
  });

  it('a resident sees states and counts, but no plate other than their own', async () => {
    const map = await as(resident).get(`/api/lanes/${laneId}/spaces`).expect(200);
    expect(map.body.counts.occupied).toBe(12);
    const plates = map.body.spaces.filter((s: { occupant: unknown }) => s.occupant !== null);
    for (const s of plates) expect(s.occupant.mine).toBe(true);
    expect(JSON.stringify(map.body)).not.toContain('sticker');
  });

  it('a warden checks a car in and out; the seq moves on by one each time', async () => {
    const plate = await idleCar();
    const before = await as(warden).get(`/api/lanes/${laneId}/spaces`).expect(200);
    const parked = await as(warden)
      .post(`/api/spaces/${space['XG-01']}/check-in`, { plate })
      .expect(200);
    expect(parked.body).toMatchObject({ code: 'XG-01', state: 'occupied' });
    expect(parked.body.occupant.plate.replace('·', '')).toBe(plate);
    await as(warden).post(`/api/spaces/${space['XG-01']}/check-out`).expect(200);
    const after = await as(warden).get(`/api/lanes/${laneId}/spaces`).expect(200);
    expect(after.body.seq).toBe(before.body.seq + 2);
    const sessions = await t.sql(`SELECT * FROM occupancy_session WHERE plate = $1`, [plate]);
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.ended_at).not.toBeNull();
  });

  it('twenty wardens racing for one space: exactly one car gets it', async () => {
    const plates = await Promise.all(Array.from({ length: 20 }, (_, i) => idleCar(i)));
    const wardens = await Promise.all(DEMO.wardens.map((phone) => t.login(phone)));
    const results = await Promise.all(
      plates.map((plate, i) =>
        as(wardens[i % wardens.length]!).post(`/api/spaces/${space['XG-04']}/check-in`, { plate }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const refusal = results.find((r) => r.status === 409)!;
    expect(refusal.body).toMatchObject({
      statusCode: 409,
      error: 'conflict',
      reason: 'space.occupied',
      params: { code: 'XG-04' },
      message: '车位XG-04已被占用',
    });
    const inEnglish = await as(warden, 'en')
      .post(`/api/spaces/${space['XG-04']}/check-in`, { plate: await idleCar() })
      .expect(409);
    expect(inEnglish.body).toMatchObject({
      reason: 'space.occupied',
      params: { code: 'XG-04' },
      message: 'Space XG-04 is occupied by another vehicle',
    });
    const open = await t.sql(
      `SELECT count(*)::int AS n FROM occupancy_session WHERE space_id = $1 AND ended_at IS NULL`,
      [space['XG-04']],
    );
    expect(open[0]!.n).toBe(1);
    await as(warden).post(`/api/spaces/${space['XG-04']}/check-out`).expect(200);
  });

  it('one car checked in at many spaces at once: it lands in exactly one', async () => {
    const plate = await idleCar();
    const free = ['XG-06', 'XG-09', 'XG-10', 'XG-13', 'XG-15', 'XG-16', 'XG-18', 'XG-19'];
    const results = await Promise.all(
      free.map((code) => as(warden).post(`/api/spaces/${space[code]}/check-in`, { plate })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    const refused = results.filter((r) => r.status === 409);
    expect(refused).toHaveLength(free.length - 1);
    const winner = free[results.findIndex((r) => r.status === 200)]!;
    const shown = formatPlate(plate);
    for (const refusal of refused) {
      expect(refusal.body).toMatchObject({
        reason: 'occupancy.car_parked_at',
        params: { plate: shown, code: winner },
        message: `车辆${shown}已停在${winner}，请先在那里办理驶离`,
      });
    }
    const inEnglish = await as(warden, 'en')
      .post(`/api/spaces/${space['XG-21']}/check-in`, { plate })
      .expect(409);
    expect(inEnglish.body.message).toBe(
      `${shown} is already checked in at ${winner}; check it out there first`,
    );
    await as(warden).post(`/api/spaces/${space[winner]}/check-out`).expect(200);
  });

  it('the database itself refuses a second open session, whoever writes it', async () => {
    const [occupied] = await t.sql<{
      space_id: string;
      checked_in_by: string;
      association_id: string;
    }>(
      `SELECT space_id, checked_in_by, association_id FROM occupancy_session WHERE ended_at IS NULL LIMIT 1`,
    );
    await expect(
      t.sql(
        `INSERT INTO occupancy_session (association_id, lane_id, space_id, plate, source, started_at, checked_in_by)
         VALUES ($1, $2, $3, '京A00001', 'warden', now(), $4)`,
        [occupied!.association_id, laneId, occupied!.space_id, occupied!.checked_in_by],
      ),
    ).rejects.toThrow(/occupancy_session_open_space_key/);
  });

  it('refuses the closed fire-lane space, a bad plate, and a space of another association', async () => {
    const plate = await idleCar();
    const closed = await as(warden)
      .post(`/api/spaces/${space['XG-20']}/check-in`, { plate })
      .expect(409);
    expect(closed.body).toMatchObject({
      reason: 'space.closed',
      params: { code: 'XG-20' },
      message: '车位XG-20已关闭',
    });
    expect(closed.body.params.closedReason).toContain('消防栓');
    const closedEn = await as(warden, 'en')
      .post(`/api/spaces/${space['XG-20']}/check-in`, { plate })
      .expect(409);
    expect(closedEn.body.message).toBe('Space XG-20 is closed');
    const bad = await as(warden)
      .post(`/api/spaces/${space['XG-21']}/check-in`, { plate: 'ABC1234' })
      .expect(400);
    expect(bad.body).toMatchObject({
      reason: 'check_in.plate_invalid',
      params: { plate: 'ABC1234' },
      message:
        '车牌ABC1234格式不正确：应为省份简称、一个字母和5位字符（新能源车为6位），例如京A12345',
    });
    const badEn = await as(warden, 'en')
      .post(`/api/spaces/${space['XG-21']}/check-in`, { plate: 'ABC1234' })
      .expect(400);
    expect(badEn.body.message).toBe(
      '"ABC1234" is not a valid plate: a province character, a letter and 5 characters (6 for a new-energy car)',
    );
    await as(warden)
      .post(`/api/spaces/${space['XG-21']}/check-in`, { plate, extra: 1 })
      .expect(400);
    await as(warden).post(`/api/spaces/not-a-uuid/check-in`, { plate }).expect(400);
    await as(warden)
      .post(`/api/spaces/00000000-0000-4000-8000-000000000000/check-in`, { plate })
      .expect(404);
    const alreadyFree = await as(warden)
      .post(`/api/spaces/${space['XG-21']}/check-out`)
      .expect(409);
    expect(alreadyFree.body).toMatchObject({
      reason: 'space.already_free',
      params: { code: 'XG-21' },
      message: '车位XG-21已空，无需驶离登记',
    });
  });

  it('a resident checks in only their own car, and only with the sticker at the space', async () => {
    const [{ sticker_token: sticker }] = (await t.sql<{ sticker_token: string }>(
      `SELECT sticker_token FROM space WHERE id = $1`,
      [space['XG-23']],
    )) as [{ sticker_token: string }];
    // Wherever the demo put the resident's car, take it out first.
    const [parked] = await t.sql<{ space_id: string }>(
      `SELECT space_id FROM occupancy_session WHERE plate = $1 AND ended_at IS NULL`,
      [residentPlate],
    );
    if (parked) await as(warden).post(`/api/spaces/${parked.space_id}/check-out`).expect(200);
    const noSticker = await as(resident)
      .post(`/api/spaces/${space['XG-23']}/check-in`, { plate: residentPlate })
      .expect(403);
    expect(noSticker.body).toMatchObject({
      reason: 'check_in.sticker_required',
      message: '请扫描车位上的二维码进行登记',
    });
    const other = await idleCar();
    const notMine = await as(resident, 'en')
      .post(`/api/spaces/${space['XG-23']}/check-in`, {
        plate: other === residentPlate ? await idleCar(1) : other,
        sticker,
      })
      .expect(403);
    expect(notMine.body).toMatchObject({
      reason: 'check_in.own_car_only',
      message: "You may check in only your household's registered car",
    });
    const mine = await as(resident)
      .post(`/api/spaces/${space['XG-23']}/check-in`, { plate: residentPlate, sticker })
      .expect(200);
    expect(mine.body.occupant).toMatchObject({ mine: true });
    await as(resident).post(`/api/spaces/${space['XG-23']}/check-out`).expect(200);
    await as(t.login.length ? warden : warden)
      .get(`/api/lanes/${laneId}/spaces`)
      .expect(200);
  });

  it('availability: free now, and free between 19:00 and 07:00 (the refuse truck comes at 07:00)', async () => {
    const now = await as(resident).get(`/api/lanes/${laneId}/availability`).expect(200);
    expect(now.body.counts.total).toBe(40);
    expect(now.body.freeSpaces.map((s: { code: string }) => s.code)).not.toContain('XG-20');
    const night = await as(resident)
      .get(`/api/lanes/${laneId}/availability?from=19:00&to=07:00`)
      .expect(200);
    expect(night.body.freeSpaces.map((s: { code: string }) => s.code)).toContain('XG-40');
    const morning = await as(resident)
      .get(`/api/lanes/${laneId}/availability?from=06:30&to=08:00`)
      .expect(200);
    expect(morning.body.freeSpaces.map((s: { code: string }) => s.code)).not.toContain('XG-40');
    const all = await as(resident).get(`/api/availability`).expect(200);
    expect(all.body.lanes).toHaveLength(1);
    await as(resident).get(`/api/lanes/${laneId}/availability?from=25:00`).expect(400);
  });
});
