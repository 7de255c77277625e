import { DEMO, startTestApp, type TestApp } from './support/test-app';

/**
 * A resident unit's office worker reads what the unit signed: its agreement (协议), every version,
 * and nobody else's; the route is theirs alone.
 */
describe("a unit's staff read their own agreement", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('the unit staff get their unit with every version of its agreement', async () => {
    const mine = await t.as(await t.login(DEMO.unit)).get('/api/resident-units/mine');
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ name: '金融街中心写字楼', associationName: '4143车友会' });
    expect(mine.body.history.length).toBeGreaterThanOrEqual(1);
    expect(mine.body.agreement).toEqual(mine.body.history[0]);
    expect(mine.body.agreement).toMatchObject({
      places: expect.any(Number),
      liability: expect.any(String),
      signedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    // Colleagues by name, their phones masked.
    for (const staff of mine.body.staff) expect(staff.phone).toMatch(/\*{4}/);
  });

  it("another unit's staff read their own unit, not this one", async () => {
    const theirs = await t.as(await t.login('13800000101')).get('/api/resident-units/mine');
    expect(theirs.status).toBe(200);
    expect(theirs.body.name).toBe('二龙路小学');
  });

  it.each([DEMO.admin, DEMO.resident, DEMO.wardens[0]])('%s is refused', async (phone) => {
    const refused = await t.as(await t.login(phone)).get('/api/resident-units/mine');
    expect(refused.status).toBe(403);
  });
});
