import { expectRefusal } from './support/refusals';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

/**
 * The lane as people name it (issue 12): the council places door numbers, the hydrant and the
 * way to a shared car park; everyone of the association reads them with the map; nobody else.
 */
describe('lane landmarks', () => {
  let t: TestApp;
  let admin: string;
  let laneId: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login(DEMO.admin);
    [{ id: laneId }] = (await t.sql<{ id: string }>(
      `SELECT id FROM lane WHERE name = '下岗胡同'`,
    )) as [{ id: string }];
  });
  afterAll(() => t?.close());

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  it('everyone of the association reads the demo lane as it is named, in order along it', async () => {
    for (const phone of [DEMO.admin, DEMO.wardens[0], DEMO.resident, DEMO.unit, DEMO.viewer]) {
      const reply = await t
        .http()
        .get(`/api/lanes/${laneId}/landmarks`)
        .set(as(await t.login(phone)))
        .expect(200);
      const landmarks = reply.body as { kind: string; label: string; chainage: number }[];
      expect(landmarks.map((l) => l.kind)).toEqual(
        expect.arrayContaining(['door', 'hydrant', 'entrance', 'refuse', 'landmark', 'car_park']),
      );
      const chainages = landmarks.map((l) => l.chainage);
      expect(chainages).toEqual([...chainages].sort((a, b) => a - b));
    }
    const [{ body }] = [await t.http().get(`/api/lanes/${laneId}/landmarks`).set(as(admin))];
    const garage = (body as Record<string, unknown>[]).find((l) => l.kind === 'car_park');
    expect(garage).toMatchObject({
      label: '金融街中心地下车库',
      carParkId: expect.any(String),
      directions: expect.stringContaining('二龙路'),
      walkMinutes: 4,
    });
  });

  it('the council places a landmark, moves and renames it, and removes it', async () => {
    const placed = await t
      .http()
      .post(`/api/lanes/${laneId}/landmarks`)
      .set(as(admin))
      .send({ kind: 'landmark', label: '  修车铺 ', x: 60, y: 3 })
      .expect(201);
    expect(placed.body).toMatchObject({
      kind: 'landmark',
      label: '修车铺',
      side: 1,
      carParkId: null,
    });
    expect(placed.body.chainage).toBeCloseTo(60, 0);

    const moved = await t
      .http()
      .patch(`/api/landmarks/${placed.body.id}`)
      .set(as(admin))
      .send({ label: '老李修车铺', x: 90, y: -3 })
      .expect(200);
    expect(moved.body).toMatchObject({ label: '老李修车铺', side: -1 });
    expect(moved.body.chainage).toBeCloseTo(90, 0);

    await t.http().delete(`/api/landmarks/${placed.body.id}`).set(as(admin)).expect(204);
    await t.http().patch(`/api/landmarks/${placed.body.id}`).set(as(admin)).send({}).expect(404);
  });

  it('refuses a second door of one number, a pointer without its car park, a point off the lane', async () => {
    const door = await t
      .http()
      .post(`/api/lanes/${laneId}/landmarks`)
      .set(as(admin))
      .set('accept-language', 'zh-CN')
      .send({ kind: 'door', label: '5号', x: 30, y: 3 })
      .expect(409);
    expectRefusal(door.body, 'landmark.door_taken', {}, '该门牌号已在胡同图上');

    const pointer = await t
      .http()
      .post(`/api/lanes/${laneId}/landmarks`)
      .set(as(admin))
      .set('accept-language', 'en')
      .send({ kind: 'car_park', label: '某车库', x: 30, y: 3 })
      .expect(400);
    expect(pointer.body.reason).toBe('request.invalid');

    const far = await t
      .http()
      .post(`/api/lanes/${laneId}/landmarks`)
      .set(as(admin))
      .set('accept-language', 'en')
      .send({ kind: 'landmark', label: '远处', x: 60, y: 80 })
      .expect(422);
    expectRefusal(
      far.body,
      'landmark.off_the_lane',
      { metres: 80 },
      'This point is 80 m from the lane: it is not in the lane',
    );
  });

  it("a pointer to another association's car park is refused as unknown, and nothing is written", async () => {
    const [foreign] = await t.sql<{ id: string }>(
      `INSERT INTO association (name, community, street_office) VALUES ('文昌车友会', '文昌社区', '金融街街道') RETURNING id`,
    );
    const [unit] = await t.sql<{ id: string }>(
      `INSERT INTO resident_unit (association_id, name, kind, address) VALUES ($1, '文昌单位', 'office', '文昌胡同') RETURNING id`,
      [foreign!.id],
    );
    const [park] = await t.sql<{ id: string }>(
      `INSERT INTO car_park (association_id, resident_unit_id, name, total_spaces) VALUES ($1, $2, '文昌车库', 10) RETURNING id`,
      [foreign!.id, unit!.id],
    );
    const [foreignLane] = await t.sql<{ id: string }>(
      `INSERT INTO lane (association_id, name, geometry) VALUES ($1, '文昌胡同', '[{"x":0,"y":0},{"x":50,"y":0}]') RETURNING id`,
      [foreign!.id],
    );
    const before = await t.sql(`SELECT id FROM lane_landmark`);
    const reply = await t
      .http()
      .post(`/api/lanes/${laneId}/landmarks`)
      .set(as(admin))
      .send({ kind: 'car_park', label: '文昌车库', x: 0, y: 3, carParkId: park!.id })
      .expect(404);
    expect(reply.body.reason).toBe('landmark.car_park_unknown');
    // Their lane's landmarks are not ours to read or add to.
    await t.http().get(`/api/lanes/${foreignLane!.id}/landmarks`).set(as(admin)).expect(404);
    await t
      .http()
      .post(`/api/lanes/${foreignLane!.id}/landmarks`)
      .set(as(admin))
      .send({ kind: 'landmark', label: '槐树', x: 10, y: 1 })
      .expect(404);
    expect(await t.sql(`SELECT id FROM lane_landmark`)).toHaveLength(before.length);
  });

  it('wardens, residents, units and viewers may read but not place, move or remove', async () => {
    const [{ id }] = (await t.sql<{ id: string }>(
      `SELECT id FROM lane_landmark WHERE label = '老槐树'`,
    )) as [{ id: string }];
    for (const phone of [DEMO.wardens[0], DEMO.resident, DEMO.unit, DEMO.viewer]) {
      const token = await t.login(phone);
      await t
        .http()
        .post(`/api/lanes/${laneId}/landmarks`)
        .set(as(token))
        .send({ kind: 'landmark', label: '冒名', x: 10, y: 1 })
        .expect(403);
      await t
        .http()
        .patch(`/api/landmarks/${id}`)
        .set(as(token))
        .send({ label: '改名' })
        .expect(403);
      await t.http().delete(`/api/landmarks/${id}`).set(as(token)).expect(403);
    }
    const [still] = await t.sql<{ label: string }>(
      `SELECT label FROM lane_landmark WHERE id = $1`,
      [id],
    );
    expect(still!.label).toBe('老槐树');
  });
});
