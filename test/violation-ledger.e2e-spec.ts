import { DEMO, startTestApp, type TestApp } from './support/test-app';
import { binary, column, hasFormula, openLedger } from './support/workbook';

const HOUR_MS = 3_600_000;

/**
 * The council and the street office open the violation ledger (违章台账) as a workbook: Chinese
 * headers, Beijing time, the header row frozen, text that stays text; and each sees in the
 * workbook exactly the rows and fields its list shows.
 */
describe('the violation ledger as a workbook', () => {
  let t: TestApp;
  let admin: string;
  let viewer: string;
  let resident: string;
  let plate: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login(DEMO.admin);
    viewer = await t.login(DEMO.viewer);
    resident = await t.login('13800000019');
    const warden = await t.login(DEMO.wardens[0]);
    const [car] = await t.sql<{ plate: string }>(
      `SELECT v.plate FROM vehicle v JOIN household h ON h.id = v.household_id
        WHERE h.address = '下岗胡同10号'`,
    );
    plate = car!.plate;
    // 20:00 in Beijing is 12:00 UTC: the ledger must read 20:00.
    const evening = new Date(Date.now() - 2 * 24 * HOUR_MS);
    evening.setUTCHours(12, 0, 0, 0);
    const record = (body: object) =>
      t.http().post('/api/violations').set('authorization', `Bearer ${warden}`).send(body);
    const first = await record({
      kind: 'blocking_passage',
      plate,
      place: '=HYPERLINK("http://evil.example","点我")',
      occurredAt: evening.toISOString(),
    });
    expect(first.status).toBe(201);
    await t
      .http()
      .post(`/api/violations/${first.body.id}/appeal`)
      .set('authorization', `Bearer ${resident}`)
      .send({ reason: '+1+cmd|/C calc!A0 送老人去医院' });
    for (const kind of ['no_permit', 'wrong_space']) {
      expect((await record({ kind, plate, place: '下岗胡同东口' })).status).toBe(201);
    }
  }, 120_000);
  afterAll(() => t.close());

  const get = (token: string, path: string, lang = 'zh-CN') =>
    t.http().get(path).set('authorization', `Bearer ${token}`).set('accept-language', lang);
  const xlsx = async (token: string, query = '', lang = 'zh-CN') => {
    const response = await binary(get(token, `/api/violations/export.xlsx${query}`, lang));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    return openLedger(response);
  };
  const list = async (token: string, query = '') => {
    const response = await get(token, `/api/violations?pageSize=500${query}`);
    expect(response.status).toBe(200);
    return response.body as { total: number; items: Record<string, unknown>[] };
  };

  it('opens in Chinese with a title, a frozen header row, set widths and Beijing time', async () => {
    const ledger = await xlsx(admin);
    expect(ledger.title).toContain('违章台账');
    expect(ledger.title).toMatch(/车友会/);
    expect(ledger.headers).toEqual(
      expect.arrayContaining(['发生时间', '类型', '车牌', '门牌', '处理', '申诉', '申诉理由']),
    );
    expect(ledger.sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    ledger.headers.forEach((_, i) =>
      expect(ledger.sheet.getColumn(i + 1).width).toBeGreaterThan(5),
    );

    const place = column(ledger, '地点');
    const evil = place.findIndex((cell) => cell.text.includes('HYPERLINK'));
    expect(evil).toBeGreaterThanOrEqual(0);
    const occurred = column(ledger, '发生时间')[evil]!;
    expect(occurred.value).toBeInstanceOf(Date);
    expect((occurred.value as Date).toISOString().slice(11, 16)).toBe('20:00');
    expect(occurred.numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(column(ledger, '类型')[evil]!.value).toBe('堵塞通道/消防通道');
    expect(column(ledger, '申诉')[evil]!.value).toBe('申诉待处理');
    expect(column(ledger, '门牌')[evil]!.value).toBe('下岗胡同10号');
  });

  it('keeps text people typed as text: no cell is a formula', async () => {
    const ledger = await xlsx(admin);
    expect(hasFormula(ledger.cells)).toBe(false);
    expect(column(ledger, '地点').map((c) => c.value)).toContain(
      '=HYPERLINK("http://evil.example","点我")',
    );
    expect(column(ledger, '申诉理由').map((c) => c.value)).toContain(
      '+1+cmd|/C calc!A0 送老人去医院',
    );
  });

  it('answers in English when asked', async () => {
    const ledger = await xlsx(admin, '', 'en');
    expect(ledger.headers).toContain('Occurred');
    expect(ledger.title).toContain('Violation ledger');
  });

  it.each([
    ['the council', () => admin],
    ['the street office', () => viewer],
  ])('%s: the list and the export show the same rows and fields', async (_who, token) => {
    for (const query of ['', '&kind=no_permit', '&appealStatus=pending']) {
      const listed = await list(token(), query);
      const ledger = await xlsx(token(), query.replace('&', '?'));
      expect(listed.total).toBeGreaterThan(0);
      expect(ledger.rows).toHaveLength(listed.total);
      expect(column(ledger, '车牌').map((c) => c.value)).toEqual(listed.items.map((v) => v.plate));
      expect(column(ledger, '地点').map((c) => c.value)).toEqual(listed.items.map((v) => v.place));
    }
  });

  it('the street office sees masked plates and no household, recorder or appeal reason', async () => {
    const listed = await list(viewer);
    for (const v of listed.items) {
      expect(v.plate).toMatch(/\*\*\*/);
      expect(v.householdId).toBeNull();
      expect(v.appealReason).toBeNull();
    }
    const ledger = await xlsx(viewer);
    expect(ledger.headers).not.toEqual(expect.arrayContaining(['门牌']));
    for (const hidden of ['门牌', '记录人', '申诉理由', '公约版本']) {
      expect(ledger.headers).not.toContain(hidden);
    }
    const text = JSON.stringify(ledger.cells.map((c) => c.value));
    expect(text).not.toContain('下岗胡同10号');
    expect(text).not.toContain(plate.slice(2));
    expect(text).not.toContain('送老人去医院');
  });

  it('a month filters both alike; the wrong month and another association are refused', async () => {
    const month = new Date(Date.now() + 8 * HOUR_MS).toISOString().slice(0, 7);
    const listed = await list(admin, `&month=${month}`);
    const ledger = await xlsx(admin, `?month=${month}`);
    expect(ledger.rows).toHaveLength(listed.total);
    expect(ledger.title).toContain(`${Number(month.slice(5))}月`);
    expect((await get(admin, '/api/violations/export.xlsx?month=2026-13')).status).toBe(400);
    const elsewhere = '00000000-0000-4000-8000-000000000000';
    expect(
      (await get(viewer, `/api/violations/export.xlsx?associationId=${elsewhere}`)).status,
    ).toBe(404);
  });

  it('a household and a warden: the rows and columns of their list, plates as it shows them', async () => {
    const warden = await t.login(DEMO.wardens[1]);
    for (const [who, token] of [
      ['household', resident],
      ['warden', warden],
    ] as const) {
      const listed = await list(token);
      const ledger = await xlsx(token);
      expect(ledger.rows).toHaveLength(listed.total);
      expect(listed.total).toBeGreaterThanOrEqual(3);
      // The list names no address, recorder or convention version; it shows the appeal.
      for (const hidden of ['门牌', '记录人', '记录人当班', '公约版本']) {
        expect(ledger.headers).not.toContain(hidden);
      }
      expect(ledger.headers).toContain('申诉理由');
      const plates = column(ledger, '车牌').map((c) => c.text);
      expect(plates).toEqual(listed.items.map((v) => v.plate));
      expect(plates.filter((p) => p.includes('*'))).toEqual([]);
      if (who === 'household') expect(new Set(plates).size).toBe(1);
    }
    const unit = await t.login(DEMO.unit);
    expect((await get(unit, '/api/violations/export.xlsx')).status).toBe(403);
  });
});
