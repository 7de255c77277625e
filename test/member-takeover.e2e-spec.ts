import { DEMO, startTestApp, type TestApp } from './support/test-app';

/**
 * Issue 11, item 1: a resident of the council admin's household set the admin's password and
 * logged in as the admin. A member changes only their own name and password (proving the current
 * one); roles, phones and other people's passwords are the council's.
 */
describe('no takeover inside a household', () => {
  let t: TestApp;
  let adminId: string;
  let residentId: string;
  const snapshot = () =>
    t.sql(`SELECT * FROM member WHERE id = ANY($1::uuid[]) ORDER BY id`, [[adminId, residentId]]);

  beforeAll(async () => {
    t = await startTestApp();
    const rows = await t.sql<{ id: string; phone: string; household_id: string }>(
      `SELECT id, phone, household_id FROM member WHERE phone = ANY($1) ORDER BY phone`,
      [[DEMO.admin, DEMO.resident]],
    );
    [adminId, residentId] = rows.map((r) => r.id) as [string, string];
    // The story: the admin lives in the resident's household (下岗胡同1号).
    expect(rows[0]!.household_id).toBe(rows[1]!.household_id);
  });
  afterAll(() => t.close());

  const patch = async (phone: string, id: string, body: object) =>
    t
      .http()
      .patch(`/api/members/${id}`)
      .set('authorization', `Bearer ${await t.login(phone)}`)
      .set('accept-language', 'en')
      .send(body);

  it.each([
    [{ password: 'taken-over-4143!' }, 'member.password_by_council'],
    [{ phone: '13900000666' }, 'member.phone_by_council'],
    [{ role: 'resident' }, 'member.role_by_council'],
    [{ active: false }, 'member.role_by_council'],
    [{ name: '冒名' }, 'member.not_yours'],
    [{ volunteer: true }, 'member.flags_by_council'],
  ])("a resident cannot change the admin's %j (%s), and nothing changes", async (body, reason) => {
    const before = await snapshot();
    const response = await patch(DEMO.resident, adminId, body);
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ reason });
    expect(await snapshot()).toEqual(before);
  });

  it('so the admin still logs in with their own password, and the resident cannot', async () => {
    const ok = await t
      .http()
      .post('/api/auth/login')
      .send({ phone: DEMO.admin, password: DEMO.password });
    expect(ok.status).toBe(200);
    expect(ok.body.member.role).toBe('admin');
    const hijack = await t
      .http()
      .post('/api/auth/login')
      .send({ phone: DEMO.admin, password: 'taken-over-4143!' });
    expect(hijack.status).toBe(401);
  });

  it.each([
    [{ role: 'admin' }, 'member.role_by_council'],
    [{ phone: '13900000667' }, 'member.phone_by_council'],
    [{ partyMember: true }, 'member.flags_by_council'],
  ])('a resident cannot change their own %j either', async (body, reason) => {
    const before = await snapshot();
    const response = await patch(DEMO.resident, residentId, body);
    expect(response.status).toBe(403);
    expect(response.body.reason).toBe(reason);
    expect(await snapshot()).toEqual(before);
  });

  it('a resident changes their own name', async () => {
    const response = await patch(DEMO.resident, residentId, { name: '王秀兰' });
    expect(response.status).toBe(200);
    expect(response.body.name).toBe('王秀兰');
  });

  it('the council does not demote or deactivate itself', async () => {
    for (const body of [{ role: 'resident' }, { active: false }]) {
      const response = await patch(DEMO.admin, adminId, body);
      expect(response.status).toBe(409);
      expect(response.body.reason).toBe('member.council_self');
    }
  });
});

