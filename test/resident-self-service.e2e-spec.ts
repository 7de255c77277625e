import { Clock } from '../src/common/clock';
import { expectRefusal } from './support/refusals';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

const OTHER_COUNCIL = '13800000400'; // 砖塔车友会
const OTHER_ASSOCIATION_RESIDENT = '13800000410';

/**
 * A resident's own vehicles (issue 12, resident self-service): with the convention's
 * vehicleChangesNeedApproval off a new car enters the register at once; with it on, the request
 * waits for the council, which approves (the car enters in the same transaction) or refuses with
 * a written reason the household reads. No one else sees or decides the household's requests.
 */
describe("residents' vehicle changes and the council's approval", () => {
  let t: TestApp;
  let admin: string;
  let resident: string;
  let neighbour: string;
  let warden: string;
  let otherCouncil: string;
  let association: string;

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
    patch: (path: string, body: object = {}) =>
      t
        .http()
        .patch(path)
        .set('authorization', `Bearer ${token}`)
        .set('accept-language', lang)
        .send(body),
  });

  /** The convention in force of 4143 says so (as an adopted amendment would). */
  async function approvalNeeded(on: boolean): Promise<void> {
    await t.sql(
      `UPDATE convention_version SET parameters = parameters || jsonb_build_object('vehicleChangesNeedApproval', $2::boolean)
        WHERE association_id = $1 AND status = 'adopted'`,
      [association, on],
    );
  }

  const platesOf = async (token: string) =>
    ((await as(token).get('/api/vehicles')).body.items as { plate: string }[]).map((v) => v.plate);

  beforeAll(async () => {
    t = await startTestApp();
    [{ id: association }] = (await t.sql<{ id: string }>(
      `SELECT id FROM association WHERE name = '4143车友会'`,
    )) as [{ id: string }];
    admin = await t.login(DEMO.admin);
    resident = await t.login(DEMO.resident);
    neighbour = await t.login(DEMO.otherResident);
    warden = await t.login(DEMO.wardens[0]);
    otherCouncil = await t.login(OTHER_COUNCIL);
  });
  afterAll(() => t.close());

  it('by default a resident’s new car enters at once, and the rule says so', async () => {
    const rule = await as(resident).get('/api/vehicle-changes/rule');
    expect(rule.body).toMatchObject({ needsApproval: false, vehiclesPerHousehold: 1 });
    const added = await as(resident).post('/api/vehicle-changes', {
      plate: '京a·f1 234',
      plateColor: 'blue',
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ kind: 'add', status: 'applied', plate: '京A·F1234' });
    expect(added.body.vehicleId).toEqual(expect.any(String));
    expect(await platesOf(resident)).toContain('京A·F1234');
  });

  it('refuses a wrong colour, a taken plate and a change that changes nothing, with reasons', async () => {
    const green = await as(resident).post('/api/vehicle-changes', {
      plate: '京AF1235',
      plateColor: 'green',
    });
    expectRefusal(green.body, 'plate.green_has_eight', {}, '绿色车牌应为8位');
    const taken = await as(resident).post('/api/vehicle-changes', { plate: '京AF1234' });
    expect(taken.status).toBe(409);
    expect(taken.body.reason).toBe('vehicle.plate_taken');
    const [car] = (await as(resident).get('/api/vehicles?plate=F1234')).body.items;
    const same = await as(resident).post('/api/vehicle-changes', {
      vehicleId: car.id,
      plate: '京AF1234',
      plateColor: 'blue',
    });
    expect(same.body.reason).toBe('vehicle_change.nothing_changed');
  });

  it('with approval on, a new car and a plate change wait; the direct routes refuse, citing the rule', async () => {
    await approvalNeeded(true);
    expect((await as(resident).get('/api/vehicle-changes/rule')).body.needsApproval).toBe(true);

    const direct = await as(resident).post('/api/vehicles', { plate: '京AF2001' });
    expect(direct.status).toBe(409);
    expect(direct.body.reason).toBe('vehicle_change.needs_approval');
    expect(direct.body.message).toContain('须经理事会审核');
    const english = await as(resident, 'en').post('/api/vehicles', { plate: '京AF2001' });
    expect(english.body.message).toContain('the council approves new vehicles');
    const [car] = (await as(resident).get('/api/vehicles?plate=F1234')).body.items;
    const patched = await as(resident).patch(`/api/vehicles/${car.id}`, { plateColor: 'yellow' });
    expect(patched.body.reason).toBe('vehicle_change.needs_approval');
    // The council registers directly whatever the rule.
    const byCouncil = await as(admin).get('/api/vehicles?plate=F1234');
    expect(byCouncil.body.items).toHaveLength(1);

    const asked = await as(resident).post('/api/vehicle-changes', { plate: '京AF2001' });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ kind: 'add', status: 'pending', vehicleId: null });
    expect(await platesOf(resident)).not.toContain('京A·F2001');
    const twice = await as(neighbour).post('/api/vehicle-changes', { plate: '京AF2001' });
    expect(twice.status).toBe(409);
    expect(twice.body.reason).toBe('vehicle_change.plate_pending');

    const edit = await as(resident).post('/api/vehicle-changes', {
      vehicleId: car.id,
      plate: '京AF1239',
    });
    expect(edit.body).toMatchObject({ kind: 'edit', status: 'pending', vehicleId: car.id });
    const again = await as(resident).post('/api/vehicle-changes', {
      vehicleId: car.id,
      plate: '京AF1238',
    });
    expect(again.body.reason).toBe('vehicle_change.vehicle_pending');

    const pending = await as(admin).get('/api/vehicle-changes?status=pending');
    expect(pending.body.items.map((c: { plate: string }) => c.plate).sort()).toEqual([
      '京A·F1239',
      '京A·F2001',
    ]);
  });

  it('only the household and its council read a request; only its council decides', async () => {
    const [request] = (await as(resident).get('/api/vehicle-changes?status=pending')).body.items;
    expect((await as(neighbour).get(`/api/vehicle-changes/${request.id}`)).status).toBe(404);
    expect((await as(neighbour).get('/api/vehicle-changes')).body.items).toEqual([]);
    expect((await as(otherCouncil).get(`/api/vehicle-changes/${request.id}`)).status).toBe(404);
    expect((await as(warden).get('/api/vehicle-changes')).status).toBe(403);
    const foreign = await as(otherCouncil).post(`/api/vehicle-changes/${request.id}/approve`);
    expect(foreign.status).toBe(404);
    const byResident = await as(resident).post(`/api/vehicle-changes/${request.id}/approve`);
    expect(byResident.status).toBe(403);
    const otherResident = await t.login(OTHER_ASSOCIATION_RESIDENT);
    expect((await as(otherResident).get(`/api/vehicle-changes/${request.id}`)).status).toBe(404);
    const [still] = await t.sql<{ status: string }>(
      `SELECT status FROM vehicle_change WHERE id = $1`,
      [request.id],
    );
    expect(still!.status).toBe('pending');
  });

  it('the council approves one (the car enters) and refuses the other with a written reason', async () => {
    const pending = (await as(admin).get('/api/vehicle-changes?status=pending')).body.items as {
      id: string;
      plate: string;
    }[];
    const add = pending.find((c) => c.plate === '京A·F2001')!;
    const edit = pending.find((c) => c.plate === '京A·F1239')!;

    const approved = await as(admin).post(`/api/vehicle-changes/${add.id}/approve`, {
      note: '已核对行驶证。',
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', decisionNote: '已核对行驶证。' });
    expect(await platesOf(resident)).toContain('京A·F2001');
    const twice = await as(admin).post(`/api/vehicle-changes/${add.id}/approve`);
    expect(twice.body.reason).toBe('vehicle_change.not_pending');

    const bare = await as(admin).post(`/api/vehicle-changes/${edit.id}/refuse`, { note: '  ' });
    expect(bare.status).toBe(400);
    const refused = await as(admin).post(`/api/vehicle-changes/${edit.id}/refuse`, {
      note: '行驶证上的号牌仍是京A·F1234。',
    });
    expect(refused.body).toMatchObject({ status: 'refused' });
    const mine = (await as(resident).get('/api/vehicle-changes')).body.items as {
      plate: string;
      status: string;
      decisionNote: string | null;
    }[];
    expect(mine.find((c) => c.plate === '京A·F1239')).toMatchObject({
      status: 'refused',
      decisionNote: '行驶证上的号牌仍是京A·F1234。',
    });
    expect(await platesOf(resident)).toContain('京A·F1234');
    expect(await platesOf(resident)).not.toContain('京A·F1239');
    await approvalNeeded(false);
  });
});

