import { EventEmitter2 } from '@nestjs/event-emitter';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { MemberAccessChanged } from '../src/auth/auth.events';
import { createApp } from '../src/bootstrap';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

/**
 * Issue 11, item 3 (REST): logout, deactivation, a role change and a password change end a
 * member's earlier access tokens within seconds, on every instance; a refresh token presented
 * again after rotation ends its whole family. Each change is announced as MemberAccessChanged.
 */
describe('tokens after a change of access', () => {
  let t: TestApp;
  let second: NestFastifyApplication;
  const announced: MemberAccessChanged[] = [];
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    // A second instance on the same database: it caches what it read for a couple of seconds.
    second = await createApp(t.database.url);
    await second.init();
    await second.getHttpAdapter().getInstance().ready();
    t.app.get(EventEmitter2).on(MemberAccessChanged.type, (event: MemberAccessChanged) => {
      announced.push(event);
    });
    for (const row of await t.sql<{ id: string; phone: string }>(`SELECT id, phone FROM member`)) {
      ids[row.phone] = row.id;
    }
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  const session = async (phone: string) => {
    const response = await t
      .http()
      .post('/api/auth/login')
      .send({ phone, password: DEMO.password });
    expect(response.status).toBe(200);
    return response.body as { accessToken: string; refreshToken: string };
  };
  const meOn = (app: 'first' | 'second', token: string) =>
    (app === 'first' ? t.http() : request(second.getHttpServer()))
      .get('/api/me')
      .set('authorization', `Bearer ${token}`);
  const admin = async () => `Bearer ${await t.login(DEMO.admin)}`;

  /** Polls the second instance until the token is refused; the seconds it took. */
  async function refusedWithin(token: string, limitMs: number): Promise<number> {
    const started = Date.now();
    for (;;) {
      const response = await meOn('second', token);
      if (response.status === 401) {
        expect(response.body.reason).toBe('auth.session_ended');
        return (Date.now() - started) / 1000;
      }
      if (Date.now() - started > limitMs) throw new Error('token still accepted');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** Both instances accept the token now (the second caches the member's state). */
  async function acceptedEverywhere(token: string): Promise<void> {
    expect((await meOn('first', token)).status).toBe(200);
    expect((await meOn('second', token)).status).toBe(200);
  }

  it('a deactivated warden: refused at once here, within seconds on the other instance', async () => {
    const warden = await session(DEMO.wardens[0]);
    await acceptedEverywhere(warden.accessToken);
    const off = await t
      .http()
      .patch(`/api/members/${ids[DEMO.wardens[0]]}`)
      .set('authorization', await admin())
      .send({ active: false });
    expect(off.status).toBe(200);
    expect((await meOn('first', warden.accessToken)).status).toBe(401);
    expect(await refusedWithin(warden.accessToken, 5000)).toBeLessThan(5);
    const refreshed = await t
      .http()
      .post('/api/auth/refresh')
      .send({ refreshToken: warden.refreshToken });
    expect(refreshed.status).toBe(401);
    expect(announced).toContainEqual(
      expect.objectContaining({ memberId: ids[DEMO.wardens[0]], change: 'deactivated' }),
    );
  });

  it('a demoted warden: the old token (role warden) is refused; a new login says resident', async () => {
    const warden = await session(DEMO.wardens[1]);
    await acceptedEverywhere(warden.accessToken);
    const demoted = await t
      .http()
      .patch(`/api/members/${ids[DEMO.wardens[1]]}`)
      .set('authorization', await admin())
      .send({ role: 'resident' });
    expect(demoted.status).toBe(200);
    expect((await meOn('first', warden.accessToken)).status).toBe(401);
    expect(await refusedWithin(warden.accessToken, 5000)).toBeLessThan(5);
    const again = await session(DEMO.wardens[1]);
    expect((await meOn('first', again.accessToken)).body.member.role).toBe('resident');
    expect(announced).toContainEqual(
      expect.objectContaining({ memberId: ids[DEMO.wardens[1]], change: 'role' }),
    );
  });

  it('a logged-out member: every access and refresh token ends', async () => {
    const phone = await session(DEMO.wardens[2]);
    const tablet = await session(DEMO.wardens[2]);
    await acceptedEverywhere(tablet.accessToken);
    const out = await t
      .http()
      .post('/api/auth/logout')
      .set('authorization', `Bearer ${phone.accessToken}`);
    expect(out.status).toBe(204);
    expect((await meOn('first', phone.accessToken)).status).toBe(401);
    expect(await refusedWithin(tablet.accessToken, 5000)).toBeLessThan(5);
    for (const device of [phone, tablet]) {
      const refreshed = await t
        .http()
        .post('/api/auth/refresh')
        .send({ refreshToken: device.refreshToken });
      expect(refreshed.status).toBe(401);
    }
    expect(announced).toContainEqual(
      expect.objectContaining({ memberId: ids[DEMO.wardens[2]], change: 'logout' }),
    );
  });

  it('a member whose password changed: earlier tokens end, the new pair works', async () => {
    const before = await session(DEMO.otherResident);
    await acceptedEverywhere(before.accessToken);
    const changed = await t
      .http()
      .post('/api/auth/password')
      .set('authorization', `Bearer ${before.accessToken}`)
      .send({ currentPassword: DEMO.password, newPassword: 'siheyuan-gate-1982' });
    expect(changed.status).toBe(200);
    expect((await meOn('first', before.accessToken)).status).toBe(401);
    expect(await refusedWithin(before.accessToken, 5000)).toBeLessThan(5);
    expect((await meOn('second', changed.body.accessToken)).status).toBe(200);
    expect(announced).toContainEqual(
      expect.objectContaining({ memberId: ids[DEMO.otherResident], change: 'password' }),
    );
  });

  it('a refresh token presented again after rotation ends its whole family', async () => {
    const login = await session(DEMO.resident);
    const rotated = await t
      .http()
      .post('/api/auth/refresh')
      .send({ refreshToken: login.refreshToken });
    expect(rotated.status).toBe(200);
    // Someone copied the first refresh token and presents it after the owner has rotated it.
    const replay = await t
      .http()
      .post('/api/auth/refresh')
      .send({ refreshToken: login.refreshToken });
    expect(replay.status).toBe(401);
    expect(replay.body.reason).toBe('auth.refresh_invalid');
    // The family's newest token is dead too, and so is the access token it came with.
    const owner = await t
      .http()
      .post('/api/auth/refresh')
      .send({ refreshToken: rotated.body.refreshToken });
    expect(owner.status).toBe(401);
    expect((await meOn('first', rotated.body.accessToken)).status).toBe(401);
    const family = await t.sql<{ live: string }>(
      `SELECT count(*) FILTER (WHERE revoked_at IS NULL) AS live FROM refresh_session
        WHERE family_id = (SELECT family_id FROM refresh_session WHERE member_id = $1
                            ORDER BY created_at DESC LIMIT 1)`,
      [ids[DEMO.resident]],
    );
    expect(family[0]!.live).toBe('0');
    expect(announced).toContainEqual(
      expect.objectContaining({ memberId: ids[DEMO.resident], change: 'logout' }),
    );
    // Logging in again opens a new family.
    expect((await meOn('first', (await session(DEMO.resident)).accessToken)).status).toBe(200);
  });

  it('rotation alone keeps the family going: each new token works once', async () => {
    let refreshToken = (await session(DEMO.unit)).refreshToken;
    for (let i = 0; i < 3; i++) {
      const next = await t.http().post('/api/auth/refresh').send({ refreshToken });
      expect(next.status).toBe(200);
      expect((await meOn('first', next.body.accessToken)).status).toBe(200);
      refreshToken = next.body.refreshToken;
    }
  });
});
