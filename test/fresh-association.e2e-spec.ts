import {
  addLane,
  addMember,
  addResidentWithCar,
  onboardAssociation,
  type FreshAssociation,
} from './support/factories';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

/**
 * A lane that starts from nothing, built only through the service as the people do it: the
 * street office founds the association, its council draws the lane and registers a household, a
 * resident adds the family car. Nothing here borrows the demo lane's people; the demo's council
 * next door sees none of it. (The data factories in test/support/factories.ts, for other tests.)
 */
describe('a fresh association, built through the service', () => {
  let t: TestApp;
  let association: FreshAssociation;

  beforeAll(async () => {
    t = await startTestApp();
    association = await onboardAssociation(t, { name: '白塔寺车友会' });
  });
  afterAll(() => t.close());

  it('its council draws a lane, registers a household, and the resident adds the car', async () => {
    const { council } = association;
    const lane = await addLane(t, council, { name: '宫门口头条' });
    const { household, resident, vehicleId } = await addResidentWithCar(t, council, {
      plate: '京N·A1234',
    });

    const lanes = await t.http().get('/api/lanes').set('Authorization', `Bearer ${council.token}`);
    expect(lanes.body.map((l: { id: string }) => l.id)).toEqual([lane.id]);

    const mine = await t
      .http()
      .get(`/api/households/${household.id}`)
      .set('Authorization', `Bearer ${resident.token}`);
    expect(mine.status).toBe(200);
    expect(mine.body.vehicles.map((v: { id: string; plate: string }) => [v.id, v.plate])).toEqual([
      [vehicleId, '京N·A1234'],
    ]);
  });

  it('a second resident of another household cannot read the first household', async () => {
    const { council } = association;
    const first = await addResidentWithCar(t, council);
    const neighbour = await addMember(t, council, { role: 'resident' });
    const peek = await t
      .http()
      .get(`/api/households/${first.household.id}`)
      .set('Authorization', `Bearer ${neighbour.token}`);
    expect([403, 404]).toContain(peek.status);
  });

  it("the demo association's council next door sees none of it", async () => {
    const { council } = association;
    const { household } = await addResidentWithCar(t, council);
    const demoCouncil = await t.login(DEMO.admin);
    const peek = await t
      .http()
      .get(`/api/households/${household.id}`)
      .set('Authorization', `Bearer ${demoCouncil}`);
    expect(peek.status).toBe(404);
    const lanes = await t.http().get('/api/lanes').set('Authorization', `Bearer ${demoCouncil}`);
    expect(lanes.body.map((l: { name: string }) => l.name)).not.toContain('宫门口头条');
  });
});
