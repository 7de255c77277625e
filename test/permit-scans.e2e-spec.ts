import { generateKeyPairSync } from 'node:crypto';
import { EventEmitter2 } from '@nestjs/event-emitter';
import jwt from 'jsonwebtoken';
import { LIVE_PUSH, type LivePush } from '../src/live/live-events';
import { Permit } from '../src/permits/permit.entity';
import { PermitTokensService } from '../src/permits/permit-tokens.service';
import { idempotencyKey, permitIdOfPlate, tokenOfPermit } from './support/permits';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

describe('scanning: a warden scans, the verdict is right, each scan is recorded once', () => {
  let t: TestApp;
  let admin: string;
  let warden: string;
  let resident: string;
  const previousLimit = process.env.PERMIT_PLATE_CHECKS_PER_HOUR;
  beforeAll(async () => {
    process.env.PERMIT_PLATE_CHECKS_PER_HOUR = '5';
    t = await startTestApp();
    admin = await t.login(DEMO.admin);
    warden = await t.login(DEMO.wardens[1]);
    resident = await t.login(DEMO.resident);
  });
  afterAll(async () => {
    if (previousLimit === undefined) delete process.env.PERMIT_PLATE_CHECKS_PER_HOUR;
    else process.env.PERMIT_PLATE_CHECKS_PER_HOUR = previousLimit;
    await t.close();
  });

  const scan = (body: Record<string, unknown>) =>
    t
      .http()
      .post('/api/scans')
      .set('Authorization', `Bearer ${warden}`)
      .send({ idempotencyKey: idempotencyKey(), ...body });
  const firstId = async (query: string, params?: unknown[]) =>
    (await t.sql<{ id: string }>(query, params))[0]!.id;
  const verdictOf = async (body: Record<string, unknown>) =>
    (await scan(body)).body.verdict as string;

  it('tells valid, expired, suspended, revoked, wrong place and wrong plate apart', async () => {
    const valid = await tokenOfPermit(t, admin, await permitIdOfPlate(t, '京A12345'));
    expect(await verdictOf({ token: valid })).toBe('valid');
    expect(await verdictOf({ token: valid, plateSeen: '京A12346' })).toBe('plate_mismatch');
    expect(
      await verdictOf({ token: valid, carParkId: '3f0d1c1e-8d1e-4a59-9d67-2b4c9f1a0001' }),
    ).toBe('wrong_scope');

    // 5号's permit lapsed ten days ago; 7号's is suspended for blocking a gate.
    const expired = await scan({ plate: '京F5Q778' });
    expect(expired.body.verdict).toBe('expired');
    expect(expired.body.reason).toMatch(/已于 .* 过期 \/ expired at/);
    expect(await verdictOf({ plate: '京G·81930' })).toBe('suspended');

    const revokedId = await permitIdOfPlate(t, '京H2N646');
    const revokedToken = await tokenOfPermit(t, admin, revokedId);
    await t
      .http()
      .post(`/api/permits/${revokedId}/revoke`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ reason: '搬离胡同 / moved away' })
      .expect(200);
    expect(await verdictOf({ token: revokedToken })).toBe('revoked');

    const number = (
      await t.sql<{ number: string }>(`SELECT number FROM permit WHERE plate = '京A12345'`)
    )[0]!.number;
    expect(await verdictOf({ permitNumber: Number(number) })).toBe('valid');
    expect(await verdictOf({ permitNumber: 99_999_999 })).toBe('unknown');
    expect(await verdictOf({ plate: '京Z99999' })).toBe('unknown');
  });

  it('an altered token, or one signed by a stranger, is forged', async () => {
    const token = await tokenOfPermit(t, admin, await permitIdOfPlate(t, '京A12345'));
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const altered = Buffer.from(JSON.stringify({ ...claims, n: '京A99999' })).toString('base64url');
    expect(await verdictOf({ token: `${header}.${altered}.${signature}` })).toBe('forged');

    const stranger = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    const realKid = JSON.parse(Buffer.from(header!, 'base64url').toString()).kid;
    for (const kid of [realKid, 'zzzz']) {
      const foreign = jwt.sign(claims, stranger, {
        algorithm: 'ES256',
        keyid: kid,
        noTimestamp: true,
      });
      expect(await verdictOf({ token: foreign })).toBe('forged');
    }
    expect(await verdictOf({ token: 'not-a-token-at-all-but-long-enough' })).toBe('forged');
  });

  it("another association's permit is wrong_scope, and nothing about it is recorded or shown", async () => {
    const associationId = await firstId(
      `INSERT INTO association (name, community, street_office) VALUES ('文昌车友会', '文昌社区', '金融街街道') RETURNING id`,
    );
    const householdId = await firstId(
      `INSERT INTO household (association_id, address) VALUES ($1, '文昌胡同1号') RETURNING id`,
      [associationId],
    );
    const vehicleId = await firstId(
      `INSERT INTO vehicle (association_id, household_id, plate, plate_color) VALUES ($1, $2, '京Q88888', 'blue') RETURNING id`,
      [associationId, householdId],
    );
    const permitId = await firstId(
      `INSERT INTO permit (association_id, kind, vehicle_id, household_id, plate, status, valid_from, valid_to)
       VALUES ($1, 'resident', $2, $3, '京Q88888', 'active', now() - interval '1 day', now() + interval '1 year') RETURNING id`,
      [associationId, vehicleId, householdId],
    );
    const permit = await t.dataSource.getRepository(Permit).findOneByOrFail({ id: permitId });
    const token = await t.app.get(PermitTokensService).tokenOf(permit);
    const response = await scan({ token });
    expect(response.body).toMatchObject({ verdict: 'wrong_scope', permit: null });
    const recorded = await t.sql(`SELECT permit_id FROM permit_scan WHERE id = $1`, [
      response.body.id,
    ]);
    expect(recorded).toEqual([{ permit_id: null }]);
  });

  it('an offline scan synced six times at once is recorded once, with its original time', async () => {
    const token = await tokenOfPermit(t, admin, await permitIdOfPlate(t, '京A12345'));
    const key = idempotencyKey();
    const scannedAt = new Date(Date.now() - 20 * 60_000).toISOString();
    const send = () =>
      t
        .http()
        .post('/api/scans')
        .set('Authorization', `Bearer ${warden}`)
        .send({ token, idempotencyKey: key, scannedAt, offline: true });
    const responses = await Promise.all(Array.from({ length: 6 }, send));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
    expect(responses.filter((r) => r.body.replayed === false)).toHaveLength(1);
    const rows = await t.sql<{ scanned_at: Date; offline: boolean }>(
      `SELECT scanned_at, offline FROM permit_scan WHERE idempotency_key = $1`,
      [key],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.scanned_at.toISOString()).toBe(scannedAt);
    expect(rows[0]!.offline).toBe(true);
  });

  it('visitor passes: quota per month under concurrency, max hours, a guest link with the QR', async () => {
    const issue = (body: Record<string, unknown>) =>
      t.http().post('/api/visitor-passes').set('Authorization', `Bearer ${resident}`).send(body);
    const tooLong = await issue({ plate: '京N·5C218', hours: 25 });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.message).toMatch(/^第四条: .*每次不超过二十四小时/);

    // The demo pass of today is the first of four; two more now, then three phones race for the last.
    const first = await issue({ plate: '京N·5C218', hours: 6 });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ usedThisMonth: 2, quota: 4 });
    expect((await issue({ plate: '京N5C219', hours: 6 })).status).toBe(201);
    const race = await Promise.all([1, 2, 3].map((i) => issue({ plate: `京N5C22${i}`, hours: 2 })));
    expect(race.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(race.find((r) => r.status === 409)!.body.message).toMatch(/^第四条: .*四次/);

    const guest = await t.http().get(first.body.guestUrl);
    expect(guest.status).toBe(200);
    expect(guest.text).toContain('京N·5C218');
    expect(guest.text).toContain('<svg');
    expect((await t.http().get('/visit/not-a-real-guest-link-000')).status).toBe(404);

    const token = await tokenOfPermit(t, resident, first.body.permit.id);
    expect(await verdictOf({ token, plateSeen: '京N5C218' })).toBe('valid');
    await t
      .http()
      .post(`/api/permits/${first.body.permit.id}/revoke`)
      .set('Authorization', `Bearer ${resident}`)
      .send({ reason: '客人改天再来 / guest postponed' })
      .expect(200);
    expect(await verdictOf({ token })).toBe('revoked');
    expect((await t.http().get(first.body.guestUrl)).text).toContain('data-testid="guest-gone"');
  });

  it('a resident co-monitor hears yes or no only, and only so often', async () => {
    const ask = (plate: string) =>
      t
        .http()
        .get(`/api/permits/check?plate=${encodeURIComponent(plate)}`)
        .set('Authorization', `Bearer ${resident}`);
    const yes = await ask('京B67M21');
    expect(yes.status).toBe(200);
    expect(yes.body).toEqual({ allowed: true });
    expect((await ask('京F5Q778')).body).toEqual({ allowed: false });
    expect((await ask('京Z12345')).body).toEqual({ allowed: false });
    await ask('京A12345');
    await ask('京A12345');
    const limited = await ask('京A12345');
    expect(limited.status).toBe(429);
    expect(limited.body.message).toContain('每小时');
  });

  it('please move (挪车): the holder hears at once, the asker never sees their phone, the answer time is kept', async () => {
    const pushes: LivePush[] = [];
    t.app.get(EventEmitter2).on(LIVE_PUSH, (push: LivePush) => pushes.push(push));
    const holderId = await firstId(`SELECT id FROM member WHERE phone = $1`, [DEMO.otherResident]);
    const asked = await t
      .http()
      .post('/api/move-requests')
      .set('Authorization', `Bearer ${warden}`)
      .send({ plate: '京B·67M21', note: '挡住了19号院门口' });
    expect(asked.status).toBe(201);
    expect(JSON.stringify(asked.body)).not.toMatch(/138\d{8}/);
    expect(asked.body.plate).toBe('京B·***21');
    const toHolder = pushes.find((p) => p.event === 'move.requested');
    expect(toHolder?.room).toBe(`member:${holderId}`);

    const holder = await t.login(DEMO.otherResident);
    const mine = await t.http().get('/api/move-requests').set('Authorization', `Bearer ${holder}`);
    expect(mine.body[0]).toMatchObject({
      id: asked.body.id,
      plate: '京B·67M21',
      askedByMe: false,
      answer: null,
    });
    const answered = await t
      .http()
      .post(`/api/move-requests/${asked.body.id}/answer`)
      .set('Authorization', `Bearer ${holder}`)
      .send({ answer: 'coming' });
    expect(answered.status).toBe(200);
    expect(answered.body.answeredAt).toBeTruthy();
    expect(pushes.find((p) => p.event === 'move.answered')?.room).toMatch(/^member:/);
    const twice = await t
      .http()
      .post(`/api/move-requests/${asked.body.id}/answer`)
      .set('Authorization', `Bearer ${holder}`)
      .send({ answer: 'cannot' });
    expect(twice.status).toBe(409);
    const stranger = await t
      .http()
      .post(`/api/move-requests/${asked.body.id}/answer`)
      .set('Authorization', `Bearer ${resident}`)
      .send({ answer: 'coming' });
    expect(stranger.status).toBe(404);
  });
});
