import { expectAccessible, expectTouchTargets, NARROW_PHONE } from './support/axe';
import { describeWithBrowser, loginInBrowser } from './support/browser';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

/** The council rosters next month from the phone, after saying yes to what will happen. */
describeWithBrowser('the council generates next month’s roster in the client', ({ newPage }) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('asks first, generates, says how many shifts and gaps, and opens the month', async () => {
    const page = await newPage({ viewport: NARROW_PHONE });
    await loginInBrowser(page, t.url, DEMO.admin, DEMO.password);
    await page.goto(`${t.url}/app/#/rosters`);
    const button = page.getByTestId('generate-next-month');
    await button.waitFor();
    const label = await button.innerText();
    const month = Number(/生成(\d+)月值班表/.exec(label)![1]);
    // The rolling roster may already hold next month (it rosters ahead): start it empty.
    const monthShifts = `SELECT id FROM duty_shift
      WHERE extract(month FROM starts_at AT TIME ZONE 'Asia/Shanghai') = $1`;
    await t.sql(`DELETE FROM shift_swap WHERE shift_id IN (${monthShifts})`, [month]);
    await t.sql(`DELETE FROM handover_note WHERE shift_id IN (${monthShifts})`, [month]);
    await t.sql(`DELETE FROM shift_assignment WHERE shift_id IN (${monthShifts})`, [month]);
    await t.sql(`DELETE FROM duty_shift WHERE id IN (${monthShifts})`, [month]);
    await expectAccessible(page, 'roster week');
    await expectTouchTargets(page, 'roster week');

    await button.click();
    await page.getByTestId('confirm-dialog').waitFor();
    await page.getByTestId('confirm-no').click();
    await button.click();
    await page.getByTestId('confirm-yes').click();
    const done = page.getByTestId('done-message');
    await done.or(page.getByRole('alert')).first().waitFor({ timeout: 60_000 });
    expect(await page.getByRole('alert').allInnerTexts()).toEqual([]);
    expect(await done.innerText()).toMatch(new RegExp(`${month}月值班表已生成：新排\\d+个班次`));

    const [held] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM duty_shift
        WHERE extract(month FROM starts_at AT TIME ZONE 'Asia/Shanghai') = $1`,
      [month],
    );
    expect(held!.n).toBeGreaterThan(0);

    await page.getByTestId('generated-first-week').click();
    await page.waitForFunction(() => location.hash.includes('week='));
    await page.locator('[data-testid^="roster-day-"]').first().waitFor();
  });
});
