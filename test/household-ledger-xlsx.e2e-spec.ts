import { DEMO, startTestApp, type TestApp } from './support/test-app';
import { binary, column, hasFormula, openLedger } from './support/workbook';

/**
 * The household ledger (住户台账) opened in a spreadsheet: the council's copy in full, the street
 * office's with phones and plates masked as its lists show them; a name typed as a formula stays
 * a name.
 */
describe('the household ledger as a workbook', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login(DEMO.admin);
    const imported = await t
      .http()
      .post('/api/households/import')
      .set('Authorization', `Bearer ${admin}`)
      .set('Content-Type', 'text/csv')
      .send(
        [
          '门牌,姓名,手机,角色,党员,志愿者,车牌,车牌颜色',
          `下岗胡同60号,"=HYPERLINK(""http://evil.example"",""点我"")",13700000061,居民,是,否,京AD60601,绿`,
        ].join('\n'),
      );
    expect(imported.body).toMatchObject({ accepted: 1 });
  }, 120_000);
  afterAll(() => t.close());

  const open = async (phone: string, lang = 'zh-CN') => {
    const token = await t.login(phone);
    const response = await binary(
      t
        .http()
        .get('/api/households/export.xlsx')
        .set('Authorization', `Bearer ${token}`)
        .set('accept-language', lang),
    );
    expect(response.status).toBe(200);
    return openLedger(response);
  };

  it('the council: zh headers, values in words, phones in full, no formula', async () => {
    const ledger = await open(DEMO.admin);
    expect(ledger.title).toContain('住户台账');
    expect(ledger.headers).toEqual([
      '门牌',
      '姓名',
      '手机',
      '角色',
      '党员',
      '志愿者',
      '车牌',
      '车牌颜色',
      '胡同',
    ]);
    expect(ledger.sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    const row = ledger.rows.find((r) => r[0]!.text === '下岗胡同60号')!;
    expect(row.map((c) => c.text)).toEqual([
      '下岗胡同60号',
      '=HYPERLINK("http://evil.example","点我")',
      '13700000061',
      '居民',
      '是',
      '否',
      '京A·D60601',
      '绿牌',
      '下岗胡同',
    ]);
    expect(hasFormula(ledger.cells)).toBe(false);
  });

  it('the street office: the same rows, phones and plates masked', async () => {
    const [council, office] = [await open(DEMO.admin), await open(DEMO.viewer)];
    expect(office.rows).toHaveLength(council.rows.length);
    const phones = column(office, '手机').map((c) => c.text);
    expect(phones.filter(Boolean).every((p) => /^\d{3}\*{4}\d{4}$/.test(p))).toBe(true);
    const plates = column(office, '车牌').map((c) => c.text);
    expect(plates.filter(Boolean).every((p) => p.includes('***'))).toBe(true);
    expect(JSON.stringify(office.cells.map((c) => c.value))).not.toContain('13700000061');
  });

  it('a warden: plates in full, phones masked; a resident: their own household only', async () => {
    const warden = await open(DEMO.wardens[0]);
    const plates = column(warden, '车牌').map((c) => c.text);
    expect(plates).toContain('京A·D60601');
    expect(JSON.stringify(warden.cells.map((c) => c.value))).not.toContain('13700000061');
    const resident = await open(DEMO.resident);
    const addresses = new Set(column(resident, '门牌').map((c) => c.text));
    expect(addresses.size).toBe(1);
    expect(addresses).not.toContain('下岗胡同60号');
  });

  it('resident units’ staff have no ledger (they list no households either)', async () => {
    const token = await t.login(DEMO.unit);
    const response = await t
      .http()
      .get('/api/households/export.xlsx')
      .set('Authorization', `Bearer ${token}`);
    expect(response.status).toBe(403);
  });
});
