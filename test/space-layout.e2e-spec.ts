import { DEMO, startTestApp, type TestApp } from './support/test-app';

/**
 * The council paints a new space on the north side of 下岗胡同: the fire lane must stay 4 m wide,
 * the household it faces may object, and the council answers before it is used.
 */
describe('space layout, fire-lane clearance and neighbour consent', () => {
  let t: TestApp;
  let laneId: string;
  let admin: string;
  let warden: string;
  let facing: { householdId: string; phone: string };

  beforeAll(async () => {
    t = await startTestApp();
    [{ id: laneId }] = (await t.sql<{ id: string }>(`SELECT id FROM lane`)) as [{ id: string }];
    admin = await t.login(DEMO.admin);
    warden = await t.login(DEMO.wardens[0]);
    const [row] = await t.sql<{ household_id: string; phone: string }>(
      `SELECT household_id, phone FROM member WHERE phone = $1`,
      [DEMO.otherResident],
    );
    facing = { householdId: row!.household_id, phone: row!.phone };
  });
  afterAll(() => t.close());

  const as = (token: string) => ({
    get: (path: string) => t.http().get(path).set('authorization', `Bearer ${token}`),
    post: (path: string, body: object = {}) =>
      t.http().post(path).set('authorization', `Bearer ${token}`).send(body),
    put: (path: string, body: object) =>
      t.http().put(path).set('authorization', `Bearer ${token}`).send(body),
    delete: (path: string) => t.http().delete(path).set('authorization', `Bearer ${token}`),
    patch: (path: string, body: object) =>
      t.http().patch(path).set('authorization', `Bearer ${token}`).send(body),
  });
  const north = { x: 50, y: 2.15 };

  it('refuses a space that would leave less than the fire lane clear, saying where and why', async () => {
    const refused = await as(admin)
      .post(`/api/lanes/${laneId}/spaces`, { code: 'XG-41', ...north })
      .expect(409);
    expect(refused.body.message).toContain('消防通道不足');
    expect(refused.body.details.spaces).toContain('XG-41');
    await as(warden)
      .post(`/api/lanes/${laneId}/spaces`, { code: 'XG-41', ...north })
      .expect(403);
  });

  it('after the lane is widened, the same spot can be painted once, however many try at once', async () => {
    const segments = await as(admin).get(`/api/lanes/${laneId}/segments`).expect(200);
    const widened = segments.body.map((s: { fromM: number; widthM: number }) =>
      s.fromM === 0 ? { ...s, widthM: 9 } : s,
    );
    await as(admin).put(`/api/lanes/${laneId}/segments`, { segments: widened }).expect(200);
    const attempts = await Promise.all(
      ['XG-41', 'XG-42', 'XG-43', 'XG-44', 'XG-45'].map((code) =>
        as(admin).post(`/api/lanes/${laneId}/spaces`, {
          code,
          ...north,
          facingHouseholdIds: [facing.householdId],
        }),
      ),
    );
    expect(attempts.filter((r) => r.status === 201)).toHaveLength(1);
    expect(attempts.filter((r) => r.status === 409)).toHaveLength(4);
    expect(attempts.find((r) => r.status === 409)!.body.message).toContain('重叠');
    // Narrowing the lane again would now squeeze the passage: refused.
    await as(admin).put(`/api/lanes/${laneId}/segments`, { segments: segments.body }).expect(409);
  });

  it('the new space waits for the neighbours; an objection is answered in writing; then it is used', async () => {
    const [space] = await t.sql<{ id: string; code: string; sticker_token: string }>(
      `SELECT id, code, sticker_token FROM space WHERE consent = 'pending'`,
    );
    const map = await as(warden).get(`/api/lanes/${laneId}/spaces`).expect(200);
    expect(map.body.spaces.find((s: { id: string }) => s.id === space!.id)).toMatchObject({
      state: 'closed',
      consent: 'pending',
    });
    const [car] = await t.sql<{ plate: string }>(
      `SELECT plate FROM vehicle v WHERE NOT EXISTS (SELECT 1 FROM occupancy_session o WHERE o.plate = v.plate AND o.ended_at IS NULL) LIMIT 1`,
    );
    const early = await as(warden)
      .post(`/api/spaces/${space!.id}/check-in`, { plate: car!.plate })
      .expect(409);
    expect(early.body.message).toContain('征求邻里意见');

    const neighbour = await t.login(facing.phone);
    const stranger = await t.login(DEMO.resident);
    await as(stranger)
      .post(`/api/spaces/${space!.id}/objections`, { reason: '不喜欢 / no' })
      .expect(403);
    const objection = await as(neighbour)
      .post(`/api/spaces/${space!.id}/objections`, {
        reason: '正对我家窗户 / right under our window',
      })
      .expect(201);
    await as(neighbour)
      .post(`/api/spaces/${space!.id}/objections`, { reason: 'again' })
      .expect(409);
    await as(admin)
      .post(`/api/spaces/${space!.id}/objections/${objection.body.id}/decision`, {
        decision: 'maybe',
        reason: 'x',
      })
      .expect(400);
    const answer = await as(admin)
      .post(`/api/spaces/${space!.id}/objections/${objection.body.id}/decision`, {
        decision: 'dismissed',
        reason:
          '车位在院墙一侧,已改为车头朝外 / the space is by the courtyard wall; cars park nose out',
      })
      .expect(200);
    expect(answer.body).toMatchObject({ decision: 'dismissed' });
    const theirs = await as(neighbour).get(`/api/spaces/${space!.id}/objections`).expect(200);
    expect(theirs.body[0].decisionReason).toContain('nose out');

    await as(warden).post(`/api/spaces/${space!.id}/check-in`, { plate: car!.plate }).expect(200);
  });

  it('the council closes and reserves spaces and adds restriction windows; the map follows', async () => {
    const [space] = await t.sql<{ id: string }>(`SELECT id FROM space WHERE code = 'XG-30'`);
    const reserved = await as(admin)
      .patch(`/api/spaces/${space!.id}`, {
        availability: 'reserved',
        closedReason: '婚车 / wedding car',
      })
      .expect(200);
    expect(reserved.body).toMatchObject({ state: 'reserved' });
    const restricted = await as(admin)
      .post(`/api/spaces/${space!.id}/restrictions`, {
        from: '22:00',
        to: '06:00',
        days: [6, 7],
        reason: '周末夜间施工 / night works',
      })
      .expect(201);
    expect(restricted.body.restrictions).toHaveLength(1);
    await as(admin)
      .post(`/api/spaces/${space!.id}/restrictions`, { from: '25:00', to: '06:00', reason: 'x' })
      .expect(400);
    await as(admin)
      .delete(`/api/spaces/${space!.id}/restrictions/${restricted.body.restrictions[0].id}`)
      .expect(200);
    await as(admin).patch(`/api/spaces/${space!.id}`, { availability: 'open' }).expect(200);
  });

  it('prints the QR sticker sheet and exports the occupancy ledger as CSV', async () => {
    const sheet = await as(warden).get(`/api/lanes/${laneId}/stickers`).expect(200);
    expect(sheet.headers['content-type']).toContain('text/html');
    expect(sheet.text.match(/<svg/g)!.length).toBeGreaterThanOrEqual(40);
    expect(sheet.text).toContain('/app/#/spaces/');
    await as(await t.login(DEMO.resident))
      .get(`/api/lanes/${laneId}/stickers`)
      .expect(403);

    const csv = await as(admin).get(`/api/lanes/${laneId}/sessions.csv`).expect(200);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe(
      'space,plate,visitor,checkedInAt,checkedOutAt,minutes,checkedInBy,checkedOutBy,source,recorderOnDuty',
    );
    expect(lines.length).toBeGreaterThan(12);
    expect(lines[1]).toMatch(/^XG-\d\d,京[A-Z]·/);
    const masked = await as(await t.login(DEMO.viewer))
      .get(`/api/lanes/${laneId}/sessions.csv`)
      .expect(200);
    expect(masked.text).toContain('***');
  });
});
