import { expectAccessible, expectTouchTargets, NARROW_PHONE } from './support/axe';
import { describeWithBrowser, loginInBrowser, screenshotPath } from './support/browser';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

describeWithBrowser(
  'a resident unit publishes, pauses and ends an off-peak offer',
  ({ newPage }) => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp();
    });
    afterAll(() => t.close());

    const offers = async () =>
      (await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM off_peak_offer`))[0]!.n;

    it('checks the form, reads the offer back, publishes only when confirmed, and says so', async () => {
      const page = await newPage({ viewport: NARROW_PHONE });
      await loginInBrowser(page, t.url, DEMO.unit, DEMO.password);
      await page.goto(`${t.url}/app/#/unit/offers`);
      await page.getByTestId('publish-form').waitFor();
      await expectAccessible(page, 'unit offers');
      // Nothing pushes the screen sideways on a 360-px phone (a long option once did).
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        360,
      );
      const before = await offers();

      // Each label names its own field.
      expect(await page.getByLabel('名称').getAttribute('data-testid')).toBe('offer-title');
      expect(await page.getByLabel('开放车位数').getAttribute('data-testid')).toBe('offer-places');
      expect(await page.getByLabel('开放时段').getAttribute('data-testid')).toBe('offer-preset');

      // 立即发布 on an empty form publishes nothing and says what is missing.
      await page.getByTestId('publish-submit').click();
      await page.getByTestId('offer-title-error').waitFor();
      expect(await page.getByTestId('offer-places-error').innerText()).toContain('车位数');
      expect(await page.getByTestId('offer-preset-error').innerText()).toContain('开放时段');
      expect(await page.getByTestId('confirm-dialog').count()).toBe(0);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('title');
      await page.screenshot({ path: screenshotPath('unit-publish-empty.png') });
      await expectAccessible(page, 'unit publish form with problems');
      await expectTouchTargets(page, 'unit publish form with problems');

      // More places than the car park has is refused before sending.
      await page.getByTestId('offer-title').fill('学校暑期共享');
      await page.getByTestId('offer-places').fill('99999');
      await page.getByTestId('offer-preset').selectOption('office');
      await page.getByTestId('publish-submit').click();
      await page.getByTestId('offer-places-error').waitFor();
      expect(await page.getByTestId('offer-title-error').count()).toBe(0);

      // Read back, and the unit changes its mind: nothing is published.
      await page.getByTestId('offer-places').fill('6');
      await page.getByTestId('publish-submit').click();
      const summary = page.getByTestId('publish-summary');
      await summary.waitFor();
      const facts = await summary.innerText();
      expect(facts).toContain('学校暑期共享');
      expect(facts).toContain('6个车位');
      expect(facts).toContain('工作日19:00–次日7:30，周末及节假日全天');
      await page.screenshot({ path: screenshotPath('unit-publish-confirm.png') });
      await expectAccessible(page, 'unit publish confirmation');
      await page.getByTestId('confirm-no').click();
      expect(await offers()).toBe(before);

      await page.getByTestId('publish-submit').click();
      await page.getByTestId('confirm-yes').click();
      const done = page.getByTestId('done-message');
      await done.waitFor();
      expect(await done.innerText()).toContain('已发布“学校暑期共享”');
      expect(await offers()).toBe(before + 1);
      const [row] = await t.sql<{ places: number; status: string }>(
        `SELECT places, status FROM off_peak_offer WHERE title = '学校暑期共享'`,
      );
      expect(row).toEqual({ places: 6, status: 'live' });
      // The form is empty again for the next offer.
      expect(await page.getByTestId('offer-title').inputValue()).toBe('');
      await expectAccessible(page, 'unit offers after publishing');
      await expectTouchTargets(page, 'unit offers after publishing');

      const offer = page.getByTestId('unit-offer').filter({ hasText: '学校暑期共享' });
      await offer.waitFor();

      // Pausing asks first; "取消" leaves it live.
      await offer.getByTestId('offer-pause').click();
      await page.getByTestId('confirm-dialog').waitFor();
      await page.getByTestId('confirm-no').click();
      expect(await offer.getByTestId('offer-pause').count()).toBe(1);
      await offer.getByTestId('offer-pause').click();
      await page.getByTestId('confirm-yes').click();
      await page.getByTestId('done-message').filter({ hasText: '已暂停“学校暑期共享”' }).waitFor();
      await offer.getByTestId('offer-resume').waitFor();

      // Ending asks in red and says what happens to bookings.
      await offer.getByTestId('offer-end').click();
      const dialog = page.getByTestId('confirm-dialog');
      await dialog.waitFor();
      expect(await dialog.innerText()).toContain('不能恢复');
      await expectAccessible(page, 'end offer confirmation');
      await page.getByTestId('confirm-yes').click();
      await page.getByTestId('done-message').filter({ hasText: '已结束“学校暑期共享”' }).waitFor();
      const [ended] = await t.sql<{ status: string }>(
        `SELECT status FROM off_peak_offer WHERE title = '学校暑期共享'`,
      );
      expect(ended!.status).toBe('ended');
    });
  },
);
