import { standingOffer } from './support/sharing';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

process.env.SHARING_REMINDER_INTERVAL_SECONDS = '0';

/**
 * A standing place in a unit's car park earns a shared permit; when the place ends, so does the
 * permit: a resident who gives the place up, a unit that ends it, or an offer that ends leaves no
 * permit a warden's scan would still call valid.
 */
describe('a standing place that ends takes its shared permit with it', () => {
  let t: TestApp;
  let unit: string;
  let resident: string;
  let vehicleId: string;

  const as = (token: string) => t.as(token);

  /** An offer with one standing place, the demo resident admitted to it: its permit is live. */
  async function admittedPlace(title: string) {
    const offerId = await standingOffer(t, unit, {
      carPark: `${title}车库`,
      title,
      places: 2,
      standingPlaces: 1,
      totalSpaces: 5,
    });
    const registered = await as(resident).post(`/api/offers/${offerId}/allocations`, {
      vehicleId,
      acceptTerms: true,
    });
    expect(registered.status).toBe(201);
    const admitted = await as(unit).post(`/api/offers/${offerId}/allocations/admit`);
    expect(admitted.status).toBe(200);
    const permitId = admitted.body.admitted[0].permitId as string;
    expect((await as(resident).get(`/api/permits/${permitId}`)).body.status).toBe('active');
    return { offerId, allocationId: registered.body.id as string, permitId };
  }

  beforeAll(async () => {
    t = await startTestApp();
    unit = await t.login(DEMO.unit);
    resident = await t.login(DEMO.resident);
    const [own] = await t.sql<{ id: string }>(
      `SELECT v.id FROM vehicle v JOIN member m ON m.household_id = v.household_id
        WHERE m.phone = $1`,
      [DEMO.resident],
    );
    vehicleId = own!.id;
  });
  afterAll(() => t.close());

  it('the resident gives the place up: the permit is revoked, with the reason', async () => {
    const { allocationId, permitId } = await admittedPlace('退出车位测试');
    const cancelled = await as(resident).delete(`/api/allocations/${allocationId}`);
    expect(cancelled.status).toBe(200);
    const permit = await as(resident).get(`/api/permits/${permitId}`);
    expect(permit.body.status).toBe('revoked');
    const [event] = await t.sql<{ reason: string }>(
      `SELECT reason FROM permit_event WHERE permit_id = $1 AND type = 'revoked'`,
      [permitId],
    );
    expect(event).toEqual({ reason: '固定车位已退出' });
  });

  it('the unit ends the offer: every permit its places earned is revoked', async () => {
    const { offerId, permitId } = await admittedPlace('结束共享测试');
    const ended = await as(unit).post(`/api/offers/${offerId}/end`);
    expect(ended.status).toBe(200);
    expect((await as(resident).get(`/api/permits/${permitId}`)).body.status).toBe('revoked');
  });

  it('a permit already revoked does not stop the place from being given up', async () => {
    const { allocationId, permitId } = await admittedPlace('已吊销再退出测试');
    await t.sql(`UPDATE permit SET status = 'revoked' WHERE id = $1`, [permitId]);
    const cancelled = await as(resident).delete(`/api/allocations/${allocationId}`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
  });
});
