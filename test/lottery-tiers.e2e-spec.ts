import { createHash } from 'node:crypto';
import { SECOND_DEMO_COUNCIL_PHONE } from '../src/street/demo-street';
import { expectRefusal } from './support/refusals';
import { registerForPlace, residentsWithCars, standingOffer } from './support/sharing';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

process.env.SHARING_REMINDER_INTERVAL_SECONDS = '0';
process.env.SHARING_ROTATION_INTERVAL_SECONDS = '0';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * 公开抽签 with priority tiers: thirty households register for five standing places; the council
 * marks one driver with a disability and two households over 80 (the convention's tiers, article
 * 7); the draw takes the tiers first, each by the same rule, and anyone recomputes it from the
 * seed and the tiers the draw shows.
 */
describe('a public lottery drawn tier by tier', () => {
  let t: TestApp;
  let unit: string;
  let council: string;
  let offerId: string;
  const registrations: { phone: string; id: string }[] = [];

  const as = (token: string) => t.as(token);

  beforeAll(async () => {
    t = await startTestApp();
    unit = await t.login(DEMO.unit);
    council = await t.login(DEMO.admin);
    offerId = await standingOffer(t, unit, {
      carPark: '优先抽签车场',
      title: '月租优先抽签',
      places: 10,
      standingPlaces: 5,
    });
    const residents = await residentsWithCars(t, 30);
    expect(residents.length).toBeGreaterThanOrEqual(30);
    for (const { phone, vehicle_id } of residents.slice(0, 30)) {
      registrations.push({ phone, id: await registerForPlace(t, phone, offerId, vehicle_id) });
    }
  });
  afterAll(() => t.close());

  const disability = () => [registrations[7]!.id];
  const over80 = () => [registrations[12]!.id, registrations[25]!.id];

  it('only the council of the household marks a tier, one the convention lists', async () => {
    const target = registrations[7]!;
    const path = `/api/allocations/${target.id}/priority`;
    expect((await as(unit).put(path, { tier: 'disability' })).status).toBe(403);
    expect((await as(await t.login(target.phone)).put(path, { tier: 'disability' })).status).toBe(
      403,
    );
    const stranger = await t.login(SECOND_DEMO_COUNCIL_PHONE);
    expect((await as(stranger).put(path, { tier: 'disability' })).status).toBe(404);
    const unknown = await as(council).put(path, { tier: 'veteran' });
    expect(unknown.status).toBe(400);
    expectRefusal(
      unknown.body,
      'allocation.priority_tier_unknown',
      { tier: 'veteran' },
      '公约中没有优先类别“veteran”',
    );
    expect((await as(council).put(path, { tier: 'Not A Key' })).status).toBe(400);
    const [untouched] = await t.sql<{ priority_tier: string | null }>(
      `SELECT priority_tier FROM standing_allocation WHERE id = $1`,
      [target.id],
    );
    expect(untouched!.priority_tier).toBeNull();

    for (const id of disability()) {
      const marked = await as(council).put(`/api/allocations/${id}/priority`, {
        tier: 'disability',
      });
      expect(marked.status).toBe(200);
      expect(marked.body.priorityTier).toBe('disability');
    }
    for (const id of over80()) {
      expect(
        (await as(council).put(`/api/allocations/${id}/priority`, { tier: 'over_80' })).status,
      ).toBe(200);
    }
    // The household reads its own tier; the lending unit does not.
    const mine = await as(await t.login(target.phone)).get('/api/allocations/mine');
    expect(mine.body.find((a: { id: string }) => a.id === target.id).priorityTier).toBe(
      'disability',
    );
    const register = await as(unit).get(`/api/offers/${offerId}/allocations`);
    expect(register.body.find((a: { id: string }) => a.id === target.id).priorityTier).toBeNull();
  });

  it('the draw shows its tiers before it is drawn; anyone eligible recomputes it after', async () => {
    const published = await as(unit).post(`/api/offers/${offerId}/draws`);
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ kind: 'admission', periodMonths: null, seed: null });
    const others = registrations
      .map((r) => r.id)
      .filter((id) => !disability().includes(id) && !over80().includes(id));
    expect(published.body.tiers).toEqual([
      {
        tier: 'disability',
        label: '残疾人驾驶员',
        heldBefore: false,
        registrations: [...disability()].sort(),
      },
      {
        tier: 'over_80',
        label: '八十岁以上老人户',
        heldBefore: false,
        registrations: [...over80()].sort(),
      },
      { tier: null, label: null, heldBefore: false, registrations: [...others].sort() },
    ]);

    const drawn = await as(council).post(`/api/offers/${offerId}/allocations/admit`, {
      count: 5,
      method: 'lottery',
    });
    expect(drawn.status).toBe(200);
    expect(drawn.body.admitted).toHaveLength(5);

    const resident = await t.login(DEMO.resident);
    const draw = (await as(resident).get(`/api/draws/${published.body.id}`)).body;
    expect(sha256(draw.seed)).toBe(published.body.seedHash);
    // The rule, as anyone applies it: tier by tier, each sorted by SHA-256(`${seed}:${id}`).
    const byKey = (ids: string[]) =>
      [...ids].sort((a, b) => (sha256(`${draw.seed}:${a}`) < sha256(`${draw.seed}:${b}`) ? -1 : 1));
    const recomputed = (draw.tiers as { registrations: string[] }[]).flatMap((tier) =>
      byKey(tier.registrations),
    );
    expect(draw.order).toEqual(recomputed);
    expect(recomputed.slice(0, 3)).toEqual([...disability(), ...byKey(over80())]);
    expect(draw.admitted).toEqual(recomputed.slice(0, 5));
    const admitted = await t.sql<{ id: string }>(
      `SELECT id FROM standing_allocation WHERE offer_id = $1 AND status = 'admitted'`,
      [offerId],
    );
    expect(admitted.map((a) => a.id).sort()).toEqual(recomputed.slice(0, 5).sort());

    // A place held: its tier no longer changes anything, so it is not changed.
    const held = await as(council).put(`/api/allocations/${disability()[0]}/priority`, {
      tier: null,
    });
    expect(held.status).toBe(409);
    expect(held.body.reason).toBe('allocation.priority_not_waiting');
  });
});
