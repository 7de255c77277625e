import { addDays, shanghaiDate } from '../src/common/shanghai-time';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

// Issue 11.7: a booking whose 201 was lost in a crash got 409 on retry. Creating requests accept
// an Idempotency-Key: a retry with the same key gets the original response.

describe('Idempotency-Key on creating requests', () => {
  let t: TestApp;
  let resident: string;
  let admin: string;

  const send = (token: string, path: string, body: object, key?: string) => {
    const request = t
      .http()
      .post(path)
      .set('authorization', `Bearer ${token}`)
      .set('accept-language', 'en');
    if (key !== undefined) void request.set('idempotency-key', key);
    return request.send(body);
  };

  beforeAll(async () => {
    t = await startTestApp();
    resident = await t.login(DEMO.resident);
    admin = await t.login(DEMO.admin);
  });
  afterAll(() => t.close());

  it('a booking retried after its 201 was lost gets that 201 again, not a 409', async () => {
    const offers = await t.http().get('/api/offers').set('authorization', `Bearer ${resident}`);
    const school = offers.body.find((o: { title: string }) => o.title.startsWith('二龙路小学'));
    const [car] = await t.sql<{ id: string }>(
      `SELECT v.id FROM vehicle v JOIN member m ON m.household_id = v.household_id
        WHERE m.phone = $1`,
      [DEMO.resident],
    );
    const booking = {
      date: addDays(shanghaiDate(new Date()), 3),
      vehicleId: car!.id,
      acceptTerms: true,
      termsHash: school.termsHash,
    };
    const path = `/api/offers/${school.id}/bookings`;

    const first = await send(resident, path, booking, 'booking-3f2a');
    expect(first.status).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();

    // The phone never saw that answer and sends the same request again, with the same key.
    const retry = await send(resident, path, booking, 'booking-3f2a');
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    const rows = await t.sql(`SELECT 1 FROM booking WHERE vehicle_id = $1 AND night = $2`, [
      car!.id,
      booking.date,
    ]);
    expect(rows).toHaveLength(1);

    // What the retry got before: the same request without a key is refused as a second booking.
    expect((await send(resident, path, booking)).status).toBe(409);
  });

  it('the same key with a different request is refused with a reason (422)', async () => {
    const first = await send(resident, '/api/vehicles', { plate: '京A7K301' }, 'car-1');
    expect(first.status).toBe(201);
    const other = await send(resident, '/api/vehicles', { plate: '京A7K302' }, 'car-1');
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({
      statusCode: 422,
      reason: 'idempotency.key_reused',
      message:
        'This Idempotency-Key was used for a different request; send a new request with a new key',
    });
    // Keys are the member's own: another member may use the same one.
    const byAdmin = await send(
      admin,
      '/api/vehicles',
      { plate: '京A7K303', householdId: await householdOf(DEMO.otherResident) },
      'car-1',
    );
    expect(byAdmin.status).toBe(201);
  });

  it('retries sent at once create once, and all get the one answer', async () => {
    const key = 'storm-8d1c';
    const responses = await Promise.all(
      Array.from({ length: 6 }, () => send(resident, '/api/vehicles', { plate: '京A7K404' }, key)),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(6).fill(201));
    const ids = new Set(responses.map((r) => (r.body as { id: string }).id));
    expect(ids.size).toBe(1);
    expect(await t.sql(`SELECT 1 FROM vehicle WHERE plate = '京A7K404'`)).toHaveLength(1);
  });

  it('a request that failed gives its key back, so the corrected retry runs', async () => {
    const refused = await send(resident, '/api/vehicles', { plate: '' }, 'car-fix');
    expect(refused.status).toBe(400);
    const fixed = await send(resident, '/api/vehicles', { plate: '京A7K505' }, 'car-fix');
    expect(fixed.status).toBe(201);
    expect(fixed.headers['idempotent-replayed']).toBeUndefined();
  });

  it('a payment recorded twice by a retry is recorded once (200 replayed)', async () => {
    const [permit] = await t.sql<{ id: string }>(
      `SELECT id FROM permit WHERE status = 'active' AND kind = 'resident' ORDER BY number LIMIT 1`,
    );
    const path = `/api/permits/${permit!.id}/payment`;
    const payment = { amountCny: 1200, note: '现金，收据 No. 0042' };
    const first = await send(admin, path, payment, 'pay-0042');
    expect(first.status).toBe(200);
    const retry = await send(admin, path, payment, 'pay-0042');
    expect(retry.status).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    const events = await t.sql(
      `SELECT 1 FROM permit_event WHERE permit_id = $1 AND type = 'fee_paid' AND reason = $2`,
      [permit!.id, payment.note],
    );
    expect(events).toHaveLength(1);
  });

  it('keys expire (IDEMPOTENCY_KEY_HOURS), and a key whose request died is taken over', async () => {
    const household = { address: '下岗胡同88号' };
    expect((await send(admin, '/api/households', household, 'hh-88')).status).toBe(201);
    await t.sql(`UPDATE idempotent_request SET expires_at = now() - interval '1 second'
                  WHERE key = 'hh-88'`);
    // Expired: the request runs again (and finds the address taken).
    expect((await send(admin, '/api/households', household, 'hh-88')).status).toBe(409);

    // A claim left pending by a process that died while handling it.
    const [me] = await t.sql<{ id: string }>(`SELECT id FROM member WHERE phone = $1`, [
      DEMO.admin,
    ]);
    await t.sql(
      `INSERT INTO idempotent_request (member_id, route, key, fingerprint, attempt, created_at, expires_at)
       VALUES ($1, 'POST /api/households', 'hh-89', 'x', gen_random_uuid(),
               now() - interval '1 minute', now() + interval '1 day')`,
      [me!.id],
    );
    expect(
      (await send(admin, '/api/households', { address: '下岗胡同89号' }, 'hh-89')).status,
    ).toBe(201);
  });

  it('a key that is not 1-255 visible characters is refused', async () => {
    const response = await send(resident, '/api/vehicles', { plate: '京A7K606' }, 'has space');
    expect(response.status).toBe(400);
    expect(response.body.reason).toBe('idempotency.key_invalid');
  });

  async function householdOf(phone: string): Promise<string> {
    const [row] = await t.sql<{ household_id: string }>(
      `SELECT household_id FROM member WHERE phone = $1`,
      [phone],
    );
    return row!.household_id;
  }
});
