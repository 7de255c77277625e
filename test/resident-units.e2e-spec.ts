import { hashPassword } from '../src/auth/password';
import { SECOND_DEMO_COUNCIL_PHONE, STREET_DEMO_PHONE } from '../src/street/demo-street';
import { expectRefusal } from './support/refusals';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

/**
 * 金融街街道 brings a resident unit into 4143's lane: it registers the unit with the agreement
 * both sides signed, the council amends it (the first version stays on record), the street makes
 * the unit's gatekeeper an account, and the gatekeeper lends that unit's spaces and no other's.
 * Another street and another association find none of it.
 */
describe('resident units and their agreements', () => {
  let t: TestApp;
  let street: string;
  let council: string;
  let association: string;
  let unitId: string;

  const agreement = (changes: Record<string, unknown> = {}) => ({
    termFrom: '2026-01-01',
    termTo: '2026-12-31',
    places: 30,
    windows: [
      { days: 'weekdays', from: '19:00', to: '07:30' },
      { days: 'weekends', from: '00:00', to: '24:00' },
    ],
    liability: '车辆停放期间发生的损失由车主自负，单位不承担保管责任。',
    contactName: '刘科长',
    contactPhone: '010-66001234',
    signedOn: '2025-12-20',
    associationFeePercent: 20,
    ...changes,
  });

  const as = (token: string) => {
    const call = (method: 'get' | 'post' | 'patch', path: string, body?: object) => {
      const agent = t.http();
      const request = agent[method](path)
        .set('authorization', `Bearer ${token}`)
        .set('accept-language', 'zh-CN');
      return body === undefined ? request : request.send(body);
    };
    return {
      get: (path: string) => call('get', path),
      post: (path: string, body: object) => call('post', path, body),
      patch: (path: string, body: object) => call('patch', path, body),
    };
  };
  const unitCount = async () =>
    Number((await t.sql<{ n: string }>(`SELECT count(*) AS n FROM resident_unit`))[0]!.n);

  beforeAll(async () => {
    t = await startTestApp();
    street = await t.login(STREET_DEMO_PHONE);
    council = await t.login(DEMO.admin);
    const [row] = await t.sql<{ id: string }>(
      `SELECT id FROM association WHERE name = '4143车友会'`,
    );
    association = row!.id;
  });
  afterAll(() => t.close());

  it('the street registers a unit with its signed agreement, as version 1', async () => {
    const response = await as(street).post('/api/resident-units', {
      associationId: association,
      name: '金融街某银行',
      kind: 'company',
      address: '二龙路12号',
      agreement: agreement(),
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      associationId: association,
      associationName: '4143车友会',
      name: '金融街某银行',
      kind: 'company',
      staffCount: 0,
      staff: [],
      agreement: {
        version: 1,
        termFrom: '2026-01-01',
        termTo: '2026-12-31',
        places: 30,
        contactName: '刘科长',
        contactPhone: '010-66001234',
        signedOn: '2025-12-20',
        associationFeePercent: 20,
        windows: [
          { days: 'weekdays', from: '19:00', to: '07:30' },
          { days: 'weekends', from: '00:00', to: '24:00' },
        ],
      },
    });
    expect(response.body.history).toHaveLength(1);
    unitId = response.body.id;
  });

  it('the council lists its units, the street all of its street, each with the current agreement', async () => {
    const own = await as(council).get('/api/resident-units');
    expect(own.status).toBe(200);
    const names = own.body.units.map((u: { name: string }) => u.name);
    expect(names).toContain('金融街某银行');
    expect(
      own.body.units.every((u: { associationId: string }) => u.associationId === association),
    ).toBe(true);
    const all = await as(street).get('/api/resident-units');
    expect(all.status).toBe(200);
    expect(all.body.units.map((u: { name: string }) => u.name)).toContain('金融街某银行');
    const one = await as(street).get(`/api/resident-units?associationId=${association}`);
    expect(one.body.units.find((u: { id: string }) => u.id === unitId).agreement.version).toBe(1);
  });

  it('the council amends the agreement: version 2, and version 1 stays as signed', async () => {
    const amended = await as(council).post(
      `/api/resident-units/${unitId}/agreements`,
      agreement({ places: 40, termTo: '2027-06-30', signedOn: '2026-05-10' }),
    );
    expect(amended.status).toBe(201);
    expect(amended.body.agreement).toMatchObject({ version: 2, places: 40, termTo: '2027-06-30' });
    expect(
      amended.body.history.map((a: { version: number; places: number }) => [a.version, a.places]),
    ).toEqual([
      [2, 40],
      [1, 30],
    ]);
    const renamed = await as(street).patch(`/api/resident-units/${unitId}`, {
      address: '二龙路12号院',
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ address: '二龙路12号院', name: '金融街某银行' });
    expect(renamed.body.agreement.version).toBe(2);
  });

  it('refuses an agreement that does not hold together, with its reason, changing nothing', async () => {
    const before = await unitCount();
    const reversed = await as(street).post('/api/resident-units', {
      associationId: association,
      name: '倒序单位',
      kind: 'office',
      agreement: agreement({ termFrom: '2026-12-31', termTo: '2026-01-01' }),
    });
    expect(reversed.status).toBe(400);
    expectRefusal(
      reversed.body,
      'agreement.term_reversed',
      { termFrom: '2026-12-31', termTo: '2026-01-01' },
      '协议期限的结束日期（2026-01-01）早于开始日期（2026-12-31）',
    );
    const noDay = await as(council).post(
      `/api/resident-units/${unitId}/agreements`,
      agreement({ termTo: '2026-02-30' }),
    );
    expect(noDay.status).toBe(400);
    expect(noDay.body.reason).toBe('agreement.date_invalid');
    const late = await as(council).post(
      `/api/resident-units/${unitId}/agreements`,
      agreement({ signedOn: '2027-03-01' }),
    );
    expect(late.body.reason).toBe('agreement.signed_after_term');
    for (const broken of [
      agreement({ windows: [] }),
      agreement({ places: 0 }),
      agreement({ contactPhone: 'call me' }),
      agreement({ associationFeePercent: 120 }),
      agreement({ windows: [{ days: 'weekdays', from: '25:00', to: '07:30' }] }),
      agreement({ liability: '' }),
    ]) {
      const response = await as(council).post(`/api/resident-units/${unitId}/agreements`, broken);
      expect(response.status).toBe(400);
    }
    const unknownKind = await as(street).post('/api/resident-units', {
      associationId: association,
      name: '未知单位',
      kind: 'embassy',
      agreement: agreement(),
    });
    expect(unknownKind.status).toBe(400);
    const twice = await as(council).post('/api/resident-units', {
      associationId: association,
      name: '金融街某银行',
      kind: 'company',
      agreement: agreement(),
    });
    expect(twice.status).toBe(409);
    expect(twice.body.reason).toBe('unit.name_taken');
    expect(await unitCount()).toBe(before);
    const versions = await t.sql(`SELECT 1 FROM unit_agreement WHERE resident_unit_id = $1`, [
      unitId,
    ]);
    expect(versions).toHaveLength(2);
  });

  it('another association, another street and the lane roles find none of it', async () => {
    const before = await unitCount();
    const zhuanta = await t.login(SECOND_DEMO_COUNCIL_PHONE);
    expect((await as(zhuanta).get(`/api/resident-units/${unitId}`)).status).toBe(404);
    expect((await as(zhuanta).patch(`/api/resident-units/${unitId}`, { name: 'x' })).status).toBe(
      404,
    );
    const foreign = await as(zhuanta).post('/api/resident-units', {
      associationId: association,
      name: '越界单位',
      kind: 'office',
      agreement: agreement(),
    });
    expect(foreign.status).toBe(404);
    expect((await as(zhuanta).get(`/api/resident-units?associationId=${association}`)).status).toBe(
      404,
    );
    const theirs = await as(zhuanta).get('/api/resident-units');
    expect(theirs.body.units.map((u: { name: string }) => u.name)).not.toContain('金融街某银行');

    await t.sql(
      `INSERT INTO member (street_office, name, phone, password_hash, role)
       VALUES ('什刹海街道', '什刹海 周干事', '13800000319', $1, 'street')`,
      [await hashPassword(DEMO.password)],
    );
    const otherStreet = await t.login('13800000319');
    expect((await as(otherStreet).get(`/api/resident-units/${unitId}`)).status).toBe(404);
    expect(
      (
        await as(otherStreet).post(`/api/resident-units/${unitId}/staff`, {
          name: '越界门卫',
          phone: '13900000319',
          password: 'gatekeeper-2030-x',
        })
      ).status,
    ).toBe(404);
    expect((await as(otherStreet).get('/api/resident-units')).body.units).toEqual([]);

    for (const phone of [DEMO.wardens[0], DEMO.resident, DEMO.unit, DEMO.viewer]) {
      const token = await t.login(phone);
      expect((await as(token).get(`/api/resident-units/${unitId}`)).status).toBe(403);
      const refused = await as(token).post('/api/resident-units', {
        associationId: association,
        name: '无权单位',
        kind: 'office',
        agreement: agreement(),
      });
      expect(refused.status).toBe(403);
    }
    expect(await unitCount()).toBe(before);
  });

  it("makes the unit's gatekeeper an account, who lends this unit's spaces and no other's", async () => {
    const weak = await as(street).post(`/api/resident-units/${unitId}/staff`, {
      name: '赵师傅',
      phone: '13900000601',
      password: '123456',
    });
    expect(weak.status).toBe(400);
    const taken = await as(street).post(`/api/resident-units/${unitId}/staff`, {
      name: '赵师傅',
      phone: DEMO.resident,
      password: 'gatekeeper-2030-x',
    });
    expect(taken.status).toBe(409);
    expect(taken.body.reason).toBe('member.phone_taken');

    const made = await as(street).post(`/api/resident-units/${unitId}/staff`, {
      name: '赵师傅',
      phone: '13900000601',
      password: 'gatekeeper-2030-x',
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ role: 'unit', residentUnitId: unitId, name: '赵师傅' });
    const detail = await as(council).get(`/api/resident-units/${unitId}`);
    expect(detail.body.staff).toEqual([{ id: made.body.id, name: '赵师傅', phone: '139****0601' }]);

    const gate = await t.login('13900000601', 'gatekeeper-2030-x');
    const park = await as(gate).post('/api/car-parks', {
      name: '银行地下车库',
      address: '二龙路12号院',
      totalSpaces: 30,
    });
    expect(park.status).toBe(201);
    expect(park.body.residentUnitId).toBe(unitId);
    const offer = {
      title: '夜间错时停车',
      places: 10,
      validFrom: '2026-01-01',
      rules: [{ days: 'weekdays', from: '19:00', to: '07:30' }],
    };
    const own = await as(gate).post('/api/offers', { ...offer, carParkId: park.body.id });
    expect(own.status).toBe(201);

    // The demo unit's car park is another unit's: this gatekeeper may not lend it.
    const [demoPark] = await t.sql<{ id: string }>(
      `SELECT cp.id FROM car_park cp JOIN member m ON m.resident_unit_id = cp.resident_unit_id
        WHERE m.phone = $1 LIMIT 1`,
      [DEMO.unit],
    );
    const offers = Number(
      (await t.sql<{ n: string }>(`SELECT count(*) AS n FROM off_peak_offer`))[0]!.n,
    );
    const elsewhere = await as(gate).post('/api/offers', { ...offer, carParkId: demoPark!.id });
    expect(elsewhere.status).toBe(404);
    const demoUnit = await t.login(DEMO.unit);
    const back = await as(demoUnit).post('/api/offers', { ...offer, carParkId: park.body.id });
    expect(back.status).toBe(404);
    expect(
      Number((await t.sql<{ n: string }>(`SELECT count(*) AS n FROM off_peak_offer`))[0]!.n),
    ).toBe(offers);
  });

  it('two amendments at once number themselves one after the other', async () => {
    const [a, b] = await Promise.all([
      as(council).post(`/api/resident-units/${unitId}/agreements`, agreement({ places: 41 })),
      as(street).post(`/api/resident-units/${unitId}/agreements`, agreement({ places: 42 })),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    const versions = [a.body.agreement.version, b.body.agreement.version].sort();
    expect(versions).toEqual([3, 4]);
    const history = await as(council).get(`/api/resident-units/${unitId}`);
    expect(history.body.history.map((v: { version: number }) => v.version)).toEqual([4, 3, 2, 1]);
  });

  it('the council makes staff for its own units too', async () => {
    const made = await as(council).post(`/api/resident-units/${unitId}/staff`, {
      name: '钱保安',
      phone: '13900000602',
      password: 'gatekeeper-2031-y',
    });
    expect(made.status).toBe(201);
    const list = await as(council).get('/api/resident-units');
    expect(list.body.units.find((u: { id: string }) => u.id === unitId).staffCount).toBe(2);
  });
});
