import { expectRefusal } from './support/refusals';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

/** Beijing 'YYYY-MM' and 'YYYY-MM-DD' of now. */
const beijing = () => new Date(Date.now() + 8 * 3_600_000).toISOString();

/**
 * 登记缴费, 收支公示: the council records the wardens' pay and the paint with their receipts; a
 * fee paid on a permit counts in its month at once; the public board shows the months' totals.
 */
describe('money kept and published', () => {
  let t: TestApp;
  let admin: string;
  let associationId: string;

  const as = (token: string) => ({
    get: (path: string) =>
      t.http().get(path).set('authorization', `Bearer ${token}`).set('accept-language', 'zh-CN'),
    post: (path: string, body: object = {}) =>
      t
        .http()
        .post(path)
        .set('authorization', `Bearer ${token}`)
        .set('accept-language', 'zh-CN')
        .send(body),
  });
  const board = async () =>
    (await t.http().get(`/api/public/associations/${associationId}/board`)).body as {
      finance: { months: { month: string; incomeCny: number; expenseCny: number }[] };
    };
  const thisMonth = async () => (await board()).finance.months.at(-1)!;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login(DEMO.admin);
    associationId = (await as(admin).get('/api/me')).body.association.id;
  });
  afterAll(() => t.close());

  it('the board lists twelve months, this one last', async () => {
    const months = (await board()).finance.months;
    expect(months).toHaveLength(12);
    expect(months.at(-1)!.month).toBe(beijing().slice(0, 7));
  });

  it('recorded spending and income appear in their month; a permit payment counts at once', async () => {
    const before = await thisMonth();
    const today = beijing().slice(0, 10);
    const pay = await as(admin).post('/api/finance/entries', {
      direction: 'expense',
      category: 'wardens_pay',
      amountCny: 3000,
      occurredOn: today,
      note: '红袖标补贴',
      receiptNo: 'NO.0001',
    });
    expect(pay.status).toBe(201);
    expect(pay.body).toMatchObject({ category: 'wardens_pay', amountCny: 3000, occurredOn: today });
    await as(admin).post('/api/finance/entries', {
      direction: 'expense',
      category: 'paint',
      amountCny: 180.5,
      occurredOn: today,
    });
    await as(admin).post('/api/finance/entries', {
      direction: 'income',
      category: 'sharing_fee',
      amountCny: 800,
      occurredOn: today,
      note: '金融街中心写字楼错时共享分成',
    });
    const after = await thisMonth();
    expect(after.expenseCny).toBeCloseTo(before.expenseCny + 3180.5, 2);
    expect(after.incomeCny).toBeCloseTo(before.incomeCny + 800, 2);

    const [permit] = await t.sql<{ id: string }>(
      `SELECT id FROM permit WHERE association_id = $1 AND status IN ('active', 'pending')
        ORDER BY number LIMIT 1`,
      [associationId],
    );
    const paid = await as(admin).post(`/api/permits/${permit!.id}/payment`, {
      amountCny: 1200,
      note: '现金，收据 No. 0042',
    });
    expect(paid.status).toBe(200);
    expect((await thisMonth()).incomeCny).toBeCloseTo(after.incomeCny + 1200, 2);

    // The board is public: totals only, no receipt, no note, no name.
    const text = JSON.stringify((await board()).finance);
    expect(text).not.toContain('NO.0001');
    expect(text).not.toContain('红袖标补贴');
  });

  it('refuses a category of the other direction, a bad amount, and anyone but the council', async () => {
    const mismatch = await as(admin).post('/api/finance/entries', {
      direction: 'income',
      category: 'paint',
      amountCny: 10,
      occurredOn: '2026-03-05',
    });
    expectRefusal(
      mismatch.body,
      'finance.category_mismatch',
      { category: 'paint', direction: 'income' },
      '收入和支出的类别不符：“paint”不能记为income',
    );
    const negative = await as(admin).post('/api/finance/entries', {
      direction: 'expense',
      category: 'paint',
      amountCny: -5,
      occurredOn: '2026-03-05',
    });
    expect(negative.status).toBe(400);
    const resident = await t.login(DEMO.resident);
    const byResident = await as(resident).post('/api/finance/entries', {
      direction: 'income',
      category: 'donation',
      amountCny: 10,
      occurredOn: '2026-03-05',
    });
    expect(byResident.status).toBe(403);
    expect((await as(resident).get('/api/finance/entries')).status).toBe(403);
    const lines = await as(await t.login(DEMO.viewer)).get('/api/finance/entries');
    expect(lines.status).toBe(200);
    expect(lines.body.total).toBe(3);
    expect(lines.body.items).toHaveLength(3);
  });
});
