import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { DEMO, startTestApp, type TestApp } from './support/test-app';
import { binary, openLedger } from './support/workbook';

/** 砖塔车友会's council: another association, with its own violations. */
const OTHER_COUNCIL = '13800000400';

/**
 * The rows a reader may list are the rows they may export, for every role: the council, the
 * street office (once 0 listed against 5 exported), another association's council, a warden, a
 * resident (their household's).
 */
describe('list equals export, per role, for the violation ledger', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    const warden = await t.login(DEMO.wardens[0]);
    for (const kind of ['no_permit', 'wrong_space', 'no_permit']) {
      await t
        .http()
        .post('/api/violations')
        .set('authorization', `Bearer ${warden}`)
        .send({ kind, plate: '京Q·12345', place: '下岗胡同东口' })
        .expect(201);
    }
    // And one on a resident's car, which their household lists.
    const [car] = await t.sql<{ plate: string }>(
      `SELECT v.plate FROM vehicle v JOIN member m ON m.household_id = v.household_id
        WHERE m.phone = $1 AND v.archived_at IS NULL LIMIT 1`,
      [DEMO.resident],
    );
    await t
      .http()
      .post('/api/violations')
      .set('authorization', `Bearer ${warden}`)
      .send({ kind: 'no_permit', plate: car!.plate, place: '下岗胡同西口' })
      .expect(201);
  }, 120_000);
  afterAll(() => t.close());

  const listed = async (token: string, query = '') => {
    const response = await t
      .http()
      .get(`/api/violations?pageSize=100${query}`)
      .set('authorization', `Bearer ${token}`);
    expect(response.status).toBe(200);
    return response.body as { items: { occurredAt: string; place: string }[]; total: number };
  };
  const exported = async (token: string, query = '') => {
    const csv = await t
      .http()
      .get(`/api/violations/export.csv?${query}`)
      .set('authorization', `Bearer ${token}`);
    const xlsx = await binary(
      t.http().get(`/api/violations/export.xlsx?${query}`).set('authorization', `Bearer ${token}`),
    );
    return { csv, xlsx };
  };

  it.each([
    ['the council', DEMO.admin],
    ['the street office', DEMO.viewer],
    ['another association’s council', OTHER_COUNCIL],
    ['a warden', DEMO.wardens[0]],
    ['a resident', DEMO.resident],
  ])('%s: the export holds exactly the listed rows, list and CSV alike', async (_, phone) => {
    const token = await t.login(phone);
    for (const query of ['', '&kind=no_permit']) {
      const list = await listed(token, query);
      const { csv, xlsx } = await exported(token, query.slice(1));
      expect(csv.status).toBe(200);
      expect(xlsx.status).toBe(200);
      const rows: string[][] = parse(csv.text.replace(/^\uFEFF/, ''));
      const ledger = await openLedger(xlsx);
      expect(list.total).toBeLessThanOrEqual(100);
      expect(rows.length - 1).toBe(list.total);
      expect(ledger.rows).toHaveLength(list.total);
      // The same rows in the same order: places as listed.
      const placeColumn = ledger.headers.indexOf('地点');
      expect(ledger.rows.map((r) => r[placeColumn]!.text)).toEqual(list.items.map((v) => v.place));
    }
  });

  it('another association’s council sees none of 4143车友会’s rows', async () => {
    const token = await t.login(OTHER_COUNCIL);
    const { csv } = await exported(token);
    expect(csv.text).not.toContain('京Q·12345');
    expect(csv.text).not.toContain('京Q***');
  });

  it('a resident exports their household’s rows only; unit staff neither list nor export', async () => {
    const token = await t.login(DEMO.resident);
    const list = await listed(token);
    expect(list.total).toBeGreaterThan(0);
    expect(list.items.map((v) => v.place)).not.toContain('下岗胡同东口');
    const { csv } = await exported(token);
    expect(csv.text).not.toContain('下岗胡同东口');
    const unit = await t.login(DEMO.unit);
    const refused = await exported(unit);
    expect(refused.csv.status).toBe(403);
    expect(refused.xlsx.status).toBe(403);
  });
});

