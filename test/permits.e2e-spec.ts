import { DEMO, startTestApp, type TestApp } from './support/test-app';
import {
  decodeQrPng,
  idempotencyKey,
  permitIdOfPlate,
  qrVersionOf,
  tokenOfPermit,
  verifyWithJose,
} from './support/permits';

describe('permits: the council approves, the QR verifies anywhere, keys rotate', () => {
  let t: TestApp;
  let admin: string;
  let warden: string;
  let resident: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login(DEMO.admin);
    warden = await t.login(DEMO.wardens[0]);
    resident = await t.login(DEMO.resident);
  });
  afterAll(() => t.close());

  const scan = (body: Record<string, unknown>, bearer = warden) =>
    t
      .http()
      .post('/api/scans')
      .set('Authorization', `Bearer ${bearer}`)
      .send({ idempotencyKey: idempotencyKey(), ...body });

  it('the demo lane: most cars hold active permits, one expired, one suspended, a visitor pass today', async () => {
    const list = await t
      .http()
      .get('/api/permits?pageSize=100')
      .set('Authorization', `Bearer ${admin}`);
    expect(list.status).toBe(200);
    const statuses = (list.body.items as { status: string; kind: string }[]).map(
      (p) => `${p.kind}:${p.status}`,
    );
    const count = (s: string) => statuses.filter((x) => x === s).length;
    expect(count('resident:active')).toBeGreaterThanOrEqual(28);
    expect(count('resident:expired')).toBe(1);
    expect(count('resident:suspended')).toBe(1);
    expect(count('resident:pending')).toBe(2);
    expect(count('visitor:active')).toBe(1);
  });

  it('a car-free household applies for its new green car, the council approves, the QR decodes and verifies with jose', async () => {
    // 下岗胡同6号 has no car yet: article 3 (one car per household) leaves room for this one.
    const resident = await t.login('13800000015');
    const car = await t
      .http()
      .post('/api/vehicles')
      .set('Authorization', `Bearer ${resident}`)
      .send({ plate: '京AD99887' });
    expect(car.status).toBe(201);
    const applied = await t
      .http()
      .post('/api/permits')
      .set('Authorization', `Bearer ${resident}`)
      .send({ vehicleId: car.body.id, note: '新买的车' });
    expect(applied.status).toBe(201);
    expect(applied.body).toMatchObject({
      status: 'pending',
      kind: 'resident',
      plate: '京A·D99887',
    });

    const approved = await t
      .http()
      .post(`/api/permits/${applied.body.id}/approve`)
      .set('Authorization', `Bearer ${admin}`)
      .send({});
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('active');

    const token = await tokenOfPermit(t, resident, applied.body.id);
    // Worst case: an 8-character plate. The QR must stay at version 12 or lower at level M.
    expect(qrVersionOf(token)).toBeLessThanOrEqual(12);
    const jwks = await t.http().get('/.well-known/jwks.json');
    expect(jwks.status).toBe(200);
    const { payload, kid } = verifyWithJose(token, jwks.body);
    expect(payload).toMatchObject({ p: applied.body.number, n: '京AD99887', k: 'r', iss: 'hp' });
    expect(jwks.body.keys.map((k: { kid: string }) => k.kid)).toContain(kid);

    const verdict = await scan({ token, plateSeen: '京AD·99887' });
    expect(verdict.status).toBe(200);
    expect(verdict.body).toMatchObject({ verdict: 'valid', replayed: false });
    expect(verdict.body).toMatchObject({ cause: 'valid', reason: '有效，可以停放' });

    const events = await t
      .http()
      .get(`/api/permits/${applied.body.id}/events`)
      .set('Authorization', `Bearer ${resident}`);
    expect(events.body.map((e: { type: string }) => e.type)).toEqual(['applied', 'approved']);
  });

  it('the SVG and the printable A6 card carry the same permit', async () => {
    const id = await permitIdOfPlate(t, '京A12345');
    const svg = await t
      .http()
      .get(`/api/permits/${id}/qr.svg`)
      .set('Authorization', `Bearer ${resident}`);
    expect(svg.status).toBe(200);
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    const card = await t
      .http()
      .get(`/api/permits/${id}/card`)
      .set('Authorization', `Bearer ${admin}`);
    expect(card.status).toBe(200);
    expect(card.text).toContain('size: A6');
    expect(card.text).toContain('京A·12345');
    expect(card.text).toContain('4143车友会');
    const other = await t.login(DEMO.otherResident);
    const refused = await t
      .http()
      .get(`/api/permits/${id}/qr.png`)
      .set('Authorization', `Bearer ${other}`);
    expect(refused.status).toBe(404);
    // Wardens print and check cards; a street-office viewer reads the permit but gets no QR.
    const asWarden = await t
      .http()
      .get(`/api/permits/${id}/qr.png`)
      .set('Authorization', `Bearer ${warden}`);
    expect(asWarden.status).toBe(200);
    const viewer = await t.login(DEMO.viewer);
    expect(
      (await t.http().get(`/api/permits/${id}`).set('Authorization', `Bearer ${viewer}`)).status,
    ).toBe(200);
    for (const path of ['qr.png', 'qr.svg', 'card']) {
      const asViewer = await t
        .http()
        .get(`/api/permits/${id}/${path}`)
        .set('Authorization', `Bearer ${viewer}`)
        .set('accept-language', path === 'card' ? 'en' : 'zh-CN');
      expect(asViewer.status).toBe(403);
      expect(asViewer.body).toMatchObject({
        reason: 'permit.qr_holder_or_staff',
        message:
          path === 'card'
            ? "Only the holder's household and the association's council and wardens may see a permit's QR code and card"
            : '停车证二维码和证卡仅持证住户和本车友会理事会、红袖标可查看',
      });
    }
  });

  it('two approvals racing for the same car: one wins, the other gets a clear 409', async () => {
    const vehicle = await t.sql<{ id: string }>(`SELECT id FROM vehicle WHERE plate = '京B67M21'`);
    const vehicleId = vehicle[0]!.id;
    // Its current permit is revoked first, then two applications compete for the one slot.
    const current = await permitIdOfPlate(t, '京B67M21');
    await t
      .http()
      .post(`/api/permits/${current}/revoke`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ reason: '重新登记 / re-registering' })
      .expect(200);
    const apply = () =>
      t.http().post('/api/permits').set('Authorization', `Bearer ${admin}`).send({ vehicleId });
    const [a, b] = await Promise.all([apply(), apply()]);
    const approve = (id: string) =>
      t.http().post(`/api/permits/${id}/approve`).set('Authorization', `Bearer ${admin}`).send({});
    const results = await Promise.all([approve(a.body.id), approve(b.body.id)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.status === 409)!;
    expect(loser.body).toMatchObject({
      error: 'conflict',
      reason: 'permit.already_active',
      params: { plate: '京B·67M21' },
      message: '该车辆（京B·67M21）已有同类有效停车证，请先收回原证或待其到期',
    });
    // The reply says what to do, never which database constraint said no.
    expect(JSON.stringify(loser.body)).not.toContain('permit_one_active_per_scope');
    const active = await t.sql(`SELECT 1 FROM permit WHERE vehicle_id = $1 AND status = 'active'`, [
      vehicleId,
    ]);
    expect(active).toHaveLength(1);

    // A third application meets the same refusal, in English when English is asked for.
    const third = await apply();
    const inEnglish = await approve(third.body.id).set('accept-language', 'en');
    expect(inEnglish.status).toBe(409);
    expect(inEnglish.body).toMatchObject({
      reason: 'permit.already_active',
      params: { plate: '京B·67M21' },
      message:
        '京B·67M21 already holds an active permit of this kind for this place; revoke it or let it expire first',
    });
  });

  it('key rotation: old tokens still verify, new ones carry the new kid, a retired key goes only when unused', async () => {
    const oldId = await permitIdOfPlate(t, '京C3K889');
    const oldToken = await tokenOfPermit(t, admin, oldId);
    const before = await t.http().get('/api/permit-keys').set('Authorization', `Bearer ${admin}`);
    const oldKid = before.body.find((k: { state: string }) => k.state === 'active').kid;

    const rotated = await t
      .http()
      .post('/api/permit-keys/rotate')
      .set('Authorization', `Bearer ${admin}`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.kid).not.toBe(oldKid);

    const newId = await permitIdOfPlate(t, '京E22107');
    const newToken = await tokenOfPermit(t, admin, newId);
    const jwks = (await t.http().get('/.well-known/jwks.json')).body;
    expect(verifyWithJose(newToken, jwks).kid).toBe(rotated.body.kid);
    expect(verifyWithJose(oldToken, jwks).kid).toBe(oldKid);
    expect((await scan({ token: oldToken })).body.verdict).toBe('valid');

    const removeKey = (kid: string, lang = 'zh-CN') =>
      t
        .http()
        .delete(`/api/permit-keys/${kid}`)
        .set('Authorization', `Bearer ${admin}`)
        .set('accept-language', lang);
    const count = (
      await t.sql<{ count: number }>(
        `SELECT count(*)::int AS count FROM permit
          WHERE token_kid = $1 AND valid_to > now() AND status <> 'revoked'`,
        [oldKid],
      )
    )[0]!.count;
    expect(count).toBeGreaterThanOrEqual(1);
    const removeOld = await removeKey(oldKid);
    expect(removeOld.status).toBe(409);
    expect(removeOld.body).toMatchObject({
      reason: 'signing_key.in_use',
      params: { kid: oldKid, count },
      message: `仍有 ${count} 张未过期的停车证使用此密钥（${oldKid}），请待其过期后再删除`,
    });
    expect((await removeKey(oldKid, 'en')).body.message).toBe(
      `${count} unexpired permit token(s) were signed with key ${oldKid}; remove it after they expire`,
    );
    const removeActive = await removeKey(rotated.body.kid);
    expect(removeActive.status).toBe(409);
    expect(removeActive.body).toMatchObject({
      reason: 'signing_key.active',
      params: { kid: rotated.body.kid },
      message: `密钥 ${rotated.body.kid} 正在签发停车证，不能删除，请先轮换`,
    });
    expect((await removeKey(rotated.body.kid, 'en')).body.message).toBe(
      `Key ${rotated.body.kid} is the active signing key; rotate first`,
    );

    // Once every token it signed has lapsed, the retired key can go; its tokens become forged.
    await t.sql(
      `UPDATE permit SET valid_to = now() - interval '1 day', valid_from = now() - interval '2 days' WHERE token_kid = $1`,
      [oldKid],
    );
    await t
      .http()
      .delete(`/api/permit-keys/${oldKid}`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(204);
    const after = (await t.http().get('/.well-known/jwks.json')).body;
    expect(after.keys.map((k: { kid: string }) => k.kid)).not.toContain(oldKid);
    await new Promise((resolve) => setTimeout(resolve, 5_100));
    expect((await scan({ token: oldToken })).body.verdict).toBe('forged');
  });

  it('the revocation list is tiny, follows `since`, and answers 304 when nothing changed', async () => {
    const first = await t
      .http()
      .get('/api/permits/revocations')
      .set('Authorization', `Bearer ${warden}`);
    expect(first.status).toBe(200);
    const states = first.body.entries.map((e: { state: string }) => e.state);
    expect(states).toContain('suspended');
    expect(states).toContain('revoked');
    const etag = first.headers.etag as string;
    const again = await t
      .http()
      .get('/api/permits/revocations')
      .set('Authorization', `Bearer ${warden}`)
      .set('If-None-Match', etag);
    expect(again.status).toBe(304);

    const id = await permitIdOfPlate(t, '京J77215');
    await t
      .http()
      .post(`/api/permits/${id}/revoke`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ reason: '车辆已出售 / car sold' })
      .expect(200);
    const changed = await t
      .http()
      .get(`/api/permits/revocations?since=${encodeURIComponent(first.body.asOf)}`)
      .set('Authorization', `Bearer ${warden}`)
      .set('If-None-Match', etag);
    expect(changed.status).toBe(200);
    const number = (
      await t.sql<{ number: string }>(`SELECT number FROM permit WHERE id = $1`, [id])
    )[0]!.number;
    expect(changed.body.entries).toContainEqual(
      expect.objectContaining({ number: Number(number), state: 'revoked' }),
    );
    // Only the association's council and wardens: not its residents, not street-office viewers.
    for (const phone of [DEMO.resident, DEMO.viewer]) {
      const refused = await t
        .http()
        .get('/api/permits/revocations')
        .set('Authorization', `Bearer ${await t.login(phone)}`);
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({
        reason: 'permit.revocations_staff_only',
        message: '吊销名单仅本车友会理事会和红袖标可下载',
      });
    }
    const inEnglish = await t
      .http()
      .get('/api/permits/revocations')
      .set('Authorization', `Bearer ${await t.login(DEMO.viewer)}`)
      .set('accept-language', 'en');
    expect(inEnglish.body.message).toBe(
      "Only the association's council and wardens download the revocation list",
    );
  });

  it('a suspension ends by itself at its until-time, no job needed', async () => {
    const id = await permitIdOfPlate(t, '京K0C853');
    const token = await tokenOfPermit(t, admin, id);
    const suspended = await t
      .http()
      .post(`/api/permits/${id}/suspend`)
      .set('Authorization', `Bearer ${admin}`)
      .send({
        until: new Date(Date.now() + 3_600_000).toISOString(),
        reason: '占用消防通道 / blocked the fire lane',
      });
    expect(suspended.status).toBe(200);
    expect(suspended.body.status).toBe('suspended');
    expect((await scan({ token })).body.verdict).toBe('suspended');
    // Time passes: the until-time is now behind us.
    await t.sql(`UPDATE permit SET suspended_until = now() - interval '1 minute' WHERE id = $1`, [
      id,
    ]);
    expect(
      (await t.http().get(`/api/permits/${id}`).set('Authorization', `Bearer ${admin}`)).body
        .status,
    ).toBe('active');
    expect((await scan({ token })).body.verdict).toBe('valid');
  });

  it('the ledger of transitions exports as CSV with who and why', async () => {
    const id = await permitIdOfPlate(t, '京L51428');
    await t
      .http()
      .post(`/api/permits/${id}/revoke`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ reason: '=HYPERLINK("http://x.example")' })
      .expect(200);
    await t
      .http()
      .post('/api/visitor-passes')
      .set('Authorization', `Bearer ${resident}`)
      .send({ plate: '京N·7C301', hours: 2, note: '+1 女儿回家' })
      .expect(201);
    const csv = await t
      .http()
      .get('/api/permits/export.csv')
      .set('Authorization', `Bearer ${admin}`);
    expect(csv.status).toBe(200);
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    expect(csv.text).toContain('时间,证号,车牌,类别,事项,经办人,原因');
    expect(csv.text).toMatch(
      /\n\d{4}-\d\d-\d\d \d\d:\d\d,\d+,京J·77215,居民停车证,吊销,赵淑芬,车辆已出售/,
    );
    // People's text that a spreadsheet would run as a formula is kept as text.
    expect(csv.text).toContain(`,"'=HYPERLINK(""http://x.example"")"`);
    expect(csv.text).toContain(`,'+1 女儿回家`);
    expect(csv.text).not.toMatch(/,"?[=+]/);
    const viewer = await t.login(DEMO.viewer);
    const masked = await t
      .http()
      .get('/api/permits/export.csv')
      .set('Authorization', `Bearer ${viewer}`);
    expect(masked.text).not.toContain('京J·77215');
  });

  it('refuses what a role may not do, and bad input, with clear 4xx', async () => {
    const id = await permitIdOfPlate(t, '京F5Q778');
    expect(
      (
        await t
          .http()
          .post(`/api/permits/${id}/approve`)
          .set('Authorization', `Bearer ${warden}`)
          .send({})
      ).status,
    ).toBe(403);
    expect((await scan({ token: 'x'.repeat(30) }, resident)).status).toBe(403);
    expect((await scan({})).status).toBe(400);
    expect((await scan({ token: 'a.b.c'.padEnd(30, 'x'), permitNumber: 1001 })).status).toBe(400);
    const pending = (
      await t.sql<{ id: string }>(`SELECT id FROM permit WHERE status = 'pending' LIMIT 1`)
    )[0]!.id;
    const early = await t
      .http()
      .post(`/api/permits/${pending}/suspend`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ until: new Date(Date.now() + 3_600_000).toISOString(), reason: 'x' });
    expect(early.status).toBe(409);
    const { number } = (
      await t.sql<{ number: string }>(`SELECT number FROM permit WHERE id = $1`, [pending])
    )[0]!;
    expect(early.body).toMatchObject({
      reason: 'permit.not_active',
      params: { number: Number(number), status: 'pending' },
      message: `停车证 No.${number} 当前不是有效状态`,
    });
    expect(decodeQrPng).toBeDefined();
  });

  it('refusals name their reason, in the language asked for', async () => {
    const id = await permitIdOfPlate(t, '京F5Q778');
    const toSuspend = await permitIdOfPlate(t, '京M9R202');
    const suspendInPast = (lang: string) =>
      t
        .http()
        .post(`/api/permits/${toSuspend}/suspend`)
        .set('Authorization', `Bearer ${admin}`)
        .set('accept-language', lang)
        .send({ until: '2020-01-01T08:00:00+08:00', reason: '堵住院门' });
    const zh = await suspendInPast('zh-CN');
    expect(zh.status).toBe(400);
    expect(zh.body).toMatchObject({
      reason: 'permit.suspension_in_past',
      message: '暂停截止时间须在将来',
    });
    expect((await suspendInPast('en')).body.message).toBe('The suspension must end in the future');

    const renewBackwards = await t
      .http()
      .post(`/api/permits/${id}/renew`)
      .set('Authorization', `Bearer ${admin}`)
      .set('accept-language', 'en')
      .send({ validTo: '2001-01-01T00:00:00+08:00' });
    expect(renewBackwards.status).toBe(400);
    expect(renewBackwards.body).toMatchObject({
      reason: 'permit.validity_order',
      message: 'The end of validity must be after its start',
    });

    // A fee the convention sets (第九条) must be recorded before approval.
    await t.sql(
      `UPDATE convention_version SET parameters = parameters || '{"monthlyFeeCny": 30}'
        WHERE status = 'adopted'`,
    );
    try {
      // 下岗胡同24号 has no car yet, so article 3 leaves room for this one.
      const carFree = await t.login('13800000033');
      const car = await t
        .http()
        .post('/api/vehicles')
        .set('Authorization', `Bearer ${carFree}`)
        .send({ plate: '京AF20931' });
      const applied = await t
        .http()
        .post('/api/permits')
        .set('Authorization', `Bearer ${carFree}`)
        .send({
          vehicleId: car.body.id,
          validTo: new Date(Date.now() + 60 * 86_400_000).toISOString(),
        });
      expect(applied.body.feeCny).toBe(60);
      const approve = (lang: string) =>
        t
          .http()
          .post(`/api/permits/${applied.body.id}/approve`)
          .set('Authorization', `Bearer ${admin}`)
          .set('accept-language', lang)
          .send({});
      const unpaid = await approve('zh-CN');
      expect(unpaid.status).toBe(409);
      expect(unpaid.body).toMatchObject({
        reason: 'permit.fee_unpaid',
        params: { number: applied.body.number, feeCny: 60, article: 9 },
        message: `依照公约第九条，停车证 No.${applied.body.number} 须先登记缴费 60 元，才能批准`,
      });
      expect((await approve('en')).body.message).toBe(
        `Under Article 9 of the convention, record the fee of 60 CNY for permit No.${applied.body.number} before approving it`,
      );
    } finally {
      await t.sql(
        `UPDATE convention_version SET parameters = parameters - 'monthlyFeeCny'
          WHERE status = 'adopted'`,
      );
    }
  });
});
