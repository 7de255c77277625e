import { parse } from 'csv-parse/sync';
import { DEMO, startTestApp, type TestApp } from './support/test-app';
import { binary, openLedger } from './support/workbook';

/** 砖塔车友会's council: another association, with its own violations. */
const OTHER_COUNCIL = '13800000400';

/**
 * The rows a reader may list are the rows they may export, for every role: the council, the
 * street office (once 0 listed against 5 exported), another association's council, a resident.
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

  it('a resident and a warden export nothing (the ledger is the council’s and the street office’s)', async () => {
    for (const phone of [DEMO.resident, DEMO.wardens[0]]) {
      const token = await t.login(phone);
      const { csv, xlsx } = await exported(token);
      expect(csv.status).toBe(403);
      expect(xlsx.status).toBe(403);
    }
  });
});