/**
 * The export's rows are the list's, for a ledger (`path`) each role either lists and exports
 * alike, or neither; `key` picks what names a row in the list, `header` the same in the ledger.
 */
async function expectListEqualsExport(
  t: TestApp,
  token: string,
  list: string,
  exportPath: string,
  key: (item: Record<string, unknown>) => string,
  header: string,
): Promise<number> {
  const listed = await t.http().get(list).set('authorization', `Bearer ${token}`);
  expect(listed.status).toBe(200);
  // A list is a page ({ items, total }) or, for a short one, the whole array.
  const body = Array.isArray(listed.body)
    ? { items: listed.body as Record<string, unknown>[], total: (listed.body as unknown[]).length }
    : (listed.body as { items: Record<string, unknown>[]; total: number });
  const [base, query] = exportPath.split('?');
  const url = (ext: string) => `${base}.${ext}${query ? `?${query}` : ''}`;
  const csv = await t.http().get(url('csv')).set('authorization', `Bearer ${token}`);
  const xlsx = await binary(t.http().get(url('xlsx')).set('authorization', `Bearer ${token}`));
  expect(csv.status).toBe(200);
  expect(xlsx.status).toBe(200);
  const rows: string[][] = parse(csv.text.replace(/^\uFEFF/, ''));
  const ledger = await openLedger(xlsx);
  expect(body.total).toBeLessThanOrEqual(100);
  expect(rows.length - 1).toBe(body.total);
  expect(ledger.rows).toHaveLength(body.total);
  const index = ledger.headers.indexOf(header);
  expect(ledger.rows.map((r) => r[index]!.text)).toEqual(body.items.map(key));
  return body.total;
}

describe('list equals export, per role, for the payment ledger (收费台账)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    // Three fees in each association, one of them at the same instant as another.
    await t.sql(
      `INSERT INTO payment (association_id, permit_id, household_id, plate, reference, amount_cny,
         method, recorded_at)
       SELECT association_id, id, household_id, plate, '停车证 No.' || number, 100, 'cash',
              '2026-11-30T12:00:00Z'::timestamptz - (number % 2) * interval '1 day'
         FROM (SELECT p.*, row_number() OVER (PARTITION BY association_id ORDER BY number) AS n
                 FROM permit p) p
        WHERE n <= 3`,
    );
  }, 120_000);
  afterAll(() => t.close());

  it.each([
    ['the council', DEMO.admin, ''],
    [
      'the council, one period',
      DEMO.admin,
      'from=2026-11-30T00:00:00%2B08:00&to=2026-12-01T00:00:00%2B08:00',
    ],
    ['another association’s council', OTHER_COUNCIL, ''],
  ])('%s: the export holds exactly the listed rows', async (_, phone, query) => {
    const token = await t.login(phone);
    const total = await expectListEqualsExport(
      t,
      token,
      `/api/payments?pageSize=100${query ? `&${query}` : ''}`,
      `/api/payments/export${query ? `?${query}` : ''}`,
      (item) => String(item.reference),
      '摘要',
    );
    if (phone === DEMO.admin) expect(total).toBeGreaterThan(0);
  });

  it('another association’s council sees none of 4143车友会’s fees; others export nothing', async () => {
    const [mine] = await t.sql<{ reference: string }>(
      `SELECT reference FROM payment y JOIN association a ON a.id = y.association_id
        WHERE a.name = '4143车友会' LIMIT 1`,
    );
    const other = await t.login(OTHER_COUNCIL);
    const csv = await t
      .http()
      .get('/api/payments/export.csv')
      .set('authorization', `Bearer ${other}`);
    expect(csv.text).not.toContain(`${mine!.reference},`);
    const [association] = await t.sql<{ id: string }>(
      `SELECT id FROM association WHERE name = '4143车友会'`,
    );
    const pointed = await t
      .http()
      .get(`/api/payments/export.xlsx?associationId=${association!.id}`)
      .set('authorization', `Bearer ${other}`);
    expect([403, 404]).toContain(pointed.status);
    for (const phone of [DEMO.resident, DEMO.wardens[0], DEMO.viewer]) {
      const token = await t.login(phone);
      for (const ext of ['csv', 'xlsx']) {
        const refused = await t
          .http()
          .get(`/api/payments/export.${ext}`)
          .set('authorization', `Bearer ${token}`);
        expect(refused.status).toBe(403);
      }
    }
  });
});

