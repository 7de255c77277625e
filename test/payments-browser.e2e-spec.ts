import { readFileSync } from 'node:fs';
import { describeWithBrowser, loginInBrowser, screenshotPath } from './support/browser';
import { permitIdOfPlate } from './support/permits';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

describeWithBrowser('the payment ledger (收费台账) on the council phone', ({ newPage }) => {
  it('the council opens 收费台账 from home and reads the fee it recorded, in Chinese', async () => {
    const admin = await t.login(DEMO.admin);
    const [own] = await t.sql<{ plate: string }>(
      `SELECT v.plate FROM vehicle v JOIN member m ON m.household_id = v.household_id
        WHERE m.phone = $1`,
      [DEMO.resident],
    );
    const permitId = await permitIdOfPlate(t, own!.plate);
    const paid = await t
      .http()
      .post(`/api/permits/${permitId}/payment`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ amountCny: 600, method: 'wechat', receiptNumber: 'XG-0600', note: '全年' });
    expect(paid.status).toBe(200);

    const page = await newPage({ viewport: { width: 360, height: 740 } });
    expect(await loginInBrowser(page, t.url, DEMO.admin, DEMO.password)).toBe('admin');
    await page.getByTestId('tile-payments').click();
    await page.getByTestId('payment-ledger').waitFor();
    expect(page.url()).toContain('#/council/payments');
    const row = page.getByTestId('payment-row').first();
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain('¥600.00');
    expect(text).toContain('微信');
    expect(text).toContain('下岗胡同1号');
    expect(text).toContain('收据号 XG-0600');
    expect(text).toContain('经手：赵淑芬');
    expect(await page.getByTestId('payments-total').innerText()).toContain('共1笔');
    // Fits a 360-px phone: nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    await page.screenshot({ path: screenshotPath('payment-ledger.png'), fullPage: true });

    // Evaluated, not a script tag: the client's content security policy admits no inline script.
    await page.evaluate(readFileSync(require.resolve('axe-core'), 'utf8'));
    const serious = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run: () => Promise<{ violations: { id: string; impact: string }[] }> };
        }
      ).axe;
      const result = await axe.run();
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => v.id);
    });
    expect(serious).toEqual([]);
  });
});
