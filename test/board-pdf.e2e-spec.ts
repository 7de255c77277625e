import { shanghaiDate } from '../src/common/shanghai-time';
import { DEMO, startTestApp, type TestApp } from './support/test-app';
import { pdfText } from './support/pdf-text';
import { binary } from './support/workbook';

/**
 * The association prints its public notice (公示) for the lane's notice board: a PDF whose
 * Chinese is text (a font shipped with the service, nothing fetched), with no personal data.
 */
describe('the public notice as a PDF', () => {
  let t: TestApp;
  let associationId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const [row] = await t.sql<{ id: string }>(`SELECT id FROM association ORDER BY name LIMIT 1`);
    const [demo] = await t.sql<{ association_id: string }>(
      `SELECT association_id FROM household WHERE address = '下岗胡同10号'`,
    );
    associationId = demo?.association_id ?? row!.id;
    // The council pays the wardens this month: the notice's accounts must show it.
    const admin = await t.login(DEMO.admin);
    await t
      .http()
      .post('/api/finance/entries')
      .set('Authorization', `Bearer ${admin}`)
      .send({
        direction: 'expense',
        category: 'wardens_pay',
        amountCny: 3141.5,
        occurredOn: shanghaiDate(new Date()),
        note: '红袖标补贴',
      })
      .expect(201);
  }, 120_000);
  afterAll(() => t.close());

  it('prints the convention, the vote, the duty, the violations and the accounts in Chinese text', async () => {
    const board = (await t.http().get(`/api/public/associations/${associationId}/board`)).body as {
      name: string;
      inForce: { articles: { label: string; text: string }[] };
      noticePeriod: unknown[];
      violationStats: { month: string; kind: string; count: number }[];
      finance: { months: { month: string; incomeCny: number; expenseCny: number }[] };
    };
    const response = await binary(
      t.http().get(`/api/public/associations/${associationId}/board.pdf`),
    );
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const bytes = response.body as Buffer;
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    // The font is embedded, subset: a notice is small enough to send round a chat group.
    expect(bytes.length).toBeLessThan(1_500_000);

    const { text, pages } = await pdfText(bytes);
    const flat = text.replace(/\s+/g, '');
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(flat).toContain(`${board.name}公示`.replace(/\s+/g, ''));
    for (const words of [
      '现行停车管理自治公约',
      '表决结果',
      '公示期',
      '今日值班',
      '违约停车统计',
      '收支公示',
    ]) {
      expect(flat).toContain(words);
    }
    const first = board.inForce.articles[0]!;
    expect(flat).toContain(first.text.replace(/\s+/g, '').slice(0, 12));
    expect(flat).toMatch(/同意34/);
    expect(flat).toContain('北京时间');
    // Violations by month, in words.
    const stat = board.violationStats.find((s) => s.kind === 'no_permit');
    if (stat) expect(flat).toContain(`${stat.month.replace('-', '年')}月：无证停车`);
    // The accounts by month: this month's spending includes the wardens' pay just recorded.
    const month = board.finance.months.at(-1)!;
    expect(month.expenseCny).toBeGreaterThanOrEqual(3141.5);
    expect(flat).toContain(
      `${month.month.replace('-', '年')}月：收入${month.incomeCny.toFixed(2)}支出${month.expenseCny.toFixed(2)}`,
    );
    expect(flat).toContain('合计：收入');
    expect(text).not.toMatch(/1380000\d{4}/);
    expect(flat).not.toContain('下岗胡同10号');
  });

  it('answers 404 for an association that does not exist and 400 for no id', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await t.http().get(`/api/public/associations/${unknown}/board.pdf`)).status).toBe(404);
    expect((await t.http().get(`/api/public/associations/nope/board.pdf`)).status).toBe(400);
  });
});
