import { addLane, onboardAssociation, type FreshAssociation } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * An association with two lanes says which lane each household is registered in (it decides the
 * offers the household may take and the new spaces that face it); with one lane the household is
 * simply in it. Another association's lane is not found.
 */
describe('the lane a household is registered in', () => {
  let t: TestApp;
  let one: FreshAssociation;
  let other: FreshAssociation;
  let north: { id: string };
  let south: { id: string };
  let elsewhere: { id: string };

  beforeAll(async () => {
    t = await startTestApp();
    one = await onboardAssociation(t);
    other = await onboardAssociation(t);
    north = await addLane(t, one.council, { name: '北胡同' });
    elsewhere = await addLane(t, other.council, { name: '别处胡同' });
  });
  afterAll(() => t.close());

  it('with one lane, a new household is in it without being asked', async () => {
    const made = await t.as(one.council.token).post('/api/households', { address: '北胡同1号' });
    expect(made.status).toBe(201);
    expect(made.body.laneId).toBe(north.id);
  });

  it('with two lanes, the council says which; and can move a household to the other', async () => {
    south = await addLane(t, one.council, { name: '南胡同' });
    const council = t.as(one.council.token);
    const unsaid = await council.post('/api/households', { address: '南胡同9号' });
    expect(unsaid.body.laneId).toBeNull();
    const made = await council.post('/api/households', { address: '南胡同1号', laneId: south.id });
    expect(made.status).toBe(201);
    expect(made.body.laneId).toBe(south.id);
    const moved = await council.patch(`/api/households/${unsaid.body.id}`, {
      address: '南胡同9号',
      laneId: south.id,
    });
    expect(moved.status).toBe(200);
    expect(moved.body.laneId).toBe(south.id);
    // The address alone changes the address and keeps the lane.
    const renamed = await council.patch(`/api/households/${made.body.id}`, {
      address: '南胡同1号院',
    });
    expect(renamed.body).toMatchObject({ address: '南胡同1号院', laneId: south.id });
  });

  it("another association's lane is not found, and nothing is registered", async () => {
    const council = t.as(one.council.token);
    const refused = await council.post('/api/households', {
      address: '南胡同2号',
      laneId: elsewhere.id,
    });
    expect(refused.status).toBe(404);
    const listed = await council.get('/api/households?search=南胡同2号');
    expect(listed.body.total).toBe(0);
    const notALane = await council.post('/api/households', { address: '南胡同3号', laneId: 'x' });
    expect(notALane.status).toBe(400);
  });
});
