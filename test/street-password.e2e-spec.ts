import { STREET_DEMO_PHONE } from '../src/street/demo-street';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

/**
 * 王主任 of the street office changes the demo password: the same route every member uses, with
 * the same brute-force limit as logging in, and every other session of theirs ends.
 */
describe('street staff change their own password', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const session = async (phone: string, password: string = DEMO.password) => {
    const response = await t.http().post('/api/auth/login').send({ phone, password });
    expect(response.status).toBe(200);
    return response.body as { accessToken: string; refreshToken: string };
  };
  const change = (token: string, currentPassword: string, newPassword: string) =>
    t
      .http()
      .post('/api/auth/password')
      .set('authorization', `Bearer ${token}`)
      .set('accept-language', 'zh-CN')
      .send({ currentPassword, newPassword });
  const overview = (token: string) =>
    t.http().get('/api/street/overview').set('authorization', `Bearer ${token}`);

  it('changes it, stays logged in here, and ends the other sessions', async () => {
    const here = await session(STREET_DEMO_PHONE);
    const elsewhere = await session(STREET_DEMO_PHONE);
    const changed = await change(here.accessToken, DEMO.password, 'street-office-lantern-88');
    expect(changed.status).toBe(200);
    expect((await overview(changed.body.accessToken)).status).toBe(200);
    expect((await overview(elsewhere.accessToken)).status).toBe(401);
    const stale = await t
      .http()
      .post('/api/auth/refresh')
      .send({ refreshToken: elsewhere.refreshToken });
    expect(stale.status).toBe(401);
    const old = await t
      .http()
      .post('/api/auth/login')
      .send({ phone: STREET_DEMO_PHONE, password: DEMO.password });
    expect(old.status).toBe(401);
    await session(STREET_DEMO_PHONE, 'street-office-lantern-88');
  });

  it('refuses a wrong current password or a weak new one, with the reason', async () => {
    const here = await session(STREET_DEMO_PHONE, 'street-office-lantern-88');
    const wrong = await change(here.accessToken, 'not-my-password', 'street-office-lantern-99');
    expect(wrong.status).toBe(403);
    expect(wrong.body.reason).toBe('password.current_wrong');
    const weak = await change(here.accessToken, 'street-office-lantern-88', '1234567890');
    expect(weak.status).toBe(400);
    expect(weak.body.reason).toBe('password.too_common');
  });

  it('stops guessing the current password as login does (429 with Retry-After)', async () => {
    const here = await session(STREET_DEMO_PHONE, 'street-office-lantern-88');
    let last = await change(here.accessToken, 'guess-0', 'street-office-lantern-99');
    for (let i = 1; i < 12 && last.status !== 429; i++) {
      last = await change(here.accessToken, `guess-${i}`, 'street-office-lantern-99');
    }
    expect(last.status).toBe(429);
    expect(last.body.reason).toBe('rate.limited');
    expect(last.headers['retry-after']).toEqual(expect.any(String));
    // Even the right password waits now: the limit counts the account, not the guess.
    const right = await change(
      here.accessToken,
      'street-office-lantern-88',
      'street-office-lantern-99',
    );
    expect(right.status).toBe(429);
  });
});
