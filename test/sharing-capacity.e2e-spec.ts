import fc from 'fast-check';
import { addDays, shanghaiDate, shanghaiInstant } from '../src/common/shanghai-time';
import {
  type HolidayCalendar,
  type WeeklyRule,
  windowsBetween,
} from '../src/sharing/offer-windows';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

// Publishes really race here: a pool larger than the number of publishers.
process.env.DATABASE_POOL_SIZE = '24';

/**
 * A car park is never offered beyond its spaces: at every minute, the places of all offers of
 * one car park that have not ended add up to at most its total. PostgreSQL enforces it, so two
 * staff of the unit publishing at once cannot both get the last places.
 */
describe('off-peak sharing: a car park is never offered beyond its spaces', () => {
  let t: TestApp;
  let unit: string;
  let secondStaff: string;

  const as = (token: string, lang = 'zh-CN') => ({
    post: (path: string, body: object = {}) =>
      t
        .http()
        .post(path)
        .set('Authorization', `Bearer ${token}`)
        .set('accept-language', lang)
        .send(body),
    patch: (path: string, body: object) =>
      t
        .http()
        .patch(path)
        .set('Authorization', `Bearer ${token}`)
        .set('accept-language', lang)
        .send(body),
  });

  let parks = 0;
  async function carPark(totalSpaces: number): Promise<{ id: string; name: string }> {
    const name = `容量测试车库${++parks}`;
    const park = await as(unit).post('/api/car-parks', { name, totalSpaces });
    expect(park.status).toBe(201);
    return { id: park.body.id, name };
  }

  const daily = [{ days: 'daily', from: '19:00', to: '07:30' }];
  const offer = (carParkId: string, places: number, extra: object = {}) => ({
    carParkId,
    places,
    validFrom: '2026-01-01',
    rules: daily,
    ...extra,
  });

  beforeAll(async () => {
    t = await startTestApp();
    unit = await t.login(DEMO.unit);
    // A second member of the office tower's staff, registered by the council.
    const admin = await t.login(DEMO.admin);
    const [{ id: residentUnitId }] = (
      await t.http().get('/api/car-parks').set('Authorization', `Bearer ${unit}`)
    ).body.map((p: { residentUnitId: string }) => ({ id: p.residentUnitId }));
    const password = 'Gate-keeper-2026!';
    const staff = await as(admin).post('/api/members', {
      name: '孙值班',
      phone: '13800000199',
      role: 'unit',
      residentUnitId,
      password,
    });
    expect(staff.status).toBe(201);
    secondStaff = await t.login('13800000199', password);
  });
  afterAll(() => t.close());

  it('refuses the places that do not fit, saying how many the car park has and holds', async () => {
    const park = await carPark(4);
    expect((await as(unit).post('/api/offers', offer(park.id, 2))).status).toBe(201);
    expect((await as(unit).post('/api/offers', offer(park.id, 2))).status).toBe(201);
    const refused = await as(unit).post('/api/offers', offer(park.id, 1));
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({
      statusCode: 409,
      error: 'conflict',
      reason: 'offer.over_capacity',
      params: { carPark: park.name, total: 4, offered: 4, places: 1 },
      message: `“${park.name}”共4个车位，同一时段已开放4个，无法再开放1个`,
    });
    const english = await as(unit, 'en').post('/api/offers', offer(park.id, 1));
    expect(english.body).toMatchObject({
      reason: 'offer.over_capacity',
      params: { carPark: park.name, total: 4, offered: 4, places: 1 },
      message: `"${park.name}" has 4 spaces and 4 are already offered at the same time, so 1 more do not fit`,
    });
    // One offer alone beyond the spaces is refused the same way.
    const alone = await as(unit).post('/api/offers', offer((await carPark(3)).id, 5));
    expect(alone.body).toMatchObject({
      reason: 'offer.over_capacity',
      params: { total: 3, offered: 0, places: 5 },
    });
  });

  it('counts minutes, not offers: nights and weekend days share the spaces, make-up Saturdays do not', async () => {
    const park = await carPark(10);
    const weeknights = offer(park.id, 10, {
      rules: [{ days: 'weekdays', from: '19:00', to: '07:30' }],
    });
    const weekends = offer(park.id, 10, {
      rules: [{ days: 'weekends', from: '07:30', to: '07:30' }],
    });
    expect((await as(unit).post('/api/offers', weeknights)).status).toBe(201);
    expect((await as(unit).post('/api/offers', weekends)).status).toBe(201);
    // Saturdays by the weekday: on a make-up working Saturday (调休) the weeknight offer is open too.
    const saturdays = offer(park.id, 1, {
      rules: [{ days: 'custom', weekdays: [6], from: '20:00', to: '23:00' }],
    });
    expect((await as(unit).post('/api/offers', saturdays)).body).toMatchObject({
      reason: 'offer.over_capacity',
      params: { total: 10, offered: 10, places: 1 },
    });
    // Daytime on working days is free: neither offer is open then.
    const lunchtime = offer(park.id, 10, {
      rules: [{ days: 'weekdays', from: '11:00', to: '14:00' }],
    });
    expect((await as(unit).post('/api/offers', lunchtime)).status).toBe(201);
  });

  it('offers that are never valid at the same time share the spaces', async () => {
    const park = await carPark(5);
    const spring = offer(park.id, 5, { validFrom: '2027-03-01', validTo: '2027-05-31' });
    const summer = offer(park.id, 5, { validFrom: '2027-06-01', validTo: '2027-08-31' });
    expect((await as(unit).post('/api/offers', spring)).status).toBe(201);
    expect((await as(unit).post('/api/offers', summer)).status).toBe(201);
    // A night that starts on 31 May runs into 1 June: an offer from 31 May overlaps both.
    const lastNight = offer(park.id, 1, { validFrom: '2027-05-31', validTo: '2027-05-31' });
    expect((await as(unit).post('/api/offers', lastNight)).status).toBe(409);
    // Ended offers hold nothing.
    const [first] = await t.sql<{ id: string }>(
      `SELECT id FROM off_peak_offer WHERE car_park_id = $1 ORDER BY created_at LIMIT 1`,
      [park.id],
    );
    expect((await as(unit).post(`/api/offers/${first!.id}/end`)).status).toBe(200);
    expect((await as(unit).post('/api/offers', lastNight)).status).toBe(201);
  });

  it('two staff publishing at once: exactly the places that fit are offered', async () => {
    const park = await carPark(3);
    const attempts = await Promise.all(
      Array.from({ length: 12 }, (_, n) =>
        as(n % 2 === 0 ? unit : secondStaff).post(
          '/api/offers',
          offer(park.id, 1, { title: `同时发布${n}` }),
        ),
      ),
    );
    expect(attempts.filter((r) => r.status === 201)).toHaveLength(3);
    const refused = attempts.filter((r) => r.status === 409);
    expect(refused).toHaveLength(9);
    for (const r of refused)
      expect(r.body).toMatchObject({
        reason: 'offer.over_capacity',
        params: { total: 3, offered: 3, places: 1 },
      });
    const [total] = await t.sql<{ places: string }>(
      `SELECT sum(places) AS places FROM off_peak_offer WHERE car_park_id = $1`,
      [park.id],
    );
    expect(Number(total!.places)).toBe(3);
  });

  it('the second of two transactions waits for the first and sees its offer', async () => {
    const park = await carPark(2);
    const [unitRow] = await t.sql<{ resident_unit_id: string; association_id: string }>(
      `SELECT resident_unit_id, association_id FROM car_park WHERE id = $1`,
      [park.id],
    );
    const insert = `INSERT INTO off_peak_offer (car_park_id, resident_unit_id, association_id, title,
        places, weekly_rules, valid_from, eligible_association_ids, terms_hash)
      VALUES ($1, $2, $3, $4, 2, '[{"days":"daily","from":"00:00","to":"00:00"}]', '2026-01-01',
              ARRAY[$3]::uuid[], '')`;
    const params = (title: string) => [
      park.id,
      unitRow!.resident_unit_id,
      unitRow!.association_id,
      title,
    ];
    const first = t.dataSource.createQueryRunner();
    const second = t.dataSource.createQueryRunner();
    try {
      await first.startTransaction();
      await first.query(insert, params('先发布'));
      await second.startTransaction();
      let settled = false;
      const blocked = second.query(insert, params('后发布')).then(
        () => ((settled = true), 'inserted'),
        (error: { driverError?: { constraint?: string } }) => (
          (settled = true),
          error.driverError?.constraint
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(settled).toBe(false); // waiting on the car park's row
      await first.commitTransaction();
      expect(await blocked).toBe('off_peak_offer_over_capacity');
      await second.rollbackTransaction();
    } finally {
      await first.release();
      await second.release();
    }
  });

  it('raising places is refused when the car park cannot hold them, even two edits at once', async () => {
    const park = await carPark(4);
    const a = await as(unit).post('/api/offers', offer(park.id, 2));
    const b = await as(unit).post('/api/offers', offer(park.id, 1));
    const raised = await as(unit).patch(`/api/offers/${a.body.id}`, { places: 4 });
    expect(raised.status).toBe(409);
    expect(raised.body).toMatchObject({
      reason: 'offer.over_capacity',
      params: { carPark: park.name, total: 4, offered: 1, places: 4 },
      message: `“${park.name}”共4个车位，同一时段已开放1个，无法再开放4个`,
    });
    // Longer hours count too.
    const allDay = await as(unit).patch(`/api/offers/${b.body.id}`, {
      places: 1,
      rules: [{ days: 'daily', from: '00:00', to: '00:00' }],
    });
    expect(allDay.status).toBe(200);
    // Two staff each raise one offer by one place: only one of them fits.
    const [one, two] = await Promise.all([
      as(unit).patch(`/api/offers/${a.body.id}`, { places: 3 }),
      as(secondStaff).patch(`/api/offers/${b.body.id}`, { places: 2 }),
    ]);
    expect([one.status, two.status].sort()).toEqual([200, 409]);
    const rows = await t.sql<{ places: number }>(
      `SELECT places FROM off_peak_offer WHERE car_park_id = $1`,
      [park.id],
    );
    expect(rows.reduce((sum, r) => sum + r.places, 0)).toBe(4);
  });

  it('a car park cannot shrink below what it offers; the demo car parks hold their offers', async () => {
    const park = await carPark(6);
    await as(unit).post('/api/offers', offer(park.id, 5));
    await expect(
      t.sql(`UPDATE car_park SET total_spaces = 4 WHERE id = $1`, [park.id]),
    ).rejects.toMatchObject({ driverError: { constraint: 'off_peak_offer_over_capacity' } });
    await t.sql(`UPDATE car_park SET total_spaces = 5 WHERE id = $1`, [park.id]);

    const demo = await t.sql<{ name: string; total_spaces: number; peak: number }>(
      `SELECT cp.name, cp.total_spaces,
              max(o.places + off_peak_offered_beside(cp.id, o.id, o.weekly_rules, o.valid_from,
                    o.valid_to, current_date)) AS peak
         FROM car_park cp JOIN off_peak_offer o ON o.car_park_id = cp.id AND o.status <> 'ended'
        WHERE cp.name IN ('金融街中心地下车库', '二龙路小学操场')
        GROUP BY cp.name, cp.total_spaces ORDER BY cp.name`,
    );
    expect(demo).toHaveLength(2);
    for (const park of demo) expect(park.peak).toBeLessThanOrEqual(park.total_spaces);
  });

  const ruleArb: fc.Arbitrary<WeeklyRule> = fc.record({
    days: fc.oneof(
      fc.constantFrom('weekdays' as const, 'weekends' as const, 'daily' as const),
      fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 3 }),
    ),
    from: fc.integer({ min: 0, max: 47 }).map(halfHour),
    to: fc.integer({ min: 0, max: 48 }).map(halfHour),
  });
  const offerArb = fc.record({
    rules: fc.array(ruleArb, { minLength: 1, maxLength: 2 }),
    places: fc.integer({ min: 1, max: 3 }),
    startsIn: fc.integer({ min: -3, max: 20 }),
    lasts: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
  });

  it('property: what the database accepts never overcommits the car park, whatever the calendar', async () => {
    const [lender] = await t.sql<{ resident_unit_id: string; association_id: string }>(
      `SELECT resident_unit_id, association_id FROM car_park WHERE name = '金融街中心地下车库'`,
    );
    const today = shanghaiDate(new Date());
    const horizon = 70;
    await fc.assert(
      fc.asyncProperty(
        fc.array(offerArb, { minLength: 2, maxLength: 4 }),
        fc.array(fc.boolean(), { minLength: horizon, maxLength: horizon }),
        async (offers, working) => {
          const db = t.dataSource.createQueryRunner();
          await db.startTransaction();
          try {
            const [park] = (await db.query(
              `INSERT INTO car_park (association_id, resident_unit_id, name, total_spaces)
               VALUES ($1, $2, 'property', 3) RETURNING id`,
              [lender!.association_id, lender!.resident_unit_id],
            )) as { id: string }[];
            const accepted: {
              rules: WeeklyRule[];
              places: number;
              from: string;
              to: string | null;
            }[] = [];
            for (const offer of offers) {
              const from = addDays(today, offer.startsIn);
              const to = offer.lasts === null ? null : addDays(from, offer.lasts);
              await db.query('SAVEPOINT offer');
              try {
                await db.query(
                  `INSERT INTO off_peak_offer (car_park_id, resident_unit_id, association_id,
                     title, places, weekly_rules, valid_from, valid_to, eligible_association_ids,
                     terms_hash)
                   VALUES ($1, $2, $3, 'p', $4, $5, $6, $7, ARRAY[$3]::uuid[], '')`,
                  [
                    park!.id,
                    lender!.resident_unit_id,
                    lender!.association_id,
                    offer.places,
                    JSON.stringify(offer.rules),
                    from,
                    to,
                  ],
                );
                await db.query('RELEASE SAVEPOINT offer');
                accepted.push({ rules: offer.rules, places: offer.places, from, to });
              } catch (error) {
                const driver = (error as { driverError?: { constraint?: string } }).driverError;
                if (driver?.constraint !== 'off_peak_offer_over_capacity') throw error;
                await db.query('ROLLBACK TO SAVEPOINT offer');
              }
            }
            // One calendar of many: each date a working day or not, at random.
            const first = addDays(today, -1);
            const last = addDays(first, horizon - 1);
            const calendar: HolidayCalendar = new Map(
              working.map((w, i) => [addDays(first, i), w ? 'workday' : 'holiday'] as const),
            );
            const windows = accepted.flatMap((o) =>
              windowsBetween(
                { rules: o.rules, validFrom: o.from, validTo: o.to, blackoutDates: [] },
                first,
                addDays(last, -1),
                calendar,
              ).map((w) => ({ ...w, places: o.places })),
            );
            const midnight = shanghaiInstant(today);
            const instants = [midnight, ...windows.map((w) => w.startsAt)].filter(
              (at) => at >= midnight,
            );
            for (const at of instants) {
              const offered = windows
                .filter((w) => w.startsAt <= at && at < w.endsAt)
                .reduce((sum, w) => sum + w.places, 0);
              expect(offered).toBeLessThanOrEqual(3);
            }
          } finally {
            await db.rollbackTransaction();
            await db.release();
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

function halfHour(n: number): string {
  const minutes = n * 30;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
