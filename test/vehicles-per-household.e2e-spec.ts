import { clockAtNext } from './support/clock';
import { expectRefusal } from './support/refusals';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

// A larger pool, so the parallel applications really race for the household's lock.
process.env.DATABASE_POOL_SIZE = '12';

const TWO_CAR_RESIDENT = '13800000012'; // 下岗胡同3号 has two cars

/**
 * Article 3 of 下岗胡同's convention, 每户限一辆车 (vehiclesPerHousehold = 1): a household's second
 * car gets no permit, on application or on approval, even when both phones apply at once, and is
 * not self-checked in beside the first.
 */
describe('one car per household (article 3) binds permits and self check-in', () => {
  let t: TestApp;
  let admin: string;
  let resident: string;

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

  async function carsOf(phone: string): Promise<{ id: string; plate: string }[]> {
    return t.sql(
      `SELECT v.id, v.plate FROM vehicle v JOIN member m ON m.household_id = v.household_id
        WHERE m.phone = $1 ORDER BY v.plate`,
      [phone],
    );
  }

  async function newCar(token: string, plate: string): Promise<string> {
    const car = await as(token).post('/api/vehicles', { plate });
    expect(car.status).toBe(201);
    return car.body.id as string;
  }

  beforeAll(async () => {
    t = await startTestApp();
    // Midday: none of the demo lane's no-parking windows is in force.
    clockAtNext(t.app, '12:00');
    admin = await t.login(DEMO.admin);
    resident = await t.login(DEMO.resident);
  });
  afterAll(() => t.close());

  it('a household whose car holds a permit is refused one for a second car, citing article 3', async () => {
    const second = await newCar(resident, '京AE31415');
    const refused = await as(resident).post('/api/permits', { vehicleId: second });
    expect(refused.status).toBe(409);
    expectRefusal(
      refused.body,
      'permit.vehicles_per_household',
      { plate: '京A·E31415', limit: 1, article: 3 },
      '依照公约第三条，每户最多1辆车持有停车证，本户已满，京A·E31415不能再申领；其余车辆请停放到驻区单位的错时共享车位',
    );
    const english = await as(resident, 'en').post('/api/permits', { vehicleId: second });
    expect(english.body.message).toBe(
      "Under Article 3 of the convention, at most 1 car(s) of a household hold a permit; this household's already do, so 京A·E31415 cannot have one. Other cars may use a unit's off-peak spaces",
    );
    const [{ count }] = (await t.sql<{ count: string }>(
      `SELECT count(*) FROM permit WHERE vehicle_id = $1`,
      [second],
    )) as [{ count: string }];
    expect(Number(count)).toBe(0);
  });

  it('phones of car-free households apply for three new cars each, all at once: one per household passes', async () => {
    // 下岗胡同6号, 15号, 24号 and 33号 have no car yet.
    const phones = ['13800000015', '13800000024', '13800000033', '13800000042'];
    const households = await Promise.all(
      phones.map(async (phone, h) => {
        const token = await t.login(phone);
        const cars: string[] = [];
        for (let c = 0; c < 3; c++) cars.push(await newCar(token, `京AF${h}${c}182`));
        return { token, cars };
      }),
    );
    const answers = await Promise.all(
      households.flatMap(({ token, cars }) =>
        cars.map((vehicleId) => as(token).post('/api/permits', { vehicleId })),
      ),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(households.length);
    const refused = answers.filter((a) => a.status !== 201);
    expect(refused.map((a) => a.status)).toEqual(Array(households.length * 2).fill(409));
    expect(new Set(refused.map((a) => a.body.reason))).toEqual(
      new Set(['permit.vehicles_per_household']),
    );
    for (const { cars } of households) {
      const rows = await t.sql(`SELECT id FROM permit WHERE vehicle_id = ANY($1::uuid[])`, [cars]);
      expect(rows).toHaveLength(1);
    }
  });

  it('an application that reached the council before the rule is refused on approval', async () => {
    // 下岗胡同3号 has two cars with permits from before; a third car's application is waiting.
    const twoCars = await t.login(TWO_CAR_RESIDENT);
    const third = await newCar(twoCars, '京AG14142');
    const [pending] = await t.sql<{ id: string }>(
      `INSERT INTO permit (association_id, kind, vehicle_id, household_id, plate, status,
          valid_from, valid_to, applied_by, created_at, updated_at)
       SELECT v.association_id, 'resident', v.id, v.household_id, v.plate, 'pending',
              now(), now() + interval '1 year', NULL, now(), now()
         FROM vehicle v WHERE v.id = $1 RETURNING id`,
      [third],
    );
    const approved = await as(admin).post(`/api/permits/${pending!.id}/approve`);
    expect(approved.status).toBe(409);
    expect(approved.body).toMatchObject({
      reason: 'permit.vehicles_per_household',
      params: { limit: 1, article: 3, plate: '京A·G14142' },
    });
    const [row] = await t.sql<{ status: string }>(`SELECT status FROM permit WHERE id = $1`, [
      pending!.id,
    ]);
    expect(row!.status).toBe('pending');
  });

  it("a resident self-checks in one of the household's cars, not the second beside it", async () => {
    const twoCars = await t.login(TWO_CAR_RESIDENT);
    const warden = await t.login(DEMO.wardens[0]);
    const [first, second] = await carsOf(TWO_CAR_RESIDENT);
    // Wherever the demo parked them, take them out first.
    const parked = await t.sql<{ space_id: string }>(
      `SELECT o.space_id FROM occupancy_session o JOIN member m ON m.household_id = o.household_id
        WHERE m.phone = $1 AND o.ended_at IS NULL`,
      [TWO_CAR_RESIDENT],
    );
    for (const p of parked)
      expect((await as(warden).post(`/api/spaces/${p.space_id}/check-out`)).status).toBe(200);
    const free = await t.sql<{ id: string; sticker_token: string }>(
      `SELECT s.id, s.sticker_token FROM space s
        WHERE s.household_id IS NULL AND s.availability = 'open' AND s.consent = 'approved'
          AND NOT EXISTS (SELECT 1 FROM occupancy_session o
                           WHERE o.space_id = s.id AND o.ended_at IS NULL)
          AND NOT EXISTS (SELECT 1 FROM space_restriction r WHERE r.space_id = s.id)
        ORDER BY s.code LIMIT 2`,
    );
    const [a, b] = free;
    const checkIn = (space: { id: string; sticker_token: string }, plate: string, lang?: string) =>
      as(twoCars, lang).post(`/api/spaces/${space.id}/check-in`, {
        plate,
        sticker: space.sticker_token,
      });
    const parkedFirst = await checkIn(a!, first!.plate);
    expect(parkedFirst.status).toBe(200);
    const refused = await checkIn(b!, second!.plate);
    expect(refused.status).toBe(409);
    expectRefusal(
      refused.body,
      'check_in.vehicles_per_household',
      { limit: 1, article: 3 },
      '依照公约第三条，每户最多1辆车同时停放在胡同车位，本户已停满，请先为已停的车辆办理驶离',
    );
    // Once the first has left, the second may park.
    expect((await as(twoCars).post(`/api/spaces/${a!.id}/check-out`)).status).toBe(200);
    expect((await checkIn(b!, second!.plate)).status).toBe(200);
  });
});
