import { startTestApp, type TestApp } from './support/test-app';

const ROWS = 100_000;
/** Staff of 二龙路小学, which lends its yard at night. */
const SCHOOL_STAFF = '13800000101';

/**
 * 100,000 bookings of the school's yard (1,000 nights of 100) exported by the school as CSV: read
 * night by night in batches, so the first bytes leave long before the last row is read. The heap is
 * measured once, for violations (ledger-bounded-memory.e2e-spec.ts); this checks the streaming.
 */
describe('a booking ledger of 100,000 rows streams', () => {
  let t: TestApp;
  let staff: string;
  let yard: string;

  beforeAll(async () => {
    t = await startTestApp();
    staff = await t.login(SCHOOL_STAFF);
    const [offer] = await t.sql<{ id: string; car_park_id: string }>(
      `SELECT id, car_park_id FROM off_peak_offer WHERE title LIKE '二龙路小学%' LIMIT 1`,
    );
    yard = offer!.car_park_id;
    // Past nights, 20:00 to 07:00 in Beijing, each with room for all.
    await t.sql(
      `INSERT INTO offer_night (offer_id, night, period, capacity)
       SELECT $1, night, tstzrange((night + time '20:00') AT TIME ZONE 'Asia/Shanghai',
                                   (night + 1 + time '07:00') AT TIME ZONE 'Asia/Shanghai'), 100
         FROM (SELECT DATE '2023-01-01' + n AS night FROM generate_series(0, $2 / 100 - 1) n) d`,
      [offer!.id, ROWS],
    );
    // Each night every car of the lane books once (a car is never booked twice a night); the
    // other places of the night were booked and cancelled.
    await t.sql(
      `WITH car AS (
         SELECT v.id, v.household_id, v.association_id, v.plate, v.plate_color, m.id AS member_id,
                row_number() OVER (ORDER BY v.id) - 1 AS i, count(*) OVER () AS cars
           FROM vehicle v
           JOIN association a ON a.id = v.association_id AND a.name = '4143车友会'
           JOIN LATERAL (SELECT id FROM member WHERE household_id = v.household_id
                          ORDER BY id LIMIT 1) m ON true
          WHERE v.archived_at IS NULL)
       INSERT INTO booking (offer_id, night, car_park_id, period, association_id, household_id,
                            member_id, vehicle_id, plate, plate_color, status, terms_hash,
                            terms_accepted_at, cancelled_at, cancel_reason)
       SELECT n.offer_id, n.night, $2, n.period, car.association_id, car.household_id,
              car.member_id, car.id, car.plate, car.plate_color,
              CASE WHEN k < car.cars THEN 'booked' ELSE 'cancelled' END, 'terms', now(),
              CASE WHEN k < car.cars THEN NULL ELSE now() END,
              CASE WHEN k < car.cars THEN NULL ELSE 'resident' END
         FROM generate_series(0, $3 - 1) AS g,
              LATERAL (SELECT g / 100 AS d, g % 100 AS k) key
         JOIN offer_night n ON n.offer_id = $1 AND n.night = DATE '2023-01-01' + key.d
         JOIN car ON car.i = (key.d * 100 + key.k) % car.cars`,
      [offer!.id, yard, ROWS],
    );
  }, 180_000);
  afterAll(() => t.close());

  // CSV only: the workbook is written from the same batches by the writer the violation test
  // already runs over 100,000 rows.
  it('bookings.csv: every row, the first bytes long before the end', async () => {
    const started = Date.now();
    const response = await fetch(`${t.url}/api/car-parks/${yard}/bookings.csv?to=2025-12-31`, {
      headers: { authorization: `Bearer ${staff}` },
    });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let firstAt: number | undefined;
    let bytes = 0;
    let lines = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      firstAt ??= Date.now();
      bytes += value.byteLength;
      lines += decoder.decode(value, { stream: true }).split('\n').length - 1;
    }
    const endedAt = Date.now();
    expect(bytes).toBeGreaterThan(ROWS * 20);
    expect(lines).toBe(ROWS + 1);
    expect(firstAt! - started).toBeLessThan((endedAt - started) / 2);
  }, 180_000);
});
