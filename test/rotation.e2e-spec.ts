import { createHash } from 'node:crypto';
import { Clock } from '../src/common/clock';
import { RotationsService } from '../src/sharing/rotations.service';
import { registerForPlace, residentsWithCars, standingOffer } from './support/sharing';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

process.env.SHARING_REMINDER_INTERVAL_SECONDS = '0';
process.env.SHARING_ROTATION_INTERVAL_SECONDS = '0';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const DAY_MS = 86_400_000;

interface Draw {
  id: string;
  kind: string;
  periodMonths: number | null;
  seed: string | null;
  seedHash: string;
  tiers: { tier: string | null; heldBefore: boolean; registrations: string[] }[];
  order: string[];
  admitted: string[];
}

/**
 * 轮换: seven cars for three standing places. The convention holds a place one month
 * (rotationPeriodMonths, article 7); at the end of each period the places are redrawn by a public
 * lottery in which those who held a place step behind those who did not. The first period ends
 * and the scheduled pass publishes, then draws; the second is redrawn by the council's hand. The
 * history is public: every member reads it, and the public board lists it.
 */
describe('rotation of standing places over two periods', () => {
  let t: TestApp;
  let unit: string;
  let council: string;
  let offerId: string;
  let rotations: RotationsService;
  let elapsed = 0;
  const now = () => new Date(Date.now() + elapsed);
  const ids: string[] = [];
  let elder: string;

  const as = (token: string) => t.as(token);
  const drawOf = async (id: string): Promise<Draw> =>
    (await as(await t.login(DEMO.resident)).get(`/api/draws/${id}`)).body as Draw;
  const holders = async () =>
    (
      await t.sql<{ id: string }>(
        `SELECT id FROM standing_allocation WHERE offer_id = $1 AND status = 'admitted' ORDER BY id`,
        [offerId],
      )
    ).map((r) => r.id);
  /** The rule anyone applies: tier by tier, each sorted by SHA-256(`${seed}:${id}`). */
  const recompute = (draw: Draw) => {
    expect(sha256(draw.seed!)).toBe(draw.seedHash);
    return draw.tiers.flatMap((tier) =>
      [...tier.registrations].sort((a, b) =>
        sha256(`${draw.seed}:${a}`) < sha256(`${draw.seed}:${b}`) ? -1 : 1,
      ),
    );
  };

  beforeAll(async () => {
    t = await startTestApp();
    jest.spyOn(t.app.get(Clock), 'now').mockImplementation(now);
    rotations = t.app.get(RotationsService);
    unit = await t.login(DEMO.unit);
    council = await t.login(DEMO.admin);
    offerId = await standingOffer(t, unit, {
      carPark: '轮换车场',
      title: '月租轮换',
      places: 3,
      standingPlaces: 3,
      totalSpaces: 10,
    });
    const residents = await residentsWithCars(t, 7);
    for (const { phone, vehicle_id } of residents) {
      ids.push(await registerForPlace(t, phone, offerId, vehicle_id));
    }
    // One household over 80 (article 7's tiers): drawn first in every draw.
    elder = ids[4]!;
    expect(
      (await as(council).put(`/api/allocations/${elder}/priority`, { tier: 'over_80' })).status,
    ).toBe(200);
  });
  afterAll(() => t.close());

  let firstHolders: string[];
  let secondHolders: string[];

  it('period 0: the places are drawn; the pass leaves them alone while the month runs', async () => {
    const published = await as(unit).post(`/api/offers/${offerId}/draws`);
    expect(published.status).toBe(201);
    const admitted = await as(unit).post(`/api/offers/${offerId}/allocations/admit`, {
      method: 'lottery',
    });
    expect(admitted.status).toBe(200);
    firstHolders = await holders();
    expect(firstHolders).toHaveLength(3);
    expect(firstHolders).toContain(elder);

    elapsed += 20 * DAY_MS;
    expect(await rotations.runDue(now())).toEqual({ published: [], drawn: [] });
  });

  it('period 1: the month is over; the pass publishes the redraw, then draws it', async () => {
    elapsed += 12 * DAY_MS;
    expect(await rotations.runDue(now())).toEqual({ published: [offerId], drawn: [] });
    const [open] = (await as(council).get(`/api/offers/${offerId}/draws`)).body as Draw[];
    expect(open).toMatchObject({ kind: 'rotation', periodMonths: 1, seed: null, order: [] });
    const notHeld = ids.filter((id) => !firstHolders.includes(id));
    expect(open!.tiers).toEqual([
      { tier: 'over_80', label: '八十岁以上老人户', heldBefore: true, registrations: [elder] },
      {
        tier: null,
        label: null,
        heldBefore: false,
        registrations: [...notHeld].sort(),
      },
      {
        tier: null,
        label: null,
        heldBefore: true,
        registrations: firstHolders.filter((id) => id !== elder).sort(),
      },
    ]);
    // Until it is drawn, the holders keep their places.
    expect(await holders()).toEqual(firstHolders);

    elapsed += 60 * 60_000;
    expect(await rotations.runDue(now())).toEqual({ published: [], drawn: [offerId] });
    const draw = await drawOf(open!.id);
    const order = recompute(draw);
    expect(draw.order).toEqual(order);
    expect(draw.admitted).toEqual(order.slice(0, 3));
    // The elder first; then two who waited, never someone who just held a place.
    expect(draw.admitted[0]).toBe(elder);
    expect(draw.admitted.slice(1).every((id) => notHeld.includes(id))).toBe(true);
    secondHolders = await holders();
    expect(secondHolders).toEqual([...draw.admitted].sort());

    // Those who stepped out wait again, their permit ended; each place counts its periods.
    const stepped = await t.sql<{ status: string; periods_held: number; permit: string }>(
      `SELECT a.status, a.periods_held,
              (SELECT p.status FROM permit p WHERE p.vehicle_id = a.vehicle_id AND p.kind = 'shared'
                ORDER BY p.created_at LIMIT 1) AS permit
         FROM standing_allocation a WHERE a.id = ANY($1::uuid[]) AND a.id <> $2`,
      [firstHolders, elder],
    );
    expect(stepped).toEqual([
      { status: 'waiting', periods_held: 1, permit: 'revoked' },
      { status: 'waiting', periods_held: 1, permit: 'revoked' },
    ]);
  });

  it('period 2: the council redraws by hand; who held in period 1 steps behind', async () => {
    elapsed += 31 * DAY_MS + 2 * 60 * 60_000;
    const published = await as(council).post(`/api/offers/${offerId}/draws`, {
      kind: 'rotation',
    });
    expect(published.status).toBe(201);
    const heldNow = secondHolders;
    const draw0 = published.body as Draw;
    expect(
      draw0.tiers
        .filter((g) => g.heldBefore)
        .flatMap((g) => g.registrations)
        .sort(),
    ).toEqual(heldNow);

    const drawn = await as(council).post(`/api/offers/${offerId}/allocations/admit`, {
      method: 'lottery',
    });
    expect(drawn.status).toBe(200);
    expect(drawn.body.drawId).toBe(draw0.id);
    const draw = await drawOf(draw0.id);
    const order = recompute(draw);
    expect(draw.order).toEqual(order);
    expect(draw.admitted).toEqual(order.slice(0, 3));
    expect(draw.admitted[0]).toBe(elder);
    // Four waited in period 1 (two of them held in period 0): the two places left go to them.
    const waitedInPeriod1 = ids.filter((id) => !heldNow.includes(id));
    expect(draw.admitted.slice(1).every((id) => waitedInPeriod1.includes(id))).toBe(true);
  });

  it('the history is public: members read every draw, and the board lists them', async () => {
    const resident = await t.login(DEMO.resident);
    const history = await as(resident).get(`/api/offers/${offerId}/draws`);
    expect(history.status).toBe(200);
    expect((history.body as Draw[]).map((d) => d.kind)).toEqual([
      'rotation',
      'rotation',
      'admission',
    ]);
    for (const draw of history.body as Draw[]) expect(draw.order).toEqual(recompute(draw));

    const [own] = await t.sql<{ id: string }>(
      `SELECT id FROM association WHERE name = '4143车友会'`,
    );
    const board = await t.http().get(`/api/public/associations/${own!.id}/board`);
    const onBoard = (board.body.draws as (Draw & { offerTitle: string })[]).filter(
      (d) => d.offerTitle === '月租轮换',
    );
    expect(onBoard.map((d) => d.id)).toEqual((history.body as Draw[]).map((d) => d.id));
    expect(onBoard[0]).toMatchObject({ kind: 'rotation', periodMonths: 1 });
    expect(JSON.stringify(board.body.draws)).not.toMatch(/京|1380000/);
  });
});