describe('setting a password', () => {
  let t: TestApp;
  let residentId: string;
  let otherId: string;
  beforeAll(async () => {
    t = await startTestApp();
    const rows = await t.sql<{ id: string }>(
      `SELECT id FROM member WHERE phone = ANY($1) ORDER BY phone`,
      [[DEMO.resident, DEMO.otherResident]],
    );
    [residentId, otherId] = rows.map((r) => r.id) as [string, string];
  });
  afterAll(() => t.close());

  const session = async (phone: string, password: string = DEMO.password) => {
    const response = await t.http().post('/api/auth/login').send({ phone, password });
    expect(response.status).toBe(200);
    return response.body as { accessToken: string; refreshToken: string };
  };
  const me = (token: string) => t.http().get('/api/me').set('authorization', `Bearer ${token}`);
  const hashOf = async (id: string) =>
    (
      await t.sql<{ password_hash: string }>(`SELECT password_hash FROM member WHERE id = $1`, [id])
    )[0]!.password_hash;

  it('changing your own password needs the current one', async () => {
    const { accessToken } = await session(DEMO.resident);
    const before = await hashOf(residentId);
    const without = await t
      .http()
      .patch(`/api/members/${residentId}`)
      .set('authorization', `Bearer ${accessToken}`)
      .send({ password: 'lane-19-new-secret' });
    expect(without.status).toBe(400);
    expect(without.body.reason).toBe('password.current_required');
    const wrong = await t
      .http()
      .patch(`/api/members/${residentId}`)
      .set('authorization', `Bearer ${accessToken}`)
      .send({ password: 'lane-19-new-secret', currentPassword: 'not-my-password' });
    expect(wrong.status).toBe(403);
    expect(wrong.body.reason).toBe('password.current_wrong');
    expect(await hashOf(residentId)).toBe(before);
  });

  it('and ends every refresh session of the member, on every device', async () => {
    const phone = await session(DEMO.resident);
    const tablet = await session(DEMO.resident);
    const changed = await t
      .http()
      .patch(`/api/members/${residentId}`)
      .set('authorization', `Bearer ${phone.accessToken}`)
      .send({ password: 'lane-19-new-secret', currentPassword: DEMO.password });
    expect(changed.status).toBe(200);
    for (const device of [phone, tablet]) {
      const refreshed = await t
        .http()
        .post('/api/auth/refresh')
        .send({ refreshToken: device.refreshToken });
      expect(refreshed.status).toBe(401);
      expect((await me(device.accessToken)).status).toBe(401);
    }
    expect((await session(DEMO.resident, 'lane-19-new-secret')).accessToken).toEqual(
      expect.any(String),
    );
  });

  it('POST /api/auth/password changes it and keeps this device logged in', async () => {
    const current = await session(DEMO.resident, 'lane-19-new-secret');
    const elsewhere = await session(DEMO.resident, 'lane-19-new-secret');
    const response = await t
      .http()
      .post('/api/auth/password')
      .set('authorization', `Bearer ${current.accessToken}`)
      .send({ currentPassword: 'lane-19-new-secret', newPassword: 'courtyard-tree-1959' });
    expect(response.status).toBe(200);
    expect((await me(response.body.accessToken)).status).toBe(200);
    expect((await me(elsewhere.accessToken)).status).toBe(401);
    const stale = await t
      .http()
      .post('/api/auth/refresh')
      .send({ refreshToken: elsewhere.refreshToken });
    expect(stale.status).toBe(401);
  });

  it.each([
    ['short', 'hutong-41', 'password.too_short'],
    ['common', '1234567890', 'password.too_common'],
    ['common, any case', 'Password123', 'password.too_common'],
    ['the phone', `x${DEMO.resident}x`, 'password.contains_phone'],
  ])('refuses a %s password wherever one is set', async (_, password, reason) => {
    const admin = await t.login(DEMO.admin);
    const created = await t
      .http()
      .post('/api/members')
      .set('authorization', `Bearer ${admin}`)
      .send({
        name: '新住户',
        phone: '13700000321',
        role: 'resident',
        password: password.replace(DEMO.resident, '13700000321'),
      });
    expect(created.status).toBe(400);
    expect(created.body.reason).toBe(reason);
    const reset = await t
      .http()
      .patch(`/api/members/${residentId}`)
      .set('authorization', `Bearer ${admin}`)
      .set('accept-language', 'en')
      .send({ password });
    expect(reset.status).toBe(400);
    expect(reset.body.reason).toBe(reason);
    const own = await session(DEMO.resident, 'courtyard-tree-1959');
    const changed = await t
      .http()
      .post('/api/auth/password')
      .set('authorization', `Bearer ${own.accessToken}`)
      .send({ currentPassword: 'courtyard-tree-1959', newPassword: password });
    expect(changed.status).toBe(400);
    expect(changed.body.reason).toBe(reason);
    expect(await t.sql(`SELECT 1 FROM member WHERE phone = '13700000321'`)).toEqual([]);
  });

  it("the council resets another member's password without knowing it; their tokens end", async () => {
    const other = await session(DEMO.otherResident);
    const admin = await t.login(DEMO.admin);
    const reset = await t
      .http()
      .patch(`/api/members/${otherId}`)
      .set('authorization', `Bearer ${admin}`)
      .send({ password: 'reset-by-council-77' });
    expect(reset.status).toBe(200);
    expect((await me(other.accessToken)).status).toBe(401);
    expect((await session(DEMO.otherResident, 'reset-by-council-77')).accessToken).toBeTruthy();
  });
});
