import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { io, type Socket } from 'socket.io-client';
import { PermitTokensService } from '../src/permits/permit-tokens.service';
import { PermitsService } from '../src/permits/permits.service';
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
    // A lane permit shown in one of the association's shared car parks is not for there.
    const ownCarPark = await firstId(
      `SELECT c.id FROM car_park c JOIN association a ON a.id = c.association_id
        WHERE a.name = '4143车友会' LIMIT 1`,
    );
    expect(await verdictOf({ token: valid, carParkId: ownCarPark })).toBe('wrong_scope');

    // 5号's permit lapsed ten days ago; 7号's is suspended for blocking a gate.
    const expired = await scan({ plate: '京F5Q778' });
    expect(expired.body.verdict).toBe('expired');
    // Why, in the reader's language only: the time it lapsed, in Beijing local form.
    expect(expired.body).toMatchObject({
      cause: 'expired',
      reason: expect.stringMatching(/^停车证已于\d{4}-\d{2}-\d{2} \d{2}:\d{2}过期$/),
    });
    const inEnglish = await t
      .http()
      .get('/api/scans')
      .set('Authorization', `Bearer ${warden}`)
      .set('Accept-Language', 'en');
    expect(inEnglish.body.items[0]).toMatchObject({
      id: expired.body.id,
      reason: expect.stringMatching(/^The permit expired at \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/),
    });
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
    const [permit] = await t.app.get(PermitsService).byIds([permitId]);
    const token = await t.app.get(PermitTokensService).tokenOf(permit!);
    const response = await scan({ token });
    expect(response.body).toMatchObject({ verdict: 'wrong_scope', permit: null });
    const recorded = await t.sql(`SELECT permit_id FROM permit_scan WHERE id = $1`, [
      response.body.id,
    ]);
    expect(recorded).toEqual([{ permit_id: null }]);

    // Naming the other association's car park (or one that does not exist) is 404, recorded nowhere.
    const unitId = await firstId(
      `INSERT INTO resident_unit (association_id, name, kind, address)
       VALUES ($1, '文昌小学', 'school', '文昌胡同8号') RETURNING id`,
      [associationId],
    );
    const foreignCarPark = await firstId(
      `INSERT INTO car_park (association_id, resident_unit_id, name, total_spaces)
       VALUES ($1, $2, '文昌小学操场', 20) RETURNING id`,
      [associationId, unitId],
    );
    const valid = await tokenOfPermit(t, admin, await permitIdOfPlate(t, '京A12345'));
    for (const [carParkId, lang] of [
      [foreignCarPark, 'zh-CN'],
      ['3f0d1c1e-8d1e-4a59-9d67-2b4c9f1a0001', 'en'],
    ] as const) {
      const key = idempotencyKey();
      const refused = await t
        .http()
        .post('/api/scans')
        .set('Authorization', `Bearer ${warden}`)
        .set('accept-language', lang)
        .send({ idempotencyKey: key, token: valid, carParkId });
      expect(refused.status).toBe(404);
      expect(refused.body).toMatchObject({
        reason: 'not_found',
        params: { what: 'car park', id: carParkId },
        message: lang === 'en' ? 'The car park was not found' : '未找到停车场',
      });
      expect(
        await t.sql(`SELECT 1 FROM permit_scan WHERE idempotency_key = $1 OR car_park_id = $2`, [
          key,
          carParkId,
        ]),
      ).toEqual([]);
    }
  });

  it('fails closed: a shared permit whose car park windows cannot be read is never valid', async () => {
    const [park] = await t.sql<{ id: string; association_id: string }>(
      `SELECT c.id, c.association_id FROM car_park c
         JOIN off_peak_offer o ON o.car_park_id = c.id AND o.status = 'live'
         JOIN association a ON a.id = c.association_id AND a.name = '4143车友会'
        LIMIT 1`,
    );
    const [vehicle] = await t.sql<{ id: string; household_id: string; plate: string }>(
      `SELECT id, household_id, plate FROM vehicle WHERE association_id = $1 AND plate = '京P40X17'`,
      [park!.association_id],
    );
    const [shared] = await t.sql<{ number: string }>(
      `INSERT INTO permit (association_id, kind, vehicle_id, household_id, plate, car_park_id, status,
          valid_from, valid_to)
       VALUES ($1, 'shared', $2, $3, $4, $5, 'active', now() - interval '1 day', now() + interval '30 days')
       RETURNING number`,
      [park!.association_id, vehicle!.id, vehicle!.household_id, vehicle!.plate, park!.id],
    );
    const scanShared = () => scan({ permitNumber: Number(shared!.number), carParkId: park!.id });
    // Readable, the offer's windows decide.
    expect(['valid', 'outside_window']).toContain((await scanShared()).body.verdict);

    // The windows cannot be worked out (here the holiday calendar they follow is gone): the
    // verdict says so instead of guessing.
    await t.sql(`ALTER TABLE holiday_calendar_day RENAME TO holiday_calendar_day_away`);
    try {
      const blind = await scanShared();
      expect(blind.status).toBe(200);
      expect(blind.body).toMatchObject({
        verdict: 'unknown',
        cause: 'windows_unreadable',
        reason: '暂时无法读取共享停车时段，不能确认',
        permit: { number: Number(shared!.number), kind: 'shared' },
      });
      const [recorded] = await t.sql<{ verdict: string }>(
        `SELECT verdict FROM permit_scan WHERE id = $1`,
        [blind.body.id],
      );
      expect(recorded!.verdict).toBe('unknown');
    } finally {
      await t.sql(`ALTER TABLE holiday_calendar_day_away RENAME TO holiday_calendar_day`);
    }
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

  it('a permit changed elsewhere (another instance, an operator) is judged as it is now, each scan once', async () => {
    const id = await permitIdOfPlate(t, '京A12345');
    const token = await tokenOfPermit(t, admin, id);
    // This instance remembers the permit after its first scan…
    expect(await verdictOf({ token })).toBe('valid');
    const recordedBefore = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM permit_scan WHERE permit_id = $1`,
      [id],
    );
    // …then the row changes where this instance cannot see it happen.
    await t.sql(`UPDATE permit SET plate = '京A99999' WHERE id = $1`, [id]);
    try {
      const changed = await scan({ token });
      expect(changed.body).toMatchObject({ verdict: 'plate_mismatch', replayed: false });
      // A status written behind its back is read too.
      await t.sql(`UPDATE permit SET plate = '京A12345', status = 'revoked' WHERE id = $1`, [id]);
      expect(await verdictOf({ token })).toBe('revoked');
      await t.sql(`UPDATE permit SET status = 'active' WHERE id = $1`, [id]);
      // Many scans at once while the permit keeps changing: every one recorded, none twice.
      const [scans] = await Promise.all([
        Promise.all(Array.from({ length: 8 }, () => scan({ token }))),
        t.sql(`UPDATE permit SET note = 'touched' WHERE id = $1`, [id]),
      ]);
      expect(scans.map((r) => r.status)).toEqual(Array(8).fill(200));
      expect(await verdictOf({ token })).toBe('valid');
      const recordedAfter = await t.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM permit_scan WHERE permit_id = $1`,
        [id],
      );
      expect(recordedAfter[0]!.n - recordedBefore[0]!.n).toBe(11);
    } finally {
      await t.sql(`UPDATE permit SET plate = '京A12345', status = 'active' WHERE id = $1`, [id]);
    }
  });
  it('visitor passes: quota per month under concurrency, max hours, a guest link with the QR', async () => {
    const issue = (body: Record<string, unknown>) =>
      t.http().post('/api/visitor-passes').set('Authorization', `Bearer ${resident}`).send(body);
    const tooLong = await issue({ plate: '京N·5C218', hours: 25 });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body).toMatchObject({
      reason: 'visitor_pass.too_long',
      params: { maxHours: 24, article: 4 },
      message: '依照公约第四条，访客通行证每次最长 24 小时',
    });
    const tooLongEn = await issue({ plate: '京N·5C218', hours: 25 }).set('accept-language', 'en');
    expect(tooLongEn.body.message).toBe(
      'Under Article 4 of the convention, a visitor pass lasts at most 24 hours',
    );

    // The demo pass of today is the first of four; two more now, then three phones race for the last.
    const first = await issue({ plate: '京N·5C218', hours: 6 });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ usedThisMonth: 2, quota: 4 });
    expect((await issue({ plate: '京N5C219', hours: 6 })).status).toBe(201);
    const race = await Promise.all([1, 2, 3].map((i) => issue({ plate: `京N5C22${i}`, hours: 2 })));
    expect(race.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(race.find((r) => r.status === 409)!.body).toMatchObject({
      reason: 'visitor_pass.quota_used',
      params: { quota: 4, article: 4 },
      message: '依照公约第四条，每户每月可申领访客通行证 4 张，本户本月已用完',
    });
    const overQuotaEn = await issue({ plate: '京N5C230', hours: 2 }).set('accept-language', 'en');
    expect(overQuotaEn.status).toBe(409);
    expect(overQuotaEn.body.message).toBe(
      'Under Article 4 of the convention, a household has 4 visitor passes a month; this household has used them all',
    );

    // The link points where the request came to (PUBLIC_URL is not set here).
    const guestUrl = new URL(first.body.guestUrl as string);
    expect(guestUrl.origin).toBe(t.url);
    expect(guestUrl.pathname).toMatch(/^\/visit\/[A-Za-z0-9_-]{16,}$/);
    const guest = await t.http().get(guestUrl.pathname);
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
    expect((await t.http().get(guestUrl.pathname)).text).toContain('data-testid="guest-gone"');
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
    expect(limited.body).toMatchObject({
      reason: 'plate_check.too_many',
      params: { limit: 5 },
      message: '查询过于频繁，每小时最多 5 次',
    });
    const limitedEn = await ask('京A12345').set('accept-language', 'en');
    expect(limitedEn.body.message).toBe('At most 5 plate questions an hour; try again later');
  });

  it('please move (挪车): the holder hears at once, the asker never sees their phone, the answer time is kept', async () => {
    const holder = await t.login(DEMO.otherResident);
    const holderPhone = await phoneOf(holder);
    const askerPhone = await phoneOf(warden);
    try {
      const asked = await t
        .http()
        .post('/api/move-requests')
        .set('Authorization', `Bearer ${warden}`)
        .send({ plate: '京B·67M21', note: '挡住了19号院门口' });
      expect(asked.status).toBe(201);
      expect(JSON.stringify(asked.body)).not.toMatch(/138\d{8}/);
      expect(asked.body.plate).toBe('京B·***21');
      // The holder's phone hears it live, with its own plate in full.
      const heard = await holderPhone.next('move.requested');
      expect(heard).toMatchObject({
        id: asked.body.id,
        plate: '京B·67M21',
        note: '挡住了19号院门口',
        askedByMe: false,
        answer: null,
      });
      expect(JSON.stringify(heard)).not.toMatch(/138\d{8}/);

      const mine = await t
        .http()
        .get('/api/move-requests')
        .set('Authorization', `Bearer ${holder}`);
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
      // The asker hears the answer, still without the holder's plate or phone.
      const answer = await askerPhone.next('move.answered');
      expect(answer).toMatchObject({
        id: asked.body.id,
        plate: '京B·***21',
        askedByMe: true,
        answer: 'coming',
        answeredAt: answered.body.answeredAt,
      });
      const twice = await t
        .http()
        .post(`/api/move-requests/${asked.body.id}/answer`)
        .set('Authorization', `Bearer ${holder}`)
        .set('accept-language', 'en')
        .send({ answer: 'cannot' });
      expect(twice.status).toBe(409);
      expect(twice.body).toMatchObject({
        reason: 'move_request.already_answered',
        message: 'This request was already answered',
      });
      const stranger = await t
        .http()
        .post(`/api/move-requests/${asked.body.id}/answer`)
        .set('Authorization', `Bearer ${resident}`)
        .send({ answer: 'coming' });
      expect(stranger.status).toBe(404);
    } finally {
      holderPhone.socket.close();
      askerPhone.socket.close();
    }
  });

  /** A phone on the live connection that collects what it is pushed. */
  async function phoneOf(bearer: string) {
    const socket: Socket = io(`${t.url}/live`, {
      auth: { token: bearer },
      transports: ['websocket'],
      reconnection: false,
    });
    const received = new Map<string, unknown[]>();
    socket.onAny((event: string, payload: unknown) => {
      received.set(event, [...(received.get(event) ?? []), payload]);
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return {
      socket,
      async next(event: string, ms = 5000): Promise<unknown> {
        const deadline = Date.now() + ms;
        while (Date.now() < deadline) {
          const first = received.get(event)?.shift();
          if (first !== undefined) return first;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        throw new Error(`no ${event} within ${ms} ms`);
      },
    };
  }
});
