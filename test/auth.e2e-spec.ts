import { DEMO, startTestApp, type TestApp } from './support/test-app';

describe('logging in (every demo role)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it.each([
    [DEMO.admin, 'admin'],
    [DEMO.wardens[0], 'warden'],
    [DEMO.resident, 'resident'],
    [DEMO.unit, 'unit'],
    [DEMO.viewer, 'viewer'],
  ])('%s logs in as %s and sees themselves at /api/me', async (phone, role) => {
    const login = await t.http().post('/api/auth/login').send({ phone, password: DEMO.password });
    expect(login.status).toBe(200);
    expect(login.body.member.role).toBe(role);
    expect(login.body.member.phone).toBe(phone);
    expect(login.body.expiresIn).toBeGreaterThan(0);

    const me = await t
      .http()
      .get('/api/me')
      .set('Authorization', `Bearer ${login.body.accessToken}`);
    expect(me.status).toBe(200);
    expect(me.body.association.name).toBe('4143车友会');
  });

  it('refuses a wrong password and an unknown phone the same way', async () => {
    const wrong = await t
      .http()
      .post('/api/auth/login')
      .send({ phone: DEMO.admin, password: 'nope' });
    // (Login limits, per account and per address: login-limits.e2e-spec.ts.)
    const unknown = await t
      .http()
      .post('/api/auth/login')
      .send({ phone: '13999999999', password: 'nope' });
    for (const response of [wrong, unknown]) {
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({
        statusCode: 401,
        error: 'unauthenticated',
        reason: 'auth.wrong_login',
      });
      expect(response.body.message).toContain('手机号或密码错误');
    }
  });

  it('stores only scrypt hashes', async () => {
    const rows = await t.sql<{ password_hash: string }>(
      `SELECT password_hash FROM member WHERE phone = $1`,
      [DEMO.admin],
    );
    expect(rows[0]!.password_hash).toMatch(/^scrypt\$/);
  });

  it('rotates refresh tokens: a refresh token works once', async () => {
    const login = await t
      .http()
      .post('/api/auth/login')
      .send({ phone: DEMO.resident, password: DEMO.password });
    const first = await t
      .http()
      .post('/api/auth/refresh')
      .send({ refreshToken: login.body.refreshToken });
    expect(first.status).toBe(200);
    expect(first.body.accessToken).toEqual(expect.any(String));
    const again = await t
      .http()
      .post('/api/auth/refresh')
      .send({ refreshToken: login.body.refreshToken });
    expect(again.status).toBe(401);
  });

  it('refuses requests without a token or with a forged one', async () => {
    expect((await t.http().get('/api/me')).status).toBe(401);
    const forged = await t
      .http()
      .get('/api/me')
      .set('Authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.x');
    expect(forged.status).toBe(401);
    expect(forged.body.error).toBe('unauthenticated');
  });

  it('answers health without a login', async () => {
    const health = await t.http().get('/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok', database: 'up' });
  });

  it('serves the OpenAPI document generated from the code', async () => {
    const doc = await t.http().get('/api/docs-json');
    expect(doc.status).toBe(200);
    expect(doc.body.paths['/api/auth/login']).toBeDefined();
    expect(doc.body.components.schemas.ErrorBody).toBeDefined();
  });
});
