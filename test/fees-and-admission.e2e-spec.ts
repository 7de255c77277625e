import { PermitsService } from '../src/permits/permits.service';
import { permitIdOfPlate } from './support/permits';
import { standingOffer } from './support/sharing';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

process.env.SHARING_REMINDER_INTERVAL_SECONDS = '0';

/**
 * A unit lends a standing place at 150 CNY a month: admitting it issues the shared permit in the
 * same transaction, owing the fee; the council records what is paid, on permits and places, and
 * reads it all in the payment ledger (收费台账). If the permit cannot be issued, the admission is
 * undone with it.
 */
describe('fees are kept, and an admission commits with its permit', () => {
  let t: TestApp;
  let unit: string;
  let admin: string;
  let resident: string;
  let vehicleId: string;
  let plate: string;

  const as = (token: string, lang = 'zh-CN') => t.as(token, lang);

  async function offerWithStandingPlace(
    title: string,
    monthlyFeeCny: number,
    graceMinutes?: number,
  ) {
    const offerId = await standingOffer(t, unit, {
      carPark: `${title}车库`,
      title,
      places: 2,
      standingPlaces: 1,
      totalSpaces: 5,
      monthlyFeeCny,
      graceMinutes,
    });
    const registered = await as(resident).post(`/api/offers/${offerId}/allocations`, {
      vehicleId,
      acceptTerms: true,
    });
    expect(registered.status).toBe(201);
    return { offerId, allocationId: registered.body.id as string };
  }

  beforeAll(async () => {
    t = await startTestApp();
    unit = await t.login(DEMO.unit);
    admin = await t.login(DEMO.admin);
    resident = await t.login(DEMO.resident);
    const [own] = await t.sql<{ id: string; plate: string }>(
      `SELECT v.id, v.plate FROM vehicle v JOIN member m ON m.household_id = v.household_id
        WHERE m.phone = $1`,
      [DEMO.resident],
    );
    vehicleId = own!.id;
    plate = own!.plate;
  });
  afterAll(() => t.close());

  it('a failure to issue the permit undoes the admission: nothing is left half done', async () => {
    const { offerId, allocationId } = await offerWithStandingPlace('回滚测试', 100, 5);
    // The unit grants less grace than the convention's 15 minutes: the offer says so.
    const view = await as(resident).get(`/api/offers/${offerId}`);
    expect(view.body).toMatchObject({
      graceMinutes: 5,
      graceRule: 'offer',
      conventionGraceMinutes: 15,
      monthlyFeeCny: 100,
    });
    const issue = jest
      .spyOn(t.app.get(PermitsService), 'issueShared')
      .mockRejectedValueOnce(new Error('the permit store failed'));
    const failed = await as(unit).post(`/api/offers/${offerId}/allocations/admit`);
    expect(failed.status).toBe(500);
    issue.mockRestore();
    const [row] = await t.sql<{ status: string; permit_id: string | null; fee_due_cny: string }>(
      `SELECT status, permit_id, fee_due_cny FROM standing_allocation WHERE id = $1`,
      [allocationId],
    );
    expect(row).toEqual({ status: 'waiting', permit_id: null, fee_due_cny: '0.00' });
    const [offer] = await t.sql<{ standing_admitted: number }>(
      `SELECT standing_admitted FROM off_peak_offer WHERE id = $1`,
      [offerId],
    );
    expect(offer!.standing_admitted).toBe(0);
    const permits = await t.sql(
      `SELECT id FROM permit WHERE vehicle_id = $1 AND kind = 'shared' AND car_park_id =
         (SELECT car_park_id FROM off_peak_offer WHERE id = $2)`,
      [vehicleId, offerId],
    );
    expect(permits).toHaveLength(0);

    // Once permits work again, the same admission goes through, place and permit together.
    const admitted = await as(unit).post(`/api/offers/${offerId}/allocations/admit`);
    expect(admitted.status).toBe(200);
    expect(admitted.body.admitted).toHaveLength(1);
    expect(admitted.body.admitted[0]).toMatchObject({
      id: allocationId,
      status: 'admitted',
      permitId: expect.any(String),
    });
  });

  it("admission charges the offer's monthly fee: the shared permit and the place owe 150", async () => {
    const { offerId, allocationId } = await offerWithStandingPlace('月租收费测试', 150);
    const admitted = await as(unit).post(`/api/offers/${offerId}/allocations/admit`);
    expect(admitted.status).toBe(200);
    const place = admitted.body.admitted[0];
    expect(place).toMatchObject({ id: allocationId, feeDueCny: 150, paidCny: 0 });
    const permit = await as(resident).get(`/api/permits/${place.permitId}`);
    expect(permit.body).toMatchObject({ kind: 'shared', feeCny: 150, paidCny: 0 });

    const paid = await as(admin).post(`/api/allocations/${allocationId}/payments`, {
      amountCny: 150,
      method: 'wechat',
      receiptNumber: 'XG-2026-0001',
      note: '十二月',
    });
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ feeDueCny: 150, paidCny: 150 });
    const again = await as(admin).post(`/api/allocations/${allocationId}/payments`, {
      amountCny: 150,
      receiptNumber: 'XG-2026-0001',
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      reason: 'payment.receipt_repeated',
      message: '收据号XG-2026-0001已登记过，请核对',
    });
    const [{ fee_paid_cny }] = (await t.sql<{ fee_paid_cny: string }>(
      `SELECT fee_paid_cny FROM standing_allocation WHERE id = $1`,
      [allocationId],
    )) as [{ fee_paid_cny: string }];
    expect(Number(fee_paid_cny)).toBe(150);
    const unitTries = await as(unit).post(`/api/allocations/${allocationId}/payments`, {
      amountCny: 150,
    });
    expect(unitTries.status).toBe(403);
  });

  it('a payment of 600 on a permit shows in the permit and in the ledger with the other fees', async () => {
    const permitId = await permitIdOfPlate(t, plate);
    const paid = await as(admin).post(`/api/permits/${permitId}/payment`, {
      amountCny: 600,
      method: 'cash',
      receiptNumber: 'XG-2026-0002',
      note: '全年',
    });
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ paidCny: 600 });
    expect((await as(resident).get(`/api/permits/${permitId}`)).body.paidCny).toBe(600);

    const ledger = await as(admin).get('/api/payments');
    expect(ledger.status).toBe(200);
    expect(ledger.body).toMatchObject({ total: 2, page: 1 });
    const [latest, earlier] = ledger.body.items;
    expect(latest).toMatchObject({
      subject: 'permit',
      permitId,
      allocationId: null,
      amountCny: 600,
      method: 'cash',
      receiptNumber: 'XG-2026-0002',
      household: '下岗胡同1号',
      recordedBy: '赵淑芬',
      note: '全年',
    });
    expect(latest.reference).toMatch(/^No\.\d+$/);
    expect(earlier).toMatchObject({
      subject: 'allocation',
      reference: '月租收费测试',
      amountCny: 150,
      method: 'wechat',
    });
    const window = await as(admin).get(
      `/api/payments?from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
    );
    expect(window.body.total).toBe(0);
    expect((await as(await t.login(DEMO.wardens[0])).get('/api/payments')).status).toBe(403);
  });

  it('a payment must be an amount: zero or three decimals is a 400 that records nothing', async () => {
    const permitId = await permitIdOfPlate(t, plate);
    for (const amountCny of [0, 1.005, -5]) {
      const refused = await as(admin).post(`/api/permits/${permitId}/payment`, { amountCny });
      expect(refused.status).toBe(400);
    }
    const [{ count }] = (await t.sql<{ count: string }>(`SELECT count(*) FROM payment`)) as [
      { count: string },
    ];
    expect(Number(count)).toBe(2);
  });
});
