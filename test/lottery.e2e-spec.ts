import { createHash } from 'node:crypto';
import { SECOND_DEMO_COUNCIL_PHONE } from '../src/street/demo-street';
import { expectRefusal } from './support/refusals';
import { standingOffer } from './support/sharing';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

process.env.SHARING_REMINDER_INTERVAL_SECONDS = '0';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * 公开抽签: thirty households register for five standing places; the unit publishes the seed's
 * hash, then draws; anyone who may read the offer recomputes the order from the revealed seed.
 */
describe('admission by a public lottery', () => {
  let t: TestApp;
  let unit: string;
  let offerId: string;
  const registrations: { phone: string; id: string }[] = [];

  const as = (token: string) => t.as(token);

  async function register(phone: string): Promise<string> {
    const [vehicle] = await t.sql<{ id: string }>(
      `SELECT v.id FROM vehicle v JOIN member m ON m.household_id = v.household_id
        WHERE m.phone = $1 ORDER BY v.created_at LIMIT 1`,
      [phone],
    );
    const response = await as(await t.login(phone)).post(`/api/offers/${offerId}/allocations`, {
      vehicleId: vehicle!.id,
      acceptTerms: true,
    });
    expect(response.status).toBe(201);
    return response.body.id as string;
  }

  beforeAll(async () => {
    t = await startTestApp();
    unit = await t.login(DEMO.unit);
    offerId = await standingOffer(t, unit, {
      carPark: '金融街中心月租车场',
      title: '月租抽签',
      places: 10,
      standingPlaces: 5,
      termsText: '单位不承担保管责任',
    });
    // Thirty households with a car, one registration each.
    const phones = await t.sql<{ phone: string }>(
      `SELECT m.phone FROM member m
        WHERE m.role = 'resident' AND m.phone LIKE '138000000%'
          AND EXISTS (SELECT 1 FROM vehicle v WHERE v.household_id = m.household_id)
        ORDER BY m.phone LIMIT 31`,
    );
    expect(phones).toHaveLength(31);
    for (const { phone } of phones.slice(0, 30)) {
      registrations.push({ phone, id: await register(phone) });
    }
  });
  afterAll(() => t.close());

  it('publishes the hash first, draws later, and anyone eligible recomputes the result', async () => {
    const early = await as(unit).post(`/api/offers/${offerId}/allocations/admit`, {
      count: 5,
      method: 'lottery',
    });
    expectRefusal(early.body, 'draw.not_published', {}, '请先公布抽签种子的哈希值，再进行抽签');
    expect(early.status).toBe(409);

    const resident = await t.login(DEMO.resident);
    expect((await as(resident).post(`/api/offers/${offerId}/draws`)).status).toBe(403);

    const published = await as(unit).post(`/api/offers/${offerId}/draws`);
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ method: 'lottery', seed: null, order: [] });
    expect(published.body.seedHash).toMatch(/^[0-9a-f]{64}$/);
    expect([...published.body.registrations].sort()).toEqual(registrations.map((r) => r.id).sort());
    const again = await as(unit).post(`/api/offers/${offerId}/draws`);
    expectRefusal(again.body, 'draw.already_open', {}, '这项共享已有一次公布待抽的抽签');

    // Before the draw a resident sees the promise, not the seed.
    const before = await as(resident).get(`/api/draws/${published.body.id}`);
    expect(before.status).toBe(200);
    expect(before.body.seed).toBeNull();

    // Registered after the hash was out: not in this draw, waits for the next.
    const phones = await t.sql<{ phone: string }>(
      `SELECT m.phone FROM member m
        WHERE m.role = 'resident' AND m.phone LIKE '138000000%'
          AND EXISTS (SELECT 1 FROM vehicle v WHERE v.household_id = m.household_id)
        ORDER BY m.phone OFFSET 30 LIMIT 1`,
    );
    const late = await register(phones[0]!.phone);

    // The published hash is a promise: nobody is admitted around it in registration order.
    const aroundTheDraw = await as(unit).post(`/api/offers/${offerId}/allocations/admit`, {
      count: 5,
      method: 'first_come',
    });
    expect(aroundTheDraw.status).toBe(409);
    expectRefusal(
      aroundTheDraw.body,
      'draw.published_admit_by_draw',
      {},
      '这项共享已公布抽签，请按抽签录取，不能按登记先后录取',
    );

    const drawn = await as(unit).post(`/api/offers/${offerId}/allocations/admit`, {
      count: 5,
      method: 'lottery',
    });
    expect(drawn.status).toBe(200);
    expect(drawn.body.drawId).toBe(published.body.id);
    expect(drawn.body.admitted).toHaveLength(5);

    const draw = (await as(resident).get(`/api/draws/${published.body.id}`)).body;
    expect(sha256(draw.seed)).toBe(published.body.seedHash);
    const recomputed = registrations
      .map((r) => r.id)
      .sort((a, b) => (sha256(`${draw.seed}:${a}`) < sha256(`${draw.seed}:${b}`) ? -1 : 1));
    expect(draw.order).toEqual(recomputed);
    expect(draw.order).not.toContain(late);
    expect(draw.admitted).toEqual(recomputed.slice(0, 5));
    expect(drawn.body.admitted.map((a: { id: string }) => a.id)).toEqual(recomputed.slice(0, 5));
    const statuses = await t.sql<{ id: string; status: string }>(
      `SELECT id, status FROM standing_allocation WHERE offer_id = $1`,
      [offerId],
    );
    const admittedNow = statuses.filter((s) => s.status === 'admitted').map((s) => s.id);
    expect(admittedNow.sort()).toEqual(recomputed.slice(0, 5).sort());

    // 公示: the public board lists the draw, with all that is needed to recompute it.
    const [own] = await t.sql<{ id: string }>(
      `SELECT association_id AS id FROM member WHERE phone = $1`,
      [DEMO.resident],
    );
    const board = await t.http().get(`/api/public/associations/${own!.id}/board`);
    expect(board.body.draws).toEqual([
      expect.objectContaining({
        id: published.body.id,
        offerTitle: '月租抽签',
        seed: draw.seed,
        order: recomputed,
        admitted: recomputed.slice(0, 5),
      }),
    ]);

    // An association the offer is not open to finds no draw.
    const stranger = await t.login(SECOND_DEMO_COUNCIL_PHONE);
    expect((await as(stranger).get(`/api/draws/${published.body.id}`)).status).toBe(404);
  });

  it('first come is available again once the draw is drawn', async () => {
    const response = await as(unit).post(`/api/offers/${offerId}/allocations/admit`, {
      method: 'first_come',
    });
    // Every standing place is taken by the draw: nothing more to admit, no error.
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ admitted: [], drawId: null });
  });

  it('a place freed while a draw is published waits for that draw, not for the next in line', async () => {
    const [holder] = await t.sql<{ id: string }>(
      `SELECT id FROM standing_allocation WHERE offer_id = $1 AND status = 'admitted' LIMIT 1`,
      [offerId],
    );
    const published = await as(unit).post(`/api/offers/${offerId}/draws`);
    expect(published.status).toBe(201);
    const waitingBefore = await t.sql<{ id: string }>(
      `SELECT id FROM standing_allocation WHERE offer_id = $1 AND status = 'waiting'`,
      [offerId],
    );
    expect((await as(unit).delete(`/api/allocations/${holder!.id}`)).status).toBe(200);
    const waitingAfter = await t.sql<{ id: string }>(
      `SELECT id FROM standing_allocation WHERE offer_id = $1 AND status = 'waiting'`,
      [offerId],
    );
    expect(waitingAfter.map((r) => r.id).sort()).toEqual(waitingBefore.map((r) => r.id).sort());
    const drawn = await as(unit).post(`/api/offers/${offerId}/allocations/admit`, {
      method: 'lottery',
    });
    expect(drawn.status).toBe(200);
    expect(drawn.body.drawId).toBe(published.body.id);
    expect(drawn.body.admitted).toHaveLength(1);
  });
});
