import { parse } from 'csv-parse/sync';
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

  const as = (token: string, lang = 'zh-CN') => {
    const auth = { authorization: `Bearer ${token}`, 'accept-language': lang };
    return {
      get: (path: string) => t.http().get(path).set(auth),
      post: (path: string, body: object = {}) => t.http().post(path).set(auth).send(body),
      put: (path: string, body: object) => t.http().put(path).set(auth).send(body),
      delete: (path: string) => t.http().delete(path).set(auth),
      patch: (path: string, body: object) => t.http().patch(path).set(auth).send(body),
    };
  };
  const north = { x: 50, y: 2.15 };

  it('refuses a space that would leave less than the fire lane clear, saying where and why', async () => {
    const refused = await as(admin)
      .post(`/api/lanes/${laneId}/spaces`, { code: 'XG-41', ...north })
      .expect(409);
    // The first segment is 6.5 m wide: XG-41 on the north side facing XG-08 on the south side
    // leaves 6.5 − 2.2 − 2.2 = 2.1 m, where 4 m must stay clear.
    expect(refused.body).toMatchObject({
      statusCode: 409,
      reason: 'space.clear_passage',
      params: { fromM: 0, toM: 120, leftM: 2.1, neededM: 4, spaces: 'XG-08, XG-41' },
      message:
        '消防通道不足：0米至120米路段在XG-08, XG-41处只剩2.1米，须留出4米供消防车和救护车通行',
    });
    expect(refused.body.details.spaces).toEqual(['XG-08', 'XG-41']);
    const inEnglish = await as(admin, 'en')
      .post(`/api/lanes/${laneId}/spaces`, { code: 'XG-41', ...north })
      .expect(409);
    expect(inEnglish.body.message).toBe(
      'The lane between 0 m and 120 m would keep only 2.1 m clear for fire engines and ambulances at XG-08, XG-41 (needs 4 m)',
    );
    const notCouncil = await as(warden)
      .post(`/api/lanes/${laneId}/spaces`, { code: 'XG-41', ...north })
      .expect(403);
    expect(notCouncil.body).toMatchObject({ reason: 'role.forbidden' });
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
    for (const overlap of attempts.filter((r) => r.status === 409)) {
      expect(overlap.body).toMatchObject({
        reason: 'space.overlaps',
        message: '与同侧已画的车位重叠',
      });
      expect(JSON.stringify(overlap.body)).not.toContain('space_no_overlap');
    }
    const overlapEn = await as(admin, 'en')
      .post(`/api/lanes/${laneId}/spaces`, { code: 'XG-46', ...north })
      .expect(409);
    expect(overlapEn.body.message).toBe(
      'The space would overlap a painted space on the same side of the lane',
    );
    // Narrowing the lane again would now squeeze the passage: refused.
    const narrowed = await as(admin)
      .put(`/api/lanes/${laneId}/segments`, { segments: segments.body })
      .expect(409);
    expect(narrowed.body).toMatchObject({
      reason: 'space.clear_passage',
      params: { fromM: 0, toM: 120, leftM: 2.1, neededM: 4 },
    });
    const reversed = await as(admin, 'en')
      .put(`/api/lanes/${laneId}/segments`, {
        segments: [{ fromM: 10, toM: 5, widthM: 6.5, clearPassageM: 4 }],
      })
      .expect(400);
    expect(reversed.body).toMatchObject({
      reason: 'segment.range_invalid',
      params: { fromM: 10, toM: 5 },
      message: 'A lane segment must end after it starts (10 m to 5 m)',
    });
  });

  it('the new space waits for the neighbours; an objection is answered in writing; it is used when the window closes', async () => {
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
    expect(early.body).toMatchObject({
      reason: 'space.awaiting_neighbours',
      params: { code: space!.code },
      message: `车位${space!.code}正在征求邻里意见，尚未启用`,
    });
    const earlyEn = await as(warden, 'en')
      .post(`/api/spaces/${space!.id}/check-in`, { plate: car!.plate })
      .expect(409);
    expect(earlyEn.body.message).toBe(
      `Space ${space!.code} is not in use until the neighbours' objection window closes`,
    );

    const neighbour = await t.login(facing.phone);
    const stranger = await t.login(DEMO.resident);
    const notFacing = await as(stranger)
      .post(`/api/spaces/${space!.id}/objections`, { reason: '不喜欢' })
      .expect(403);
    expect(notFacing.body).toMatchObject({
      reason: 'objection.not_facing',
      message: '仅车位正对的住户可以提出异议',
    });
    const objection = await as(neighbour)
      .post(`/api/spaces/${space!.id}/objections`, {
        reason: '正对我家窗户 / right under our window',
      })
      .expect(201);
    const again = await as(neighbour, 'en')
      .post(`/api/spaces/${space!.id}/objections`, { reason: 'again' })
      .expect(409);
    expect(again.body).toMatchObject({
      reason: 'objection.already_raised',
      message: 'Your household has already objected to this space',
    });
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

    // Every objection so far is answered, but the window still runs for the other neighbours.
    const stillWaiting = await as(warden)
      .post(`/api/spaces/${space!.id}/check-in`, { plate: car!.plate })
      .expect(409);
    expect(stillWaiting.body.reason).toBe('space.awaiting_neighbours');
    // The window closes (seven days on): the space is used.
    await t.sql(`UPDATE space SET objection_until = now() - interval '1 minute' WHERE id = $1`, [
      space!.id,
    ]);
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

  it('only the council prints the QR sticker sheet: it lets anyone check in without being there', async () => {
    const sheet = await as(admin).get(`/api/lanes/${laneId}/stickers`).expect(200);
    expect(sheet.headers['content-type']).toContain('text/html');
    expect(sheet.text.match(/<svg/g)!.length).toBeGreaterThanOrEqual(40);
    expect(sheet.text).toContain('/app/#/spaces/');
    for (const phone of [DEMO.wardens[0], DEMO.resident, DEMO.viewer]) {
      const refused = await as(await t.login(phone))
        .get(`/api/lanes/${laneId}/stickers`)
        .expect(403);
      expect(refused.body).toMatchObject({ reason: 'role.forbidden' });
    }
  });

  it('the occupancy ledger is the council’s (a viewer reads it masked), and its cells stay text', async () => {
    // A warden whose name, and a visiting plate typed in, would run as spreadsheet formulas.
    const [{ id: wardenId, association_id: associationId }] = (await t.sql<{
      id: string;
      association_id: string;
    }>(`SELECT id, association_id FROM member WHERE phone = $1`, [DEMO.wardens[1]])) as [
      { id: string; association_id: string },
    ];
    await t.sql(`UPDATE member SET name = '=HYPERLINK("http://x.example","张")' WHERE id = $1`, [
      wardenId,
    ]);
    const [{ id: spaceId }] = (await t.sql<{ id: string }>(
      `SELECT id FROM space WHERE code = 'XG-33'`,
    )) as [{ id: string }];
    await t.sql(
      `INSERT INTO occupancy_session (association_id, lane_id, space_id, plate, source, started_at, checked_in_by)
       VALUES ($1, $2, $3, '=1+1+1A', 'warden', now(), $4)`,
      [associationId, laneId, spaceId, wardenId],
    );

    const csv = await as(admin).get(`/api/lanes/${laneId}/sessions.csv`).expect(200);
    const rows: string[][] = parse(csv.text.replace(/^\uFEFF/, ''));
    expect(rows[0]).toEqual([
      '车位',
      '车牌',
      '访客',
      '停入时间',
      '驶离时间',
      '停放分钟',
      '登记人',
      '离场登记人',
      '登记方式',
      '登记人当班',
    ]);
    expect(rows[1]![3]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
    expect(rows.length).toBeGreaterThan(13);
    expect(rows[1]![0]).toMatch(/^XG-\d\d$/);
    expect(rows[1]![1]).toMatch(/^京[A-Z]·/);
    const typedIn = rows.find((row) => row[0] === 'XG-33' && row[4] === '')!;
    expect(typedIn[1]).toBe("'=1·+1+1A");
    expect(typedIn[6]).toBe(`'=HYPERLINK("http://x.example","张")`);
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);

    const masked = await as(await t.login(DEMO.viewer))
      .get(`/api/lanes/${laneId}/sessions.csv`)
      .expect(200);
    const maskedRows: string[][] = parse(masked.text.replace(/^\uFEFF/, ''));
    expect(maskedRows.find((row) => row[0] === 'XG-33' && row[4] === '')![1]).toBe("'=1·***1A");
    for (const row of maskedRows.slice(1)) expect(row[1]).toContain('***');

    for (const phone of [DEMO.wardens[0], DEMO.resident]) {
      const refused = await as(await t.login(phone), 'en')
        .get(`/api/lanes/${laneId}/sessions.csv`)
        .expect(403);
      expect(refused.body).toMatchObject({ reason: 'role.forbidden' });
    }
  });
});