/** The household's past bookings and the scans of its permits, without the warden's identity. */
describe("a resident's past bookings and the scans of their permits", () => {
  let t: TestApp;
  let resident: string;
  let neighbour: string;
  let warden: string;

  const get = (token: string, path: string, lang = 'zh-CN') =>
    t.http().get(path).set('authorization', `Bearer ${token}`).set('accept-language', lang);
  const post = (token: string, path: string, body: object) =>
    t.http().post(path).set('authorization', `Bearer ${token}`).send(body);

  beforeAll(async () => {
    t = await startTestApp();
    resident = await t.login(DEMO.resident);
    neighbour = await t.login(DEMO.otherResident);
    warden = await t.login(DEMO.wardens[0]);
  });
  afterAll(() => t.close());

  it('shows when, where and the verdict of each scan of the household’s permit, never who', async () => {
    const [lane] = (await get(warden, '/api/lanes').expect(200)).body as { id: string }[];
    await post(warden, '/api/scans', {
      plate: '京A12345',
      laneId: lane!.id,
      spaceLabel: 'XG-07',
      idempotencyKey: 'resident-history-1',
    }).expect(200);

    const mine = await get(resident, '/api/scans/mine').expect(200);
    expect(mine.body.total).toBe(1);
    const [scan] = mine.body.items;
    expect(scan).toMatchObject({
      verdict: 'valid',
      laneName: expect.any(String),
      spaceLabel: 'XG-07',
      atCarPark: false,
      permit: { plate: '京A·12345' },
    });
    expect(scan.reason).toMatch(/[\u4e00-\u9fff]/);
    expect(Object.keys(scan)).not.toEqual(
      expect.arrayContaining(['scannedBy', 'recorderOnDuty', 'warden']),
    );
    expect(JSON.stringify(mine.body)).not.toContain(DEMO.wardens[0]);

    expect((await get(neighbour, '/api/scans/mine').expect(200)).body.total).toBe(0);
    expect((await get(warden, '/api/scans/mine')).status).toBe(403);
  });

  it('lists bookings of nights gone by, the latest first; not the neighbour’s', async () => {
    const offers = (await get(resident, '/api/offers').expect(200)).body as {
      id: string;
      title: string;
      termsHash: string;
      nights: { night: string; free: number }[];
    }[];
    const school = offers.find((o) => o.title.startsWith('二龙路小学'))!;
    const [car] = (await get(resident, '/api/vehicles').expect(200)).body.items;
    // The last night ahead: never tonight's window, already begun.
    const night = school.nights.filter((n) => n.free > 0).at(-1)!.night;
    const booked = await post(resident, `/api/offers/${school.id}/bookings`, {
      date: night,
      vehicleId: car.id,
      acceptTerms: true,
      termsHash: school.termsHash,
    }).expect(201);
    expect((await get(resident, '/api/bookings/history').expect(200)).body.total).toBe(0);

    // A few days on, that night is history.
    const later = Date.now() + 9 * 24 * 3600_000;
    jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => new Date(later));
    const history = await get(resident, '/api/bookings/history').expect(200);
    expect(history.body.items.map((b: { id: string }) => b.id)).toEqual([booked.body.id]);
    expect(history.body.items[0]).toMatchObject({ night, plate: car.plate });
    expect((await get(neighbour, '/api/bookings/history').expect(200)).body.items).toEqual([]);
    expect((await get(warden, '/api/bookings/history')).status).toBe(403);
  });
});
