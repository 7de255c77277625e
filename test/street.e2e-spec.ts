import { hashPassword } from '../src/auth/password';
import { SECOND_DEMO_COUNCIL_PHONE, STREET_DEMO_PHONE } from '../src/street/demo-street';
import { expectRefusal } from './support/refusals';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

/**
 * 金融街街道 runs its street: it reads its associations in figures (never a person), founds a
 * third association with its council, who sees only its own, empty association; nobody of one
 * association sees another.
 */
describe('the street office', () => {
  let t: TestApp;
  let street: string;

  beforeAll(async () => {
    t = await startTestApp();
    street = await t.login(STREET_DEMO_PHONE);
  });
  afterAll(() => t.close());

  const as = (token: string) => ({
    get: (path: string) =>
      t.http().get(path).set('authorization', `Bearer ${token}`).set('accept-language', 'zh-CN'),
    post: (path: string, body: object) =>
      t
        .http()
        .post(path)
        .set('authorization', `Bearer ${token}`)
        .set('accept-language', 'zh-CN')
        .send(body),
  });

  it('belongs to its street, not to an association', async () => {
    const me = await as(street).get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      association: null,
      household: null,
      streetOffice: '金融街街道',
      member: { role: 'street', name: '金融街街道 王主任' },
    });
  });

  it('compares its two demo associations in figures, with no phone, name or plate', async () => {
    // A warden of 4143 guides a car to a free space: the street sees the month's persuasion.
    const warden = await t.login(DEMO.wardens[0]);
    const guided = await as(warden).post('/api/persuasions/guidance', {});
    expect(guided.status).toBe(201);
    const overview = await as(street).get('/api/street/overview');
    expect(overview.status).toBe(200);
    expect(overview.body.streetOffice).toBe('金融街街道');
    interface Figures {
      name: string;
      coverageGapsNext7Days: number;
      violationsByMonth: { count: number }[];
    }
    const byName: Record<string, Figures> = Object.fromEntries(
      (overview.body.associations as Figures[]).map((a) => [a.name, a]),
    );
    expect(Object.keys(byName).sort()).toEqual(['4143车友会', '砖塔车友会'].sort());
    expect(byName['4143车友会']).toMatchObject({ community: '二龙路社区', lanes: 1, spaces: 40 });
    expect(byName['砖塔车友会']).toMatchObject({ community: '丰盛社区', lanes: 1, spaces: 25 });
    for (const figures of overview.body.associations) {
      expect(figures.occupancyByHour).toHaveLength(24);
      expect(figures.violationsByMonth).toHaveLength(12);
      expect(figures.occupiedNow).toBeGreaterThan(0);
      expect(figures.occupancyByHour.at(-1).parked).toBe(figures.occupiedNow);
    }
    // Two wardens cannot cover three eight-hour shifts: the second lane has gaps to show.
    expect(byName['砖塔车友会']!.coverageGapsNext7Days).toBeGreaterThan(0);
    expect(byName['砖塔车友会']!.violationsByMonth.some((m) => m.count > 0)).toBe(true);
    const persuaded = overview.body.associations.find((a: Figures) => a.name === '4143车友会');
    expect(persuaded.persuasionsThisMonth).toBeGreaterThanOrEqual(1);
    expect(persuaded.persuasionsByMonth).toContainEqual(
      expect.objectContaining({ outcome: 'guided', count: expect.any(Number) }),
    );

    const text = JSON.stringify(overview.body);
    const people = await t.sql<{ name: string; phone: string }>(
      `SELECT name, phone FROM member WHERE role <> 'street'`,
    );
    const plates = await t.sql<{ plate: string }>(`SELECT plate FROM vehicle`);
    const leaks = [
      ...people.flatMap((p) => [p.name, p.phone]),
      ...plates.map((p) => p.plate),
    ].filter((value) => text.includes(value));
    expect(leaks).toEqual([]);
  });

  it("never reads an association's members, households or plates", async () => {
    for (const path of ['/api/members', '/api/households', '/api/vehicles', '/api/associations']) {
      const response = await as(street).get(path);
      expect({ path, status: response.status }).toEqual({ path, status: 403 });
    }
    const write = await as(street).post('/api/households', { address: '下岗胡同77号' });
    expectRefusal(write.body, 'role.forbidden', { role: 'street' }, '您的角色无权进行此操作');
  });

  it('founds an association and its council, who sees only its own, empty association', async () => {
    const founded = await as(street).post('/api/associations', {
      name: '丰盛车友会',
      community: '丰盛社区',
    });
    expect(founded.status).toBe(201);
    expect(founded.body).toMatchObject({ name: '丰盛车友会', streetOffice: '金融街街道' });
    const id = founded.body.id as string;

    const council = await as(street).post(`/api/associations/${id}/council`, {
      name: '孔令华',
      phone: '13800000501',
      password: 'fengsheng-lane-2030',
    });
    expect(council.status).toBe(201);
    expect(council.body).toMatchObject({ role: 'admin', associationId: id, name: '孔令华' });

    const admin = await t.login('13800000501', 'fengsheng-lane-2030');
    const me = await as(admin).get('/api/me');
    expect(me.body.association).toMatchObject({ id, name: '丰盛车友会' });
    expect((await as(admin).get('/api/households')).body.total).toBe(0);
    const listed = await as(admin).get('/api/associations');
    expect(listed.body.map((a: { id: string }) => a.id)).toEqual([id]);
    const [xiagang] = await t.sql<{ id: string }>(
      `SELECT id FROM association WHERE name = '4143车友会'`,
    );
    expect((await as(admin).get(`/api/associations/${xiagang!.id}`)).status).toBe(404);
    expect((await as(admin).get(`/api/households?associationId=${xiagang!.id}`)).status).toBe(404);
    // The council runs it from here: its first household.
    expect((await as(admin).post('/api/households', { address: '丰盛胡同1号' })).status).toBe(201);

    const overview = await as(street).get('/api/street/overview');
    expect(overview.body.associations.map((a: { name: string }) => a.name)).toContain('丰盛车友会');
  });

  it('refuses a taken name, a taken phone, a weak password, and the wrong role', async () => {
    const taken = await as(street).post('/api/associations', {
      name: '4143车友会',
      community: '二龙路社区',
    });
    expectRefusal(taken.body, 'association.name_taken', {}, '已有同名的车友会');
    expect(taken.status).toBe(409);

    const [zhuanta] = await t.sql<{ id: string }>(
      `SELECT id FROM association WHERE name = '砖塔车友会'`,
    );
    const phone = await as(street).post(`/api/associations/${zhuanta!.id}/council`, {
      name: '冒名',
      phone: DEMO.admin,
      password: 'zhuanta-lane-2030',
    });
    expectRefusal(phone.body, 'member.phone_taken', {}, '该手机号已注册');
    const weak = await as(street).post(`/api/associations/${zhuanta!.id}/council`, {
      name: '弱密码',
      phone: '13800000502',
      password: '123',
    });
    expect(weak.status).toBe(400);
    expect(await t.sql(`SELECT 1 FROM member WHERE phone = '13800000502'`)).toHaveLength(0);

    const councilTries = await as(await t.login(DEMO.admin)).post('/api/associations', {
      name: '私设车友会',
      community: '二龙路社区',
    });
    expectRefusal(councilTries.body, 'role.forbidden', { role: 'admin' }, '您的角色无权进行此操作');
    expect(await t.sql(`SELECT 1 FROM association WHERE name = '私设车友会'`)).toHaveLength(0);
  });

  it("another street's office finds none of this street's associations", async () => {
    await t.sql(
      `INSERT INTO member (street_office, name, phone, password_hash, role)
       VALUES ('新街口街道', '新街口 李干事', '13800000309', $1, 'street')`,
      [await hashPassword(DEMO.password)],
    );
    const other = await t.login('13800000309');
    const [zhuanta] = await t.sql<{ id: string }>(
      `SELECT id FROM association WHERE name = '砖塔车友会'`,
    );
    const council = await as(other).post(`/api/associations/${zhuanta!.id}/council`, {
      name: '越界',
      phone: '13800000503',
      password: 'xinjiekou-lane-2030',
    });
    expect(council.status).toBe(404);
    expect(await t.sql(`SELECT 1 FROM member WHERE phone = '13800000503'`)).toHaveLength(0);
    const overview = await as(other).get('/api/street/overview');
    expect(overview.body).toMatchObject({ streetOffice: '新街口街道', associations: [] });
  });

  it("a resident of one association never sees another's", async () => {
    const [zhuanta] = await t.sql<{ id: string }>(
      `SELECT id FROM association WHERE name = '砖塔车友会'`,
    );
    const [household] = await t.sql<{ id: string }>(
      `SELECT id FROM household WHERE association_id = $1 LIMIT 1`,
      [zhuanta!.id],
    );
    const resident = await t.login(DEMO.resident);
    expect((await as(resident).get(`/api/associations/${zhuanta!.id}`)).status).toBe(404);
    expect((await as(resident).get(`/api/households/${household!.id}`)).status).toBe(404);
    expect((await as(resident).get(`/api/lanes?associationId=${zhuanta!.id}`)).status).toBe(404);
    expect((await as(resident).get('/api/street/overview')).status).toBe(403);
    // …and the second association's council sees only its own.
    const zhuantaAdmin = await t.login(SECOND_DEMO_COUNCIL_PHONE);
    const households = await as(zhuantaAdmin).get('/api/households?pageSize=100');
    expect(households.body.total).toBe(20);
    expect(
      households.body.items.every(
        (h: { associationId: string }) => h.associationId === zhuanta!.id,
      ),
    ).toBe(true);
  });

  it("a viewer reads the figures of the associations granted them, and no other's", async () => {
    const overview = await as(await t.login(DEMO.viewer)).get('/api/street/overview');
    expect(overview.status).toBe(200);
    expect(overview.body.streetOffice).toBeNull();
    expect(overview.body.associations.map((a: { name: string }) => a.name)).toEqual(['4143车友会']);
  });
});