describe('list equals export, per role, for the accounts (收支台账)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    // Income and spending in each association, two lines on one day; a note typed as a formula.
    await t.sql(
      `INSERT INTO finance_entry (association_id, direction, category, amount_cny, occurred_on, note)
       SELECT a.id, d.direction, d.category, 10 * n, DATE '2026-11-01' + (n / 2),
              a.name || ' 第' || n || '笔' || CASE WHEN n = 1 THEN ' =1+1' ELSE '' END
         FROM association a, generate_series(1, 5) AS n,
              LATERAL (SELECT CASE WHEN n % 2 = 0 THEN 'income' ELSE 'expense' END AS direction,
                              CASE WHEN n % 2 = 0 THEN 'donation' ELSE 'paint' END AS category) d
        WHERE a.name IN ('4143车友会', '砖塔车友会')`,
    );
  }, 120_000);
  afterAll(() => t.close());

  it.each([
    ['the council', DEMO.admin],
    ['the street office', DEMO.viewer],
    ['another association’s council', OTHER_COUNCIL],
  ])('%s: the export holds exactly the listed lines', async (_, phone) => {
    const token = await t.login(phone);
    const total = await expectListEqualsExport(
      t,
      token,
      '/api/finance/entries',
      '/api/finance/entries/export',
      (item) => String(item.note),
      '摘要',
    );
    expect(total).toBeGreaterThanOrEqual(5);
  });

  it('words, not codes; another association’s lines stay out; residents and wardens export nothing', async () => {
    const admin = await t.login(DEMO.admin);
    const csv = await t
      .http()
      .get('/api/finance/entries/export.csv')
      .set('authorization', `Bearer ${admin}`);
    expect(csv.text).toContain('支出,划线');
    expect(csv.text).toContain('收入,捐赠');
    expect(csv.text).not.toContain('砖塔车友会 第');
    for (const phone of [DEMO.resident, DEMO.wardens[0]]) {
      const token = await t.login(phone);
      for (const ext of ['csv', 'xlsx']) {
        const refused = await t
          .http()
          .get(`/api/finance/entries/export.${ext}`)
          .set('authorization', `Bearer ${token}`);
        expect(refused.status).toBe(403);
      }
    }
  });
});

