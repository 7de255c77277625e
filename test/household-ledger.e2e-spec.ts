import { DEMO, startTestApp, type TestApp } from './support/test-app';

describe('the council imports and exports the household ledger (台账) as CSV', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login(DEMO.admin);
  });
  afterAll(() => t.close());

  const csv = [
    '门牌,姓名,手机,角色,党员,志愿者,车牌,车牌颜色',
    '下岗胡同40号,钱大爷,13700000001,居民,是,否,京A·7k0O1,蓝',
    '下岗胡同40号,钱小妹,13700000002,resident,false,true,京AD55123,',
    '下岗胡同41号,孙阿姨,13700000003,,,,,',
    ',无门牌,13700000004,,,,,',
    '下岗胡同42号,错号码,12345,,,,,',
    '下岗胡同43号,周师傅,13700000005,,,,京Z1,',
    '下岗胡同44号,吴先生,13700000006,superuser,,,,',
    `下岗胡同45号,冒用车牌,13700000007,,,,京A12345,`,
  ].join('\n');

  it('dry run reports every row and changes nothing', async () => {
    const before = await t.sql(`SELECT count(*) FROM member`);
    const response = await t
      .http()
      .post('/api/households/import?dryRun=true')
      .set('Authorization', `Bearer ${admin}`)
      .set('Content-Type', 'text/csv')
      .send(csv);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ dryRun: true, rows: 8, accepted: 3 });
    expect(await t.sql(`SELECT count(*) FROM member`)).toEqual(before);
  });

  it('imports the good rows and explains each rejected one', async () => {
    const response = await t
      .http()
      .post('/api/households/import')
      .set('Authorization', `Bearer ${admin}`)
      .set('Content-Type', 'text/csv')
      .send(csv);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      rows: 8,
      accepted: 3,
      householdsCreated: 2,
      membersCreated: 3,
      vehiclesCreated: 2,
    });
    const reasons = Object.fromEntries(
      (response.body.rejected as { row: number; reason: string }[]).map((r) => [r.row, r.reason]),
    );
    expect(Object.keys(reasons).map(Number)).toEqual([5, 6, 7, 8, 9]);
    expect(reasons[5]).toContain('address');
    expect(reasons[6]).toContain('phone');
    expect(reasons[7]).toContain('车牌');
    expect(reasons[8]).toContain('superuser');
    expect(reasons[9]).toContain('another household');

    const [vehicle] = await t.sql<{ plate: string; plate_color: string }>(
      `SELECT plate, plate_color FROM vehicle v JOIN member m ON m.id = v.owner_member_id WHERE m.phone = '13700000001'`,
    );
    expect(vehicle).toEqual({ plate: '京A7K001', plate_color: 'blue' });
    // Rejected rows left nothing behind.
    expect(
      await t.sql(
        `SELECT 1 FROM household WHERE address IN ('下岗胡同42号', '下岗胡同43号', '下岗胡同44号')`,
      ),
    ).toHaveLength(0);
  });

  it('exports a ledger that a spreadsheet opens, with the imported rows in it', async () => {
    const response = await t
      .http()
      .get('/api/households/export.csv')
      .set('Authorization', `Bearer ${admin}`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toContain('attachment');
    const text: string = response.text;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('address,name,phone,role,partyMember,volunteer,plate,plateColor');
    expect(text).toContain('下岗胡同40号,钱大爷,13700000001,resident,true,false,京A·7K001,blue');
    expect(text).toContain('下岗胡同41号,孙阿姨,13700000003,resident');
  });

  it('re-importing the export changes nothing but counts members as updated', async () => {
    const exported = (
      await t.http().get('/api/households/export.csv').set('Authorization', `Bearer ${admin}`)
    ).text;
    const before = await t.sql(`SELECT count(*) FROM vehicle`);
    const response = await t
      .http()
      .post('/api/households/import')
      .set('Authorization', `Bearer ${admin}`)
      .set('Content-Type', 'text/csv')
      .send(exported);
    expect(response.body.rejected).toEqual([]);
    expect(response.body.membersCreated).toBe(0);
    expect(await t.sql(`SELECT count(*) FROM vehicle`)).toEqual(before);
  });

  it('a street-office viewer gets the ledger with phones and plates masked', async () => {
    const viewer = await t.login(DEMO.viewer);
    const response = await t
      .http()
      .get('/api/households/export.csv')
      .set('Authorization', `Bearer ${viewer}`);
    expect(response.status).toBe(200);
    expect(response.text).toContain('137****0001');
    expect(response.text).not.toContain('13700000001');
  });
});
