import { DEMO, startTestApp, type TestApp } from './support/test-app';

/** Bad input gets a clear 4xx in the one error shape, and the database does not change. */
describe('bad input', () => {
  let t: TestApp;
  let admin: string;
  let before: string;

  const snapshot = async () =>
    JSON.stringify(
      await t.sql(
        `SELECT (SELECT count(*) FROM household) h, (SELECT count(*) FROM member) m,
                (SELECT count(*) FROM vehicle) v, (SELECT count(*) FROM lane) l,
                (SELECT string_agg(plate || plate_color, ',' ORDER BY id) FROM vehicle) plates`,
      ),
    );

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login(DEMO.admin);
    before = await snapshot();
  });
  afterEach(async () => {
    expect(await snapshot()).toBe(before);
  });
  afterAll(() => t.close());

  const expectErrorBody = (body: unknown, status: number) =>
    expect(body).toMatchObject({
      statusCode: status,
      error: expect.any(String),
      message: expect.any(String),
    });

  it('malformed JSON → 400', async () => {
    const response = await t
      .http()
      .post('/api/households')
      .set('Authorization', `Bearer ${admin}`)
      .set('Content-Type', 'application/json')
      .send('{"address": "下岗胡同50号"');
    expect(response.status).toBe(400);
    expectErrorBody(response.body, 400);
  });

  it('an unknown field → 400 naming it', async () => {
    const response = await t
      .http()
      .post('/api/households')
      .set('Authorization', `Bearer ${admin}`)
      .send({ address: '下岗胡同51号', vip: true });
    expect(response.status).toBe(400);
    expectErrorBody(response.body, 400);
    expect(response.body.message).toContain('vip');
  });

  it('a wrong type → 400 with field details', async () => {
    const response = await t
      .http()
      .post('/api/lanes')
      .set('Authorization', `Bearer ${admin}`)
      .send({ name: 42, geometry: [{ x: 'east', y: 0 }] });
    expect(response.status).toBe(400);
    expectErrorBody(response.body, 400);
    expect(response.body.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'name' })]),
    );
  });

  it('a 1 MB body → 413', async () => {
    const response = await t
      .http()
      .post('/api/households')
      .set('Authorization', `Bearer ${admin}`)
      .send({ address: 'x'.repeat(1024 * 1024) });
    expect(response.status).toBe(413);
    expectErrorBody(response.body, 413);
  });

  it('an invalid plate → 400 with the reason in Chinese and English', async () => {
    const [household] = await t.sql<{ id: string }>(`SELECT id FROM household LIMIT 1`);
    const response = await t
      .http()
      .post('/api/vehicles')
      .set('Authorization', `Bearer ${admin}`)
      .send({ plate: '京A1234', householdId: household!.id });
    expect(response.status).toBe(400);
    expect(response.body.message).toContain('车牌格式不正确');
  });

  it('a duplicate plate → 409', async () => {
    const [vehicle] = await t.sql<{ plate: string; household_id: string }>(
      `SELECT plate, household_id FROM vehicle LIMIT 1`,
    );
    const response = await t
      .http()
      .post('/api/vehicles')
      .set('Authorization', `Bearer ${admin}`)
      .send({ plate: vehicle!.plate, householdId: vehicle!.household_id });
    expect(response.status).toBe(409);
  });

  it('a malformed id → 400; an id from another association → 404', async () => {
    const malformed = await t
      .http()
      .get('/api/households/not-a-uuid')
      .set('Authorization', `Bearer ${admin}`);
    expect(malformed.status).toBe(400);
    const [foreign] = await t.sql<{ id: string }>(
      `WITH a AS (INSERT INTO association (name, community, street_office) VALUES ('外会', '外社区', '外街道') RETURNING id)
       INSERT INTO household (association_id, address) SELECT id, '外1号' FROM a RETURNING id`,
    );
    before = await snapshot();
    const response = await t
      .http()
      .patch(`/api/households/${foreign!.id}`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ address: '改' });
    expect(response.status).toBe(404);
    expectErrorBody(response.body, 404);
  });

  it('an unknown route → 404 in the same shape', async () => {
    const response = await t.http().get('/api/nowhere').set('Authorization', `Bearer ${admin}`);
    expect(response.status).toBe(404);
    expectErrorBody(response.body, 404);
  });

  it('a wrong content type → 415', async () => {
    const response = await t
      .http()
      .post('/api/households')
      .set('Authorization', `Bearer ${admin}`)
      .set('Content-Type', 'application/xml')
      .send('<address/>');
    expect(response.status).toBe(415);
    expectErrorBody(response.body, 415);
  });
});