describe('list equals export, per role, for an offer’s standing allocations', () => {
  let t: TestApp;
  let offerId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const unit = await t.login(DEMO.unit);
    const post = (token: string, path: string, body: object) =>
      t.http().post(path).set('authorization', `Bearer ${token}`).send(body);
    const park = await post(unit, '/api/car-parks', {
      name: '台账测试车库',
      address: '金融街中心地下一层',
      totalSpaces: 5,
    });
    const offer = await post(unit, '/api/offers', {
      carParkId: park.body.id,
      title: '台账测试',
      places: 2,
      standingPlaces: 1,
      monthlyFeeCny: 100,
      validFrom: '2026-01-01',
      rules: [{ days: 'daily', from: '18:00', to: '08:00' }],
    });
    expect(offer.status).toBe(201);
    offerId = offer.body.id as string;
    for (const phone of [DEMO.resident, DEMO.otherResident]) {
      const [vehicle] = await t.sql<{ id: string }>(
        `SELECT v.id FROM vehicle v JOIN member m ON m.household_id = v.household_id
          WHERE m.phone = $1 LIMIT 1`,
        [phone],
      );
      const registered = await post(await t.login(phone), `/api/offers/${offerId}/allocations`, {
        vehicleId: vehicle!.id,
        acceptTerms: true,
      });
      expect(registered.status).toBe(201);
    }
    expect((await post(unit, `/api/offers/${offerId}/allocations/admit`, {})).status).toBe(200);
  }, 120_000);
  afterAll(() => t.close());

  it.each([
    ['the lending unit', DEMO.unit],
    ['the council', DEMO.admin],
  ])('%s: the export holds exactly the listed rows, plates as listed', async (_, phone) => {
    const token = await t.login(phone);
    const total = await expectListEqualsExport(
      t,
      token,
      `/api/offers/${offerId}/allocations`,
      `/api/offers/${offerId}/allocations/export`,
      (item) => String(item.plate),
      '车牌',
    );
    expect(total).toBe(2);
    const csv = await t
      .http()
      .get(`/api/offers/${offerId}/allocations/export.csv`)
      .set('authorization', `Bearer ${token}`);
    expect(csv.text).toContain('已获得');
    expect(csv.text).toContain('排队中');
  });

  it('another association’s council, a resident and a warden export nothing', async () => {
    for (const phone of [OTHER_COUNCIL, DEMO.resident, DEMO.wardens[0]]) {
      const token = await t.login(phone);
      for (const ext of ['csv', 'xlsx']) {
        const refused = await t
          .http()
          .get(`/api/offers/${offerId}/allocations/export.${ext}`)
          .set('authorization', `Bearer ${token}`);
        expect([403, 404]).toContain(refused.status);
      }
    }
  });
});

describe('list equals export, per role, for the scan ledger (扫码台账)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    const warden = await t.login(DEMO.wardens[0]);
    for (const plate of ['京Q·12345', '京Q·54321']) {
      await t
        .http()
        .post('/api/scans')
        .set('authorization', `Bearer ${warden}`)
        .send({ plate, idempotencyKey: randomUUID() })
        .expect(200);
    }
  }, 120_000);
  afterAll(() => t.close());

  it.each([
    ['the council', DEMO.admin, ''],
    [
      'the council, one period',
      DEMO.admin,
      'from=2026-01-01T00:00:00%2B08:00&to=2100-01-01T00:00:00%2B08:00',
    ],
    ['another association’s council', OTHER_COUNCIL, ''],
    ['a warden', DEMO.wardens[0], ''],
    [
      'a warden, one period',
      DEMO.wardens[1],
      'from=2026-01-01T00:00:00%2B08:00&to=2100-01-01T00:00:00%2B08:00',
    ],
  ])('%s: the export holds exactly the listed scans', async (_, phone, query) => {
    const token = await t.login(phone);
    const total = await expectListEqualsExport(
      t,
      token,
      `/api/scans?pageSize=100${query ? `&${query}` : ''}`,
      `/api/scans/export${query ? `?${query}` : ''}`,
      (item) => String(item.reason),
      '结果',
    );
    if (phone !== OTHER_COUNCIL) expect(total).toBeGreaterThan(0);
  });

  it('a warden’s copy has the council’s columns and plates, as their list has', async () => {
    const csv = async (phone: string) => {
      const token = await t.login(phone);
      const response = await t
        .http()
        .get('/api/scans/export.csv')
        .set('authorization', `Bearer ${token}`);
      expect(response.status).toBe(200);
      return response.text.split('\n').slice(1).join('\n');
    };
    expect(await csv(DEMO.wardens[0])).toBe(await csv(DEMO.admin));
  });

  it('residents (who read only their own permits’ scans) and the street office export nothing', async () => {
    for (const phone of [DEMO.resident, DEMO.viewer]) {
      const token = await t.login(phone);
      for (const ext of ['csv', 'xlsx']) {
        const refused = await t
          .http()
          .get(`/api/scans/export.${ext}`)
          .set('authorization', `Bearer ${token}`);
        expect(refused.status).toBe(403);
      }
    }
  });
});
