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

  it("the ledger says each household's lane, and an import places households by it", async () => {
    const csv = (text: string) =>
      t
        .http()
        .post('/api/households/import')
        .set('Authorization', `Bearer ${one.council.token}`)
        .set('Content-Type', 'text/csv')
        .send(text);
    const imported = await csv(
      [
        '门牌,姓名,手机,胡同',
        '北胡同20号,郑大妈,13700000201,北胡同',
        // An existing household of the south lane, moved north by its row.
        '南胡同9号,,,北胡同',
        '东胡同1号,冯先生,13700000202,东胡同',
      ].join('\n'),
    );
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ accepted: 2, householdsCreated: 1 });
    expect(imported.body.rejected).toEqual([
      {
        row: 4,
        reason: 'ledger.lane_unknown',
        params: { lane: '东胡同' },
        message: '本会没有名为“东胡同”的胡同',
      },
    ]);
    const council = t.as(one.council.token);
    const [made] = (await council.get('/api/households?search=北胡同20号')).body.items;
    expect(made.laneId).toBe(north.id);
    const [moved] = (await council.get('/api/households?search=南胡同9号')).body.items;
    expect(moved.laneId).toBe(north.id);
    expect((await council.get('/api/households?search=东胡同1号')).body.total).toBe(0);

    const exported = await t
      .http()
      .get('/api/households/export.csv')
      .set('Authorization', `Bearer ${one.council.token}`);
    const lines = exported.text.split('\n');
    expect(lines[0]).toMatch(/,胡同$/);
    expect(lines).toContain('南胡同1号院,,,,,,,,南胡同');
    expect(lines.find((line) => line.startsWith('北胡同20号,郑大妈'))).toMatch(/,北胡同$/);
    // Another association's lane is not this association's to place households in.
    const foreign = await csv(['门牌,胡同', '北胡同30号,别处胡同'].join('\n'));
    expect(foreign.body.rejected[0]).toMatchObject({ reason: 'ledger.lane_unknown' });
  });
});
