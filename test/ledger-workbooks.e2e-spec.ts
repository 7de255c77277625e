import { parse } from 'csv-parse/sync';
import { DEMO, startTestApp, type TestApp } from './support/test-app';
import { binary, hasFormula, openLedger } from './support/workbook';

/**
 * Every ledger as the council opens it: the workbook beside its CSV at the same path, both from
 * one column definition. Headers in Chinese (English when asked), instants in Beijing time as
 * real date cells, values in words, no formula, and the CSV the same rows and columns.
 */
describe('the ledgers as workbooks beside their CSVs', () => {
  let t: TestApp;
  let admin: string;
  let paths: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login(DEMO.admin);
    const [association] = await t.sql<{ id: string }>(
      `SELECT id FROM association WHERE name = '4143车友会'`,
    );
    const id = association!.id;
    const [lane] = await t.sql<{ id: string }>(
      `SELECT l.id FROM lane l WHERE l.association_id = $1
        ORDER BY (SELECT count(*) FROM occupancy_session o WHERE o.lane_id = l.id) DESC LIMIT 1`,
      [id],
    );
    const [park] = await t.sql<{ id: string }>(
      `SELECT id FROM car_park WHERE association_id = $1 LIMIT 1`,
      [id],
    );
    const [span] = await t.sql<{ from: string; to: string }>(
      `SELECT to_char(min(starts_at) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS from,
              to_char(min(starts_at) AT TIME ZONE 'Asia/Shanghai' + interval '60 days', 'YYYY-MM-DD') AS to
         FROM duty_shift WHERE association_id = $1`,
      [id],
    );
    const period = `from=${span!.from}&to=${span!.to}`;
    // A fee taken at 20:00 in Beijing by WeChat, its note typed as a formula.
    await t.sql(
      `INSERT INTO payment (association_id, permit_id, household_id, plate, reference, amount_cny,
         method, note, recorded_at)
       SELECT p.association_id, p.id, p.household_id, p.plate, '停车证 No.' || p.number, 150,
              'wechat', '=1+1', '2026-11-30T12:00:00Z'
         FROM permit p WHERE p.association_id = $1 ORDER BY p.number LIMIT 3`,
      [id],
    );
    paths = {
      households: '/api/households/export',
      violations: '/api/violations/export',
      permits: '/api/permits/export',
      roster: `/api/rosters/roster?${period}`,
      hours: `/api/rosters/hours?${period}`,
      sessions: `/api/lanes/${lane!.id}/sessions`,
      bookings: `/api/car-parks/${park!.id}/bookings`,
      payments: '/api/payments/export',
      finance: '/api/finance/entries/export',
      scans: '/api/scans/export',
    };
    // A standing offer with one registration waiting, for the allocations' ledger.
    const unit = await t.login(DEMO.unit);
    const post = (token: string, path: string, body: object) =>
      t.http().post(path).set('authorization', `Bearer ${token}`).send(body);
    const carPark = await post(unit, '/api/car-parks', {
      name: '台账测试车库',
      address: '金融街中心地下一层',
      totalSpaces: 5,
    });
    const offer = await post(unit, '/api/offers', {
      carParkId: carPark.body.id,
      title: '台账测试',
      places: 2,
      standingPlaces: 1,
      monthlyFeeCny: 100,
      validFrom: '2026-01-01',
      rules: [{ days: 'daily', from: '18:00', to: '08:00' }],
    });
    const [vehicle] = await t.sql<{ id: string }>(
      `SELECT v.id FROM vehicle v JOIN member m ON m.household_id = v.household_id
        WHERE m.phone = $1 LIMIT 1`,
      [DEMO.resident],
    );
    const registered = await post(
      await t.login(DEMO.resident),
      `/api/offers/${offer.body.id}/allocations`,
      { vehicleId: vehicle!.id, acceptTerms: true },
    );
    expect(registered.status).toBe(201);
    paths.allocations = `/api/offers/${offer.body.id}/allocations/export`;
    await t.sql(
      `INSERT INTO finance_entry (association_id, direction, category, amount_cny, occurred_on, note)
       VALUES ($1, 'expense', 'wardens_pay', 300, '2026-11-30', '十一月红袖标补贴'),
              ($1, 'income', 'donation', 500, '2026-11-29', '=HYPERLINK("x")')`,
      [id],
    );
  }, 120_000);
  afterAll(() => t.close());

  const at = (path: string, ext: 'xlsx' | 'csv') => {
    const [base, query] = path.split('?');
    return `${base}.${ext}${query ? `?${query}` : ''}`;
  };
  const workbook = async (path: string, lang = 'zh-CN') => {
    const response = await binary(
      t
        .http()
        .get(at(path, 'xlsx'))
        .set('Authorization', `Bearer ${admin}`)
        .set('accept-language', lang),
    );
    expect(response.status).toBe(200);
    expect(response.headers['content-disposition']).toContain('.xlsx');
    return openLedger(response);
  };
  const csv = async (path: string, lang = 'zh-CN') => {
    const response = await t
      .http()
      .get(at(path, 'csv'))
      .set('Authorization', `Bearer ${admin}`)
      .set('accept-language', lang);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.text.charCodeAt(0)).toBe(0xfeff);
    const rows: string[][] = parse(response.text.replace(/^\uFEFF/, ''));
    return rows;
  };

  it.each([
    'households',
    'violations',
    'permits',
    'roster',
    'hours',
    'sessions',
    'bookings',
    'payments',
    'finance',
    'allocations',
    'scans',
  ])('%s: Chinese headers, title, frozen header, no formula; the CSV agrees', async (name) => {
    const ledger = await workbook(paths[name]!);
    // The title row names who keeps it (a car park's ledger: the car park) and the period.
    if (name !== 'bookings' && name !== 'allocations') expect(ledger.title).toContain('4143车友会');
    expect(ledger.title).toMatch(/台账|值班表/);
    if (name === 'allocations') expect(ledger.rows.length).toBeGreaterThan(0);
    expect(ledger.sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    for (const header of ledger.headers) expect(header).toMatch(/[\u4e00-\u9fff]/);
    expect(hasFormula(ledger.cells)).toBe(false);
    // Widths are set (exceljs reads back a run of equal widths only on its first column).
    expect(ledger.sheet.getColumn(1).width).toBeGreaterThan(0);
    // No internal ids or hashes: nothing that looks like a uuid or a sha-256.
    const texts = ledger.cells.map((c) => c.text);
    for (const text of texts) expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-|[0-9a-f]{64}/);
    for (const text of texts) expect(['true', 'false', 'blue', 'resident']).not.toContain(text);

    const [header, ...rows] = await csv(paths[name]!);
    expect(header).toEqual(ledger.headers);
    expect(rows).toHaveLength(ledger.rows.length);
    // Every date cell of the workbook reads the same in the CSV: Beijing "YYYY-MM-DD HH:mm".
    ledger.rows.slice(0, 50).forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!(cell.value instanceof Date)) return;
        const wall = cell.value.toISOString();
        const expected =
          cell.numFmt === 'yyyy-mm-dd' ? wall.slice(0, 10) : wall.slice(0, 16).replace('T', ' ');
        expect(rows[r]![c]).toBe(expected);
      }),
    );
  });

  it('a permit event at 20:00 in Beijing reads 20:00, in the workbook and in the CSV', async () => {
    const [event] = await t.sql<{ at: Date; number: string }>(
      `SELECT e.at, p.number FROM permit_event e JOIN permit p ON p.id = e.permit_id
         JOIN association a ON a.id = e.association_id AND a.name = '4143车友会'
        ORDER BY e.id LIMIT 1`,
    );
    await t.sql(`UPDATE permit_event SET at = '2026-11-30T12:00:00Z' WHERE at = $1`, [event!.at]);
    const ledger = await workbook(paths.permits!);
    const cell = ledger.rows[0]![0]!;
    expect(cell.value).toEqual(new Date('2026-11-30T20:00:00Z'));
    expect(cell.numFmt).toBe('yyyy-mm-dd hh:mm');
    const rows = await csv(paths.permits!);
    expect(rows[1]![0]).toBe('2026-11-30 20:00');
    expect(rows[1]![1]).toBe(String(Number(event!.number)));
  });

  it('payments: 20:00 in Beijing, the method in words, yuan as numbers, a note stays text', async () => {
    const ledger = await workbook(paths.payments!);
    expect(ledger.title).toContain('收费台账');
    expect(ledger.rows.length).toBeGreaterThanOrEqual(3);
    const row = ledger.rows[0]!;
    const cell = (header: string) => row[ledger.headers.indexOf(header)]!;
    expect(cell('登记时间').value).toEqual(new Date('2026-11-30T20:00:00Z'));
    expect(cell('付款方式').text).toBe('微信');
    expect(cell('金额（元）').value).toBe(150);
    expect(cell('备注').value).toBe('=1+1');
    const rows = await csv(paths.payments!);
    expect(rows[1]![0]).toBe('2026-11-30 20:00');
    expect(rows[1]![rows[0]!.indexOf('备注')]).toBe("'=1+1");
  });

  it('finance: the day as a date cell, kinds in words, yuan as numbers', async () => {
    const ledger = await workbook(paths.finance!);
    expect(ledger.title).toContain('收支台账');
    const row = ledger.rows[0]!;
    const cell = (header: string) => row[ledger.headers.indexOf(header)]!;
    expect(cell('日期').value).toEqual(new Date('2026-11-30T00:00:00Z'));
    expect(cell('日期').numFmt).toBe('yyyy-mm-dd');
    expect(cell('收支').text).toBe('支出');
    expect(cell('类别').text).toBe('红袖标补贴');
    expect(cell('金额（元）').value).toBe(300);
    const rows = await csv(paths.finance!);
    expect(rows[1]!.slice(0, 4)).toEqual(['2026-11-30', '支出', '红袖标补贴', '300']);
  });

  it('speaks English when asked, the same columns', async () => {
    const zh = await workbook(paths.roster!);
    const en = await workbook(paths.roster!, 'en');
    expect(en.headers).toHaveLength(zh.headers.length);
    expect(en.headers[0]).toBe('Date');
    const [header] = await csv(paths.roster!, 'en');
    expect(header).toEqual(en.headers);
  });
});
