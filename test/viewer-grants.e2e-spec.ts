import { hashPassword } from '../src/auth/password';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

/**
 * The street office reads several associations: the council of 文昌车友会 lets the 金融街街道
 * viewer (registered with 4143) read its households; after a refresh the viewer's token carries
 * it; revoking takes it away again.
 */
describe('a council grants the street office read access', () => {
  let t: TestApp;
  let wenchang: string;
  let wenchangAdmin: string;

  beforeAll(async () => {
    t = await startTestApp();
    const [association] = await t.sql<{ id: string }>(
      `INSERT INTO association (name, community, street_office) VALUES ('文昌车友会', '文昌社区', '金融街街道') RETURNING id`,
    );
    wenchang = association!.id;
    await t.sql(`INSERT INTO household (association_id, address) VALUES ($1, '文昌胡同1号')`, [
      wenchang,
    ]);
    await t.sql(
      `INSERT INTO member (association_id, name, phone, password_hash, role) VALUES ($1, '文昌理事', '13900000001', $2, 'admin')`,
      [wenchang, await hashPassword(DEMO.password)],
    );
    wenchangAdmin = await t.login('13900000001');
  });
  afterAll(() => t.close());

  const as = (token: string) => ({
    get: (path: string) => t.http().get(path).set('authorization', `Bearer ${token}`),
    post: (path: string, body: object) =>
      t.http().post(path).set('authorization', `Bearer ${token}`).send(body),
    delete: (path: string) => t.http().delete(path).set('authorization', `Bearer ${token}`),
  });

  const viewerSession = () =>
    t.http().post('/api/auth/login').send({ phone: DEMO.viewer, password: DEMO.password });

  it('before the grant the viewer cannot read 文昌; after it (and a new token) it can', async () => {
    const before = (await viewerSession()).body.accessToken as string;
    await as(before).get(`/api/households?associationId=${wenchang}`).expect(404);

    const granted = await as(wenchangAdmin).post('/api/viewer-grants', { phone: DEMO.viewer });
    expect(granted.status).toBe(201);
    expect(granted.body).toMatchObject({ homeAssociation: '4143车友会', phone: '138****0200' });

    const refreshed = await t
      .http()
      .post('/api/auth/refresh')
      .send({ refreshToken: (await viewerSession()).body.refreshToken });
    const after = refreshed.body.accessToken as string;
    const list = await as(after).get(`/api/households?associationId=${wenchang}`).expect(200);
    expect(list.body.items.map((h: { address: string }) => h.address)).toEqual(['文昌胡同1号']);
    const associations = await as(after).get('/api/associations').expect(200);
    expect(associations.body.map((a: { name: string }) => a.name)).toContain('文昌车友会');
    // Read-only: a viewer still changes nothing.
    await as(after).post('/api/households', { address: '文昌胡同2号' }).expect(403);
  });

  it('only a council grants, only viewer accounts are granted, and revoking takes it back', async () => {
    const resident = await t.login(DEMO.resident);
    await as(resident).post('/api/viewer-grants', { phone: DEMO.viewer }).expect(403);
    const refused = await as(wenchangAdmin).post('/api/viewer-grants', { phone: DEMO.resident });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('只读账号');

    const grants = await as(wenchangAdmin).get('/api/viewer-grants').expect(200);
    const viewerId = grants.body[0].memberId as string;
    // The 4143 council cannot revoke another association's grant.
    await as(await t.login(DEMO.admin))
      .delete(`/api/viewer-grants/${viewerId}`)
      .expect(404);
    await as(wenchangAdmin).delete(`/api/viewer-grants/${viewerId}`).expect(204);
    const fresh = (await viewerSession()).body.accessToken as string;
    await as(fresh).get(`/api/households?associationId=${wenchang}`).expect(404);
  });
});
